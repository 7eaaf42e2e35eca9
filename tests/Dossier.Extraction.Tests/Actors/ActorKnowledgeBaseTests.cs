using Dossier.Extraction.Actors;
using Dossier.Testing;
using static Dossier.Extraction.Tests.Coreference.CorefFixture;

namespace Dossier.Extraction.Tests.Actors;

/// <summary>The shipped knowledge base (models/actors): needs no ../shared.</summary>
public sealed class ActorKnowledgeBaseTests
{
    [Theory]
    [InlineData("U.S.", "USA")]
    [InlineData("United States", "USA")]
    [InlineData("Ukraine", "UKR")]
    [InlineData("Russia", "RUS")]
    [InlineData("United Kingdom", "GBR")]
    public void FindCountry_NameVariant_GivesIso3(string name, string iso)
    {
        Assert.Equal(iso, Kb.FindCountry(name)?.Iso3);
    }

    [Theory]
    [InlineData("Russian", "RUS")]
    [InlineData("Ukrainian", "UKR")]
    [InlineData("Chinese", "CHN")]
    [InlineData("Hungarian", "HUN")]
    [InlineData("Ukrainians", "UKR")]
    public void FindDemonym_Adjective_GivesCountry(string word, string iso)
    {
        Assert.Equal(iso, Kb.FindDemonym(word)?.Iso3);
    }

    [Theory]
    [InlineData("Kyiv", "UKR")]
    [InlineData("Kiev", "UKR")]
    [InlineData("Moscow", "RUS")]
    [InlineData("Washington", "USA")]
    [InlineData("Beijing", "CHN")]
    public void FindCapital_Capital_GivesCountry(string name, string iso)
    {
        Assert.Equal(iso, Kb.FindCapital(name)?.Iso3);
    }

    [Fact]
    public void FindCountry_Demonym_IsNotACountryName()
    {
        Assert.Null(Kb.FindCountry("Russian"));
        Assert.Null(Kb.FindCapital("Kharkiv"));
        Assert.Equal("UKR", Kb.FindPlace("Kharkiv")?.Iso3);
    }

    [Theory]
    [InlineData("White House", "USAGOV")]
    [InlineData("Kremlin", "RUSGOV")]
    [InlineData("Downing Street", "GBRGOV")]
    [InlineData("Elysée", "FRAGOV")]
    [InlineData("Zhongnanhai", "CHNGOV")]
    [InlineData("NATO", "IGOWSTNAT")]
    [InlineData("United Nations", "IGOUNO")]
    [InlineData("IMF", "IGOBUSIMF")]
    [InlineData("European Union", "IGOEUREEC")]
    public void FindActor_OrganisationOrSeat_GivesCode(string name, string code)
    {
        var actor = Kb.FindActor(name, ActorKind.Organization);
        Assert.NotNull(actor);
        Assert.Equal(code, actor.CodeAt(new DateOnly(2025, 10, 17))?.Code);
    }

    [Fact]
    public void FindActor_PersonWithDatedRoles_GivesTheCodeInForce()
    {
        var putin = Kb.FindActor("Vladimir Putin", ActorKind.Person);
        Assert.NotNull(putin);
        Assert.Equal("RUSGOV", putin.CodeAt(new DateOnly(2025, 10, 17))?.Code);
        Assert.Equal("RUSGOV", putin.CodeAt(new DateOnly(2003, 1, 1))?.Code);
    }

    [Theory]
    [InlineData("President", "GOV", true)]
    [InlineData("Secretary of State", "GOV", false)]
    [InlineData("Attorney General", "JUD", false)]
    [InlineData("Senator", "LEG", false)]
    [InlineData("General", "MIL", false)]
    [InlineData("police chief", "COP", false)]
    [InlineData("rebel leader", "REB", false)]
    [InlineData("opposition leader", "OPP", false)]
    [InlineData("CEO", "BUS", false)]
    [InlineData("National Security Adviser", "GOV", false)]
    public void FindTitle_Title_GivesSector(string title, string sector, bool leader)
    {
        var info = Kb.FindTitle(title);
        Assert.NotNull(info);
        Assert.Equal((sector, leader), (info.Sector, info.IsLeader));
    }

