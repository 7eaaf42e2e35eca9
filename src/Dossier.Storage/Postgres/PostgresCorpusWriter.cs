using System.Globalization;
using Dossier.Core.Documents;
using Dossier.Core.Labels;
using Dossier.Storage.Corpus;
using Npgsql;

namespace Dossier.Storage.Postgres;

/// <summary>
/// Links one stored document into the corpus, as <c>Sqlite.CorpusWriter</c> does and with the same rules (entities
/// joined by chains of shared names, events by chains of agreeing dates, every kept attribute a sum, a minimum, a
/// maximum or the first in a fixed order), so that both stores build the same corpus from the same documents in any
/// order. Runs inside the transaction that stores the document, after its document and layer rows, and takes the advisory
/// lock <see cref="PostgresSchema.CorpusLock"/> ahead of its first read: one writer at a time links, in whatever process,
/// so the corpus a writer reads is the one it updates and two writers never both create one entity or event.
/// </summary>
internal sealed class PostgresCorpusWriter(PgBatch batch)
{
    /// <summary>How a corpus entity's role row that exists already takes another: the least title, organisation and
    /// country (the "C" collation, as the SQLite writer), the widest span of days, and the documents added.</summary>
    private const string RoleMet = """

        ON CONFLICT (corpus_id, role_key) DO UPDATE SET
            title = LEAST(r.title, excluded.title),
            organization = LEAST(r.organization, excluded.organization),
            country = LEAST(r.country, excluded.country),
            first_seen = LEAST(r.first_seen, excluded.first_seen),
            last_seen = GREATEST(r.last_seen, excluded.last_seen),
            document_count = r.document_count + excluded.document_count
        """;

    private readonly PgBatch _batch = batch;

    // What this link knows of the corpus, read once under the lock and kept up to date by this link's own writes (no other
    // writer changes the corpus while the lock is held): the names and types of the corpus entities that share a link key
    // with an entity of the document, and their name and alias keys among the document's keys; then the reports of the
    // corpus events that share a key with an event of the document.
    private readonly Dictionary<long, string> _names = [];
    private readonly Dictionary<long, string> _types = [];
    private readonly HashSet<(long Id, string Norm)> _keys = [];
    private readonly List<Member> _members = [];
    private readonly Queue<long> _entityIds = new();
    private readonly Queue<long> _eventIds = new();

    // Writes gathered while the document's entities are linked and sent as one set-based statement each (an array a column)
    // instead of one statement a row: the document's entity rows' corpus ids, and the corpus entities' name rows (by key,
    // in the order added). Sent before anything that reads or moves those rows (a merge, a change of bareness) and at the
    // end of the entities: the statements see the same rows as the one-row statements did.
    private readonly List<(string Entity, long Id)> _entityLinks = [];
    private readonly List<(long Id, string Norm, string Kind, string Alias, string Type, bool Bare)> _aliases = [];

    // The same for the document's events: their rows' corpus event ids (which a merge of corpus events in this document
    // repoints here), and the corpus events they touched, refreshed together once every event is linked.
    private readonly List<(string Event, long Id)> _eventLinks = [];

    /// <summary>Round trips and statements of the last <see cref="LinkAsync"/>, for tests and measurements.</summary>
    public (int RoundTrips, int Statements) Cost => (_batch.RoundTrips, _batch.Statements);

    /// <summary>Links the document under the corpus lock (taken here; a document without entities or events needs none), in a few round trips: writes are queued and sent with the
    /// next read (<see cref="PgBatch"/>), and the corpus rows the link needs are read up front, two queries in all for a
    /// document without merges.</summary>
    public async Task LinkAsync(long docKey, Document document)
    {
        if (document.Entities.IsDefaultOrEmpty && document.Events.IsDefaultOrEmpty)
        {
            await _batch.FlushAsync().ConfigureAwait(false);
            return;
        }

        // The corpus lock, queued ahead of the link's first read (and after the document's layer rows, which need no lock):
        // no statement of the link runs before it is granted. A statement without columns, so the batch reads past it.
        _batch.Queue($"SELECT FROM pg_advisory_xact_lock({PostgresSchema.CorpusLock})");
        var published = document.Metadata.Published;
        var entityIds = await LinkEntitiesAsync(docKey, document, published).ConfigureAwait(false);
        await LinkEventsAsync(docKey, document, published, entityIds).ConfigureAwait(false);
        await _batch.FlushAsync().ConfigureAwait(false);
    }

