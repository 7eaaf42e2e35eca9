using System.Globalization;
using Dossier.Core.Documents;
using Dossier.Core.Labels;

namespace Dossier.Storage.Corpus;

/// <summary>What identifies a real-world event across documents, apart from its date.</summary>
/// <param name="Type">PLOVER event type.</param>
/// <param name="SourceKey">The sorted set of source actor keys (<see cref="EventMerger.ActorKey"/>), joined by '|'.</param>
/// <param name="TargetKey">The same for the targets.</param>
/// <param name="StatusClass"><c>affirmative</c> for occurred, alleged, planned, possible and requested (merged into the most
/// advanced); <c>negated</c> and <c>refused</c> stay separate.</param>
public sealed record CorpusEventKey(string Type, string SourceKey, string TargetKey, string StatusClass)
{
    /// <summary>An event with no actor on either side is never merged with another.</summary>
    public bool IsMergeable => SourceKey.Length > 0 || TargetKey.Length > 0;
}

/// <summary>A stored corpus event with the same <see cref="CorpusEventKey"/>, as the merger sees it.</summary>
/// <param name="DateValue">The TIMEX3 value of its date, or null.</param>
/// <param name="FirstPublished">Earliest publication date among its documents.</param>
/// <param name="LastPublished">Latest publication date among its documents.</param>
/// <param name="Status">Its most advanced status, or null when not known.</param>
public sealed record CorpusEventCandidate(long Id, string? DateValue, DateOnly? FirstPublished, DateOnly? LastPublished, string? Status = null);

/// <summary>One document event as the merger sees it.</summary>
/// <param name="DateValue">The TIMEX3 value of its date, or null.</param>
/// <param name="Published">The publication date of its document.</param>
/// <param name="Status">Its status, or null when not known.</param>
public sealed record EventMention(string? DateValue, DateOnly? Published, string? Status);

/// <summary>
/// Decides which document events are one corpus event (one per real-world event across documents). Pure and thread-safe.
/// </summary>
/// <remarks>
/// Two events are one when their PLOVER type, source and target actor sets (corpus entity ids, else actor codes;
/// actors with neither are left out, and an event with no keyed actor is never merged) and status class agree, and their dates agree: both dated to days at most one day apart;
/// both with the same non-day TIMEX value (a week, a month); or both undated, published within three days, and either
/// both reported as having happened or both not yet (an undated "plans a summit" is not the undated talks that happened
/// around it; a dated plan and a report that it took place that day are one event). Agreement is judged between
/// mentions, and a corpus event is every mention joined by a chain of agreeing ones (<see cref="Agree"/>): a mention
/// that agrees with two corpus events merges them.
/// </remarks>
public static class EventMerger
{
    /// <summary>How far apart two dated mentions of one event may be.</summary>
    public const int DateWindowDays = 1;

    /// <summary>How far apart the publication dates of two undated mentions of one event may be.</summary>
    public const int UndatedWindowDays = 3;

    /// <summary>The key of one actor: <c>e:</c> + corpus entity id when it has one, else <c>c:</c> + its actor code;
    /// null for an actor with neither ("they", "officials"), which then takes no part in matching.</summary>
    public static string? ActorKey(EventActor actor, long? corpusEntityId)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (corpusEntityId is { } id)
        {
            return "e:" + id.ToString(CultureInfo.InvariantCulture);
        }

        if (!string.IsNullOrWhiteSpace(actor.Code))
        {
            return "c:" + actor.Code.Trim().ToUpperInvariant();
        }

