using System.Globalization;
using System.Xml.Linq;

namespace Dossier.Export.Tests;

public sealed class GraphMlExporterTests : SamplesTest
{
    private static readonly XNamespace G = GraphMlExporter.Namespace;

    private async Task<XDocument> ExportAsync()
    {
        var (text, _) = await ExportRunner.ToStringAsync(new GraphMlExporter(), Samples);
        return XDocument.Parse(text);
    }

    private static string? Data(XElement element, string key) =>
        element.Elements(G + "data").SingleOrDefault(d => (string?)d.Attribute("key") == key)?.Value;

    [Fact]
    public async Task Export_Document_GraphMlRootWithKeyDeclarationsAndDirectedGraph()
    {
        var document = await ExportAsync();

        Assert.Equal(G + "graphml", document.Root!.Name);
        var keys = document.Root.Elements(G + "key").ToDictionary(k => (string)k.Attribute("id")!);
        Assert.Equal(GraphMlExporter.Keys.Select(k => k.Id).Order(), keys.Keys.Order());
        Assert.Equal(("edge", "double"), ((string)keys["weight"].Attribute("for")!, (string)keys["weight"].Attribute("attr.type")!));
        Assert.Equal(("node", "label"), ((string)keys["label"].Attribute("for")!, (string)keys["label"].Attribute("attr.name")!));
        var graph = Assert.Single(document.Root.Elements(G + "graph"));
        Assert.Equal("directed", (string?)graph.Attribute("edgedefault"));
        var used = graph.Descendants(G + "data").Select(d => (string)d.Attribute("key")!).ToHashSet();
        Assert.Subset(keys.Keys.ToHashSet(), used);
    }

    [Fact]
    public async Task Export_Nodes_EntitiesThatTakePartInEventsOnly()
    {
        var (text, result) = await ExportRunner.ToStringAsync(new GraphMlExporter(), Samples);
        var graph = XDocument.Parse(text).Root!.Element(G + "graph")!;

        var nodes = graph.Elements(G + "node").ToList();
        Assert.Equal(["Donald Trump", "Russia", "Volodymyr Zelensky"], nodes.Select(n => Data(n, "label")).Order());
        var zelensky = nodes.Single(n => Data(n, "label") == "Volodymyr Zelensky");
        Assert.Equal(("PERSON", "UKR", "UKRGOV", "2"), (Data(zelensky, "type"), Data(zelensky, "country"), Data(zelensky, "code"), Data(zelensky, "documents")));
        Assert.Equal(nodes.Count + graph.Elements(G + "edge").Count(), result.Records);
        Assert.Equal(nodes.Count, nodes.Select(n => (string)n.Attribute("id")!).Distinct().Count());
    }

    [Fact]
    public async Task Export_Edges_WeightMeanGoldsteinAndMajorityQuadClassPerActorPair()
    {
        var graph = (await ExportAsync()).Root!.Element(G + "graph")!;
        var labels = graph.Elements(G + "node").ToDictionary(n => (string)n.Attribute("id")!, n => Data(n, "label"));

        var edges = graph.Elements(G + "edge").ToDictionary(e => (labels[(string)e.Attribute("source")!], labels[(string)e.Attribute("target")!]));
        Assert.Equal(2, edges.Count);
        var forward = edges[("Volodymyr Zelensky", "Donald Trump")];
        Assert.Equal(3, double.Parse(Data(forward, "weight")!, CultureInfo.InvariantCulture));
        Assert.Equal((1 + 7.4 + 6.4) / 3, double.Parse(Data(forward, "goldstein")!, CultureInfo.InvariantCulture), 9);
        Assert.Equal("2", Data(forward, "quadClass"));
        var back = edges[("Donald Trump", "Volodymyr Zelensky")];
        Assert.Equal(("1", "-2", "3"), (Data(back, "weight"), Data(back, "goldstein"), Data(back, "quadClass")));
    }

    [Fact]
    public async Task Export_EdgeWeights_AgreeWithTheStoreNetworkQuery()
    {
        var graph = (await ExportAsync()).Root!.Element(G + "graph")!;
        var network = await Samples.Store.NetworkAsync(100);

        var edges = graph.Elements(G + "edge")
            .Select(e => ((string)e.Attribute("source")!, (string)e.Attribute("target")!, double.Parse(Data(e, "weight")!, CultureInfo.InvariantCulture)))
            .Order();
        var expected = network.Select(p => (GraphMlExporter.NodeId(p.Source.EntityId!.Value), GraphMlExporter.NodeId(p.Target.EntityId!.Value), (double)p.Events)).Order();
        Assert.Equal(expected, edges);
    }
}
