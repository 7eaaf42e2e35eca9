using Dossier.Core.Labels;
using Xunit.Abstractions;

namespace Dossier.Nlp.Tests.Entities;

/// <summary>Patterns of names the tagger met rarely in its training data (issue 12), in sentences written for these tests.</summary>
public sealed class NameGeneralisationTests(ITestOutputHelper output)
{
    private Core.Documents.Document Analyse(string text)
    {
        var doc = NerTestData.Analyse(NerTestData.Shipped, text);
        foreach (var e in doc.Names) output.WriteLine($"{e.Type} {e.Name}");
        return doc;
    }

    [Fact]
    public void Names_CompanyOpeningWithATitleWord_StaysWholeAndIsNoPerson()
    {
        var doc = Analyse("Admiral Logistics Corporation opened a depot in Ohio, and Admiral Logistics hired drivers.");
        Assert.DoesNotContain(doc.Names, e => e.Type == EntityTypes.Person);
        Assert.Contains(doc.Names, e => e.Name == "Admiral Logistics Corporation" && e.Type == EntityTypes.Organization);
    }

    [Fact]
    public void Names_CompanyWithSuffix_KeepsTheSuffix()
    {
        var doc = Analyse("Qualtrix Inc. said on Monday that it would cut prices.");
        Assert.Equal(EntityTypes.Organization, NerTestData.Find(doc, "Qualtrix Inc.")?.Type);
    }

    [Fact]
    public void Names_AbbreviationAfterAClockTime_IsNoOrganisation()
    {
        var doc = Analyse("The vote closes at 9:00 GMT and the results come at 14:00 EST on Friday.");
        Assert.Null(NerTestData.Find(doc, "EST"));
        Assert.Null(NerTestData.Find(doc, "GMT"));
    }

    [Fact]
    public void Names_LowerCaseWebText_FindsKnownPlaces()
    {
        var doc = Analyse("i moved to chicago last year and my sister still lives in boston.");
        Assert.Equal(EntityTypes.Gpe, NerTestData.Find(doc, "chicago")?.Type);
        Assert.Equal(EntityTypes.Gpe, NerTestData.Find(doc, "boston")?.Type);
    }

    [Fact]
    public void Names_LowerCaseCountryAfterAPreposition_IsAPlace()
    {
        var doc = Analyse("my cousin moved to germany last spring and loves it");
        Assert.Equal(EntityTypes.Gpe, NerTestData.Find(doc, "germany")?.Type);
    }

    [Fact]
    public void Names_EndingInAPlaceOrBuildingWord_AreNoPersons()
    {
        var doc = Analyse("We swam in Tullagh Lake, ate near Brennan Street and heard a concert at Morrow Auditorium.");
        Assert.DoesNotContain(doc.Names, e => e.Type == EntityTypes.Person);
    }

    [Fact]
    public void Names_AddressesAndFileNames_AreNoNames()
    {
        var doc = Analyse("Send it to Karl.Brandt@corvex.example or read Budget.xls at http://Corvex.example/Plans today.");
        Assert.DoesNotContain(doc.Names, e => e.Name.Contains('@', StringComparison.Ordinal) || e.Name.Contains("://", StringComparison.Ordinal) || e.Name.EndsWith(".xls", StringComparison.Ordinal));
    }

