using System.Globalization;
using Dossier.Core.Documents;
using Dossier.Storage.Corpus;
using Microsoft.Data.Sqlite;
using Dossier.Core.Labels;

namespace Dossier.Storage.Sqlite;

/// <summary>
/// Links one stored document into the corpus: each entity to a corpus entity (<see cref="EntityMatcher"/>), each
/// event to a corpus event (<see cref="EventMerger"/>), updating names, aliases, roles and counts. Runs inside the
/// transaction that stores the document, so a document and its corpus links are written together or not at all.
/// The corpus it leaves is the same whatever order the documents arrived in: corpus entities are the entities joined
/// by chains of shared names, corpus events the mentions joined by chains of agreeing dates (a document that joins two
/// merges them), and every kept attribute is a sum, a minimum, a maximum or taken from the first mention in a fixed
/// order (date, document id, event id), never from whichever came first.
/// Not thread-safe: used under the store's lock.
/// </summary>
internal sealed class CorpusWriter(SqliteConnection connection)
{
    /// <summary>How a corpus entity's role row that exists already takes another: the least title, organisation and
    /// country, the widest span of days, and the documents added (a new report's, or a merged entity's).</summary>
    private const string RoleMet = """

        ON CONFLICT (corpus_id, role_key) DO UPDATE SET
            title = min(title, excluded.title),
            organization = coalesce(min(organization, excluded.organization), organization, excluded.organization),
            country = coalesce(min(country, excluded.country), country, excluded.country),
            first_seen = coalesce(min(first_seen, excluded.first_seen), first_seen, excluded.first_seen),
            last_seen = coalesce(max(last_seen, excluded.last_seen), last_seen, excluded.last_seen),
            document_count = document_count + excluded.document_count
        """;

    /// <summary>The <c>corpus_event_dates</c> value that marks a corpus event holding a report that a plan was postponed
    /// or cancelled (no mention's date value is empty): a mention reads its key's changes of plan from one index range.
    /// Kept with the other rows of that table by <see cref="MergeEvent"/> and <see cref="RekeyEvent"/>.</summary>
    internal const string ChangeOfPlanMark = "";

    public void Link(long docKey, Document document, SqliteTransaction transaction)
    {
        var published = document.Metadata.Published;
        var entityIds = LinkEntities(docKey, document, published, transaction);
        LinkEvents(docKey, document, published, entityIds, transaction);
        Execute(transaction, "UPDATE documents SET corpus_linked = 1 WHERE doc_key = $doc", ("$doc", docKey));
    }

