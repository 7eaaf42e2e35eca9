using Dossier.Core.Documents;
using Dossier.Core.Labels;
using Dossier.Extraction.Places;
using Dossier.Nlp.Tokenization;

namespace Dossier.Extraction.Tests.Places;

/// <summary>
/// Place mentions the name finder missed or mistyped (<see cref="PlaceMentionFinder"/>), on texts of our own with the
/// name finder's entities written by hand, so that each test fixes what the finder is given.
/// </summary>
public sealed class PlaceMentionFinderTests
{
    private static readonly PlaceMentionFinder Finder = new(PlaceGazetteer.Default, PlaceWords.Default);

    /// <summary>The text tokenized, with one entity per (name, type): every occurrence of the name outside an earlier entity's is a mention.</summary>
    private static Document With(string text, params (string Name, string Type)[] entities)
    {
        var doc = new TokenizationStage().Process(new Document(text, new DocumentMetadata(null, "test", new DateOnly(2025, 3, 14))));
        var list = new List<Entity>();
        var taken = new List<(int Start, int End)>();
        foreach (var (name, type) in entities)
        {
            var mentions = new List<Mention>();
            for (var at = text.IndexOf(name, StringComparison.Ordinal); at >= 0; at = text.IndexOf(name, at + name.Length, StringComparison.Ordinal))
            {
                if (taken.Any(r => r.Start < at + name.Length && at < r.End)) continue; // inside an earlier entity's name
                taken.Add((at, at + name.Length));
                var sentence = doc.Tokens.First(t => t.Start >= at).Sentence;
                mentions.Add(new Mention(at, at + name.Length, name, sentence));
            }

            list.Add(new Entity("e" + (list.Count + 1), name, type) { Aliases = [name], Mentions = [.. mentions] });
        }

        return doc with { Entities = [.. list] };
    }

    private static Entity? PlaceCovering(Document d, string text, string word)
    {
        var at = text.IndexOf(word, StringComparison.Ordinal);
        return d.Entities.Where(e => e.Place is not null && e.Mentions.Any(m => m.Start <= at && m.End >= at + word.Length))
            .OrderBy(e => e.Mentions.Where(m => m.Start <= at && m.End >= at + word.Length).Min(m => m.End - m.Start))
            .FirstOrDefault();
    }

    [Fact]
    public void Stage_PlaceAfterALinkWordInAnOrganisationsName_IsANewPlaceMention()
    {
        const string text = "Researchers at the University of Leicester in the United Kingdom published the study on Monday.";
        var doc = new PlaceStage().Process(With(text, ("University of Leicester", EntityTypes.Organization), ("United Kingdom", EntityTypes.Gpe)));

        var place = PlaceCovering(doc, text, "Leicester");
        Assert.NotNull(place);
        Assert.Equal(EntityTypes.Gpe, place!.Type);
        Assert.Equal("GB", place.Place!.CountryCode);
        Assert.Equal(PlaceClasses.City, place.Place.FeatureClass);
        Assert.Contains(doc.Entities, e => e.Name == "University of Leicester" && e.Type == EntityTypes.Organization && e.Place is null);
        Assert.Equal(doc.Entities.Select((_, i) => "e" + (i + 1)), doc.Entities.Select(e => e.Id));
    }

    [Fact]
    public void Stage_KnownPlaceInsideAnotherEntitysDescription_IsNotAddedTwice()
    {
        const string text = "Lawyers for the union filed the suit in Ohio. A federal court in Ohio heard the case on Monday.";
        var doc = With(text, ("Ohio", EntityTypes.Gpe));
        // Coreference gave the union a description that holds the place's own second mention.
        var at = text.IndexOf("federal court in Ohio", StringComparison.Ordinal);
        var description = new Mention(at, at + "federal court in Ohio".Length, "federal court in Ohio", 1) { Kind = MentionKinds.Description };
        var union = new Entity("e2", "the union", EntityTypes.Organization) { Aliases = ["the union"], Mentions = [description] };
        doc = new PlaceStage().Process(doc with { Entities = [.. doc.Entities, union] });

        var ohio = Assert.Single(doc.Entities, e => e.Name == "Ohio");
        Assert.Equal(ohio.Mentions.Length, ohio.Mentions.Select(m => (m.Start, m.End)).Distinct().Count());
        Assert.Equal(2, ohio.Mentions.Length);
    }

