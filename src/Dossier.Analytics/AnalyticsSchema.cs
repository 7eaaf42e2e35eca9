namespace Dossier.Analytics;

/// <summary>
/// The tables of the analytics cluster. Each kind has a MergeTree table on every node (<c>*_local</c>) and a
/// <c>Distributed</c> table over them, sharded by a hash of a stable key, so that a row always lands on the same shard.
/// Documents and event mentions never change once stored: plain MergeTree, appended in store-key order. Corpus events
/// and entities change as documents arrive: ReplacingMergeTree by id with a version, read with <c>FINAL</c>, and a
/// <c>deleted</c> flag for those merged away in the store. <c>sync_state</c> holds the store key copied so far.
/// </summary>
public static class AnalyticsSchema
{
    /// <summary>The columns of each table, in insert order, with their ClickHouse types.</summary>
    public static readonly IReadOnlyList<(string Name, string Type)> DocumentColumns =
    [
        ("doc_key", "UInt64"), ("id", "String"), ("title", "String"), ("source", "String"), ("url", "String"),
        ("published", "Date"), ("language", "String"), ("topic", "String"), ("characters", "UInt32"),
    ];

    /// <summary>One row per event of a document; <c>day</c> 1970-01-01 when neither the event nor its document is dated.</summary>
    public static readonly IReadOnlyList<(string Name, string Type)> MentionColumns =
    [
        ("doc_key", "UInt64"), ("document_id", "String"), ("event_id", "String"), ("corpus_event_id", "UInt64"),
        ("type", "String"), ("cameo", "String"), ("quad_class", "UInt8"), ("goldstein", "Float32"), ("status", "String"),
        ("day", "Date"), ("approximate", "UInt8"), ("country", "String"), ("confidence", "Float32"), ("domain", "String"),
        ("source_ids", "Array(UInt64)"), ("source_names", "Array(String)"), ("target_ids", "Array(UInt64)"), ("target_names", "Array(String)"),
    ];

    public static readonly IReadOnlyList<(string Name, string Type)> CorpusEventColumns =
    [
        ("id", "UInt64"), ("type", "String"), ("cameo", "String"), ("quad_class", "UInt8"), ("goldstein", "Float32"), ("status", "String"),
        ("day", "Date"), ("domain", "String"), ("mentions", "UInt64"), ("documents", "UInt64"), ("sources", "UInt64"),
        ("source_ids", "Array(UInt64)"), ("target_ids", "Array(UInt64)"), ("deleted", "UInt8"), ("version", "UInt64"),
    ];

    public static readonly IReadOnlyList<(string Name, string Type)> EntityColumns =
    [
        ("id", "UInt64"), ("name", "String"), ("type", "String"), ("country", "String"), ("code", "String"),
        ("mentions", "UInt64"), ("documents", "UInt64"), ("deleted", "UInt8"), ("version", "UInt64"),
    ];

    public static readonly IReadOnlyList<(string Name, string Type)> SyncStateColumns =
    [
        ("kind", "String"), ("watermark", "UInt64"), ("at", "DateTime"),
    ];

    /// <summary>The tables: name, columns, local engine clause, shard key.</summary>
    public static readonly IReadOnlyList<(string Name, IReadOnlyList<(string Name, string Type)> Columns, string Engine, string ShardKey)> Tables =
    [
        ("documents", DocumentColumns, "MergeTree() ORDER BY doc_key", "cityHash64(id)"),
        // Sorted by day and country, partitioned by year: a day range (one month's pairs) is one range of the key, a
        // country's year one partition. By year, not by month: every inserted block is cut into one part per partition
        // it touches, and with months a block of a load made 72 parts whose writing and merging cost the servers more
        // than the rows (measured: 2.6× the server time of yearly parts, docs/evaluation.md).
        ("event_mentions", MentionColumns, "MergeTree() PARTITION BY toYear(day) ORDER BY (day, country, corpus_event_id)", "cityHash64(document_id)"),
        ("corpus_events", CorpusEventColumns, "ReplacingMergeTree(version) ORDER BY id", "cityHash64(id)"),
        ("entities", EntityColumns, "ReplacingMergeTree(version) ORDER BY id", "cityHash64(id)"),
        ("sync_state", SyncStateColumns, "MergeTree() ORDER BY (kind, watermark)", "cityHash64(kind)"),
    ];