    private Dictionary<string, long> LinkEntities(long docKey, Document document, DateOnly? published, SqliteTransaction transaction)
    {
        var links = new Dictionary<string, long>(StringComparer.Ordinal);
        var entities = document.Entities.IsDefault ? [] : document.Entities;
        var personNames = EntityMatcher.PersonNamesIn(document);
        var rolesInDocument = new HashSet<(long, string)>();
        // Full names first, so that a bare surname in the same document can find the person it names.
        var ordered = entities
            .Select((e, i) => (Entity: e, Index: i))
            .Where(p => EntityMatcher.IsLinkable(p.Entity))
            .OrderByDescending(p => NameKey.WordCount(NameKey.Normalise(p.Entity.Name)))
            .ThenBy(p => p.Index);
        var day = Day(published);
        foreach (var (entity, _) in ordered)
        {
            var keys = EntityMatcher.LinkKeys(entity, personNames);
            var display = EntityMatcher.DisplayName(entity);
            var found = FindEntities(keys, entity.Type, transaction);
            long id;
            bool bare;
            if (found.Count == 0)
            {
                bare = EntityMatcher.IsBarePerson(entity.Type, display);
                id = Insert(transaction, """
                    INSERT INTO corpus_entities (name, type, country, sector, code, code_published)
                    VALUES ($name, $type, $country, $sector, $code, CASE WHEN $sector IS NULL AND $code IS NULL THEN NULL ELSE $day END)
                    RETURNING corpus_id
                    """,
                    ("$name", display), ("$type", entity.Type), ("$country", entity.Country), ("$sector", entity.Sector),
                    ("$code", entity.Code), ("$day", day));
            }
            else
            {
                id = found[0];
                foreach (var other in found.Skip(1))
                {
                    MergeEntity(other, id, transaction);
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

                bare = Absorb(id, display, entity.Country, entity.Sector, entity.Code, day, transaction);
            }

            var owner = (id, entity.Type, bare);
            AddName(owner, display, "name", transaction);
            AddName(owner, entity.Name, "alias", transaction);
            foreach (var alias in entity.Aliases.IsDefault ? [] : entity.Aliases)
            {
                AddName(owner, alias, "alias", transaction);
            }

            if (entity.Type == EntityTypes.Person && !keys.Bare)
            {
                foreach (var key in keys.Keys)
                {
                    AddKey(owner, NameKey.LastWord(key), "surname", display, transaction);
                }
            }

            var mentions = entity.Mentions.IsDefault ? 0 : entity.Mentions.Length;
            Execute(transaction, """
                UPDATE corpus_entities SET
                    mention_count = mention_count + $mentions,
                    document_count = document_count + NOT EXISTS (SELECT 1 FROM entities WHERE doc_key = $doc AND corpus_id = $id),
                    first_seen = coalesce(min(first_seen, $day), first_seen, $day),
                    last_seen = coalesce(max(last_seen, $day), last_seen, $day)
                WHERE corpus_id = $id
                """,
                ("$id", id), ("$mentions", Math.Max(1, mentions)), ("$doc", docKey), ("$day", day));

            foreach (var role in entity.Roles.IsDefault ? [] : entity.Roles)
            {
                var roleKey = RoleKey(role.Title, role.Organization, role.Country, role.Status);
                var newDocument = rolesInDocument.Add((id, roleKey)) ? 1 : 0;
                // A role row that is new to the corpus is new to this document too, so $newDocument is 1 when it is inserted.
                Execute(transaction, """
                    INSERT INTO corpus_entity_roles (corpus_id, role_key, title, organization, country, status, first_seen, last_seen, document_count)
                    VALUES ($id, $key, $title, $organization, $country, $status, $day, $day, $newDocument)
                    """ + RoleMet,
                    ("$id", id), ("$key", roleKey), ("$title", role.Title), ("$organization", role.Organization),
                    ("$country", role.Country), ("$status", role.Status), ("$day", day), ("$newDocument", newDocument));
            }

            Execute(transaction, "UPDATE entities SET corpus_id = $id WHERE doc_key = $doc AND entity_id = $entity",
                ("$id", id), ("$doc", docKey), ("$entity", entity.Id));
            links[entity.Id] = id;
        }

        return links;
    }

    private static string RoleKey(string title, string? organization, string? country, string status) =>
        string.Join('|', NameKey.Normalise(title), NameKey.Normalise(organization), (country ?? "").ToUpperInvariant(), status);

    /// <summary>The corpus entities of <paramref name="type"/> that carry one of the keys, lowest id first: bare people
    /// for a bare key, everything but bare people otherwise. Each name row carries its entity's type and bareness
    /// (kept so by <see cref="AddKey"/> and <see cref="Absorb"/>), so the index on (norm, type, bare) reads only the rows
    /// of the entities the key may join.</summary>
    private List<long> FindEntities(EntityLinkKeys keys, string type, SqliteTransaction transaction)
    {
        if (keys.Keys.Count == 0)
        {
            return [];
        }

        var parameters = keys.Keys.Select((k, i) => ("$k" + i.ToString(CultureInfo.InvariantCulture), (object?)k)).ToList();
        parameters.Add(("$type", type));
        parameters.Add(("$bare", keys.Bare ? 1 : 0));
        using var command = Command(transaction, $"""
            SELECT DISTINCT corpus_id FROM corpus_entity_aliases
            WHERE norm IN ({string.Join(", ", parameters.Take(keys.Keys.Count).Select(p => p.Item1))})
              AND type = $type AND bare = $bare AND kind IN ('name', 'alias')
            ORDER BY corpus_id
            """, [.. parameters]);
        using var reader = command.ExecuteReader();
        var ids = new List<long>();
        while (reader.Read())
        {
            ids.Add(reader.GetInt64(0));
        }

        return ids;
    }

    /// <summary>Folds one member's name, country, sector and code into a corpus entity: the fuller name, the first
    /// country in ordinal order, the sector and code of the latest dated member (ties by code, then sector). Returns
    /// whether the entity is a bare person with its new name.</summary>
    private bool Absorb(long id, string name, string? country, string? sector, string? code, string? day, SqliteTransaction transaction)
    {
        string current, type;
        using (var command = Command(transaction, "SELECT name, type FROM corpus_entities WHERE corpus_id = $id", ("$id", id)))
        using (var reader = command.ExecuteReader())
        {
            reader.Read();
            (current, type) = (reader.GetString(0), reader.GetString(1));
        }

        var fuller = EntityMatcher.FullerName(current, name);
        Execute(transaction, """
            UPDATE corpus_entities SET
                name = $name,
                country = coalesce(min(country, $country), country, $country)
            WHERE corpus_id = $id
            """,
            ("$id", id), ("$name", fuller), ("$country", country));
        var bare = EntityMatcher.IsBarePerson(type, fuller);
        if (bare != EntityMatcher.IsBarePerson(type, current))
        {
            // Not seen: an entity is found only by keys of its own bareness, whose names keep it. Kept true all the same.
            Execute(transaction, "UPDATE corpus_entity_aliases SET bare = $bare WHERE corpus_id = $id", ("$id", id), ("$bare", bare ? 1 : 0));
        }

        Execute(transaction, """
            UPDATE corpus_entities SET sector = $sector, code = $code, code_published = $day
            WHERE corpus_id = $id AND ($sector IS NOT NULL OR $code IS NOT NULL)
              AND (code_published IS NULL AND sector IS NULL AND code IS NULL
                   OR (coalesce($day, ''), coalesce($code, ''), coalesce($sector, '')) > (coalesce(code_published, ''), coalesce(code, ''), coalesce(sector, '')))
            """,
            ("$id", id), ("$sector", sector), ("$code", code), ("$day", day));
        return bare;
    }

    /// <summary>Merges corpus entity <paramref name="from"/> into <paramref name="into"/>: a document has shown they are
    /// one. Members, names, roles and counts move; corpus events that name it are keyed anew and merged where they meet.</summary>
    private void MergeEntity(long from, long into, SqliteTransaction transaction)
    {
        string name;
        string? country, sector, code, codePublished, firstSeen, lastSeen;
        long mentions;
        using (var command = Command(transaction,
            "SELECT name, country, sector, code, code_published, first_seen, last_seen, mention_count FROM corpus_entities WHERE corpus_id = $id",
            ("$id", from)))
        using (var reader = command.ExecuteReader())
        {
            reader.Read();
            name = reader.GetString(0);
            country = NullableString(reader, 1);
            sector = NullableString(reader, 2);
            code = NullableString(reader, 3);
            codePublished = NullableString(reader, 4);
            firstSeen = NullableString(reader, 5);
            lastSeen = NullableString(reader, 6);
            mentions = reader.GetInt64(7);
        }

        var bare = Absorb(into, name, country, sector, code, codePublished, transaction);
        var (sharedDocuments, sharedRoles) = SharedDocuments(from, into, transaction);
        Execute(transaction, "UPDATE entities SET corpus_id = $into WHERE corpus_id = $from", ("$into", into), ("$from", from));
        Execute(transaction, """
            INSERT INTO corpus_entity_aliases (corpus_id, norm, kind, alias, type, bare)
            SELECT $into, norm, kind, alias, (SELECT type FROM corpus_entities WHERE corpus_id = $into), $bare
            FROM corpus_entity_aliases WHERE corpus_id = $from
            ON CONFLICT (corpus_id, norm, kind) DO UPDATE SET alias = min(alias, excluded.alias)
            """, ("$into", into), ("$from", from), ("$bare", bare ? 1 : 0));
        Execute(transaction, """
            UPDATE corpus_entities SET
                mention_count = mention_count + $mentions,
                document_count = document_count + (SELECT document_count FROM corpus_entities WHERE corpus_id = $from) - $shared,
                first_seen = coalesce(min(first_seen, $first), first_seen, $first),
                last_seen = coalesce(max(last_seen, $last), last_seen, $last)
            WHERE corpus_id = $id
            """, ("$id", into), ("$from", from), ("$shared", sharedDocuments), ("$mentions", mentions), ("$first", firstSeen), ("$last", lastSeen));
        // The roles: each of the two counts its documents, so a role's count is the sum less the documents where both
        // have it; the other fields are minima and maxima.
        Execute(transaction, """
            INSERT INTO corpus_entity_roles (corpus_id, role_key, title, organization, country, status, first_seen, last_seen, document_count)
            SELECT $into, role_key, title, organization, country, status, first_seen, last_seen, document_count
            FROM corpus_entity_roles WHERE corpus_id = $from
            """ + RoleMet, ("$into", into), ("$from", from));
        foreach (var (roleKey, shared) in sharedRoles)
        {
            Execute(transaction, "UPDATE corpus_entity_roles SET document_count = document_count - $shared WHERE corpus_id = $id AND role_key = $key",
                ("$id", into), ("$key", roleKey), ("$shared", shared));
        }

        var events = Ids(transaction, "SELECT DISTINCT corpus_event_id FROM corpus_event_actors WHERE corpus_id = $from ORDER BY 1", ("$from", from));
        // The actor rows take the entity's name and code with its id (the copies the event lists read; migration 12).
        Execute(transaction, """
            UPDATE corpus_event_actors SET corpus_id = $into, (entity_name, entity_code) =
                (SELECT name, code FROM corpus_entities WHERE corpus_id = $into)
            WHERE corpus_id = $from
            """, ("$into", into), ("$from", from));
        Execute(transaction, "DELETE FROM corpus_entities WHERE corpus_id = $from", ("$from", from));
        foreach (var eventId in events)
        {
            RekeyEvent(eventId, "e:" + from.ToString(CultureInfo.InvariantCulture), "e:" + into.ToString(CultureInfo.InvariantCulture), transaction);
        }
    }

    /// <summary>
    /// The documents where members of both corpus entities appear, and per role key those where members of both hold it:
    /// what the sums of their counts count twice. Read from the side with fewer documents, each of its documents looked
    /// up on the other side (an index of corpus entity and document), so the cost is bounded by the smaller entity, not by
    /// how often the larger one has been seen. Relies on each corpus entity's <c>document_count</c> and role counts
    /// counting its members' documents, which the writer keeps so.
    /// </summary>
    private (long Documents, Dictionary<string, long> Roles) SharedDocuments(long a, long b, SqliteTransaction transaction)
    {
        var (small, large) = Scalar<long>(transaction, "SELECT document_count FROM corpus_entities WHERE corpus_id = $id", ("$id", a))
            <= Scalar<long>(transaction, "SELECT document_count FROM corpus_entities WHERE corpus_id = $id", ("$id", b)) ? (a, b) : (b, a);
        return MemberOverlap.Count(MemberRoles(transaction, "e.corpus_id = $id", ("$id", small)),
            document => MemberRoles(transaction, "e.corpus_id = $id AND e.doc_key = $doc", ("$id", large), ("$doc", document)).GetValueOrDefault(document));
    }

    /// <summary>The documents of the member entities that <paramref name="where"/> selects, each with its members' role keys.</summary>
    private Dictionary<long, HashSet<string>> MemberRoles(SqliteTransaction transaction, string where, params (string Name, object? Value)[] parameters)
    {
        var documents = new Dictionary<long, HashSet<string>>();
        using var command = Command(transaction, $"""
            SELECT e.doc_key, r.title, r.organization, r.country, r.status
            FROM entities AS e
            LEFT JOIN entity_roles AS r ON r.doc_key = e.doc_key AND r.entity_id = e.entity_id
            WHERE {where}
            """, parameters);
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            var document = reader.GetInt64(0);
            if (!documents.TryGetValue(document, out var keys))
            {
                documents[document] = keys = new HashSet<string>(StringComparer.Ordinal);
            }

            if (!reader.IsDBNull(1))
            {
                keys.Add(RoleKey(reader.GetString(1), NullableString(reader, 2), NullableString(reader, 3), reader.GetString(4)));
            }
        }

        return documents;
    }