    [Fact]
    public void Find_CountryThatBeginsAnAgencysName_JoinsTheDocumentsCountry()
    {
        const string text = "Rangers of the Kenya Wildlife Service counted the herds. Kenya has more rangers than ever.";
        var (doc, rules) = Finder.Find(With(text, ("Kenya Wildlife Service", EntityTypes.Organization), ("Kenya", EntityTypes.Gpe)));

        var kenya = doc.Entities.Single(e => e.Name == "Kenya");
        Assert.Equal(2, kenya.Mentions.Length);
        Assert.Equal(["nested-known"], rules);
    }

    [Fact]
    public void Stage_PersonTypedTownAfterALocativePreposition_IsRetypedAPlace()
    {
        const string text = "Supporters of the party in Kenya travelled from Eldoret to the rally.";
        var doc = new PlaceStage().Process(With(text, ("Kenya", EntityTypes.Gpe), ("Eldoret", EntityTypes.Person)));

        var town = doc.Entities.Single(e => e.Name == "Eldoret");
        Assert.Equal(EntityTypes.Gpe, town.Type);
        Assert.Equal("KE", town.Place?.CountryCode);
    }

    [Fact]
    public void Find_PersonNamedLikeATownWithoutPlaceContext_StaysAPerson()
    {
        const string text = "Eldoret said on Monday that the party in Kenya would win.";
        var (doc, rules) = Finder.Find(With(text, ("Kenya", EntityTypes.Gpe), ("Eldoret", EntityTypes.Person)));

        Assert.Equal(EntityTypes.Person, doc.Entities.Single(e => e.Name == "Eldoret").Type);
        Assert.Empty(rules);
    }

    [Fact]
    public void Find_PlaceInAPersonsNameOrAHeadNounBeforeALinkWord_IsNoPlace()
    {
        const string text = "Sydney Carter of the Union of Farmers spoke in Sydney, Australia.";
        var (doc, rules) = Finder.Find(With(text, ("Sydney Carter", EntityTypes.Person), ("Union of Farmers", EntityTypes.Organization),
            ("Australia", EntityTypes.Gpe)));

        Assert.DoesNotContain(doc.Entities, e => e.Name == "Union");
        Assert.DoesNotContain("nested-name", rules);
        Assert.DoesNotContain("nested-known", rules);
    }

    [Fact]
    public void Find_UnlabelledCityAfterALocativePrepositionInACountryOfTheReport_IsANewPlace()
    {
        const string text = "The minister of France arrived in Rennes on Sunday.";
        var (doc, rules) = Finder.Find(With(text, ("France", EntityTypes.Gpe)));

        Assert.Contains(doc.Entities, e => e.Name == "Rennes" && e.Type == EntityTypes.Gpe);
        Assert.Equal(["unlabelled-context"], rules);
    }

    [Fact]
    public void Find_UnlabelledCityOfACountryTheReportDoesNotName_IsNoPlace()
    {
        const string text = "The minister of Chile arrived in Rennes on Sunday.";
        var (doc, rules) = Finder.Find(With(text, ("Chile", EntityTypes.Gpe)));

        Assert.DoesNotContain(doc.Entities, e => e.Name == "Rennes");
        Assert.Empty(rules);
    }

    [Theory]
    [InlineData("Havre", "Le Havre")]
    [InlineData("Al Havre", null)]
    public void Find_NameWithoutItsArticle_FindsThePlace(string name, string? expected)
    {
        var found = PlaceGazetteer.Default.Find(name);
        if (expected is null) Assert.Empty(found);
        else Assert.Contains(found, p => p.Name == expected);
    }

    [Fact]
    public void Stage_CountryCutShortByTheNameFinder_IsCompletedAndPlaced()
    {
        const string text = "Exports to the United Kingdom rose again in the spring.";
        var (found, rules) = Finder.Find(With(text, ("Kingdom", EntityTypes.Location)));
        Assert.Equal(["extended"], rules);
        var doc = new PlaceStage().Process(With(text, ("Kingdom", EntityTypes.Location)));

        var place = PlaceCovering(doc, text, "United Kingdom");
        Assert.NotNull(place);
        Assert.Equal("GB", place!.Place!.CountryCode);
        Assert.Equal(PlaceClasses.Country, place.Place.FeatureClass);
        Assert.Equal("United Kingdom", found.Entities.Single().Name);
    }

