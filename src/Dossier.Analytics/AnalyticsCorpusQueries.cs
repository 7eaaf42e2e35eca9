using System.Globalization;
using Dossier.Storage.Corpus;

namespace Dossier.Analytics;

/// <summary>
/// The store's corpus queries with the aggregate views answered by the analytics cluster: the actor network and an
/// actor's timeline come from ClickHouse (<see cref="AnalyticsQueries"/>); entities, single events and their evidence
/// still come from the store, so every pair and timeline event links back to its documents. Everything else is the
/// store's. Counts reflect the last <c>dossier sync</c>.
/// </summary>
/// <remarks>The cluster counts a corpus event for a confidence or domain filter when one of its reports passes it
/// (the store decides by the event's best report and by all its reports' domains); the mean Goldstein score is over
/// event mentions.</remarks>
public sealed class AnalyticsCorpusQueries(ICorpusQueries store, ClickHouseCluster cluster) : ICorpusQueries, IEventCounts, IDisposable
{
    private readonly AnalyticsQueries _analytics = new(cluster);

    /// <summary>The views of the cluster itself (counts by day, type, quad class, country).</summary>
    public AnalyticsQueries Analytics => _analytics;

    /// <inheritdoc />
    public Task<IReadOnlyList<CorpusEntitySummary>> ListEntitiesAsync(string? type, string? query, int limit, int offset = 0, CancellationToken cancellationToken = default) =>
        store.ListEntitiesAsync(type, query, limit, offset, cancellationToken);

    /// <inheritdoc />
    public Task<CorpusEntityDetails?> GetEntityAsync(string idOrName, int mentionSamples = 10, CancellationToken cancellationToken = default) =>
        store.GetEntityAsync(idOrName, mentionSamples, cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<CorpusEventSummary>> ListEventsAsync(CorpusEventFilter filter, int limit, int offset = 0, CancellationToken cancellationToken = default) =>
        store.ListEventsAsync(filter, limit, offset, cancellationToken);

    /// <inheritdoc />
    public Task<CorpusEventSummary?> GetEventAsync(long id, CancellationToken cancellationToken = default) => store.GetEventAsync(id, cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyDictionary<string, long>> CorpusEventIdsAsync(string documentId, CancellationToken cancellationToken = default) =>
        store.CorpusEventIdsAsync(documentId, cancellationToken);

    /// <inheritdoc />
    /// <remarks>The page of event ids comes from the cluster; each event, with its evidence, from the store (an event
    /// merged away in the store since the last sync is left out).</remarks>
    public async Task<CorpusTimeline?> TimelineAsync(string entity, int limit, int offset = 0, double minConfidence = 0, string? domain = null, CancellationToken cancellationToken = default)
    {
        var details = await store.GetEntityAsync(entity, 0, cancellationToken).ConfigureAwait(false);
        if (details is null)
        {
            return null;
        }

        var page = await _analytics.TimelineAsync(details.Entity.Id, new AnalyticsFilter(MinConfidence: minConfidence, Domain: domain), limit, offset, cancellationToken).ConfigureAwait(false);
        var events = new List<CorpusEventSummary>(page.Count);
        foreach (var entry in page)
        {
            if (await store.GetEventAsync(entry.CorpusEventId, cancellationToken).ConfigureAwait(false) is { } summary)
            {
                events.Add(summary);
            }
        }

        return new CorpusTimeline(details.Entity, events);
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<CorpusEventSummary>> AgendaAsync(DateOnly from, int limit, int offset = 0, double minConfidence = 0, string? domain = null, CancellationToken cancellationToken = default) =>
        store.AgendaAsync(from, limit, offset, minConfidence, domain, cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<CorpusEventSummary>> UndatedPlansAsync(DateOnly asOf, int days, int limit, int offset = 0, double minConfidence = 0, string? domain = null, CancellationToken cancellationToken = default) =>
        store.UndatedPlansAsync(asOf, days, limit, offset, minConfidence, domain, cancellationToken);

    /// <inheritdoc />
    /// <remarks>Pairs come from the cluster; names and codes of entities from its <c>entities</c> table.</remarks>
    public async Task<IReadOnlyList<ActorPair>> NetworkAsync(int limit, int offset = 0, double minConfidence = 0, string? domain = null, CancellationToken cancellationToken = default)
    {
        var pairs = await _analytics.NetworkAsync(new AnalyticsFilter(MinConfidence: minConfidence, Domain: domain), limit, offset, cancellationToken).ConfigureAwait(false);
        var ids = pairs.SelectMany(p => new[] { p.SourceId, p.TargetId }).Distinct().ToList();
        var names = new Dictionary<long, (string Name, string? Code)>();
        if (ids.Count > 0)
        {
            var rows = await cluster.QueryAsync(
                $"SELECT id, name, code FROM {cluster.Database}.entities FINAL WHERE deleted = 0 AND id IN ({string.Join(", ", ids.Select(Sql.Number))})",
                cancellationToken).ConfigureAwait(false);
            foreach (var row in rows)
            {
                names[long.Parse(row[0], CultureInfo.InvariantCulture)] = (row[1], row[2].Length == 0 ? null : row[2]);
            }
        }

        CorpusActor Actor(long id) =>
            names.TryGetValue(id, out var known) ? new CorpusActor(id, known.Name, known.Code)
            : new CorpusActor(id, id.ToString(CultureInfo.InvariantCulture), null);

        return [.. pairs.Select(p => new ActorPair(Actor(p.SourceId), Actor(p.TargetId), p.Events, p.MeanGoldstein, p.QuadClasses))];
    }

    /// <inheritdoc />
    public IReadOnlyList<string> CountDimensions { get; } = [.. AnalyticsQueries.Dimensions.Keys];

    /// <inheritdoc />
    /// <remarks>From the cluster's <c>event_mentions</c> (<see cref="AnalyticsQueries.CountsAsync"/>).</remarks>
    public async Task<IReadOnlyList<EventCount>> CountEventsAsync(IReadOnlyList<string> by, EventCountFilter filter, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var rows = await _analytics.CountsAsync(by, new AnalyticsFilter(filter.From, filter.To, filter.Country, filter.MinConfidence, filter.Domain, filter.Type), cancellationToken).ConfigureAwait(false);
        return [.. rows.Select(r => new EventCount(r.Keys, r.Events, r.Mentions))];
    }

    /// <inheritdoc />
    public void Dispose() => cluster.Dispose();
}