    private async Task<Dictionary<string, long>> LinkEntitiesAsync(long docKey, Document document, DateOnly? published)
    {
        var links = new Dictionary<string, long>(StringComparer.Ordinal);
        var entities = document.Entities.IsDefault ? [] : document.Entities;
        var personNames = EntityMatcher.PersonNamesIn(document);
        var rolesInDocument = new HashSet<(long, string)>();
        var ordered = entities
            .Select((e, i) => (Entity: e, Index: i))
            .Where(p => EntityMatcher.IsLinkable(p.Entity))
            .OrderByDescending(p => NameKey.WordCount(NameKey.Normalise(p.Entity.Name)))
            .ThenBy(p => p.Index)
            .Select(p => (p.Entity, Keys: EntityMatcher.LinkKeys(p.Entity, personNames)))
            .ToList();
        var day = Pg.Day(published);

        // One round trip: the corpus entities any of the document's lookups (key, type, bareness) finds, and ids for the
        // new ones. Each name row carries its entity's type and bareness, so only the rows of entities a lookup may join
        // are read.
        var lookups = ordered.SelectMany(p => p.Keys.Keys.Select(k => (Norm: k, p.Entity.Type, p.Keys.Bare))).Distinct().ToArray();
        var reads = new List<PgRead>();
        if (lookups.Length > 0)
        {
            reads.Add(new PgRead("""
                SELECT DISTINCT a.corpus_id, a.norm, c.name, c.type
                FROM unnest(@norms, @types, @bares) AS k (norm, type, bare)
                JOIN corpus_entity_aliases AS a ON a.norm = k.norm AND a.type = k.type AND a.bare = k.bare
                JOIN corpus_entities AS c ON c.corpus_id = a.corpus_id
                WHERE a.kind IN ('name', 'alias')
                """, [("@norms", lookups.Select(l => l.Norm).ToArray()), ("@types", lookups.Select(l => l.Type).ToArray()),
                    ("@bares", lookups.Select(l => l.Bare).ToArray())], r =>
                {
                    var id = r.GetInt64(0);
                    _keys.Add((id, r.GetString(1)));
                    _names[id] = r.GetString(2);
                    _types[id] = r.GetString(3);
                }));
        }

        if (ordered.Count > 0)
        {
            reads.Add(NewIds("corpus_entities", "corpus_id", ordered.Count, _entityIds));
        }

        if (reads.Count > 0)
        {
            await _batch.ReadAsync([.. reads]).ConfigureAwait(false);
        }

        foreach (var (entity, keys) in ordered)
        {
            var display = EntityMatcher.DisplayName(entity);
            var found = FindEntities(keys, entity.Type);
            long id;
            if (found.Count == 0)
            {
                id = _entityIds.Dequeue();
                _names[id] = display;
                _types[id] = entity.Type;
                _batch.Queue("""
                    INSERT INTO corpus_entities (corpus_id, name, type, country, sector, code, code_published)
                    VALUES (@id, @name, @type, @country, @sector, @code, CASE WHEN @sector IS NULL AND @code IS NULL THEN NULL ELSE @day END)
                    """,
                    ("@id", id), ("@name", display), ("@type", entity.Type), ("@country", entity.Country), ("@sector", entity.Sector),
                    ("@code", entity.Code), ("@day", day));
            }
            else
            {
                id = found[0];
                foreach (var other in found.Skip(1))
                {
                    QueueEntityWrites(docKey);
                    await MergeEntityAsync(other, id).ConfigureAwait(false);
                    foreach (var link in links.Where(l => l.Value == other).ToList())
                    {
                        links[link.Key] = id;
                    }

                    foreach (var role in rolesInDocument.Where(r => r.Item1 == other).ToList())
                    {
                        rolesInDocument.Remove(role);
                        rolesInDocument.Add((id, role.Item2));
                    }
                }

                Absorb(id, display, entity.Country, entity.Sector, entity.Code, day);
            }

            AddName(id, display, "name");
            AddName(id, entity.Name, "alias");
            foreach (var alias in entity.Aliases.IsDefault ? [] : entity.Aliases)
            {
                AddName(id, alias, "alias");
            }

            if (entity.Type == EntityTypes.Person && !keys.Bare)
            {
                foreach (var key in keys.Keys)
                {
                    AddKey(id, NameKey.LastWord(key), "surname", display);
                }
            }

            var mentions = entity.Mentions.IsDefault ? 0 : entity.Mentions.Length;
            // A document counts once per corpus entity: not when an entity of it linked earlier (merges included: links
            // follows them) already counted it.
            _batch.Queue("""
                UPDATE corpus_entities SET
                    mention_count = mention_count + @mentions,
                    document_count = document_count + @newDocument,
                    first_seen = LEAST(first_seen, @day),
                    last_seen = GREATEST(last_seen, @day)
                WHERE corpus_id = @id
                """,
                ("@id", id), ("@mentions", (long)Math.Max(1, mentions)), ("@newDocument", links.ContainsValue(id) ? 0L : 1L), ("@day", day));

            foreach (var role in entity.Roles.IsDefault ? [] : entity.Roles)
            {
                var roleKey = RoleKey(role.Title, role.Organization, role.Country, role.Status);
                var newDocument = rolesInDocument.Add((id, roleKey)) ? 1L : 0L;
                // A role row that is new to the corpus is new to this document too, so @newDocument is 1 when it is inserted.
                _batch.Queue("""
                    INSERT INTO corpus_entity_roles AS r (corpus_id, role_key, title, organization, country, status, first_seen, last_seen, document_count)
                    VALUES (@id, @key, @title, @organization, @country, @status, @day, @day, @newDocument)
                    """ + RoleMet,
                    ("@id", id), ("@key", roleKey), ("@title", role.Title), ("@organization", role.Organization),
                    ("@country", role.Country), ("@status", role.Status), ("@day", day), ("@newDocument", newDocument));
            }

            _entityLinks.Add((entity.Id, id));
            links[entity.Id] = id;
        }

        QueueEntityWrites(docKey);
        return links;
    }