    [Fact]
    public void Stage_DivisionCodeAfterATownAndAComma_IsTheDivision()
    {
        const string text = "The United States plant near Camden, NJ closed last year.";
        var doc = new PlaceStage().Process(With(text, ("United States", EntityTypes.Gpe)));

        var place = PlaceCovering(doc, text, "NJ");
        Assert.NotNull(place);
        Assert.Equal("US-NJ", place!.Place!.GazetteerId);
        Assert.Equal(PlaceClasses.Admin1, place.Place.FeatureClass);
    }

    [Fact]
    public void Find_DegreeAfterAPersonsName_IsNoDivision()
    {
        const string text = "In the United States, Jane Doyle, MD, treated the patients.";
        var (doc, rules) = Finder.Find(With(text, ("United States", EntityTypes.Gpe), ("Jane Doyle", EntityTypes.Person)));

        Assert.DoesNotContain("division-code", rules);
        Assert.Equal(2, doc.Entities.Length);
    }

    [Fact]
    public void Find_KnownPlaceInsideALandmarksName_JoinsThatPlace()
    {
        const string text = "Leeds hosted the fair at the Old Leeds Exhibition Hall this weekend.";
        var (doc, rules) = Finder.Find(With(text, ("Old Leeds Exhibition Hall", EntityTypes.Facility), ("Leeds", EntityTypes.Gpe)));

        Assert.Equal(2, doc.Entities.Single(e => e.Name == "Leeds").Mentions.Length);
        Assert.Equal(["nested-known"], rules);
    }

    [Fact]
    public void Find_CountryAtTheEndOfAnUnlabelledName_IsACountryMention()
    {
        const string text = "Thousands came from Bergen to the Comic Fair Norway 2024 last week.";
        var (doc, rules) = Finder.Find(With(text, ("Bergen", EntityTypes.Gpe)));

        Assert.Contains(doc.Entities, e => e.Name == "Norway" && e.Type == EntityTypes.Gpe);
        Assert.Equal(["unlabelled-country"], rules);
    }

    [Fact]
    public void Stage_TownThatOpensAListingWithAColon_IsAPlaceOfTheReportsCountry()
    {
        const string text = "Portugal has many old towns. Braga: a city of churches and students.";
        var doc = new PlaceStage().Process(With(text, ("Portugal", EntityTypes.Gpe)));

        var place = PlaceCovering(doc, text, "Braga");
        Assert.NotNull(place);
        Assert.Equal("PT", place!.Place!.CountryCode);
    }

    [Fact]
    public void Find_HyphenatedTownThatOpensAListing_IsOneName()
    {
        const string text = "France has many old towns. Saint-Malo: walls and tides.";
        var (doc, rules) = Finder.Find(With(text, ("France", EntityTypes.Gpe)));

        Assert.Contains(doc.Entities, e => e.Name == "Saint-Malo");
        Assert.Equal(["unlabelled-heading"], rules);
    }
    [Fact]
    public void Find_CapitalAfterALinkWordOfACountryTheReportDoesNotName_IsANewPlace()
    {
        const string text = "She studied at the University of Helsinki before moving abroad.";
        var (doc, rules) = Finder.Find(With(text, ("University of Helsinki", EntityTypes.Organization)));

        Assert.Contains(doc.Entities, e => e.Name == "Helsinki" && e.Type == EntityTypes.Gpe);
        Assert.Equal(["nested-capital"], rules);
    }

    [Fact]
    public void Find_TownAfterALinkWordOfACountryTheReportDoesNotName_IsNoPlace()
    {
        const string text = "She studied at the University of Tacoma before moving abroad.";
        var (_, rules) = Finder.Find(With(text, ("University of Tacoma", EntityTypes.Organization)));

        Assert.Empty(rules);
    }

