using Dossier.Core.Data;
using Dossier.Core.Documents;
using Dossier.Nlp.Time;
using Dossier.Nlp.Tokenization;

namespace Dossier.Nlp.Tests.Time;

/// <summary>The time word lists load from <c>models/time/</c> and report bad files as FILE:LINE.</summary>
public sealed class TimeLexiconTests
{
    private static string ModelFolder => ModelDirectory.LocateFolder(TimeLexicon.FolderName, "months.tsv");

    [Fact]
    public void Load_ShippedFolder_DrivesTheStage()
    {
        var stage = new TimeExpressionStage(TimeExpressionOptions.Default, TimeLexicon.Load(ModelFolder));
        var doc = new TokenizationStage().Process(new Document("The envoy arrives next Monday.", new DocumentMetadata(null, "t", TimeTestHelper.Friday)));
        var time = stage.Process(doc).Times.Single();
        Assert.Equal(("next Monday", "DATE", "2025-10-20"), (time.Text, time.Type, time.Value));
    }

    [Fact]
    public void Load_MissingFile_ThrowsDataFileException()
    {
        using var dir = ModelFolderCopy.Empty();
        var e = Assert.Throws<DataFileException>(() => TimeLexicon.Load(dir.FullName));
        Assert.Contains("months.tsv", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_BadUnitRow_NamesFileAndLine()
    {
        using var dir = ModelFolderCopy.Of(ModelFolder);
        File.WriteAllLines(Path.Combine(dir.FullName, "time-units.tsv"), ["# unit letter clock factor", "day\tD\tdate\t1", "week\tW\tsometimes\t1"]);
        var e = Assert.Throws<DataFileException>(() => TimeLexicon.Load(dir.FullName));
        Assert.Equal(3, e.Line);
        Assert.Contains("time-units.tsv:3:", e.Message, StringComparison.Ordinal);
    }
}