    private static string? Min(string? a, string? b) => a is null ? b : b is null ? a : string.CompareOrdinal(a, b) <= 0 ? a : b;

    private static string? Max(string? a, string? b) => a is null ? b : b is null ? a : string.CompareOrdinal(a, b) >= 0 ? a : b;

    private void LinkEvents(long docKey, Document document, DateOnly? published, Dictionary<string, long> entityIds, SqliteTransaction transaction)
    {
        var day = Day(published);
        var source = EventMerger.SourceOf(document.Metadata);
        foreach (var e in document.Events.IsDefault ? [] : document.Events)
        {
            var key = EventMerger.KeyOf(e, id => entityIds.TryGetValue(id, out var corpusId) ? corpusId : null);
            var dateValue = string.IsNullOrWhiteSpace(e.Date?.Value) ? null : e.Date.Value;
            var mention = new EventMention(dateValue, published, e.Status);
            var joined = key.IsMergeable ? AgreeingEvents(key, mention, transaction).Distinct().Order().ToList() : [];

            long id;
            if (joined.Count > 0)
            {
                id = joined[0];
                foreach (var other in joined.Skip(1))
                {
                    MergeEvent(other, id, transaction);
                }
            }
            else
            {
                id = Insert(transaction, """
                    INSERT INTO corpus_events (type, mode, cameo, quad_class, goldstein, status, status_class, date_value, date_day,
                                               location_text, source_key, target_key, first_published, last_published)
                    VALUES ($type, $mode, $cameo, $quad, $goldstein, $status, $class, $date, $dateDay, $location, $sourceKey, $targetKey, $day, $day)
                    RETURNING corpus_event_id
                    """,
                    ("$type", key.Type), ("$mode", e.Mode), ("$cameo", e.Cameo), ("$quad", e.QuadClass), ("$goldstein", e.Goldstein),
                    ("$status", e.Status), ("$class", key.StatusClass), ("$date", dateValue), ("$dateDay", Day(EventMerger.DayOf(dateValue))),
                    ("$location", e.Location?.Text), ("$sourceKey", key.SourceKey), ("$targetKey", key.TargetKey), ("$day", day));
            }

            Execute(transaction, "INSERT OR IGNORE INTO corpus_event_sources (corpus_event_id, source) VALUES ($id, $source)",
                ("$id", id), ("$source", source));
            Execute(transaction, "UPDATE events SET corpus_event_id = $id WHERE doc_key = $doc AND event_id = $event",
                ("$id", id), ("$doc", docKey), ("$event", e.Id));
            if (IsVague(mention))
            {
                Execute(transaction, """
                    INSERT OR IGNORE INTO corpus_event_dates (type, source_key, target_key, status_class, date_value, corpus_event_id)
                    VALUES ($type, $source, $target, $class, $date, $id)
                    """,
                    ("$type", key.Type), ("$source", key.SourceKey), ("$target", key.TargetKey), ("$class", key.StatusClass),
                    ("$date", dateValue), ("$id", id));
            }
            else if (EventStatuses.IsChangeOfPlan(e.Status))
            {
                Execute(transaction, """
                    INSERT OR IGNORE INTO corpus_event_dates (type, source_key, target_key, status_class, date_value, corpus_event_id)
                    VALUES ($type, $source, $target, $class, $date, $id)
                    """,
                    ("$type", key.Type), ("$source", key.SourceKey), ("$target", key.TargetKey), ("$class", key.StatusClass),
                    ("$date", ChangeOfPlanMark), ("$id", id));
            }

            RefreshEvent(id, transaction);
        }
    }

