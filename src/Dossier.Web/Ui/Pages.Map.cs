using Dossier.Storage.Corpus;
using Dossier.Web.Api;
using Microsoft.AspNetCore.Http;

namespace Dossier.Web.Ui;

/// <summary>The map page: events on a world map.</summary>
public static partial class Pages
{
    /// <summary>How many events, latest first, the map reads (then shows those with a place).</summary>
    internal const int MapEvents = 2000;

    private static async Task<IResult> MapAsync(
        ICorpusQueries corpus, DossierWebOptions options, string? actor, string? type, string? status, string? from, string? to, string? minConfidence,
        string? domain, CancellationToken cancellationToken)
    {
        var html = new Html().Raw("<h1>Map</h1>");
        WriteEventFilterForm(html, "/map", "Show", actor, type, status, from, to, minConfidence, domain, options);

        if (!EventsApi.TryParseFilter(actor, type, status, from, to, out var filter, out var error)
            || !EventsApi.TryParseConfidence(minConfidence, options.MinConfidence, out var threshold, out error)
            || !EventsApi.TryParseDomain(domain, out var domainFilter, out error))
        {
            html.Raw("<p class=\"error\">").Text(error).Raw("</p>");
            return Results.Content(PageResult.Layout("Map", html), PageResult.ContentType, statusCode: StatusCodes.Status400BadRequest);
        }

        var events = await corpus.ListEventsAsync(filter with { MinConfidence = threshold, Domain = domainFilter }, MapEvents, 0, cancellationToken);
        var placed = events.Count(e => e.Place is not null);
        html.Raw("<p class=\"meta\">").Text(placed).Raw(" events with a place");
        if (events.Count > placed)
        {
            html.Raw(" (").Text(events.Count - placed).Raw(" without one are not shown)");
        }

        html.Raw(". A marker\u2019s area grows with the event\u2019s reports; green: cooperation, red: conflict. An event whose sentence names no place ")
            .Raw("stands in its report\u2019s main country. Click a marker to open the event.</p>");
        WriteDomainNote(html, "/map", domainFilter, ("actor", actor), ("type", type), ("status", status), ("from", from), ("to", to), ("minConfidence", minConfidence));
        WorldMap.Write(html, events);
        return PageResult.Ok("Map", html);
    }
}
