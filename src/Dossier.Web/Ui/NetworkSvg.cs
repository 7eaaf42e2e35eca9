using System.Globalization;
using Dossier.Storage.Corpus;

namespace Dossier.Web.Ui;

/// <summary>Draws actor pairs as an SVG graph, server-side: actors on a circle, one line per pair, each actor a link.</summary>
internal static class NetworkSvg
{
    private const double Size = 800;
    private const double Radius = 300;

    public static void Write(Html html, IReadOnlyList<ActorPair> pairs)
    {
        var nodes = new List<CorpusActor>();
        var index = new Dictionary<long, int>();
        foreach (var actor in pairs.SelectMany(p => new[] { p.Source, p.Target }))
        {
            var key = actor.EntityId ?? -1 - nodes.Count;
            if (!index.ContainsKey(key))
            {
                index[key] = nodes.Count;
                nodes.Add(actor);
            }
        }

        var positions = nodes.Select((_, i) =>
        {
            var angle = (2 * Math.PI * i / nodes.Count) - (Math.PI / 2);
            return (X: (Size / 2) + (Radius * Math.Cos(angle)), Y: (Size / 2) + (Radius * Math.Sin(angle)), Angle: angle);
        }).ToList();
        var most = Math.Max(1, pairs.Max(p => p.Events));

        html.Raw("<svg class=\"network\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 800 800\" role=\"img\" aria-label=\"Actor network\">");
        html.Raw("<defs><marker id=\"arrow\" viewBox=\"0 0 10 10\" refX=\"16\" refY=\"5\" markerWidth=\"6\" markerHeight=\"6\" orient=\"auto-start-reverse\">")
            .Raw("<path d=\"M 0 0 L 10 5 L 0 10 z\" fill=\"#868e96\"/></marker></defs><g class=\"edges\">");
        foreach (var pair in pairs)
        {
            var from = positions[index[pair.Source.EntityId ?? Find(nodes, pair.Source)]];
            var to = positions[index[pair.Target.EntityId ?? Find(nodes, pair.Target)]];
            var width = 1 + (4.0 * pair.Events / most);
            var kind = pair.MeanGoldstein > 0.5 ? "coop" : pair.MeanGoldstein < -0.5 ? "conflict" : "neutral";
            html.Raw("<line").Attr("class", kind)
                .Attr("x1", Number(from.X)).Attr("y1", Number(from.Y)).Attr("x2", Number(to.X)).Attr("y2", Number(to.Y))
                .Attr("stroke-width", Number(width)).Raw(" marker-end=\"url(#arrow)\"><title>")
                .Text($"{pair.Source.Name} → {pair.Target.Name}: {pair.Events} events, mean Goldstein {pair.MeanGoldstein.ToString("0.0", CultureInfo.InvariantCulture)}")
                .Raw("</title></line>");
        }

        html.Raw("</g><g class=\"nodes\">");
        for (var i = 0; i < nodes.Count; i++)
        {
            var node = nodes[i];
            var (x, y, angle) = positions[i];
            var right = Math.Cos(angle) >= 0;
            var labelX = x + (right ? 10 : -10);
            html.Raw(node.EntityId is { } id ? $"<a href=\"/entities/{id.ToString(CultureInfo.InvariantCulture)}\">" : "<g>")
                .Raw("<circle").Attr("cx", Number(x)).Attr("cy", Number(y)).Raw(" r=\"7\"><title>").Text(node.Name).Raw("</title></circle>")
                .Raw("<text").Attr("x", Number(labelX)).Attr("y", Number(y + 4)).Attr("text-anchor", right ? "start" : "end").Raw(">")
                .Text(node.Name).Raw("</text>")
                .Raw(node.EntityId is null ? "</g>" : "</a>");
        }

        html.Raw("</g></svg>");
    }

    private static long Find(List<CorpusActor> nodes, CorpusActor actor) => -1 - nodes.IndexOf(actor);

    private static string Number(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);
}
