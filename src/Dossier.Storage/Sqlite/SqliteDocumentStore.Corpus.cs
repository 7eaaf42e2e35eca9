using System.Globalization;
using Dossier.Core.Documents;
using Dossier.Core.Labels;
using Dossier.Storage.Corpus;
using Microsoft.Data.Sqlite;

namespace Dossier.Storage.Sqlite;

/// <summary>The corpus queries of the SQLite store (schema version 2: <c>corpus_*</c> tables).</summary>
public sealed partial class SqliteDocumentStore : ICorpusQueries
{
    /// <summary>How many documents <see cref="GetEntityAsync"/> lists, most recent first.</summary>
    public const int EntityDocumentLimit = 100;

    /// <summary>How many connected actors <see cref="GetEntityAsync"/> lists, those with the most shared events first.</summary>
    public const int EntityConnectionLimit = 30;

    private const string EntityColumns =
        "c.corpus_id, c.name, c.type, c.country, c.sector, c.code, c.mention_count, c.document_count, c.first_seen, c.last_seen";

    /// <summary>The day an event is listed under: its own date, else its first report's (the expression of the day indexes).</summary>
    private const string EventDay = "coalesce(ce.date_day, ce.first_published)";

    /// <summary>The condition that a corpus event has a report of confidence at least <c>$min</c>.</summary>
    private const string Confident = "EXISTS (SELECT 1 FROM events AS ev WHERE ev.corpus_event_id = ce.corpus_event_id AND ev.confidence >= $min)";

    private const string EventColumns = """
        ce.corpus_event_id, ce.type, ce.mode, ce.cameo, ce.quad_class, ce.goldstein, ce.status, ce.date_value, ce.date_day,
        ce.first_published, ce.location_text, ce.mention_count, ce.document_count, ce.source_count, ce.domain,
        ce.location_place, ce.location_scope
        """;

