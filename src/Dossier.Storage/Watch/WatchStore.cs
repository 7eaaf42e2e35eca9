using System.Data.Common;
using System.Globalization;
using Dossier.Storage.Corpus;

namespace Dossier.Storage.Watch;

/// <summary>
/// The watcher's and the follows' tables (schema version 8), the same on SQLite and PostgreSQL: every query and rule is
/// here, once, in SQL both engines run (<c>@name</c> parameters, <c>ON CONFLICT</c>, <c>RETURNING</c>, <c>FILTER</c>, and a
/// <c>CAST</c> wherever a parameter may be NULL and is not text). A subclass gives the connections and transactions
/// (<c>Sqlite.Watch.SqliteWatchStore</c>: one connection, <c>BEGIN IMMEDIATE</c>; <c>Postgres.PostgresWatchStore</c>: the
/// store's pool) and the row-locking clauses that let several watchers share one PostgreSQL store.
/// </summary>
/// <remarks>
/// Sharing: <see cref="ClaimDueSourcesAsync"/>, <see cref="ClaimDueItemsAsync"/> and <see cref="ClaimDueDeliveriesAsync"/>
/// take what is due and move its due time to the end of a lease in one transaction (on PostgreSQL with
/// <c>FOR UPDATE SKIP LOCKED</c>, so two watchers never take the same row); the poll, fetch or delivery then records its
/// outcome, which sets the real next time. A watcher that dies leaves its claims to run out, and another takes them again.
/// Follow evaluation locks the follows (<c>FOR UPDATE</c> on PostgreSQL), so two watchers never both alert on one report.
/// </remarks>
public abstract class WatchStore : IWatchStore, IFollowStore
{
    /// <summary>Runs <paramref name="read"/> on a connection, outside any transaction.</summary>
    protected abstract Task<T> ReadAsync<T>(Func<DbConnection, Task<T>> read, CancellationToken cancellationToken);

    /// <summary>Runs <paramref name="write"/> in one transaction that no other writer of the same rows interleaves with, and commits it.</summary>
    protected abstract Task<T> WriteAsync<T>(Func<DbConnection, DbTransaction, Task<T>> write, CancellationToken cancellationToken);

    /// <summary>Adds a parameter (<paramref name="name"/> with its <c>@</c>); a null value is a NULL the SQL casts where needed.</summary>
    protected abstract void AddParameter(DbCommand command, string name, object? value);

    /// <summary>Appended to the sub-queries that pick rows to claim: <c>FOR UPDATE [OF table] SKIP LOCKED</c> on PostgreSQL;
    /// empty on SQLite, whose write transactions already run one at a time.</summary>
    /// <param name="of">The table whose rows are locked, when the sub-query joins several; null for its only table.</param>
    protected virtual string SkipLocked(string? of = null) => "";

    /// <summary>Appended to the read of the follows when they are evaluated: <c>FOR UPDATE</c> on PostgreSQL; empty on SQLite.</summary>
    protected virtual string ForUpdate => "";

    /// <summary>Closes what the store holds.</summary>
    public abstract void Dispose();

    // ---- sources -------------------------------------------------------------------------------------------------

    private const string SourceColumns = "url, interval_s, etag, last_modified, next_poll_ms, failures, last_error, last_status, last_polled_ms, polls, not_modified";

