using Dossier.Core.Documents;
using Dossier.Nlp.Entities;

namespace Dossier.Nlp.Tests.Entities;

/// <summary>The shipped model on news-style sentences written for these tests.</summary>
public sealed class EntityRecognitionStageTests
{
    private static Document Run(string text) => NerTestData.Analyse(NerTestData.Shipped, text);

    private static void AssertEntity(Document doc, string name, string type, string? country = null)
    {
        var entity = NerTestData.Find(doc, name);
        Assert.True(entity is not null, $"no entity \"{name}\" in: {string.Join(" | ", doc.Names.Select(e => $"{e.Name}/{e.Type}"))}");
        Assert.Equal(type, entity!.Type);
        if (country is not null) Assert.Equal(country, entity.Country);
    }

    [Fact]
    public void PersonsWithTitles_NewsSentence_ArePersonsWithoutTheTitle()
    {
        var doc = Run("President Elena Marquez of Argentina met German Chancellor Klaus Weber in Berlin on Tuesday.");
        AssertEntity(doc, "Elena Marquez", "PERSON");
        AssertEntity(doc, "Klaus Weber", "PERSON");
        AssertEntity(doc, "Argentina", "GPE", "ARG");
        AssertEntity(doc, "Berlin", "GPE", "DEU");
        AssertEntity(doc, "German", "NORP", "DEU");
    }

    [Fact]
    public void CountriesAndCapitals_NewsSentence_AreGpeWithIso3()
    {
        var doc = Run("The Kremlin said Vladimir Petrov, Russia's foreign minister, would visit Beijing after talks in Kyiv.");
        AssertEntity(doc, "Russia", "GPE", "RUS");
        AssertEntity(doc, "Beijing", "GPE", "CHN");
        AssertEntity(doc, "Kyiv", "GPE", "UKR");
        AssertEntity(doc, "Vladimir Petrov", "PERSON");
    }

    [Fact]
    public void Demonyms_NewsSentence_AreNorpWithIso3()
    {
        var doc = Run("Russian and Ukrainian negotiators arrived in Geneva for talks.");
        AssertEntity(doc, "Russian", "NORP", "RUS");
        AssertEntity(doc, "Ukrainian", "NORP", "UKR");
        AssertEntity(doc, "Geneva", "GPE", "CHE");
    }

    [Fact]
    public void WeaponBeforeMissiles_NewsSentence_IsProductWithoutTheNoun()
    {
        var doc = Run("Kyiv asked Washington for more Tomahawk missiles and Patriot air defence systems.");
        AssertEntity(doc, "Tomahawk", "PRODUCT");
        AssertEntity(doc, "Patriot", "PRODUCT");
        AssertEntity(doc, "Washington", "GPE", "USA");
    }

    [Fact]
    public void TreatyAndMemorandum_NewsSentence_AreLaw()
    {
        var doc = Run("The two leaders discussed the Budapest Memorandum and the New START Treaty.");
        AssertEntity(doc, "Budapest Memorandum", "LAW");
        AssertEntity(doc, "New START Treaty", "LAW");
    }

    [Fact]
    public void Buildings_NewsSentence_AreFacilities()
    {
        var doc = Run("Reporters waited outside the White House while the president spoke in the Oval Office.");
        AssertEntity(doc, "White House", "FAC");
        AssertEntity(doc, "Oval Office", "FAC");
    }

    [Fact]
    public void NameEndingInRoom_NewsSentence_IsAFacility()
    {
        var doc = Run("The governors met the president in the Roosevelt Room on Tuesday.");
        AssertEntity(doc, "Roosevelt Room", "FAC");
    }

    [Fact]
    public void SummitAndAcronym_NewsSentence_AreEventAndOrg()
    {
        var doc = Run("A NATO spokesman said the alliance would attend the Madrid Summit next month.");
        AssertEntity(doc, "NATO", "ORG");
        AssertEntity(doc, "Madrid Summit", "EVENT");
    }

    [Fact]
    public void Possessive_AfterName_IsNotPartOfTheName()
    {
        var doc = Run("Senator Maria Lopez criticised the Pentagon’s budget and Moscow's plans.");
        AssertEntity(doc, "Maria Lopez", "PERSON");
        AssertEntity(doc, "Pentagon", "FAC");
        AssertEntity(doc, "Moscow", "GPE", "RUS");
        Assert.DoesNotContain(doc.Names, e => e.Name.EndsWith("s", StringComparison.Ordinal) && e.Name.Contains('\''));
    }

    [Fact]
    public void Entities_NewsSentence_HaveIdsInTextOrderAndOneMentionEach()
    {
        var text = "Officials from the European Union and the IMF will travel to Nairobi.";
        var doc = Run(text);
        Assert.NotEmpty(doc.Names);
        for (var i = 0; i < doc.Names.Length; i++)
        {
            var e = doc.Names[i];
            Assert.Equal("e" + (i + 1), e.Id);
            var m = Assert.Single(e.Mentions);
            Assert.Equal(e.Name, m.Text);
            Assert.Equal(new[] { e.Name }, e.Aliases.ToArray());
            Assert.Equal(0, m.Sentence);
            if (i > 0) Assert.True(m.Start > doc.Names[i - 1].Mentions[0].Start);
        }

        AssertEntity(doc, "IMF", "ORG");
        AssertEntity(doc, "Nairobi", "GPE", "KEN");
    }

    [Fact]
    public void AllCapsHeadline_Analysed_StillFindsNames()
    {
        var doc = Run("PRESIDENT MARQUEZ VISITS MOSCOW AS RUSSIAN TALKS RESUME");
        AssertEntity(doc, "MOSCOW", "GPE", "RUS");
        AssertEntity(doc, "RUSSIAN", "NORP", "RUS");
    }

    [Fact]
    public void CommonWordThatIsACity_InLowerCase_IsNoPlace()
    {
        var doc = Run("She was reading a report on mobile phones when the minister arrived.");
        Assert.Empty(doc.Names);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   \n\n  ")]
    [InlineData("the minister said in london that france and germany would sign the deal.")]
    [InlineData("UKRAINE AND RUSSIA AGREE TO TALKS IN ISTANBUL. THE KREMLIN SAID NOTHING.")]
    public void UnusualText_Analysed_GivesValidOffsetsWithoutException(string text)
    {
        var doc = Run(text);
        Assert.All(doc.Names, e => Assert.Contains(e.Type, new[] { "PERSON", "ORG", "GPE", "LOC", "FAC", "NORP", "EVENT", "LAW", "PRODUCT" }));
    }

    [Fact]
    public void TenThousandCommas_Analysed_GivesValidOffsetsWithoutException()
    {
        var doc = Run("Paris" + new string(',', 10_000) + " London.");
        Assert.All(doc.Names, e => Assert.True(e.Mentions[0].End <= doc.Text.Length));
    }

    [Fact]
    public void UntokenizedDocument_Processed_HasNoEntities()
    {
        var doc = new Document("Paris is in France.", new DocumentMetadata(null, "test", null));
        var result = new EntityRecognitionStage(NerTestData.Shipped).Process(doc);
        Assert.Empty(result.Names);
        Assert.Equal("entities", new EntityRecognitionStage(NerTestData.Shipped).Name);
    }
}
