using Dossier.Storage.Corpus;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Dossier.Core.Labels;

namespace Dossier.Web.Api;

/// <summary><c>/api/events</c>, <c>/api/events/{id}</c>, <c>/api/agenda</c> and <c>/api/network</c>: corpus events (one per real-world event).</summary>
public static class EventsApi
{
    /// <summary>How many days back from its day the agenda looks for plans announced without a date.</summary>
    public const int UndatedPlanDays = 30;

    /// <summary>The event statuses of <c>dossier/1</c>.</summary>
    public static readonly IReadOnlyList<string> Statuses = EventStatuses.All;

    public static RouteGroupBuilder MapEventsApi(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var group = endpoints.MapGroup("/api").WithTags("Events");
        group.MapGet("/events", ListAsync).WithName("ListEvents").WithSummary("Corpus events, latest first, then the most recently created first");
        group.MapGet("/events/{id}", GetAsync).WithName("GetEvent").WithSummary("One corpus event with its actors and every report of it");
        group.MapGet("/agenda", AgendaAsync).WithName("GetAgenda").WithSummary("Events dated on or after 'from' (default: today, UTC), soonest first");
        group.MapGet("/agenda/undated", UndatedAsync).WithName("GetUndatedPlans")
            .WithSummary("Planned or possible events that no report dates, reported in the 'days' (default 30) up to 'from' (default: today, UTC); latest report first");
        group.MapGet("/network", NetworkAsync).WithName("GetNetwork").WithSummary("Actor pairs joined by events, most events first");
        return group;
    }

    /// <summary>Reads the <c>minConfidence</c> query value: <paramref name="fallback"/> when absent, else a number from 0 to 1.</summary>
    internal static bool TryParseConfidence(string? value, double fallback, out double minConfidence, out string? error)
    {
        minConfidence = fallback;
        error = null;
        if (string.IsNullOrWhiteSpace(value)) return true;
        if (double.TryParse(value, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var p) && p is >= 0 and <= 1)
        {
            minConfidence = p;
            return true;
        }

        error = "'minConfidence' must be a number from 0 to 1.";
        return false;
    }

    /// <summary>Checks the <c>domain</c> query value (<see cref="DomainFilters"/>: general by default, all, sport,
    /// entertainment); on failure returns false with a one-line reason.</summary>
    internal static bool TryParseDomain(string? domain, out string parsed, out string? error)
    {
        parsed = DomainFilters.Parse(domain) ?? "";
        error = parsed.Length == 0 ? $"'domain' must be one of {string.Join(", ", DomainFilters.Values)}." : null;
        return error is null;
    }

    /// <summary>Checks the event filter's query values; on failure returns false with a one-line reason.</summary>
    internal static bool TryParseFilter(string? actor, string? type, string? status, string? from, string? to, out CorpusEventFilter filter, out string? error)
    {
        filter = new CorpusEventFilter();
        if (actor is { Length: > EntitiesApi.MaxQueryLength })
        {
            error = $"'actor' must be at most {EntitiesApi.MaxQueryLength} characters.";
            return false;
        }

        if (!EntitiesApi.IsTypeName(type))
        {
            error = "'type' must be a PLOVER event type such as CONSULT, AGREE or ASSAULT.";
            return false;
        }

        if (!string.IsNullOrWhiteSpace(status) && !Statuses.Contains(status.Trim().ToLowerInvariant()))
        {
            error = $"'status' must be one of {string.Join(", ", Statuses)}.";
            return false;
        }

        if (!ApiProblems.TryParseDay("from", from, out var fromDay, out error) || !ApiProblems.TryParseDay("to", to, out var toDay, out error))
        {
            return false;
        }

        if (fromDay > toDay)
        {
            error = "'from' must not be after 'to'.";
            return false;
        }

        filter = new CorpusEventFilter(
            string.IsNullOrWhiteSpace(actor) ? null : actor.Trim(),
            string.IsNullOrWhiteSpace(type) ? null : type.Trim(),
            string.IsNullOrWhiteSpace(status) ? null : status.Trim(),
            fromDay,
            toDay);
        error = null;
        return true;
    }

