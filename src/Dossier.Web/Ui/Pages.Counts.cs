using Dossier.Storage.Corpus;
using Dossier.Web.Api;
using Microsoft.AspNetCore.Http;

namespace Dossier.Web.Ui;

/// <summary>The event counts page (<c>/counts</c>): counts by day, month, type, quad class or country from the analytics
/// cluster, each group linked to its events in the store.</summary>
public static partial class Pages
{
    /// <summary>The groupings the page offers.</summary>
    private static readonly string[] CountGroupings = ["day", "month", "type", "quad", "country", "month,quad", "month,type", "country,quad"];

    private static async Task<IResult> CountsAsync(
        ICorpusQueries corpus, DossierWebOptions options, string? by, string? from, string? to, string? country, string? type, string? minConfidence,
        string? domain, CancellationToken cancellationToken)
    {
        if (corpus is not IEventCounts counts)
        {
            return PageResult.NotFound("Event counts come from an analytics cluster: start the server with dossier serve --analytics clickhouse://….");
        }

        var html = new Html().Raw("<h1>Event counts</h1>");
        html.Raw("<form class=\"filters\" action=\"/counts\" method=\"get\"><label>By <select name=\"by\">");
        var chosen = string.IsNullOrWhiteSpace(by) ? "day" : by.Trim();
        foreach (var grouping in CountGroupings.Contains(chosen) ? CountGroupings : [.. CountGroupings, chosen])
        {
            html.Raw("<option").Attr("value", grouping).Raw(grouping == chosen ? " selected>" : ">").Text(grouping.Replace(",", " and ", StringComparison.Ordinal)).Raw("</option>");
        }

        html.Raw("</select></label>")
            .Raw("<label>From <input type=\"date\" name=\"from\"").Attr("value", from).Raw("></label>")
            .Raw("<label>To <input type=\"date\" name=\"to\"").Attr("value", to).Raw("></label>")
            .Raw("<label>Country <input name=\"country\" size=\"4\"").Attr("value", country).Raw("></label>")
            .Raw("<label>Type <input name=\"type\" size=\"10\"").Attr("value", type).Raw("></label>");
        WriteConfidenceControl(html, minConfidence, options);
        WriteDomainField(html, domain);
        html.Raw("<button type=\"submit\">Count</button></form>")
            .Raw("<p class=\"meta\">Distinct events and their reports (event mentions) from the analytics cluster, as of its last ")
            .Raw("<code>dossier sync</code>. Each row links to its events in the store, with their evidence.</p>");
        if (!CountsApi.TryParse(counts, options, by, from, to, country, type, minConfidence, domain, out var dimensions, out var filter, out var error))
        {
            html.Raw("<p class=\"error\">").Text(error).Raw("</p>");
            return Results.Content(PageResult.Layout("Event counts", html), PageResult.ContentType, statusCode: StatusCodes.Status400BadRequest);
        }

        var rows = await counts.CountEventsAsync(dimensions, filter, cancellationToken);
        WriteDomainNote(html, "/counts", filter.Domain ?? "", ("by", by), ("from", from), ("to", to), ("country", country), ("type", type), ("minConfidence", minConfidence));
        if (rows.Count == 0)
        {
            html.Raw("<p>No events.</p>");
            return PageResult.Ok("Event counts", html);
        }

        html.Raw("<table><thead><tr>");
        foreach (var dimension in dimensions)
        {
            html.Raw("<th>").Text(dimension).Raw("</th>");
        }

        html.Raw("<th>Events</th><th>Mentions</th><th></th></tr></thead><tbody>");
        foreach (var row in rows)
        {
            html.Raw("<tr>");
            for (var i = 0; i < dimensions.Count; i++)
            {
                var key = row.Keys[i];
                html.Raw("<td>").Text(dimensions[i] == "quad" && int.TryParse(key, out var quad) && quad is >= 1 and <= 4 ? $"{quad} {NetworkSvg.QuadClassNames[quad]}" : key).Raw("</td>");
            }

            html.Raw("<td>").Text(row.Events).Raw("</td><td>").Text(row.Mentions).Raw("</td><td>")
                .Link(CountsApi.EventsLink(dimensions, row.Keys, filter), "events").Raw("</td></tr>");
        }

        html.Raw("</tbody></table>");
        return PageResult.Ok("Event counts", html);
    }
}
