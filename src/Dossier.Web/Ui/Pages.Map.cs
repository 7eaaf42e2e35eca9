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
        html.Raw("<form class=\"filters\" action=\"/map\" method=\"get\">")
            .Raw("<label>Actor<input type=\"search\" name=\"actor\"").Attr("value", actor).Raw("></label>")
            .Raw("<label>Type<input type=\"text\" name=\"type\" size=\"10\" placeholder=\"CONSULT\"").Attr("value", type).Raw("></label>")
            .Raw("<label>Status<select name=\"status\"><option value=\"\">any</option>");
        foreach (var option in EventsApi.Statuses)
        {
            html.Raw("<option").Attr("value", option).Raw(string.Equals(status, option, StringComparison.OrdinalIgnoreCase) ? " selected>" : ">")
                .Text(option).Raw("</option>");
        }

        html.Raw("</select></label>")
            .Raw("<label>From<input type=\"date\" name=\"from\"").Attr("value", from).Raw("></label>")
            .Raw("<label>To<input type=\"date\" name=\"to\"").Attr("value", to).Raw("></label>");
        WriteConfidenceControl(html, minConfidence, options);
        WriteDomainField(html, domain);
        html.Raw("<button type=\"submit\">Show</button></form>");

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