    /// <summary>The column whose <c>cityHash64</c> shards a table of <see cref="Tables"/> (the client computes it to insert
    /// into each shard's local table itself), or null for another table or shard key.</summary>
    public static string? ShardColumnOf(string table)
    {
        var key = Tables.FirstOrDefault(t => t.Name == table).ShardKey;
        const string prefix = "cityHash64(";
        return key is not null && key.StartsWith(prefix, StringComparison.Ordinal) && key.EndsWith(')')
            ? key[prefix.Length..^1]
            : null;
    }

    /// <summary>The columns of <c>actor_mentions</c>: one row per actor of an event mention, kept by a materialized view
    /// on each node and sorted by actor and day, so that an actor's timeline reads one range instead of every mention.</summary>
    public static readonly IReadOnlyList<(string Name, string Type)> ActorMentionColumns =
    [
        ("actor", "UInt64"), ("day", "Date"), ("corpus_event_id", "UInt64"), ("type", "String"), ("quad_class", "UInt8"),
        ("country", "String"), ("confidence", "Float32"), ("domain", "String"),
    ];

    /// <summary>Creates the database and every table on each node, and the Distributed tables, where absent.</summary>
    public static async Task EnsureAsync(ClickHouseCluster cluster, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(cluster);
        var db = cluster.Database;
        await cluster.ExecuteOnEachNodeAsync($"CREATE DATABASE IF NOT EXISTS {db}", cancellationToken).ConfigureAwait(false);
        foreach (var (name, columns, engine, shardKey) in Tables)
        {
            var columnList = string.Join(", ", columns.Select(c => $"{c.Name} {c.Type}"));
            await cluster.ExecuteOnEachNodeAsync($"CREATE TABLE IF NOT EXISTS {db}.{name}_local ({columnList}) ENGINE = {engine}", cancellationToken).ConfigureAwait(false);
            await cluster.ExecuteOnEachNodeAsync(
                $"CREATE TABLE IF NOT EXISTS {db}.{name} ({columnList}) ENGINE = Distributed({cluster.Address.Cluster}, {db}, {name}_local, {shardKey})",
                cancellationToken).ConfigureAwait(false);
        }

        // Fed by every insert into event_mentions_local (the Distributed table's inserts land there on each shard).
        var actorColumns = string.Join(", ", ActorMentionColumns.Select(c => $"{c.Name} {c.Type}"));
        await cluster.ExecuteOnEachNodeAsync($"""
            CREATE MATERIALIZED VIEW IF NOT EXISTS {db}.actor_mentions_local
            ENGINE = MergeTree() PARTITION BY toYear(day) ORDER BY (actor, day, corpus_event_id)
            AS SELECT arrayJoin(arrayFilter(a -> a != 0, arrayDistinct(arrayConcat(source_ids, target_ids)))) AS actor,
                      day, corpus_event_id, type, quad_class, country, confidence, domain
            FROM {db}.event_mentions_local
            """, cancellationToken).ConfigureAwait(false);
        await cluster.ExecuteOnEachNodeAsync(
            $"CREATE TABLE IF NOT EXISTS {db}.actor_mentions ({actorColumns}) ENGINE = Distributed({cluster.Address.Cluster}, {db}, actor_mentions_local, rand())",
            cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Drops every table on each node (for <c>--rebuild</c> and tests).</summary>
    public static async Task DropAsync(ClickHouseCluster cluster, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(cluster);
        foreach (var name in Tables.Select(t => t.Name).Prepend("actor_mentions"))
        {
            await cluster.ExecuteOnEachNodeAsync($"DROP TABLE IF EXISTS {cluster.Database}.{name}", cancellationToken).ConfigureAwait(false);
            await cluster.ExecuteOnEachNodeAsync($"DROP TABLE IF EXISTS {cluster.Database}.{name}_local", cancellationToken).ConfigureAwait(false);
        }
    }
}
