using Dossier.Core.Documents;
using System.Globalization;
using Dossier.Storage.Corpus;

namespace Dossier.Web.Ui;

/// <summary>
/// Draws actor pairs as an SVG graph, server-side: one node per actor (a link to its page when it is a corpus entity),
/// one arrow per pair coloured by the pair's most frequent quad class, placed by a small deterministic force layout.
/// </summary>
/// <remarks>
/// <see cref="NetworkScript"/> adds drag and zoom in the browser; it finds its way through the markup written here:
/// each node is a <c>g[data-node]</c> placed by <c>transform="translate(x y)"</c> (circle and label inside it, drawn
/// about 0,0), each edge a <c>line[data-from][data-to]</c> with the node numbers of its ends.
/// </remarks>
internal static class NetworkSvg
{
    /// <summary>Quad class names by number, capitalised for display: 0 (none), then 1 to 4 as in CAMEO/PLOVER.</summary>
    public static readonly string[] QuadClassNames = [.. QuadClass.Names.Select(n => char.ToUpperInvariant(n[0]) + n[1..])];

    private const double Width = 1000;
    private const double Height = 700;
    private const double MarginX = 130; // room for the labels beside the outermost nodes
    private const double MarginY = 30;
    private const double NodeRadius = 7;
    private const int Iterations = 300;
    private const double Gravity = 1.0;
    private const double MaxStretch = 1.5;

    /// <summary>The legend of the edge colours, as an HTML list (swatches styled by the same <c>q0</c>…<c>q4</c> classes).</summary>
    public static void WriteLegend(Html html)
    {
        html.Raw("<ul class=\"network-legend\" aria-label=\"Edge colours\">");
        for (var q = 1; q <= 4; q++)
        {
            WriteLegendItem(html, q);
        }

        WriteLegendItem(html, 0);
        html.Raw("</ul>");
    }

    /// <summary>A colour swatch for a quad class (0 to 4).</summary>
    public static void WriteSwatch(Html html, int quadClass) =>
        html.Raw("<span class=\"swatch q").Raw(Class(quadClass)).Raw("\" aria-hidden=\"true\"></span>");

    public static void Write(Html html, IReadOnlyList<ActorPair> pairs)
    {
        var nodes = new List<CorpusActor>();
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        int NodeOf(CorpusActor actor)
        {
            var key = actor.EntityId is { } id ? "e" + id.ToString(CultureInfo.InvariantCulture) : "n" + actor.Name;
            if (!index.TryGetValue(key, out var i))
            {
                i = nodes.Count;
                index[key] = i;
                nodes.Add(actor);
            }

            return i;
        }

        var edges = pairs.Select(p => (From: NodeOf(p.Source), To: NodeOf(p.Target))).ToList();
        var positions = Layout(nodes.Count, edges);
        var most = Math.Max(1, pairs.Count == 0 ? 1 : pairs.Max(p => p.Events));

        html.Raw("<svg class=\"network\" xmlns=\"http://www.w3.org/2000/svg\"")
            .Attr("viewBox", $"0 0 {Number(Width)} {Number(Height)}").Raw(" role=\"group\" aria-label=\"Actor network\"><defs>");
        for (var q = 0; q <= 4; q++)
        {
            // Fixed-size arrowheads (user units), their tips just outside the target's circle.
            html.Raw("<marker id=\"arrow-q").Raw(Class(q)).Raw("\" class=\"q").Raw(Class(q))
                .Raw("\" viewBox=\"0 0 10 10\" refX=\"").Raw(Number(10 + NodeRadius + 2))
                .Raw("\" refY=\"5\" markerUnits=\"userSpaceOnUse\" markerWidth=\"9\" markerHeight=\"9\" orient=\"auto-start-reverse\">")
                .Raw("<path d=\"M 0 0 L 10 5 L 0 10 z\"/></marker>");
        }

        html.Raw("</defs><g class=\"edges\">");
        for (var e = 0; e < pairs.Count; e++)
        {
            var pair = pairs[e];
            var (from, to) = edges[e];
            var quad = Class(pair.QuadClass);
            html.Raw("<line").Attr("class", "q" + quad)
                .Attr("data-from", from.ToString(CultureInfo.InvariantCulture)).Attr("data-to", to.ToString(CultureInfo.InvariantCulture))
                .Attr("x1", Number(positions[from].X)).Attr("y1", Number(positions[from].Y))
                .Attr("x2", Number(positions[to].X)).Attr("y2", Number(positions[to].Y))
                .Attr("stroke-width", Number(1 + (4.0 * pair.Events / most)))
                .Raw(" marker-end=\"url(#arrow-q").Raw(quad).Raw(")\"><title>")
                .Text($"{pair.Source.Name} → {pair.Target.Name}: {pair.Events} {(pair.Events == 1 ? "event" : "events")}, "
                    + $"mean Goldstein {pair.MeanGoldstein.ToString("0.0", CultureInfo.InvariantCulture)}; {Breakdown(pair)}")
                .Raw("</title></line>");
        }

        html.Raw("</g><g class=\"nodes\">");
        for (var i = 0; i < nodes.Count; i++)
        {
            var node = nodes[i];
            var (x, y) = positions[i];
            var right = x >= Width / 2;
            html.Raw("<g class=\"node\"").Attr("data-node", i.ToString(CultureInfo.InvariantCulture))
                .Attr("transform", $"translate({Number(x)} {Number(y)})").Raw(">")
                .Raw(node.EntityId is { } id ? $"<a href=\"/entities/{id.ToString(CultureInfo.InvariantCulture)}\">" : string.Empty)
                .Raw("<circle").Attr("r", Number(NodeRadius)).Raw("><title>").Text(node.Name).Raw("</title></circle>")
                .Raw("<text").Attr("x", Number(right ? 10 : -10)).Attr("y", "4").Attr("text-anchor", right ? "start" : "end").Raw(">")
                .Text(node.Name).Raw("</text>")
                .Raw(node.EntityId is null ? "</g>" : "</a></g>");
        }

        html.Raw("</g></svg>");
    }