    /// <summary>Every document event of the corpus events with this key, with the corpus event it belongs to.</summary>
    private List<(long Id, EventMention Mention)> GroupMembers(CorpusEventKey key, SqliteTransaction transaction)
    {
        using var command = Command(transaction, """
            SELECT c.corpus_event_id, e.date_value, e.status, d.published
            FROM corpus_events AS c
            JOIN events AS e ON e.corpus_event_id = c.corpus_event_id
            JOIN documents AS d ON d.doc_key = e.doc_key
            WHERE c.type = $type AND c.source_key = $source AND c.target_key = $target AND c.status_class = $class
            """,
            ("$type", key.Type), ("$source", key.SourceKey), ("$target", key.TargetKey), ("$class", key.StatusClass));
        return ReadMentions(command);
    }

    /// <summary>
    /// The document events of the corpus events with this key that can agree with <paramref name="mention"/>: a superset
    /// of those that do (<see cref="EventMerger.Agree"/> decides), found from the mention's date rather than by reading the
    /// key's whole group. A key without actors (or a busy pair) gathers mentions from every document of every year, so
    /// reading its group made each new document cost more as the corpus grew. Mentions agree only when both have days at
    /// most <see cref="EventMerger.DateWindowDays"/> apart, or the same other date value, or neither has a date and their
    /// reports were published at most <see cref="EventMerger.UndatedWindowDays"/> apart: so a dated mention reads the
    /// events dated in its window (index on the date value), an undated one the events of documents published in its
    /// window (index on the publication date), one with a vague date (a week, a year) the corpus events that hold the same
    /// value (<c>corpus_event_dates</c>: every such mention agrees, so they come back as agreeing, not as candidates); only
    /// a mention with neither a date nor a publication date reads the key's group.
    /// </summary>
    private (List<long> Agreeing, List<(long Id, EventMention Mention)> Candidates) AgreeableMembers(CorpusEventKey key, EventMention mention, SqliteTransaction transaction)
    {
        (string Name, object? Value)[] keyParameters =
            [("$type", key.Type), ("$source", key.SourceKey), ("$target", key.TargetKey), ("$class", key.StatusClass)];
        const string OfKey = "c.type = $type AND c.source_key = $source AND c.target_key = $target AND c.status_class = $class";
        // A report that a plan was postponed or cancelled agrees by its publication, not by dates (EventMerger.Agree):
        // such a mention reads the key's group, and every mention also reads the group's changes of plan (few: a partial
        // index, events_changes_of_plan, finds them per corpus event without reading its other reports).
        if (EventStatuses.IsChangeOfPlan(mention.Status)) return ([], GroupMembers(key, transaction));
        // The key's corpus events that hold one are marked in corpus_event_dates (ChangeOfPlanMark), so neither the key's
        // corpus events nor every change of plan of the store are read.
        var changesOfPlanOnly = $"""
            SELECT c.corpus_event_id, e.date_value, e.status, d.published
            FROM corpus_event_dates AS c
            CROSS JOIN events AS e ON e.corpus_event_id = c.corpus_event_id
            JOIN documents AS d ON d.doc_key = e.doc_key
            WHERE {OfKey} AND c.date_value = '{ChangeOfPlanMark}' AND e.status IN ('{EventStatuses.Postponed}', '{EventStatuses.Cancelled}')
            """;
        var changesOfPlan = "\nUNION ALL\n" + changesOfPlanOnly;
        SqliteCommand command;
        if (IsVague(mention))
        {
            // Every mention of the key with the same vague value agrees (both dated, same value), so only the corpus events
            // that hold one matter: an index of (key, value) finds them without reading the key's group, which grows with
            // every document that repeats the value.
            var sure = Ids(transaction, $"""
                SELECT c.corpus_event_id FROM corpus_event_dates AS c
                WHERE {OfKey} AND c.date_value = $date
                """,
                [.. keyParameters, ("$date", mention.DateValue)]);
            using (command = Command(transaction, changesOfPlanOnly, keyParameters))
            {
                return (sure, ReadMentions(command));
            }
        }

        if (EventMerger.DayOf(mention.DateValue) is { } day)
        {
            // Values that start with a day from day - window to day + window sort from the first to before the day after.
            command = Command(transaction, $"""
                SELECT c.corpus_event_id, e.date_value, e.status, d.published
                FROM events AS e
                CROSS JOIN corpus_events AS c ON c.corpus_event_id = e.corpus_event_id
                JOIN documents AS d ON d.doc_key = e.doc_key
                WHERE e.date_value >= $low AND e.date_value < $high AND {OfKey}{changesOfPlan}
                """,
                [.. keyParameters, ("$low", Day(day.AddDays(-EventMerger.DateWindowDays))), ("$high", Day(day.AddDays(EventMerger.DateWindowDays + 1)))]);
        }
        else if (mention.DateValue is null && mention.Published is { } published)
        {
            // The key's corpus events reported in the window (first and last publication dates span their reports':
            // an index range on the key and the last), then their reports published in it; reading every report of
            // every key published in the window cost more as the store and its pages grew.
            command = Command(transaction, $"""
                SELECT c.corpus_event_id, e.date_value, e.status, d.published
                FROM corpus_events AS c
                CROSS JOIN events AS e ON e.corpus_event_id = c.corpus_event_id
                JOIN documents AS d ON d.doc_key = e.doc_key
                WHERE {OfKey} AND c.last_published >= $low AND c.first_published <= $high
                  AND d.published BETWEEN $low AND $high{changesOfPlan}
                """,
                [.. keyParameters, ("$low", Day(published.AddDays(-EventMerger.UndatedWindowDays))), ("$high", Day(published.AddDays(EventMerger.UndatedWindowDays)))]);
        }
        else
        {
            // Neither a date nor a publication date: the key's group.
            command = Command(transaction, $"""
                SELECT c.corpus_event_id, e.date_value, e.status, d.published
                FROM corpus_events AS c
                JOIN events AS e ON e.corpus_event_id = c.corpus_event_id
                JOIN documents AS d ON d.doc_key = e.doc_key
                WHERE {OfKey}
                """,
                keyParameters);
        }

        using (command)
        {
            return ([], ReadMentions(command));
        }
    }

