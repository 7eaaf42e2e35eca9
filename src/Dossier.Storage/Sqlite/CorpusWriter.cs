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
/// Not thread-safe: used under the store's lock.
/// </summary>
internal sealed class CorpusWriter(SqliteConnection connection)
{
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
        var fullNames = EntityMatcher.FullNamesIn(document);
        var seenInDocument = new HashSet<long>();
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
            var candidates = Candidates(EntityMatcher.LookupKeys(entity), entity.Type, transaction);
            var match = EntityMatcher.Match(entity, fullNames, candidates);
            long id;
            if (match.CorpusId is { } existing)
            {
                id = existing;
                var current = candidates.First(c => c.Id == id);
                var name = EntityMatcher.FullerName(current.Name, entity.Name);
                Execute(transaction, """
                    UPDATE corpus_entities SET
                        name = $name,
                        country = coalesce(country, $country),
                        sector = CASE WHEN $newer AND $sector IS NOT NULL THEN $sector ELSE sector END,
                        code = CASE WHEN $newer AND $code IS NOT NULL THEN $code ELSE code END,
                        code_published = CASE WHEN $newer AND ($sector IS NOT NULL OR $code IS NOT NULL) THEN $day ELSE code_published END
                    WHERE corpus_id = $id
                    """,
                    ("$id", id), ("$name", name), ("$country", entity.Country), ("$sector", entity.Sector), ("$code", entity.Code),
                    ("$day", day), ("$newer", IsNewer(id, day, transaction)));
                AddName(id, name, "name", transaction);
            }
            else
            {
                id = Insert(transaction, """
                    INSERT INTO corpus_entities (name, type, country, sector, code, code_published)
                    VALUES ($name, $type, $country, $sector, $code, $day)
                    RETURNING corpus_id
                    """,
                    ("$name", entity.Name), ("$type", entity.Type), ("$country", entity.Country), ("$sector", entity.Sector),
                    ("$code", entity.Code), ("$day", day));
                AddName(id, entity.Name, "name", transaction);
            }

            AddName(id, entity.Name, "alias", transaction);
            foreach (var alias in entity.Aliases.IsDefault ? [] : entity.Aliases)
            {
                AddName(id, alias, "alias", transaction);
            }

            if (entity.Type == EntityTypes.Person)
            {
                var key = NameKey.Normalise(entity.Name);
                if (NameKey.WordCount(key) > 1)
                {
                    AddKey(id, NameKey.LastWord(key), "surname", entity.Name, transaction);
                }
            }

            var mentions = entity.Mentions.IsDefault ? 0 : entity.Mentions.Length;
            var firstInDocument = seenInDocument.Add(id);
            Execute(transaction, """
                UPDATE corpus_entities SET
                    mention_count = mention_count + $mentions,
                    document_count = document_count + $newDocument,
                    first_seen = coalesce(min(first_seen, $day), first_seen, $day),
                    last_seen = coalesce(max(last_seen, $day), last_seen, $day)
                WHERE corpus_id = $id
                """,
                ("$id", id), ("$mentions", Math.Max(1, mentions)), ("$newDocument", firstInDocument ? 1 : 0), ("$day", day));

            foreach (var role in entity.Roles.IsDefault ? [] : entity.Roles)
            {
                var roleKey = string.Join('|', NameKey.Normalise(role.Title), NameKey.Normalise(role.Organization),
                    (role.Country ?? "").ToUpperInvariant(), role.Status);
                var newDocument = rolesInDocument.Add((id, roleKey)) ? 1 : 0;
                Execute(transaction, """
                    INSERT INTO corpus_entity_roles (corpus_id, role_key, title, organization, country, status, first_seen, last_seen, document_count)
                    VALUES ($id, $key, $title, $organization, $country, $status, $day, $day, 1)
                    ON CONFLICT (corpus_id, role_key) DO UPDATE SET
                        first_seen = coalesce(min(first_seen, excluded.first_seen), first_seen, excluded.first_seen),
                        last_seen = coalesce(max(last_seen, excluded.last_seen), last_seen, excluded.last_seen),
                        document_count = document_count + $newDocument
                    """,
                    ("$id", id), ("$key", roleKey), ("$title", role.Title), ("$organization", role.Organization),
                    ("$country", role.Country), ("$status", role.Status), ("$day", day), ("$newDocument", newDocument));
            }

