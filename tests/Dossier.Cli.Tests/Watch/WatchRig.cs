using Dossier.Core.Pipeline;
using Dossier.Engine;
using Dossier.Engine.Watch;
using Dossier.Ingest.Watch;
using Dossier.Storage.Sqlite;
using Dossier.Storage.Sqlite.Watch;

namespace Dossier.Cli.Tests.Watch;

/// <summary>A watcher over a temporary store, with a hand-moved clock and no per-host delay, for in-process tests.</summary>
internal sealed class WatchRig : IDisposable
{
    private static readonly Lazy<AnalysisPipeline> Pipeline = new(() => DefaultPipeline.Create());

    public WatchRig(TimeSpan? timeout = null, long maxBytes = 200_000)
    {
        Run = new CliRun();
        Store = SqliteDocumentStore.Open(Run.Database);
        WatchStore = SqliteWatchStore.Open(Run.Database);
        Fetcher = new WatchFetcher(new WatchFetchOptions { Timeout = timeout ?? TimeSpan.FromSeconds(5), PerHostDelay = TimeSpan.Zero, MaxBytes = maxBytes, MaxRedirects = 3 });
        Webhooks = new WebhookSender(TimeSpan.FromSeconds(5));
        Watcher = new Watcher(new IngestService(Pipeline.Value, Store), WatchStore, WatchStore, Fetcher, Webhooks,
            new WatcherOptions { ItemRetry = TimeSpan.FromSeconds(10), WebhookRetry = TimeSpan.FromSeconds(10), MaxItemAttempts = 3 }, Time);
    }

    public CliRun Run { get; }

    public ManualTime Time { get; } = new(new DateTimeOffset(2026, 5, 1, 8, 0, 0, TimeSpan.Zero));

    public SqliteDocumentStore Store { get; }

    public SqliteWatchStore WatchStore { get; }

    public WatchFetcher Fetcher { get; }

    public WebhookSender Webhooks { get; }

    public Watcher Watcher { get; }

    public void Dispose()
    {
        Webhooks.Dispose();
        Fetcher.Dispose();
        WatchStore.Dispose();
        Store.Dispose();
        Run.Dispose();
    }
}
