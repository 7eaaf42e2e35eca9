using Dossier.Storage.Analytics;
using Dossier.Storage.Corpus;

namespace Dossier.Storage.Postgres;

/// <summary>The rows an analytics copy reads (<see cref="IAnalyticsSource"/>), by document key: the queries of
/// <c>SqliteDocumentStore.Analytics</c> on the same tables.</summary>
public sealed partial class PostgresDocumentStore : IAnalyticsSource
{
    /// <inheritdoc />
    public Task<IReadOnlyList<AnalyticsDocument>> DocumentsAfterAsync(long afterKey, int limit, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(limit);
        return ReadAsync<IReadOnlyList<AnalyticsDocument>>(async (c, ct) => await Pg.ReadAllAsync(c, null, """
            SELECT doc_key, id, title, source, url, published, language, topic, char_count
            FROM documents WHERE doc_key > @after ORDER BY doc_key LIMIT @limit
            """, r => new AnalyticsDocument(
                r.GetInt64(0), r.GetString(1), Pg.Text(r, 2), r.GetString(3), Pg.Text(r, 4),
                Pg.ParseDay(r, 5), Pg.Text(r, 6), Pg.Text(r, 7), Pg.Int(r, 8)),
            ct, ("@after", afterKey), ("@limit", (long)limit)).ConfigureAwait(false), cancellationToken);
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<AnalyticsEventMention>> EventMentionsAsync(long afterKey, long lastKey, CancellationToken cancellationToken = default) =>
        ReadAsync<IReadOnlyList<AnalyticsEventMention>>(async (c, ct) =>
        {
            var actorRows = await Pg.ReadAllAsync(c, null, """
                SELECT a.doc_key, a.event_id, a.side, coalesce(en.corpus_id, 0), coalesce(ce.name, en.name, a.text)
                FROM event_actors AS a
                LEFT JOIN entities AS en ON en.doc_key = a.doc_key AND en.entity_id = a.entity
                LEFT JOIN corpus_entities AS ce ON ce.corpus_id = en.corpus_id
                WHERE a.doc_key > @after AND a.doc_key <= @last
                ORDER BY a.doc_key, a.event_id, a.side, a.ordinal
                """, r => (Doc: r.GetInt64(0), Event: r.GetString(1), Side: r.GetString(2), Id: Pg.Long(r, 3), Name: r.GetString(4)),
                ct, ("@after", afterKey), ("@last", lastKey)).ConfigureAwait(false);
            var actors = new Dictionary<(long, string, string), (List<long> Ids, List<string> Names)>();
            foreach (var (doc, evt, side, id, name) in actorRows)
            {
                if (!actors.TryGetValue((doc, evt, side), out var list))
                {
                    actors[(doc, evt, side)] = list = ([], []);
                }

                list.Ids.Add(id);
                list.Names.Add(name);
            }

            return await Pg.ReadAllAsync(c, null, """
                SELECT e.doc_key, d.id, e.event_id, coalesce(e.corpus_event_id, 0), e.type, e.cameo, e.quad_class, e.goldstein,
                       e.status, e.date_value, d.published, e.location_country, e.confidence, e.domain
                FROM events AS e JOIN documents AS d ON d.doc_key = e.doc_key
                WHERE e.doc_key > @after AND e.doc_key <= @last
                ORDER BY e.doc_key, e.ordinal
                """, r =>
                {
                    var doc = r.GetInt64(0);
                    var eventId = r.GetString(2);
                    var own = EventMerger.DayOf(Pg.Text(r, 9));
                    actors.TryGetValue((doc, eventId, "source"), out var source);
                    actors.TryGetValue((doc, eventId, "target"), out var target);
                    return new AnalyticsEventMention(
                        doc, r.GetString(1), eventId, Pg.Long(r, 3), r.GetString(4), r.GetString(5), Pg.Int(r, 6), Pg.Double(r, 7),
                        r.GetString(8), own ?? Pg.ParseDay(r, 10), own is null, Pg.Text(r, 11), Pg.Double(r, 12), Pg.Text(r, 13),
                        source.Ids ?? [], source.Names ?? [], target.Ids ?? [], target.Names ?? []);
                }, ct, ("@after", afterKey), ("@last", lastKey)).ConfigureAwait(false);
        }, cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<AnalyticsCorpusEvent>> CorpusEventsAsync(long afterKey, long lastKey, CancellationToken cancellationToken = default) =>
        ReadAsync<IReadOnlyList<AnalyticsCorpusEvent>>(async (c, ct) =>
        {
            const string Touched = "SELECT DISTINCT corpus_event_id FROM events WHERE doc_key > @after AND doc_key <= @last AND corpus_event_id IS NOT NULL";
            var actorRows = await Pg.ReadAllAsync(c, null, $"""
                SELECT corpus_event_id, side, coalesce(corpus_id, 0) FROM corpus_event_actors
                WHERE corpus_event_id IN ({Touched}) ORDER BY corpus_event_id, side, ordinal
                """, r => (Id: r.GetInt64(0), Side: r.GetString(1), Entity: Pg.Long(r, 2)), ct, ("@after", afterKey), ("@last", lastKey)).ConfigureAwait(false);
            var actors = new Dictionary<(long, string), List<long>>();
            foreach (var (id, side, entity) in actorRows)
            {
                if (!actors.TryGetValue((id, side), out var list))
                {
                    actors[(id, side)] = list = [];
                }

                list.Add(entity);
            }

            return await Pg.ReadAllAsync(c, null, $"""
                SELECT corpus_event_id, type, cameo, quad_class, goldstein, status, coalesce(date_day, first_published), domain,
                       mention_count, document_count, source_count
                FROM corpus_events WHERE corpus_event_id IN ({Touched}) ORDER BY corpus_event_id
                """, r =>
                {
                    var id = r.GetInt64(0);
                    return new AnalyticsCorpusEvent(
                        id, r.GetString(1), r.GetString(2), Pg.Int(r, 3), Pg.Double(r, 4), r.GetString(5), Pg.ParseDay(r, 6),
                        Pg.Text(r, 7), Pg.Long(r, 8), Pg.Long(r, 9), Pg.Long(r, 10),
                        actors.GetValueOrDefault((id, "source")) ?? [], actors.GetValueOrDefault((id, "target")) ?? []);
                }, ct, ("@after", afterKey), ("@last", lastKey)).ConfigureAwait(false);
        }, cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<AnalyticsEntity>> EntitiesAsync(long afterKey, long lastKey, CancellationToken cancellationToken = default) =>
        ReadAsync<IReadOnlyList<AnalyticsEntity>>(async (c, ct) => await Pg.ReadAllAsync(c, null, """
            SELECT corpus_id, name, type, country, code, mention_count, document_count FROM corpus_entities
            WHERE corpus_id IN (SELECT DISTINCT corpus_id FROM entities WHERE doc_key > @after AND doc_key <= @last AND corpus_id IS NOT NULL)
            ORDER BY corpus_id
            """, r => new AnalyticsEntity(
                r.GetInt64(0), r.GetString(1), r.GetString(2), Pg.Text(r, 3), Pg.Text(r, 4), Pg.Long(r, 5), Pg.Long(r, 6)),
            ct, ("@after", afterKey), ("@last", lastKey)).ConfigureAwait(false), cancellationToken);

    /// <inheritdoc />
    public Task<(IReadOnlyList<long> CorpusEvents, IReadOnlyList<long> Entities)> CorpusIdsAsync(CancellationToken cancellationToken = default) =>
        ReadAsync<(IReadOnlyList<long>, IReadOnlyList<long>)>(async (c, ct) =>
        {
            var events = await Pg.ReadAllAsync(c, null, "SELECT corpus_event_id FROM corpus_events ORDER BY corpus_event_id", r => r.GetInt64(0), ct).ConfigureAwait(false);
            var entities = await Pg.ReadAllAsync(c, null, "SELECT corpus_id FROM corpus_entities ORDER BY corpus_id", r => r.GetInt64(0), ct).ConfigureAwait(false);
            return (events, entities);
        }, cancellationToken);

    /// <inheritdoc />
    public Task<AnalyticsCounts> CountAsync(CancellationToken cancellationToken = default) =>
        ReadAsync(async (c, ct) => (await Pg.ReadAllAsync(c, null, """
            SELECT (SELECT count(*) FROM documents), (SELECT count(*) FROM events),
                   (SELECT count(*) FROM corpus_events), (SELECT count(*) FROM corpus_entities)
            """, r => new AnalyticsCounts(r.GetInt64(0), r.GetInt64(1), r.GetInt64(2), r.GetInt64(3)), ct).ConfigureAwait(false))[0], cancellationToken);
}