    /// <summary>"verbal cooperation 2, material cooperation 0, …": the pair's events by quad class.</summary>
    public static string Breakdown(ActorPair pair) =>
        string.Join(", ", Enumerable.Range(1, 4).Select(q =>
            $"{QuadClassNames[q].ToLowerInvariant()} {(q <= pair.QuadClasses.Count ? pair.QuadClasses[q - 1] : 0).ToString(CultureInfo.InvariantCulture)}"));

    /// <summary>
    /// Node positions in the view box: nodes start on a circle (in their order, so the result is deterministic) and then
    /// take <see cref="Iterations"/> steps of a Fruchterman–Reingold layout (every node repels every other, each pair of
    /// actors joined by an event attracts, a weak pull to the centre keeps separate groups close), cooling linearly; the
    /// result is scaled to fit the view box inside its margins (each axis on its own, within <see cref="MaxStretch"/>). Quadratic in the node count, which the page keeps small.
    /// </summary>
    internal static (double X, double Y)[] Layout(int count, IReadOnlyList<(int From, int To)> edges)
    {
        var x = new double[count];
        var y = new double[count];
        for (var i = 0; i < count; i++)
        {
            var angle = (2 * Math.PI * i / count) - (Math.PI / 2);
            x[i] = 0.5 * Math.Cos(angle);
            y[i] = 0.5 * Math.Sin(angle);
        }

        if (count > 2)
        {
            var links = edges.Where(e => e.From != e.To).Select(e => e.From < e.To ? e : (From: e.To, To: e.From)).Distinct().ToArray();
            var k = Math.Sqrt(1.0 / count); // the ideal edge length in a unit square
            var dx = new double[count];
            var dy = new double[count];
            for (var step = 0; step < Iterations; step++)
            {
                Array.Clear(dx);
                Array.Clear(dy);
                for (var i = 0; i < count; i++)
                {
                    for (var j = i + 1; j < count; j++)
                    {
                        var ex = x[i] - x[j];
                        var ey = y[i] - y[j];
                        var d2 = (ex * ex) + (ey * ey);
                        if (d2 < 1e-12)
                        {
                            // Two nodes on one spot: push them apart along a direction fixed by their numbers.
                            ex = 1e-4 * (1 + (i % 7));
                            ey = 1e-4 * (1 + (j % 5));
                            d2 = (ex * ex) + (ey * ey);
                        }

                        var f = k * k / d2; // force k²/d along the unit vector (ex, ey)/d
                        dx[i] += ex * f;
                        dy[i] += ey * f;
                        dx[j] -= ex * f;
                        dy[j] -= ey * f;
                    }
                }

                foreach (var (a, b) in links)
                {
                    var ex = x[a] - x[b];
                    var ey = y[a] - y[b];
                    var f = Math.Sqrt((ex * ex) + (ey * ey)) / k; // force d²/k along the unit vector
                    dx[a] -= ex * f;
                    dy[a] -= ey * f;
                    dx[b] += ex * f;
                    dy[b] += ey * f;
                }

                var temperature = 0.1 * (1 - ((double)step / Iterations));
                for (var i = 0; i < count; i++)
                {
                    dx[i] -= x[i] * Gravity;
                    dy[i] -= y[i] * Gravity;
                    var length = Math.Sqrt((dx[i] * dx[i]) + (dy[i] * dy[i]));
                    if (length > 0)
                    {
                        var scale = Math.Min(length, temperature) / length;
                        x[i] += dx[i] * scale;
                        y[i] += dy[i] * scale;
                    }
                }
            }
        }

        var positions = new (double X, double Y)[count];
        if (count == 0)
        {
            return positions;
        }

        var (minX, maxX, minY, maxY) = (x.Min(), x.Max(), y.Min(), y.Max());
        var spanX = maxX - minX > 1e-9 ? maxX - minX : 1;
        var spanY = maxY - minY > 1e-9 ? maxY - minY : 1;
        // Each axis fills its side of the frame, but neither is stretched more than half as much again as the other.
        var fitX = (Width - (2 * MarginX)) / spanX;
        var fitY = (Height - (2 * MarginY)) / spanY;
        (fitX, fitY) = (Math.Min(fitX, fitY * MaxStretch), Math.Min(fitY, fitX * MaxStretch));
        for (var i = 0; i < count; i++)
        {
            positions[i] = ((Width / 2) + ((x[i] - ((minX + maxX) / 2)) * fitX), (Height / 2) + ((y[i] - ((minY + maxY) / 2)) * fitY));
        }

        return positions;
    }

    private static void WriteLegendItem(Html html, int quadClass)
    {
        html.Raw("<li>");
        WriteSwatch(html, quadClass);
        html.Text(QuadClassNames[quadClass]).Raw("</li>");
    }

    private static string Class(int quadClass) => (quadClass is >= 1 and <= 4 ? quadClass : 0).ToString(CultureInfo.InvariantCulture);

    private static string Number(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);
}
