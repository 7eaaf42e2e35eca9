using System.Globalization;
using Dossier.Core.Labels;

namespace Dossier.Analytics;

/// <summary>An actor pair of <see cref="AnalyticsQueries.NetworkAsync"/>: corpus entity ids, how many distinct corpus
/// events join them, their mean Goldstein score over the event mentions, and distinct events per quad class 1–4.</summary>
public sealed record AnalyticsPair(long SourceId, long TargetId, long Events, double MeanGoldstein, IReadOnlyList<long> QuadClasses);

/// <summary>One group of <see cref="AnalyticsQueries.CountsAsync"/>: the values of the grouping dimensions, distinct
/// corpus events and event mentions.</summary>
public sealed record AnalyticsCount(IReadOnlyList<string> Keys, long Events, long Mentions);

/// <summary>One corpus event of an actor's timeline page: its id and day (the earliest of its mentions).</summary>
public sealed record AnalyticsTimelineEntry(long CorpusEventId, DateOnly Day, string Type, long Mentions);

/// <summary>Which event mentions a view counts.</summary>
/// <param name="From">Earliest day, inclusive.</param>
/// <param name="To">Latest day, inclusive.</param>
/// <param name="Country">ISO country of the event's location.</param>
/// <param name="MinConfidence">Mentions of at least this confidence (a corpus event counts when one of its reports does).</param>
/// <param name="Domain"><see cref="DomainFilters"/>: general (no sport or entertainment report), all, or one domain.</param>
public sealed record AnalyticsFilter(DateOnly? From = null, DateOnly? To = null, string? Country = null, double MinConfidence = 0, string? Domain = null, string? Type = null);

