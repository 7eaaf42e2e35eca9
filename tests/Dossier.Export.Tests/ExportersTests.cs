namespace Dossier.Export.Tests;

public sealed class ExportersTests : SamplesTest
{
    [Fact]
    public void Formats_Registry_TheFiveFormatsInHelpOrder() =>
        Assert.Equal(["jsonl", "csv", "gdelt", "graphml", "parquet"], Exporters.Formats);

    [Theory]
    [InlineData("csv", typeof(CsvExporter))]
    [InlineData(" GraphML ", typeof(GraphMlExporter))]
    [InlineData("PARQUET", typeof(ParquetExporter))]
    public void Find_FormatName_CaseInsensitive(string format, Type expected) =>
        Assert.IsType(expected, Exporters.Find(format));

    [Fact]
    public void Get_UnknownFormat_ArgumentExceptionListingTheFormats()
    {
        Assert.Null(Exporters.Find("xml"));
        var ex = Assert.Throws<ArgumentException>(() => Exporters.Get("xml"));
        Assert.Contains("jsonl, csv, gdelt, graphml, parquet", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void WritesFolder_OnlyParquet() =>
        Assert.Equal(["parquet"], Exporters.All.Where(e => e.WritesFolder).Select(e => e.Format));

    [Fact]
    public async Task Export_ToFilePath_WritesTheFileInANewFolderAndLeavesNoPartialFile()
    {
        var path = Samples.PathFor(Path.Combine("out", "events.csv"));

        var result = await new CsvExporter().ExportAsync(Samples.Store, Samples.Store, ExportTarget.ToPath(path));

        Assert.Equal([path], result.Files);
        Assert.Equal(ExportSamples.EventCount + 1, CsvReader.Parse(await File.ReadAllTextAsync(path)).Count);
        Assert.Equal(["events.csv"], Directory.GetFiles(Path.GetDirectoryName(path)!).Select(Path.GetFileName));
    }

    [Fact]
    public async Task Export_CancelledToFilePath_ThrowsAndLeavesNoFile()
    {
        var path = Samples.PathFor("cancelled.jsonl");
        using var cancellation = new CancellationTokenSource();
        await cancellation.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            new JsonlExporter().ExportAsync(Samples.Store, Samples.Store, ExportTarget.ToPath(path), cancellationToken: cancellation.Token));

        Assert.Empty(Directory.GetFiles(Samples.Folder, "cancelled*"));
    }

    [Fact]
    public async Task Export_EmptyStore_HeaderOnlyCsvAndEmptyGraph()
    {
        var folder = Samples.PathFor("empty");
        Directory.CreateDirectory(folder);
        await using var store = Storage.Sqlite.SqliteDocumentStore.Open(Path.Combine(folder, "empty.db"));
        using var csv = new StringWriter();
        using var graphml = new StringWriter();

        var rows = await new CsvExporter().ExportAsync(store, store, ExportTarget.ToWriter(csv));
        var graph = await new GraphMlExporter().ExportAsync(store, store, ExportTarget.ToWriter(graphml));

        Assert.Equal((0L, 0L), (rows.Records, graph.Records));
        Assert.Equal([CsvExporter.Columns], CsvReader.Parse(csv.ToString()));
        Assert.Empty(System.Xml.Linq.XDocument.Parse(graphml.ToString()).Descendants(System.Xml.Linq.XName.Get("node", GraphMlExporter.Namespace)));
    }
}
