using Dossier.Core.Data;
using Dossier.Extraction.Coreference;

namespace Dossier.Extraction.Tests.Coreference;

/// <summary>The shipped coreference word lists (models/coref).</summary>
public sealed class CorefLexiconTests
{
    [Fact]
    public void Default_ShippedLists_AreLoaded()
    {
        var lexicon = CorefLexicon.Default;
        Assert.Contains("say", (IReadOnlySet<string>)lexicon.SpeakerVerbs);
        Assert.Contains("former", (IReadOnlySet<string>)lexicon.FormerWords);
        Assert.Contains("government", (IReadOnlySet<string>)lexicon.CollectiveNouns);
        Assert.Contains("Against", (IReadOnlySet<string>)lexicon.PartyMarkers);
    }

    [Fact]
    public void Load_MissingFolder_ThrowsNamingTheFile()
    {
        var folder = Path.Combine(Path.GetTempPath(), "dossier-coref-" + Guid.NewGuid().ToString("N"));
        var e = Assert.Throws<DataFileException>(() => CorefLexicon.Load(folder));
        Assert.Contains(folder, e.Message, StringComparison.Ordinal);
    }
}