    /// <summary>Queues the gathered entity links (<c>entities.corpus_id</c> of the document's rows) and name rows, one
    /// statement each.</summary>
    private void QueueEntityWrites(long docKey)
    {
        QueueAliases();
        if (_entityLinks.Count > 0)
        {
            _batch.Queue("""
                UPDATE entities AS e SET corpus_id = l.id
                FROM unnest(@entities::text[], @ids::bigint[]) AS l (entity_id, id)
                WHERE e.doc_key = @doc AND e.entity_id = l.entity_id
                """,
                ("@entities", _entityLinks.Select(l => l.Entity).ToArray()), ("@ids", _entityLinks.Select(l => l.Id).ToArray()), ("@doc", docKey));
            _entityLinks.Clear();
        }
    }

    /// <summary>Queues the gathered name rows of corpus entities, one statement.</summary>
    private void QueueAliases()
    {
        if (_aliases.Count > 0)
        {
            // One row a key: the least alias (as ON CONFLICT … LEAST did row by row), the type and bareness of the first.
            _batch.Queue("""
                INSERT INTO corpus_entity_aliases AS a (corpus_id, norm, kind, alias, type, bare)
                SELECT id, norm, kind, min(alias COLLATE "C"), (array_agg(type ORDER BY n))[1], (array_agg(bare ORDER BY n))[1]
                FROM unnest(@ids::bigint[], @norms::text[], @kinds::text[], @aliases::text[], @types::text[], @bares::boolean[]) WITH ORDINALITY
                    AS k (id, norm, kind, alias, type, bare, n)
                GROUP BY id, norm, kind
                ON CONFLICT (corpus_id, norm, kind) DO UPDATE SET alias = LEAST(a.alias, excluded.alias)
                """,
                ("@ids", _aliases.Select(a => a.Id).ToArray()), ("@norms", _aliases.Select(a => a.Norm).ToArray()),
                ("@kinds", _aliases.Select(a => a.Kind).ToArray()), ("@aliases", _aliases.Select(a => a.Alias).ToArray()),
                ("@types", _aliases.Select(a => a.Type).ToArray()), ("@bares", _aliases.Select(a => a.Bare).ToArray()));
            _aliases.Clear();
        }
    }

    /// <summary>Reads <paramref name="count"/> values of the identity sequence of <paramref name="table"/> into <paramref name="into"/>
    /// (in the order the sequence gives them, so ids still grow in the order rows are added).</summary>
    private static PgRead NewIds(string table, string column, int count, Queue<long> into) =>
        new($"SELECT nextval(pg_get_serial_sequence('{table}', '{column}')) FROM generate_series(1, @n) ORDER BY 1", [("@n", count)],
            r => into.Enqueue(r.GetInt64(0)));

    private static string RoleKey(string title, string? organization, string? country, string status) =>
        string.Join('|', NameKey.Normalise(title), NameKey.Normalise(organization), (country ?? "").ToUpperInvariant(), status);

    /// <summary>The corpus entities of <paramref name="type"/> that one of <paramref name="keys"/> names (as a name or an alias)
    /// and whose bareness matches, smallest id first: the query of <c>Sqlite.CorpusWriter</c>, answered from what this link
    /// read under the lock and has written since.</summary>
    private List<long> FindEntities(EntityLinkKeys keys, string type)
    {
        if (keys.Keys.Count == 0)
        {
            return [];
        }

        var wanted = keys.Keys.ToHashSet(StringComparer.Ordinal);
        return _keys
            .Where(k => wanted.Contains(k.Norm))
            .Select(k => k.Id)
            .Distinct()
            .Where(id => _types[id] == type && EntityMatcher.IsBarePerson(type, _names[id]) == keys.Bare)
            .Order()
            .ToList();
    }

