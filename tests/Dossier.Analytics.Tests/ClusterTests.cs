using Dossier.Cli;
using Dossier.Storage.Analytics;
using Dossier.Storage.Corpus;

namespace Dossier.Analytics.Tests;

/// <summary>Sync and the aggregate views against a real two-shard ClickHouse cluster (<c>.ci/servers/clickhouse.sh</c>).</summary>
public class ClusterTests(ClusterFixture fixture) : IClassFixture<ClusterFixture>
{
    [SkippableFact]
    public async Task Sync_RunTwice_EveryShardHoldsRowsTotalsEqualTheStoreAndTheSecondRunAddsNothing()
    {
        Skip.If(fixture.SkipReason is not null, fixture.SkipReason);
        var address = fixture.AddressFor("twice");

        var first = await ClusterFixture.RunAsync("sync", "--db", fixture.StorePath, "--to", address);
        var second = await ClusterFixture.RunAsync("sync", "--db", fixture.StorePath, "--to", address);

        Assert.True(first.Exit == ExitCodes.Success, first.Err);
        Assert.True(second.Exit == ExitCodes.Success, second.Err);
        Assert.Contains(": 0 documents, 0 event mentions, 0 corpus events, 0 entities copied", second.Out, StringComparison.Ordinal);
        using var store = fixture.OpenStore();
        var expected = await ((IAnalyticsSource)store).CountAsync();
        Assert.True(expected.Documents > 0 && expected.EventMentions > 0, "the test store has documents and events");
        using var cluster = new ClickHouseCluster(ClickHouseAddress.Parse(address));
        var queries = new AnalyticsQueries(cluster);
        Assert.Equal((expected.Documents, expected.EventMentions, expected.CorpusEvents, expected.Entities), await queries.TotalsAsync());
        var documentShards = await queries.RowsPerShardAsync("documents");
        Assert.Equal(2, documentShards.Count);
        if (fixture.FromBbc)
        {
            Assert.All(documentShards, rows => Assert.True(rows > 0, "every shard holds documents"));
            Assert.All(await queries.RowsPerShardAsync("event_mentions"), rows => Assert.True(rows > 0, "every shard holds event mentions"));
        }

        Assert.Equal(expected.Documents, documentShards.Sum());
    }

    [SkippableFact]
    public async Task Sync_InterruptedAfterPartOfAPage_RunAgainLeavesNoDuplicates()
    {
        Skip.If(fixture.SkipReason is not null, fixture.SkipReason);
        var address = fixture.AddressFor("interrupted");
        using var store = fixture.OpenStore();
        using var cluster = new ClickHouseCluster(ClickHouseAddress.Parse(address));

        // The second page fails after its documents and mentions are in, before its watermark is written.
        var failing = new FailingSource(store, failOnCall: 2);
        await Assert.ThrowsAsync<IOException>(() => new AnalyticsSync(cluster, failing) { PageSize = 2 }.RunAsync());
        var partial = await new AnalyticsQueries(cluster).TotalsAsync();
        var resumed = await new AnalyticsSync(cluster, store) { PageSize = 2 }.RunAsync();

        var expected = await ((IAnalyticsSource)store).CountAsync();
        Assert.Equal(4, partial.Documents); // page 1 whole, and page 2's documents without its watermark
        Assert.Equal(expected.Documents - partial.Documents, resumed.Documents);
        Assert.Equal((expected.Documents, expected.EventMentions, expected.CorpusEvents, expected.Entities), await new AnalyticsQueries(cluster).TotalsAsync());
        Assert.Equal(expected.EventMentions, await cluster.ScalarAsync($"SELECT uniqExact(doc_key, event_id) FROM {cluster.Database}.event_mentions"));
    }

