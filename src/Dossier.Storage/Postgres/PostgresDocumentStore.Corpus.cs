using System.Globalization;
using Dossier.Core.Documents;
using Dossier.Core.Labels;
using Dossier.Storage.Corpus;
using Dossier.Storage.Sqlite;
using Npgsql;

namespace Dossier.Storage.Postgres;

/// <summary>The corpus queries of the PostgreSQL store: the SQL of <see cref="SqliteDocumentStore"/>'s, with SQLite's
/// NULL order (lowest) spelled out.</summary>
public sealed partial class PostgresDocumentStore : ICorpusQueries
{
    private const string EntityColumns =
        "c.corpus_id, c.name, c.type, c.country, c.sector, c.code, c.mention_count, c.document_count, c.first_seen, c.last_seen";

    private const string EventDay = "coalesce(ce.date_day, ce.first_published)";

    /// <summary>The confidence filter: a report of the event has at least <paramref name="min"/>, i.e. its highest report
    /// confidence (<c>corpus_events.confidence</c>, kept by the corpus writer) does. As <c>EXISTS</c> over <c>events</c>
    /// the planner hashed every confident report of the store on each event list (a sequential scan of <c>events</c>).
    /// The threshold is a number in the text (a server setting, so few values), as the type and status are: each statement
    /// is planned for its value, not with a default selectivity for an unknown one.</summary>
    private static string Confident(double min) =>
        "ce.confidence >= " + min.ToString("R", CultureInfo.InvariantCulture);

    private const string EventColumns = """
        ce.corpus_event_id, ce.type, ce.mode, ce.cameo, ce.quad_class, ce.goldstein, ce.status, ce.date_value, ce.date_day,
        ce.first_published, ce.location_text, ce.mention_count, ce.document_count, ce.source_count, ce.domain,
        ce.location_place, ce.location_scope
        """;

    /// <inheritdoc />
    public Task<IReadOnlyList<CorpusEntitySummary>> ListEntitiesAsync(string? type, string? query, int limit, int offset = 0, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(limit);
        ArgumentOutOfRangeException.ThrowIfNegative(offset);
        var normalised = string.IsNullOrWhiteSpace(query) ? null : NameKey.Normalise(query);
        return ReadAsync<IReadOnlyList<CorpusEntitySummary>>(async (c, ct) => await Pg.ReadAllAsync(c, null, $"""
            SELECT {EntityColumns} FROM corpus_entities AS c
            WHERE (@type::text IS NULL OR c.type = @type)
              AND (@pattern::text IS NULL OR EXISTS (
                    SELECT 1 FROM corpus_entity_aliases AS a
                    WHERE a.corpus_id = c.corpus_id AND a.kind <> 'surname' AND a.norm LIKE @pattern))
            ORDER BY c.mention_count DESC, c.corpus_id
            LIMIT @limit OFFSET @offset
            """, ReadEntity, ct,
            ("@type", string.IsNullOrWhiteSpace(type) ? null : type.Trim().ToUpperInvariant()),
            ("@pattern", normalised is null ? null : "%" + EscapeLike(normalised) + "%"),
            ("@limit", limit), ("@offset", offset)).ConfigureAwait(false), cancellationToken);
    }

    /// <summary>SQLite's LIKE has no escape character by default; PostgreSQL's is the backslash.</summary>
    private static string EscapeLike(string text) => text.Replace("\\", "\\\\", StringComparison.Ordinal);

