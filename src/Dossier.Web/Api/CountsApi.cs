using System.Globalization;
using Dossier.Storage.Corpus;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Dossier.Web.Api;

/// <summary><c>/api/counts</c>: event counts grouped by day, month, type, quad class or country, from the analytics
/// cluster (<c>dossier serve --analytics clickhouse://…</c>); each group links to its events in the store.</summary>
public static class CountsApi
{
    /// <summary>One group: its key per dimension, distinct corpus events, event mentions, and the store's events page
    /// for it (filtered by the day or month and type it has; country and quad class are not filters of that page).</summary>
    public sealed record CountRow(IReadOnlyDictionary<string, string> Keys, long Events, long Mentions, string EventsLink);

    /// <summary>The groups, in key order, and the dimensions they are grouped by.</summary>
    public sealed record CountsResponse(IReadOnlyList<string> By, IReadOnlyList<CountRow> Rows);

    public static RouteGroupBuilder MapCountsApi(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var group = endpoints.MapGroup("/api").WithTags("Analytics");
        group.MapGet("/counts", CountsAsync).WithName("CountEvents")
            .WithSummary("Event counts grouped by 'by' (day, month, type, quad, country; comma-separated) from the analytics cluster; each group links to its events");
        return group;
    }

    /// <summary>Checks the query values of a count; on failure returns false with a one-line reason.</summary>
    internal static bool TryParse(IEventCounts counts, DossierWebOptions options, string? by, string? from, string? to, string? country, string? type,
        string? minConfidence, string? domain, out IReadOnlyList<string> dimensions, out EventCountFilter filter, out string? error)
    {
        filter = new EventCountFilter();
        dimensions = [.. (string.IsNullOrWhiteSpace(by) ? "day" : by).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(b => b.ToLowerInvariant()).Distinct()];
        if (dimensions.Count == 0 || dimensions.Count > 3 || dimensions.Any(d => !counts.CountDimensions.Contains(d)))
        {
            error = $"'by' must be one to three of {string.Join(", ", counts.CountDimensions)}, separated by commas.";
            return false;
        }

        if (!EventsApi.TryParseFilter(null, type, null, from, to, out var events, out error)
            || !EventsApi.TryParseConfidence(minConfidence, options.MinConfidence, out var threshold, out error)
            || !EventsApi.TryParseDomain(domain, out var domainFilter, out error))
        {
            return false;
        }

        if (!string.IsNullOrWhiteSpace(country) && (country.Trim().Length is < 2 or > 3 || !country.Trim().All(char.IsAsciiLetter)))
        {
            error = "'country' must be an ISO country code such as GB or FRA.";
            return false;
        }

        filter = new EventCountFilter(events.From, events.To, string.IsNullOrWhiteSpace(country) ? null : country.Trim().ToUpperInvariant(), events.Type, threshold, domainFilter);
        return true;
    }

    /// <summary>The store's events page for one group: its day or month as the date range (else the filter's), its type
    /// (else the filter's), and the filter's confidence and domain.</summary>
    internal static string EventsLink(IReadOnlyList<string> by, IReadOnlyList<string> keys, EventCountFilter filter)
    {
        var from = filter.From;
        var to = filter.To;
        var type = filter.Type;
        for (var i = 0; i < by.Count && i < keys.Count; i++)
        {
            if (!DateOnly.TryParseExact(keys[i], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) && by[i] is "day" or "month")
            {
                continue;
            }

            switch (by[i])
            {
                case "day":
                    from = to = day;
                    break;
                case "month":
                    from = day;
                    to = day.AddMonths(1).AddDays(-1);
                    break;
                case "type":
                    type = keys[i];
                    break;
            }
        }

        string? Day(DateOnly? d) => d?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        return Ui.Html.Url("/events", [
            ("from", Day(from)), ("to", Day(to)), ("type", type),
            ("minConfidence", filter.MinConfidence.ToString(CultureInfo.InvariantCulture)),
            ("domain", filter.Domain),
        ]);
    }

    internal static async Task<Results<JsonAnswer<CountsResponse>, ProblemHttpResult>> CountsAsync(
        ICorpusQueries corpus, DossierWebOptions options, string? by, string? from, string? to, string? country, string? type, string? minConfidence,
        string? domain, CancellationToken cancellationToken)
    {
        if (corpus is not IEventCounts counts)
        {
            return ApiProblems.NotFound("Event counts come from an analytics cluster: start the server with dossier serve --analytics clickhouse://….");
        }

        if (!TryParse(counts, options, by, from, to, country, type, minConfidence, domain, out var dimensions, out var filter, out var error))
        {
            return ApiProblems.BadRequest(error!);
        }

        var rows = await counts.CountEventsAsync(dimensions, filter, cancellationToken);
        return ApiJson.Ok(new CountsResponse(dimensions, [.. rows.Select(r => new CountRow(
            dimensions.Select((d, i) => (d, r.Keys[i])).ToDictionary(p => p.d, p => p.Item2, StringComparer.Ordinal),
            r.Events, r.Mentions, EventsLink(dimensions, r.Keys, filter)))]));
    }
}
