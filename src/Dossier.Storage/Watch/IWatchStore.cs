namespace Dossier.Storage.Watch;

/// <summary>What the watcher keeps about one polled URL (a feed or a web page).</summary>
/// <param name="Url">The URL as written in the sources file.</param>
/// <param name="Interval">How often it is polled when all is well.</param>
/// <param name="ETag">The last <c>ETag</c> it answered with, sent back as <c>If-None-Match</c>.</param>
/// <param name="LastModified">The last <c>Last-Modified</c> it answered with, sent back as <c>If-Modified-Since</c>.</param>
/// <param name="NextPoll">When it is next due.</param>
/// <param name="Failures">Consecutive failed polls (0 after a success); the back-off doubles with each.</param>
/// <param name="LastError">The reason the last failed poll gave, kept after later successes.</param>
/// <param name="LastStatus">The HTTP status of the last answer, or null when none came.</param>
/// <param name="LastPolled">When it was last polled, or null.</param>
/// <param name="Polls">How many polls it has had.</param>
/// <param name="NotModified">How many of them were answered 304 Not Modified.</param>
public sealed record WatchSourceState(
    string Url, TimeSpan Interval, string? ETag, string? LastModified, DateTimeOffset NextPoll, int Failures,
    string? LastError, int? LastStatus, DateTimeOffset? LastPolled, long Polls, long NotModified);

/// <summary>The outcome of one poll, as recorded.</summary>
/// <param name="Error">Null for a success (200 or 304), else the one-line reason.</param>
public sealed record WatchPollResult(
    DateTimeOffset PolledAt, DateTimeOffset NextPoll, int? Status, string? ETag, string? LastModified, bool NotModified, string? Error);

/// <summary>A feed item or page version found by a poll.</summary>
/// <param name="Key">What makes it one item across polls and sources: its article URL, else the feed's id for it.</param>
/// <param name="SourceUrl">The source that listed it.</param>
/// <param name="Url">The article page to fetch.</param>
/// <param name="Title">Its title in the feed, if any.</param>
public sealed record WatchItem(string Key, string SourceUrl, string? Url, string? Title);

/// <summary>An item still to fetch and store, with the attempts made so far.</summary>
public sealed record PendingWatchItem(string Key, string SourceUrl, string? Url, string? Title, int Attempts);

/// <summary>How many items are in each state.</summary>
public sealed record WatchItemCounts(long Pending, long Done, long Failed);

/// <summary>
/// The watcher's memory: sources with their conditional-GET validators and back-off, and every item ever found
/// (a queue of pending ones, and the seen set that keeps anything from being fetched twice). Implementations:
/// <see cref="WatchStore"/> (<c>Sqlite.Watch.SqliteWatchStore</c>, <c>Postgres.PostgresWatchStore</c>, where several watchers
/// share the queue through the claims).
/// </summary>
public interface IWatchStore : IDisposable
{
    /// <summary>Adds the sources not yet known (due at once) and updates the interval of the others.</summary>
    Task SyncSourcesAsync(IReadOnlyList<(string Url, TimeSpan Interval)> sources, CancellationToken cancellationToken = default);

    /// <summary>Every source, by URL.</summary>
    Task<IReadOnlyList<WatchSourceState>> ListSourcesAsync(CancellationToken cancellationToken = default);

    /// <summary>Records a poll: validators (on success), next poll time, failures and the last error.</summary>
    Task RecordPollAsync(string url, WatchPollResult result, CancellationToken cancellationToken = default);

    /// <summary>Queues the items not seen before (in one transaction) and returns them; items seen before are ignored,
    /// whatever their state.</summary>
    Task<IReadOnlyList<WatchItem>> EnqueueAsync(IReadOnlyList<WatchItem> items, DateTimeOffset now, CancellationToken cancellationToken = default);

    /// <summary>Whether an item with this key was ever found.</summary>
    Task<bool> IsKnownAsync(string key, CancellationToken cancellationToken = default);

    /// <summary>The sources due at <paramref name="now"/>, each held for <paramref name="lease"/> (its next poll moved to the
    /// lease's end until <see cref="RecordPollAsync"/> sets it), so that another watcher of the same store leaves it alone
    /// meanwhile and takes it again if this one dies. A zero lease claims nothing: the sources stay due.</summary>
    Task<IReadOnlyList<WatchSourceState>> ClaimDueSourcesAsync(DateTimeOffset now, TimeSpan lease, CancellationToken cancellationToken = default);

    /// <summary>Like <see cref="DueItemsAsync"/>, and each item returned is held for <paramref name="lease"/> (its next attempt
    /// moved to the lease's end until it is completed or failed), so that no other watcher fetches it meanwhile.</summary>
    Task<IReadOnlyList<PendingWatchItem>> ClaimDueItemsAsync(DateTimeOffset now, int limit, TimeSpan lease, CancellationToken cancellationToken = default);

    /// <summary>Pending items whose next attempt is due, oldest found first.</summary>
    Task<IReadOnlyList<PendingWatchItem>> DueItemsAsync(DateTimeOffset now, int limit, CancellationToken cancellationToken = default);

    /// <summary>Marks an item stored (or added as done when it was never queued, as a page version is).</summary>
    /// <param name="documentId">The stored document's id, or null when it gave no document (a failure not worth retrying).</param>
    Task CompleteItemAsync(WatchItem item, string? documentId, string? error, DateTimeOffset now, CancellationToken cancellationToken = default);

    /// <summary>Records a failed attempt: retried at <paramref name="retryAt"/>, or given up (<c>failed</c>) when null.</summary>
    Task FailItemAsync(string key, string error, DateTimeOffset? retryAt, CancellationToken cancellationToken = default);

    /// <summary>How many items are pending, done and failed.</summary>
    Task<WatchItemCounts> CountItemsAsync(CancellationToken cancellationToken = default);
}
