using Dossier.Storage;
using Dossier.Storage.Corpus;
using Parquet;
using Parquet.Schema;

namespace Dossier.Export;

/// <summary>
/// Apache Parquet: a folder with <see cref="EventsFile"/> (one row per corpus event, latest first) and
/// <see cref="EntitiesFile"/> (one row per corpus entity, most mentioned first), typed columns, written in row groups of
/// <see cref="RowGroupSize"/> rows so that memory stays bounded. Actor lists are joined by <see cref="CsvExporter.ListSeparator"/>;
/// <c>source_entity_id</c>/<c>target_entity_id</c> (the first actor's corpus entity) join with <c>entities.id</c>.
/// </summary>
public sealed class ParquetExporter : IExporter
{
    public const string EventsFile = "events.parquet";
    public const string EntitiesFile = "entities.parquet";

    public static class EventFields
    {
        public static readonly DataField<long> Id = new("id");
        public static readonly DataField<DateOnly?> Day = new("day");
        public static readonly DataField<bool> Approximate = new("approximate");
        public static readonly DataField<string> DateValue = new("date_value", nullable: true);
        public static readonly DataField<string> Type = new("type", nullable: false);
        public static readonly DataField<string> Mode = new("mode", nullable: true);
        public static readonly DataField<string> Status = new("status", nullable: false);
        public static readonly DataField<string> Cameo = new("cameo", nullable: false);
        public static readonly DataField<int> QuadClass = new("quad_class");
        public static readonly DataField<double> Goldstein = new("goldstein");
        public static readonly DataField<long?> SourceEntityId = new("source_entity_id");
        public static readonly DataField<string> SourceNames = new("source_names", nullable: true);
        public static readonly DataField<string> SourceCodes = new("source_codes", nullable: true);
        public static readonly DataField<long?> TargetEntityId = new("target_entity_id");
        public static readonly DataField<string> TargetNames = new("target_names", nullable: true);
        public static readonly DataField<string> TargetCodes = new("target_codes", nullable: true);
        public static readonly DataField<string> Location = new("location", nullable: true);
        public static readonly DataField<long> NumMentions = new("num_mentions");
        public static readonly DataField<long> NumArticles = new("num_articles");
        public static readonly DataField<long> NumSources = new("num_sources");
        public static readonly DataField<string> Evidence = new("evidence", nullable: true);
        public static readonly DataField<string> DocumentIds = new("document_ids", nullable: true);
        public static readonly DataField<double> Confidence = new("confidence");
        public static readonly DataField<int?> GeoType = new("geo_type");
        public static readonly DataField<string> PlaceName = new("place_name", nullable: true);
        public static readonly DataField<string> PlaceClass = new("place_class", nullable: true);
        public static readonly DataField<string> PlaceCountryCode = new("place_country_code", nullable: true);
        public static readonly DataField<string> PlaceAdmin1 = new("place_admin1", nullable: true);
        public static readonly DataField<double?> Latitude = new("latitude");
        public static readonly DataField<double?> Longitude = new("longitude");
        public static readonly DataField<string> PlaceId = new("place_id", nullable: true);
        public static readonly DataField<string> PlaceScope = new("place_scope", nullable: true);

        public static ParquetSchema Schema { get; } = new(
            Id, Day, Approximate, DateValue, Type, Mode, Status, Cameo, QuadClass, Goldstein,
            SourceEntityId, SourceNames, SourceCodes, TargetEntityId, TargetNames, TargetCodes,
            Location, NumMentions, NumArticles, NumSources, Evidence, DocumentIds, Confidence,
            GeoType, PlaceName, PlaceClass, PlaceCountryCode, PlaceAdmin1, Latitude, Longitude, PlaceId, PlaceScope);
    }

