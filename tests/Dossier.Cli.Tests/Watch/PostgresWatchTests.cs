using System.Globalization;
using Dossier.Core.Pipeline;
using Dossier.Engine;
using Dossier.Engine.Watch;
using Dossier.Ingest.Watch;
using Dossier.Storage.Postgres;
using Dossier.Storage.Watch;

namespace Dossier.Cli.Tests.Watch;

/// <summary>Issue 19 on PostgreSQL: several watchers share one store through its claims, against the local news site;
/// skipped with the reason when <c>DOSSIER_TEST_POSTGRES</c> names no reachable server.</summary>
public sealed class PostgresWatchTests : IDisposable
{
    private static readonly Lazy<AnalysisPipeline> Pipeline = new(() => DefaultPipeline.Create());
    private readonly NewsServer _server = new();
    private readonly ManualTime _time = new(new DateTimeOffset(2026, 5, 1, 8, 0, 0, TimeSpan.Zero));
    private readonly List<IDisposable> _owned = [];
    private PostgresTestDatabase? _database;

    public void Dispose()
    {
        foreach (var owned in Enumerable.Reverse(_owned))
        {
            owned.Dispose();
        }

        _server.Dispose();
        _database?.Dispose();
    }

    [SkippableFact]
    public async Task Watch_TwoWatchersOnOnePostgresStore_EachSourcePolledOnceARoundAndNoArticleFetchedTwice()
    {
        const int Feeds = 5;
        const int Rounds = 4;
        var url = CreateDatabase();
        var (first, firstStore, firstWatch) = Open(url);
        var (second, _, _) = Open(url);
        var feeds = Enumerable.Range(0, Feeds).Select(f => _server.AddFeed($"feed{f}.xml")).ToList();
        await firstWatch.SyncSourcesAsync([.. feeds.Select(f => (f, TimeSpan.FromSeconds(1)))]);
        var articles = new List<string>();
        var summaries = new List<WatchPassSummary>();
        for (var round = 0; round < Rounds; round++)
        {
            for (var f = 0; f < Feeds; f++)
            {
                for (var k = 0; k < 2; k++)
                {
                    var n = articles.Count;
                    _server.Publish($"feed{f}.xml", $"a/{n}.html", $"Harbour plan {n} approved",
                        $"Officials of the river town number {n} gathered on Tuesday to approve harbour plan {n}, which widens quay {n}.",
                        new DateOnly(2026, 5, 1).AddDays(n % 20));
                    articles.Add($"a/{n}.html");
                }
            }

            // The two watchers run their passes at the same moment, as two processes would.
            var passes = await Task.WhenAll(
                Task.Run(() => first.RunOnceAsync(CancellationToken.None)),
                Task.Run(() => second.RunOnceAsync(CancellationToken.None)));
            summaries.AddRange(passes);
            Assert.Equal(Feeds, passes.Sum(p => p.Polled));
            _time.Advance(TimeSpan.FromSeconds(2));
        }

        // Each watcher fetches until nothing is due after its own polls, so nothing is left for a later pass.
        Assert.All(articles, a => Assert.Equal(1, _server.Requests(a)));
        Assert.All(feeds, (f, i) => Assert.Equal(Rounds, _server.Requests($"feed{i}.xml")));
        Assert.Equal(articles.Count, (await firstStore.GetStatisticsAsync()).Documents);
        Assert.Equal(new WatchItemCounts(0, articles.Count, 0), await firstWatch.CountItemsAsync());
        Assert.Equal(articles.Count, summaries.Sum(s => s.Stored) + summaries.Sum(s => s.Duplicates));
    }

