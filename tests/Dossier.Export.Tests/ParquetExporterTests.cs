using Parquet;
using Parquet.Schema;

namespace Dossier.Export.Tests;

public sealed class ParquetExporterTests : SamplesTest
{
    private delegate Task<TValue[]> ColumnReader<TValue>(ParquetRowGroupReader group, DataField field, int rows);

    /// <summary>Every value of one column across all row groups, and the number of row groups.</summary>
    private static async Task<(List<TValue> Values, int RowGroups)> ReadColumnAsync<TValue>(string path, string column, ColumnReader<TValue> read)
    {
        await using var stream = File.OpenRead(path);
        await using var reader = await ParquetReader.CreateAsync(stream, new ParquetOptions { UseDateOnlyTypeForDates = true });
        var field = reader.Schema.GetDataFields().Single(f => f.Name == column);
        var values = new List<TValue>();
        for (var i = 0; i < reader.RowGroupCount; i++)
        {
            using var group = reader.OpenRowGroupReader(i);
            values.AddRange(await read(group, field, checked((int)group.RowCount)));
        }

        return (values, reader.RowGroupCount);
    }

    private static async Task<string?[]> Strings(ParquetRowGroupReader group, DataField field, int rows)
    {
        var values = new string?[rows];
        await group.ReadAsync(field, values.AsMemory());
        return values;
    }

    private static ColumnReader<T> Values<T>() where T : struct => async (group, field, rows) =>
    {
        var values = new T[rows];
        await group.ReadAsync(field, values.AsMemory());
        return values;
    };

    private static ColumnReader<T?> Nullable<T>() where T : struct => async (group, field, rows) =>
    {
        var values = new T?[rows];
        await group.ReadAsync(field, values.AsMemory());
        return values;
    };

    private async Task<ExportResult> ExportAsync(int rowGroupSize = 50_000) =>
        await new ParquetExporter { RowGroupSize = rowGroupSize }.ExportAsync(Samples.Store, Samples.Store, ExportTarget.ToPath(Samples.PathFor("parquet")));

    [Fact]
    public async Task Export_Folder_EventsAndEntitiesFilesWithOneRowEach()
    {
        var result = await ExportAsync();

        var folder = Samples.PathFor("parquet");
        Assert.Equal([Path.Combine(folder, ParquetExporter.EventsFile), Path.Combine(folder, ParquetExporter.EntitiesFile)], result.Files);
        Assert.Equal(ExportSamples.EventCount, result.Records);
        Assert.Equal(ExportSamples.EventCount, (await ReadColumnAsync(result.Files[0], "type", Strings)).Values.Count);
        var entities = await Samples.Store.ListEntitiesAsync(null, null, 1000);
        Assert.Equal(entities.Select(e => e.Name).Order(), (await ReadColumnAsync(result.Files[1], "name", Strings)).Values.Order());
        Assert.Empty(Directory.GetFiles(folder, "*.partial"));
    }

    [Fact]
    public async Task Export_EventColumns_TypedValuesOfEachCorpusEvent()
    {
        var events = (await ExportAsync()).Files[0];

        var types = (await ReadColumnAsync(events, "type", Strings)).Values;
        var consult = types.IndexOf("CONSULT");
        var threaten = types.IndexOf("THREATEN");
        var ids = (await ReadColumnAsync(events, "id", Values<long>())).Values;
        var stored = await Samples.Store.ListEventsAsync(new Storage.Corpus.CorpusEventFilter(), 100);
        Assert.Equal(stored.Select(e => e.Id), ids);
        Assert.Equal(2, (await ReadColumnAsync(events, "num_articles", Values<long>())).Values[consult]);
        Assert.Equal(-7.0, (await ReadColumnAsync(events, "goldstein", Values<double>())).Values[threaten]);
        Assert.Equal(3, (await ReadColumnAsync(events, "quad_class", Values<int>())).Values[threaten]);
        var days = (await ReadColumnAsync(events, "day", Nullable<DateOnly>())).Values;
        Assert.Equal((new DateOnly(2025, 10, 16), new DateOnly(2025, 10, 17)), (days[consult], days[threaten]));
        var approximate = (await ReadColumnAsync(events, "approximate", Values<bool>())).Values;
        Assert.Equal((false, true), (approximate[consult], approximate[threaten]));
        Assert.Null((await ReadColumnAsync(events, "mode", Strings)).Values[threaten]);
        Assert.Equal(ExportSamples.ConsultEvidence, (await ReadColumnAsync(events, "evidence", Strings)).Values[consult]);
        var targets = (await ReadColumnAsync(events, "target_entity_id", Nullable<long>())).Values;
        Assert.Null(targets[threaten]);
        Assert.Equal(stored.Single(e => e.Type == "CONSULT").Target[0].EntityId, targets[consult]);
        var confidence = (await ReadColumnAsync(events, "confidence", Values<double>())).Values;
        Assert.Equal((0.9, ExportSamples.LowConfidence), (confidence[consult], confidence[threaten]));
    }

    [Fact]
    public async Task Export_EntityColumns_TypedValuesOfEachCorpusEntity()
    {
        var entities = (await ExportAsync()).Files[1];

        var names = (await ReadColumnAsync(entities, "name", Strings)).Values;
        var zelensky = names.IndexOf("Volodymyr Zelensky");
        var washington = names.IndexOf("Washington");
        Assert.Equal("UKRGOV", (await ReadColumnAsync(entities, "code", Strings)).Values[zelensky]);
        Assert.Null((await ReadColumnAsync(entities, "code", Strings)).Values[washington]);
        Assert.Equal(2, (await ReadColumnAsync(entities, "documents", Values<long>())).Values[zelensky]);
        var firstSeen = (await ReadColumnAsync(entities, "first_seen", Nullable<DateOnly>())).Values;
        var lastSeen = (await ReadColumnAsync(entities, "last_seen", Nullable<DateOnly>())).Values;
        Assert.Equal((new DateOnly(2025, 10, 16), new DateOnly(2025, 10, 17)), (firstSeen[zelensky], lastSeen[zelensky]));
    }

    [Fact]
    public async Task Export_SmallRowGroups_SplitsRowsAcrossGroupsWithoutLosingAny()
    {
        var events = (await ExportAsync(rowGroupSize: 2)).Files[0];

        var (ids, groups) = await ReadColumnAsync(events, "id", Values<long>());
        Assert.Equal(3, groups);
        Assert.Equal(ExportSamples.EventCount, ids.Distinct().Count());
    }

    [Fact]
    public async Task Export_ToWriter_RefusedBecauseItWritesTwoFiles()
    {
        using var writer = new StringWriter();

        await Assert.ThrowsAsync<ArgumentException>(() => new ParquetExporter().ExportAsync(Samples.Store, Samples.Store, ExportTarget.ToWriter(writer)));
    }
}
