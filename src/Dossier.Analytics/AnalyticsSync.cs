using Dossier.Storage.Analytics;

namespace Dossier.Analytics;

/// <summary>What one sync copied: documents and event mentions inserted, and the distinct corpus events and entities
/// written (a corpus event touched by documents of several pages is written once a page, a newer version each time, and
/// counted once).</summary>
public sealed record SyncResult(long Documents, long EventMentions, long CorpusEvents, long Entities, long Removed, long Watermark);

/// <summary>
/// Copies a store into the analytics cluster (<c>dossier sync</c>), incrementally and idempotently.
/// </summary>
/// <remarks>
/// <para>The store's document key orders everything. The key copied so far (the watermark) lives in the cluster itself
/// (<c>sync_state</c>), written after each page of documents, their event mentions, and the corpus events and entities
/// they touch has been inserted. A run goes on from the watermark; a second run with nothing new copies nothing.</para>
/// <para>Rows go straight into each shard's local table, on the shard the <c>Distributed</c> table would choose
/// (<see cref="ClickHouseCluster.InsertAsync"/>), one stream per shard at once. An interrupted run can have inserted
/// part of the page after the watermark (the inserts of a page are not atomic across shards). So before a page of documents or mentions is inserted, the keys of that page already in the cluster
/// are read and left out: documents and mentions are never duplicated, without needing <c>FINAL</c> on the large table.
/// Corpus events and entities are small and change; they are inserted again with a newer version into
/// ReplacingMergeTree tables (a re-run replaces, never duplicates), those no longer in the store get a deleted row, and
/// both tables are merged (<c>OPTIMIZE … FINAL</c>) on each node at the end of a run that changed them.</para>
/// </remarks>
public sealed class AnalyticsSync(ClickHouseCluster cluster, IAnalyticsSource source)
{
    /// <summary>Documents per page.</summary>
    public int PageSize { get; init; } = 500;

    /// <summary>Called after each page with the totals so far.</summary>
    public Action<SyncResult>? Progress { get; init; }

    /// <summary>The store key copied so far (0 before the first sync).</summary>
    public async Task<long> WatermarkAsync(CancellationToken cancellationToken = default) =>
        await cluster.ScalarAsync($"SELECT max(watermark) FROM {cluster.Database}.sync_state WHERE kind = 'documents'", cancellationToken).ConfigureAwait(false);

    /// <summary>Drops every table of the cluster's database (<see cref="AnalyticsSchema.DropAsync"/>, the watermark with
    /// them) and copies the whole store again into new ones (<c>dossier sync --rebuild</c>).</summary>
    public async Task<SyncResult> RebuildAsync(CancellationToken cancellationToken = default)
    {
        await AnalyticsSchema.DropAsync(cluster, cancellationToken).ConfigureAwait(false);
        return await RunAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Creates the tables where absent and copies what is new since the watermark.</summary>
    public async Task<SyncResult> RunAsync(CancellationToken cancellationToken = default)
    {
        await AnalyticsSchema.EnsureAsync(cluster, cancellationToken).ConfigureAwait(false);
        var db = cluster.Database;
        var watermark = await WatermarkAsync(cancellationToken).ConfigureAwait(false);
        long documents = 0, mentions = 0;
        var corpusEvents = new HashSet<long>();
        var entities = new HashSet<long>();
        var version = (ulong)DateTime.UtcNow.Ticks;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var page = await source.DocumentsAfterAsync(watermark, PageSize, cancellationToken).ConfigureAwait(false);
            if (page.Count == 0)
            {
                break;
            }

            var last = page[^1].Key;
            var range = $"doc_key > {watermark} AND doc_key <= {last}";

            var haveDocuments = (await cluster.QueryAsync($"SELECT doc_key FROM {db}.documents WHERE {range}", cancellationToken).ConfigureAwait(false))
                .Select(r => long.Parse(r[0], System.Globalization.CultureInfo.InvariantCulture)).ToHashSet();
            documents += await cluster.InsertAsync("documents", AnalyticsSchema.DocumentColumns,
                page.Where(d => !haveDocuments.Contains(d.Key)).Select(DocumentRow), cancellationToken).ConfigureAwait(false);

            var haveMentions = (await cluster.QueryAsync($"SELECT doc_key, event_id FROM {db}.event_mentions WHERE {range}", cancellationToken).ConfigureAwait(false))
                .Select(r => (long.Parse(r[0], System.Globalization.CultureInfo.InvariantCulture), r[1])).ToHashSet();
            var pageMentions = await source.EventMentionsAsync(watermark, last, cancellationToken).ConfigureAwait(false);
            mentions += await cluster.InsertAsync("event_mentions", AnalyticsSchema.MentionColumns,
                pageMentions.Where(m => !haveMentions.Contains((m.DocumentKey, m.EventId))).Select(MentionRow), cancellationToken).ConfigureAwait(false);

            var pageEvents = await source.CorpusEventsAsync(watermark, last, cancellationToken).ConfigureAwait(false);
            await cluster.InsertAsync("corpus_events", AnalyticsSchema.CorpusEventColumns,
                pageEvents.Select(e => CorpusEventRow(e, version)), cancellationToken).ConfigureAwait(false);
            corpusEvents.UnionWith(pageEvents.Select(e => e.Id));

            var pageEntities = await source.EntitiesAsync(watermark, last, cancellationToken).ConfigureAwait(false);
            await cluster.InsertAsync("entities", AnalyticsSchema.EntityColumns,
                pageEntities.Select(e => EntityRow(e, version)), cancellationToken).ConfigureAwait(false);
            entities.UnionWith(pageEntities.Select(e => e.Id));

            await cluster.InsertAsync("sync_state", AnalyticsSchema.SyncStateColumns,
                [["documents", (ulong)last, DateTime.UtcNow]], cancellationToken).ConfigureAwait(false);
            watermark = last;
            version++;
            Progress?.Invoke(new SyncResult(documents, mentions, corpusEvents.Count, entities.Count, 0, watermark));
        }

        long removed = 0;
        if (corpusEvents.Count + entities.Count > 0)
        {
            removed = await RemoveMergedAsync(version, cancellationToken).ConfigureAwait(false);
            foreach (var table in new[] { "corpus_events_local", "entities_local" })
            {
                await cluster.ExecuteOnEachNodeAsync($"OPTIMIZE TABLE {db}.{table} FINAL", cancellationToken).ConfigureAwait(false);
            }
        }

        return new SyncResult(documents, mentions, corpusEvents.Count, entities.Count, removed, watermark);
    }

