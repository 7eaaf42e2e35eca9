using Dossier.Extraction.Events;
using Dossier.Testing;

namespace Dossier.Extraction.Tests.Events;

public sealed class EventLexiconTests
{
    [SkippableFact]
    public void Build_FromShared_ReproducesShippedFiles()
    {
        var cameo = SharedData.Require("data/cameo");
        var plover = SharedData.Require("data/plover-gsr");
        var output = Path.Combine(Path.GetTempPath(), "dossier-events-" + Guid.NewGuid().ToString("N"));
        try
        {
            EventLexiconBuilder.Build(cameo, plover, output);
            var shipped = Path.Combine(SharedData.RepositoryRoot, "models", "events");
            foreach (var file in new[] { EventLexicon.CodesFileName, EventLexicon.VerbsFileName })
            {
                Assert.Equal(File.ReadAllBytes(Path.Combine(shipped, file)), File.ReadAllBytes(Path.Combine(output, file)));
            }
        }
        finally
        {
            if (Directory.Exists(output)) Directory.Delete(output, recursive: true);
        }
    }

    [Fact]
    public void Load_Shipped_CodesHaveTypesQuadAndGoldstein()
    {
        var lexicon = EventLexicon.Load();
        Assert.True(lexicon.VerbCount > 500);
        var call = lexicon.Code("041")!;
        Assert.Equal(("CONSULT", "phone", 1), (call.Plover, call.Mode, call.QuadClass));
        Assert.Equal(4, lexicon.Code("190")!.QuadClass);
        Assert.Equal(-10.0, lexicon.Code("190")!.Goldstein);
        Assert.Equal("REQUEST", lexicon.Code("020")!.Plover);
        Assert.Null(lexicon.Code("010")!.Plover);
        Assert.Equal(2, lexicon.Code("070")!.QuadClass);
        Assert.Equal(3, lexicon.Code("111")!.QuadClass);
    }

    [Fact]
    public void Lookups_GeneralEnglish_Resolve()
    {
        var lexicon = EventLexicon.Load();
        Assert.Equal("040", lexicon.Verb("meet"));
        Assert.Null(lexicon.Verb("say"));
        Assert.Equal("042", lexicon.Noun("visit"));
        Assert.Equal("046", lexicon.Light("hold", "talk"));
        Assert.Equal("057", lexicon.Light("sign", "agreement"));
        Assert.Null(lexicon.Light("eat", "talk"));
        Assert.Equal("requested", lexicon.Status("call", "for"));
        Assert.True(lexicon.IsSpeechVerb("say"));
    }

    [Fact]
    public void Load_MissingDirectory_ModelFileExceptionNamingFileAndRebuild()
    {
        var ex = Assert.Throws<EventLexiconLoadException>(() => EventLexicon.Load(Path.Combine(Path.GetTempPath(), "no-such-events-dir")));
        Assert.IsAssignableFrom<Dossier.Core.Errors.ModelFileException>(ex);
        Assert.Contains("cameo-codes.tsv", ex.Message, StringComparison.Ordinal);
        Assert.EndsWith("cameo-codes.tsv", ex.FilePath, StringComparison.Ordinal);
        Assert.Contains("dossier train events --data ../shared/data --out models/", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("cameo-codes.tsv", "\u001f\u008b\b\0garbage")]
    [InlineData("cameo-codes.tsv", "")]
    [InlineData("general.tsv", "verb\tmeet\t040\nnonsense\tx\ty\n")]
    public void Load_CorruptFile_ModelFileExceptionNamingIt(string file, string content)
    {
        var dir = Path.Combine(Path.GetTempPath(), "dossier-events-bad-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        try
        {
            foreach (var name in new[] { EventLexicon.CodesFileName, EventLexicon.VerbsFileName, EventLexicon.GeneralFileName })
            {
                File.Copy(Path.Combine(EventLexicon.DefaultDirectory, name), Path.Combine(dir, name));
            }

            File.WriteAllText(Path.Combine(dir, file), content);
            var ex = Assert.Throws<EventLexiconLoadException>(() => EventLexicon.Load(dir));
            Assert.Contains(file, ex.Message, StringComparison.Ordinal);
            Assert.Contains("dossier train events", ex.Message, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public void VerbEntry_PhrasesAndRemovals()
    {
        var lexicon = EventLexicon.Load();
        Assert.Equal("-", lexicon.VerbEntry("return to"));
        Assert.Equal("120", lexicon.VerbEntry("plead not guilty"));
        Assert.Equal(":173", lexicon.VerbEntry("appear in court"));
        Assert.Equal("161", lexicon.VerbEntry("expel diplomat"));
        Assert.Null(lexicon.VerbEntry("no-such-verb"));
        Assert.True(lexicon.IsFrameNoun("effort"));
    }

    [Fact]
    public void Load_Shipped_ConstructionCodesAndWordListsAreData()
    {
        var lexicon = EventLexicon.Load();
        Assert.Equal("100", lexicon.Overrides.DemandCode);
        Assert.Equal("130", lexicon.Overrides.ConditionalThreatCode);
        Assert.Equal("0332", lexicon.Overrides.IntentCode("0721", declined: false));
        Assert.Equal("033", lexicon.Overrides.IntentCode("075", declined: false));
        Assert.Equal("1312", lexicon.Overrides.IntentCode("1631", declined: false));
        Assert.Equal("120", lexicon.Overrides.IntentCode("042", declined: true));
        Assert.Null(lexicon.Overrides.IntentCode("031", declined: false));
        Assert.Contains("must", (IReadOnlySet<string>)lexicon.Words.DemandModals);
        Assert.Contains("against", (IReadOnlySet<string>)lexicon.Words.TargetPrepositions);
    }

    [Fact]
    public void Load_MissingWordList_ModelFileExceptionNamingIt()
    {
        var dir = Path.Combine(Path.GetTempPath(), "dossier-events-nolist-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        try
        {
            foreach (var file in Directory.GetFiles(EventLexicon.DefaultDirectory, "*.tsv"))
            {
                if (Path.GetFileName(file) != "quantity-words.tsv") File.Copy(file, Path.Combine(dir, Path.GetFileName(file)));
            }

            var ex = Assert.Throws<Dossier.Core.Data.DataFileException>(() => EventLexicon.Load(dir));
            Assert.Contains("quantity-words.tsv", ex.Message, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