    [Fact]
    public void Stage_OrganisationNamedLikeAPlaceTheReportTypesAPlace_IsRetypedAndPlaced()
    {
        const string text = "Trains reach Tacoma daily. Tacoma's harbour is busy and ships sail from Tacoma at dawn.";
        var doc = new TokenizationStage().Process(new Document(text, new DocumentMetadata(null, "test", null)));
        var at = new List<int>();
        for (var i = text.IndexOf("Tacoma", StringComparison.Ordinal); i >= 0; i = text.IndexOf("Tacoma", i + 1, StringComparison.Ordinal)) at.Add(i);
        Mention M(int start, int length) => new(start, start + length, text.Substring(start, length), doc.Tokens.First(t => t.Start >= start).Sentence);
        var gpe = new Entity("e1", "Tacoma", EntityTypes.Gpe) { Aliases = ["Tacoma"], Mentions = [M(at[0], 6)] };
        var org = new Entity("e2", "Tacoma", EntityTypes.Organization) { Aliases = ["Tacoma"], Mentions = [M(at[1], 8), M(at[2], 6)] };
        // Brought in as an organisation (its mention first) and never after a locative preposition: a team, a firm.
        var team = new PlaceStage().Process(doc with { Entities = [gpe with { Mentions = [M(at[1], 8)] }, org with { Mentions = [M(at[0], 6)] }] });
        Assert.Equal(EntityTypes.Organization, team.Entities.Single(e => e.Id == "e2").Type);

        var placed = new PlaceStage().Process(doc with { Entities = [gpe, org] });

        var retyped = placed.Entities.Single(e => e.Id == "e2");
        Assert.Equal(EntityTypes.Gpe, retyped.Type);
        Assert.Equal("US", retyped.Place?.CountryCode);
    }

    [Fact]
    public void Stage_KnownPlaceCutShortByTheNameFinder_IsCompletedToTheReportsLongerPlace()
    {
        const string text = "Her family left New Mexico in May. A statue of her stands at the Museum of Art New Mexico today.";
        var doc = new TokenizationStage().Process(new Document(text, new DocumentMetadata(null, "test", null)));
        var first = text.IndexOf("New Mexico", StringComparison.Ordinal);
        var second = text.LastIndexOf("Mexico", StringComparison.Ordinal);
        var museum = text.IndexOf("Museum of Art", StringComparison.Ordinal);
        Mention M(int start, int length) => new(start, start + length, text.Substring(start, length), doc.Tokens.First(t => t.Start >= start).Sentence);
        Entity[] entities =
        [
            new("e1", "New Mexico", EntityTypes.Gpe) { Aliases = ["New Mexico"], Mentions = [M(first, 10)] },
            new("e2", "Museum of Art", EntityTypes.Organization) { Aliases = ["Museum of Art"], Mentions = [M(museum, 13)] },
            new("e3", "Mexico", EntityTypes.Gpe) { Aliases = ["Mexico"], Mentions = [M(second, 6)] },
        ];

        var (found, rules) = Finder.Find(doc with { Entities = [.. entities] });
        Assert.Contains("extended", rules);
        Assert.Equal("New Mexico", found.Entities.Single(e => e.Id == "e3").Name);

        var placed = new PlaceStage().Process(doc with { Entities = [.. entities] });
        Assert.Equal("US", placed.Entities.Single(e => e.Id == "e3").Place?.CountryCode);
    }
    [Fact]
    public void Stage_LowerCaseCityAfterALocativePreposition_IsPlaced()
    {
        const string text = "We moved from Ohio last year and now i work in cleveland at a small bakery.";
        var doc = new PlaceStage().Process(With(text, ("Ohio", EntityTypes.Gpe)));

        var place = PlaceCovering(doc, text, "cleveland");
        Assert.NotNull(place);
        Assert.Equal("US", place!.Place!.CountryCode);
        Assert.Equal(PlaceClasses.City, place.Place.FeatureClass);
    }

    [Fact]
    public void Stage_LowerCaseCommonWordNamedLikeACity_IsNoPlace()
    {
        // "mobile" names a US city, but the unlabelled text writes it capitalised under 10% of the time.
        const string text = "My friends from Ohio said the parts are sold in mobile shops.";
        var doc = new PlaceStage().Process(With(text, ("Ohio", EntityTypes.Gpe)));

        Assert.Null(PlaceCovering(doc, text, "mobile"));
    }