    [Theory]
    [InlineData("officials", "GOV")]
    [InlineData("lawmakers", "LEG")]
    [InlineData("troops", "MIL")]
    [InlineData("prosecutors", "JUD")]
    [InlineData("Republicans", "PTY")]
    [InlineData("rebels", "REB")]
    public void FindGroupSector_GroupNoun_GivesSector(string noun, string sector)
    {
        Assert.Equal(sector, Kb.FindGroupSector(noun));
    }

    [Fact]
    public void FindGroupSector_OrdinaryNoun_IsNull()
    {
        Assert.Null(Kb.FindGroupSector("territory"));
        Assert.Null(Kb.FindGroupSector("analysts"));
    }

    [Fact]
    public void Load_MissingFolder_ThrowsNamingTheFile()
    {
        var folder = Path.Combine(Path.GetTempPath(), "dossier-actors-" + Guid.NewGuid().ToString("N"));
        var e = Assert.Throws<ActorKnowledgeBaseLoadException>(() => ActorKnowledgeBase.Load(folder));
        Assert.Contains(ActorKnowledgeBase.CompiledFileName, e.Message, StringComparison.Ordinal);
        Assert.Contains("dossier train actors", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_BadLexiconLine_ThrowsNamingFileAndLine()
    {
        var folder = Path.Combine(Path.GetTempPath(), "dossier-actors-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            foreach (var name in ActorKnowledgeBase.FileNames)
            {
                File.Copy(Path.Combine(ActorKnowledgeBase.DefaultDirectory, name), Path.Combine(folder, name));
            }

            File.WriteAllLines(Path.Combine(folder, ActorKnowledgeBase.TitlesFileName), ["# title\tsector\tclass", "president\tGOV\tleader", "minister"]);
            var e = Assert.Throws<ActorKnowledgeBaseLoadException>(() => ActorKnowledgeBase.Load(folder));
            Assert.Contains(ActorKnowledgeBase.TitlesFileName + ":3:", e.Message, StringComparison.Ordinal);
            Assert.Contains("dossier train actors", e.Message, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(folder, true);
        }
    }
    [Fact]
    public void Load_SupplementPersonAlsoInPhoenix_KeepsThePhoenixTermsAndAliases()
    {
        var folder = Path.Combine(Path.GetTempPath(), "dossier-actors-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            using (var file = File.Create(Path.Combine(folder, ActorKnowledgeBase.CompiledFileName)))
            using (var gzip = new System.IO.Compression.GZipStream(file, System.IO.Compression.CompressionLevel.Fastest))
            using (var writer = new StreamWriter(gzip))
            {
                writer.Write("#dossier-actors\t1\nC\tXXA\tXXA\tExamplestan\texamplestan\n"
                    + "A\tP\tJane Q Example\tJ Example\tXXAGOV@1990-01-01~2000-01-01\n"
                    + "A\tP\tOther Person\t\tXXAELI\n");
            }

            foreach (var name in new[] { ActorKnowledgeBase.TitlesFileName, ActorKnowledgeBase.GroupsFileName, ActorKnowledgeBase.CapitalsFileName, ActorKnowledgeBase.DemonymsFileName })
            {
                File.WriteAllLines(Path.Combine(folder, name), ["# a\tb"]);
            }

            File.WriteAllLines(Path.Combine(folder, ActorKnowledgeBase.SupplementFileName), ["# name\tcode", "Jane Q. Example\tXXAGOV\tPERSON\t\tPresident\t2010-05-01\t"]);
            var kb = ActorKnowledgeBase.Load(folder);
            var actor = kb.FindActor("J Example");
            Assert.NotNull(actor);
            Assert.Equal(2, actor.Codes.Length);
            Assert.Equal(new DateOnly(2010, 5, 1), actor.CodeAt(new DateOnly(2015, 1, 1))?.From);
            Assert.Equal(new DateOnly(1990, 1, 1), actor.CodeAt(new DateOnly(1995, 6, 1))?.From);
            Assert.Equal("XXAELI", kb.FindActor("Other Person")?.Codes.Single().Code);
        }
        finally
        {
            Directory.Delete(folder, true);
        }
    }
}
