using System.Globalization;
using Dossier.Storage.Corpus;
using Microsoft.AspNetCore.Http;

namespace Dossier.Web.Ui;

/// <summary>The actor network page.</summary>
public static partial class Pages
{
    private static async Task<IResult> NetworkAsync(ICorpusQueries corpus, DossierWebOptions options, string? minConfidence, string? domain, CancellationToken cancellationToken)
    {
        if (!Api.EventsApi.TryParseConfidence(minConfidence, options.MinConfidence, out var threshold, out var error)
            || !Api.EventsApi.TryParseDomain(domain, out var domainFilter, out error))
        {
            return PageResult.BadRequest(error!);
        }

        var pairs = await corpus.NetworkAsync(NetworkPairs, 0, threshold, domainFilter, cancellationToken);
        var html = new Html().Raw("<h1>Network</h1>");
        html.Raw("<form class=\"filters\" action=\"/network\" method=\"get\">");
        WriteConfidenceControl(html, minConfidence, options);
        WriteDomainField(html, domain);
        html.Raw("<button type=\"submit\">Show</button></form>")
            .Raw("<p class=\"meta\">Who acts on whom: the ").Text(NetworkPairs)
            .Raw(" pairs of actors with the most events. Each arrow is coloured by the pair\u2019s most frequent quad class; ")
            .Raw("thicker: more events. Hover over an arrow for its counts.</p>");
        WriteDomainNote(html, "/network", domainFilter, ("minConfidence", minConfidence));
        if (pairs.Count == 0)
        {
            html.Raw("<p>No actor pairs.</p>");
            return PageResult.Ok("Network", html);
        }

        NetworkSvg.WriteLegend(html);
        NetworkSvg.Write(html, pairs);
        html.Raw("<h2>Pairs</h2><table><thead><tr><th>Source</th><th>Target</th><th>Events</th><th>Mean Goldstein</th>")
            .Raw("<th>Quad class</th></tr></thead><tbody>");
        foreach (var pair in pairs)
        {
            html.Raw("<tr><td>");
            WriteActor(html, pair.Source);
            html.Raw("</td><td>");
            WriteActor(html, pair.Target);
            html.Raw("</td><td>").Text(pair.Events).Raw("</td><td>")
                .Text(pair.MeanGoldstein.ToString("+0.0;-0.0;0.0", CultureInfo.InvariantCulture)).Raw("</td><td").Attr("title", NetworkSvg.Breakdown(pair)).Raw(">");
            NetworkSvg.WriteSwatch(html, pair.QuadClass);
            html.Text(NetworkSvg.QuadClassNames[pair.QuadClass is >= 1 and <= 4 ? pair.QuadClass : 0]).Raw("</td></tr>");
        }

        html.Raw("</tbody></table>").Raw(NetworkScript.Tag);
        return PageResult.Ok("Network", html);
    }
}
