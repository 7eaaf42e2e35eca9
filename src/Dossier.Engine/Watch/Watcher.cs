using System.Security.Cryptography;
using System.Text;
using Dossier.Ingest;
using Dossier.Ingest.Watch;
using Dossier.Storage.Watch;

namespace Dossier.Engine.Watch;

/// <summary>Settings of a <see cref="Watcher"/>.</summary>
public sealed record WatcherOptions
{
    /// <summary>How articles are read (size limit, default date).</summary>
    public ReadOptions Read { get; init; } = new();

    /// <summary>The longest wait after repeated failures of a source.</summary>
    public TimeSpan MaxBackoff { get; init; } = TimeSpan.FromHours(6);

    /// <summary>How many times an article is tried before it is given up.</summary>
    public int MaxItemAttempts { get; init; } = 5;

    /// <summary>The first wait before an article is tried again; it doubles with each failure.</summary>
    public TimeSpan ItemRetry { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>The first wait before a webhook delivery is tried again; it doubles with each failure, up to <see cref="MaxBackoff"/>.</summary>
    public TimeSpan WebhookRetry { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>How many polls and article fetches run at once (each host is further held to the fetcher's limit).</summary>
    public int Parallelism { get; init; } = 4;

    /// <summary>How often the running watcher looks for due work.</summary>
    public TimeSpan Tick { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>How long a source, an article or a webhook delivery this watcher takes is held from other watchers of the
    /// same store (it must outlast one poll, or one fetch and analysis); they take it again when it runs out, as after this
    /// watcher died. Zero (the default, for a store one watcher uses) holds nothing.</summary>
    public TimeSpan Lease { get; init; } = TimeSpan.Zero;
}

/// <summary>What one pass did.</summary>
public sealed record WatchPassSummary(int Polled, int NotModified, int PollFailures, int ItemsQueued, int Stored, int Duplicates, int ItemFailures, int Alerts, int Delivered, int DeliveryFailures)
{
    /// <summary>The sum of two passes.</summary>
    public WatchPassSummary Add(WatchPassSummary other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return new(Polled + other.Polled, NotModified + other.NotModified, PollFailures + other.PollFailures, ItemsQueued + other.ItemsQueued,
            Stored + other.Stored, Duplicates + other.Duplicates, ItemFailures + other.ItemFailures, Alerts + other.Alerts,
            Delivered + other.Delivered, DeliveryFailures + other.DeliveryFailures);
    }
}

/// <summary>
/// Keeps watch over feeds and pages: polls each source when due (conditional GET; back-off doubling on each failure,
/// with the error kept), queues the items of a feed not seen before, fetches each queued article once and stores it
/// through <see cref="IngestService"/>, then matches the follows against what was stored and delivers their webhooks
/// from the outbox. Every step is recorded before the next, so a watcher killed at any point and started again neither
/// stores a document twice (the store refuses a second copy) nor loses an item (a queued item stays pending until stored).
/// Cancellation stops between steps; a document being analysed is not stored.
/// </summary>
public sealed class Watcher(
    IngestService ingest, IWatchStore watch, IFollowStore? follows, WatchFetcher fetcher, WebhookSender? webhooks,
    WatcherOptions options, TimeProvider? time = null, Action<string>? log = null)
{
    private readonly TimeProvider _time = time ?? TimeProvider.System;

    /// <summary>Polls every source, waiting for each to fall due, until <paramref name="cancellationToken"/> is cancelled.</summary>
    /// <returns>The sum of the passes made.</returns>
    public async Task<WatchPassSummary> RunAsync(CancellationToken cancellationToken)
    {
        var total = new WatchPassSummary(0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                total = total.Add(await RunOnceAsync(cancellationToken).ConfigureAwait(false));
                await Task.Delay(options.Tick, _time, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                break;
            }
        }

        return total;
    }

    /// <summary>One pass: polls the sources that are due, fetches and stores the queued items that are due, evaluates
    /// the follows and makes the webhook deliveries that are due.</summary>
    /// <exception cref="OperationCanceledException">When <paramref name="cancellationToken"/> is cancelled.</exception>
    /// <exception cref="Storage.StoreException">When the store cannot be written.</exception>
    public async Task<WatchPassSummary> RunOnceAsync(CancellationToken cancellationToken)
    {
        var counts = new int[10];
        var now = _time.GetUtcNow();
        var due = await watch.ClaimDueSourcesAsync(now, options.Lease, cancellationToken).ConfigureAwait(false);
        await System.Threading.Tasks.Parallel.ForEachAsync(due, Parallelism(cancellationToken), async (source, ct) => await PollAsync(source, counts, ct).ConfigureAwait(false)).ConfigureAwait(false);

        // Items are claimed a few at a time when they are leased, so that a lease covers only what is being fetched (other
        // watchers take the rest); each item is tried at most once a pass.
        var itemsAt = _time.GetUtcNow();
        var batch = options.Lease > TimeSpan.Zero ? Math.Max(1, options.Parallelism) * 2 : 10_000;
        var tried = new HashSet<string>(StringComparer.Ordinal);
        while (true)
        {
            var items = (await watch.ClaimDueItemsAsync(itemsAt, batch, options.Lease, cancellationToken).ConfigureAwait(false)).Where(i => tried.Add(i.Key)).ToList();
            if (items.Count == 0)
            {
                break;
            }

            await System.Threading.Tasks.Parallel.ForEachAsync(items, Parallelism(cancellationToken), async (item, ct) => await FetchItemAsync(item, counts, ct).ConfigureAwait(false)).ConfigureAwait(false);
        }

        if (follows is not null)
        {
            counts[7] += (await follows.EvaluateAsync(_time.GetUtcNow(), cancellationToken).ConfigureAwait(false)).Count;
            if (webhooks is not null)
            {
                await DeliverAsync(counts, cancellationToken).ConfigureAwait(false);
            }
        }

        return new WatchPassSummary(counts[0], counts[1], counts[2], counts[3], counts[4], counts[5], counts[6], counts[7], counts[8], counts[9]);
    }

    private ParallelOptions Parallelism(CancellationToken cancellationToken) =>
        new() { MaxDegreeOfParallelism = Math.Max(1, options.Parallelism), CancellationToken = cancellationToken };

    private async Task PollAsync(WatchSourceState source, int[] counts, CancellationToken cancellationToken)
    {
        var uri = new Uri(source.Url);
        var response = await fetcher.GetAsync(uri, source.ETag, source.LastModified, cancellationToken).ConfigureAwait(false);
        var polled = _time.GetUtcNow();
        Interlocked.Increment(ref counts[0]);
        if (response.NotModified)
        {
            Interlocked.Increment(ref counts[1]);
            await RecordAsync(source, response, null, polled).ConfigureAwait(false);
            return;
        }

        var error = response.Error;
        if (error is null)
        {
            var content = WatchContent.ReadPolled(source.Url, response);
            error = content.Error;
            if (content.IsFeed)
            {
                var entries = content.Entries!.Where(e => e.Link is not null).Select(e => new WatchItem(e.Key, source.Url, e.Link, e.Title)).ToList();
                var queued = await watch.EnqueueAsync(entries, polled, CancellationToken.None).ConfigureAwait(false);
                Interlocked.Add(ref counts[3], queued.Count);
                if (queued.Count > 0)
                {
                    log?.Invoke($"{source.Url}: {queued.Count} new item(s)");
                }
            }
            else if (error is null)
            {
                await StorePageAsync(source, response, content.Text!, counts, cancellationToken).ConfigureAwait(false);
            }
        }

        if (error is not null)
        {
            Interlocked.Increment(ref counts[2]);
            log?.Invoke($"{source.Url}: {error}");
        }

        await RecordAsync(source, response, error, polled).ConfigureAwait(false);
    }

    /// <summary>A polled page is its own item: each version (by the hash of its text) is stored once.</summary>
    private async Task StorePageAsync(WatchSourceState source, FetchResponse response, string text, int[] counts, CancellationToken cancellationToken)
    {
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..32];
        var item = new WatchItem($"{source.Url}#sha256={hash}", source.Url, source.Url, null);
        if (await watch.IsKnownAsync(item.Key, cancellationToken).ConfigureAwait(false))
        {
            return;
        }

        await StoreAsync(item, response, counts, cancellationToken).ConfigureAwait(false);
    }

    private Task RecordAsync(WatchSourceState source, FetchResponse response, string? error, DateTimeOffset polled)
    {
        var wait = source.Interval;
        if (error is not null)
        {
            var doubled = source.Interval * Math.Pow(2, Math.Min(source.Failures + 1, 30));
            wait = doubled < options.MaxBackoff ? doubled : options.MaxBackoff > source.Interval ? options.MaxBackoff : source.Interval;
        }

        // Recorded even when a stop was asked for: the poll happened, and its validators are worth keeping.
        return watch.RecordPollAsync(source.Url, new WatchPollResult(polled, polled + wait, response.Status, response.ETag, response.LastModified,
            response.NotModified, error), CancellationToken.None);
    }

    private async Task FetchItemAsync(PendingWatchItem pending, int[] counts, CancellationToken cancellationToken)
    {
        var item = new WatchItem(pending.Key, pending.SourceUrl, pending.Url, pending.Title);
        if (pending.Url is null || !Uri.TryCreate(pending.Url, UriKind.Absolute, out var uri))
        {
            await watch.CompleteItemAsync(item, null, "no article address", _time.GetUtcNow(), CancellationToken.None).ConfigureAwait(false);
            return;
        }

        var response = await fetcher.GetAsync(uri, cancellationToken: cancellationToken).ConfigureAwait(false);
        if (response.Error is not null || response.Body is null)
        {
            Interlocked.Increment(ref counts[6]);
            var error = response.Error ?? "no body";
            var attempts = pending.Attempts + 1;
            DateTimeOffset? retry = attempts >= options.MaxItemAttempts ? null : _time.GetUtcNow() + options.ItemRetry * Math.Pow(2, attempts - 1);
            log?.Invoke($"{pending.Url}: {error}{(retry is null ? "; given up" : "; will retry")}");
            await watch.FailItemAsync(pending.Key, error, retry, CancellationToken.None).ConfigureAwait(false);
            return;
        }

        await StoreAsync(item, response, counts, cancellationToken).ConfigureAwait(false);
    }

    private async Task StoreAsync(WatchItem item, FetchResponse response, int[] counts, CancellationToken cancellationToken)
    {
        var read = WatchContent.ReadPage(item.Url ?? item.SourceUrl, response, options.Read);
        if (read.Document is null)
        {
            Interlocked.Increment(ref counts[6]);
            log?.Invoke(read.Message);
            await watch.CompleteItemAsync(item, null, read.Error, _time.GetUtcNow(), CancellationToken.None).ConfigureAwait(false);
            return;
        }

        // The document is stored whole or not at all (one transaction); a stop during its analysis stores nothing, and
        // the item stays pending for the next run.
        var (id, created) = await ingest.IngestAsync(read.Document, cancellationToken).ConfigureAwait(false);
        Interlocked.Increment(ref counts[created ? 4 : 5]);
        await watch.CompleteItemAsync(item, id, null, _time.GetUtcNow(), CancellationToken.None).ConfigureAwait(false);
    }

    private async Task DeliverAsync(int[] counts, CancellationToken cancellationToken)
    {
        var deliveries = await follows!.ClaimDueDeliveriesAsync(_time.GetUtcNow(), 1000, options.Lease, cancellationToken).ConfigureAwait(false);
        foreach (var delivery in deliveries)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var error = await webhooks!.SendAsync(delivery, cancellationToken).ConfigureAwait(false);
            if (error is null)
            {
                counts[8]++;
                await follows.DeliveredAsync(delivery.Alert.Id, _time.GetUtcNow(), CancellationToken.None).ConfigureAwait(false);
            }
            else
            {
                counts[9]++;
                var wait = options.WebhookRetry * Math.Pow(2, Math.Min(delivery.Attempts, 30));
                var retry = _time.GetUtcNow() + (wait < options.MaxBackoff ? wait : options.MaxBackoff);
                log?.Invoke($"webhook of follow {delivery.Alert.FollowId}, alert {delivery.Alert.Id}: {error}; will retry");
                await follows.DeliveryFailedAsync(delivery.Alert.Id, error, retry, CancellationToken.None).ConfigureAwait(false);
            }
        }
    }
}
