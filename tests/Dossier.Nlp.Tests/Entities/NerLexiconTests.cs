using Dossier.Core.Data;
using Dossier.Core.Documents;
using Dossier.Nlp.Entities;
using Dossier.Nlp.Tokenization;

namespace Dossier.Nlp.Tests.Entities;

/// <summary>The entity typer's word lists load from <c>models/ner/</c> and report bad files by name.</summary>
public sealed class NerLexiconTests
{
    private static string ModelFolder => ModelDirectory.LocateFolder(NerLexicon.FolderName, "law-heads.tsv");

    [Fact]
    public void Load_ShippedFolder_DrivesTheStage()
    {
        var stage = new EntityRecognitionStage(NerTestData.Shipped, NerLexicon.Load(ModelFolder));
        var doc = new TokenizationStage().Process(new Document("Reporters waited outside the White House on Monday.", new DocumentMetadata(null, "t", null)));
        var names = stage.Process(doc).Names.Select(e => (e.Name, e.Type));
        Assert.Contains(("White House", "FAC"), names);
    }

    [Fact]
    public void Load_MissingFile_ThrowsDataFileExceptionNamingIt()
    {
        using var dir = ModelFolderCopy.Of(ModelFolder);
        File.Delete(Path.Combine(dir.FullName, "title-heads.tsv"));
        var e = Assert.Throws<DataFileException>(() => NerLexicon.Load(dir.FullName));
        Assert.Contains("title-heads.tsv", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_ShortCountryRow_NamesFileAndLine()
    {
        using var dir = ModelFolderCopy.Of(ModelFolder);
        File.WriteAllLines(Path.Combine(dir.FullName, "country-abbreviations.tsv"), ["# abbreviation\tcountry", "UK\tGBR", "US"]);
        var e = Assert.Throws<DataFileException>(() => NerLexicon.Load(dir.FullName));
        Assert.Equal(3, e.Line);
        Assert.Contains("country-abbreviations.tsv:3:", e.Message, StringComparison.Ordinal);
    }
}