    public static class EntityFields
    {
        public static readonly DataField<long> Id = new("id");
        public static readonly DataField<string> Name = new("name", nullable: false);
        public static readonly DataField<string> Type = new("type", nullable: false);
        public static readonly DataField<string> Country = new("country", nullable: true);
        public static readonly DataField<string> Sector = new("sector", nullable: true);
        public static readonly DataField<string> Code = new("code", nullable: true);
        public static readonly DataField<long> Mentions = new("mentions");
        public static readonly DataField<long> Documents = new("documents");
        public static readonly DataField<DateOnly?> FirstSeen = new("first_seen");
        public static readonly DataField<DateOnly?> LastSeen = new("last_seen");

        public static ParquetSchema Schema { get; } = new(Id, Name, Type, Country, Sector, Code, Mentions, Documents, FirstSeen, LastSeen);
    }

    /// <summary>Rows per row group (at least 1).</summary>
    public int RowGroupSize { get; init; } = 50_000;

    public string Format => "parquet";

    public string Description => "events.parquet and entities.parquet (typed columns) in a folder";

    public string RecordName => "events";

    public bool WritesFolder => true;

    /// <summary>Writes <see cref="EventsFile"/> and <see cref="EntitiesFile"/> into the folder <see cref="ExportTarget.Path"/>
    /// (created when missing; each file is written beside its name first and moved into place when complete).</summary>
    /// <returns><see cref="ExportResult.Records"/>: the number of events.</returns>
    public async Task<ExportResult> ExportAsync(IDocumentStore store, ICorpusQueries corpus, ExportTarget target, ExportOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(corpus);
        ArgumentNullException.ThrowIfNull(target);
        if (target.Path is null)
        {
            throw new ArgumentException("The parquet export writes two files; give a folder path.", nameof(target));
        }

        var folder = Path.GetFullPath(target.Path);
        Directory.CreateDirectory(folder);
        var eventsPath = Path.Combine(folder, EventsFile);
        var entitiesPath = Path.Combine(folder, EntitiesFile);
        var events = await WriteFileAsync(eventsPath, s => WriteEventsAsync(corpus, s, options, cancellationToken), cancellationToken).ConfigureAwait(false);
        await WriteFileAsync(entitiesPath, s => WriteEntitiesAsync(corpus, s, cancellationToken), cancellationToken).ConfigureAwait(false);
        return new ExportResult(Format, events, [eventsPath, entitiesPath]);
    }

