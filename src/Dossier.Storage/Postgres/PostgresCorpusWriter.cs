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
/// order. Runs inside the transaction that stores the document, after it has taken the advisory lock
/// <see cref="PostgresSchema.CorpusLock"/>: one writer at a time links, in whatever process, so the corpus a writer
/// reads is the one it updates and two writers never both create one entity or event.
/// </summary>
internal sealed class PostgresCorpusWriter(NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken cancellationToken)
{
    public async Task LinkAsync(long docKey, Document document)
    {
        var published = document.Metadata.Published;
        var entityIds = await LinkEntitiesAsync(docKey, document, published).ConfigureAwait(false);
        await LinkEventsAsync(docKey, document, published, entityIds).ConfigureAwait(false);
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
            .ThenBy(p => p.Index);
        var day = Pg.Day(published);
        foreach (var (entity, _) in ordered)
        {
            var keys = EntityMatcher.LinkKeys(entity, personNames);
            var display = EntityMatcher.DisplayName(entity);
            var found = await FindEntitiesAsync(keys, entity.Type).ConfigureAwait(false);
            long id;
            if (found.Count == 0)
            {
                id = (await LongAsync("""
                    INSERT INTO corpus_entities (name, type, country, sector, code, code_published)
                    VALUES (@name, @type, @country, @sector, @code, CASE WHEN @sector IS NULL AND @code IS NULL THEN NULL ELSE @day END)
                    RETURNING corpus_id
                    """,
                    ("@name", display), ("@type", entity.Type), ("@country", entity.Country), ("@sector", entity.Sector),
                    ("@code", entity.Code), ("@day", day)).ConfigureAwait(false))!.Value;
            }
            else
            {
                id = found[0];
                foreach (var other in found.Skip(1))
                {
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

                await AbsorbAsync(id, display, entity.Country, entity.Sector, entity.Code, day).ConfigureAwait(false);
            }

            await AddNameAsync(id, display, "name").ConfigureAwait(false);
            await AddNameAsync(id, entity.Name, "alias").ConfigureAwait(false);
            foreach (var alias in entity.Aliases.IsDefault ? [] : entity.Aliases)
            {
                await AddNameAsync(id, alias, "alias").ConfigureAwait(false);
            }

            if (entity.Type == EntityTypes.Person && !keys.Bare)
            {
                foreach (var key in keys.Keys)
                {
                    await AddKeyAsync(id, NameKey.LastWord(key), "surname", display).ConfigureAwait(false);
                }
            }

            var mentions = entity.Mentions.IsDefault ? 0 : entity.Mentions.Length;
            await ExecuteAsync("""
                UPDATE corpus_entities SET
                    mention_count = mention_count + @mentions,
                    document_count = document_count + CASE WHEN EXISTS (SELECT 1 FROM entities WHERE doc_key = @doc AND corpus_id = @id) THEN 0 ELSE 1 END,
                    first_seen = LEAST(first_seen, @day),
                    last_seen = GREATEST(last_seen, @day)
                WHERE corpus_id = @id
                """,
                ("@id", id), ("@mentions", (long)Math.Max(1, mentions)), ("@doc", docKey), ("@day", day)).ConfigureAwait(false);

            foreach (var role in entity.Roles.IsDefault ? [] : entity.Roles)
            {
                var roleKey = RoleKey(role.Title, role.Organization, role.Country, role.Status);
                var newDocument = rolesInDocument.Add((id, roleKey)) ? 1L : 0L;
                await ExecuteAsync("""
                    INSERT INTO corpus_entity_roles AS r (corpus_id, role_key, title, organization, country, status, first_seen, last_seen, document_count)
                    VALUES (@id, @key, @title, @organization, @country, @status, @day, @day, 1)
                    ON CONFLICT (corpus_id, role_key) DO UPDATE SET
                        title = LEAST(r.title, excluded.title),
                        organization = LEAST(r.organization, excluded.organization),
                        country = LEAST(r.country, excluded.country),
                        first_seen = LEAST(r.first_seen, excluded.first_seen),
                        last_seen = GREATEST(r.last_seen, excluded.last_seen),
                        document_count = r.document_count + @newDocument
                    """,
                    ("@id", id), ("@key", roleKey), ("@title", role.Title), ("@organization", role.Organization),
                    ("@country", role.Country), ("@status", role.Status), ("@day", day), ("@newDocument", newDocument)).ConfigureAwait(false);
            }

            await ExecuteAsync("UPDATE entities SET corpus_id = @id WHERE doc_key = @doc AND entity_id = @entity",
                ("@id", id), ("@doc", docKey), ("@entity", entity.Id)).ConfigureAwait(false);
            links[entity.Id] = id;
        }

        return links;
    }

    private static string RoleKey(string title, string? organization, string? country, string status) =>
        string.Join('|', NameKey.Normalise(title), NameKey.Normalise(organization), (country ?? "").ToUpperInvariant(), status);

    private async Task<List<long>> FindEntitiesAsync(EntityLinkKeys keys, string type)
    {
        if (keys.Keys.Count == 0)
        {
            return [];
        }

        var rows = await Pg.ReadAllAsync(connection, transaction, """
            SELECT DISTINCT c.corpus_id, c.name FROM corpus_entity_aliases AS a JOIN corpus_entities AS c ON c.corpus_id = a.corpus_id
            WHERE a.norm = ANY(@keys) AND a.kind IN ('name', 'alias') AND c.type = @type
            ORDER BY c.corpus_id
            """, r => (Id: r.GetInt64(0), Name: r.GetString(1)), cancellationToken,
            ("@keys", keys.Keys.ToArray()), ("@type", type)).ConfigureAwait(false);
        var ids = new List<long>();
        foreach (var (rowId, name) in rows)
        {
            if (EntityMatcher.IsBarePerson(type, name) == keys.Bare && (ids.Count == 0 || ids[^1] != rowId))
            {
                ids.Add(rowId);
            }
        }

        return ids;
    }

    private async Task AbsorbAsync(long id, string name, string? country, string? sector, string? code, string? day)
    {
        var current = (string)(await Pg.ScalarAsync(connection, transaction, "SELECT name FROM corpus_entities WHERE corpus_id = @id", cancellationToken, ("@id", id)).ConfigureAwait(false))!;
        await ExecuteAsync("""
            UPDATE corpus_entities SET name = @name, country = LEAST(country, @country)
            WHERE corpus_id = @id
            """,
            ("@id", id), ("@name", EntityMatcher.FullerName(current, name)), ("@country", country)).ConfigureAwait(false);
        await ExecuteAsync("""
            UPDATE corpus_entities SET sector = @sector, code = @code, code_published = @day
            WHERE corpus_id = @id AND (@sector IS NOT NULL OR @code IS NOT NULL)
              AND (code_published IS NULL AND sector IS NULL AND code IS NULL
                   OR (coalesce(@day, ''), coalesce(@code, ''), coalesce(@sector, '')) > (coalesce(code_published, ''), coalesce(code, ''), coalesce(sector, '')))
            """,
            ("@id", id), ("@sector", sector), ("@code", code), ("@day", day)).ConfigureAwait(false);
    }

    private async Task MergeEntityAsync(long from, long into)
    {
        var row = (await Pg.ReadAllAsync(connection, transaction,
            "SELECT name, country, sector, code, code_published, first_seen, last_seen, mention_count FROM corpus_entities WHERE corpus_id = @id",
            r => (Name: r.GetString(0), Country: Pg.Text(r, 1), Sector: Pg.Text(r, 2), Code: Pg.Text(r, 3), CodePublished: Pg.Text(r, 4),
                First: Pg.Text(r, 5), Last: Pg.Text(r, 6), Mentions: r.GetInt64(7)),
            cancellationToken, ("@id", from)).ConfigureAwait(false))[0];

        await AbsorbAsync(into, row.Name, row.Country, row.Sector, row.Code, row.CodePublished).ConfigureAwait(false);
        await ExecuteAsync("UPDATE entities SET corpus_id = @into WHERE corpus_id = @from", ("@into", into), ("@from", from)).ConfigureAwait(false);
        await ExecuteAsync("""
            INSERT INTO corpus_entity_aliases AS a (corpus_id, norm, kind, alias)
            SELECT @into, norm, kind, alias FROM corpus_entity_aliases WHERE corpus_id = @from
            ON CONFLICT (corpus_id, norm, kind) DO UPDATE SET alias = LEAST(a.alias, excluded.alias)
            """, ("@into", into), ("@from", from)).ConfigureAwait(false);
        await ExecuteAsync("""
            UPDATE corpus_entities SET
                mention_count = mention_count + @mentions,
                document_count = (SELECT count(DISTINCT doc_key) FROM entities WHERE corpus_id = @id),
                first_seen = LEAST(first_seen, @first),
                last_seen = GREATEST(last_seen, @last)
            WHERE corpus_id = @id
            """, ("@id", into), ("@mentions", row.Mentions), ("@first", row.First), ("@last", row.Last)).ConfigureAwait(false);
        await RefreshRolesAsync(into).ConfigureAwait(false);

        var events = await Pg.ReadAllAsync(connection, transaction,
            "SELECT DISTINCT corpus_event_id FROM corpus_event_actors WHERE corpus_id = @from ORDER BY 1", r => r.GetInt64(0), cancellationToken, ("@from", from)).ConfigureAwait(false);
        await ExecuteAsync("UPDATE corpus_event_actors SET corpus_id = @into WHERE corpus_id = @from", ("@into", into), ("@from", from)).ConfigureAwait(false);
        await ExecuteAsync("DELETE FROM corpus_entities WHERE corpus_id = @from", ("@from", from)).ConfigureAwait(false);
        foreach (var eventId in events)
        {
            await RekeyEventAsync(eventId, "e:" + from.ToString(CultureInfo.InvariantCulture), "e:" + into.ToString(CultureInfo.InvariantCulture)).ConfigureAwait(false);
        }
    }

    private async Task RefreshRolesAsync(long id)
    {
        var roles = new Dictionary<string, (string Title, string? Organization, string? Country, string Status, string? First, string? Last, HashSet<long> Documents)>(StringComparer.Ordinal);
        var rows = await Pg.ReadAllAsync(connection, transaction, """
            SELECT r.title, r.organization, r.country, r.status, r.doc_key, d.published
            FROM entities AS e
            JOIN entity_roles AS r ON r.doc_key = e.doc_key AND r.entity_id = e.entity_id
            JOIN documents AS d ON d.doc_key = e.doc_key
            WHERE e.corpus_id = @id
            """, r => (Title: r.GetString(0), Organization: Pg.Text(r, 1), Country: Pg.Text(r, 2), Status: r.GetString(3), Doc: r.GetInt64(4), Day: Pg.Text(r, 5)),
            cancellationToken, ("@id", id)).ConfigureAwait(false);
        foreach (var (title, organization, country, status, doc, day) in rows)
        {
            var key = RoleKey(title, organization, country, status);
            if (!roles.TryGetValue(key, out var role))
            {
                role = (title, organization, country, status, day, day, []);
            }

            role = (Min(role.Title, title)!, Min(role.Organization, organization), Min(role.Country, country), status,
                Min(role.First, day), Max(role.Last, day), role.Documents);
            role.Documents.Add(doc);
            roles[key] = role;
        }

        await ExecuteAsync("DELETE FROM corpus_entity_roles WHERE corpus_id = @id", ("@id", id)).ConfigureAwait(false);
        foreach (var (key, role) in roles)
        {
            await ExecuteAsync("""
                INSERT INTO corpus_entity_roles (corpus_id, role_key, title, organization, country, status, first_seen, last_seen, document_count)
                VALUES (@id, @key, @title, @organization, @country, @status, @first, @last, @count)
                """,
                ("@id", id), ("@key", key), ("@title", role.Title), ("@organization", role.Organization), ("@country", role.Country),
                ("@status", role.Status), ("@first", role.First), ("@last", role.Last), ("@count", (long)role.Documents.Count)).ConfigureAwait(false);
        }
    }

    private static string? Min(string? a, string? b) => a is null ? b : b is null ? a : string.CompareOrdinal(a, b) <= 0 ? a : b;

    private static string? Max(string? a, string? b) => a is null ? b : b is null ? a : string.CompareOrdinal(a, b) >= 0 ? a : b;

    private async Task LinkEventsAsync(long docKey, Document document, DateOnly? published, Dictionary<string, long> entityIds)
    {
        var day = Pg.Day(published);
        var source = EventMerger.SourceOf(document.Metadata);
        foreach (var e in document.Events.IsDefault ? [] : document.Events)
        {
            var key = EventMerger.KeyOf(e, id => entityIds.TryGetValue(id, out var corpusId) ? corpusId : null);
            var dateValue = string.IsNullOrWhiteSpace(e.Date?.Value) ? null : e.Date.Value;
            var mention = new EventMention(dateValue, published, e.Status);
            var joined = key.IsMergeable
                ? (await GroupMembersAsync(key).ConfigureAwait(false)).Where(m => EventMerger.Agree(mention, m.Mention)).Select(m => m.Id).Distinct().Order().ToList()
                : [];

            long id;
            if (joined.Count > 0)
            {
                id = joined[0];
                foreach (var other in joined.Skip(1))
                {
                    await MergeEventAsync(other, id).ConfigureAwait(false);
                }
            }
            else
            {
                id = (await LongAsync("""
                    INSERT INTO corpus_events (type, mode, cameo, quad_class, goldstein, status, status_class, date_value, date_day,
                                               location_text, source_key, target_key, first_published, last_published)
                    VALUES (@type, @mode, @cameo, @quad, @goldstein, @status, @class, @date, @dateDay, @location, @sourceKey, @targetKey, @day, @day)
                    RETURNING corpus_event_id
                    """,
                    ("@type", key.Type), ("@mode", e.Mode), ("@cameo", e.Cameo), ("@quad", e.QuadClass), ("@goldstein", e.Goldstein),
                    ("@status", e.Status), ("@class", key.StatusClass), ("@date", dateValue), ("@dateDay", Pg.Day(EventMerger.DayOf(dateValue))),
                    ("@location", e.Location?.Text), ("@sourceKey", key.SourceKey), ("@targetKey", key.TargetKey), ("@day", day)).ConfigureAwait(false))!.Value;
            }

            await ExecuteAsync("INSERT INTO corpus_event_sources (corpus_event_id, source) VALUES (@id, @source) ON CONFLICT DO NOTHING",
                ("@id", id), ("@source", source)).ConfigureAwait(false);
            await ExecuteAsync("UPDATE events SET corpus_event_id = @id WHERE doc_key = @doc AND event_id = @event",
                ("@id", id), ("@doc", docKey), ("@event", e.Id)).ConfigureAwait(false);
            await RefreshEventAsync(id).ConfigureAwait(false);
        }
    }

    private Task<List<(long Id, EventMention Mention)>> GroupMembersAsync(CorpusEventKey key) =>
        Pg.ReadAllAsync(connection, transaction, """
            SELECT c.corpus_event_id, e.date_value, e.status, d.published
            FROM corpus_events AS c
            JOIN events AS e ON e.corpus_event_id = c.corpus_event_id
            JOIN documents AS d ON d.doc_key = e.doc_key
            WHERE c.type = @type AND c.source_key = @source AND c.target_key = @target AND c.status_class = @class
            """, r =>
            {
                var date = Pg.Text(r, 1);
                return (r.GetInt64(0), new EventMention(string.IsNullOrWhiteSpace(date) ? null : date, Pg.ParseDay(r, 3), r.GetString(2)));
            },
            cancellationToken, ("@type", key.Type), ("@source", key.SourceKey), ("@target", key.TargetKey), ("@class", key.StatusClass));

    private async Task MergeEventAsync(long from, long into)
    {
        await ExecuteAsync("UPDATE events SET corpus_event_id = @into WHERE corpus_event_id = @from", ("@into", into), ("@from", from)).ConfigureAwait(false);
        await ExecuteAsync("INSERT INTO corpus_event_sources (corpus_event_id, source) SELECT @into, source FROM corpus_event_sources WHERE corpus_event_id = @from ON CONFLICT DO NOTHING",
            ("@into", into), ("@from", from)).ConfigureAwait(false);
        await ExecuteAsync("DELETE FROM corpus_events WHERE corpus_event_id = @from", ("@from", from)).ConfigureAwait(false);
    }

    private async Task RekeyEventAsync(long id, string oldActor, string newActor)
    {
        var keys = await Pg.ReadAllAsync(connection, transaction,
            "SELECT type, source_key, target_key, status_class FROM corpus_events WHERE corpus_event_id = @id",
            r =>
            {
                string Rekey(string side) => EventMerger.SideKey(side.Split('|', StringSplitOptions.RemoveEmptyEntries).Select(a => a == oldActor ? newActor : a));
                return new CorpusEventKey(r.GetString(0), Rekey(r.GetString(1)), Rekey(r.GetString(2)), r.GetString(3));
            }, cancellationToken, ("@id", id)).ConfigureAwait(false);
        if (keys.Count == 0)
        {
            return;
        }

        var key = keys[0];
        await ExecuteAsync("UPDATE corpus_events SET source_key = @source, target_key = @target WHERE corpus_event_id = @id",
            ("@id", id), ("@source", key.SourceKey), ("@target", key.TargetKey)).ConfigureAwait(false);
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
            await MergeEventAsync(other, joined[0]).ConfigureAwait(false);
        }

        await RefreshEventAsync(joined[0]).ConfigureAwait(false);
    }

