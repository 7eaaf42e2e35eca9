using System.Xml.Linq;
using Dossier.Core.Serialization;
using Parquet;

namespace Dossier.Export.Tests;

/// <summary><see cref="ExportOptions.MinConfidence"/> in every format: the samples hold one unsure event (AP's threat by
/// Russia, <see cref="ExportSamples.LowConfidence"/>) among five.</summary>
public sealed class ExportOptionsTests : SamplesTest
{
    private static readonly ExportOptions AboveTheUnsureEvent = new() { MinConfidence = 0.5 };

    [Fact]
    public async Task Csv_MinConfidenceAboveAnEvent_LeavesOutThatEventOnly()
    {
        var (text, result) = await ExportRunner.ToStringAsync(new CsvExporter(), Samples, AboveTheUnsureEvent);

        var records = CsvReader.Parse(text);
        var type = records[0].IndexOf("type");
        Assert.Equal(ExportSamples.EventCount - 1, result.Records);
        Assert.Equal(["ACCUSE", "AID", "CONSULT", "COOPERATE"], records.Skip(1).Select(r => r[type]).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Csv_MinConfidenceAtTheEventsConfidence_KeepsIt()
    {
        var (_, result) = await ExportRunner.ToStringAsync(new CsvExporter(), Samples, new ExportOptions { MinConfidence = ExportSamples.LowConfidence });

        Assert.Equal(ExportSamples.EventCount, result.Records);
    }

    [Fact]
    public async Task Gdelt_MinConfidenceAboveAnEvent_NoRowWithItsCode()
    {
        var (text, result) = await ExportRunner.ToStringAsync(new GdeltExporter(), Samples, AboveTheUnsureEvent);

        var codes = text.TrimEnd('\n').Split('\n').Select(line => line.Split('\t')[GdeltExporter.Columns.ToList().IndexOf("EventCode")]).ToList();
        Assert.Equal(ExportSamples.EventCount - 1, result.Records);
        Assert.DoesNotContain("138", codes);
        Assert.Contains("040", codes);
    }

    [Fact]
    public async Task GraphMl_MinConfidenceAboveTheOnlyEventOfAnActor_LeavesTheActorOut()
    {
        var (all, _) = await ExportRunner.ToStringAsync(new GraphMlExporter(), Samples);
        var (sure, _) = await ExportRunner.ToStringAsync(new GraphMlExporter(), Samples, AboveTheUnsureEvent);

        static List<string> Labels(string graphml) =>
            [.. XDocument.Parse(graphml).Descendants(XName.Get("node", GraphMlExporter.Namespace))
                .SelectMany(n => n.Elements(XName.Get("data", GraphMlExporter.Namespace)))
                .Where(d => (string?)d.Attribute("key") == "label").Select(d => d.Value)];
        Assert.Contains("Russia", Labels(all));
        Assert.DoesNotContain("Russia", Labels(sure));
        Assert.Contains("Donald Trump", Labels(sure));
    }

    [Fact]
    public async Task Jsonl_MinConfidenceAboveAnEvent_DocumentKeepsItsOtherEventsAndEntities()
    {
        var (text, result) = await ExportRunner.ToStringAsync(new JsonlExporter(), Samples, AboveTheUnsureEvent);

        var documents = text.TrimEnd('\n').Split('\n').Select(DossierJson.Deserialize).ToList();
        var ap = documents.Single(d => d.Id == Samples.Ap.Id);
        Assert.Equal(3, result.Records);
        Assert.Equal(["CONSULT", "COOPERATE"], ap.Events.Select(e => e.Type));
        Assert.Equal(Samples.Ap.Entities.Length, ap.Entities.Length);
        Assert.Equal(3, documents.Single(d => d.Id == Samples.Reuters.Id).Events.Length);
    }

    [Fact]
    public async Task Parquet_MinConfidenceAboveAnEvent_EventsFileWithoutItAndEveryEntity()
    {
        var folder = Samples.PathFor("parquet-sure");

        var result = await new ParquetExporter().ExportAsync(Samples.Store, Samples.Store, ExportTarget.ToPath(folder), AboveTheUnsureEvent);

        Assert.Equal(ExportSamples.EventCount - 1, result.Records);
        await using var events = File.OpenRead(result.Files[0]);
        await using var reader = await ParquetReader.CreateAsync(events);
        Assert.Equal(ExportSamples.EventCount - 1, reader.Metadata!.NumRows);
    }

    [Theory]
    [InlineData(-0.1)]
    [InlineData(1.5)]
    [InlineData(double.NaN)]
    public void MinConfidence_OutsideZeroToOne_Throws(double value) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new ExportOptions { MinConfidence = value });
}
