using Dossier.Core.Data;
using Dossier.Core.Documents;
using Dossier.Nlp.Time;
using Dossier.Nlp.Tokenization;
using Dossier.Nlp.Values;

namespace Dossier.Nlp.Tests.Values;

/// <summary>The value word lists load from <c>models/values/</c> and report bad files by name.</summary>
public sealed class ValueLexiconTests
{
    private static string ModelFolder => ModelDirectory.LocateFolder(ValueLexicon.FolderName, "units.tsv");

    [Fact]
    public void Load_ShippedFolder_DrivesTheStage()
    {
        var stage = new ValueStage(TimeLexicon.LoadDefault(), ValueLexicon.Load(ModelFolder));
        var doc = new TokenizationStage().Process(new Document("They paid C$200 million for 5 square km.", new DocumentMetadata(null, "t", null)));
        var values = stage.Process(doc).Values.Select(v => (v.Text, v.Type, v.Unit));
        Assert.Equal([("C$200 million", "MONEY", "CAD"), ("5 square km", "QUANTITY", "sq km")], values);
    }

    [Fact]
    public void Load_MissingFile_ThrowsDataFileExceptionNamingIt()
    {
        using var dir = ModelFolderCopy.Of(ModelFolder);
        File.Delete(Path.Combine(dir.FullName, "currency-words.tsv"));
        var e = Assert.Throws<DataFileException>(() => ValueLexicon.Load(dir.FullName));
        Assert.Contains("currency-words.tsv", e.Message, StringComparison.Ordinal);
    }
}