    private async Task RefreshEventAsync(long id)
    {
        var rows = await Pg.ReadAllAsync(connection, transaction, """
            SELECT e.doc_key, e.event_id, e.status, e.mode, e.cameo, e.quad_class, e.goldstein, e.date_value, e.location_text, d.published, d.id
            FROM events AS e JOIN documents AS d ON d.doc_key = e.doc_key
            WHERE e.corpus_event_id = @id
            """, r =>
            {
                var date = Pg.Text(r, 7);
                return (Doc: r.GetInt64(0), Event: r.GetString(1), Status: r.GetString(2), Mode: Pg.Text(r, 3), Cameo: r.GetString(4),
                    Quad: Pg.Long(r, 5), Goldstein: r.GetDouble(6), Date: string.IsNullOrWhiteSpace(date) ? null : date, Location: Pg.Text(r, 8),
                    Published: Pg.Text(r, 9), DocId: r.GetString(10));
            }, cancellationToken, ("@id", id)).ConfigureAwait(false);

        var ordered = rows
            .OrderBy(r => r.Date is null ? 1 : 0).ThenBy(r => r.Date, StringComparer.Ordinal)
            .ThenBy(r => r.DocId, StringComparer.Ordinal).ThenBy(r => r.Event, StringComparer.Ordinal)
            .ToList();
        var first = ordered[0];
        await ExecuteAsync("""
            UPDATE corpus_events SET
                status = @status, mode = @mode, cameo = @cameo, quad_class = @quad, goldstein = @goldstein,
                date_value = @date, date_day = @dateDay, location_text = @location,
                first_published = @first, last_published = @last,
                mention_count = @mentions, document_count = @documents,
                source_count = (SELECT count(*) FROM corpus_event_sources WHERE corpus_event_id = @id),
                domain = (SELECT CASE WHEN count(*) = count(e.domain) THEN min(e.domain) END FROM events AS e WHERE e.corpus_event_id = @id)
            WHERE corpus_event_id = @id
            """,
            ("@id", id), ("@status", EventMerger.MostAdvanced(rows.Select(r => r.Status))),
            ("@mode", ordered.Select(r => r.Mode).FirstOrDefault(m => m is not null)), ("@cameo", first.Cameo), ("@quad", (int)first.Quad),
            ("@goldstein", first.Goldstein), ("@date", first.Date), ("@dateDay", Pg.Day(EventMerger.DayOf(first.Date))),
            ("@location", ordered.Select(r => r.Location).FirstOrDefault(l => l is not null)),
            ("@first", rows.Select(r => r.Published).Aggregate((string?)null, Min)),
            ("@last", rows.Select(r => r.Published).Aggregate((string?)null, Max)),
            ("@mentions", (long)rows.Count), ("@documents", (long)rows.Select(r => r.Doc).Distinct().Count())).ConfigureAwait(false);
        // The place: the first report's (same order) that its sentence names, else the first report's document place.
        await ExecuteAsync("""
            UPDATE corpus_events SET (location_place, location_country_code, location_latitude, location_longitude, location_scope) =
                (SELECT e.location_place, e.location_country_code, e.location_latitude, e.location_longitude, e.location_scope
                 FROM events AS e JOIN documents AS d ON d.doc_key = e.doc_key
                 WHERE e.corpus_event_id = @id AND e.location_place IS NOT NULL
                 ORDER BY e.location_scope = 'document', e.date_value IS NULL OR trim(e.date_value) = '', e.date_value, d.id, e.event_id
                 LIMIT 1)
            WHERE corpus_event_id = @id
            """, ("@id", id)).ConfigureAwait(false);
        await ExecuteAsync("DELETE FROM corpus_event_actors WHERE corpus_event_id = @id", ("@id", id)).ConfigureAwait(false);
        await ExecuteAsync("""
            INSERT INTO corpus_event_actors (corpus_event_id, side, ordinal, corpus_id, code, text)
            SELECT @id, a.side, row_number() OVER (PARTITION BY a.side ORDER BY a.ordinal) - 1, n.corpus_id, a.code, a.text
            FROM event_actors AS a LEFT JOIN entities AS n ON n.doc_key = a.doc_key AND n.entity_id = a.entity
            WHERE a.doc_key = @doc AND a.event_id = @event
            """, ("@id", id), ("@doc", first.Doc), ("@event", first.Event)).ConfigureAwait(false);
    }

    private async Task AddNameAsync(long id, string name, string kind)
    {
        var key = NameKey.Normalise(name);
        if (key.Length > 0)
        {
            await AddKeyAsync(id, key, kind, name).ConfigureAwait(false);
        }
    }

    private Task<int> AddKeyAsync(long id, string key, string kind, string display) =>
        ExecuteAsync("""
            INSERT INTO corpus_entity_aliases AS a (corpus_id, norm, kind, alias) VALUES (@id, @norm, @kind, @alias)
            ON CONFLICT (corpus_id, norm, kind) DO UPDATE SET alias = LEAST(a.alias, excluded.alias)
            """,
            ("@id", id), ("@norm", key), ("@kind", kind), ("@alias", display));

    private Task<int> ExecuteAsync(string sql, params (string Name, object? Value)[] parameters) =>
        Pg.ExecuteAsync(connection, transaction, sql, cancellationToken, parameters);

    private Task<long?> LongAsync(string sql, params (string Name, object? Value)[] parameters) =>
        Pg.LongAsync(connection, transaction, sql, cancellationToken, parameters);
}