    /// <summary>Marks deleted the corpus events and entities that the store no longer has (merged into others).</summary>
    private async Task<long> RemoveMergedAsync(ulong version, CancellationToken cancellationToken)
    {
        var (storeEvents, storeEntities) = await source.CorpusIdsAsync(cancellationToken).ConfigureAwait(false);
        long removed = 0;
        var db = cluster.Database;
        var goneEvents = await GoneAsync("corpus_events", storeEvents, cancellationToken).ConfigureAwait(false);
        removed += await cluster.InsertAsync("corpus_events", AnalyticsSchema.CorpusEventColumns,
            goneEvents.Select(id => new object[] { id, "", "", (byte)0, 0f, "", new DateTime(1970, 1, 1), "", 0UL, 0UL, 0UL, Array.Empty<ulong>(), Array.Empty<ulong>(), (byte)1, version }),
            cancellationToken).ConfigureAwait(false);
        var goneEntities = await GoneAsync("entities", storeEntities, cancellationToken).ConfigureAwait(false);
        removed += await cluster.InsertAsync("entities", AnalyticsSchema.EntityColumns,
            goneEntities.Select(id => new object[] { id, "", "", "", "", 0UL, 0UL, (byte)1, version }), cancellationToken).ConfigureAwait(false);
        return removed;

        async Task<List<ulong>> GoneAsync(string table, IReadOnlyList<long> current, CancellationToken ct)
        {
            var keep = current.Select(i => (ulong)i).ToHashSet();
            var rows = await cluster.QueryAsync($"SELECT id FROM {db}.{table} FINAL WHERE deleted = 0", ct).ConfigureAwait(false);
            return [.. rows.Select(r => ulong.Parse(r[0], System.Globalization.CultureInfo.InvariantCulture)).Where(id => !keep.Contains(id))];
        }
    }

    private static DateTime Day(DateOnly? day) => (day ?? new DateOnly(1970, 1, 1)).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);

    private static object[] DocumentRow(AnalyticsDocument d) =>
        [(ulong)d.Key, d.Id, d.Title ?? "", d.Source, d.Url ?? "", Day(d.Published), d.Language ?? "", d.Topic ?? "", (uint)d.Characters];

    private static object[] MentionRow(AnalyticsEventMention m) =>
    [
        (ulong)m.DocumentKey, m.DocumentId, m.EventId, (ulong)m.CorpusEventId, m.Type, m.Cameo, (byte)m.QuadClass, (float)m.Goldstein, m.Status,
        Day(m.Day), (byte)(m.Approximate ? 1 : 0), m.Country ?? "", (float)m.Confidence, m.Domain ?? "",
        m.SourceIds.Select(i => (ulong)i).ToArray(), m.SourceNames.ToArray(), m.TargetIds.Select(i => (ulong)i).ToArray(), m.TargetNames.ToArray(),
    ];

    private static object[] CorpusEventRow(AnalyticsCorpusEvent e, ulong version) =>
    [
        (ulong)e.Id, e.Type, e.Cameo, (byte)e.QuadClass, (float)e.Goldstein, e.Status, Day(e.Day), e.Domain ?? "",
        (ulong)e.Mentions, (ulong)e.Documents, (ulong)e.Sources,
        e.SourceIds.Select(i => (ulong)i).ToArray(), e.TargetIds.Select(i => (ulong)i).ToArray(), (byte)0, version,
    ];

    private static object[] EntityRow(AnalyticsEntity e, ulong version) =>
        [(ulong)e.Id, e.Name, e.Type, e.Country ?? "", e.Code ?? "", (ulong)e.Mentions, (ulong)e.Documents, (byte)0, version];
}