    internal static async Task<Results<JsonAnswer<Page<CorpusEventSummary>>, ProblemHttpResult>> ListAsync(
        ICorpusQueries corpus, DossierWebOptions options, string? actor, string? type, string? status, string? from, string? to, string? minConfidence,
        string? limit, string? cursor, string? domain, CancellationToken cancellationToken)
    {
        if (!Paging.TryParse(limit, cursor, out var paging, out var error)
            || !TryParseFilter(actor, type, status, from, to, out var filter, out error)
            || !TryParseConfidence(minConfidence, options.MinConfidence, out var threshold, out error)
            || !TryParseDomain(domain, out var domainFilter, out error))
        {
            return ApiProblems.BadRequest(error!);
        }

        var rows = await corpus.ListEventsAsync(filter with { MinConfidence = threshold, Domain = domainFilter }, paging.Probe, paging.Offset, cancellationToken);
        return ApiJson.Ok(paging.ToPage(rows));
    }

    internal static async Task<Results<JsonAnswer<CorpusEventSummary>, ProblemHttpResult>> GetAsync(
        ICorpusQueries corpus, string id, CancellationToken cancellationToken)
    {
        var found = TryParseId(id, out var key) ? await corpus.GetEventAsync(key, cancellationToken) : null;
        return found is null ? ApiProblems.NotFound("No event has this id.") : ApiJson.Ok(found);
    }

    /// <summary>A corpus event id: a positive whole number.</summary>
    internal static bool TryParseId(string? id, out long key) =>
        long.TryParse(id, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out key) && key > 0;

    internal static async Task<Results<JsonAnswer<Page<CorpusEventSummary>>, ProblemHttpResult>> AgendaAsync(
        ICorpusQueries corpus, DossierWebOptions options, TimeProvider clock, string? from, string? minConfidence, string? limit, string? cursor,
        string? domain, CancellationToken cancellationToken)
    {
        if (!Paging.TryParse(limit, cursor, out var paging, out var error) || !ApiProblems.TryParseDay("from", from, out var day, out error)
            || !TryParseConfidence(minConfidence, options.MinConfidence, out var threshold, out error)
            || !TryParseDomain(domain, out var domainFilter, out error))
        {
            return ApiProblems.BadRequest(error!);
        }

        var start = day ?? DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var rows = await corpus.AgendaAsync(start, paging.Probe, paging.Offset, threshold, domainFilter, cancellationToken);
        return ApiJson.Ok(paging.ToPage(rows));
    }

    internal static async Task<Results<JsonAnswer<Page<CorpusEventSummary>>, ProblemHttpResult>> UndatedAsync(
        ICorpusQueries corpus, DossierWebOptions options, TimeProvider clock, string? from, string? days, string? minConfidence, string? limit, string? cursor,
        string? domain, CancellationToken cancellationToken)
    {
        if (!Paging.TryParse(limit, cursor, out var paging, out var error) || !ApiProblems.TryParseDay("from", from, out var day, out error)
            || !TryParseConfidence(minConfidence, options.MinConfidence, out var threshold, out error)
            || !TryParseDomain(domain, out var domainFilter, out error))
        {
            return ApiProblems.BadRequest(error!);
        }

        var window = UndatedPlanDays;
        if (!string.IsNullOrWhiteSpace(days)
            && (!int.TryParse(days, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out window) || window > 366))
        {
            return ApiProblems.BadRequest("'days' must be a whole number from 0 to 366.");
        }

        var asOf = day ?? DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var rows = await corpus.UndatedPlansAsync(asOf, window, paging.Probe, paging.Offset, threshold, domainFilter, cancellationToken);
        return ApiJson.Ok(paging.ToPage(rows));
    }

    internal static async Task<Results<JsonAnswer<Page<ActorPair>>, ProblemHttpResult>> NetworkAsync(
        ICorpusQueries corpus, DossierWebOptions options, string? minConfidence, string? limit, string? cursor, string? domain, CancellationToken cancellationToken)
    {
        if (!Paging.TryParse(limit, cursor, out var paging, out var error)
            || !TryParseConfidence(minConfidence, options.MinConfidence, out var threshold, out error)
            || !TryParseDomain(domain, out var domainFilter, out error))
        {
            return ApiProblems.BadRequest(error!);
        }

        var rows = await corpus.NetworkAsync(paging.Probe, paging.Offset, threshold, domainFilter, cancellationToken);
        return ApiJson.Ok(paging.ToPage(rows));
    }
}