            Execute(transaction, "UPDATE entities SET corpus_id = $id WHERE doc_key = $doc AND entity_id = $entity",
                ("$id", id), ("$doc", docKey), ("$entity", entity.Id));
            links.TryAdd(entity.Id, id);
        }

        return links;
    }

    private void LinkEvents(long docKey, Document document, DateOnly? published, Dictionary<string, long> entityIds, SqliteTransaction transaction)
    {
        var day = Day(published);
        var source = EventMerger.SourceOf(document.Metadata);
        var seenInDocument = new HashSet<long>();
        foreach (var e in document.Events.IsDefault ? [] : document.Events)
        {
            var key = EventMerger.KeyOf(e, id => entityIds.TryGetValue(id, out var corpusId) ? corpusId : null);
            var dateValue = string.IsNullOrWhiteSpace(e.Date?.Value) ? null : e.Date.Value;
            CorpusEventCandidate? chosen = null;
            if (key.IsMergeable)
            {
                chosen = EventMerger.Choose(dateValue, published, EventCandidates(key, transaction), e.Status);
            }

            long id;
            if (chosen is not null)
            {
                id = chosen.Id;
                var current = Scalar<string>(transaction, "SELECT status FROM corpus_events WHERE corpus_event_id = $id", ("$id", id))!;
                Execute(transaction, """
                    UPDATE corpus_events SET
                        status = $status,
                        mode = coalesce(mode, $mode),
                        date_value = coalesce(date_value, $date),
                        date_day = coalesce(date_day, $dateDay),
                        location_text = coalesce(location_text, $location),
                        first_published = coalesce(min(first_published, $day), first_published, $day),
                        last_published = coalesce(max(last_published, $day), last_published, $day)
                    WHERE corpus_event_id = $id
                    """,
                    ("$id", id), ("$status", EventMerger.MoreAdvanced(current, e.Status)), ("$mode", e.Mode), ("$date", dateValue),
                    ("$dateDay", Day(EventMerger.DayOf(dateValue))), ("$location", e.Location?.Text), ("$day", day));
            }
            else
            {
                id = Insert(transaction, """
                    INSERT INTO corpus_events (type, mode, cameo, quad_class, goldstein, status, status_class, date_value, date_day,
                                               location_text, source_key, target_key, first_published, last_published)
                    VALUES ($type, $mode, $cameo, $quad, $goldstein, $status, $class, $date, $dateDay, $location, $sourceKey, $targetKey, $day, $day)
                    RETURNING corpus_event_id
                    """,
                    ("$type", e.Type), ("$mode", e.Mode), ("$cameo", e.Cameo), ("$quad", e.QuadClass), ("$goldstein", e.Goldstein),
                    ("$status", e.Status), ("$class", key.StatusClass), ("$date", dateValue), ("$dateDay", Day(EventMerger.DayOf(dateValue))),
                    ("$location", e.Location?.Text), ("$sourceKey", key.SourceKey), ("$targetKey", key.TargetKey), ("$day", day));
                InsertActors(id, "source", e.Source, entityIds, transaction);
                InsertActors(id, "target", e.Target, entityIds, transaction);
            }

            var newSource = Execute(transaction, "INSERT OR IGNORE INTO corpus_event_sources (corpus_event_id, source) VALUES ($id, $source)",
                ("$id", id), ("$source", source));
            Execute(transaction, """
                UPDATE corpus_events SET
                    mention_count = mention_count + 1,
                    document_count = document_count + $newDocument,
                    source_count = source_count + $newSource
                WHERE corpus_event_id = $id
                """,
                ("$id", id), ("$newDocument", seenInDocument.Add(id) ? 1 : 0), ("$newSource", newSource));
            Execute(transaction, "UPDATE events SET corpus_event_id = $id WHERE doc_key = $doc AND event_id = $event",
                ("$id", id), ("$doc", docKey), ("$event", e.Id));
        }
    }

    private void InsertActors(long eventId, string side, System.Collections.Immutable.ImmutableArray<EventActor> actors,
        Dictionary<string, long> entityIds, SqliteTransaction transaction)
    {
        var ordinal = 0;
        foreach (var actor in actors.IsDefault ? [] : actors)
        {
            long? corpusId = actor.Entity is { } entity && entityIds.TryGetValue(entity, out var c) ? c : null;
            Execute(transaction, """
                INSERT INTO corpus_event_actors (corpus_event_id, side, ordinal, corpus_id, code, text)
                VALUES ($id, $side, $ordinal, $corpus, $code, $text)
                """,
                ("$id", eventId), ("$side", side), ("$ordinal", ordinal++), ("$corpus", corpusId), ("$code", actor.Code), ("$text", actor.Text));
        }
    }

    private List<CorpusEventCandidate> EventCandidates(CorpusEventKey key, SqliteTransaction transaction)
    {
        using var command = Command(transaction, """
            SELECT corpus_event_id, date_value, first_published, last_published, status FROM corpus_events
            WHERE type = $type AND source_key = $source AND target_key = $target AND status_class = $class
            ORDER BY corpus_event_id
            """,
            ("$type", key.Type), ("$source", key.SourceKey), ("$target", key.TargetKey), ("$class", key.StatusClass));
        using var reader = command.ExecuteReader();
        var list = new List<CorpusEventCandidate>();
        while (reader.Read())
        {
            list.Add(new CorpusEventCandidate(reader.GetInt64(0), reader.IsDBNull(1) ? null : reader.GetString(1),
                ParseDay(reader, 2), ParseDay(reader, 3), reader.GetString(4)));
        }

        return list;
    }

    private List<CorpusEntityCandidate> Candidates(IReadOnlyList<string> keys, string type, SqliteTransaction transaction)
    {
        if (keys.Count == 0)
        {
            return [];
        }

        var parameters = keys.Select((k, i) => ("$k" + i.ToString(CultureInfo.InvariantCulture), (object?)k)).ToList();
        parameters.Add(("$type", type));
        using var command = Command(transaction, $"""
            SELECT c.corpus_id, c.name, c.type, c.country, c.mention_count, a.norm, a.kind
            FROM corpus_entities AS c JOIN corpus_entity_aliases AS a ON a.corpus_id = c.corpus_id
            WHERE c.type = $type AND c.corpus_id IN (
                SELECT corpus_id FROM corpus_entity_aliases WHERE norm IN ({string.Join(", ", parameters.Take(keys.Count).Select(p => p.Item1))}))
            ORDER BY c.corpus_id
            """, [.. parameters]);
        using var reader = command.ExecuteReader();
        var rows = new List<(long Id, string Name, string Type, string? Country, long Mentions, string Norm, string Kind)>();
        while (reader.Read())
        {
            rows.Add((reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.IsDBNull(3) ? null : reader.GetString(3),
                reader.GetInt64(4), reader.GetString(5), reader.GetString(6)));
        }

        return rows
            .GroupBy(r => r.Id)
            .Select(g =>
            {
                var first = g.First();
                var names = g.Where(r => r.Kind != "surname").Select(r => r.Norm).ToHashSet(StringComparer.Ordinal);
                return new CorpusEntityCandidate(first.Id, first.Name, first.Type, first.Country, first.Mentions, names);
            })
            .ToList();
    }

    private bool IsNewer(long id, string? day, SqliteTransaction transaction)
    {
        var stored = Scalar<string>(transaction, "SELECT code_published FROM corpus_entities WHERE corpus_id = $id", ("$id", id));
        // An undated document counts as the latest only against undated ones.
        return day is null ? stored is null : stored is null || string.CompareOrdinal(day, stored) >= 0;
    }

    private void AddName(long id, string name, string kind, SqliteTransaction transaction)
    {
        var key = NameKey.Normalise(name);
        if (key.Length > 0)
        {
            AddKey(id, key, kind, name, transaction);
        }
    }

    private void AddKey(long id, string key, string kind, string display, SqliteTransaction transaction) =>
        Execute(transaction, "INSERT OR IGNORE INTO corpus_entity_aliases (corpus_id, norm, kind, alias) VALUES ($id, $norm, $kind, $alias)",
            ("$id", id), ("$norm", key), ("$kind", kind), ("$alias", display));

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