    [SkippableFact]
    public async Task Views_AfterSync_NetworkAndTimelineEqualTheStores()
    {
        Skip.If(fixture.SkipReason is not null, fixture.SkipReason);
        var address = fixture.AddressFor("views");
        var sync = await ClusterFixture.RunAsync("sync", "--db", fixture.StorePath, "--to", address);
        Assert.True(sync.Exit == ExitCodes.Success, sync.Err);
        using var store = fixture.OpenStore();
        using var analytics = new AnalyticsCorpusQueries(store, new ClickHouseCluster(ClickHouseAddress.Parse(address)));

        var expected = await store.NetworkAsync(200, 0, 0, "all");
        var actual = await analytics.NetworkAsync(200, 0, 0, "all");

        Assert.NotEmpty(expected);
        Assert.Equal(Describe(expected), Describe(actual));
        var actor = expected[0].Source.EntityId!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var storeTimeline = await store.TimelineAsync(actor, 100, 0, 0, "all");
        var clusterTimeline = await analytics.TimelineAsync(actor, 100, 0, 0, "all");
        Assert.Equal(storeTimeline!.Events.Select(e => e.Id), clusterTimeline!.Events.Select(e => e.Id));
        Assert.All(clusterTimeline.Events, e => Assert.NotEmpty(e.Evidence));
    }

    [SkippableFact]
    public async Task EventsCountBy_AfterSync_MentionsAddUpToTheStoresEvents()
    {
        Skip.If(fixture.SkipReason is not null, fixture.SkipReason);
        var address = fixture.AddressFor("counts");
        Assert.Equal(ExitCodes.Success, (await ClusterFixture.RunAsync("sync", "--db", fixture.StorePath, "--to", address)).Exit);

        var (exit, output, error) = await ClusterFixture.RunAsync(
            "events", "--db", fixture.StorePath, "--analytics", address, "--count-by", "quad", "--domain", "all", "--min-confidence", "0");

        Assert.True(exit == ExitCodes.Success, error);
        var lines = output.Trim().Split('\n');
        Assert.Equal("quad\tevents\tmentions", lines[0]);
        using var store = fixture.OpenStore();
        Assert.Equal((await ((IAnalyticsSource)store).CountAsync()).EventMentions, lines.Skip(1).Sum(l => long.Parse(l.Split('\t')[2], System.Globalization.CultureInfo.InvariantCulture)));
    }

    [SkippableFact]
    public async Task EventsCountBy_WithoutAnalytics_UsageErrorInOneLine()
    {
        Skip.If(fixture.SkipReason is not null, fixture.SkipReason);

        var (exit, _, error) = await ClusterFixture.RunAsync("events", "--db", fixture.StorePath, "--count-by", "day");

        Assert.Equal(ExitCodes.Usage, exit);
        Assert.Contains("--count-by needs --analytics", error, StringComparison.Ordinal);
    }

    private static List<string> Describe(IReadOnlyList<ActorPair> pairs) =>
        [.. pairs.Select(p => $"{p.Source.EntityId} {p.Source.Name} -> {p.Target.EntityId} {p.Target.Name}: {p.Events} {p.MeanGoldstein:F2} {string.Join(",", p.QuadClasses)}")];

    /// <summary>A source that fails on its n-th corpus event read: the page's documents and mentions are in by then.</summary>
    private sealed class FailingSource(IAnalyticsSource inner, int failOnCall) : IAnalyticsSource
    {
        private int _calls;

        public Task<IReadOnlyList<AnalyticsDocument>> DocumentsAfterAsync(long afterKey, int limit, CancellationToken cancellationToken = default) =>
            inner.DocumentsAfterAsync(afterKey, limit, cancellationToken);

        public Task<IReadOnlyList<AnalyticsEventMention>> EventMentionsAsync(long afterKey, long lastKey, CancellationToken cancellationToken = default) =>
            inner.EventMentionsAsync(afterKey, lastKey, cancellationToken);

        public Task<IReadOnlyList<AnalyticsCorpusEvent>> CorpusEventsAsync(long afterKey, long lastKey, CancellationToken cancellationToken = default) =>
            ++_calls == failOnCall ? throw new IOException("interrupted") : inner.CorpusEventsAsync(afterKey, lastKey, cancellationToken);

        public Task<IReadOnlyList<AnalyticsEntity>> EntitiesAsync(long afterKey, long lastKey, CancellationToken cancellationToken = default) =>
            inner.EntitiesAsync(afterKey, lastKey, cancellationToken);

        public Task<(IReadOnlyList<long> CorpusEvents, IReadOnlyList<long> Entities)> CorpusIdsAsync(CancellationToken cancellationToken = default) =>
            inner.CorpusIdsAsync(cancellationToken);

        public Task<AnalyticsCounts> CountAsync(CancellationToken cancellationToken = default) => inner.CountAsync(cancellationToken);
    }
}