    /// <inheritdoc />
    public async Task<IReadOnlyList<CorpusEntitySummary>> ListEntitiesAsync(string? type, string? query, int limit, int offset = 0, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(limit);
        ArgumentOutOfRangeException.ThrowIfNegative(offset);
        var normalised = string.IsNullOrWhiteSpace(query) ? null : NameKey.Normalise(query);
        return await ReadAsync(session =>
        {
            var command = session.Command($"""
                SELECT {EntityColumns} FROM corpus_entities AS c
                WHERE ($type IS NULL OR c.type = $type)
                  AND ($pattern IS NULL OR EXISTS (
                        SELECT 1 FROM corpus_entity_aliases AS a
                        WHERE a.corpus_id = c.corpus_id AND a.kind <> 'surname' AND a.norm LIKE $pattern))
                ORDER BY c.mention_count DESC, c.corpus_id
                LIMIT $limit OFFSET $offset
                """,
                ("$type", string.IsNullOrWhiteSpace(type) ? null : type.Trim().ToUpperInvariant()),
                ("$pattern", normalised is null ? null : "%" + normalised + "%"),
                ("$limit", limit), ("$offset", offset));
            return (IReadOnlyList<CorpusEntitySummary>)ReadAll(command, ReadEntity);
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    /// <remarks>Documents are the <see cref="EntityDocumentLimit"/> most recent (undated last: SQLite sorts NULL lowest);
    /// mentions are samples from the most recent documents, each mention of one document before the next.</remarks>
    public async Task<CorpusEntityDetails?> GetEntityAsync(string idOrName, int mentionSamples = 10, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(idOrName);
        ArgumentOutOfRangeException.ThrowIfNegative(mentionSamples);
        return await ReadAsync(session =>
        {
            if (ResolveEntity(session, idOrName) is not { } id)
            {
                return null;
            }

            var entity = EntityById(session, id)!;
            var aliasCommand = session.Command("""
                SELECT alias FROM corpus_entity_aliases WHERE corpus_id = $id AND kind <> 'surname'
                GROUP BY norm ORDER BY min(alias)
                """, ("$id", id));
            var aliases = ReadAll(aliasCommand, r => r.GetString(0))
                .Where(a => !string.Equals(a, entity.Name, StringComparison.Ordinal))
                .ToList();

            var roleCommand = session.Command("""
                SELECT title, organization, country, status, first_seen, last_seen, document_count
                FROM corpus_entity_roles WHERE corpus_id = $id
                ORDER BY first_seen NULLS LAST, last_seen NULLS LAST, role_key
                """, ("$id", id));
            var roles = ReadAll(roleCommand, r => new CorpusRole(
                r.GetString(0), NullableString(r, 1), NullableString(r, 2), r.GetString(3),
                CorpusWriter.ParseDay(r, 4), CorpusWriter.ParseDay(r, 5), r.GetInt64(6)));

            // An entity in many documents: walk the documents newest first and stop at the limit; in few: fetch and sort them.
            var documentCommand = session.Command(entity.Documents > EntityDocumentLimit
                ? """
                    SELECT d.doc_key, d.id, d.title, d.published FROM documents AS d
                    WHERE EXISTS (SELECT 1 FROM entities AS e WHERE e.corpus_id = $id AND e.doc_key = d.doc_key)
                    ORDER BY d.published DESC, d.id
                    LIMIT $limit
                    """
                : """
                    SELECT d.doc_key, d.id, d.title, d.published FROM documents AS d
                    WHERE d.doc_key IN (SELECT doc_key FROM entities WHERE corpus_id = $id)
                    ORDER BY d.published DESC, d.id
                    LIMIT $limit
                    """,
                ("$id", id), ("$limit", EntityDocumentLimit));
            var documentRows = ReadAll(documentCommand, r => (Key: r.GetInt64(0), Document: new CorpusDocumentRef(r.GetString(1), NullableString(r, 2), CorpusWriter.ParseDay(r, 3))));
            var documents = documentRows.Select(d => d.Document).ToList();

            // Mention samples: the mentions of the most recent documents, in document order.
            var recent = documentRows.Take(mentionSamples).ToList();
            var slots = recent.Select((d, i) => ("$d" + i.ToString(CultureInfo.InvariantCulture), (object?)d.Key))
                .Concat(Enumerable.Range(recent.Count, Math.Max(0, 16 - recent.Count)).Select(i => ("$d" + i.ToString(CultureInfo.InvariantCulture), (object?)null)))
                .ToArray();
            var rank = recent.Select((d, i) => (d.Key, i)).ToDictionary(p => p.Key, p => p.i);
            var mentionCommand = session.Command($"""
                SELECT e.doc_key, m.text, m.sentence, m.start_char, m.end_char, m.kind
                FROM entities AS e JOIN mentions AS m ON m.doc_key = e.doc_key AND m.entity_id = e.entity_id
                WHERE e.corpus_id = $id AND e.doc_key IN ({string.Join(", ", slots.Select(p => p.Item1))})
                ORDER BY e.ordinal, m.ordinal
                """, [("$id", id), .. slots]);
            var rows = ReadAll(mentionCommand, r => (Key: r.GetInt64(0), Text: r.GetString(1), Sentence: r.GetInt32(2), Start: r.GetInt32(3), End: r.GetInt32(4), Kind: r.GetString(5)))
                .OrderBy(m => rank[m.Key]) // stable: within a document, mention order
                .Take(mentionSamples)
                .Select(m => (m.Key, Id: recent[rank[m.Key]].Document.Id, m.Text, m.Sentence, m.Start, m.End, m.Kind))
                .ToList();
            var sentences = new Dictionary<long, Func<int, int, int, string>>();
            var mentions = rows.Select(m =>
            {
                if (!sentences.TryGetValue(m.Key, out var evidence))
                {
                    evidence = SentenceReader(session, m.Key);
                    sentences[m.Key] = evidence;
                }

                return new CorpusMention(m.Id, m.Text, m.Sentence, evidence(m.Sentence, m.Start, m.End)) { Kind = m.Kind };
            }).ToList();

            var countCommand = session.Command(
                "SELECT count(DISTINCT corpus_event_id) FROM corpus_event_actors WHERE corpus_id = $id", ("$id", id));
            var eventCount = Convert.ToInt64(countCommand.ExecuteScalar(), CultureInfo.InvariantCulture);

            var connectionCommand = session.Command("""
                SELECT o.corpus_id, c.name, c.code, count(DISTINCT o.corpus_event_id) AS shared
                FROM corpus_event_actors AS mine
                JOIN corpus_event_actors AS o ON o.corpus_event_id = mine.corpus_event_id
                JOIN corpus_entities AS c ON c.corpus_id = o.corpus_id
                WHERE mine.corpus_id = $id AND o.corpus_id <> $id
                GROUP BY o.corpus_id
                ORDER BY shared DESC, o.corpus_id
                LIMIT $limit
                """, ("$id", id), ("$limit", EntityConnectionLimit));
            var connections = ReadAll(connectionCommand, r => new ActorConnection(new CorpusActor(r.GetInt64(0), r.GetString(1), NullableString(r, 2)), r.GetInt64(3)));

            return new CorpusEntityDetails(entity, aliases, roles, documents, mentions, eventCount, connections);
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<CorpusEventSummary>> ListEventsAsync(CorpusEventFilter filter, int limit, int offset = 0, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        ArgumentOutOfRangeException.ThrowIfNegative(limit);
        ArgumentOutOfRangeException.ThrowIfNegative(offset);
        return await ReadAsync(session =>
        {
            long? actor = null;
            if (!string.IsNullOrWhiteSpace(filter.Actor))
            {
                if (ResolveEntity(session, filter.Actor) is not { } resolved)
                {
                    return (IReadOnlyList<CorpusEventSummary>)[];
                }

                actor = resolved;
            }

            // Only the filters given become conditions, so SQLite can pick the index that serves them and reads the
            // events in day order from it (corpus_events_by_day, _by_type_day or _by_status_day) instead of sorting.
            var conditions = new List<string>();
            var parameters = new List<(string, object?)> { ("$limit", limit), ("$offset", offset) };
            void Where(string condition, string name, object? value)
            {
                if (value is not null)
                {
                    conditions.Add(condition);
                    parameters.Add((name, value));
                }
            }

            Where("ce.corpus_event_id IN (SELECT corpus_event_id FROM corpus_event_actors WHERE corpus_id = $actor)", "$actor", actor);
            Where("ce.type = $type", "$type", string.IsNullOrWhiteSpace(filter.Type) ? null : filter.Type.Trim().ToUpperInvariant());
            Where("ce.status = $status", "$status", string.IsNullOrWhiteSpace(filter.Status) ? null : filter.Status.Trim().ToLowerInvariant());
            Where($"{EventDay} >= $from", "$from", CorpusWriter.Day(filter.From));
            Where($"{EventDay} <= $to", "$to", CorpusWriter.Day(filter.To));
            Where(Confident, "$min", filter.MinConfidence > 0 ? filter.MinConfidence : null);
            if (DomainCondition(filter.Domain) is { } domain)
            {
                conditions.Add(domain.Condition);
                parameters.Add(("$domain", domain.Value));
            }
            var command = session.Command($"""
                SELECT {EventColumns} FROM corpus_events AS ce
                {(conditions.Count == 0 ? "" : "WHERE " + string.Join(" AND ", conditions))}
                ORDER BY {EventDay} DESC, ce.corpus_event_id DESC
                LIMIT $limit OFFSET $offset
                """, [.. parameters]);
            return (IReadOnlyList<CorpusEventSummary>)ReadEvents(session, command);
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<CorpusEventSummary?> GetEventAsync(long id, CancellationToken cancellationToken = default)
    {
        return await ReadAsync(session =>
        {
            var command = session.Command($"SELECT {EventColumns} FROM corpus_events AS ce WHERE ce.corpus_event_id = $id", ("$id", id));
            return ReadEvents(session, command).FirstOrDefault();
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyDictionary<string, long>> CorpusEventIdsAsync(string documentId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(documentId);
        return await ReadAsync(session =>
        {
            var command = session.Command("""
                SELECT e.event_id, e.corpus_event_id FROM events AS e JOIN documents AS d ON d.doc_key = e.doc_key
                WHERE d.id = $id AND e.corpus_event_id IS NOT NULL
                """, ("$id", documentId.Trim().ToLowerInvariant()));
            return (IReadOnlyDictionary<string, long>)ReadAll(command, r => (Event: r.GetString(0), Corpus: r.GetInt64(1)))
                .ToDictionary(p => p.Event, p => p.Corpus, StringComparer.Ordinal);
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<CorpusTimeline?> TimelineAsync(string entity, int limit, int offset = 0, double minConfidence = 0, string? domain = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entity);
        ArgumentOutOfRangeException.ThrowIfNegative(limit);
        ArgumentOutOfRangeException.ThrowIfNegative(offset);
        return await ReadAsync(session =>
        {
            if (ResolveEntity(session, entity) is not { } id)
            {
                return null;
            }

            var command = session.Command($"""
                SELECT {EventColumns} FROM corpus_events AS ce
                WHERE ce.corpus_event_id IN (SELECT corpus_event_id FROM corpus_event_actors WHERE corpus_id = $id)
                  {(minConfidence > 0 ? "AND " + Confident : "")}{DomainClause(domain, "AND")}
                ORDER BY {EventDay} NULLS LAST, ce.corpus_event_id
                LIMIT $limit OFFSET $offset
                """, ("$id", id), ("$limit", limit), ("$offset", offset), ("$min", minConfidence), ("$domain", DomainCondition(domain)?.Value));
            return new CorpusTimeline(EntityById(session, id)!, ReadEvents(session, command));
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    /// <remarks>Besides events dated to a day on or after <paramref name="from"/>, planned and possible events dated only
    /// to a month (or a coarser TIMEX value) from the month of <paramref name="from"/> on are included.</remarks>
    public async Task<IReadOnlyList<CorpusEventSummary>> AgendaAsync(DateOnly from, int limit, int offset = 0, double minConfidence = 0, string? domain = null, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(limit);
        ArgumentOutOfRangeException.ThrowIfNegative(offset);
        return await ReadAsync(session =>
        {
            var command = session.Command($"""
                SELECT {EventColumns} FROM corpus_events AS ce
                WHERE (ce.date_day >= $from
                   OR (ce.date_day IS NULL AND ce.status IN ('planned', 'possible', 'postponed', 'cancelled')
                       AND ce.date_value GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]*'
                       AND substr(ce.date_value, 1, 7) >= substr($from, 1, 7)))
                  {(minConfidence > 0 ? "AND " + Confident : "")}{DomainClause(domain, "AND")}
                ORDER BY coalesce(ce.date_day, ce.date_value), ce.corpus_event_id
                LIMIT $limit OFFSET $offset
                """, ("$from", CorpusWriter.Day(from)), ("$limit", limit), ("$offset", offset), ("$min", minConfidence),
                ("$domain", DomainCondition(domain)?.Value));
            return (IReadOnlyList<CorpusEventSummary>)ReadEvents(session, command);
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<CorpusEventSummary>> UndatedPlansAsync(DateOnly asOf, int days, int limit, int offset = 0, double minConfidence = 0, string? domain = null, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(days);
        ArgumentOutOfRangeException.ThrowIfNegative(limit);
        ArgumentOutOfRangeException.ThrowIfNegative(offset);
        return await ReadAsync(session =>
        {
            var command = session.Command($"""
                SELECT {EventColumns} FROM corpus_events AS ce
                WHERE ce.date_value IS NULL AND ce.status IN ('planned', 'possible', 'postponed', 'cancelled')
                  AND ce.last_published BETWEEN $since AND $asOf
                  {(minConfidence > 0 ? "AND " + Confident : "")}{DomainClause(domain, "AND")}
                ORDER BY ce.last_published DESC, ce.corpus_event_id DESC
                LIMIT $limit OFFSET $offset
                """, ("$since", CorpusWriter.Day(asOf.AddDays(-days))), ("$asOf", CorpusWriter.Day(asOf)), ("$limit", limit), ("$offset", offset),
                ("$min", minConfidence), ("$domain", DomainCondition(domain)?.Value));
            return (IReadOnlyList<CorpusEventSummary>)ReadEvents(session, command);
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<ActorPair>> NetworkAsync(int limit, int offset = 0, double minConfidence = 0, string? domain = null, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(limit);
        ArgumentOutOfRangeException.ThrowIfNegative(offset);
        return await ReadAsync(session =>
        {
            var command = session.Command($"""
                WITH pairs AS (
                    SELECT DISTINCT s.corpus_event_id, s.corpus_id AS source_id, t.corpus_id AS target_id
                    FROM corpus_event_actors AS s
                    JOIN corpus_event_actors AS t ON t.corpus_event_id = s.corpus_event_id AND t.side = 'target'
                    WHERE s.side = 'source' AND s.corpus_id IS NOT NULL AND t.corpus_id IS NOT NULL AND s.corpus_id <> t.corpus_id
                      {(minConfidence > 0 ? "AND EXISTS (SELECT 1 FROM events AS ev WHERE ev.corpus_event_id = s.corpus_event_id AND ev.confidence >= $min)" : "")})
                SELECT p.source_id, cs.name, cs.code, p.target_id, ct.name, ct.code, count(*), avg(ce.goldstein),
                       sum(ce.quad_class = 1), sum(ce.quad_class = 2), sum(ce.quad_class = 3), sum(ce.quad_class = 4)
                FROM pairs AS p
                JOIN corpus_events AS ce ON ce.corpus_event_id = p.corpus_event_id
                JOIN corpus_entities AS cs ON cs.corpus_id = p.source_id
                JOIN corpus_entities AS ct ON ct.corpus_id = p.target_id{DomainClause(domain, "WHERE")}
                GROUP BY p.source_id, p.target_id
                ORDER BY count(*) DESC, p.source_id, p.target_id
                LIMIT $limit OFFSET $offset
                """, ("$limit", limit), ("$offset", offset), ("$min", minConfidence), ("$domain", DomainCondition(domain)?.Value));
            return (IReadOnlyList<ActorPair>)ReadAll(command, r => new ActorPair(
                new CorpusActor(r.GetInt64(0), r.GetString(1), NullableString(r, 2)),
                new CorpusActor(r.GetInt64(3), r.GetString(4), NullableString(r, 5)),
                r.GetInt64(6),
                r.GetDouble(7),
                [r.GetInt64(8), r.GetInt64(9), r.GetInt64(10), r.GetInt64(11)]));
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The condition on <c>ce.domain</c> of a domain filter (<see cref="DomainFilters"/>) and the value of its
    /// <c>$domain</c> parameter; null for <c>all</c>, which keeps every event.</summary>
    /// <exception cref="ArgumentException"><paramref name="domain"/> is none of <see cref="DomainFilters.Values"/>.</exception>
    private static (string Condition, object? Value)? DomainCondition(string? domain) => DomainFilters.Parse(domain) switch
    {
        null => throw new ArgumentException($"Unknown domain '{domain}': expected one of {string.Join(", ", DomainFilters.Values)}.", nameof(domain)),
        DomainFilters.All => null,
        DomainFilters.General => ("ce.domain IS NULL", null),
        var flagged => ("ce.domain = $domain", flagged),
    };

    /// <summary>The domain condition as a clause that follows <paramref name="keyword"/> (WHERE or AND), or "" for <c>all</c>.</summary>
    private static string DomainClause(string? domain, string keyword) =>
        DomainCondition(domain) is { } c ? $"\n{keyword} {c.Condition}" : "";

    /// <summary>Links every stored document that is not yet in the corpus (those stored before schema version 2),
    /// oldest publication first, each in its own transaction.</summary>
    /// <returns>How many documents were linked.</returns>
    internal int LinkPendingDocuments()
    {
        var linked = 0;
        while (true)
        {
            long? next;
            using (var command = Query(_connection, "SELECT doc_key FROM documents WHERE corpus_linked = 0 ORDER BY published NULLS LAST, doc_key LIMIT 1"))
            {
                var value = command.ExecuteScalar();
                next = value is null or DBNull ? null : Convert.ToInt64(value, CultureInfo.InvariantCulture);
            }

            if (next is not { } key)
            {
                return linked;
            }

            using var transaction = _connection.BeginTransaction(deferred: false);
            string? id;
            using (var command = Query(_connection, "SELECT id FROM documents WHERE doc_key = $key AND corpus_linked = 0", ("$key", key)))
            {
                command.Transaction = transaction;
                id = command.ExecuteScalar() as string;
            }

            if (id is not null && GetCore(_connection, id) is { } document)
            {
                _corpus.Link(key, document, transaction);
                linked++;
            }

            transaction.Commit();
        }
    }

    /// <summary>A corpus entity id from an id (digits) or an exact normalised name or alias: canonical names before
    /// aliases, then the most mentioned.</summary>
    private static long? ResolveEntity(ReadSession session, string idOrName)
    {
        var text = idOrName.Trim();
        if (text.Length > 0 && text.All(char.IsAsciiDigit) && long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var id))
        {
            var byId = session.Command("SELECT corpus_id FROM corpus_entities WHERE corpus_id = $id", ("$id", id));
            if (byId.ExecuteScalar() is not null and not DBNull)
            {
                return id;
            }
        }

        var norm = NameKey.Normalise(text);
        if (norm.Length == 0)
        {
            return null;
        }

        var command = session.Command("""
            SELECT c.corpus_id FROM corpus_entity_aliases AS a JOIN corpus_entities AS c ON c.corpus_id = a.corpus_id
            WHERE a.norm = $norm AND a.kind IN ('name', 'alias')
            GROUP BY c.corpus_id
            ORDER BY min(CASE a.kind WHEN 'name' THEN 0 ELSE 1 END), c.mention_count DESC, c.corpus_id
            LIMIT 1
            """, ("$norm", norm));
        var value = command.ExecuteScalar();
        return value is null or DBNull ? null : Convert.ToInt64(value, CultureInfo.InvariantCulture);
    }

    private static CorpusEntitySummary? EntityById(ReadSession session, long id)
    {
        var command = session.Command($"SELECT {EntityColumns} FROM corpus_entities AS c WHERE c.corpus_id = $id", ("$id", id));
        return ReadAll(command, ReadEntity).FirstOrDefault();
    }

    /// <summary>Reads a page of corpus events, then their actors and evidence in two more queries: the actors' entity names
    /// and codes and the reports' document columns are the copies on their own rows (migration 12).</summary>
    private static List<CorpusEventSummary> ReadEvents(ReadSession session, SqliteCommand command)
    {
        var events = ReadAll(command, r => (
            Id: r.GetInt64(0), Type: r.GetString(1), Mode: NullableString(r, 2), Cameo: r.GetString(3), Quad: r.GetInt32(4),
            Goldstein: r.GetDouble(5), Status: r.GetString(6), Date: NullableString(r, 7), Day: CorpusWriter.ParseDay(r, 8),
            Published: CorpusWriter.ParseDay(r, 9), Location: NullableString(r, 10), Mentions: r.GetInt64(11), Articles: r.GetInt64(12),
            Sources: r.GetInt64(13), Domain: NullableString(r, 14),
            Place: PlaceJson.Deserialize(NullableString(r, 15)), Scope: NullableString(r, 16)));
        if (events.Count == 0)
        {
            return [];
        }

        // The id list is padded with NULLs (which match nothing) to a power of two, so that a session keeps a handful of
        // prepared variants of these two statements rather than one per page length.
        var slots = Math.Max(8, (int)System.Numerics.BitOperations.RoundUpToPowerOf2((uint)events.Count));
        var ids = Enumerable.Range(0, slots)
            .Select(i => ("$e" + i.ToString(CultureInfo.InvariantCulture), i < events.Count ? (object?)events[i].Id : null))
            .ToArray();
        var list = string.Join(", ", ids.Select(p => p.Item1));
        var actorCommand = session.Command($"""
            SELECT a.corpus_event_id, a.side, a.corpus_id, coalesce(a.entity_name, a.text), coalesce(a.entity_code, a.code)
            FROM corpus_event_actors AS a
            WHERE a.corpus_event_id IN ({list})
            ORDER BY a.corpus_event_id, a.side, a.ordinal
            """, ids);
        var actors = ReadAll(actorCommand, r => (Event: r.GetInt64(0), Side: r.GetString(1),
                Actor: new CorpusActor(r.IsDBNull(2) ? null : r.GetInt64(2), r.GetString(3), NullableString(r, 4))))
            .ToLookup(a => (a.Event, a.Side), a => a.Actor);

        var evidenceCommand = session.Command($"""
            SELECT e.corpus_event_id, e.document_id, e.document_title, e.document_published, e.document_source, e.document_url,
                   e.event_id, e.trigger_text, e.status, e.evidence, e.confidence
            FROM events AS e
            WHERE e.corpus_event_id IN ({list})
            ORDER BY e.corpus_event_id, e.document_published NULLS LAST, e.document_id, e.ordinal
            """, ids);
        var evidenceRows = ReadAll(evidenceCommand, r =>
            {
                var published = CorpusWriter.ParseDay(r, 3);
                var source = EventMerger.SourceOf(new DocumentMetadata(NullableString(r, 2), r.GetString(4), published, NullableString(r, 5)));
                return (Event: r.GetInt64(0), Evidence: new CorpusEvidence(r.GetString(1), NullableString(r, 2), published, source,
                    r.GetString(6), r.GetString(7), r.GetString(8), r.GetString(9)), Confidence: r.GetDouble(10));
            })
            .ToList();
        var confidence = evidenceRows.GroupBy(e => e.Event).ToDictionary(g => g.Key, g => g.Max(e => e.Confidence));
        var evidence = evidenceRows.ToLookup(e => e.Event, e => e.Evidence);

        return events.Select(e => new CorpusEventSummary(
            e.Id, e.Type, e.Mode, e.Cameo, e.Quad, e.Goldstein, e.Status, e.Date, e.Day ?? e.Published, e.Day is null, e.Location,
            actors[(e.Id, "source")].ToList(), actors[(e.Id, "target")].ToList(),
            e.Mentions, e.Articles, e.Sources, evidence[e.Id].ToList())
        {
            Confidence = confidence.GetValueOrDefault(e.Id),
            Domain = e.Domain,
            Place = e.Place,
            PlaceScope = e.Place is null ? null : e.Scope,
        }).ToList();
    }

    /// <summary>A function from (sentence index, mention start, mention end) to the sentence text of one document.</summary>
    private static Func<int, int, int, string> SentenceReader(ReadSession session, long docKey)
    {
        var command = session.Command("SELECT text, layers FROM documents WHERE doc_key = $key", ("$key", docKey));
        using var reader = command.ExecuteReader();
        if (!reader.Read())
        {
            return (_, _, _) => "";
        }

        var text = reader.GetString(0);
        var layers = reader.IsDBNull(1) ? null : (byte[])reader.GetValue(1);
        IReadOnlyList<Sentence> sentences;
        try
        {
            sentences = TokenLayerCodec.DecodeSentences(layers);
        }
        catch (FormatException)
        {
            sentences = [];
        }

        return (index, start, end) =>
        {
            if (index >= 0 && index < sentences.Count)
            {
                var s = sentences[index];
                return OneLine(text[s.Start..s.End]);
            }

            // No sentence layer: the line around the mention.
            start = Math.Clamp(start, 0, text.Length);
            end = Math.Clamp(end, start, text.Length);
            var from = text.LastIndexOf('\n', Math.Max(0, start - 1)) + 1;
            var to = text.IndexOf('\n', end);
            return OneLine(text[from..(to < 0 ? text.Length : to)]);
        };
    }

    private static CorpusEntitySummary ReadEntity(SqliteDataReader r) => new(
        r.GetInt64(0), r.GetString(1), r.GetString(2), NullableString(r, 3), NullableString(r, 4), NullableString(r, 5),
        r.GetInt64(6), r.GetInt64(7), CorpusWriter.ParseDay(r, 8), CorpusWriter.ParseDay(r, 9));

    private static string? NullableString(SqliteDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    private static List<T> ReadAll<T>(SqliteCommand command, Func<SqliteDataReader, T> read)
    {
        using var reader = command.ExecuteReader();
        var list = new List<T>();
        while (reader.Read())
        {
            list.Add(read(reader));
        }

        return list;
    }

    private static SqliteCommand Query(SqliteConnection connection, string sql, params (string Name, object? Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }

        return command;
    }
}