        return null;
    }

    public static string SideKey(IEnumerable<string?> actorKeys) =>
        string.Join('|', actorKeys.OfType<string>().Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal));

    /// <param name="corpusEntityOf">The corpus entity of a document entity id, or null.</param>
    public static CorpusEventKey KeyOf(Event e, Func<string, long?> corpusEntityOf)
    {
        ArgumentNullException.ThrowIfNull(e);
        ArgumentNullException.ThrowIfNull(corpusEntityOf);
        string? Key(EventActor a) => ActorKey(a, a.Entity is { } id ? corpusEntityOf(id) : null);
        return new CorpusEventKey(
            TypeOf(e),
            SideKey((e.Source.IsDefault ? [] : e.Source).Select(Key)),
            SideKey((e.Target.IsDefault ? [] : e.Target).Select(Key)),
            StatusClass(e.Status));
    }

    /// <summary>
    /// The type a corpus event is keyed by: the event's PLOVER type, except for a stated intention that has not happened
    /// (planned, possible, postponed or cancelled), which is keyed by the type of the act it intends. CAMEO codes an
    /// intention to act as its own act ("will meet" is 036 "express intent to meet or negotiate", an AGREE, beside 04x
    /// CONSULT for "met"), and the events stage keeps the intended act in <c>attributes["intended"]</c> as
    /// <c>PLOVER/CAMEO</c>; an intention and a later report of the act are then one corpus event whose status moves on.
    /// </summary>
    public static string TypeOf(Event e)
    {
        ArgumentNullException.ThrowIfNull(e);
        if (e.Status is EventStatuses.Occurred or EventStatuses.Alleged or EventStatuses.Negated or EventStatuses.Refused) return e.Type;
        if (e.Attributes is null || !e.Attributes.TryGetValue("intended", out var intended)) return e.Type;
        var slash = intended.IndexOf('/', StringComparison.Ordinal);
        return slash > 0 ? intended[..slash] : e.Type;
    }

    public static string StatusClass(string? status) => status switch
    {
        EventStatuses.Negated or EventStatuses.Refused => status,
        _ => "affirmative",
    };

    /// <summary>How far along a status is: occurred 5, alleged 4, planned 3, possible 2, requested 1, anything else 0.</summary>
    public static int Rank(string? status) => status is null ? 0 : EventStatuses.Advancement.IndexOf(status) + 1;

    /// <summary>The more advanced of two statuses (occurred &gt; alleged &gt; planned &gt; possible &gt; requested); the current one on a tie.</summary>
    public static string MoreAdvanced(string current, string candidate) => Rank(candidate) > Rank(current) ? candidate : current;

    /// <summary>The most advanced of several statuses; among equally advanced (unknown) ones the first in ordinal order.</summary>
    public static string MostAdvanced(IEnumerable<string> statuses) =>
        statuses.OrderByDescending(Rank).ThenBy(s => s, StringComparer.Ordinal).First();

    /// <summary>The day of a TIMEX3 value that names one (<c>2025-10-16</c>, <c>2025-10-16T14:00</c>), else null.</summary>
    public static DateOnly? DayOf(string? timex) =>
        timex is { Length: >= 10 } && DateOnly.TryParseExact(timex.AsSpan(0, 10), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
        && (timex.Length == 10 || timex[10] == 'T')
            ? day
            : null;

    /// <summary>Whether the date of a new mention (TIMEX value and publication date) agrees with a corpus event.</summary>
    public static bool DatesAgree(string? dateValue, DateOnly? published, CorpusEventCandidate candidate)
    {
        ArgumentNullException.ThrowIfNull(candidate);
        var day = DayOf(dateValue);
        var candidateDay = DayOf(candidate.DateValue);
        if (day is { } d && candidateDay is { } c)
        {
            return Math.Abs(d.DayNumber - c.DayNumber) <= DateWindowDays;
        }

        if (day is not null || candidateDay is not null)
        {
            return false;
        }

        var dated = !string.IsNullOrEmpty(dateValue);
        var candidateDated = !string.IsNullOrEmpty(candidate.DateValue);
        if (dated || candidateDated)
        {
            return dated && candidateDated && string.Equals(dateValue, candidate.DateValue, StringComparison.Ordinal);
        }

        if (published is not { } p || candidate.FirstPublished is not { } first)
        {
            return published is null && candidate.FirstPublished is null;
        }

        var last = candidate.LastPublished ?? first;
        var distance = p < first ? first.DayNumber - p.DayNumber : p > last ? p.DayNumber - last.DayNumber : 0;
        return distance <= UndatedWindowDays;
    }

    /// <summary>Whether two mentions agree on whether the event has happened: always for dated mentions (their dates
    /// decide), and for undated ones when both or neither place it in the past (occurred or alleged: a charge and a
    /// report of the act are one event). Unknown statuses agree with anything.</summary>
    public static bool TensesAgree(string? dateValue, string? status, CorpusEventCandidate candidate)
    {
        ArgumentNullException.ThrowIfNull(candidate);
        if (!string.IsNullOrEmpty(dateValue) || !string.IsNullOrEmpty(candidate.DateValue) || status is null || candidate.Status is null)
        {
            return true;
        }

        return EventStatuses.IsPast(status) == EventStatuses.IsPast(candidate.Status);
    }

    /// <summary>Whether two mentions of events with one <see cref="CorpusEventKey"/> are one event: their dates
    /// (<see cref="DatesAgree"/>) and tenses (<see cref="TensesAgree"/>) agree. Symmetric; a corpus event is a set of
    /// mentions joined by a chain of agreeing pairs, so the grouping does not depend on the order of arrival.</summary>
    public static bool Agree(EventMention a, EventMention b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        if (EventStatuses.IsChangeOfPlan(a.Status) || EventStatuses.IsChangeOfPlan(b.Status))
        {
            return PlanChangeAgrees(a, b) || PlanChangeAgrees(b, a);
        }

        var candidate = new CorpusEventCandidate(0, b.DateValue, b.Published, b.Published, b.Status);
        return DatesAgree(a.DateValue, a.Published, candidate) && TensesAgree(a.DateValue, a.Status, candidate);
    }

    /// <summary>How far apart a report that a plan was postponed or cancelled and the plan (its date, else its report) may be.</summary>
    public const int PlanChangeWindowDays = 31;

    /// <summary>
    /// Whether a report that a plan changed (postponed or cancelled: its date is the new date or none, so dates cannot
    /// decide) and another mention are one event: the change was published within <see cref="PlanChangeWindowDays"/> of
    /// the other's date (else its publication). "Talks on the 14th" and "the talks were called off" published on the 10th
    /// are one event; so are the postponement and a later report that the talks took place.
    /// </summary>
    private static bool PlanChangeAgrees(EventMention change, EventMention other)
    {
        if (!EventStatuses.IsChangeOfPlan(change.Status)) return false;
        if (change.Published is not { } published) return DatesAgree(change.DateValue, change.Published, new CorpusEventCandidate(0, other.DateValue, other.Published, other.Published, other.Status));
        if ((DayOf(other.DateValue) ?? other.Published) is not { } reference) return false;
        return Math.Abs(published.DayNumber - reference.DayNumber) <= PlanChangeWindowDays;
    }

    /// <summary>The outlet a document came from, for NumSources: the host of its URL (without <c>www.</c>), else its
    /// source path without a fragment such as <c>#line=3</c>.</summary>
    public static string SourceOf(DocumentMetadata metadata)
    {
        ArgumentNullException.ThrowIfNull(metadata);
        foreach (var candidate in new[] { metadata.Url, metadata.Source })
        {
            if (Uri.TryCreate(candidate, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps))
            {
                var host = uri.Host.ToLowerInvariant();
                return host.StartsWith("www.", StringComparison.Ordinal) ? host[4..] : host;
            }
        }

        var source = metadata.Source;
        var hash = source.IndexOf('#', StringComparison.Ordinal);
        return hash >= 0 ? source[..hash] : source;
    }
}