    /// <summary>Writes the events file to a stream (left open).</summary>
    /// <param name="options">Which events; null for all.</param>
    /// <returns>How many events were written.</returns>
    public async Task<long> WriteEventsAsync(ICorpusQueries corpus, Stream output, ExportOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(corpus);
        ArgumentNullException.ThrowIfNull(output);
        await using var writer = await ParquetWriter.CreateAsync(EventFields.Schema, output, cancellationToken: cancellationToken).ConfigureAwait(false);
        return await WriteRowGroupsAsync(writer, StorePages.EventsAsync(corpus, (options ?? ExportOptions.All).MinConfidence, cancellationToken), WriteEventGroupAsync, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Writes the entities file to a stream (left open).</summary>
    /// <returns>How many entities were written.</returns>
    public async Task<long> WriteEntitiesAsync(ICorpusQueries corpus, Stream output, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(corpus);
        ArgumentNullException.ThrowIfNull(output);
        await using var writer = await ParquetWriter.CreateAsync(EntityFields.Schema, output, cancellationToken: cancellationToken).ConfigureAwait(false);
        return await WriteRowGroupsAsync(writer, StorePages.EntitiesAsync(corpus, cancellationToken), WriteEntityGroupAsync, cancellationToken).ConfigureAwait(false);
    }

    private static async Task<long> WriteFileAsync(string path, Func<Stream, Task<long>> write, CancellationToken cancellationToken)
    {
        var partial = path + ".partial";
        try
        {
            long count;
            await using (var file = new FileStream(partial, FileMode.Create, FileAccess.ReadWrite, FileShare.None, 1 << 16, useAsync: true))
            {
                count = await write(file).ConfigureAwait(false);
                await file.FlushAsync(cancellationToken).ConfigureAwait(false);
            }

            File.Move(partial, path, overwrite: true);
            return count;
        }
        catch
        {
            TextExporter.TryDelete(partial);
            throw;
        }
    }

    private async Task<long> WriteRowGroupsAsync<T>(ParquetWriter writer, IAsyncEnumerable<T> rows, Func<ParquetRowGroupWriter, List<T>, Task> writeGroup, CancellationToken cancellationToken)
    {
        var size = Math.Max(1, RowGroupSize);
        var buffer = new List<T>(Math.Min(size, 4096));
        long count = 0;
        await foreach (var row in rows.ConfigureAwait(false))
        {
            buffer.Add(row);
            count++;
            if (buffer.Count >= size)
            {
                await FlushAsync().ConfigureAwait(false);
            }
        }

        if (buffer.Count > 0)
        {
            await FlushAsync().ConfigureAwait(false);
        }

        return count;

        async Task FlushAsync()
        {
            cancellationToken.ThrowIfCancellationRequested();
            using (var group = writer.CreateRowGroup())
            {
                await writeGroup(group, buffer).ConfigureAwait(false);
            }

            buffer.Clear();
        }
    }

    private static async Task WriteEventGroupAsync(ParquetRowGroupWriter group, List<CorpusEventSummary> rows)
    {
        await group.WriteAsync(EventFields.Id, Values(rows, e => e.Id)).ConfigureAwait(false);
        await group.WriteAsync(EventFields.Day, Values(rows, e => e.Day)).ConfigureAwait(false);
        await group.WriteAsync(EventFields.Approximate, Values(rows, e => e.Approximate)).ConfigureAwait(false);
        await group.WriteAsync(EventFields.DateValue, Strings(rows, e => e.Date)).ConfigureAwait(false);
        await group.WriteAsync(EventFields.Type, Strings(rows, e => e.Type)).ConfigureAwait(false);
        await group.WriteAsync(EventFields.Mode, Strings(rows, e => e.Mode)).ConfigureAwait(false);
        await group.WriteAsync(EventFields.Status, Strings(rows, e => e.Status)).ConfigureAwait(false);
        await group.WriteAsync(EventFields.Cameo, Strings(rows, e => e.Cameo)).ConfigureAwait(false);
        await group.WriteAsync(EventFields.QuadClass, Values(rows, e => e.QuadClass)).ConfigureAwait(false);
        await group.WriteAsync(EventFields.Goldstein, Values(rows, e => e.Goldstein)).ConfigureAwait(false);
        await group.WriteAsync(EventFields.SourceEntityId, Values(rows, e => e.Source.Select(a => a.EntityId).FirstOrDefault(id => id is not null))).ConfigureAwait(false);
        await group.WriteAsync(EventFields.SourceNames, Strings(rows, e => NullIfEmpty(CsvExporter.Names(e.Source)))).ConfigureAwait(false);
        await group.WriteAsync(EventFields.SourceCodes, Strings(rows, e => NullIfEmpty(CsvExporter.Codes(e.Source)))).ConfigureAwait(false);
        await group.WriteAsync(EventFields.TargetEntityId, Values(rows, e => e.Target.Select(a => a.EntityId).FirstOrDefault(id => id is not null))).ConfigureAwait(false);
        await group.WriteAsync(EventFields.TargetNames, Strings(rows, e => NullIfEmpty(CsvExporter.Names(e.Target)))).ConfigureAwait(false);
        await group.WriteAsync(EventFields.TargetCodes, Strings(rows, e => NullIfEmpty(CsvExporter.Codes(e.Target)))).ConfigureAwait(false);
        await group.WriteAsync(EventFields.Location, Strings(rows, e => e.Location)).ConfigureAwait(false);
        await group.WriteAsync(EventFields.NumMentions, Values(rows, e => e.NumMentions)).ConfigureAwait(false);
        await group.WriteAsync(EventFields.NumArticles, Values(rows, e => e.NumArticles)).ConfigureAwait(false);
        await group.WriteAsync(EventFields.NumSources, Values(rows, e => e.NumSources)).ConfigureAwait(false);
        await group.WriteAsync(EventFields.Evidence, Strings(rows, e => e.Evidence.Count > 0 ? e.Evidence[0].Evidence : null)).ConfigureAwait(false);
        await group.WriteAsync(EventFields.DocumentIds, Strings(rows, e => NullIfEmpty(string.Join(CsvExporter.ListSeparator, StorePages.DocumentIds(e))))).ConfigureAwait(false);
        await group.WriteAsync(EventFields.Confidence, Values(rows, e => e.Confidence)).ConfigureAwait(false);
        await group.WriteAsync(EventFields.GeoType, Values(rows, e => e.Place is null ? (int?)null : Core.Labels.PlaceClasses.GdeltGeoType(e.Place))).ConfigureAwait(false);
        await group.WriteAsync(EventFields.PlaceName, Strings(rows, e => e.Place?.Name)).ConfigureAwait(false);
        await group.WriteAsync(EventFields.PlaceClass, Strings(rows, e => e.Place?.FeatureClass)).ConfigureAwait(false);
        await group.WriteAsync(EventFields.PlaceCountryCode, Strings(rows, e => e.Place?.CountryCode)).ConfigureAwait(false);
        await group.WriteAsync(EventFields.PlaceAdmin1, Strings(rows, e => e.Place?.Admin1)).ConfigureAwait(false);
        await group.WriteAsync(EventFields.Latitude, Values(rows, e => e.Place?.Latitude)).ConfigureAwait(false);
        await group.WriteAsync(EventFields.Longitude, Values(rows, e => e.Place?.Longitude)).ConfigureAwait(false);
        await group.WriteAsync(EventFields.PlaceId, Strings(rows, e => e.Place?.GazetteerId)).ConfigureAwait(false);
        await group.WriteAsync(EventFields.PlaceScope, Strings(rows, e => e.PlaceScope)).ConfigureAwait(false);
    }

    private static async Task WriteEntityGroupAsync(ParquetRowGroupWriter group, List<CorpusEntitySummary> rows)
    {
        await group.WriteAsync(EntityFields.Id, Values(rows, e => e.Id)).ConfigureAwait(false);
        await group.WriteAsync(EntityFields.Name, Strings(rows, e => e.Name)).ConfigureAwait(false);
        await group.WriteAsync(EntityFields.Type, Strings(rows, e => e.Type)).ConfigureAwait(false);
        await group.WriteAsync(EntityFields.Country, Strings(rows, e => e.Country)).ConfigureAwait(false);
        await group.WriteAsync(EntityFields.Sector, Strings(rows, e => e.Sector)).ConfigureAwait(false);
        await group.WriteAsync(EntityFields.Code, Strings(rows, e => e.Code)).ConfigureAwait(false);
        await group.WriteAsync(EntityFields.Mentions, Values(rows, e => e.Mentions)).ConfigureAwait(false);
        await group.WriteAsync(EntityFields.Documents, Values(rows, e => e.Documents)).ConfigureAwait(false);
        await group.WriteAsync(EntityFields.FirstSeen, Values(rows, e => e.FirstSeen)).ConfigureAwait(false);
        await group.WriteAsync(EntityFields.LastSeen, Values(rows, e => e.LastSeen)).ConfigureAwait(false);
    }

    private static ReadOnlyMemory<TValue> Values<TRow, TValue>(List<TRow> rows, Func<TRow, TValue> select) => rows.Select(select).ToArray();

    private static string?[] Strings<TRow>(List<TRow> rows, Func<TRow, string?> select) => [.. rows.Select(select)];

    private static string? NullIfEmpty(string value) => value.Length == 0 ? null : value;
}
