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
        var doc = Analyse("i moved to denver last year and my sister still lives in boston.");
        Assert.Equal(EntityTypes.Gpe, NerTestData.Find(doc, "denver")?.Type);
        Assert.Equal(EntityTypes.Gpe, NerTestData.Find(doc, "boston")?.Type);
    }

    [Fact]
    public void Names_AllCapitalHeadline_FindsTheCompanies()
    {
        var doc = Analyse("TOYOTA AND HONDA REPORT HIGHER PROFITS\n\nToyota and Honda said profits rose in the third quarter.");
        Assert.Contains(doc.Names, e => e.Name == "TOYOTA" && e.Type == EntityTypes.Organization);
        Assert.Contains(doc.Names, e => e.Name == "HONDA" && e.Type == EntityTypes.Organization);
    }
}
