using System.Globalization;
using System.Xml;
using Dossier.Core.Documents;
using Dossier.Storage;
using Dossier.Storage.Corpus;

namespace Dossier.Export;

/// <summary>
/// GraphML for Gephi and other graph tools: the actor network. Nodes are the corpus entities that take part in at least
/// one corpus event as source or target (<c>n</c> + corpus id; label, type, country, code, mentions, documents); edges
/// are directed source → target pairs of distinct corpus entities, as <see cref="ICorpusQueries.NetworkAsync"/> counts
/// them (<c>weight</c> = number of corpus events, <c>goldstein</c> = their mean Goldstein score, <c>quadClass</c> = the
/// most frequent quad class, the lower on a tie).
/// </summary>
public sealed class GraphMlExporter : TextExporter
{
    public const string Namespace = "http://graphml.graphdrawing.org/xmlns";

    /// <summary>The attribute keys: (id = attr.name, for, attr.type).</summary>
    public static IReadOnlyList<(string Id, string For, string Type)> Keys { get; } =
    [
        ("label", "node", "string"),
        ("type", "node", "string"),
        ("country", "node", "string"),
        ("code", "node", "string"),
        ("mentions", "node", "long"),
        ("documents", "node", "long"),
        ("weight", "edge", "double"),
        ("goldstein", "edge", "double"),
        ("quadClass", "edge", "int"),
    ];

    public override string Format => "graphml";

    public override string Description => "the actor network (entities and who acts on whom) as GraphML for Gephi";

    public override string RecordName => "nodes and edges";

    protected override async Task<long> WriteAsync(IDocumentStore store, ICorpusQueries corpus, ExportOptions options, TextWriter output, ICollection<string> skipped, CancellationToken cancellationToken)
    {
        var (actors, edges) = await ReadNetworkAsync(corpus, options.MinConfidence, cancellationToken).ConfigureAwait(false);
        var nodes = new List<CorpusEntitySummary>(actors.Count);
        await foreach (var entity in StorePages.EntitiesAsync(corpus, cancellationToken).ConfigureAwait(false))
        {
            if (actors.Contains(entity.Id))
            {
                nodes.Add(entity);
            }
        }

        nodes.Sort((a, b) => a.Id.CompareTo(b.Id));
        var known = nodes.Select(n => n.Id).ToHashSet();
        var edgeList = edges.Where(p => known.Contains(p.Key.Source) && known.Contains(p.Key.Target))
            .OrderBy(p => p.Key.Source).ThenBy(p => p.Key.Target).ToList();

        var settings = new XmlWriterSettings { Async = true, Indent = true, Encoding = Utf8, NewLineChars = "\n", CloseOutput = false };
        await using var xml = XmlWriter.Create(output, settings);
        await xml.WriteStartDocumentAsync().ConfigureAwait(false);
        await xml.WriteStartElementAsync(null, "graphml", Namespace).ConfigureAwait(false);
        await xml.WriteAttributeStringAsync("xmlns", "xsi", null, "http://www.w3.org/2001/XMLSchema-instance").ConfigureAwait(false);
        await xml.WriteAttributeStringAsync("xsi", "schemaLocation", "http://www.w3.org/2001/XMLSchema-instance",
            Namespace + " http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd").ConfigureAwait(false);
        foreach (var (id, target, type) in Keys)
        {
            await xml.WriteStartElementAsync(null, "key", Namespace).ConfigureAwait(false);
            await xml.WriteAttributeStringAsync(null, "id", null, id).ConfigureAwait(false);
            await xml.WriteAttributeStringAsync(null, "for", null, target).ConfigureAwait(false);
            await xml.WriteAttributeStringAsync(null, "attr.name", null, id).ConfigureAwait(false);
            await xml.WriteAttributeStringAsync(null, "attr.type", null, type).ConfigureAwait(false);
            await xml.WriteEndElementAsync().ConfigureAwait(false);
        }

        await xml.WriteStartElementAsync(null, "graph", Namespace).ConfigureAwait(false);
        await xml.WriteAttributeStringAsync(null, "id", null, "dossier").ConfigureAwait(false);
        await xml.WriteAttributeStringAsync(null, "edgedefault", null, "directed").ConfigureAwait(false);
        foreach (var node in nodes)
        {
            cancellationToken.ThrowIfCancellationRequested();
            await xml.WriteStartElementAsync(null, "node", Namespace).ConfigureAwait(false);
            await xml.WriteAttributeStringAsync(null, "id", null, NodeId(node.Id)).ConfigureAwait(false);
            await DataAsync(xml, "label", node.Name).ConfigureAwait(false);
            await DataAsync(xml, "type", node.Type).ConfigureAwait(false);
            await DataAsync(xml, "country", node.Country).ConfigureAwait(false);
            await DataAsync(xml, "code", node.Code).ConfigureAwait(false);
            await DataAsync(xml, "mentions", XmlConvert.ToString(node.Mentions)).ConfigureAwait(false);
            await DataAsync(xml, "documents", XmlConvert.ToString(node.Documents)).ConfigureAwait(false);
            await xml.WriteEndElementAsync().ConfigureAwait(false);
        }

        var edgeNumber = 0;
        foreach (var ((source, target), tally) in edgeList)
        {
            cancellationToken.ThrowIfCancellationRequested();
            await xml.WriteStartElementAsync(null, "edge", Namespace).ConfigureAwait(false);
            await xml.WriteAttributeStringAsync(null, "id", null, "e" + (++edgeNumber).ToString(CultureInfo.InvariantCulture)).ConfigureAwait(false);
            await xml.WriteAttributeStringAsync(null, "source", null, NodeId(source)).ConfigureAwait(false);
            await xml.WriteAttributeStringAsync(null, "target", null, NodeId(target)).ConfigureAwait(false);
            await DataAsync(xml, "weight", XmlConvert.ToString((double)tally.Events)).ConfigureAwait(false);
            await DataAsync(xml, "goldstein", XmlConvert.ToString(tally.GoldsteinSum / tally.Events)).ConfigureAwait(false);
            await DataAsync(xml, "quadClass", XmlConvert.ToString(tally.MajorityQuadClass)).ConfigureAwait(false);
            await xml.WriteEndElementAsync().ConfigureAwait(false);
        }

        await xml.WriteEndElementAsync().ConfigureAwait(false); // graph
        await xml.WriteEndElementAsync().ConfigureAwait(false); // graphml
        await xml.WriteEndDocumentAsync().ConfigureAwait(false);
        await xml.FlushAsync().ConfigureAwait(false);
        await output.WriteAsync('\n').ConfigureAwait(false);
        return nodes.Count + edgeList.Count;
    }