    private void Absorb(long id, string name, string? country, string? sector, string? code, string? day)
    {
        var fuller = EntityMatcher.FullerName(_names[id], name);
        if (EntityMatcher.IsBarePerson(_types[id], fuller) != EntityMatcher.IsBarePerson(_types[id], _names[id]))
        {
            // Not seen: an entity is found only by keys of its own bareness, whose names keep it. Kept true all the same.
            QueueAliases();
            _batch.Queue("UPDATE corpus_entity_aliases SET bare = @bare WHERE corpus_id = @id",
                ("@id", id), ("@bare", EntityMatcher.IsBarePerson(_types[id], fuller)));
        }

        _names[id] = fuller;
        _batch.Queue("""
            UPDATE corpus_entities SET name = @name, country = LEAST(country, @country)
            WHERE corpus_id = @id
            """,
            ("@id", id), ("@name", fuller), ("@country", country));
        _batch.Queue("""
            UPDATE corpus_entities SET sector = @sector, code = @code, code_published = @day
            WHERE corpus_id = @id AND (@sector IS NOT NULL OR @code IS NOT NULL)
              AND (code_published IS NULL AND sector IS NULL AND code IS NULL
                   OR (coalesce(@day, ''), coalesce(@code, ''), coalesce(@sector, '')) > (coalesce(code_published, ''), coalesce(code, ''), coalesce(sector, '')))
            """,
            ("@id", id), ("@sector", sector), ("@code", code), ("@day", day));
    }