    /// <inheritdoc />
    public Task SyncSourcesAsync(IReadOnlyList<(string Url, TimeSpan Interval)> sources, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(sources);
        return WriteAsync(async (c, t) =>
        {
            foreach (var (url, interval) in sources)
            {
                await ExecuteAsync(c, t, """
                    INSERT INTO watch_sources (url, interval_s, next_poll_ms) VALUES (@url, @interval, 0)
                    ON CONFLICT (url) DO UPDATE SET interval_s = excluded.interval_s
                    """, cancellationToken, ("@url", url), ("@interval", (int)Math.Clamp(interval.TotalSeconds, 1, int.MaxValue))).ConfigureAwait(false);
            }

            return 0;
        }, cancellationToken);
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<WatchSourceState>> ListSourcesAsync(CancellationToken cancellationToken = default) =>
        ReadAsync<IReadOnlyList<WatchSourceState>>(async c => await ReadRowsAsync(c, null, $"SELECT {SourceColumns} FROM watch_sources ORDER BY url", ReadSource, cancellationToken).ConfigureAwait(false), cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<WatchSourceState>> ClaimDueSourcesAsync(DateTimeOffset now, TimeSpan lease, CancellationToken cancellationToken = default) =>
        WriteAsync<IReadOnlyList<WatchSourceState>>(async (c, t) =>
        {
            var claimed = await ReadRowsAsync(c, t, $"""
                UPDATE watch_sources SET next_poll_ms = @until
                WHERE url IN (SELECT url FROM watch_sources WHERE next_poll_ms <= @now ORDER BY url{SkipLocked()})
                RETURNING {SourceColumns}
                """, ReadSource, cancellationToken, ("@now", Ms(now)), ("@until", Ms(now + lease))).ConfigureAwait(false);
            return [.. claimed.OrderBy(s => s.Url, StringComparer.Ordinal)];
        }, cancellationToken);

    private static WatchSourceState ReadSource(DbDataReader reader) => new(
        reader.GetString(0), TimeSpan.FromSeconds(Long(reader, 1)), Text(reader, 2), Text(reader, 3), Time(Long(reader, 4)),
        (int)Long(reader, 5), Text(reader, 6), reader.IsDBNull(7) ? null : (int)Long(reader, 7),
        reader.IsDBNull(8) ? null : Time(Long(reader, 8)), Long(reader, 9), Long(reader, 10));

    /// <inheritdoc />
    public Task RecordPollAsync(string url, WatchPollResult result, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(url);
        ArgumentNullException.ThrowIfNull(result);
        return WriteAsync((c, t) => ExecuteAsync(c, t, """
            UPDATE watch_sources SET
                etag = CASE WHEN @ok AND NOT @notModified THEN @etag ELSE etag END,
                last_modified = CASE WHEN @ok AND NOT @notModified THEN @lastModified ELSE last_modified END,
                next_poll_ms = @next,
                failures = CASE WHEN @ok THEN 0 ELSE failures + 1 END,
                last_error = coalesce(@error, last_error),
                last_status = CAST(@status AS INTEGER),
                last_polled_ms = @polled,
                polls = polls + 1,
                not_modified = not_modified + CASE WHEN @notModified THEN 1 ELSE 0 END
            WHERE url = @url
            """, cancellationToken,
            ("@url", url), ("@ok", result.Error is null), ("@notModified", result.NotModified), ("@etag", result.ETag),
            ("@lastModified", result.LastModified), ("@next", Ms(result.NextPoll)), ("@error", result.Error), ("@status", result.Status),
            ("@polled", Ms(result.PolledAt))), cancellationToken);
    }

    // ---- items ---------------------------------------------------------------------------------------------------

    /// <inheritdoc />
    public Task<IReadOnlyList<WatchItem>> EnqueueAsync(IReadOnlyList<WatchItem> items, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(items);
        return WriteAsync<IReadOnlyList<WatchItem>>(async (c, t) =>
        {
            var added = new List<WatchItem>();
            foreach (var item in items)
            {
                if (await ExecuteAsync(c, t, """
                    INSERT INTO watch_items (item_key, source_url, url, title, state, next_attempt_ms, discovered_ms)
                    VALUES (@key, @source, @url, @title, 'pending', 0, @now)
                    ON CONFLICT (item_key) DO NOTHING
                    """, cancellationToken, ("@key", item.Key), ("@source", item.SourceUrl), ("@url", item.Url), ("@title", item.Title), ("@now", Ms(now))).ConfigureAwait(false) > 0)
                {
                    added.Add(item);
                }
            }

            return added;
        }, cancellationToken);
    }

    /// <inheritdoc />
    public Task<bool> IsKnownAsync(string key, CancellationToken cancellationToken = default) =>
        ReadAsync(async c => (await ReadRowsAsync(c, null, "SELECT 1 FROM watch_items WHERE item_key = @key", _ => 1, cancellationToken, ("@key", key)).ConfigureAwait(false)).Count > 0,
            cancellationToken);

    private const string DueItems = "state = 'pending' AND next_attempt_ms <= @now ORDER BY discovered_ms, item_key LIMIT @limit";

    /// <inheritdoc />
    public Task<IReadOnlyList<PendingWatchItem>> DueItemsAsync(DateTimeOffset now, int limit, CancellationToken cancellationToken = default) =>
        ReadAsync<IReadOnlyList<PendingWatchItem>>(async c => [.. (await ReadRowsAsync(c, null, $"""
            SELECT item_key, source_url, url, title, attempts, discovered_ms FROM watch_items WHERE {DueItems}
            """, ReadPending, cancellationToken, ("@now", Ms(now)), ("@limit", limit)).ConfigureAwait(false)).Select(p => p.Item)], cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<PendingWatchItem>> ClaimDueItemsAsync(DateTimeOffset now, int limit, TimeSpan lease, CancellationToken cancellationToken = default) =>
        WriteAsync<IReadOnlyList<PendingWatchItem>>(async (c, t) =>
        {
            var claimed = await ReadRowsAsync(c, t, $"""
                UPDATE watch_items SET next_attempt_ms = @until
                WHERE item_key IN (SELECT item_key FROM watch_items WHERE {DueItems}{SkipLocked()})
                RETURNING item_key, source_url, url, title, attempts, discovered_ms
                """, ReadPending, cancellationToken, ("@now", Ms(now)), ("@limit", limit), ("@until", Ms(now + lease))).ConfigureAwait(false);
            return [.. claimed.OrderBy(p => p.Discovered).ThenBy(p => p.Item.Key, StringComparer.Ordinal).Select(p => p.Item)];
        }, cancellationToken);

    private static (PendingWatchItem Item, long Discovered) ReadPending(DbDataReader reader) =>
        (new PendingWatchItem(reader.GetString(0), reader.GetString(1), Text(reader, 2), Text(reader, 3), (int)Long(reader, 4)), Long(reader, 5));

    /// <inheritdoc />
    public Task CompleteItemAsync(WatchItem item, string? documentId, string? error, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(item);
        return WriteAsync((c, t) => ExecuteAsync(c, t, """
            INSERT INTO watch_items (item_key, source_url, url, title, state, attempts, document_id, last_error, discovered_ms, done_ms)
            VALUES (@key, @source, @url, @title, @state, 1, @doc, @error, @now, @now)
            ON CONFLICT (item_key) DO UPDATE SET
                state = excluded.state, attempts = watch_items.attempts + 1, document_id = excluded.document_id,
                last_error = coalesce(excluded.last_error, watch_items.last_error), done_ms = excluded.done_ms
            """, cancellationToken,
            ("@key", item.Key), ("@source", item.SourceUrl), ("@url", item.Url), ("@title", item.Title),
            ("@state", documentId is null && error is not null ? "failed" : "done"), ("@doc", documentId), ("@error", error), ("@now", Ms(now))),
            cancellationToken);
    }

    /// <inheritdoc />
    public Task FailItemAsync(string key, string error, DateTimeOffset? retryAt, CancellationToken cancellationToken = default) =>
        WriteAsync((c, t) => ExecuteAsync(c, t, """
            UPDATE watch_items SET attempts = attempts + 1, last_error = @error,
                state = CASE WHEN CAST(@retry AS BIGINT) IS NULL THEN 'failed' ELSE 'pending' END,
                next_attempt_ms = coalesce(CAST(@retry AS BIGINT), next_attempt_ms)
            WHERE item_key = @key
            """, cancellationToken, ("@key", key), ("@error", error), ("@retry", retryAt is { } r ? Ms(r) : null)), cancellationToken);

    /// <inheritdoc />
    public Task<WatchItemCounts> CountItemsAsync(CancellationToken cancellationToken = default) =>
        ReadAsync(async c => (await ReadRowsAsync(c, null, """
            SELECT count(*) FILTER (WHERE state = 'pending'), count(*) FILTER (WHERE state = 'done'), count(*) FILTER (WHERE state = 'failed')
            FROM watch_items
            """, r => new WatchItemCounts(Long(r, 0), Long(r, 1), Long(r, 2)), cancellationToken).ConfigureAwait(false))[0], cancellationToken);

    // ---- follows -------------------------------------------------------------------------------------------------

    private const string FollowColumns = """
        f.follow_id, f.name, f.actor, f.event_type, f.status, f.country, f.min_confidence, f.webhook_url, f.webhook_secret IS NOT NULL,
        f.created_ms, f.seen_alert, (SELECT count(*) FROM follow_alerts AS a WHERE a.follow_id = f.follow_id AND a.alert_id > f.seen_alert)
        """;

    /// <inheritdoc />
    public async Task<Follow> AddFollowAsync(string name, FollowQuery query, string? webhookUrl, string? secret, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(query);
        var id = await WriteAsync(async (c, t) => (await ReadRowsAsync(c, t, """
            INSERT INTO follows (name, actor, event_type, status, country, min_confidence, webhook_url, webhook_secret, created_ms, doc_cursor, seen_alert)
            VALUES (@name, @actor, @type, @status, @country, @min, @webhook, @secret, @now,
                    (SELECT coalesce(max(doc_key), 0) FROM documents), 0)
            RETURNING follow_id
            """, r => Long(r, 0), cancellationToken,
            ("@name", name), ("@actor", Blank(query.Actor)), ("@type", Blank(query.EventType)), ("@status", Blank(query.Status)),
            ("@country", Blank(query.Country)), ("@min", query.MinConfidence), ("@webhook", Blank(webhookUrl)), ("@secret", Blank(secret)),
            ("@now", Ms(now))).ConfigureAwait(false))[0], cancellationToken).ConfigureAwait(false);
        return (await GetFollowAsync(id, cancellationToken).ConfigureAwait(false))!;
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<Follow>> ListFollowsAsync(CancellationToken cancellationToken = default) =>
        ReadAsync<IReadOnlyList<Follow>>(async c => await ReadRowsAsync(c, null, $"SELECT {FollowColumns} FROM follows AS f ORDER BY f.follow_id", ReadFollow, cancellationToken).ConfigureAwait(false), cancellationToken);

    /// <inheritdoc />
    public Task<Follow?> GetFollowAsync(long id, CancellationToken cancellationToken = default) =>
        ReadAsync(async c => (await ReadRowsAsync(c, null, $"SELECT {FollowColumns} FROM follows AS f WHERE f.follow_id = @id", ReadFollow, cancellationToken, ("@id", id))
            .ConfigureAwait(false)).FirstOrDefault(), cancellationToken);

    private static Follow ReadFollow(DbDataReader reader) => new(Long(reader, 0), reader.GetString(1),
        new FollowQuery(Text(reader, 2), Text(reader, 3), Text(reader, 4), Text(reader, 5), reader.GetDouble(6)),
        Text(reader, 7), reader.GetBoolean(8), Time(Long(reader, 9)), Long(reader, 10), Long(reader, 11));

    /// <inheritdoc />
    public async Task<bool> RemoveFollowAsync(long id, CancellationToken cancellationToken = default) =>
        await WriteAsync((c, t) => ExecuteAsync(c, t, "DELETE FROM follows WHERE follow_id = @id", cancellationToken, ("@id", id)), cancellationToken).ConfigureAwait(false) > 0;

    /// <inheritdoc />
    public Task<IReadOnlyList<FollowAlert>> EvaluateAsync(DateTimeOffset now, CancellationToken cancellationToken = default) =>
        WriteAsync<IReadOnlyList<FollowAlert>>(async (c, t) =>
        {
            var follows = await ReadRowsAsync(c, t, $"SELECT follow_id, actor, event_type, status, country, min_confidence, doc_cursor, webhook_url IS NOT NULL FROM follows ORDER BY follow_id{ForUpdate}",
                r => (Id: Long(r, 0), Query: new FollowQuery(Text(r, 1), Text(r, 2), Text(r, 3), Text(r, 4), r.GetDouble(5)), Cursor: Long(r, 6), Webhook: r.GetBoolean(7)),
                cancellationToken).ConfigureAwait(false);
            // On PostgreSQL a document's key is drawn under the corpus lock, which its writer holds until it commits, so
            // no document committed later can have a key below this one.
            var top = (await ReadRowsAsync(c, t, "SELECT coalesce(max(doc_key), 0) FROM documents", r => Long(r, 0), cancellationToken).ConfigureAwait(false))[0];
            var alerts = new List<FollowAlert>();
            foreach (var follow in follows)
            {
                if (follow.Cursor >= top)
                {
                    continue;
                }

                // One alert per document and corpus event: the report of it that gives the most advanced status.
                var reports = (await MatchesAsync(c, t, follow.Query, follow.Cursor, top, cancellationToken).ConfigureAwait(false))
                    .GroupBy(m => (m.DocKey, m.CorpusEventId))
                    .Select(g => g.OrderByDescending(m => EventMerger.Rank(m.Status)).First());
                foreach (var match in reports)
                {
                    var before = await EarlierStatusAsync(c, t, match.CorpusEventId, match.DocKey, cancellationToken).ConfigureAwait(false);
                    var kind = before is null ? FollowAlertKinds.New
                        : EventMerger.Rank(match.Status) > EventMerger.Rank(before) ? FollowAlertKinds.Status
                        : FollowAlertKinds.Report;
                    var inserted = await ReadRowsAsync(c, t, """
                        INSERT INTO follow_alerts (follow_id, corpus_event_id, document_id, event_id, kind, status, previous_status, type, title, url,
                                                   evidence, published, created_ms)
                        VALUES (@follow, @ce, @doc, @event, @kind, @status, @previous, @type, @title, @url, @evidence, @published, @now)
                        ON CONFLICT (follow_id, document_id, corpus_event_id) DO NOTHING
                        RETURNING alert_id
                        """, r => Long(r, 0), cancellationToken,
                        ("@follow", follow.Id), ("@ce", match.CorpusEventId), ("@doc", match.DocumentId), ("@event", match.EventId), ("@kind", kind),
                        ("@status", match.Status), ("@previous", kind == FollowAlertKinds.Status ? before : null), ("@type", match.Type),
                        ("@title", match.Title), ("@url", match.Url), ("@evidence", match.Evidence), ("@published", match.Published), ("@now", Ms(now))).ConfigureAwait(false);
                    if (inserted.Count == 0)
                    {
                        continue;
                    }

                    var alertId = inserted[0];
                    if (follow.Webhook)
                    {
                        await ExecuteAsync(c, t, "INSERT INTO follow_outbox (alert_id, next_attempt_ms) VALUES (@id, 0) ON CONFLICT (alert_id) DO NOTHING",
                            cancellationToken, ("@id", alertId)).ConfigureAwait(false);
                    }

                    alerts.Add(new FollowAlert(alertId, follow.Id, match.CorpusEventId, match.DocumentId, match.EventId, kind, match.Status,
                        kind == FollowAlertKinds.Status ? before : null, match.Type, match.Title, match.Url, match.Evidence, ParseDay(match.Published), now));
                }

                await ExecuteAsync(c, t, "UPDATE follows SET doc_cursor = @top WHERE follow_id = @id", cancellationToken, ("@top", top), ("@id", follow.Id)).ConfigureAwait(false);
            }

            return alerts;
        }, cancellationToken);

    private sealed record Match(long DocKey, string DocumentId, string? Title, string? Url, string? Published, string EventId, string Type, string Status, string Evidence, long CorpusEventId);

    private Task<List<Match>> MatchesAsync(DbConnection c, DbTransaction t, FollowQuery query, long after, long upTo, CancellationToken cancellationToken)
    {
        var actor = Blank(query.Actor);
        // Case-insensitive equality as lower(a) = lower(b), which both engines run (SQLite folds ASCII letters only).
        return ReadRowsAsync(c, t, """
            SELECT d.doc_key, d.id, d.title, d.url, d.published, e.event_id, e.type, e.status, e.evidence, e.corpus_event_id
            FROM documents AS d JOIN events AS e ON e.doc_key = d.doc_key
            WHERE d.doc_key > @after AND d.doc_key <= @upTo AND e.corpus_event_id IS NOT NULL
              AND (@type IS NULL OR lower(e.type) = lower(@type))
              AND (@status IS NULL OR lower(e.status) = lower(@status))
              AND e.confidence >= @min
              AND (@actor IS NULL OR EXISTS (
                    SELECT 1 FROM event_actors AS a LEFT JOIN entities AS n ON n.doc_key = a.doc_key AND n.entity_id = a.entity
                    WHERE a.doc_key = e.doc_key AND a.event_id = e.event_id
                      AND (lower(a.code) = lower(@actor) OR lower(a.text) = lower(@actor) OR lower(n.name) = lower(@actor)
                           OR n.corpus_id IN (SELECT corpus_id FROM corpus_entity_aliases WHERE norm = @actorNorm))))
              AND (@country IS NULL OR lower(e.location_country) = lower(@country) OR EXISTS (
                    SELECT 1 FROM event_actors AS a WHERE a.doc_key = e.doc_key AND a.event_id = e.event_id AND lower(a.country) = lower(@country)))
            ORDER BY d.doc_key, e.ordinal
            """, r => new Match(Long(r, 0), r.GetString(1), Text(r, 2), Text(r, 3), Text(r, 4), r.GetString(5), r.GetString(6), r.GetString(7), r.GetString(8), Long(r, 9)),
            cancellationToken,
            ("@after", after), ("@upTo", upTo), ("@type", Blank(query.EventType)), ("@status", Blank(query.Status)), ("@min", query.MinConfidence),
            ("@actor", actor), ("@actorNorm", actor is null ? null : NameKey.Normalise(actor)), ("@country", Blank(query.Country)));
    }

    /// <summary>The most advanced status of the corpus event's reports in documents stored before this one, or null when there are none.</summary>
    private async Task<string?> EarlierStatusAsync(DbConnection c, DbTransaction t, long corpusEventId, long docKey, CancellationToken cancellationToken)
    {
        var statuses = await ReadRowsAsync(c, t, "SELECT status FROM events WHERE corpus_event_id = @ce AND doc_key < @doc", r => r.GetString(0), cancellationToken,
            ("@ce", corpusEventId), ("@doc", docKey)).ConfigureAwait(false);
        return statuses.Count == 0 ? null : EventMerger.MostAdvanced(statuses);
    }

    private const string AlertColumns = """
        a.alert_id, a.follow_id, a.corpus_event_id, a.document_id, a.event_id, a.kind, a.status, a.previous_status, a.type, a.title, a.url,
        a.evidence, a.published, a.created_ms
        """;

    /// <inheritdoc />
    public Task<IReadOnlyList<FollowAlert>> AlertsAsync(long followId, int limit, CancellationToken cancellationToken = default) =>
        ReadAsync<IReadOnlyList<FollowAlert>>(async c => await ReadRowsAsync(c, null, $"SELECT {AlertColumns} FROM follow_alerts AS a WHERE a.follow_id = @id ORDER BY a.alert_id DESC LIMIT @limit",
            ReadAlert, cancellationToken, ("@id", followId), ("@limit", limit)).ConfigureAwait(false), cancellationToken);

    /// <inheritdoc />
    public Task MarkSeenAsync(long followId, CancellationToken cancellationToken = default) =>
        WriteAsync((c, t) => ExecuteAsync(c, t, """
            UPDATE follows SET seen_alert = (SELECT coalesce(max(alert_id), follows.seen_alert) FROM follow_alerts WHERE follow_id = @id)
            WHERE follow_id = @id
            """, cancellationToken, ("@id", followId)), cancellationToken);

    private const string Deliveries = """
        FROM follow_outbox AS o JOIN follow_alerts AS a ON a.alert_id = o.alert_id JOIN follows AS f ON f.follow_id = a.follow_id
        WHERE o.delivered_ms IS NULL AND o.next_attempt_ms <= @now AND f.webhook_url IS NOT NULL
        """;

    /// <inheritdoc />
    public Task<IReadOnlyList<WebhookDelivery>> DueDeliveriesAsync(DateTimeOffset now, int limit, CancellationToken cancellationToken = default) =>
        ReadAsync<IReadOnlyList<WebhookDelivery>>(async c => await ReadRowsAsync(c, null, $"""
            SELECT {AlertColumns}, f.webhook_url, f.webhook_secret, o.attempts {Deliveries} ORDER BY o.alert_id LIMIT @limit
            """, ReadDelivery, cancellationToken, ("@now", Ms(now)), ("@limit", limit)).ConfigureAwait(false), cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<WebhookDelivery>> ClaimDueDeliveriesAsync(DateTimeOffset now, int limit, TimeSpan lease, CancellationToken cancellationToken = default) =>
        WriteAsync<IReadOnlyList<WebhookDelivery>>(async (c, t) =>
        {
            var ids = await ReadRowsAsync(c, t, $"""
                UPDATE follow_outbox SET next_attempt_ms = @until
                WHERE alert_id IN (SELECT o.alert_id {Deliveries} ORDER BY o.alert_id LIMIT @limit{SkipLocked("o")})
                RETURNING alert_id
                """, r => Long(r, 0), cancellationToken, ("@now", Ms(now)), ("@limit", limit), ("@until", Ms(now + lease))).ConfigureAwait(false);
            var deliveries = new List<WebhookDelivery>();
            foreach (var id in ids.Order())
            {
                deliveries.AddRange(await ReadRowsAsync(c, t, $"""
                    SELECT {AlertColumns}, f.webhook_url, f.webhook_secret, o.attempts
                    FROM follow_outbox AS o JOIN follow_alerts AS a ON a.alert_id = o.alert_id JOIN follows AS f ON f.follow_id = a.follow_id
                    WHERE o.alert_id = @id
                    """, ReadDelivery, cancellationToken, ("@id", id)).ConfigureAwait(false));
            }

            return deliveries;
        }, cancellationToken);

    private static WebhookDelivery ReadDelivery(DbDataReader reader) => new(ReadAlert(reader), reader.GetString(14), Text(reader, 15), (int)Long(reader, 16));

    /// <inheritdoc />
    public Task DeliveredAsync(long alertId, DateTimeOffset now, CancellationToken cancellationToken = default) =>
        WriteAsync((c, t) => ExecuteAsync(c, t,
            "UPDATE follow_outbox SET delivered_ms = @now, attempts = attempts + 1 WHERE alert_id = @id AND delivered_ms IS NULL",
            cancellationToken, ("@id", alertId), ("@now", Ms(now))), cancellationToken);

    /// <inheritdoc />
    public Task DeliveryFailedAsync(long alertId, string error, DateTimeOffset retryAt, CancellationToken cancellationToken = default) =>
        WriteAsync((c, t) => ExecuteAsync(c, t,
            "UPDATE follow_outbox SET attempts = attempts + 1, last_error = @error, next_attempt_ms = @retry WHERE alert_id = @id AND delivered_ms IS NULL",
            cancellationToken, ("@id", alertId), ("@error", error), ("@retry", Ms(retryAt))), cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<StatusChange>> StatusHistoryAsync(long corpusEventId, CancellationToken cancellationToken = default) =>
        ReadAsync<IReadOnlyList<StatusChange>>(async c =>
        {
            var rows = await ReadRowsAsync(c, null, """
                SELECT e.status, d.published, d.id, e.event_id, e.evidence, d.title
                FROM events AS e JOIN documents AS d ON d.doc_key = e.doc_key
                WHERE e.corpus_event_id = @id
                ORDER BY d.published IS NULL, d.published, d.id, e.event_id
                """, r => new StatusChange(r.GetString(0), ParseDay(Text(r, 1)), r.GetString(2), r.GetString(3), r.GetString(4), Text(r, 5)),
                cancellationToken, ("@id", corpusEventId)).ConfigureAwait(false);
            var history = new List<StatusChange>();
            string? current = null;
            foreach (var row in rows)
            {
                if (current is not null && EventMerger.Rank(row.Status) <= EventMerger.Rank(current))
                {
                    continue;
                }

                current = row.Status;
                history.Add(row);
            }

            return history;
        }, cancellationToken);

    // ---- plumbing ------------------------------------------------------------------------------------------------

    private static FollowAlert ReadAlert(DbDataReader reader) => new(
        Long(reader, 0), Long(reader, 1), Long(reader, 2), reader.GetString(3), reader.GetString(4), reader.GetString(5),
        reader.GetString(6), Text(reader, 7), reader.GetString(8), Text(reader, 9), Text(reader, 10), reader.GetString(11),
        ParseDay(Text(reader, 12)), Time(Long(reader, 13)));

    private DbCommand Command(DbConnection connection, DbTransaction? transaction, string sql, (string Name, object? Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = transaction;
        foreach (var (name, value) in parameters)
        {
            AddParameter(command, name, value);
        }

        return command;
    }

    private async Task<int> ExecuteAsync(DbConnection connection, DbTransaction transaction, string sql, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
    {
        await using var command = Command(connection, transaction, sql, parameters);
        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private async Task<List<T>> ReadRowsAsync<T>(DbConnection connection, DbTransaction? transaction, string sql, Func<DbDataReader, T> read, CancellationToken cancellationToken,
        params (string Name, object? Value)[] parameters)
    {
        await using var command = Command(connection, transaction, sql, parameters);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var list = new List<T>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            list.Add(read(reader));
        }

        return list;
    }

    private static long Long(DbDataReader reader, int ordinal) => Convert.ToInt64(reader.GetValue(ordinal), CultureInfo.InvariantCulture);

    private static string? Text(DbDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static long Ms(DateTimeOffset time) => time.ToUnixTimeMilliseconds();

    private static DateTimeOffset Time(long ms) => DateTimeOffset.FromUnixTimeMilliseconds(ms);

    private static DateOnly? ParseDay(string? day) =>
        day is not null && DateOnly.TryParseExact(day, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;
}
