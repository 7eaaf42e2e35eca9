using System.Net;
using Dossier.Storage.Corpus;

namespace Dossier.Web.Tests;

/// <summary><c>/api/counts</c> and the <c>/counts</c> page: served only with corpus queries that count (an analytics
/// cluster, <c>dossier serve --analytics</c>); here a stand-in that counts, so the tests need no cluster (the
/// cluster's own test is in Dossier.Analytics.Tests).</summary>
[Collection(WebCollection.Name)]
public class CountsApiTests(WebAppFixture fixture)
{
    [Fact]
    public async Task CountsApi_WithoutAnalytics_NotFoundNamingTheOption()
    {
        using var client = fixture.CreateClient();

        var problem = await Http.ProblemAsync(await client.GetAsync("/api/counts?by=day"), HttpStatusCode.NotFound);

        Assert.Contains("--analytics", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task CountsApi_ByDayAndType_RowsKeyedByDimensionEachLinkedToItsEvents()
    {
        var counts = new CountingQueries();
        var (app, address) = await WebAppFixture.StartAsync(new DossierWebOptions(fixture.DbPath) { CorpusQueries = store => counts.Over(store), CacheResponses = false });
        await using var _ = app;
        using var client = new HttpClient { BaseAddress = address };

        var json = await client.GetJsonAsync("/api/counts?by=day,type&country=gb&domain=all&minConfidence=0.5");

        Assert.Equal(["day", "type"], counts.LastBy);
        Assert.Equal(new EventCountFilter(Country: "GB", MinConfidence: 0.5, Domain: "all"), counts.LastFilter);
        var row = Assert.Single(json.GetProperty("rows").EnumerateArray());
        Assert.Equal("2031-04-05", row.GetProperty("keys").GetProperty("day").GetString());
        Assert.Equal("THREATEN", row.GetProperty("keys").GetProperty("type").GetString());
        Assert.Equal(3, row.GetProperty("events").GetInt64());
        Assert.Equal(7, row.GetProperty("mentions").GetInt64());
        Assert.Equal("/events?from=2031-04-05&to=2031-04-05&type=THREATEN&minConfidence=0.5&domain=all", row.GetProperty("eventsLink").GetString());
    }

    [Fact]
    public async Task CountsApi_UnknownDimension_BadRequestListingTheDimensions()
    {
        var (app, address) = await WebAppFixture.StartAsync(new DossierWebOptions(fixture.DbPath) { CorpusQueries = store => new CountingQueries().Over(store) });
        await using var _ = app;
        using var client = new HttpClient { BaseAddress = address };

        var problem = await Http.ProblemAsync(await client.GetAsync("/api/counts?by=weekday"), HttpStatusCode.BadRequest);

        Assert.Contains("day, month, type, quad, country", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task CountsPage_ByMonth_TableRowLinksToTheMonthsEvents()
    {
        var (app, address) = await WebAppFixture.StartAsync(new DossierWebOptions(fixture.DbPath) { CorpusQueries = store => new CountingQueries().Over(store) });
        await using var _ = app;
        using var client = new HttpClient { BaseAddress = address };

        var html = await Http.HtmlAsync(await client.GetAsync("/counts?by=month"));

        Assert.Contains("<th>month</th>", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/events?from=2031-04-01&amp;to=2031-04-30", html, StringComparison.Ordinal);
    }

    /// <summary>The store's corpus queries plus counts that echo what was asked: one group, keyed by day 2031-04-05 (or
    /// its month) and type THREATEN.</summary>
    private sealed class CountingQueries : IEventCounts
    {
        public IReadOnlyList<string>? LastBy { get; private set; }

        public EventCountFilter? LastFilter { get; private set; }

        public IReadOnlyList<string> CountDimensions { get; } = ["day", "month", "type", "quad", "country"];

        public Task<IReadOnlyList<EventCount>> CountEventsAsync(IReadOnlyList<string> by, EventCountFilter filter, CancellationToken cancellationToken = default)
        {
            LastBy = by;
            LastFilter = filter;
            IReadOnlyList<string> keys = [.. by.Select(b => b switch { "day" => "2031-04-05", "month" => "2031-04-01", "type" => "THREATEN", "quad" => "3", _ => "GB" })];
            return Task.FromResult<IReadOnlyList<EventCount>>([new EventCount(keys, 3, 7)]);
        }

        public ICorpusQueries Over(ICorpusQueries store) => new Both(store, this);

        private sealed class Both(ICorpusQueries store, IEventCounts counts) : ICorpusQueries, IEventCounts
        {
            public IReadOnlyList<string> CountDimensions => counts.CountDimensions;

            public Task<IReadOnlyList<EventCount>> CountEventsAsync(IReadOnlyList<string> by, EventCountFilter filter, CancellationToken cancellationToken = default) =>
                counts.CountEventsAsync(by, filter, cancellationToken);

            public Task<IReadOnlyList<CorpusEntitySummary>> ListEntitiesAsync(string? type, string? query, int limit, int offset = 0, CancellationToken cancellationToken = default) =>
                store.ListEntitiesAsync(type, query, limit, offset, cancellationToken);

            public Task<CorpusEntityDetails?> GetEntityAsync(string idOrName, int mentionSamples = 10, CancellationToken cancellationToken = default) =>
                store.GetEntityAsync(idOrName, mentionSamples, cancellationToken);

            public Task<IReadOnlyList<CorpusEventSummary>> ListEventsAsync(CorpusEventFilter filter, int limit, int offset = 0, CancellationToken cancellationToken = default) =>
                store.ListEventsAsync(filter, limit, offset, cancellationToken);

            public Task<CorpusEventSummary?> GetEventAsync(long id, CancellationToken cancellationToken = default) => store.GetEventAsync(id, cancellationToken);

            public Task<IReadOnlyDictionary<string, long>> CorpusEventIdsAsync(string documentId, CancellationToken cancellationToken = default) =>
                store.CorpusEventIdsAsync(documentId, cancellationToken);

            public Task<CorpusTimeline?> TimelineAsync(string entity, int limit, int offset = 0, double minConfidence = 0, string? domain = null, CancellationToken cancellationToken = default) =>
                store.TimelineAsync(entity, limit, offset, minConfidence, domain, cancellationToken);

            public Task<IReadOnlyList<CorpusEventSummary>> AgendaAsync(DateOnly from, int limit, int offset = 0, double minConfidence = 0, string? domain = null, CancellationToken cancellationToken = default) =>
                store.AgendaAsync(from, limit, offset, minConfidence, domain, cancellationToken);

            public Task<IReadOnlyList<CorpusEventSummary>> UndatedPlansAsync(DateOnly asOf, int days, int limit, int offset = 0, double minConfidence = 0, string? domain = null, CancellationToken cancellationToken = default) =>
                store.UndatedPlansAsync(asOf, days, limit, offset, minConfidence, domain, cancellationToken);

            public Task<IReadOnlyList<ActorPair>> NetworkAsync(int limit, int offset = 0, double minConfidence = 0, string? domain = null, CancellationToken cancellationToken = default) =>
                store.NetworkAsync(limit, offset, minConfidence, domain, cancellationToken);
        }
    }
}