    [Fact]
    public void Names_TitleBeforeANameWithInitials_IsCutOffAndThePersonKept()
    {
        var doc = Analyse("The talks included Deputy Governor RB Okafor and two advisers from the central bank.");
        Assert.Equal(EntityTypes.Person, NerTestData.Find(doc, "RB Okafor")?.Type);
        Assert.DoesNotContain(doc.Names, e => e.Name.Contains("Governor", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("Labour Minister Tomas Reyes of Spain met Austrian Chancellor Friedrich Oberhauser in Vienna on Tuesday.", "Friedrich Oberhauser")]
    [InlineData("Health Minister Ana Ruiz of Chile met Polish Chancellor Friedrich Brzeska in Warsaw on Monday.", "Friedrich Brzeska")]
    [InlineData("Trade Minister Jonas Lindqvist of Sweden met German Chancellor Ottokar Vreeswijk in Bonn on Friday.", "Ottokar Vreeswijk")]
    [InlineData("Education Minister Sara Lind of Norway met Belgian Chancellor Friedrich Vandersteen in Brussels on Thursday.", "Friedrich Vandersteen")]
    public void Names_TitleGivenNameAndRareSurnameInALongSentence_KeepTheWholeName(string text, string name)
    {
        // The tagger may take the rare title into the span and close the name after the given name; the surname must stay.
        var doc = Analyse(text);
        Assert.Equal(EntityTypes.Person, NerTestData.Find(doc, name)?.Type);
        var given = name.Split(' ')[0];
        Assert.DoesNotContain(doc.Names, e => e.Name == given);
    }

    [Theory]
    [InlineData("Jonas Berg will host a summit with Friedrich Oberhauser in Lisbon on March 3, 2031.", "Friedrich Oberhauser")]
    [InlineData("Lena Ortiz will host a summit with Ottokar Vreeswijk in Madrid on May 4, 2030.", "Ottokar Vreeswijk")]
    public void Names_TwoWordNameNoResourceKnows_IsAPersonNotAPlace(string text, string name)
    {
        // Neither word is in the word clusters or the gazetteer; the tagger's class rests on context alone.
        var doc = Analyse(text);
        Assert.Equal(EntityTypes.Person, NerTestData.Find(doc, name)?.Type);
    }

    [Fact]
    public void Names_SentenceAdverbInLyBeforeAComma_IsNoPerson()
    {
        var doc = Analyse("Mayor Lina Ortiz opened the new bridge on Monday. Regionally, the vote on the bridge had been close.");
        Assert.Null(NerTestData.Find(doc, "Regionally"));
        Assert.Equal(EntityTypes.Person, NerTestData.Find(doc, "Lina Ortiz")?.Type);
    }

    [Fact]
    public void Names_AllCapitalHeadline_FindsTheCompanies()
    {
        var doc = Analyse("TOYOTA AND HONDA REPORT HIGHER PROFITS\n\nToyota and Honda said profits rose in the third quarter.");
        Assert.Contains(doc.Names, e => e.Name == "TOYOTA" && e.Type == EntityTypes.Organization);
        Assert.Contains(doc.Names, e => e.Name == "HONDA" && e.Type == EntityTypes.Organization);
    }

    [Fact]
    public void Names_OneWordNameAfterAnArticle_IsNoPerson()
    {
        var doc = Analyse("Survivors spoke of the Vardenhaus; outside stood a Brelland, and the Ostmark.");
        Assert.DoesNotContain(doc.Names, e => e.Type == EntityTypes.Person);
    }

    [Fact]
    public void Names_LowerCaseFunctionWordAfterACompany_IsNoName()
    {
        var doc = Analyse("The grant went from the Walton Foundation to Acme, Inc. of Mountain View, California.");
        Assert.DoesNotContain(doc.Names, e => e.Name.StartsWith("of", StringComparison.Ordinal));
        Assert.Equal(EntityTypes.Gpe, NerTestData.Find(doc, "California")?.Type);
    }

    [Fact]
    public void Names_CapitalisedCommonWordsOfAReviewTitle_AreNoNames()
    {
        var doc = Analyse("Lovely Meal\nWe had dinner there twice and the staff were friendly.\n\nNice people and fast service. Will come back!");
        Assert.Null(NerTestData.Find(doc, "Meal"));
        Assert.Null(NerTestData.Find(doc, "Nice"));
    }

    [Fact]
    public void Names_ArticleOpeningTheSentenceBeforeAnOrganisationNamedAfterAPlace_IsLeftOut()
    {
        var doc = Analyse("The US Coast Guard rescued four sailors on Tuesday.");
        Assert.Equal(EntityTypes.Organization, NerTestData.Find(doc, "US Coast Guard")?.Type);
        Assert.DoesNotContain(doc.Names, e => e.Name.StartsWith("The ", StringComparison.Ordinal));
    }

    [Fact]
    public void Names_KnownPlaceSpelledAsACommonWord_StaysAPlaceInsideASentence()
    {
        var doc = Analyse("The striker left Nice for Lyon in 2019 and scored twice against Nice last season.");
        Assert.Contains(doc.Names, e => e.Name == "Nice");
    }
}

public sealed class NameGeneralisationDataTests
{
    private const string Gum = """
        # sent_id = t-1
        1	Maria	Maria	PROPN	NNP	_	2	nsubj	_	Entity=(1-person-new-x-cf1-1-coref
        2	Soto	Soto	PROPN	NNP	_	3	flat	_	Entity=1)
        3	joined	join	VERB	VBD	_	0	root	_	_
        4	the	the	DET	DT	_	6	det	_	Entity=(2-organization-new-x-cf2-1-coref
        5	Lisbon	Lisbon	PROPN	NNP	_	6	compound	_	Entity=(3-place-new-x-cf3-1-sgl)
        6	Orchestra	Orchestra	PROPN	NNP	_	3	obj	_	Entity=2)
        7	.	.	PUNCT	.	_	3	punct	_	_

        # sent_id = t-2
        1	She	she	PRON	PRP	_	2	nsubj	_	Entity=(1-person-giv-x-cf1-1-coref)
        2	likes	like	VERB	VBZ	_	0	root	_	_
        3	Brazilian	Brazilian	ADJ	JJ	_	4	amod	_	Entity=(4-abstract-new-x-cf4-1-sgl
        4	music	music	NOUN	NN	_	2	obj	_	Entity=4)

        """;

    [Fact]
    public void GumNames_EntityBrackets_GiveWholeProperNounRunsTypedByTheirEntityAndSkipUncoveredCapitals()
    {
        var folder = Path.Combine(Path.GetTempPath(), "dossier-gum-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            File.WriteAllText(Path.Combine(folder, "GUM_test_a.conllu"), Gum);
            File.WriteAllText(Path.Combine(folder, "GUM_test_dev.conllu"), Gum);
            var documents = Dossier.Nlp.Entities.GumNames.ReadDocuments(folder, ["GUM_test_dev"], out var skipped);
            var sentence = Assert.Single(Assert.Single(documents));
            Assert.Equal(1, skipped); // the sentence with "Brazilian", which no name covers
            Assert.Equal(
                [(0, 2, Dossier.Nlp.Entities.NerTags.ClassIndex("PER")), (4, 6, Dossier.Nlp.Entities.NerTags.ClassIndex("ORG"))],
                sentence.Spans);
        }
        finally
        {
            Directory.Delete(folder, true);
        }
    }

    [Fact]
    public void WordClusters_ShippedModel_PutsCityNamesTogetherInAnyCase()
    {
        var clusters = NerTestData.Shipped.Clusters;
        Assert.True(clusters.Count > 10_000);
        var paris = clusters.Get(Dossier.Nlp.Models.FeatureHash.LowerFolded("Paris"));
        Assert.NotEqual(0, paris);
        Assert.Equal(paris, clusters.Get(Dossier.Nlp.Models.FeatureHash.LowerFolded("PARIS")));
        Assert.Equal(0, clusters.Get(Dossier.Nlp.Models.FeatureHash.LowerFolded("qzxv-not-a-word")));
    }
}