    /// <summary>The corpus events of <paramref name="key"/> that a mention agrees with (<see cref="EventMerger.Agree"/>), each
    /// at least once.</summary>
    private IEnumerable<long> AgreeingEvents(CorpusEventKey key, EventMention mention, SqliteTransaction transaction)
    {
        var (agreeing, candidates) = AgreeableMembers(key, mention, transaction);
        return agreeing.Concat(candidates.Where(m => EventMerger.Agree(mention, m.Mention)).Select(m => m.Id));
    }

    /// <summary>Whether a mention has a date that is not a day (a week, a month, a year, "the past") and is not a change of
    /// plan: every such mention of a key with the same value agrees with it, and <c>corpus_event_dates</c> lists the corpus
    /// events that hold one.</summary>
    private static bool IsVague(EventMention mention) =>
        mention.DateValue is not null && EventMerger.DayOf(mention.DateValue) is null && !EventStatuses.IsChangeOfPlan(mention.Status);

    private static List<(long Id, EventMention Mention)> ReadMentions(SqliteCommand command)
    {
        using var reader = command.ExecuteReader();
        var list = new List<(long, EventMention)>();
        while (reader.Read())
        {
            var date = NullableString(reader, 1);
            list.Add((reader.GetInt64(0), new EventMention(string.IsNullOrWhiteSpace(date) ? null : date, ParseDay(reader, 3), reader.GetString(2))));
        }

        return list;
    }