    /// <inheritdoc />
    /// <remarks>Four round trips whatever the entity: its id (<see cref="ResolveEntityAsync"/>); its row, aliases, roles,
    /// documents, event count and connected actors in one batch; the mentions in its <paramref name="mentionSamples"/>
    /// latest documents; the texts of the documents the sample mentions quote, in one statement.</remarks>
    public Task<CorpusEntityDetails?> GetEntityAsync(string idOrName, int mentionSamples = 10, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(idOrName);
        ArgumentOutOfRangeException.ThrowIfNegative(mentionSamples);
        return ReadAsync(async (c, ct) =>
        {
            if (await ResolveEntityAsync(c, idOrName, ct).ConfigureAwait(false) is not { } id)
            {
                return null;
            }

            CorpusEntitySummary? entity = null;
            var aliases = new List<string>();
            var roles = new List<CorpusRole>();
            var documentRows = new List<(long Key, CorpusDocumentRef Document)>();
            long eventCount = 0;
            var connections = new List<ActorConnection>();
            await new PgBatch(c, null, ct).ReadAsync(
                new PgRead($"SELECT {EntityColumns} FROM corpus_entities AS c WHERE c.corpus_id = @id", [("@id", id)], r => entity = ReadEntity(r)),
                new PgRead("""
                    SELECT min(alias) FROM corpus_entity_aliases WHERE corpus_id = @id AND kind <> 'surname'
                    GROUP BY norm ORDER BY 1
                    """, [("@id", id)], r => aliases.Add(r.GetString(0))),
                new PgRead("""
                    SELECT title, organization, country, status, first_seen, last_seen, document_count
                    FROM corpus_entity_roles WHERE corpus_id = @id
                    ORDER BY first_seen NULLS LAST, last_seen NULLS LAST, role_key
                    """, [("@id", id)], r => roles.Add(new CorpusRole(r.GetString(0), Pg.Text(r, 1), Pg.Text(r, 2), r.GetString(3), Pg.ParseDay(r, 4), Pg.ParseDay(r, 5), Pg.Long(r, 6)))),
                new PgRead("""
                    SELECT d.doc_key, d.id, d.title, d.published FROM documents AS d
                    WHERE d.doc_key IN (SELECT doc_key FROM entities WHERE corpus_id = @id)
                    ORDER BY d.published DESC NULLS LAST, d.id
                    LIMIT @limit
                    """,
                    [("@id", id), ("@limit", SqliteDocumentStore.EntityDocumentLimit)],
                    r => documentRows.Add((r.GetInt64(0), new CorpusDocumentRef(r.GetString(1), Pg.Text(r, 2), Pg.ParseDay(r, 3))))),
                new PgRead("SELECT count(DISTINCT corpus_event_id) FROM corpus_event_actors WHERE corpus_id = @id", [("@id", id)],
                    r => eventCount = r.IsDBNull(0) ? 0 : Pg.Long(r, 0)),
                new PgRead("""
                    SELECT o.corpus_id, c.name, c.code, count(DISTINCT o.corpus_event_id) AS shared
                    FROM corpus_event_actors AS mine
                    JOIN corpus_event_actors AS o ON o.corpus_event_id = mine.corpus_event_id
                    JOIN corpus_entities AS c ON c.corpus_id = o.corpus_id
                    WHERE mine.corpus_id = @id AND o.corpus_id <> @id
                    GROUP BY o.corpus_id, c.name, c.code
                    ORDER BY shared DESC, o.corpus_id
                    LIMIT @limit
                    """, [("@id", id), ("@limit", SqliteDocumentStore.EntityConnectionLimit)],
                    r => connections.Add(new ActorConnection(new CorpusActor(r.GetInt64(0), r.GetString(1), Pg.Text(r, 2)), Pg.Long(r, 3))))).ConfigureAwait(false);

            var documents = documentRows.Select(d => d.Document).ToList();
            var recent = documentRows.Take(mentionSamples).ToList();
            var rank = recent.Select((d, i) => (d.Key, i)).ToDictionary(p => p.Key, p => p.i);
            // The mentions in its latest documents, by their keys (a sub-query for them would run the documents query
            // again: ~300 more buffers for an entity in hundreds of documents).
            var mentionRows = await Pg.ReadAllAsync(c, null, """
                SELECT e.doc_key, m.text, m.sentence, m.start_char, m.end_char, m.kind
                FROM entities AS e JOIN mentions AS m ON m.doc_key = e.doc_key AND m.entity_id = e.entity_id
                WHERE e.corpus_id = @id AND e.doc_key = ANY(@docs)
                ORDER BY e.ordinal, m.ordinal
                """, r => (Key: r.GetInt64(0), Text: r.GetString(1), Sentence: Pg.Int(r, 2), Start: Pg.Int(r, 3), End: Pg.Int(r, 4), Kind: r.GetString(5)),
                ct, ("@id", id), ("@docs", recent.Select(d => d.Key).ToArray())).ConfigureAwait(false);
            var rows = mentionRows
                .Where(m => rank.ContainsKey(m.Key))
                .OrderBy(m => rank[m.Key])
                .Take(mentionSamples)
                .Select(m => (m.Key, Id: recent[rank[m.Key]].Document.Id, m.Text, m.Sentence, m.Start, m.End, m.Kind))
                .ToList();
            var sentences = await SentenceReadersAsync(c, rows.Select(m => m.Key).Distinct().ToArray(), ct).ConfigureAwait(false);
            var mentions = rows
                .Select(m => new CorpusMention(m.Id, m.Text, m.Sentence, sentences[m.Key](m.Sentence, m.Start, m.End)) { Kind = m.Kind })
                .ToList();
            return new CorpusEntityDetails(entity!, aliases.Where(a => !string.Equals(a, entity!.Name, StringComparison.Ordinal)).ToList(),
                roles, documents, mentions, eventCount, connections);
        }, cancellationToken);
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<CorpusEventSummary>> ListEventsAsync(CorpusEventFilter filter, int limit, int offset = 0, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        ArgumentOutOfRangeException.ThrowIfNegative(limit);
        ArgumentOutOfRangeException.ThrowIfNegative(offset);
        var domain = DomainCondition(filter.Domain);
        return ReadAsync<IReadOnlyList<CorpusEventSummary>>(async (c, ct) =>
        {
            var conditions = new List<string>();
            var parameters = new List<(string, object?)>();
            if (!string.IsNullOrWhiteSpace(filter.Actor))
            {
                // The actor is resolved in the same statement (as ResolveEntityAsync would): no entity, no events.
                var (actorId, actorNorm) = EntityKeys(filter.Actor);
                if (actorId is null && actorNorm is null)
                {
                    return [];
                }

                // = ANY(ARRAY(…)): the actor's events are probed by primary key; as IN (…) the planner scanned all of corpus_events.
                conditions.Add($"ce.corpus_event_id = ANY(ARRAY(SELECT corpus_event_id FROM corpus_event_actors WHERE corpus_id = ({ResolveEntitySql})))");
                parameters.Add(("@actorId", Pg.Bigint("@actorId", actorId)));
                parameters.Add(("@actorNorm", actorNorm));
            }

            void Where(string condition, string name, object? value)
            {
                if (value is not null)
                {
                    conditions.Add(condition);
                    parameters.Add((name, value));
                }
            }

            // The type and status as literals when they are plain words (they always are through the web API): each filter
            // then has a statement of its own, planned for its values once per connection. As parameters, the plan the
            // server kept for all values read every event of the type and every event of the status (a bitmap AND, 972
            // buffers on the BBC store) where the type's day index finds the page's 51 in about a hundred.
            var type = string.IsNullOrWhiteSpace(filter.Type) ? null : filter.Type.Trim().ToUpperInvariant();
            var status = string.IsNullOrWhiteSpace(filter.Status) ? null : filter.Status.Trim().ToLowerInvariant();
            if (WordLiteral(type) is { } typeLiteral)
            {
                conditions.Add("ce.type = " + typeLiteral);
            }
            else
            {
                Where("ce.type = @type", "@type", type);
            }

            if (WordLiteral(status) is { } statusLiteral)
            {
                conditions.Add("ce.status = " + statusLiteral);
            }
            else
            {
                Where("ce.status = @status", "@status", status);
            }

            Where($"{EventDay} >= @from", "@from", Pg.Day(filter.From));
            Where($"{EventDay} <= @to", "@to", Pg.Day(filter.To));
            if (filter.MinConfidence > 0)
            {
                conditions.Add(Confident(filter.MinConfidence));
            }

            if (domain is { } d)
            {
                conditions.Add(d.Condition);
                if (d.Value is not null)
                {
                    parameters.Add(("@domain", d.Value));
                }
            }

            var page = LimitOffset(limit, offset, parameters);
            var where = conditions.Count == 0 ? "" : "WHERE " + string.Join(" AND ", conditions);
            const string order = $"ORDER BY {EventDay} DESC NULLS LAST, ce.corpus_event_id DESC";
            if (string.IsNullOrWhiteSpace(filter.Actor))
            {
                // The page's ids by an index-only scan of a day index (migration 9 put the filtered columns in them), so
                // that the events it passes over are not read; then the page's rows by key.
                return await ReadEventsAsync(c, $"""
                    SELECT {EventColumns} FROM corpus_events AS ce
                    WHERE ce.corpus_event_id = ANY(ARRAY(
                        SELECT ce.corpus_event_id FROM corpus_events AS ce
                        {where}
                        {order}
                        {page}))
                    {order}
                    """, ct, [.. parameters]).ConfigureAwait(false);
            }

            return await ReadEventsAsync(c, $"""
                SELECT {EventColumns} FROM corpus_events AS ce
                {where}
                {order}
                {page}
                """, ct, [.. parameters]).ConfigureAwait(false);
        }, cancellationToken);
    }

    /// <inheritdoc />
    public Task<CorpusEventSummary?> GetEventAsync(long id, CancellationToken cancellationToken = default) =>
        ReadAsync(async (c, ct) => (await ReadEventsAsync(c, $"SELECT {EventColumns} FROM corpus_events AS ce WHERE ce.corpus_event_id = @id", ct, ("@id", id)).ConfigureAwait(false))
            .FirstOrDefault(), cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyDictionary<string, long>> CorpusEventIdsAsync(string documentId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(documentId);
        return ReadAsync<IReadOnlyDictionary<string, long>>(async (c, ct) => (await Pg.ReadAllAsync(c, null, """
            SELECT e.event_id, e.corpus_event_id FROM events AS e JOIN documents AS d ON d.doc_key = e.doc_key
            WHERE d.id = @id AND e.corpus_event_id IS NOT NULL
            """, r => (Event: r.GetString(0), Corpus: r.GetInt64(1)), ct, ("@id", documentId.Trim().ToLowerInvariant())).ConfigureAwait(false))
            .ToDictionary(p => p.Event, p => p.Corpus, StringComparer.Ordinal), cancellationToken);
    }

    /// <inheritdoc />
    public Task<CorpusTimeline?> TimelineAsync(string entity, int limit, int offset = 0, double minConfidence = 0, string? domain = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entity);
        ArgumentOutOfRangeException.ThrowIfNegative(limit);
        ArgumentOutOfRangeException.ThrowIfNegative(offset);
        var (clause, parameters) = Filters(minConfidence, domain, "AND");
        return ReadAsync(async (c, ct) =>
        {
            if (await ResolveEntityAsync(c, entity, ct).ConfigureAwait(false) is not { } id)
            {
                return null;
            }

            List<(string Name, object? Value)> values = [("@id", id), .. parameters];
            var page = LimitOffset(limit, offset, values);
            var events = await ReadEventsAsync(c, $"""
                SELECT {EventColumns} FROM corpus_events AS ce
                WHERE ce.corpus_event_id = ANY(ARRAY(SELECT corpus_event_id FROM corpus_event_actors WHERE corpus_id = @id))
                  {clause}
                ORDER BY {EventDay} NULLS LAST, ce.corpus_event_id
                {page}
                """, ct, [.. values]).ConfigureAwait(false);
            return new CorpusTimeline((await EntityByIdAsync(c, id, ct).ConfigureAwait(false))!, events);
        }, cancellationToken);
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<CorpusEventSummary>> AgendaAsync(DateOnly from, int limit, int offset = 0, double minConfidence = 0, string? domain = null, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(limit);
        ArgumentOutOfRangeException.ThrowIfNegative(offset);
        var (clause, parameters) = Filters(minConfidence, domain, "AND");
        return ReadAsync<IReadOnlyList<CorpusEventSummary>>(async (c, ct) => await ReadEventsAsync(c, $"""
            SELECT {EventColumns} FROM corpus_events AS ce
            WHERE (ce.date_day >= @from
               OR (ce.date_day IS NULL AND ce.status IN ('planned', 'possible', 'postponed', 'cancelled')
                   AND ce.date_value ~ '^[0-9][0-9][0-9][0-9]-[0-9][0-9]'
                   AND substr(ce.date_value, 1, 7) >= substr(@from, 1, 7)))
              {clause}
            ORDER BY coalesce(ce.date_day, ce.date_value) NULLS FIRST, ce.corpus_event_id
            LIMIT @limit OFFSET @offset
            """, ct, [("@from", Pg.Day(from)), ("@limit", limit), ("@offset", offset), .. parameters]).ConfigureAwait(false), cancellationToken);
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<CorpusEventSummary>> UndatedPlansAsync(DateOnly asOf, int days, int limit, int offset = 0, double minConfidence = 0, string? domain = null, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(days);
        ArgumentOutOfRangeException.ThrowIfNegative(limit);
        ArgumentOutOfRangeException.ThrowIfNegative(offset);
        var (clause, parameters) = Filters(minConfidence, domain, "AND");
        return ReadAsync<IReadOnlyList<CorpusEventSummary>>(async (c, ct) => await ReadEventsAsync(c, $"""
            SELECT {EventColumns} FROM corpus_events AS ce
            WHERE ce.date_value IS NULL AND ce.status IN ('planned', 'possible', 'postponed', 'cancelled')
              AND ce.last_published BETWEEN @since AND @asOf
              {clause}
            ORDER BY ce.last_published DESC NULLS LAST, ce.corpus_event_id DESC
            LIMIT @limit OFFSET @offset
            """, ct, [("@since", Pg.Day(asOf.AddDays(-days))), ("@asOf", Pg.Day(asOf)), ("@limit", limit), ("@offset", offset), .. parameters]).ConfigureAwait(false),
            cancellationToken);
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<ActorPair>> NetworkAsync(int limit, int offset = 0, double minConfidence = 0, string? domain = null, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(limit);
        ArgumentOutOfRangeException.ThrowIfNegative(offset);
        var (clause, parameters) = Filters(0, domain, "WHERE");
        if (minConfidence > 0)
        {
            parameters.Add(("@min", minConfidence));
        }

        return ReadAsync<IReadOnlyList<ActorPair>>(async (c, ct) => await Pg.ReadAllAsync(c, null, $"""
            WITH pairs AS (
                SELECT DISTINCT s.corpus_event_id, s.corpus_id AS source_id, t.corpus_id AS target_id
                FROM corpus_event_actors AS s
                JOIN corpus_event_actors AS t ON t.corpus_event_id = s.corpus_event_id AND t.side = 'target'
                WHERE s.side = 'source' AND s.corpus_id IS NOT NULL AND t.corpus_id IS NOT NULL AND s.corpus_id <> t.corpus_id
                  {(minConfidence > 0 ? "AND EXISTS (SELECT 1 FROM events AS ev WHERE ev.corpus_event_id = s.corpus_event_id AND ev.confidence >= @min)" : "")})
            SELECT p.source_id, cs.name, cs.code, p.target_id, ct.name, ct.code, count(*), avg(ce.goldstein),
                   count(*) FILTER (WHERE ce.quad_class = 1), count(*) FILTER (WHERE ce.quad_class = 2),
                   count(*) FILTER (WHERE ce.quad_class = 3), count(*) FILTER (WHERE ce.quad_class = 4)
            FROM pairs AS p
            JOIN corpus_events AS ce ON ce.corpus_event_id = p.corpus_event_id
            JOIN corpus_entities AS cs ON cs.corpus_id = p.source_id
            JOIN corpus_entities AS ct ON ct.corpus_id = p.target_id
            {clause}
            GROUP BY p.source_id, p.target_id, cs.name, cs.code, ct.name, ct.code
            ORDER BY count(*) DESC, p.source_id, p.target_id
            LIMIT @limit OFFSET @offset
            """, r => new ActorPair(
                new CorpusActor(r.GetInt64(0), r.GetString(1), Pg.Text(r, 2)),
                new CorpusActor(r.GetInt64(3), r.GetString(4), Pg.Text(r, 5)),
                Pg.Long(r, 6),
                Pg.Double(r, 7),
                [Pg.Long(r, 8), Pg.Long(r, 9), Pg.Long(r, 10), Pg.Long(r, 11)]),
            ct, [("@limit", limit), ("@offset", offset), .. parameters]).ConfigureAwait(false), cancellationToken);
    }

    /// <summary><paramref name="value"/> as an SQL string literal when it is a plain word (ASCII letters and underscores,
    /// at most 40), which cannot end the literal early; null otherwise (then it goes as a parameter).</summary>
    private static string? WordLiteral(string? value) =>
        value is { Length: > 0 and <= 40 } && value.All(c => char.IsAsciiLetter(c) || c == '_') ? "'" + value + "'" : null;

    /// <summary>The <c>LIMIT</c> as a number in the text (the read pool plans statements once, generically, and a
    /// generic plan of <c>LIMIT @limit</c> assumes a tenth of the rows: for an event filter it chose to read and sort all
    /// matching events rather than walk an index in the page's order), and an <c>OFFSET</c> parameter only past the first page.</summary>
    private static string LimitOffset(int limit, int offset, List<(string Name, object? Value)> parameters)
    {
        if (offset == 0)
        {
            return string.Create(CultureInfo.InvariantCulture, $"LIMIT {limit}");
        }

        parameters.Add(("@offset", offset));
        return string.Create(CultureInfo.InvariantCulture, $"LIMIT {limit} OFFSET @offset");
    }

    /// <summary>The confidence and domain conditions after <paramref name="keyword"/>, and their parameters.</summary>
    private static (string Clause, List<(string Name, object? Value)> Parameters) Filters(double minConfidence, string? domain, string keyword)
    {
        var conditions = new List<string>();
        var parameters = new List<(string Name, object? Value)>();
        if (minConfidence > 0)
        {
            conditions.Add(Confident(minConfidence));
        }

        if (DomainCondition(domain) is { } d)
        {
            conditions.Add(d.Condition);
            if (d.Value is not null)
            {
                parameters.Add(("@domain", d.Value));
            }
        }

        if (conditions.Count == 0)
        {
            return ("", parameters);
        }

        var first = keyword == "AND" ? "AND " : "WHERE ";
        return (first + string.Join(" AND ", conditions), parameters);
    }

    private static (string Condition, object? Value)? DomainCondition(string? domain) => DomainFilters.Parse(domain) switch
    {
        null => throw new ArgumentException($"Unknown domain '{domain}': expected one of {string.Join(", ", DomainFilters.Values)}.", nameof(domain)),
        DomainFilters.All => null,
        DomainFilters.General => ("ce.domain IS NULL", null),
        var flagged => ("ce.domain = @domain", flagged),
    };

    /// <summary>The entity an id or a name names: the entity of that id when the text is digits and one has it, else the
    /// best entity whose name or alias has the text's key (<see cref="NameKey"/>): names before aliases, then the most mentioned.</summary>
    private static async Task<long?> ResolveEntityAsync(NpgsqlConnection c, string idOrName, CancellationToken ct)
    {
        var (id, norm) = EntityKeys(idOrName);
        return id is null && norm is null ? null
            : await Pg.LongAsync(c, null, ResolveEntitySql, ct, ("@actorId", Pg.Bigint("@actorId", id)), ("@actorNorm", norm)).ConfigureAwait(false);
    }

    /// <summary>The id (when the text is digits) and the name key (null when empty) that <see cref="ResolveEntitySql"/> takes.</summary>
    private static (long? Id, string? Norm) EntityKeys(string idOrName)
    {
        var text = idOrName.Trim();
        long? id = text.Length > 0 && text.All(char.IsAsciiDigit) && long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed)
            ? parsed : null;
        var norm = NameKey.Normalise(text);
        return (id, norm.Length == 0 ? null : norm);
    }

    /// <summary>One value: the corpus id of <c>@actorId</c> when an entity has it, else that of the best entity named
    /// <c>@actorNorm</c>, else NULL (see <see cref="EntityKeys"/>).</summary>
    private const string ResolveEntitySql = """
        SELECT coalesce(
            (SELECT corpus_id FROM corpus_entities WHERE corpus_id = @actorId::bigint),
            (SELECT c.corpus_id FROM corpus_entity_aliases AS a JOIN corpus_entities AS c ON c.corpus_id = a.corpus_id
             WHERE a.norm = @actorNorm::text AND a.kind IN ('name', 'alias')
             GROUP BY c.corpus_id
             ORDER BY min(CASE a.kind WHEN 'name' THEN 0 ELSE 1 END), c.mention_count DESC, c.corpus_id
             LIMIT 1))
        """;

    private static async Task<CorpusEntitySummary?> EntityByIdAsync(NpgsqlConnection c, long id, CancellationToken ct) =>
        (await Pg.ReadAllAsync(c, null, $"SELECT {EntityColumns} FROM corpus_entities AS c WHERE c.corpus_id = @id", ReadEntity, ct, ("@id", id)).ConfigureAwait(false))
            .FirstOrDefault();

    /// <summary>The corpus events <paramref name="sql"/> selects (<see cref="EventColumns"/>, the id first) with their actors
    /// and evidence, in one statement and one round trip (<see cref="EventRowsSql"/>): the events query runs once, as a
    /// materialised CTE, and the actors and reports of its ids are read by key (<c>= ANY(ARRAY(…))</c>, through the
    /// indexes on <c>corpus_event_actors</c> and <c>events.corpus_event_id</c>), in the same result set.</summary>
    private static async Task<List<CorpusEventSummary>> ReadEventsAsync(NpgsqlConnection c, string sql, CancellationToken ct, params (string Name, object? Value)[] parameters)
    {
        var events = new List<EventRow>();
        var actorRows = new List<(long Event, string Side, CorpusActor Actor)>();
        var evidenceRows = new List<(long Event, CorpusEvidence Evidence, double Confidence)>();
        await using (var command = Pg.Command(c, null, EventRowsSql(sql), parameters))
        await using (var r = await command.ExecuteReaderAsync(ct).ConfigureAwait(false))
        {
            while (await r.ReadAsync(ct).ConfigureAwait(false))
            {
                switch (r.GetInt32(EventRowPart))
                {
                    case 0:
                        events.Add(new EventRow(
                            r.GetInt64(0), r.GetString(1), Pg.Text(r, 2), r.GetString(3), Pg.Int(r, 4), r.GetDouble(5), r.GetString(6),
                            Pg.Text(r, 7), Pg.ParseDay(r, 8), Pg.ParseDay(r, 9), Pg.Text(r, 10), Pg.Long(r, 11), Pg.Long(r, 12), Pg.Long(r, 13),
                            Pg.Text(r, 14), Sqlite.PlaceJson.Deserialize(Pg.Text(r, 15)), Pg.Text(r, 16)));
                        break;
                    case 1:
                        actorRows.Add((r.GetInt64(0), r.GetString(1), new CorpusActor(Pg.NullableLong(r, 11), r.GetString(2), Pg.Text(r, 3))));
                        break;
                    default:
                        var published = Pg.ParseDay(r, 3);
                        var source = EventMerger.SourceOf(new DocumentMetadata(Pg.Text(r, 2), r.GetString(6), published, Pg.Text(r, 7)));
                        evidenceRows.Add((r.GetInt64(0), new CorpusEvidence(r.GetString(1), Pg.Text(r, 2), published, source,
                            r.GetString(8), r.GetString(9), r.GetString(10), r.GetString(14)), r.GetDouble(5)));
                        break;
                }
            }
        }

        if (events.Count == 0)
        {
            return [];
        }

        var actors = actorRows.ToLookup(a => (a.Event, a.Side), a => a.Actor);
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

    /// <summary>The column of <see cref="EventRowsSql"/> that says what a row is: 0 an event, 1 an actor, 2 a report.</summary>
    private const int EventRowPart = 17;

    /// <summary>One statement for the events <paramref name="eventsSql"/> selects, their actors and their reports: one
    /// result set whose rows are the events (part 0, the <see cref="EventColumns"/> in the query's order), then their
    /// actors (part 1: id, side, name, code, and the entity id in column 11; by event, side and ordinal), then their
    /// reports (part 2: id, document id, title, published, -, confidence, source, url, event id, trigger, status, -,
    /// -, -, evidence; by event, date, document and ordinal). The actors' names and codes and the reports' document
    /// columns are the copies on their own rows (migration 11), so neither <c>corpus_entities</c> nor <c>documents</c> is read. Each branch of the <c>UNION ALL</c> is sorted and
    /// PostgreSQL appends them in order; the events query (a materialised CTE) runs once. The same text for the same
    /// filter, so a connection prepares it once (auto-prepare).</summary>
    private static string EventRowsSql(string eventsSql) => $"""
        WITH ev AS MATERIALIZED ({eventsSql})
        (SELECT ev.*, 0 AS part FROM ev)
        UNION ALL
        (SELECT a.corpus_event_id, a.side, coalesce(a.entity_name, a.text), coalesce(a.entity_code, a.code), NULL, NULL, NULL, NULL, NULL, NULL, NULL,
                a.corpus_id, NULL, NULL, NULL, NULL, NULL, 1
         FROM corpus_event_actors AS a
         WHERE a.corpus_event_id = ANY(ARRAY(SELECT corpus_event_id FROM ev))
         ORDER BY a.corpus_event_id, a.side, a.ordinal)
        UNION ALL
        (SELECT e.corpus_event_id, e.document_id, e.document_title, e.document_published, NULL, e.confidence, e.document_source, e.document_url,
                e.event_id, e.trigger_text, e.status, NULL, NULL, NULL, e.evidence, NULL, NULL, 2
         FROM events AS e
         WHERE e.corpus_event_id = ANY(ARRAY(SELECT corpus_event_id FROM ev))
         ORDER BY e.corpus_event_id, e.document_published NULLS LAST, e.document_id, e.ordinal)
        """;

    /// <summary>One corpus event row of <see cref="EventRowsSql"/>, before its actors and reports are attached.</summary>
    private sealed record EventRow(long Id, string Type, string? Mode, string Cameo, int Quad, double Goldstein, string Status, string? Date,
        DateOnly? Day, DateOnly? Published, string? Location, long Mentions, long Articles, long Sources, string? Domain, Place? Place, string? Scope);

    /// <summary>A function from a sentence index (or, past the decoded sentences, a span) to that sentence's text, for
    /// each of the documents <paramref name="docKeys"/>, in one statement; a document that is gone gives empty texts.</summary>
    private static async Task<Dictionary<long, Func<int, int, int, string>>> SentenceReadersAsync(NpgsqlConnection c, long[] docKeys, CancellationToken ct)
    {
        var readers = docKeys.ToDictionary(k => k, _ => (Func<int, int, int, string>)((_, _, _) => ""));
        if (docKeys.Length == 0)
        {
            return readers;
        }

        var rows = await Pg.ReadAllAsync(c, null, "SELECT doc_key, text, layers FROM documents WHERE doc_key = ANY(@keys)",
            r => (Key: r.GetInt64(0), Text: r.GetString(1), Layers: r.IsDBNull(2) ? null : (byte[])r.GetValue(2)), ct, ("@keys", docKeys)).ConfigureAwait(false);
        foreach (var (key, text, layers) in rows)
        {
            readers[key] = SentenceReader(text, layers);
        }

        return readers;
    }

    private static Func<int, int, int, string> SentenceReader(string text, byte[]? layers)
    {
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
                return Flat(text[s.Start..s.End]);
            }

            start = Math.Clamp(start, 0, text.Length);
            end = Math.Clamp(end, start, text.Length);
            var from = text.LastIndexOf('\n', Math.Max(0, start - 1)) + 1;
            var to = text.IndexOf('\n', end);
            return Flat(text[from..(to < 0 ? text.Length : to)]);
        };
    }

    private static string Flat(string text) => text.ReplaceLineEndings(" ").Trim();

    private static CorpusEntitySummary ReadEntity(NpgsqlDataReader r) => new(
        r.GetInt64(0), r.GetString(1), r.GetString(2), Pg.Text(r, 3), Pg.Text(r, 4), Pg.Text(r, 5),
        Pg.Long(r, 6), Pg.Long(r, 7), Pg.ParseDay(r, 8), Pg.ParseDay(r, 9));
}