/// <summary>
/// The aggregate views answered by the analytics cluster over the <c>event_mentions</c> Distributed table: actor
/// pairs, event counts grouped by day, month, type, quad class or country, and an actor's timeline page. Each row
/// carries corpus event or entity ids that lead back to the documents and evidence in the store.
/// </summary>
public sealed class AnalyticsQueries(ClickHouseCluster cluster)
{
    /// <summary>The dimensions <see cref="CountsAsync"/> groups by, and their expressions.</summary>
    public static readonly IReadOnlyDictionary<string, string> Dimensions = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["day"] = "toString(day)",
        ["month"] = "toString(toStartOfMonth(day))",
        ["type"] = "type",
        ["quad"] = "toString(quad_class)",
        ["country"] = "country",
    };

    private string Table => $"{cluster.Database}.event_mentions";

    /// <summary>Pairs of corpus entities (source → target, two different entities; actors known only by their words are
    /// left out, as in the store), most events first, then by ids.</summary>
    public async Task<IReadOnlyList<AnalyticsPair>> NetworkAsync(AnalyticsFilter filter, int limit, int offset = 0, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        ArgumentOutOfRangeException.ThrowIfNegative(limit);
        ArgumentOutOfRangeException.ThrowIfNegative(offset);
        // arrayJoin twice: every source with every target of a mention (18.16 allows one ARRAY JOIN clause only). The
        // inner level makes one row per corpus event and pair (its mentions can sit on both shards), so the outer level
        // counts events with plain counters instead of a distinct-set per pair; the mean is over events, as in the store.
        var sql = $"""
            SELECT s, t, count() AS events, avg(g), countIf(q = 1), countIf(q = 2), countIf(q = 3), countIf(q = 4)
            FROM (
                SELECT corpus_event_id, s, t, any(goldstein) AS g, any(quad_class) AS q
                FROM (
                    SELECT corpus_event_id, goldstein, quad_class,
                           arrayJoin(arrayEnumerate(source_ids)) AS si, arrayJoin(arrayEnumerate(target_ids)) AS ti,
                           source_ids[si] AS s, target_ids[ti] AS t
                    FROM {Table}
                    WHERE {Where(filter)})
                WHERE s != 0 AND t != 0 AND s != t
                GROUP BY corpus_event_id, s, t)
            GROUP BY s, t
            ORDER BY events DESC, s, t
            LIMIT {offset}, {limit}
            """;
        var rows = await cluster.QueryAsync(sql, cancellationToken).ConfigureAwait(false);
        return [.. rows.Select(r => new AnalyticsPair(
            Long(r[0]), Long(r[1]), Long(r[2]), double.Parse(r[3], CultureInfo.InvariantCulture),
            [Long(r[4]), Long(r[5]), Long(r[6]), Long(r[7])]))];
    }

    /// <summary>Distinct corpus events and event mentions grouped by <paramref name="by"/> (names of <see cref="Dimensions"/>), in key order.</summary>
    public async Task<IReadOnlyList<AnalyticsCount>> CountsAsync(IReadOnlyList<string> by, AnalyticsFilter filter, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(by);
        ArgumentNullException.ThrowIfNull(filter);
        if (by.Count == 0 || by.Any(b => !Dimensions.ContainsKey(b)))
        {
            throw new ArgumentException($"Group by one or more of {string.Join(", ", Dimensions.Keys)}.", nameof(by));
        }

        var keys = string.Join(", ", by.Select((b, i) => $"{Dimensions[b]} AS k{i}"));
        var order = string.Join(", ", by.Select((_, i) => $"k{i}"));
        var sql = $"SELECT {keys}, uniqExact(corpus_event_id), count() FROM {Table} WHERE {Where(filter)} GROUP BY {order} ORDER BY {order}";
        var rows = await cluster.QueryAsync(sql, cancellationToken).ConfigureAwait(false);
        return [.. rows.Select(r => new AnalyticsCount(r[..by.Count], Long(r[by.Count]), Long(r[by.Count + 1])))];
    }

    /// <summary>One page of the corpus events of an actor (as source or target), in day order, then by id.</summary>
    public async Task<IReadOnlyList<AnalyticsTimelineEntry>> TimelineAsync(long entityId, AnalyticsFilter filter, int limit, int offset = 0, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        ArgumentOutOfRangeException.ThrowIfNegative(limit);
        ArgumentOutOfRangeException.ThrowIfNegative(offset);
        var id = Sql.Number(entityId);
        var where = $"actor = {id} AND {Where(filter)}";
        // actor_mentions is sorted by actor and day: the actor's rows are one range of the primary key. A busy actor has
        // millions; grouping them all for one page is what costs. So the page is first sought among mentions up to a day
        // D: the day of the k-th mention in day order. Every event whose first day is D or earlier has a mention up to D,
        // so when at least offset + limit events are found there, the page is exact; else k grows and it is sought again.
        var wanted = (long)offset + limit;
        for (var k = Math.Max(1, wanted * 4); ; k *= 4)
        {
            var bound = await cluster.QueryAsync(
                $"SELECT toString(day) FROM {cluster.Database}.actor_mentions WHERE {where} ORDER BY day LIMIT {k - 1}, 1", cancellationToken).ConfigureAwait(false);
            var upTo = bound.Count == 0 ? "" : $" AND day <= toDate({Sql.String(bound[0][0])})";
            var sql = $"""
                SELECT corpus_event_id, toString(min(day)) AS first, any(type), count()
                FROM {cluster.Database}.actor_mentions
                WHERE {where}{upTo}
                GROUP BY corpus_event_id
                ORDER BY first, corpus_event_id
                LIMIT {offset}, {limit}
                """;
            var rows = await cluster.QueryAsync(sql, cancellationToken).ConfigureAwait(false);
            if (bound.Count == 0 || rows.Count == limit || limit == 0)
            {
                return [.. rows.Select(r => new AnalyticsTimelineEntry(Long(r[0]), DateOnly.ParseExact(r[1], "yyyy-MM-dd", CultureInfo.InvariantCulture), r[2], Long(r[3])))];
            }
        }
    }

    /// <summary>Rows of each table as the cluster holds them: documents, event mentions, corpus events and entities
    /// (the last two without deleted ones, after replacement).</summary>
    public async Task<(long Documents, long EventMentions, long CorpusEvents, long Entities)> TotalsAsync(CancellationToken cancellationToken = default)
    {
        var db = cluster.Database;
        return (
            await cluster.ScalarAsync($"SELECT count() FROM {db}.documents", cancellationToken).ConfigureAwait(false),
            await cluster.ScalarAsync($"SELECT count() FROM {db}.event_mentions", cancellationToken).ConfigureAwait(false),
            await cluster.ScalarAsync($"SELECT count() FROM {db}.corpus_events FINAL WHERE deleted = 0", cancellationToken).ConfigureAwait(false),
            await cluster.ScalarAsync($"SELECT count() FROM {db}.entities FINAL WHERE deleted = 0", cancellationToken).ConfigureAwait(false));
    }

    /// <summary>Rows of a table on each shard (by the node's local table, through <c>remote</c> on the shard's address).</summary>
    public async Task<IReadOnlyList<long>> RowsPerShardAsync(string table, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(table);
        if (!AnalyticsSchema.Tables.Any(t => t.Name == table))
        {
            throw new ArgumentException($"No table {table}.", nameof(table));
        }

        var shards = await cluster.QueryAsync(
            $"SELECT host_address, port FROM system.clusters WHERE cluster = {Sql.String(cluster.Address.Cluster)} ORDER BY shard_num, replica_num",
            cancellationToken).ConfigureAwait(false);
        var counts = new List<long>();
        foreach (var shard in shards)
        {
            var address = Sql.String($"{shard[0]}:{shard[1]}");
            var user = Sql.String(cluster.Address.User);
            var password = Sql.String(cluster.Address.Password);
            counts.Add(await cluster.ScalarAsync($"SELECT count() FROM remote({address}, {cluster.Database}, {table}_local, {user}, {password})", cancellationToken).ConfigureAwait(false));
        }

        return counts;
    }

    private static string Where(AnalyticsFilter filter)
    {
        var conditions = new List<string> { "1" };
        if (filter.From is { } from)
        {
            conditions.Add($"day >= {Sql.Date(from)}");
        }

        if (filter.To is { } to)
        {
            conditions.Add($"day <= {Sql.Date(to)}");
        }

        if (!string.IsNullOrWhiteSpace(filter.Country))
        {
            conditions.Add($"country = {Sql.String(filter.Country.Trim().ToUpperInvariant())}");
        }

        if (!string.IsNullOrWhiteSpace(filter.Type))
        {
            conditions.Add($"type = {Sql.String(filter.Type.Trim().ToUpperInvariant())}");
        }

        if (filter.MinConfidence > 0)
        {
            conditions.Add($"confidence >= {Sql.Number(filter.MinConfidence)}");
        }

        var domain = DomainFilters.Parse(filter.Domain) ?? throw new ArgumentException($"Unknown domain '{filter.Domain}'.", nameof(filter));
        if (domain == DomainFilters.General)
        {
            conditions.Add("domain = ''");
        }
        else if (domain != DomainFilters.All)
        {
            conditions.Add($"domain = {Sql.String(domain)}");
        }

        return string.Join(" AND ", conditions);
    }

    private static long Long(string value) => long.Parse(value, CultureInfo.InvariantCulture);
}
