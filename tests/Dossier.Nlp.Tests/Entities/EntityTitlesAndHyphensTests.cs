using Dossier.Core.Documents;

namespace Dossier.Nlp.Tests.Entities;

/// <summary>Hyphenated words read whole, titles cut off personal names, and MISC typing that needs evidence.</summary>
public sealed class EntityTitlesAndHyphensTests
{
    private static Document Run(string text) => NerTestData.Analyse(NerTestData.Shipped, text);

    private static string Listing(Document doc) => string.Join(" | ", doc.Names.Select(e => $"{e.Name}/{e.Type}"));

    private static void AssertEntity(Document doc, string name, string type)
    {
        var entity = NerTestData.Find(doc, name);
        Assert.True(entity is not null, $"no entity \"{name}\" in: {Listing(doc)}");
        Assert.Equal(type, entity!.Type);
    }

    private static void AssertNoEntity(Document doc, string name) =>
        Assert.True(NerTestData.Find(doc, name) is null, $"unexpected entity \"{name}\" in: {Listing(doc)}");

    [Fact]
    public void HyphenatedName_SplitByTokenizer_IsOneNameNotCutAtTheHyphen()
    {
        var doc = Run("Trade ministers gathered in Lima for the Asia-Pacific Economic Cooperation meeting.");
        AssertEntity(doc, "Asia-Pacific Economic Cooperation", "ORG");
        AssertNoEntity(doc, "Asia");
        AssertNoEntity(doc, "Pacific Economic Cooperation");
    }

    [Fact]
    public void HyphenatedWords_Analysed_EntitiesOnTokenBoundariesAndSuffixesLeftOut()
    {
        var doc = Run("The Polish-German border talks covered Soviet-era tanks and a Warsaw-based fund run by Jean-Luc Moreau.");
        foreach (var e in doc.Names)
        {
            var m = e.Mentions[0];
            Assert.True(doc.Tokens.Any(t => t.Start == m.Start), $"{e.Name} starts inside a token");
            Assert.True(doc.Tokens.Any(t => t.End == m.End), $"{e.Name} ends inside a token");
            Assert.DoesNotContain("-era", e.Name, StringComparison.Ordinal);
            Assert.DoesNotContain("-based", e.Name, StringComparison.Ordinal);
        }

        AssertEntity(doc, "Soviet", "NORP");
        AssertEntity(doc, "Warsaw", "GPE");
        AssertEntity(doc, "Polish", "NORP");
        AssertEntity(doc, "German", "NORP");
        AssertNoEntity(doc, "Soviet-era");
    }

    [Fact]
    public void SecretaryOfDepartment_BeforeName_PersonIsTheNameOnly()
    {
        var doc = Run("The envoy met Secretary of State Ana Whitfield and Secretary of Defense Carl Brandt in Ottawa.");
        AssertEntity(doc, "Ana Whitfield", "PERSON");
        AssertEntity(doc, "Carl Brandt", "PERSON");
        Assert.DoesNotContain(doc.Names, e => e.Name.StartsWith("State", StringComparison.Ordinal) || e.Name.StartsWith("Defense", StringComparison.Ordinal));
    }

    [Fact]
    public void DepartmentSecretary_BeforeName_NoOrganisationForTheDepartment()
    {
        var doc = Run("Officials including Treasury Secretary Nadia Okafor and Health Minister Tomas Varga attended.");
        AssertEntity(doc, "Nadia Okafor", "PERSON");
        AssertEntity(doc, "Tomas Varga", "PERSON");
        AssertNoEntity(doc, "Treasury");
        AssertNoEntity(doc, "Health");
    }

    [Fact]
    public void LongTitle_BeforeName_PersonWithoutTheTitle()
    {
        var doc = Run("Meanwhile, former National Security Adviser Peter Lindqvist appeared in court in Ohio.");
        AssertEntity(doc, "Peter Lindqvist", "PERSON");
        Assert.DoesNotContain(doc.Names, e => e.Name.Contains("Adviser", StringComparison.Ordinal));
    }

    [Fact]
    public void SurnameAlone_AfterFullName_IsThePerson()
    {
        var doc = Run("Former National Security Adviser Peter Lindqvist appeared in court. Lindqvist denied the charges.");
        Assert.All(doc.Names.Where(e => e.Name.Contains("Lindqvist", StringComparison.Ordinal)), e => Assert.Equal("PERSON", e.Type));
    }

    [Fact]
    public void DepartmentAlone_AsOrganisation_StaysOrg()
    {
        var doc = Run("The Treasury said on Monday that it would sell more bonds.");
        AssertEntity(doc, "Treasury", "ORG");
    }

    [Fact]
    public void CompanyBeforeExecutives_IsOrgNotProduct()
    {
        var doc = Run("A Polish delegation met with Lockheed executives and Saab engineers on Tuesday.");
        AssertEntity(doc, "Lockheed", "ORG");
        Assert.DoesNotContain(doc.Names, e => e.Type == "PRODUCT");
    }

    [Fact]
    public void NameBeforeProductNoun_IsStillProduct()
    {
        var doc = Run("Norway ordered more Javelin missiles and Rafale jets last year.");
        AssertEntity(doc, "Javelin", "PRODUCT");
        AssertEntity(doc, "Rafale", "PRODUCT");
    }
}
