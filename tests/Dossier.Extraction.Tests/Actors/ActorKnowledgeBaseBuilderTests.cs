using Dossier.Extraction.Actors;
using Dossier.Testing;

namespace Dossier.Extraction.Tests.Actors;

/// <summary>Building from the Phoenix dictionaries in ../shared/data/cameo.</summary>
public sealed class ActorKnowledgeBaseBuilderTests
{
    [SkippableFact]
    public void Build_PhoenixDictionaries_IsSmallDeterministicAndLoadable()
    {
        var cameo = SharedData.Require("data/cameo");
        var root = Path.Combine(Path.GetTempPath(), "dossier-kb-" + Guid.NewGuid().ToString("N"));
        try
        {
            var a = ActorKnowledgeBaseBuilder.Build(cameo, Path.Combine(root, "a"));
            var b = ActorKnowledgeBaseBuilder.Build(cameo, Path.Combine(root, "b"));
            Assert.Equal(File.ReadAllBytes(a.Path), File.ReadAllBytes(b.Path));
            Assert.InRange(a.Bytes, 1, 5 * 1024 * 1024);
            Assert.True(a.Countries > 150, a.ToString());
            Assert.True(a.Actors > 10000, a.ToString());

            // The shipped lexicons beside the freshly built file.
            foreach (var name in ActorKnowledgeBase.FileNames.Where(n => n != ActorKnowledgeBase.CompiledFileName))
            {
                File.Copy(Path.Combine(ActorKnowledgeBase.DefaultDirectory, name), Path.Combine(root, "a", name));
            }

            var kb = ActorKnowledgeBase.Load(Path.Combine(root, "a"));
            Assert.Equal("UKR", kb.FindCountry("Ukraine")?.Iso3);
            Assert.Equal("RUS", kb.FindDemonym("Russian")?.Iso3);
            Assert.Equal("RUSGOV", kb.FindActor("Kremlin")?.CodeAt(null)?.Code);
            var putin = kb.FindActors("Putin").First(p => p.Kind == ActorKind.Person);
            Assert.Contains(putin.Codes, c => c.Code == "RUSGOV" && c.From == new DateOnly(2008, 5, 8) && c.To is null);
        }
        finally
        {
            if (Directory.Exists(root)) Directory.Delete(root, recursive: true);
        }
    }

    [Theory]
    [InlineData("RUSGOV 991231-080507", "RUSGOV", "1999-12-31", "2008-05-07")]
    [InlineData("UKR >911221", "UKR", "1991-12-21", null)]
    [InlineData("USRUKR <910824", "USRUKR", null, "1991-08-24")]
    [InlineData("CHNGOV 20021115-20130314", "CHNGOV", "2002-11-15", "2013-03-14")]
    [InlineData("IGOUNO", "IGOUNO", null, null)]
    public void ParseCode_PetrarchDatedCode_ReadsCodeAndTerm(string text, string code, string? from, string? to)
    {
        var parsed = PetrarchDictionary.ParseCode(text);
        Assert.NotNull(parsed);
        Assert.Equal(code, parsed.Code);
        Assert.Equal(from is null ? null : DateOnly.Parse(from, System.Globalization.CultureInfo.InvariantCulture), parsed.From);
        Assert.Equal(to is null ? null : DateOnly.Parse(to, System.Globalization.CultureInfo.InvariantCulture), parsed.To);
    }

    [Fact]
    public void Read_NameLinesWithoutCodes_ShareTheFollowingCodesButCountryInfoPeopleStandAlone()
    {
        var path = Path.GetTempFileName();
        try
        {
            File.WriteAllText(path, "YELTSIN\nPRESIDENT_YELTSIN\n\t[RUSGOV 910710-991231]\nSONG_QINGLING_  # CountryInfo.txt\nXIE_XUREN_  # CountryInfo.txt\n\t[CHNGOV >070901]\nUKRAINE_ [UKR]\n+KYIV_\n");
            var entries = PetrarchDictionary.Read(path);
            Assert.Equal(3, entries.Count);
            Assert.Equal(["YELTSIN", "PRESIDENT_YELTSIN"], entries[0].Names);
            Assert.Equal(["XIE_XUREN"], entries[1].Names);
            Assert.Equal(["UKRAINE", "KYIV"], entries[2].Names);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
