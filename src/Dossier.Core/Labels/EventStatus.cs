using System.Collections.Immutable;

namespace Dossier.Core.Labels;

/// <summary>
/// What a report says of an event: it happened, is planned, is possible, was requested, refused or denied, is
/// only alleged, or (news about a plan) was postponed or cancelled. The
/// JSON, the store and the CLI write the lower-case names (<see cref="EventStatuses"/>).
/// </summary>
public enum EventStatus
{
    /// <summary>Reported as having happened.</summary>
    Occurred,

    /// <summary>Scheduled or announced as intended.</summary>
    Planned,

    /// <summary>Spoken of as possible, hoped for or under consideration.</summary>
    Possible,

    /// <summary>Asked for or demanded by someone.</summary>
    Requested,

    /// <summary>Declined by the party asked.</summary>
    Refused,

    /// <summary>Reported as not having happened.</summary>
    Negated,

    /// <summary>Asserted only inside an accusation, charge or claim ("accused of killing", "charged with assault").</summary>
    Alleged,

    /// <summary>A planned act reported as put off to a later time ("the talks were postponed").</summary>
    Postponed,

    /// <summary>A planned act reported as not going ahead ("the summit was called off").</summary>
    Cancelled,
}

/// <summary>The names of <see cref="EventStatus"/> and the two orders the analysis and the corpus rank them by.</summary>
public static class EventStatuses
{
    /// <summary>Reported as having happened.</summary>
    public const string Occurred = "occurred";

    /// <summary>Scheduled or announced as intended.</summary>
    public const string Planned = "planned";

    /// <summary>Spoken of as possible.</summary>
    public const string Possible = "possible";

    /// <summary>Asked for.</summary>
    public const string Requested = "requested";

    /// <summary>Declined.</summary>
    public const string Refused = "refused";

    /// <summary>Denied.</summary>
    public const string Negated = "negated";

    /// <summary>Asserted only inside an accusation, charge or claim (dossier/1 version 1.1).</summary>
    public const string Alleged = "alleged";

    /// <summary>Put off to a later time (a status change of a planned act; issue 19).</summary>
    public const string Postponed = "postponed";

    /// <summary>Called off (a status change of a planned act; issue 19).</summary>
    public const string Cancelled = "cancelled";

    /// <summary>Every name, in the order of <see cref="EventStatus"/>.</summary>
    public static ImmutableArray<string> All { get; } = [Occurred, Planned, Possible, Requested, Refused, Negated, Alleged, Postponed, Cancelled];

    /// <summary>
    /// Which cue wins when several govern one predicate in a sentence, strongest first: a negation beats an allegation
    /// ("accused of planning to attack" is alleged), which beats a cancellation and a postponement ("the planned talks
    /// were called off" is cancelled), a refusal, a request, a possibility, then a plan ("did not plan to meet" is negated).
    /// </summary>
    public static ImmutableArray<string> CuePrecedence { get; } = [Negated, Alleged, Cancelled, Postponed, Refused, Requested, Possible, Planned];

    /// <summary>
    /// How far an affirmative event has advanced across reports, least first: when the corpus merges mentions, the
    /// most advanced status is the event's (a request that later is reported as having happened has occurred; an
    /// act alleged in one report and stated as fact in another has occurred). A postponement and a cancellation are
    /// later news of a plan, so they come after it (planned → postponed → cancelled); a report that the act took place
    /// after all still wins.
    /// </summary>
    public static ImmutableArray<string> Advancement { get; } = [Requested, Possible, Planned, Postponed, Cancelled, Alleged, Occurred];

    /// <summary>Whether a status is news about a plan rather than an act: postponed or cancelled (issue 19).</summary>
    /// <param name="status">A status name, or null.</param>
    public static bool IsChangeOfPlan(string? status) => status is Postponed or Cancelled;

    /// <summary>Whether a status places the act in the past: occurred, or alleged (a charge or claim says it happened).</summary>
    /// <param name="status">A status name, or null.</param>
    public static bool IsPast(string? status) => status is Occurred or Alleged;

    /// <summary>The lower-case name of a status (<see cref="EventStatus.Occurred"/> → <c>occurred</c>).</summary>
    /// <param name="status">A defined status.</param>
    /// <exception cref="IndexOutOfRangeException"><paramref name="status"/> is not a defined value.</exception>
    public static string Name(EventStatus status) => All[(int)status];

    /// <summary>The status of a name, or null for a name that is not one.</summary>
    /// <param name="name">A name from <see cref="All"/>, compared ordinally (<c>Occurred</c> is not one), or null.</param>
    public static EventStatus? Parse(string? name)
    {
        var i = name is null ? -1 : All.IndexOf(name);
        return i < 0 ? null : (EventStatus)i;
    }
}