    /// <summary>Moves every mention and source of corpus event <paramref name="from"/> to <paramref name="into"/> and
    /// deletes it; the caller refreshes <paramref name="into"/>.</summary>
    private void MergeEvent(long from, long into, SqliteTransaction transaction)
    {
        Execute(transaction, "UPDATE events SET corpus_event_id = $into WHERE corpus_event_id = $from", ("$into", into), ("$from", from));
        Execute(transaction, "INSERT OR IGNORE INTO corpus_event_sources (corpus_event_id, source) SELECT $into, source FROM corpus_event_sources WHERE corpus_event_id = $from",
            ("$into", into), ("$from", from));
        Execute(transaction, "UPDATE OR IGNORE corpus_event_dates SET corpus_event_id = $into WHERE corpus_event_id = $from", ("$into", into), ("$from", from));
        Execute(transaction, "DELETE FROM corpus_event_dates WHERE corpus_event_id = $from", ("$from", from));
        Execute(transaction, "DELETE FROM corpus_events WHERE corpus_event_id = $from", ("$from", from));
    }

    /// <summary>After an entity merge: replaces an actor key in a corpus event's key, then merges it with the corpus
    /// events of its new key that any of its mentions agrees with.</summary>
    private void RekeyEvent(long id, string oldActor, string newActor, SqliteTransaction transaction)
    {
        CorpusEventKey? key = null;
        using (var command = Command(transaction, "SELECT type, source_key, target_key, status_class FROM corpus_events WHERE corpus_event_id = $id", ("$id", id)))
        using (var reader = command.ExecuteReader())
        {
            if (reader.Read())
            {
                string Rekey(string side) => EventMerger.SideKey(side.Split('|', StringSplitOptions.RemoveEmptyEntries).Select(a => a == oldActor ? newActor : a));
                key = new CorpusEventKey(reader.GetString(0), Rekey(reader.GetString(1)), Rekey(reader.GetString(2)), reader.GetString(3));
            }
        }

        if (key is null)
        {
            return; // merged away by an earlier event of this loop
        }

        Execute(transaction, "UPDATE corpus_events SET source_key = $source, target_key = $target WHERE corpus_event_id = $id",
            ("$id", id), ("$source", key.SourceKey), ("$target", key.TargetKey));
        Execute(transaction, "UPDATE corpus_event_dates SET source_key = $source, target_key = $target WHERE corpus_event_id = $id",
            ("$id", id), ("$source", key.SourceKey), ("$target", key.TargetKey));
        List<EventMention> mine;
        using (var command = Command(transaction, """
            SELECT e.corpus_event_id, e.date_value, e.status, d.published
            FROM events AS e JOIN documents AS d ON d.doc_key = e.doc_key
            WHERE e.corpus_event_id = $id
            """, ("$id", id)))
        {
            mine = [.. ReadMentions(command).Select(m => m.Mention)];
        }

        // The corpus events of the new key that any of its mentions agrees with, found as a new mention finds them.
        var joined = mine
            .SelectMany(x => AgreeingEvents(key, x, transaction))
            .Where(other => other != id)
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
            MergeEvent(other, joined[0], transaction);
        }