    [SkippableFact]
    public async Task Follow_TwoWatchersOnePostgresStoreWebhookFailingTwice_EachAlertStoredAndDeliveredExactlyOnce()
    {
        var url = CreateDatabase();
        var (first, _, firstWatch) = Open(url);
        var (second, _, _) = Open(url);
        _server.HookFailures = 2;
        var feed = _server.AddFeed("news.xml");
        await firstWatch.SyncSourcesAsync([(feed, TimeSpan.FromSeconds(30))]);
        var follow = await firstWatch.AddFollowAsync("harbour", new FollowQuery(null, null, "occurred", null), _server.BaseUrl + "hook", "s3cret", _time.Now);
        for (var n = 0; n < 3; n++)
        {
            _server.Publish("news.xml", $"m/{n}.html", $"Mayors meet {n}",
                $"The mayor of Bergen, Ingrid Solheim {n}, met the mayor of Valparaiso, Tomas Rojas {n}, in Bergen on Monday.", new DateOnly(2026, 5, 4));
        }

        var alerts = 0;
        for (var pass = 0; pass < 6; pass++)
        {
            var passes = await Task.WhenAll(
                Task.Run(() => first.RunOnceAsync(CancellationToken.None)),
                Task.Run(() => second.RunOnceAsync(CancellationToken.None)));
            alerts += passes.Sum(p => p.Alerts);
            // Past the webhook back-off and the five-minute leases of the deliveries that failed.
            _time.Advance(TimeSpan.FromMinutes(6));
        }

        var stored = await firstWatch.AlertsAsync(follow.Id, 100);
        Assert.True(stored.Count >= 3, $"{stored.Count} alerts");
        Assert.Equal(stored.Count, alerts);
        Assert.Equal(stored.Select(a => a.Id.ToString(CultureInfo.InvariantCulture)).Order(), _server.Accepted.Select(d => d.Delivery).Order());
        Assert.Equal(stored.Count + 2, _server.Requests("hook"));
    }

    [SkippableFact]
    public async Task FollowCommand_OnAPostgresStore_AddListRemoveRoundTrip()
    {
        var url = CreateDatabase();
        using var run = new CliRun();

        var (addExit, added, _) = await run.RunAsync("follow", "add", "--actor", "Ingrid Solheim", "--status", "occurred", "--name", "mayor", "--store", url);
        var (_, listed, _) = await run.RunAsync("follow", "list", "--store", url);
        var (removeExit, _, _) = await run.RunAsync("follow", "remove", "1", "--store", url);
        var (_, after, _) = await run.RunAsync("follow", "list", "--store", url);

        Assert.Equal(0, addExit);
        Assert.Equal("follow 1: mayor", added.Trim());
        Assert.Contains("mayor\tactor=Ingrid Solheim status=occurred\t0 new", listed, StringComparison.Ordinal);
        Assert.Equal(0, removeExit);
        Assert.Equal("No follows.", after.Trim());
    }

    private (Watcher Watcher, PostgresDocumentStore Store, PostgresWatchStore Watch) Open(string url)
    {
        var store = PostgresDocumentStore.Open(url);
        var watch = new PostgresWatchStore(store);
        var fetcher = new WatchFetcher(new WatchFetchOptions { Timeout = TimeSpan.FromSeconds(4), PerHostDelay = TimeSpan.Zero, MaxBytes = 100_000, MaxRedirects = 3 });
        var webhooks = new WebhookSender(TimeSpan.FromSeconds(5));
        _owned.Add(new Disposer(() => store.DisposeAsync().AsTask().GetAwaiter().GetResult()));
        _owned.AddRange([watch, fetcher, webhooks]);
        var watcher = new Watcher(new IngestService(Pipeline.Value, store), watch, watch, fetcher, webhooks,
            new WatcherOptions { ItemRetry = TimeSpan.FromSeconds(10), WebhookRetry = TimeSpan.FromSeconds(10), MaxItemAttempts = 3, Parallelism = 2, Lease = TimeSpan.FromMinutes(5) },
            _time);
        return (watcher, store, watch);
    }

    /// <summary>A fresh database on the test server, or skips the test saying why there is none.</summary>
    private string CreateDatabase()
    {
        _database = PostgresTestDatabase.Create("dossier_watch_");
        return _database.Url;
    }

    private sealed class Disposer(Action dispose) : IDisposable
    {
        public void Dispose() => dispose();
    }
}
