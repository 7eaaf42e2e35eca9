namespace Dossier.Storage.Watch;

/// <summary>A saved query over the corpus events: every condition given must hold; null ones are not checked.</summary>
/// <param name="Actor">A source or target actor: its name or an alias of its corpus entity, its text, or its CAMEO code.</param>
/// <param name="EventType">The PLOVER type (<c>CONSULT</c>, <c>PROTEST</c>…).</param>
/// <param name="Status">The status the new report gives (<c>occurred</c>, <c>planned</c>…).</param>
/// <param name="Country">A country code of an actor or of the place.</param>
/// <param name="MinConfidence">The least confidence of the report.</param>
public sealed record FollowQuery(string? Actor, string? EventType, string? Status, string? Country, double MinConfidence = 0);

/// <summary>A follow: a saved query, where its alerts go, and what its reader has seen.</summary>
/// <param name="SeenAlert">The last alert the reader has seen; later ones are "new since your last visit".</param>
/// <param name="NewAlerts">How many alerts came after <paramref name="SeenAlert"/>.</param>
public sealed record Follow(
    long Id, string Name, FollowQuery Query, string? WebhookUrl, bool HasSecret, DateTimeOffset Created, long SeenAlert, long NewAlerts);

/// <summary>The kinds of alert.</summary>
public static class FollowAlertKinds
{
    /// <summary>A corpus event seen for the first time.</summary>
    public const string New = "new";

    /// <summary>Another report of a known corpus event, with no change of status.</summary>
    public const string Report = "report";

    /// <summary>A report that moves a known corpus event's status on (planned → occurred).</summary>
    public const string Status = "status";
}

/// <summary>One matching report (a document's mentions of one corpus event), delivered once per follow: in its Atom feed and, when it has one, to its webhook.</summary>
/// <param name="Kind">One of <see cref="FollowAlertKinds"/>.</param>
/// <param name="PreviousStatus">For a status change, the most advanced status the earlier reports gave.</param>
public sealed record FollowAlert(
    long Id, long FollowId, long CorpusEventId, string DocumentId, string EventId, string Kind, string Status, string? PreviousStatus,
    string Type, string? Title, string? Url, string Evidence, DateOnly? Published, DateTimeOffset Created);

/// <summary>A webhook delivery still to make.</summary>
public sealed record WebhookDelivery(FollowAlert Alert, string WebhookUrl, string? Secret, int Attempts);

/// <summary>One step of a corpus event's status history: the first report that gave it this more advanced status.</summary>
public sealed record StatusChange(string Status, DateOnly? Published, string DocumentId, string EventId, string Evidence, string? Title);

/// <summary>
/// Follows, their alerts and the webhook outbox, and the status history of corpus events. Implementations:
/// <see cref="WatchStore"/> (SQLite and PostgreSQL).
/// </summary>
public interface IFollowStore : IDisposable
{
    /// <summary>Saves a follow; it fires for documents stored from now on.</summary>
    Task<Follow> AddFollowAsync(string name, FollowQuery query, string? webhookUrl, string? secret, DateTimeOffset now, CancellationToken cancellationToken = default);

    /// <summary>Every follow, oldest first.</summary>
    Task<IReadOnlyList<Follow>> ListFollowsAsync(CancellationToken cancellationToken = default);

    /// <summary>The follow, or null.</summary>
    Task<Follow?> GetFollowAsync(long id, CancellationToken cancellationToken = default);

    /// <summary>Removes a follow with its alerts and pending deliveries; false when there was none.</summary>
    Task<bool> RemoveFollowAsync(long id, CancellationToken cancellationToken = default);

    /// <summary>Matches every follow against the documents stored since it last looked, and records one alert (and one
    /// outbox row where it has a webhook) per matching report. Each follow's alerts and cursor move in one transaction.</summary>
    /// <returns>The new alerts.</returns>
    Task<IReadOnlyList<FollowAlert>> EvaluateAsync(DateTimeOffset now, CancellationToken cancellationToken = default);

    /// <summary>A follow's alerts, newest first.</summary>
    Task<IReadOnlyList<FollowAlert>> AlertsAsync(long followId, int limit, CancellationToken cancellationToken = default);

    /// <summary>Marks every alert of the follow seen (the reader's visit).</summary>
    Task MarkSeenAsync(long followId, CancellationToken cancellationToken = default);

    /// <summary>Outbox rows not yet delivered whose next attempt is due, oldest alert first.</summary>
    Task<IReadOnlyList<WebhookDelivery>> DueDeliveriesAsync(DateTimeOffset now, int limit, CancellationToken cancellationToken = default);

    /// <summary>Like <see cref="DueDeliveriesAsync"/>, and each delivery returned is held for <paramref name="lease"/> (its next
    /// attempt moved to the lease's end until it is recorded delivered or failed), so that no other watcher sends it meanwhile.</summary>
    Task<IReadOnlyList<WebhookDelivery>> ClaimDueDeliveriesAsync(DateTimeOffset now, int limit, TimeSpan lease, CancellationToken cancellationToken = default);

    /// <summary>Records a delivery the receiver accepted; it is never sent again.</summary>
    Task DeliveredAsync(long alertId, DateTimeOffset now, CancellationToken cancellationToken = default);

    /// <summary>Records a failed attempt and when to try again.</summary>
    Task DeliveryFailedAsync(long alertId, string error, DateTimeOffset retryAt, CancellationToken cancellationToken = default);

    /// <summary>The status history of a corpus event: its reports in publication order (then document and event id),
    /// one step for the first and for each that moves the status on (<c>EventStatuses.Advancement</c>).</summary>
    Task<IReadOnlyList<StatusChange>> StatusHistoryAsync(long corpusEventId, CancellationToken cancellationToken = default);
}
