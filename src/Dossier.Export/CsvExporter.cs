using System.Globalization;
using Dossier.Storage;
using Dossier.Storage.Corpus;

namespace Dossier.Export;

/// <summary>
/// CSV (RFC 4180, CRLF, header row): one row per corpus event, latest first. Several source or target actors are joined
/// by <see cref="ListSeparator"/>, names and codes position by position (an actor without a code leaves its place empty);
/// <c>evidence</c> is the sentence of the first report; <c>document_ids</c> lists every reporting document; the place columns
/// (<c>geo_type</c> as GDELT's ActionGeo_Type … <c>place_scope</c>) are empty when the event has no place.
/// </summary>
public sealed class CsvExporter : TextExporter
{
    public const string ListSeparator = "; ";

    /// <summary>The header row, in column order.</summary>
    public static IReadOnlyList<string> Columns { get; } =
    [
        "event_id", "date", "approximate", "date_value", "type", "mode", "status", "cameo", "quad_class", "goldstein",
        "source_names", "source_codes", "target_names", "target_codes", "location",
        "num_mentions", "num_articles", "num_sources", "evidence", "document_ids", "confidence", "domain",
        "geo_type", "place_name", "place_class", "place_country_code", "place_admin1", "latitude", "longitude", "place_id", "place_scope",
    ];

    public override string Format => "csv";

    public override string Description => "one row per corpus event (ids, date, PLOVER/CAMEO codes, actors, counts, evidence, confidence)";

    public override string RecordName => "events";

    protected override async Task<long> WriteAsync(IDocumentStore store, ICorpusQueries corpus, ExportOptions options, TextWriter output, ICollection<string> skipped, CancellationToken cancellationToken)
    {
        await output.WriteAsync(Csv.Record(Columns).AsMemory(), cancellationToken).ConfigureAwait(false);
        long count = 0;
        await foreach (var e in StorePages.EventsAsync(corpus, options.MinConfidence, cancellationToken).ConfigureAwait(false))
        {
            await output.WriteAsync(Csv.Record(Row(e)).AsMemory(), cancellationToken).ConfigureAwait(false);
            count++;
        }

        return count;
    }

    internal static IEnumerable<string?> Row(CorpusEventSummary e) =>
    [
        e.Id.ToString(CultureInfo.InvariantCulture),
        e.Day?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        e.Approximate ? "true" : "false",
        e.Date,
        e.Type,
        e.Mode,
        e.Status,
        e.Cameo,
        e.QuadClass.ToString(CultureInfo.InvariantCulture),
        Number(e.Goldstein),
        Names(e.Source),
        Codes(e.Source),
        Names(e.Target),
        Codes(e.Target),
        e.Location,
        e.NumMentions.ToString(CultureInfo.InvariantCulture),
        e.NumArticles.ToString(CultureInfo.InvariantCulture),
        e.NumSources.ToString(CultureInfo.InvariantCulture),
        e.Evidence.Count > 0 ? e.Evidence[0].Evidence : null,
        string.Join(ListSeparator, StorePages.DocumentIds(e)),
        Number(e.Confidence),
        e.Domain,
        e.Place is null ? null : Core.Labels.PlaceClasses.GdeltGeoType(e.Place).ToString(CultureInfo.InvariantCulture),
        e.Place?.Name,
        e.Place?.FeatureClass,
        e.Place?.CountryCode,
        e.Place?.Admin1,
        e.Place is { } p ? Number(p.Latitude) : null,
        e.Place is { } q ? Number(q.Longitude) : null,
        e.Place?.GazetteerId,
        e.PlaceScope,
    ];

    internal static string Names(IReadOnlyList<CorpusActor> actors) => string.Join(ListSeparator, actors.Select(a => a.Name));

    internal static string Codes(IReadOnlyList<CorpusActor> actors) =>
        actors.All(a => a.Code is null) ? "" : string.Join(ListSeparator, actors.Select(a => a.Code ?? ""));

    /// <summary>The shortest invariant form that reads back to the same double (1, 1.9, -10).</summary>
    internal static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
