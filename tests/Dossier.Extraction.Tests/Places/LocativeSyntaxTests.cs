using Dossier.Core.Documents;
using Dossier.Core.Labels;
using Dossier.Extraction.Places;
using static Dossier.Extraction.Tests.Places.HandTypedDocuments;

namespace Dossier.Extraction.Tests.Places;

/// <summary>
/// The places stage's one locative test (<see cref="PlaceWords.UsedAsPlace"/>: "in X", "in the X", "X-based"), read by the
/// mention finder and the geocoder alike, and a location the text places in a country or division that holds the city its name
/// begins with ("the X Opera House in China"; issue 18, branch geo9). Texts of our own, the name finder's entities written by hand.
/// </summary>
public sealed class LocativeSyntaxTests
{
    private static readonly Geocoder Geocoder = new(PlaceGazetteer.Default);
    private static readonly PlaceMentionFinder Finder = new(PlaceGazetteer.Default, PlaceWords.Default);

    /// <summary>Whether the first occurrence of <paramref name="words"/> in <paramref name="text"/> is used as a place.</summary>
    private static bool UsedAsPlace(string text, string words)
    {
        var doc = Tokenized(text);
        var at = text.IndexOf(words, StringComparison.Ordinal);
        var first = PlaceMentionFinder.TokenAt(doc.Tokens, at);
        var last = PlaceMentionFinder.TokenAt(doc.Tokens, at + words.Length - 1);
        return PlaceWords.UsedAsPlace(doc, first, last, PlaceWords.Default.Locative);
    }

    [Theory]
    [InlineData("The ferry left from Dover at noon.", "Dover")]
    [InlineData("The ferry waited in the Medway all night.", "Medway")]
    [InlineData("A Dover-based haulier lost its trucks.", "Dover")]
    public void UsedAsPlace_AfterALocativePrepositionOrBeforeBased_IsTrue(string text, string words) => Assert.True(UsedAsPlace(text, words));

    [Theory]
    [InlineData("Dover said the ferry would wait.", "Dover")]
    [InlineData("A Dover based haulier lost its trucks.", "Dover")]
    [InlineData("The crew of the Medway sailed at dawn.", "Medway")]
    public void UsedAsPlace_AsASubjectOrBeforeASpacedBased_IsFalse(string text, string words) => Assert.False(UsedAsPlace(text, words));

    [Fact]
    public void Find_OrganisationTypedCityBeforeBased_IsRetypedAPlace()
    {
        var (doc, rules) = Finder.Find(With("Shares of the Lyon-based maker rose on Friday, and France praised it.", ("Lyon", EntityTypes.Organization), ("France", EntityTypes.Gpe)));
        Assert.Equal(EntityTypes.Gpe, doc.Entities.Single(e => e.Name == "Lyon").Type);
        Assert.Contains("retyped-context", rules);
        Assert.Equal("FR", Geocoder.Resolve(doc).Single(d => d.Entity.Name == "Lyon").Result?.CountryCode);
    }

    [Fact]
    public void Find_OrganisationTypedCityWithoutPlaceSyntax_StaysAnOrganisation()
    {
        // A club named after its city: "Lyon fans", no locative word and no "-based".
        var (doc, rules) = Finder.Find(With("Lyon fans sang on Friday, and France praised them.", ("Lyon", EntityTypes.Organization), ("France", EntityTypes.Gpe)));
        Assert.Equal(EntityTypes.Organization, doc.Entities.Single(e => e.Name == "Lyon").Type);
        Assert.DoesNotContain("retyped-context", rules);
    }

    [Fact]
    public void Find_PlaceBeforeBasedInsideAPersonsName_IsAPlaceOfItsOwn()
    {
        // The name finder took the place into the person's name ("X-based Y").
        var (doc, rules) = Finder.Find(With("Marseille-based Dupont won the prize, and France cheered.", ("Marseille-based Dupont", EntityTypes.Person), ("France", EntityTypes.Gpe)));
        Assert.Contains("nested-based", rules);
        var marseille = doc.Entities.Single(e => e.Name == "Marseille");
        Assert.Equal(EntityTypes.Gpe, marseille.Type);
        Assert.Equal("FR", Geocoder.Resolve(doc).Single(d => d.Entity.Name == "Marseille").Result?.CountryCode);
        Assert.Equal(EntityTypes.Person, doc.Entities.Single(e => e.Name == "Marseille-based Dupont").Type);
    }

