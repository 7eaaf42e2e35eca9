using Dossier.Core.Documents;
using Dossier.Testing;

namespace Dossier.Nlp.Tests.Entities;

/// <summary>Names inside hyphenated words that the tagger reads whole ("X-Y summit", "X-backed", "X-based").</summary>
public sealed class EntityHyphenCompoundTests
{
    private static Document Run(string text)
    {
        var doc = NerTestData.Analyse(NerTestData.Shipped, text);
        OffsetAssert.Valid(doc);
        return doc;
    }

    private static string Listing(Document doc) => string.Join(" | ", doc.Names.Select(e => $"{e.Name}/{e.Type}"));

    private static Entity? Mention(Document doc, string text, int occurrence)
    {
        var at = -1;
        for (var i = 0; i <= occurrence; i++)
        {
            at = doc.Text.IndexOf(text, at + 1, StringComparison.Ordinal);
            Assert.True(at >= 0, $"\"{text}\" occurs fewer than {occurrence + 1} times");
        }

        return doc.Names.FirstOrDefault(e => e.Mentions[0].Start == at && e.Mentions[0].End == at + text.Length);
    }

    /// <summary>The entity that covers exactly the <paramref name="occurrence"/>-th occurrence of <paramref name="text"/>.</summary>
    private static void AssertAt(Document doc, string text, int occurrence, string type)
    {
        var entity = Mention(doc, text, occurrence);
        Assert.True(entity is not null, $"no entity at \"{text}\" #{occurrence} in: {Listing(doc)}");
        Assert.Equal(type, entity!.Type);
        Assert.Equal(text, entity.Name);
    }

    private static void AssertNoEntity(Document doc, string name) =>
        Assert.True(doc.Names.All(e => e.Name != name), $"unexpected entity \"{name}\" in: {Listing(doc)}");

    [Fact]
    public void TwoPeopleNamedEarlier_InACompound_AreTwoPeople()
    {
        var doc = Run("French President Emmanuel Macron met German Chancellor Olaf Scholz in Berlin on Monday. The Macron-Scholz meeting lasted two hours.");
        AssertAt(doc, "Macron", 1, "PERSON");
        AssertAt(doc, "Scholz", 1, "PERSON");
        AssertNoEntity(doc, "Macron-Scholz");
    }

    [Fact]
    public void AcronymBeforeSuffix_IsTheOrganisationOnly()
    {
        var doc = Run("Farmers in the north will join an EU-funded programme next year.");
        AssertAt(doc, "EU", 0, "ORG");
        AssertNoEntity(doc, "EU-funded");
    }

    [Fact]
    public void AcronymInsideATaggedName_IsTheOrganisationOnly()
    {
        var doc = Run("NATO-backed procurement rose sharply last year.");
        AssertAt(doc, "NATO", 0, "ORG");
        AssertNoEntity(doc, "NATO-backed");
    }

    [Fact]
    public void AcronymBeforeAnOrdinarySuffix_IsNotAnOrganisation()
    {
        var doc = Run("Officials warned about AI-generated images and GPS-guided shells.");
        AssertNoEntity(doc, "AI");
        AssertNoEntity(doc, "GPS");
    }

    [Fact]
    public void TwoCountries_InACompound_AreTwoPlaces()
    {
        var doc = Run("Troops were sent to the Kenya-Uganda border after the clashes.");
        AssertAt(doc, "Kenya", 0, "GPE");
        AssertAt(doc, "Uganda", 0, "GPE");
        Assert.Equal("KEN", Mention(doc, "Kenya", 0)!.Country);
        AssertNoEntity(doc, "Kenya-Uganda");
    }

    [Fact]
    public void ThreeCountries_InACompound_AreThreePlaces()
    {
        var doc = Run("Diplomats said the U.S.-Ukraine-Russia talks would resume in Geneva.");
        AssertAt(doc, "U.S.", 0, "GPE");
        AssertAt(doc, "Ukraine", 0, "GPE");
        AssertAt(doc, "Russia", 0, "GPE");
    }

    [Fact]
    public void CityBeforeSuffix_IsThePlaceOnly()
    {
        var doc = Run("A Paris-based charity and a New York-based fund paid for the school.");
        AssertAt(doc, "Paris", 0, "GPE");
        AssertAt(doc, "New York", 0, "GPE");
        AssertNoEntity(doc, "Paris-based");
        AssertNoEntity(doc, "New York-based");
        AssertNoEntity(doc, "York");
    }

    [Fact]
    public void DemonymBeforeSuffix_IsTheGroupOnly()
    {
        var doc = Run("The army still uses Soviet-era trucks.");
        AssertAt(doc, "Soviet", 0, "NORP");
        AssertNoEntity(doc, "Soviet-era");
    }

    [Fact]
    public void MultiwordNames_WithAHyphen_StayWhole()
    {
        var doc = Run("Trade ministers gathered in Lima for the Asia-Pacific Economic Cooperation meeting. The talks were chaired by Jean-Luc Moreau.");
        AssertAt(doc, "Asia-Pacific Economic Cooperation", 0, "ORG");
        AssertNoEntity(doc, "Asia");
        AssertAt(doc, "Jean-Luc Moreau", 0, "PERSON");
        AssertNoEntity(doc, "Jean");
        AssertNoEntity(doc, "Luc");
    }

    [Fact]
    public void CompoundsWithoutKnownNames_AreNotSplit()
    {
        var doc = Run("Pilots flew F-16 jets over the plant, and COVID-19 rules were lifted. Coca-Cola shares rose.");
        AssertNoEntity(doc, "F");
        AssertNoEntity(doc, "COVID");
        AssertNoEntity(doc, "Coca");
        AssertNoEntity(doc, "Cola");
    }

    [Fact]
    public void LowerCaseWords_WithAHyphen_GetNoEntity()
    {
        var doc = Run("The long-range missiles were part of a well-known plan.");
        Assert.DoesNotContain(doc.Names, e => e.Name.Contains("long", StringComparison.Ordinal) || e.Name.Contains("well", StringComparison.Ordinal));
    }
}