    [Fact]
    public void Stage_LowerCaseCityFollowedByItsState_BothPlaced()
    {
        const string text = "Back in the US, my cousin calls tampa florida her home.";
        var doc = new PlaceStage().Process(With(text, ("US", EntityTypes.Gpe)));

        var city = PlaceCovering(doc, text, "tampa");
        var state = PlaceCovering(doc, text, "florida");
        Assert.NotNull(city);
        Assert.NotNull(state);
        Assert.Equal(PlaceClasses.City, city!.Place!.FeatureClass);
        Assert.Equal("FL", city.Place.Admin1Code);
        Assert.Equal(PlaceClasses.Admin1, state!.Place!.FeatureClass);
        Assert.Equal("US", state.Place.CountryCode);
    }

    [Fact]
    public void Stage_PlaceCutShortBeforeALowerCaseWord_IsCompleted()
    {
        const string text = "Students from the US flew to san francisco in March.";
        var doc = new PlaceStage().Process(With(text, ("US", EntityTypes.Gpe), ("san", EntityTypes.Gpe)));

        var place = PlaceCovering(doc, text, "francisco");
        Assert.NotNull(place);
        Assert.Equal("san francisco", place!.Name);
        Assert.Equal("US", place.Place!.CountryCode);
        Assert.Equal(PlaceClasses.City, place.Place.FeatureClass);
    }

    [Theory]
    [InlineData("it", true)]
    [InlineData("he", false)]
    public void Stage_OrganisationNamedLikeACountryWithAPronoun_IsAPlaceUnlessThePronounIsPersonal(string pronoun, bool placed)
    {
        var text = $"Peru said on Monday that {pronoun} would raise tariffs.";
        var doc = new TokenizationStage().Process(new Document(text, new DocumentMetadata(null, "test", null)));
        var at = text.IndexOf(" " + pronoun + " ", StringComparison.Ordinal) + 1;
        var peru = new Entity("e1", "Peru", EntityTypes.Organization)
        {
            Aliases = ["Peru"],
            Mentions = [new Mention(0, 4, "Peru", 0), new Mention(at, at + pronoun.Length, pronoun, 0) { Kind = MentionKinds.Pronoun }],
        };
        doc = new PlaceStage().Process(doc with { Entities = [peru] });

        var e = Assert.Single(doc.Entities);
        Assert.Equal(placed, e.Place is not null);
        if (placed) Assert.Equal("PE", e.Place!.CountryCode);
    }

    [Fact]
    public void Stage_PlaceInsideAPersonsNameBesideACommonWord_IsAPlace()
    {
        // The name finder took a verb that opens the sentence into the name: "Try" is almost never capitalised inside a sentence.
        const string text = "Tired of England's big cities? Try Leicester for a quiet weekend away.";
        var doc = new PlaceStage().Process(With(text, ("England", EntityTypes.Gpe), ("Try Leicester", EntityTypes.Person)));

        var place = PlaceCovering(doc, text, "Leicester");
        Assert.NotNull(place);
        Assert.Equal("GB", place!.Place!.CountryCode);
    }

    [Fact]
    public void Stage_PlaceInsideAPersonsNameBesideAGivenName_IsNoPlace()
    {
        const string text = "Jack Leicester wrote the report on England's cities on Monday.";
        var doc = new PlaceStage().Process(With(text, ("Jack Leicester", EntityTypes.Person), ("England", EntityTypes.Gpe)));

        Assert.Null(PlaceCovering(doc, text, "Leicester"));
    }

    [Fact]
    public void Stage_ListOfCities_NoCityIsReadAsTheDivisionOfTheOneBefore()
    {
        // "Omaha, Portland": a list, not a town and its division (no Portland holds an Omaha), so Portland stays a US city.
        const string text = "Staff in Calgary, Toronto, Houston, Omaha, Portland or Denver can watch the meeting online.";
        var doc = new PlaceStage().Process(With(text, ("Calgary", EntityTypes.Gpe), ("Toronto", EntityTypes.Gpe), ("Houston", EntityTypes.Gpe),
            ("Omaha", EntityTypes.Gpe), ("Portland", EntityTypes.Gpe), ("Denver", EntityTypes.Gpe)));

        var portland = Assert.Single(doc.Entities, e => e.Name == "Portland");
        Assert.Equal("US", portland.Place!.CountryCode);
        Assert.Equal(PlaceClasses.City, portland.Place.FeatureClass);
    }
    [Fact]
    public void Stage_InitialsOfAPlaceNamedBefore_AreAMentionOfThatPlace()
    {
        const string text = "Teachers in Buenos Aires went on strike on Monday. The BA Herald said that schools in B.A. stayed shut.";
        var doc = new PlaceStage().Process(With(text, ("Buenos Aires", EntityTypes.Gpe), ("BA Herald", EntityTypes.Organization)));

        var city = Assert.Single(doc.Entities, e => e.Name == "Buenos Aires");
        Assert.Equal(3, city.Mentions.Length);
        Assert.Equal("AR", city.Place!.CountryCode);
        Assert.Same(city, PlaceCovering(doc, text, "B.A."));
        Assert.Contains(doc.Entities, e => e.Name == "BA Herald" && e.Type == EntityTypes.Organization && e.Place is null);
    }

