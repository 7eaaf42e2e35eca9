using System.Globalization;
using Dossier.Storage.Corpus;
using Dossier.Storage.Watch;
using Microsoft.Data.Sqlite;

namespace Dossier.Storage.Sqlite.Watch;

/// <summary>
/// The watcher's and the follows' tables (schema version 8) in a Dossier SQLite store, on a connection of their own
/// beside <see cref="SqliteDocumentStore"/>'s. Thread-safe: one operation at a time; each write is one
/// <c>BEGIN IMMEDIATE</c> transaction, so another process's writer waits for it up to the busy timeout.
/// </summary>
public sealed class SqliteWatchStore : IWatchStore, IFollowStore
{
    private readonly SqliteConnection _connection;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private bool _disposed;

    private SqliteWatchStore(SqliteConnection connection) => _connection = connection;

    /// <summary>Opens the watch tables of the store at <paramref name="path"/>, creating or migrating the store first when needed.</summary>
    /// <exception cref="StoreException">When the store cannot be opened.</exception>
    public static SqliteWatchStore Open(string path, TimeSpan? busyTimeout = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        // The document store creates the file, checks it is a Dossier store and runs the migrations.
        SqliteDocumentStore.Open(path, busyTimeout).Dispose();
        var timeout = busyTimeout ?? SqliteDocumentStore.DefaultBusyTimeout;
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = Path.GetFullPath(path),
            Mode = SqliteOpenMode.ReadWrite,
            Pooling = false,
            DefaultTimeout = Math.Max(1, (int)Math.Ceiling(timeout.TotalSeconds)),
        }.ToString());
        try
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = $"PRAGMA busy_timeout = {(long)timeout.TotalMilliseconds}; PRAGMA foreign_keys = ON; PRAGMA synchronous = NORMAL;";
            command.ExecuteNonQuery();
            return new SqliteWatchStore(connection);
        }
        catch (SqliteException ex)
        {
            connection.Dispose();
            throw new StoreException($"Cannot open the watch tables of '{path}': {ex.Message}", ex);
        }
    }

    // ---- sources -------------------------------------------------------------------------------------------------

    /// <inheritdoc />
    public Task SyncSourcesAsync(IReadOnlyList<(string Url, TimeSpan Interval)> sources, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(sources);
        return WriteAsync(transaction =>
        {
            foreach (var (url, interval) in sources)
            {
                Execute(transaction, """
                    INSERT INTO watch_sources (url, interval_s, next_poll_ms) VALUES ($url, $interval, 0)
                    ON CONFLICT (url) DO UPDATE SET interval_s = excluded.interval_s
                    """, ("$url", url), ("$interval", (long)Math.Max(1, interval.TotalSeconds)));
            }

            return 0;
        }, cancellationToken);
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<WatchSourceState>> ListSourcesAsync(CancellationToken cancellationToken = default) =>
        ReadAsync<IReadOnlyList<WatchSourceState>>(() =>
        {
            using var command = Command(null, """
                SELECT url, interval_s, etag, last_modified, next_poll_ms, failures, last_error, last_status, last_polled_ms, polls, not_modified
                FROM watch_sources ORDER BY url
                """);
            using var reader = command.ExecuteReader();
            var list = new List<WatchSourceState>();
            while (reader.Read())
            {
                list.Add(new WatchSourceState(
                    reader.GetString(0), TimeSpan.FromSeconds(reader.GetInt64(1)), Text(reader, 2), Text(reader, 3), Time(reader.GetInt64(4)),
                    reader.GetInt32(5), Text(reader, 6), reader.IsDBNull(7) ? null : reader.GetInt32(7),
                    reader.IsDBNull(8) ? null : Time(reader.GetInt64(8)), reader.GetInt64(9), reader.GetInt64(10)));
            }

            return list;
        }, cancellationToken);

    /// <inheritdoc />
    public Task RecordPollAsync(string url, WatchPollResult result, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(url);
        ArgumentNullException.ThrowIfNull(result);
        return WriteAsync(transaction => Execute(transaction, """
            UPDATE watch_sources SET
                etag = CASE WHEN $ok AND NOT $notModified THEN $etag ELSE etag END,
                last_modified = CASE WHEN $ok AND NOT $notModified THEN $lastModified ELSE last_modified END,
                next_poll_ms = $next,
                failures = CASE WHEN $ok THEN 0 ELSE failures + 1 END,
                last_error = coalesce($error, last_error),
                last_status = $status,
                last_polled_ms = $polled,
                polls = polls + 1,
                not_modified = not_modified + $notModified
            WHERE url = $url
            """,
            ("$url", url), ("$ok", result.Error is null), ("$notModified", result.NotModified), ("$etag", result.ETag),
            ("$lastModified", result.LastModified), ("$next", Ms(result.NextPoll)), ("$error", result.Error), ("$status", result.Status),
            ("$polled", Ms(result.PolledAt))), cancellationToken);
    }

    // ---- items ---------------------------------------------------------------------------------------------------

    /// <inheritdoc />
    public Task<IReadOnlyList<WatchItem>> EnqueueAsync(IReadOnlyList<WatchItem> items, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(items);
        return WriteAsync<IReadOnlyList<WatchItem>>(transaction =>
        {
            var added = new List<WatchItem>();
            foreach (var item in items)
            {
                if (Execute(transaction, """
                    INSERT OR IGNORE INTO watch_items (item_key, source_url, url, title, state, next_attempt_ms, discovered_ms)
                    VALUES ($key, $source, $url, $title, 'pending', 0, $now)
                    """, ("$key", item.Key), ("$source", item.SourceUrl), ("$url", item.Url), ("$title", item.Title), ("$now", Ms(now))) > 0)
                {
                    added.Add(item);
                }
            }

            return added;
        }, cancellationToken);
    }

    /// <inheritdoc />
    public Task<bool> IsKnownAsync(string key, CancellationToken cancellationToken = default) =>
        ReadAsync(() =>
        {
            using var command = Command(null, "SELECT 1 FROM watch_items WHERE item_key = $key", ("$key", key));
            return command.ExecuteScalar() is not null;
        }, cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<PendingWatchItem>> DueItemsAsync(DateTimeOffset now, int limit, CancellationToken cancellationToken = default) =>
        ReadAsync<IReadOnlyList<PendingWatchItem>>(() =>
        {
            using var command = Command(null, """
                SELECT item_key, source_url, url, title, attempts FROM watch_items
                WHERE state = 'pending' AND next_attempt_ms <= $now
                ORDER BY discovered_ms, item_key LIMIT $limit
                """, ("$now", Ms(now)), ("$limit", limit));
            using var reader = command.ExecuteReader();
            var list = new List<PendingWatchItem>();
            while (reader.Read())
            {
                list.Add(new PendingWatchItem(reader.GetString(0), reader.GetString(1), Text(reader, 2), Text(reader, 3), reader.GetInt32(4)));
            }

            return list;
        }, cancellationToken);

    /// <inheritdoc />
    public Task CompleteItemAsync(WatchItem item, string? documentId, string? error, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(item);
        return WriteAsync(transaction => Execute(transaction, """
            INSERT INTO watch_items (item_key, source_url, url, title, state, attempts, document_id, last_error, discovered_ms, done_ms)
            VALUES ($key, $source, $url, $title, $state, 1, $doc, $error, $now, $now)
            ON CONFLICT (item_key) DO UPDATE SET
                state = excluded.state, attempts = attempts + 1, document_id = excluded.document_id,
                last_error = coalesce(excluded.last_error, last_error), done_ms = excluded.done_ms
            """,
            ("$key", item.Key), ("$source", item.SourceUrl), ("$url", item.Url), ("$title", item.Title),
            ("$state", documentId is null && error is not null ? "failed" : "done"), ("$doc", documentId), ("$error", error), ("$now", Ms(now))),
            cancellationToken);
    }

    /// <inheritdoc />
    public Task FailItemAsync(string key, string error, DateTimeOffset? retryAt, CancellationToken cancellationToken = default) =>
        WriteAsync(transaction => Execute(transaction, """
            UPDATE watch_items SET attempts = attempts + 1, last_error = $error,
                state = CASE WHEN $retry IS NULL THEN 'failed' ELSE 'pending' END,
                next_attempt_ms = coalesce($retry, next_attempt_ms)
            WHERE item_key = $key
            """, ("$key", key), ("$error", error), ("$retry", retryAt is { } r ? Ms(r) : null)), cancellationToken);

    /// <inheritdoc />
    public Task<WatchItemCounts> CountItemsAsync(CancellationToken cancellationToken = default) =>
        ReadAsync(() =>
        {
            using var command = Command(null, """
                SELECT count(*) FILTER (WHERE state = 'pending'), count(*) FILTER (WHERE state = 'done'), count(*) FILTER (WHERE state = 'failed')
                FROM watch_items
                """);
            using var reader = command.ExecuteReader();
            reader.Read();
            return new WatchItemCounts(reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2));
        }, cancellationToken);

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
        var id = await WriteAsync(transaction => Insert(transaction, """
            INSERT INTO follows (name, actor, event_type, status, country, min_confidence, webhook_url, webhook_secret, created_ms, doc_cursor, seen_alert)
            VALUES ($name, $actor, $type, $status, $country, $min, $webhook, $secret, $now,
                    (SELECT coalesce(max(doc_key), 0) FROM documents), 0)
            RETURNING follow_id
            """,
            ("$name", name), ("$actor", Blank(query.Actor)), ("$type", Blank(query.EventType)), ("$status", Blank(query.Status)),
            ("$country", Blank(query.Country)), ("$min", query.MinConfidence), ("$webhook", Blank(webhookUrl)), ("$secret", Blank(secret)),
            ("$now", Ms(now))), cancellationToken).ConfigureAwait(false);
        return (await GetFollowAsync(id, cancellationToken).ConfigureAwait(false))!;
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<Follow>> ListFollowsAsync(CancellationToken cancellationToken = default) =>
        ReadAsync<IReadOnlyList<Follow>>(() => ReadFollows(Command(null, $"SELECT {FollowColumns} FROM follows AS f ORDER BY f.follow_id")), cancellationToken);

    /// <inheritdoc />
    public Task<Follow?> GetFollowAsync(long id, CancellationToken cancellationToken = default) =>
        ReadAsync(() => ReadFollows(Command(null, $"SELECT {FollowColumns} FROM follows AS f WHERE f.follow_id = $id", ("$id", id))).FirstOrDefault(), cancellationToken);

    /// <inheritdoc />
    public async Task<bool> RemoveFollowAsync(long id, CancellationToken cancellationToken = default) =>
        await WriteAsync(transaction => Execute(transaction, "DELETE FROM follows WHERE follow_id = $id", ("$id", id)), cancellationToken).ConfigureAwait(false) > 0;

    /// <inheritdoc />
    public Task<IReadOnlyList<FollowAlert>> EvaluateAsync(DateTimeOffset now, CancellationToken cancellationToken = default) =>
        WriteAsync<IReadOnlyList<FollowAlert>>(transaction =>
        {
            var follows = new List<(long Id, FollowQuery Query, long Cursor, bool Webhook)>();
            using (var command = Command(transaction, "SELECT follow_id, actor, event_type, status, country, min_confidence, doc_cursor, webhook_url IS NOT NULL FROM follows ORDER BY follow_id"))
            using (var reader = command.ExecuteReader())
            {
                while (reader.Read())
                {
                    follows.Add((reader.GetInt64(0), new FollowQuery(Text(reader, 1), Text(reader, 2), Text(reader, 3), Text(reader, 4), reader.GetDouble(5)),
                        reader.GetInt64(6), reader.GetBoolean(7)));
                }
            }

            var top = Scalar(transaction, "SELECT coalesce(max(doc_key), 0) FROM documents");
            var alerts = new List<FollowAlert>();
            foreach (var follow in follows)
            {
                if (follow.Cursor >= top)
                {
                    continue;
                }

                // One alert per document and corpus event: the report of it that gives the most advanced status.
                var reports = Matches(transaction, follow.Query, follow.Cursor, top)
                    .GroupBy(m => (m.DocKey, m.CorpusEventId))
                    .Select(g => g.OrderByDescending(m => EventMerger.Rank(m.Status)).First());
                foreach (var match in reports)
                {
                    var before = EarlierStatus(transaction, match.CorpusEventId, match.DocKey);
                    var kind = before is null ? FollowAlertKinds.New
                        : EventMerger.Rank(match.Status) > EventMerger.Rank(before) ? FollowAlertKinds.Status
                        : FollowAlertKinds.Report;
                    var alertId = Insert(transaction, """
                        INSERT INTO follow_alerts (follow_id, corpus_event_id, document_id, event_id, kind, status, previous_status, type, title, url,
                                                   evidence, published, created_ms)
                        VALUES ($follow, $ce, $doc, $event, $kind, $status, $previous, $type, $title, $url, $evidence, $published, $now)
                        ON CONFLICT (follow_id, document_id, corpus_event_id) DO NOTHING
                        RETURNING alert_id
                        """,
                        ("$follow", follow.Id), ("$ce", match.CorpusEventId), ("$doc", match.DocumentId), ("$event", match.EventId), ("$kind", kind),
                        ("$status", match.Status), ("$previous", kind == FollowAlertKinds.Status ? before : null), ("$type", match.Type),
                        ("$title", match.Title), ("$url", match.Url), ("$evidence", match.Evidence), ("$published", match.Published), ("$now", Ms(now)));
                    if (alertId == 0)
                    {
                        continue;
                    }

                    if (follow.Webhook)
                    {
                        Execute(transaction, "INSERT OR IGNORE INTO follow_outbox (alert_id, next_attempt_ms) VALUES ($id, 0)", ("$id", alertId));
                    }

                    alerts.Add(new FollowAlert(alertId, follow.Id, match.CorpusEventId, match.DocumentId, match.EventId, kind, match.Status,
                        kind == FollowAlertKinds.Status ? before : null, match.Type, match.Title, match.Url, match.Evidence, ParseDay(match.Published), now));
                }

                Execute(transaction, "UPDATE follows SET doc_cursor = $top WHERE follow_id = $id", ("$top", top), ("$id", follow.Id));
            }

            return alerts;
        }, cancellationToken);

    private sealed record Match(long DocKey, string DocumentId, string? Title, string? Url, string? Published, string EventId, string Type, string Status, string Evidence, long CorpusEventId);

    private List<Match> Matches(SqliteTransaction transaction, FollowQuery query, long after, long upTo)
    {
        var actor = Blank(query.Actor);
        using var command = Command(transaction, """
            SELECT d.doc_key, d.id, d.title, d.url, d.published, e.event_id, e.type, e.status, e.evidence, e.corpus_event_id
            FROM documents AS d JOIN events AS e ON e.doc_key = d.doc_key
            WHERE d.doc_key > $after AND d.doc_key <= $upTo AND e.corpus_event_id IS NOT NULL
              AND ($type IS NULL OR e.type = $type COLLATE NOCASE)
              AND ($status IS NULL OR e.status = $status COLLATE NOCASE)
              AND e.confidence >= $min
              AND ($actor IS NULL OR EXISTS (
                    SELECT 1 FROM event_actors AS a LEFT JOIN entities AS n ON n.doc_key = a.doc_key AND n.entity_id = a.entity
                    WHERE a.doc_key = e.doc_key AND a.event_id = e.event_id
                      AND (a.code = $actor COLLATE NOCASE OR a.text = $actor COLLATE NOCASE OR n.name = $actor COLLATE NOCASE
                           OR n.corpus_id IN (SELECT corpus_id FROM corpus_entity_aliases WHERE norm = $actorNorm))))
              AND ($country IS NULL OR e.location_country = $country COLLATE NOCASE OR EXISTS (
                    SELECT 1 FROM event_actors AS a WHERE a.doc_key = e.doc_key AND a.event_id = e.event_id AND a.country = $country COLLATE NOCASE))
            ORDER BY d.doc_key, e.ordinal
            """,
            ("$after", after), ("$upTo", upTo), ("$type", Blank(query.EventType)), ("$status", Blank(query.Status)), ("$min", query.MinConfidence),
            ("$actor", actor), ("$actorNorm", actor is null ? null : NameKey.Normalise(actor)), ("$country", Blank(query.Country)));
        using var reader = command.ExecuteReader();
        var list = new List<Match>();
        while (reader.Read())
        {
            list.Add(new Match(reader.GetInt64(0), reader.GetString(1), Text(reader, 2), Text(reader, 3), Text(reader, 4), reader.GetString(5),
                reader.GetString(6), reader.GetString(7), reader.GetString(8), reader.GetInt64(9)));
        }

        return list;
    }

    /// <summary>The most advanced status of the corpus event's reports in documents stored before this one, or null when there are none.</summary>
    private string? EarlierStatus(SqliteTransaction transaction, long corpusEventId, long docKey)
    {
        using var command = Command(transaction, "SELECT status FROM events WHERE corpus_event_id = $ce AND doc_key < $doc", ("$ce", corpusEventId), ("$doc", docKey));
        using var reader = command.ExecuteReader();
        var statuses = new List<string>();
        while (reader.Read())
        {
            statuses.Add(reader.GetString(0));
        }

        return statuses.Count == 0 ? null : EventMerger.MostAdvanced(statuses);
    }

    private const string AlertColumns = """
        a.alert_id, a.follow_id, a.corpus_event_id, a.document_id, a.event_id, a.kind, a.status, a.previous_status, a.type, a.title, a.url,
        a.evidence, a.published, a.created_ms
        """;

    /// <inheritdoc />
    public Task<IReadOnlyList<FollowAlert>> AlertsAsync(long followId, int limit, CancellationToken cancellationToken = default) =>
        ReadAsync<IReadOnlyList<FollowAlert>>(() =>
        {
            using var command = Command(null, $"SELECT {AlertColumns} FROM follow_alerts AS a WHERE a.follow_id = $id ORDER BY a.alert_id DESC LIMIT $limit",
                ("$id", followId), ("$limit", limit));
            return ReadAlerts(command);
        }, cancellationToken);

    /// <inheritdoc />
    public Task MarkSeenAsync(long followId, CancellationToken cancellationToken = default) =>
        WriteAsync(transaction => Execute(transaction, """
            UPDATE follows SET seen_alert = (SELECT coalesce(max(alert_id), seen_alert) FROM follow_alerts WHERE follow_id = $id)
            WHERE follow_id = $id
            """, ("$id", followId)), cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<WebhookDelivery>> DueDeliveriesAsync(DateTimeOffset now, int limit, CancellationToken cancellationToken = default) =>
        ReadAsync<IReadOnlyList<WebhookDelivery>>(() =>
        {
            using var command = Command(null, $"""
                SELECT {AlertColumns}, f.webhook_url, f.webhook_secret, o.attempts
                FROM follow_outbox AS o JOIN follow_alerts AS a ON a.alert_id = o.alert_id JOIN follows AS f ON f.follow_id = a.follow_id
                WHERE o.delivered_ms IS NULL AND o.next_attempt_ms <= $now AND f.webhook_url IS NOT NULL
                ORDER BY o.alert_id LIMIT $limit
                """, ("$now", Ms(now)), ("$limit", limit));
            using var reader = command.ExecuteReader();
            var list = new List<WebhookDelivery>();
            while (reader.Read())
            {
                list.Add(new WebhookDelivery(ReadAlert(reader), reader.GetString(14), Text(reader, 15), reader.GetInt32(16)));
            }

            return list;
        }, cancellationToken);

    /// <inheritdoc />
    public Task DeliveredAsync(long alertId, DateTimeOffset now, CancellationToken cancellationToken = default) =>
        WriteAsync(transaction => Execute(transaction,
            "UPDATE follow_outbox SET delivered_ms = $now, attempts = attempts + 1 WHERE alert_id = $id AND delivered_ms IS NULL",
            ("$id", alertId), ("$now", Ms(now))), cancellationToken);

    /// <inheritdoc />
    public Task DeliveryFailedAsync(long alertId, string error, DateTimeOffset retryAt, CancellationToken cancellationToken = default) =>
        WriteAsync(transaction => Execute(transaction,
            "UPDATE follow_outbox SET attempts = attempts + 1, last_error = $error, next_attempt_ms = $retry WHERE alert_id = $id AND delivered_ms IS NULL",
            ("$id", alertId), ("$error", error), ("$retry", Ms(retryAt))), cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<StatusChange>> StatusHistoryAsync(long corpusEventId, CancellationToken cancellationToken = default) =>
        ReadAsync<IReadOnlyList<StatusChange>>(() =>
        {
            using var command = Command(null, """
                SELECT e.status, d.published, d.id, e.event_id, e.evidence, d.title
                FROM events AS e JOIN documents AS d ON d.doc_key = e.doc_key
                WHERE e.corpus_event_id = $id
                ORDER BY d.published IS NULL, d.published, d.id, e.event_id
                """, ("$id", corpusEventId));
            using var reader = command.ExecuteReader();
            var history = new List<StatusChange>();
            string? current = null;
            while (reader.Read())
            {
                var status = reader.GetString(0);
                if (current is not null && EventMerger.Rank(status) <= EventMerger.Rank(current))
                {
                    continue;
                }

                current = status;
                history.Add(new StatusChange(status, ParseDay(Text(reader, 1)), reader.GetString(2), reader.GetString(3), reader.GetString(4), Text(reader, 5)));
            }

            return history;
        }, cancellationToken);

    // ---- plumbing ------------------------------------------------------------------------------------------------

    /// <summary>Closes the connection.</summary>
    public void Dispose()
    {
        _gate.Wait();
        try
        {
            if (!_disposed)
            {
                _disposed = true;
                _connection.Dispose();
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    private static List<Follow> ReadFollows(SqliteCommand command)
    {
        using (command)
        using (var reader = command.ExecuteReader())
        {
            var list = new List<Follow>();
            while (reader.Read())
            {
                list.Add(new Follow(reader.GetInt64(0), reader.GetString(1),
                    new FollowQuery(Text(reader, 2), Text(reader, 3), Text(reader, 4), Text(reader, 5), reader.GetDouble(6)),
                    Text(reader, 7), reader.GetBoolean(8), Time(reader.GetInt64(9)), reader.GetInt64(10), reader.GetInt64(11)));
            }

            return list;
        }
    }

    private static List<FollowAlert> ReadAlerts(SqliteCommand command)
    {
        using var reader = command.ExecuteReader();
        var list = new List<FollowAlert>();
        while (reader.Read())
        {
            list.Add(ReadAlert(reader));
        }

        return list;
    }

    private static FollowAlert ReadAlert(SqliteDataReader reader) => new(
        reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2), reader.GetString(3), reader.GetString(4), reader.GetString(5),
        reader.GetString(6), Text(reader, 7), reader.GetString(8), Text(reader, 9), Text(reader, 10), reader.GetString(11),
        ParseDay(Text(reader, 12)), Time(reader.GetInt64(13)));

    private async Task<T> ReadAsync<T>(Func<T> read, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            return read();
        }
        catch (SqliteException ex)
        {
            throw new StoreException($"The watch tables cannot be read: {ex.Message}", ex);
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task<T> WriteAsync<T>(Func<SqliteTransaction, T> write, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            using var transaction = _connection.BeginTransaction(deferred: false);
            var result = write(transaction);
            transaction.Commit();
            return result;
        }
        catch (SqliteException ex)
        {
            throw new StoreException($"The watch tables cannot be written: {ex.Message}", ex);
        }
        finally
        {
            _gate.Release();
        }
    }

    private SqliteCommand Command(SqliteTransaction? transaction, string sql, params (string Name, object? Value)[] parameters)
    {
        var command = _connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = transaction;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }

        return command;
    }

    private int Execute(SqliteTransaction transaction, string sql, params (string Name, object? Value)[] parameters)
    {
        using var command = Command(transaction, sql, parameters);
        return command.ExecuteNonQuery();
    }

    private long Insert(SqliteTransaction transaction, string sql, params (string Name, object? Value)[] parameters)
    {
        using var command = Command(transaction, sql, parameters);
        var value = command.ExecuteScalar();
        return value is null or DBNull ? 0 : Convert.ToInt64(value, CultureInfo.InvariantCulture);
    }

    private long Scalar(SqliteTransaction transaction, string sql)
    {
        using var command = Command(transaction, sql);
        return Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    private static string? Text(SqliteDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static long Ms(DateTimeOffset time) => time.ToUnixTimeMilliseconds();

    private static DateTimeOffset Time(long ms) => DateTimeOffset.FromUnixTimeMilliseconds(ms);

    private static DateOnly? ParseDay(string? day) =>
        day is not null && DateOnly.TryParseExact(day, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;
}