    public static string NodeId(long corpusId) => "n" + corpusId.ToString(CultureInfo.InvariantCulture);

    /// <summary>The corpus entities that take part in events, and the tallies of each (source, target) pair.</summary>
    internal static async Task<(HashSet<long> Actors, Dictionary<(long Source, long Target), EdgeTally> Edges)> ReadNetworkAsync(ICorpusQueries corpus, double minConfidence, CancellationToken cancellationToken)
    {
        var actors = new HashSet<long>();
        var edges = new Dictionary<(long, long), EdgeTally>();
        await foreach (var e in StorePages.EventsAsync(corpus, minConfidence, cancellationToken).ConfigureAwait(false))
        {
            var sources = e.Source.Select(a => a.EntityId).OfType<long>().Distinct().ToList();
            var targets = e.Target.Select(a => a.EntityId).OfType<long>().Distinct().ToList();
            actors.UnionWith(sources);
            actors.UnionWith(targets);
            foreach (var s in sources)
            {
                foreach (var t in targets.Where(t => t != s))
                {
                    if (!edges.TryGetValue((s, t), out var tally))
                    {
                        tally = new EdgeTally();
                        edges[(s, t)] = tally;
                    }

                    tally.Add(e.Goldstein, e.QuadClass);
                }
            }
        }

        return (actors, edges);
    }

    private static async Task DataAsync(XmlWriter xml, string key, string? value)
    {
        if (value is null)
        {
            return;
        }

        await xml.WriteStartElementAsync(null, "data", Namespace).ConfigureAwait(false);
        await xml.WriteAttributeStringAsync(null, "key", null, key).ConfigureAwait(false);
        await xml.WriteStringAsync(XmlSafe(value)).ConfigureAwait(false);
        await xml.WriteEndElementAsync().ConfigureAwait(false);
    }

    /// <summary>Drops characters XML 1.0 cannot hold (control characters, lone surrogates).</summary>
    private static string XmlSafe(string value)
    {
        if (value.AsSpan().IndexOfAnyInRange('\0', '\u001F') < 0 && !value.Any(char.IsSurrogate))
        {
            return value;
        }

        var builder = new System.Text.StringBuilder(value.Length);
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                builder.Append(c).Append(value[++i]);
            }
            else if (XmlConvert.IsXmlChar(c))
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }

    /// <summary>Events, Goldstein sum and quad-class counts of one actor pair.</summary>
    internal sealed class EdgeTally
    {
        private readonly long[] _quadClasses = new long[4];

        public long Events { get; private set; }

        public double GoldsteinSum { get; private set; }

        /// <summary>The most frequent quad class (1–4), the lowest on a tie; 0 when none was in range.</summary>
        public int MajorityQuadClass => QuadClass.Majority(_quadClasses);

        public void Add(double goldstein, int quadClass)
        {
            Events++;
            GoldsteinSum += goldstein;
            if (quadClass is >= 1 and <= 4)
            {
                _quadClasses[quadClass - 1]++;
            }
        }
    }
}