    [Fact]
    public void Find_PlaceBeforeBasedOfACountryTheDocumentDoesNotName_IsNoPlace()
    {
        // The document names Chile only: Marseille's country is no evidence here.
        var (doc, rules) = Finder.Find(With("Marseille-based Dupont won the prize, and Chile cheered.", ("Marseille-based Dupont", EntityTypes.Person), ("Chile", EntityTypes.Gpe)));
        Assert.DoesNotContain("nested-based", rules);
        Assert.DoesNotContain(doc.Entities, e => e.Name == "Marseille");
    }

    [Fact]
    public void Resolve_LocationNamedAfterACityAndPlacedInItsCountry_IsALandmarkInThatCity()
    {
        var d = Geocoder.Resolve(With("Her works include the Dalian Opera House in China.", ("Dalian Opera House", EntityTypes.Location), ("China", EntityTypes.Gpe)))
            .Single(x => x.Entity.Name == "Dalian Opera House");
        Assert.Equal("landmark-qualified", d.Rule);
        Assert.Equal("Dalian", d.Place?.Name);
        Assert.Equal(PlaceClasses.Landmark, d.Result?.FeatureClass);
    }

    [Fact]
    public void Resolve_LocationNamedAfterACityWhoseCountryIsNotRightAfterIt_GetsNoPlace()
    {
        // The document names China, but not as the place that holds the location: no evidence that Dalian is the city.
        var d = Geocoder.Resolve(With("Her works include the Dalian Opera House, and China paid for it.", ("Dalian Opera House", EntityTypes.Location), ("China", EntityTypes.Gpe)))
            .Single(x => x.Entity.Name == "Dalian Opera House");
        Assert.Null(d.Result);
    }

    [Fact]
    public void Resolve_LocationNamedAfterACityOfAnotherCountry_GetsNoPlace()
    {
        // Dalian lies in China, not in Peru: "in Peru" places no Dalian landmark.
        var d = Geocoder.Resolve(With("Her works include the Dalian Opera House in Peru.", ("Dalian Opera House", EntityTypes.Location), ("Peru", EntityTypes.Gpe)))
            .Single(x => x.Entity.Name == "Dalian Opera House");
        Assert.Null(d.Result);
    }

    [Fact]
    public void Find_PersonTypedCityFollowedByInAndItsCountry_IsRetypedAPlace()
    {
        var (doc, rules) = Finder.Find(With("Crowds cheered Curitiba in Brazil on Sunday.", ("Curitiba", EntityTypes.Person), ("Brazil", EntityTypes.Gpe)));
        Assert.Equal(EntityTypes.Gpe, doc.Entities.Single(e => e.Name == "Curitiba").Type);
        Assert.Contains("retyped-context", rules);
    }

    [Theory]
    [InlineData("Crowds cheered Curitiba on Sunday, and Brazil too.")]
    [InlineData("Crowds cheered Curitiba in Chile on Sunday, and Brazil too.")]
    public void Find_PersonTypedCityNotPlacedInItsCountry_StaysAPerson(string text)
    {
        // No "in" after the name, or "in" a country that does not hold the city: no evidence of a place.
        var (doc, rules) = Finder.Find(With(text, ("Curitiba", EntityTypes.Person), ("Chile", EntityTypes.Gpe), ("Brazil", EntityTypes.Gpe)));
        Assert.Equal(EntityTypes.Person, doc.Entities.Single(e => e.Name == "Curitiba").Type);
        Assert.DoesNotContain("retyped-context", rules);
    }

    [Fact]
    public void Find_LowerCaseBigCityAfterALocativePrepositionInADocumentWithoutEntities_IsAPlace()
    {
        // A review that names no country and in which the name finder found nothing: a city of one country with 100,000 people or more.
        var (doc, rules) = Finder.Find(With("We booked lessons with a driving school in winnipeg last spring."));
        Assert.Contains("unlabelled-lower", rules);
        var city = doc.Entities.Single();
        Assert.Equal("winnipeg", city.Name);
        Assert.Equal("CA", Geocoder.Resolve(doc).Single().Result?.CountryCode);
    }

    [Theory]
    [InlineData("We booked lessons with a driving school in quimper last spring.")] // some 60,000 people: too few to vouch for itself
    [InlineData("We booked lessons with a driving school, and winnipeg was cold.")] // no locative word before it
    public void Find_LowerCaseCityWithoutEnoughEvidenceInADocumentWithoutEntities_IsNoPlace(string text)
    {
        var (doc, rules) = Finder.Find(With(text));
        Assert.Empty(rules);
        Assert.Empty(doc.Entities.IsDefault ? [] : doc.Entities);
    }
}