    [Fact]
    public void Find_InitialsBeforeThePlaceIsNamed_AreNoPlace()
    {
        const string text = "The BA Herald said on Monday that teachers in Buenos Aires went on strike.";
        var (_, rules) = Finder.Find(With(text, ("BA Herald", EntityTypes.Organization), ("Buenos Aires", EntityTypes.Gpe)));

        Assert.DoesNotContain("initials", rules);
    }

    [Fact]
    public void Find_InitialsThatTwoPlacesOfTheDocumentShare_AreNoPlace()
    {
        const string text = "Farmers from South Dakota met buyers in San Diego. The SD Farm Bureau called the trip a success.";
        var (_, rules) = Finder.Find(With(text, ("South Dakota", EntityTypes.Gpe), ("San Diego", EntityTypes.Gpe), ("SD Farm Bureau", EntityTypes.Organization)));

        Assert.DoesNotContain("initials", rules);
    }

    [Theory]
    [InlineData("Los Angeles", "LA")]
    [InlineData("Stoke-On-Trent", "SOT")]
    [InlineData("Rio de Janeiro", null)]
    [InlineData("Paris", null)]
    [InlineData("Saint Kitts And Nevis Island", null)]
    public void Initials_OfAPlaceName_AreTheFirstLettersOfTwoToFourCapitalisedWords(string name, string? expected) =>
        Assert.Equal(expected, PlaceMentionFinder.Initials(name));

    [Theory]
    [InlineData("LA", "LA")]
    [InlineData("L.A.", "LA")]
    [InlineData("NYC", "NYC")]
    [InlineData("La", null)]
    [InlineData("L.A", null)]
    [InlineData("A", null)]
    [InlineData("ABCDE", null)]
    public void InitialsWord_CapitalsBareOrEachDotted_AreInitials(string word, string? expected) =>
        Assert.Equal(expected, PlaceMentionFinder.InitialsWord(word));

    [Fact]
    public void Stage_PlaceBeforeATitleInAPersonsName_IsAPlace()
    {
        const string text = "The bill reached Washington on Monday. Ohio Senator Jane Doe said she would vote against it.";
        var doc = new PlaceStage().Process(With(text, ("Washington", EntityTypes.Gpe), ("Ohio Senator Jane Doe", EntityTypes.Person)));

        var place = PlaceCovering(doc, text, "Ohio");
        Assert.NotNull(place);
        Assert.Equal("US", place!.Place!.CountryCode);
        Assert.Equal(PlaceClasses.Admin1, place.Place.FeatureClass);
        Assert.Contains(doc.Entities, e => e.Name == "Ohio Senator Jane Doe" && e.Type == EntityTypes.Person && e.Place is null);
    }

    [Fact]
    public void Find_PlaceInAPersonsNameWithATitleLastOrNoTitle_IsNoPlace()
    {
        const string text = "Actors in Australia cheered when Victoria Justice and Georgia Blake Hall arrived.";
        var (_, rules) = Finder.Find(With(text, ("Australia", EntityTypes.Gpe), ("Victoria Justice", EntityTypes.Person), ("Georgia Blake Hall", EntityTypes.Person)));

        Assert.DoesNotContain("nested-title", rules);
    }
    [Fact]
    public void Stage_StateOfADivisionTypedOrganisation_IsRetypedAPlaceInThatDivision()
    {
        const string text = "Lawyers for the State of Vermont asked the court to dismiss the claim.";
        var doc = new PlaceStage().Process(With(text, ("State of Vermont", EntityTypes.Organization)));

        var state = Assert.Single(doc.Entities, e => e.Name == "State of Vermont");
        Assert.Equal(EntityTypes.Gpe, state.Type);
        Assert.Equal("US", state.Place!.CountryCode);
        Assert.Equal(PlaceClasses.Admin1, state.Place.FeatureClass);
    }