    private async Task MergeEntityAsync(long from, long into)
    {
        var row = (await _batch.ReadAllAsync(
            "SELECT name, country, sector, code, code_published, first_seen, last_seen, mention_count FROM corpus_entities WHERE corpus_id = @id",
            r => (Name: r.GetString(0), Country: Pg.Text(r, 1), Sector: Pg.Text(r, 2), Code: Pg.Text(r, 3), CodePublished: Pg.Text(r, 4),
                First: Pg.Text(r, 5), Last: Pg.Text(r, 6), Mentions: r.GetInt64(7)),
            ("@id", from)).ConfigureAwait(false))[0];

        Absorb(into, row.Name, row.Country, row.Sector, row.Code, row.CodePublished);
        foreach (var key in _keys.Where(k => k.Id == from).ToList())
        {
            _keys.Remove(key);
            _keys.Add((into, key.Norm));
        }

        _names.Remove(from);
        _types.Remove(from);
        var (sharedDocuments, sharedRoles) = await SharedDocumentsAsync(from, into).ConfigureAwait(false);
        _batch.Queue("UPDATE entities SET corpus_id = @into WHERE corpus_id = @from", ("@into", into), ("@from", from));
        _batch.Queue("""
            INSERT INTO corpus_entity_aliases AS a (corpus_id, norm, kind, alias, type, bare)
            SELECT @into, norm, kind, alias, @type, @bare FROM corpus_entity_aliases WHERE corpus_id = @from
            ON CONFLICT (corpus_id, norm, kind) DO UPDATE SET alias = LEAST(a.alias, excluded.alias)
            """, ("@into", into), ("@from", from), ("@type", _types[into]), ("@bare", EntityMatcher.IsBarePerson(_types[into], _names[into])));
        _batch.Queue("""
            UPDATE corpus_entities SET
                mention_count = mention_count + @mentions,
                document_count = document_count + (SELECT document_count FROM corpus_entities WHERE corpus_id = @from) - @shared,
                first_seen = LEAST(first_seen, @first),
                last_seen = GREATEST(last_seen, @last)
            WHERE corpus_id = @id
            """, ("@id", into), ("@from", from), ("@shared", sharedDocuments), ("@mentions", row.Mentions), ("@first", row.First), ("@last", row.Last));
        // The roles: each of the two counts its documents, so a role's count is the sum less the documents where both
        // have it; the other fields are minima and maxima (the "C" collation: as the SQLite writer).
        _batch.Queue("""
            INSERT INTO corpus_entity_roles AS r (corpus_id, role_key, title, organization, country, status, first_seen, last_seen, document_count)
            SELECT @into, role_key, title, organization, country, status, first_seen, last_seen, document_count
            FROM corpus_entity_roles WHERE corpus_id = @from
            """ + RoleMet, ("@into", into), ("@from", from));
        foreach (var (roleKey, shared) in sharedRoles)
        {
            _batch.Queue("UPDATE corpus_entity_roles SET document_count = document_count - @shared WHERE corpus_id = @id AND role_key = @key",
                ("@id", into), ("@key", roleKey), ("@shared", shared));
        }

        var events = await _batch.ReadAllAsync(
            "SELECT DISTINCT corpus_event_id FROM corpus_event_actors WHERE corpus_id = @from ORDER BY 1", r => r.GetInt64(0), ("@from", from)).ConfigureAwait(false);
        // The actor rows take the entity's name and code with its id (the copies the event lists read; migration 11).
        _batch.Queue("""
            UPDATE corpus_event_actors AS a SET corpus_id = @into, entity_name = c.name, entity_code = c.code
            FROM corpus_entities AS c WHERE c.corpus_id = @into AND a.corpus_id = @from
            """, ("@into", into), ("@from", from));
        _batch.Queue("DELETE FROM corpus_entities WHERE corpus_id = @from", ("@from", from));
        foreach (var eventId in events)
        {
            await RekeyEventAsync(eventId, "e:" + from.ToString(CultureInfo.InvariantCulture), "e:" + into.ToString(CultureInfo.InvariantCulture)).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// The documents where members of both corpus entities appear, and per role key those where members of both hold it:
    /// what the sums of their counts count twice (<c>Sqlite.CorpusWriter.SharedDocuments</c>). Read from the side with
    /// fewer documents, the other side only in those documents, so the cost is bounded by the smaller entity.
    /// </summary>
    private async Task<(long Documents, Dictionary<string, long> Roles)> SharedDocumentsAsync(long a, long b)
    {
        var counts = (await _batch.ReadAllAsync("SELECT corpus_id, document_count FROM corpus_entities WHERE corpus_id IN (@a, @b)",
            r => (Id: r.GetInt64(0), Count: r.GetInt64(1)), ("@a", a), ("@b", b)).ConfigureAwait(false)).ToDictionary(c => c.Id, c => c.Count);
        var (small, large) = counts.GetValueOrDefault(a) <= counts.GetValueOrDefault(b) ? (a, b) : (b, a);
        var smallRoles = await MemberRolesAsync("e.corpus_id = @id", ("@id", small)).ConfigureAwait(false);
        var largeRoles = smallRoles.Count == 0 ? []
            : await MemberRolesAsync("e.corpus_id = @id AND e.doc_key = ANY(@docs)", ("@id", large), ("@docs", smallRoles.Keys.ToArray())).ConfigureAwait(false);
        return MemberOverlap.Count(smallRoles, largeRoles.GetValueOrDefault);
    }

    /// <summary>The documents of the member entities that <paramref name="where"/> selects, each with its members' role keys.</summary>
    private async Task<Dictionary<long, HashSet<string>>> MemberRolesAsync(string where, params (string Name, object? Value)[] parameters)
    {
        var rows = await _batch.ReadAllAsync($"""
            SELECT e.doc_key, r.title, r.organization, r.country, r.status
            FROM entities AS e
            LEFT JOIN entity_roles AS r ON r.doc_key = e.doc_key AND r.entity_id = e.entity_id
            WHERE {where}
            """, r => (Doc: r.GetInt64(0), Key: r.IsDBNull(1) ? null : RoleKey(r.GetString(1), Pg.Text(r, 2), Pg.Text(r, 3), r.GetString(4))),
            parameters).ConfigureAwait(false);
        var documents = new Dictionary<long, HashSet<string>>();
        foreach (var (doc, key) in rows)
        {
            if (!documents.TryGetValue(doc, out var keys))
            {
                documents[doc] = keys = new HashSet<string>(StringComparer.Ordinal);
            }

            if (key is not null)
            {
                keys.Add(key);
            }
        }

        return documents;
    }

    private static string? Min(string? a, string? b) => a is null ? b : b is null ? a : string.CompareOrdinal(a, b) <= 0 ? a : b;

    private static string? Max(string? a, string? b) => a is null ? b : b is null ? a : string.CompareOrdinal(a, b) >= 0 ? a : b;

    private async Task LinkEventsAsync(long docKey, Document document, DateOnly? published, Dictionary<string, long> entityIds)
    {
        var events = document.Events.IsDefault ? [] : document.Events;
        if (events.Length == 0)
        {
            return;
        }

        var day = Pg.Day(published);
        var source = EventMerger.SourceOf(document.Metadata);
        var keyed = events.Select(e => (Event: e, Key: EventMerger.KeyOf(e, id => entityIds.TryGetValue(id, out var corpusId) ? corpusId : null))).ToList();

        // One round trip (with the entity writes still queued): every report of the corpus events that share a key with an
        // event of the document, and ids for the new ones.
        var groups = keyed.Where(k => k.Key.IsMergeable).Select(k => k.Key).Distinct().ToList();
        var reads = new List<PgRead>();
        if (groups.Count > 0)
        {
            reads.Add(new PgRead($"""
                {MemberColumns}
                FROM unnest(@types::text[], @sources::text[], @targets::text[], @classes::text[]) AS k(type, source_key, target_key, status_class)
                JOIN corpus_events AS c ON c.type = k.type AND c.source_key = k.source_key AND c.target_key = k.target_key AND c.status_class = k.status_class
                JOIN events AS e ON e.corpus_event_id = c.corpus_event_id
                JOIN documents AS d ON d.doc_key = e.doc_key
                """,
                [("@types", groups.Select(g => g.Type).ToArray()), ("@sources", groups.Select(g => g.SourceKey).ToArray()),
                 ("@targets", groups.Select(g => g.TargetKey).ToArray()), ("@classes", groups.Select(g => g.StatusClass).ToArray())],
                r => _members.Add(ReadMember(r))));
        }

        reads.Add(NewIds("corpus_events", "corpus_event_id", events.Length, _eventIds));
        await _batch.ReadAsync([.. reads]).ConfigureAwait(false);

        foreach (var (e, key) in keyed)
        {
            var dateValue = string.IsNullOrWhiteSpace(e.Date?.Value) ? null : e.Date.Value;
            var mention = new EventMention(dateValue, published, e.Status);
            var joined = key.IsMergeable
                ? _members.Where(m => m.Key == key && EventMerger.Agree(mention, m.Mention)).Select(m => m.Id).Distinct().Order().ToList()
                : [];

            long id;
            if (joined.Count > 0)
            {
                id = joined[0];
                foreach (var other in joined.Skip(1))
                {
                    MergeEvent(other, id);
                    for (var i = 0; i < _members.Count; i++)
                    {
                        if (_members[i].Id == other)
                        {
                            _members[i] = _members[i] with { Id = id };
                        }
                    }
                }
            }
            else
            {
                id = _eventIds.Dequeue();
                _batch.Queue("""
                    INSERT INTO corpus_events (corpus_event_id, type, mode, cameo, quad_class, goldstein, status, status_class, date_value, date_day,
                                               location_text, source_key, target_key, first_published, last_published)
                    VALUES (@id, @type, @mode, @cameo, @quad, @goldstein, @status, @class, @date, @dateDay, @location, @sourceKey, @targetKey, @day, @day)
                    """,
                    ("@id", id), ("@type", key.Type), ("@mode", e.Mode), ("@cameo", e.Cameo), ("@quad", e.QuadClass), ("@goldstein", e.Goldstein),
                    ("@status", e.Status), ("@class", key.StatusClass), ("@date", dateValue), ("@dateDay", Pg.Day(EventMerger.DayOf(dateValue))),
                    ("@location", e.Location?.Text), ("@sourceKey", key.SourceKey), ("@targetKey", key.TargetKey), ("@day", day));
            }

            _eventLinks.Add((e.Id, id));
            // The report as the member query would read it back; the corpus event's key is the one it was inserted or found with.
            _members.Add(new Member(id, new CorpusEventKey(key.Type, key.SourceKey, key.TargetKey, key.StatusClass),
                new Report(docKey, e.Id, e.Status, e.Mode, e.Cameo, e.QuadClass, e.Goldstein, dateValue, e.Location?.Text, day, document.Id)));
        }

        // The events' links and the document's source, one statement each (the ids are the final ones: merges above
        // repointed them), then every corpus event that took a report, from all its reports: what the last of the
        // one-event refreshes left (a corpus event's reports change only where it is touched).
        var linked = _eventLinks.Select(l => l.Id).Distinct().ToArray();
        _batch.Queue("INSERT INTO corpus_event_sources (corpus_event_id, source) SELECT unnest(@ids::bigint[]), @source ON CONFLICT DO NOTHING",
            ("@ids", linked), ("@source", source));
        _batch.Queue("""
            UPDATE events AS e SET corpus_event_id = l.id
            FROM unnest(@events::text[], @ids::bigint[]) AS l (event_id, id)
            WHERE e.doc_key = @doc AND e.event_id = l.event_id
            """,
            ("@events", _eventLinks.Select(l => l.Event).ToArray()), ("@ids", _eventLinks.Select(l => l.Id).ToArray()), ("@doc", docKey));
        _eventLinks.Clear();
        RefreshEvents(linked.Select(id => (id, _members.Where(m => m.Id == id).Select(m => m.Report).ToList())).ToList());
    }

    /// <summary>One report of a corpus event: what the merge rules and <see cref="RefreshEvents"/> need of it.</summary>
    private sealed record Report(long Doc, string Event, string Status, string? Mode, string Cameo, long Quad, double Goldstein, string? Date,
        string? Location, string? Published, string DocId);

    /// <summary>A report of a corpus event whose key the document's events share.</summary>
    private sealed record Member(long Id, CorpusEventKey Key, Report Report)
    {
        public EventMention Mention => new(Report.Date, ParseDay(Report.Published), Report.Status);
    }

    private const string MemberColumns = """
        SELECT c.corpus_event_id, c.type, c.source_key, c.target_key, c.status_class,
               e.doc_key, e.event_id, e.status, e.mode, e.cameo, e.quad_class, e.goldstein, e.date_value, e.location_text, d.published, d.id
        """;

    private static Member ReadMember(NpgsqlDataReader r) =>
        new(r.GetInt64(0), new CorpusEventKey(r.GetString(1), r.GetString(2), r.GetString(3), r.GetString(4)), ReadReport(r, 5));

    private static Report ReadReport(NpgsqlDataReader r, int at)
    {
        var date = Pg.Text(r, at + 7);
        return new Report(r.GetInt64(at), r.GetString(at + 1), r.GetString(at + 2), Pg.Text(r, at + 3), r.GetString(at + 4), Pg.Long(r, at + 5),
            r.GetDouble(at + 6), string.IsNullOrWhiteSpace(date) ? null : date, Pg.Text(r, at + 8), Pg.Text(r, at + 9), r.GetString(at + 10));
    }

    private static DateOnly? ParseDay(string? day) =>
        day is not null && DateOnly.TryParseExact(day, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;

    /// <summary>The reports of the corpus events with <paramref name="key"/>, read from the store (entity merges re-key events
    /// before the document's events are linked).</summary>
    private async Task<List<Member>> GroupMembersAsync(CorpusEventKey key) =>
        await _batch.ReadAllAsync($"""
            {MemberColumns}
            FROM corpus_events AS c
            JOIN events AS e ON e.corpus_event_id = c.corpus_event_id
            JOIN documents AS d ON d.doc_key = e.doc_key
            WHERE c.type = @type AND c.source_key = @source AND c.target_key = @target AND c.status_class = @class
            """, ReadMember,
            ("@type", key.Type), ("@source", key.SourceKey), ("@target", key.TargetKey), ("@class", key.StatusClass)).ConfigureAwait(false);

    private void MergeEvent(long from, long into)
    {
        for (var i = 0; i < _eventLinks.Count; i++)
        {
            if (_eventLinks[i].Id == from)
            {
                _eventLinks[i] = _eventLinks[i] with { Id = into };
            }
        }

        _batch.Queue("UPDATE events SET corpus_event_id = @into WHERE corpus_event_id = @from", ("@into", into), ("@from", from));
        _batch.Queue("INSERT INTO corpus_event_sources (corpus_event_id, source) SELECT @into, source FROM corpus_event_sources WHERE corpus_event_id = @from ON CONFLICT DO NOTHING",
            ("@into", into), ("@from", from));
        _batch.Queue("DELETE FROM corpus_events WHERE corpus_event_id = @from", ("@from", from));
    }

    private async Task RekeyEventAsync(long id, string oldActor, string newActor)
    {
        var keys = await _batch.ReadAllAsync(
            "SELECT type, source_key, target_key, status_class FROM corpus_events WHERE corpus_event_id = @id",
            r =>
            {
                string Rekey(string side) => EventMerger.SideKey(side.Split('|', StringSplitOptions.RemoveEmptyEntries).Select(a => a == oldActor ? newActor : a));
                return new CorpusEventKey(r.GetString(0), Rekey(r.GetString(1)), Rekey(r.GetString(2)), r.GetString(3));
            }, ("@id", id)).ConfigureAwait(false);
        if (keys.Count == 0)
        {
            return;
        }

        var key = keys[0];
        _batch.Queue("UPDATE corpus_events SET source_key = @source, target_key = @target WHERE corpus_event_id = @id",
            ("@id", id), ("@source", key.SourceKey), ("@target", key.TargetKey));
        var members = await GroupMembersAsync(key).ConfigureAwait(false);
        var mine = members.Where(m => m.Id == id).Select(m => m.Mention).ToList();
        var joined = members
            .Where(m => m.Id != id && mine.Any(x => EventMerger.Agree(x, m.Mention)))
            .Select(m => m.Id)
            .Append(id)
            .Distinct()
            .Order()
            .ToList();
        if (joined.Count == 1)
        {
            return;
        }

        foreach (var other in joined.Skip(1))
        {
            MergeEvent(other, joined[0]);
        }

        await RefreshEventFromStoreAsync(joined[0]).ConfigureAwait(false);
    }

    private async Task RefreshEventFromStoreAsync(long id)
    {
        var rows = await _batch.ReadAllAsync("""
            SELECT e.doc_key, e.event_id, e.status, e.mode, e.cameo, e.quad_class, e.goldstein, e.date_value, e.location_text, d.published, d.id
            FROM events AS e JOIN documents AS d ON d.doc_key = e.doc_key
            WHERE e.corpus_event_id = @id
            """, r => ReadReport(r, 0), ("@id", id)).ConfigureAwait(false);
        RefreshEvents([(id, rows)]);
    }

    /// <summary>Sets each corpus event's attributes from its reports (<c>Rows</c>: all of them), four statements for all
    /// the events (an array a column).</summary>
    private void RefreshEvents(List<(long Id, List<Report> Rows)> events)
    {
        if (events.Count == 0)
        {
            return;
        }

        var refreshed = events.Select(x =>
        {
            var rows = x.Rows;
            var ordered = rows
                .OrderBy(r => r.Date is null ? 1 : 0).ThenBy(r => r.Date, StringComparer.Ordinal)
                .ThenBy(r => r.DocId, StringComparer.Ordinal).ThenBy(r => r.Event, StringComparer.Ordinal)
                .ToList();
            return (x.Id, Rows: rows, First: ordered[0], Ordered: ordered);
        }).ToList();
        var ids = refreshed.Select(r => r.Id).ToArray();
        _batch.Queue("""
            UPDATE corpus_events AS c SET
                status = u.status, mode = u.mode, cameo = u.cameo, quad_class = u.quad, goldstein = u.goldstein,
                date_value = u.date, date_day = u.date_day, location_text = u.location,
                first_published = u.first, last_published = u.last,
                mention_count = u.mentions, document_count = u.documents,
                source_count = (SELECT count(*) FROM corpus_event_sources AS s WHERE s.corpus_event_id = u.id),
                domain = (SELECT CASE WHEN count(*) = count(e.domain) THEN min(e.domain) END FROM events AS e WHERE e.corpus_event_id = u.id),
                confidence = (SELECT max(e.confidence) FROM events AS e WHERE e.corpus_event_id = u.id)
            FROM unnest(@ids::bigint[], @statuses::text[], @modes::text[], @cameos::text[], @quads::integer[], @goldsteins::double precision[],
                        @dates::text[], @days::text[], @locations::text[], @firsts::text[], @lasts::text[], @mentions::bigint[], @documents::bigint[])
                AS u (id, status, mode, cameo, quad, goldstein, date, date_day, location, first, last, mentions, documents)
            WHERE c.corpus_event_id = u.id
            """,
            ("@ids", ids),
            ("@statuses", refreshed.Select(r => EventMerger.MostAdvanced(r.Rows.Select(x => x.Status))).ToArray()),
            ("@modes", refreshed.Select(r => r.Ordered.Select(x => x.Mode).FirstOrDefault(m => m is not null)).ToArray()),
            ("@cameos", refreshed.Select(r => r.First.Cameo).ToArray()),
            ("@quads", refreshed.Select(r => (int)r.First.Quad).ToArray()),
            ("@goldsteins", refreshed.Select(r => r.First.Goldstein).ToArray()),
            ("@dates", refreshed.Select(r => r.First.Date).ToArray()),
            ("@days", refreshed.Select(r => Pg.Day(EventMerger.DayOf(r.First.Date))).ToArray()),
            ("@locations", refreshed.Select(r => r.Ordered.Select(x => x.Location).FirstOrDefault(l => l is not null)).ToArray()),
            ("@firsts", refreshed.Select(r => r.Rows.Select(x => x.Published).Aggregate((string?)null, Min)).ToArray()),
            ("@lasts", refreshed.Select(r => r.Rows.Select(x => x.Published).Aggregate((string?)null, Max)).ToArray()),
            ("@mentions", refreshed.Select(r => (long)r.Rows.Count).ToArray()),
            ("@documents", refreshed.Select(r => (long)r.Rows.Select(x => x.Doc).Distinct().Count()).ToArray()));
        // The place: the first report's (same order) that its sentence names, else the first report's document place.
        _batch.Queue("""
            UPDATE corpus_events AS c SET (location_place, location_country_code, location_latitude, location_longitude, location_scope) =
                (SELECT e.location_place, e.location_country_code, e.location_latitude, e.location_longitude, e.location_scope
                 FROM events AS e JOIN documents AS d ON d.doc_key = e.doc_key
                 WHERE e.corpus_event_id = c.corpus_event_id AND e.location_place IS NOT NULL
                 ORDER BY e.location_scope = 'document', e.date_value IS NULL OR trim(e.date_value) = '', e.date_value, d.id, e.event_id
                 LIMIT 1)
            WHERE c.corpus_event_id = ANY(@ids::bigint[])
            """, ("@ids", ids));
        _batch.Queue("DELETE FROM corpus_event_actors WHERE corpus_event_id = ANY(@ids::bigint[])", ("@ids", ids));
        _batch.Queue("""
            INSERT INTO corpus_event_actors (corpus_event_id, side, ordinal, corpus_id, code, text, entity_name, entity_code)
            SELECT f.id, a.side, row_number() OVER (PARTITION BY f.id, a.side ORDER BY a.ordinal) - 1, n.corpus_id, a.code, a.text, c.name, c.code
            FROM unnest(@ids::bigint[], @docs::bigint[], @events::text[]) AS f (id, doc, event)
            JOIN event_actors AS a ON a.doc_key = f.doc AND a.event_id = f.event
            LEFT JOIN entities AS n ON n.doc_key = a.doc_key AND n.entity_id = a.entity
            LEFT JOIN corpus_entities AS c ON c.corpus_id = n.corpus_id
            """, ("@ids", ids), ("@docs", refreshed.Select(r => r.First.Doc).ToArray()), ("@events", refreshed.Select(r => r.First.Event).ToArray()));
    }

    private void AddName(long id, string name, string kind)
    {
        var key = NameKey.Normalise(name);
        if (key.Length > 0)
        {
            AddKey(id, key, kind, name);
            _keys.Add((id, key));
        }
    }

    /// <summary>Adds a name row to corpus entity <paramref name="id"/>, with the entity's type and bareness (which the
    /// lookup by key reads from the row).</summary>
    private void AddKey(long id, string key, string kind, string display) =>
        _aliases.Add((id, key, kind, display, _types[id], EntityMatcher.IsBarePerson(_types[id], _names[id])));
}
