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
    public async Task Sync_ManySmallPages_ReportsEachCorpusEventAndEntityOnce()
    {
        Skip.If(fixture.SkipReason is not null, fixture.SkipReason);
        var address = fixture.AddressFor("pages");
        using var store = fixture.OpenStore();
        using var cluster = new ClickHouseCluster(ClickHouseAddress.Parse(address));

        // Pages of two documents: a corpus event or entity reported by documents of several pages is written once a
        // page (a newer version each time) and must still be counted once.
        var result = await new AnalyticsSync(cluster, store) { PageSize = 2 }.RunAsync();

        var expected = await ((IAnalyticsSource)store).CountAsync();
        Assert.Equal((expected.Documents, expected.EventMentions, expected.CorpusEvents, expected.Entities),
            (result.Documents, result.EventMentions, result.CorpusEvents, result.Entities));
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

    [SkippableFact]
    public async Task Load_StraightIntoEachShard_RowsLandWhereTheDistributedTablePutsThem()
    {
        Skip.If(fixture.SkipReason is not null, fixture.SkipReason);
        using var direct = new ClickHouseCluster(ClickHouseAddress.Parse(fixture.AddressFor("direct")));
        using var through = new ClickHouseCluster(ClickHouseAddress.Parse(fixture.AddressFor("through")));
        await AnalyticsSchema.EnsureAsync(direct);
        await AnalyticsSchema.EnsureAsync(through);
        var rows = Enumerable.Range(1, 3000).Select(i => new object[]
        {
            (ulong)i, $"doc-{i}-{(char)('a' + (i % 26))}", "title", "source", "", new DateTime(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc), "en", "", (uint)i,
        }).ToList();

        Assert.NotNull(await direct.ShardsAsync());
        Assert.Equal(rows.Count, await direct.InsertAsync("documents", AnalyticsSchema.DocumentColumns, rows));
        Assert.Equal(rows.Count, await through.InsertDistributedAsync("documents", AnalyticsSchema.DocumentColumns, rows));

        var placedDirectly = await KeysPerShardAsync(direct);
        var placedByServer = await KeysPerShardAsync(through);
        Assert.Equal(2, placedByServer.Count);
        Assert.All(placedByServer, shard => Assert.True(shard.Rows > 0, "both shards hold rows"));
        Assert.Equal(placedByServer, placedDirectly);
    }

    [SkippableFact]
    public async Task Load_ServerRefusesARow_OneLineStoreExceptionNamingTheShard()
    {
        Skip.If(fixture.SkipReason is not null, fixture.SkipReason);
        using var cluster = new ClickHouseCluster(ClickHouseAddress.Parse(fixture.AddressFor("refused")));
        await AnalyticsSchema.EnsureAsync(cluster);

        // Two columns declared, one written: the server cannot parse the stream.
        var error = await Assert.ThrowsAsync<Storage.StoreException>(() => cluster.LoadAsync(
            "documents", [("doc_key", "UInt64"), ("id", "String")], Enumerable.Range(1, 100), i => (ulong)i, (i, w) => w.UInt64((ulong)i)));

        Assert.StartsWith("ClickHouse at 127.0.0.1:", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("\n", error.Message, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task SyncRebuild_AfterASync_CopiesTheWholeStoreAgainWithoutDuplicates()
    {
        Skip.If(fixture.SkipReason is not null, fixture.SkipReason);
        var address = fixture.AddressFor("rebuild");
        Assert.Equal(ExitCodes.Success, (await ClusterFixture.RunAsync("sync", "--db", fixture.StorePath, "--to", address)).Exit);

        var rebuilt = await ClusterFixture.RunAsync("sync", "--db", fixture.StorePath, "--to", address, "--rebuild");

        Assert.True(rebuilt.Exit == ExitCodes.Success, rebuilt.Err);
        using var store = fixture.OpenStore();
        var expected = await ((IAnalyticsSource)store).CountAsync();
        Assert.Contains($": {expected.Documents} documents, {expected.EventMentions} event mentions, ", rebuilt.Out, StringComparison.Ordinal);
        using var cluster = new ClickHouseCluster(ClickHouseAddress.Parse(address));
        Assert.Equal((expected.Documents, expected.EventMentions, expected.CorpusEvents, expected.Entities), await new AnalyticsQueries(cluster).TotalsAsync());
        Assert.Equal(expected.EventMentions, await cluster.ScalarAsync($"SELECT uniqExact(doc_key, event_id) FROM {cluster.Database}.event_mentions"));
    }

    [SkippableFact]
    public async Task CountsApi_AfterSync_MentionsAddUpToTheStoresAndEachGroupLinksToItsEvents()
    {
        Skip.If(fixture.SkipReason is not null, fixture.SkipReason);
        var address = fixture.AddressFor("web");
        Assert.Equal(ExitCodes.Success, (await ClusterFixture.RunAsync("sync", "--db", fixture.StorePath, "--to", address)).Exit);
        using var cluster = new ClickHouseCluster(ClickHouseAddress.Parse(address));
        var options = new Web.DossierWebOptions(fixture.StorePath)
        {
            Urls = ["http://127.0.0.1:0"],
            CorpusQueries = store => new AnalyticsCorpusQueries(store, cluster),
            CacheResponses = false,
        };
        await using var app = Web.DossierWebApp.Build([], options);
        await app.StartAsync();
        using var client = new HttpClient { BaseAddress = new Uri(app.Urls.Single()) };

        using var json = System.Text.Json.JsonDocument.Parse(await client.GetStringAsync("/api/counts?by=month,quad&domain=all&minConfidence=0"));
        var rows = json.RootElement.GetProperty("rows").EnumerateArray().ToList();
        var page = await client.GetAsync("/counts?by=type&domain=all&minConfidence=0");
        var firstEvents = await client.GetAsync(rows[0].GetProperty("eventsLink").GetString());

        using var store = fixture.OpenStore();
        Assert.Equal((await ((IAnalyticsSource)store).CountAsync()).EventMentions, rows.Sum(r => r.GetProperty("mentions").GetInt64()));
        Assert.All(rows, r => Assert.StartsWith("/events?from=", r.GetProperty("eventsLink").GetString(), StringComparison.Ordinal));
        Assert.Equal(System.Net.HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("href=\"/events?", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(System.Net.HttpStatusCode.OK, firstEvents.StatusCode);
    }

    /// <summary>Rows and the sum of their keys in each shard's local documents table, in shard order.</summary>
    private static async Task<List<(long Rows, long Keys)>> KeysPerShardAsync(ClickHouseCluster cluster)
    {
        var shards = await cluster.QueryAsync($"SELECT host_address, port FROM system.clusters WHERE cluster = '{cluster.Address.Cluster}' ORDER BY shard_num");
        var result = new List<(long, long)>();
        foreach (var shard in shards)
        {
            var row = (await cluster.QueryAsync(
                $"SELECT count(), sum(doc_key) FROM remote('{shard[0]}:{shard[1]}', {cluster.Database}, documents_local, '{cluster.Address.User}', '{cluster.Address.Password}')"))[0];
            result.Add((long.Parse(row[0], System.Globalization.CultureInfo.InvariantCulture), long.Parse(row[1], System.Globalization.CultureInfo.InvariantCulture)));
        }

        return result;
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