    [Fact]
    public void Find_OrganisationWithAUnitWordButNoPlaceAfterIt_StaysAnOrganisation()
    {
        const string text = "The Department of Justice opened an inquiry in Ohio.";
        var (doc, rules) = Finder.Find(With(text, ("Department of Justice", EntityTypes.Organization), ("Ohio", EntityTypes.Gpe)));

        Assert.Equal(EntityTypes.Organization, doc.Entities.Single(e => e.Name == "Department of Justice").Type);
        Assert.DoesNotContain("retyped-unit", rules);
    }

    [Fact]
    public void Find_TwoTownsOfOneCountryBesideCommonWordsInOneSentence_AreBothPlaces()
    {
        // No country is named: each town vouches for the other (both lie in India only).
        const string text = "The parcel went to Noida Store instead of Gurgaon Store.";
        var (doc, rules) = Finder.Find(With(text, ("Noida Store", EntityTypes.Organization), ("Gurgaon Store", EntityTypes.Organization)));

        Assert.Equal(2, rules.Count(r => r == "common-pair"));
        Assert.Contains(doc.Entities, e => e.Name == "Noida" && e.Type == EntityTypes.Gpe);
        Assert.Contains(doc.Entities, e => e.Name == "Gurgaon" && e.Type == EntityTypes.Gpe);
    }

    [Fact]
    public void Find_OneTownBesideCommonWordsInADocumentNamingNoCountry_IsNoPlace()
    {
        const string text = "The parcel went to Noida Store on Monday.";
        var (_, rules) = Finder.Find(With(text, ("Noida Store", EntityTypes.Organization)));

        Assert.DoesNotContain("common-pair", rules);
        Assert.DoesNotContain("nested-common", rules);
    }

    [Fact]
    public void Find_PlaceNameWrittenInLowerCaseAfterAShorterPlace_JoinsThePlaceOfTheLongerName()
    {
        const string text = "Rockets were fired from the Gaza Strip on Sunday. Militants want to turn the Gaza strip into a battlefield, and Gaza is tense.";
        var doc = With(text, ("Gaza Strip", EntityTypes.Gpe), ("Gaza", EntityTypes.Gpe));
        var (found, rules) = Finder.Find(doc);

        Assert.Equal(["extended-known"], rules);
        var strip = found.Entities.Single(e => e.Name == "Gaza Strip");
        Assert.Contains(strip.Mentions, m => m.Text == "Gaza strip");
        Assert.Single(found.Entities.Single(e => e.Name == "Gaza").Mentions);
    }
    [Fact]
    public void Find_PlaceFollowedByPunctuationAndALowerCaseWord_DoesNotJoinTheLongerPlace()
    {
        const string text = "Rockets fell on the Gaza Strip on Sunday. In Gaza, strip searches at the crossing resumed.";
        var (found, rules) = Finder.Find(With(text, ("Gaza Strip", EntityTypes.Gpe), ("Gaza", EntityTypes.Gpe)));

        Assert.DoesNotContain("extended-known", rules);
        Assert.Single(found.Entities.Single(e => e.Name == "Gaza").Mentions);
    }
    [Fact]
    public void Find_PersonsNameEndingInAPlaceOfTwoWordsTheDocumentNames_HoldsThatPlace()
    {
        const string text = "She grew up in New Orleans. Fans met her at Madame Lacroix New Orleans last spring.";
        var (found, rules) = Finder.Find(With(text, ("Madame Lacroix New Orleans", EntityTypes.Person), ("New Orleans", EntityTypes.Gpe)));

        Assert.Contains("nested-person", rules);
        Assert.Equal(2, found.Entities.Single(e => e.Name == "New Orleans").Mentions.Length);
    }

    [Fact]
    public void Find_PersonsNameEndingInAOneWordPlace_HoldsNoPlace()
    {
        const string text = "She grew up in Orleans. Fans met Jack Orleans last spring.";
        var (_, rules) = Finder.Find(With(text, ("Jack Orleans", EntityTypes.Person), ("Orleans", EntityTypes.Gpe)));

        Assert.DoesNotContain("nested-person", rules);
    }
}
