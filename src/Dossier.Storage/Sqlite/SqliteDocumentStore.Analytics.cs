using Dossier.Storage.Analytics;
using Dossier.Storage.Corpus;
using Microsoft.Data.Sqlite;

namespace Dossier.Storage.Sqlite;

/// <summary>The rows an analytics copy reads (<see cref="IAnalyticsSource"/>), by document key.</summary>
public sealed partial class SqliteDocumentStore : IAnalyticsSource
{
    /// <inheritdoc />
    public Task<IReadOnlyList<AnalyticsDocument>> DocumentsAfterAsync(long afterKey, int limit, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(limit);
        return ReadAsync(session =>
        {
            var command = session.Command("""
                SELECT doc_key, id, title, source, url, published, language, topic, char_count
                FROM documents WHERE doc_key > $after ORDER BY doc_key LIMIT $limit
                """, ("$after", afterKey), ("$limit", limit));
            return (IReadOnlyList<AnalyticsDocument>)ReadAll(command, r => new AnalyticsDocument(
                r.GetInt64(0), r.GetString(1), NullableString(r, 2), r.GetString(3), NullableString(r, 4),
                CorpusWriter.ParseDay(r, 5), NullableString(r, 6), NullableString(r, 7), r.GetInt32(8)));
        }, cancellationToken);
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<AnalyticsEventMention>> EventMentionsAsync(long afterKey, long lastKey, CancellationToken cancellationToken = default) =>
        ReadAsync(session =>
        {
            var actorCommand = session.Command("""
                SELECT a.doc_key, a.event_id, a.side, coalesce(en.corpus_id, 0), coalesce(ce.name, en.name, a.text)
                FROM event_actors AS a
                LEFT JOIN entities AS en ON en.doc_key = a.doc_key AND en.entity_id = a.entity
                LEFT JOIN corpus_entities AS ce ON ce.corpus_id = en.corpus_id
                WHERE a.doc_key > $after AND a.doc_key <= $last
                ORDER BY a.doc_key, a.event_id, a.side, a.ordinal
                """, ("$after", afterKey), ("$last", lastKey));
            var actors = new Dictionary<(long, string, string), (List<long> Ids, List<string> Names)>();
            foreach (var (doc, evt, side, id, name) in ReadAll(actorCommand, r => (r.GetInt64(0), r.GetString(1), r.GetString(2), r.GetInt64(3), r.GetString(4))))
            {
                if (!actors.TryGetValue((doc, evt, side), out var list))
                {
                    actors[(doc, evt, side)] = list = ([], []);
                }

                list.Ids.Add(id);
                list.Names.Add(name);
            }

            var command = session.Command("""
                SELECT e.doc_key, d.id, e.event_id, coalesce(e.corpus_event_id, 0), e.type, e.cameo, e.quad_class, e.goldstein,
                       e.status, e.date_value, d.published, e.location_country, e.confidence, e.domain
                FROM events AS e JOIN documents AS d ON d.doc_key = e.doc_key
                WHERE e.doc_key > $after AND e.doc_key <= $last
                ORDER BY e.doc_key, e.ordinal
                """, ("$after", afterKey), ("$last", lastKey));
            return (IReadOnlyList<AnalyticsEventMention>)ReadAll(command, r =>
            {
                var doc = r.GetInt64(0);
                var eventId = r.GetString(2);
                var own = EventMerger.DayOf(NullableString(r, 9));
                actors.TryGetValue((doc, eventId, "source"), out var source);
                actors.TryGetValue((doc, eventId, "target"), out var target);
                return new AnalyticsEventMention(
                    doc, r.GetString(1), eventId, r.GetInt64(3), r.GetString(4), r.GetString(5), r.GetInt32(6), r.GetDouble(7),
                    r.GetString(8), own ?? CorpusWriter.ParseDay(r, 10), own is null, NullableString(r, 11), r.GetDouble(12), NullableString(r, 13),
                    source.Ids ?? [], source.Names ?? [], target.Ids ?? [], target.Names ?? []);
            });
        }, cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<AnalyticsCorpusEvent>> CorpusEventsAsync(long afterKey, long lastKey, CancellationToken cancellationToken = default) =>
        ReadAsync(session =>
        {
            const string Touched = "SELECT DISTINCT corpus_event_id FROM events WHERE doc_key > $after AND doc_key <= $last AND corpus_event_id IS NOT NULL";
            var actorCommand = session.Command($"""
                SELECT corpus_event_id, side, coalesce(corpus_id, 0) FROM corpus_event_actors
                WHERE corpus_event_id IN ({Touched}) ORDER BY corpus_event_id, side, ordinal
                """, ("$after", afterKey), ("$last", lastKey));
            var actors = new Dictionary<(long, string), List<long>>();
            foreach (var (id, side, entity) in ReadAll(actorCommand, r => (r.GetInt64(0), r.GetString(1), r.GetInt64(2))))
            {
                if (!actors.TryGetValue((id, side), out var list))
                {
                    actors[(id, side)] = list = [];
                }

                list.Add(entity);
            }

            var command = session.Command($"""
                SELECT corpus_event_id, type, cameo, quad_class, goldstein, status, coalesce(date_day, first_published), domain,
                       mention_count, document_count, source_count
                FROM corpus_events WHERE corpus_event_id IN ({Touched}) ORDER BY corpus_event_id
                """, ("$after", afterKey), ("$last", lastKey));
            return (IReadOnlyList<AnalyticsCorpusEvent>)ReadAll(command, r =>
            {
                var id = r.GetInt64(0);
                return new AnalyticsCorpusEvent(
                    id, r.GetString(1), r.GetString(2), r.GetInt32(3), r.GetDouble(4), r.GetString(5), CorpusWriter.ParseDay(r, 6),
                    NullableString(r, 7), r.GetInt64(8), r.GetInt64(9), r.GetInt64(10),
                    actors.GetValueOrDefault((id, "source")) ?? [], actors.GetValueOrDefault((id, "target")) ?? []);
            });
        }, cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<AnalyticsEntity>> EntitiesAsync(long afterKey, long lastKey, CancellationToken cancellationToken = default) =>
        ReadAsync(session =>
        {
            var command = session.Command("""
                SELECT corpus_id, name, type, country, code, mention_count, document_count FROM corpus_entities
                WHERE corpus_id IN (SELECT DISTINCT corpus_id FROM entities WHERE doc_key > $after AND doc_key <= $last AND corpus_id IS NOT NULL)
                ORDER BY corpus_id
                """, ("$after", afterKey), ("$last", lastKey));
            return (IReadOnlyList<AnalyticsEntity>)ReadAll(command, r => new AnalyticsEntity(
                r.GetInt64(0), r.GetString(1), r.GetString(2), NullableString(r, 3), NullableString(r, 4), r.GetInt64(5), r.GetInt64(6)));
        }, cancellationToken);

    /// <inheritdoc />
    public Task<(IReadOnlyList<long> CorpusEvents, IReadOnlyList<long> Entities)> CorpusIdsAsync(CancellationToken cancellationToken = default) =>
        ReadAsync(session =>
        {
            var events = ReadAll(session.Command("SELECT corpus_event_id FROM corpus_events ORDER BY corpus_event_id"), r => r.GetInt64(0));
            var entities = ReadAll(session.Command("SELECT corpus_id FROM corpus_entities ORDER BY corpus_id"), r => r.GetInt64(0));
            return ((IReadOnlyList<long>)events, (IReadOnlyList<long>)entities);
        }, cancellationToken);

    /// <inheritdoc />
    public Task<AnalyticsCounts> CountAsync(CancellationToken cancellationToken = default) =>
        ReadAsync(session =>
        {
            var command = session.Command("""
                SELECT (SELECT count(*) FROM documents), (SELECT count(*) FROM events),
                       (SELECT count(*) FROM corpus_events), (SELECT count(*) FROM corpus_entities)
                """);
            using var reader = command.ExecuteReader();
            reader.Read();
            return new AnalyticsCounts(reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2), reader.GetInt64(3));
        }, cancellationToken);
}