        RefreshEvent(joined[0], transaction);
    }

    /// <summary>Recomputes a corpus event from its mentions: counts, publication range, most advanced status and domain, and
    /// the type details, date, place and actors of its first mention in (date, document id, event id) order.</summary>
    private void RefreshEvent(long id, SqliteTransaction transaction)
    {
        var rows = new List<(long Doc, string Event, string Status, string? Mode, string Cameo, long Quad, double Goldstein, string? Date, string? Location, string? Published, string DocId)>();
        using (var command = Command(transaction, """
            SELECT e.doc_key, e.event_id, e.status, e.mode, e.cameo, e.quad_class, e.goldstein, e.date_value, e.location_text, d.published, d.id
            FROM events AS e JOIN documents AS d ON d.doc_key = e.doc_key
            WHERE e.corpus_event_id = $id
            """, ("$id", id)))
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                var date = NullableString(reader, 7);
                rows.Add((reader.GetInt64(0), reader.GetString(1), reader.GetString(2), NullableString(reader, 3), reader.GetString(4),
                    reader.GetInt64(5), reader.GetDouble(6), string.IsNullOrWhiteSpace(date) ? null : date, NullableString(reader, 8),
                    NullableString(reader, 9), reader.GetString(10)));
            }
        }

        var ordered = rows
            .OrderBy(r => r.Date is null ? 1 : 0).ThenBy(r => r.Date, StringComparer.Ordinal)
            .ThenBy(r => r.DocId, StringComparer.Ordinal).ThenBy(r => r.Event, StringComparer.Ordinal)
            .ToList();
        var first = ordered[0];
        Execute(transaction, """
            UPDATE corpus_events SET
                status = $status, mode = $mode, cameo = $cameo, quad_class = $quad, goldstein = $goldstein,
                date_value = $date, date_day = $dateDay, location_text = $location,
                first_published = $first, last_published = $last,
                mention_count = $mentions, document_count = $documents,
                source_count = (SELECT count(*) FROM corpus_event_sources WHERE corpus_event_id = $id)
            WHERE corpus_event_id = $id
            """,
            ("$id", id), ("$status", EventMerger.MostAdvanced(rows.Select(r => r.Status))),
            ("$mode", ordered.Select(r => r.Mode).FirstOrDefault(m => m is not null)), ("$cameo", first.Cameo), ("$quad", first.Quad),
            ("$goldstein", first.Goldstein), ("$date", first.Date), ("$dateDay", Day(EventMerger.DayOf(first.Date))),
            ("$location", ordered.Select(r => r.Location).FirstOrDefault(l => l is not null)),
            ("$first", rows.Select(r => r.Published).Aggregate((string?)null, Min)),
            ("$last", rows.Select(r => r.Published).Aggregate((string?)null, Max)),
            ("$mentions", rows.Count), ("$documents", rows.Select(r => r.Doc).Distinct().Count()));
        // The place: the first report's (same order) that its sentence names, else the first report's document place.
        Execute(transaction, """
            UPDATE corpus_events SET (location_place, location_country_code, location_latitude, location_longitude, location_scope) =
                (SELECT e.location_place, e.location_country_code, e.location_latitude, e.location_longitude, e.location_scope
                 FROM events AS e JOIN documents AS d ON d.doc_key = e.doc_key
                 WHERE e.corpus_event_id = $id AND e.location_place IS NOT NULL
                 ORDER BY e.location_scope = 'document', e.date_value IS NULL OR trim(e.date_value) = '', e.date_value, d.id, e.event_id
                 LIMIT 1)
            WHERE corpus_event_id = $id
            """, ("$id", id));
        // The domain follows the reports: a corpus event is flagged (left out of the default views) only when every
        // report of it comes from a sport or entertainment document; the least such domain, so the order reports arrive
        // in does not matter.
        Execute(transaction, """
            UPDATE corpus_events SET domain = (
                SELECT CASE WHEN count(*) = count(e.domain) THEN min(e.domain) END FROM events AS e WHERE e.corpus_event_id = $id)
            WHERE corpus_event_id = $id
            """, ("$id", id));
        Execute(transaction, "DELETE FROM corpus_event_actors WHERE corpus_event_id = $id", ("$id", id));
        Execute(transaction, """
            INSERT INTO corpus_event_actors (corpus_event_id, side, ordinal, corpus_id, code, text, entity_name, entity_code)
            SELECT $id, a.side, row_number() OVER (PARTITION BY a.side ORDER BY a.ordinal) - 1, n.corpus_id, a.code, a.text, c.name, c.code
            FROM event_actors AS a LEFT JOIN entities AS n ON n.doc_key = a.doc_key AND n.entity_id = a.entity
            LEFT JOIN corpus_entities AS c ON c.corpus_id = n.corpus_id
            WHERE a.doc_key = $doc AND a.event_id = $event
            """, ("$id", id), ("$doc", first.Doc), ("$event", first.Event));
    }

    private List<long> Ids(SqliteTransaction transaction, string sql, params (string Name, object? Value)[] parameters)
    {
        using var command = Command(transaction, sql, parameters);
        using var reader = command.ExecuteReader();
        var ids = new List<long>();
        while (reader.Read())
        {
            ids.Add(reader.GetInt64(0));
        }

        return ids;
    }

    private static string? NullableString(SqliteDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    private void AddName((long Id, string Type, bool Bare) owner, string name, string kind, SqliteTransaction transaction)
    {
        var key = NameKey.Normalise(name);
        if (key.Length > 0)
        {
            AddKey(owner, key, kind, name, transaction);
        }
    }

    /// <summary>Adds a name row to corpus entity <paramref name="owner"/>, with the entity's type and bareness (which
    /// <see cref="FindEntities"/> reads from the row).</summary>
    private void AddKey((long Id, string Type, bool Bare) owner, string key, string kind, string display, SqliteTransaction transaction) =>
        Execute(transaction, """
            INSERT INTO corpus_entity_aliases (corpus_id, norm, kind, alias, type, bare) VALUES ($id, $norm, $kind, $alias, $type, $bare)
            ON CONFLICT (corpus_id, norm, kind) DO UPDATE SET alias = min(alias, excluded.alias)
            """,
            ("$id", owner.Id), ("$norm", key), ("$kind", kind), ("$alias", display), ("$type", owner.Type), ("$bare", owner.Bare ? 1 : 0));

    internal static string? Day(DateOnly? day) => day?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    internal static DateOnly? ParseDay(SqliteDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null
        : DateOnly.TryParseExact(reader.GetString(ordinal), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;

    private SqliteCommand Command(SqliteTransaction transaction, string sql, params (string Name, object? Value)[] parameters)
    {
        var command = connection.CreateCommand();
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
        return Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    private T? Scalar<T>(SqliteTransaction transaction, string sql, params (string Name, object? Value)[] parameters)
    {
        using var command = Command(transaction, sql, parameters);
        var value = command.ExecuteScalar();
        return value is null or DBNull ? default : (T)Convert.ChangeType(value, typeof(T), CultureInfo.InvariantCulture);
    }
}
