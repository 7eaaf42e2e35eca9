using Dossier.Core.Data;
using Dossier.Nlp.Tokenization;

namespace Dossier.Nlp.Tests.Tokenization;

/// <summary>The tokenizer word lists load from <c>models/tokens/</c> and report bad files by name.</summary>
public sealed class TokenizerLexiconTests
{
    private static string ModelFolder => ModelDirectory.LocateFolder(TokenizerLexicon.FolderName, "abbreviations-any-case.tsv");

    [Fact]
    public void Load_ShippedFolder_KeepsAbbreviationsAndSplitsContractions()
    {
        var lexicon = TokenizerLexicon.Load(ModelFolder);
        var text = "Mr. Smith is gonna call Acme Inc. The end.";
        var tokens = Tokenizer.Tokenize(text, lexicon).Select(t => text[t.Start..t.End]);
        Assert.Equal(["Mr.", "Smith", "is", "gon", "na", "call", "Acme", "Inc", ".", "The", "end", "."], tokens);
    }

    [Fact]
    public void Load_MissingFile_ThrowsDataFileExceptionNamingIt()
    {
        using var dir = ModelFolderCopy.Of(ModelFolder);
        File.Delete(Path.Combine(dir.FullName, "sentence-starters.tsv"));
        var e = Assert.Throws<DataFileException>(() => TokenizerLexicon.Load(dir.FullName));
        Assert.Contains("sentence-starters.tsv", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_BadPartLengths_NamesFileAndLine()
    {
        using var dir = ModelFolderCopy.Of(ModelFolder);
        File.WriteAllLines(Path.Combine(dir.FullName, "fused-contractions.tsv"), ["# word\tpart lengths", "gonna\t3 2", "wanna\t3 3"]);
        var e = Assert.Throws<DataFileException>(() => TokenizerLexicon.Load(dir.FullName));
        Assert.Contains("fused-contractions.tsv:3:", e.Message, StringComparison.Ordinal);
    }
}
