using System.Globalization;
using System.Text.Json.Serialization;
using Dossier.Core.Documents;

namespace Dossier.Extraction.Coreference;

/// <summary>CoNLL-2012 coreference scores over a set of documents.</summary>
/// <param name="ConllF1">The CoNLL score: the mean of the MUC, B³ and CEAF-e F1.</param>
/// <param name="GoldChains">Gold chains scored (two or more mentions).</param>
/// <param name="PredictedChains">Predicted chains scored (two or more mentions).</param>
public sealed record CorefScores(
    Metric Muc,
    Metric B3,
    [property: JsonPropertyName("ceafe")] Metric CeafE,
    double ConllF1,
    int Documents,
    int GoldChains,
    int PredictedChains)
{
    /// <summary>
    /// On the headline (all gold chains): the same response scored against the subset of gold chains
    /// with a proper name or a pronoun (the figure <c>eval coref</c> printed before issue 12); null on the subset itself.
    /// </summary>
    [JsonPropertyName("namedOrPronominalSubset")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public CorefScores? Subset { get; init; }
}

/// <summary>
/// Scores coreference against a CoNLL-U corpus with CorefUD <c>Entity=</c> brackets (GUM) with the
/// CoNLL-2012 metrics — MUC, B³, CEAF-e and their mean, numerators and denominators summed over
/// documents as the reference scorer does.
/// <list type="bullet">
/// <item>Each document is analysed on its gold tokenisation: the text is rebuilt from the words
/// (<c>SpaceAfter=No</c> respected, sentences joined by a newline), the token and sentence layers are
/// the gold words and sentences, and <c>analyse</c> runs the rest of the pipeline (syntax on).</item>
/// <item>Gold chains: the entities of the brackets, all of them (the CoNLL-2012 headline); beside it
/// (<see cref="CorefScores.Subset"/>) the subset kept only when one of their mentions has a proper
/// noun (PROPN) or a pronoun (PRON) as its head word — the actors and the pronouns that refer to them.</item>
/// <item>Predicted chains: the mentions of each entity of the analysed document.</item>
/// <item>Singletons (chains of one mention) are removed from both sides, as in CoNLL-2012
/// (OntoNotes annotates no singletons; GUM does, and our pipeline keeps one-mention entities).</item>
/// <item>Mentions match by exact word span: a predicted mention counts only when it starts at a
/// word's start and ends at a word's end and those words are those of the gold mention;
/// one that does not align is a mention of its own that no gold mention equals.</item>
/// </list>
/// </summary>
public static class CorefEvaluator
{
    /// <summary>
    /// The GUM documents of the six genres in ../shared that GUM itself lists as dev
    /// (GUM's build scripts, current split); the rest of ../shared/data/gum is train.
    /// </summary>
    public static IReadOnlyList<string> GumDevDocuments { get; } =
    [
        "GUM_academic_exposure", "GUM_academic_librarians",
        "GUM_bio_byron", "GUM_bio_emperor",
        "GUM_court_loan", "GUM_court_negligence",
        "GUM_interview_cyclone", "GUM_interview_gaming",
        "GUM_news_homeopathic", "GUM_news_iodine",
        "GUM_voyage_athens", "GUM_voyage_coron",
    ];

    /// <summary>Scores every <c>.conllu</c> file of a folder (recursively), or one file.</summary>
    /// <param name="analyse">The pipeline after tokenization: takes a document with gold tokens and sentences.</param>
    public static CorefScores Evaluate(string fileOrDirectory, Func<Document, Document> analyse) =>
        Evaluate(Files(fileOrDirectory), analyse);

    /// <summary>Scores the given CoNLL-U files; <paramref name="details"/>, when given, gets each document's chains.</summary>
    public static CorefScores Evaluate(IEnumerable<string> files, Func<Document, Document> analyse, TextWriter? details = null)
    {
        ArgumentNullException.ThrowIfNull(files);
        ArgumentNullException.ThrowIfNull(analyse);
        var gold = files.SelectMany(f => GumReader.ReadFile(f).Select(d => (File: f, Doc: d))).ToList();
        var analysed = new Document[gold.Count];
        Parallel.For(0, gold.Count, i => analysed[i] = analyse(gold[i].Doc.ToDocument(gold[i].File)));
        var total = new DocumentScore(default, default, default, 0, 0);
        var subset = total;
        for (var i = 0; i < gold.Count; i++)
        {
            total += Score(gold[i].Doc, analysed[i], namedOrPronominalOnly: false, details);
            subset += Score(gold[i].Doc, analysed[i], namedOrPronominalOnly: true);
        }

        return Scores(total, gold.Count) with { Subset = Scores(subset, gold.Count) };
    }

    private static CorefScores Scores(DocumentScore total, int documents)
    {
        var muc = Metric.From(total.Muc);
        var b3 = Metric.From(total.B3);
        var ceaf = Metric.From(total.CeafE);
        return new CorefScores(muc, b3, ceaf, (muc.F1 + b3.F1 + ceaf.F1) / 3, documents, total.GoldChains, total.PredictedChains);
    }

    /// <summary>The <c>.conllu</c> files of a folder (recursively, in ordinal order), or the one file given.</summary>
    public static IReadOnlyList<string> Files(string fileOrDirectory)
    {
        ArgumentNullException.ThrowIfNull(fileOrDirectory);
        if (File.Exists(fileOrDirectory)) return [fileOrDirectory];
        if (!Directory.Exists(fileOrDirectory)) throw new FileNotFoundException($"{fileOrDirectory}: no such file or folder", fileOrDirectory);
        return [.. Directory.EnumerateFiles(fileOrDirectory, "*.conllu", SearchOption.AllDirectories).Order(StringComparer.Ordinal)];
    }

    internal sealed record DocumentScore(MetricCounts Muc, MetricCounts B3, MetricCounts CeafE, int GoldChains, int PredictedChains)
    {
        public static DocumentScore operator +(DocumentScore a, DocumentScore b) =>
            new(a.Muc + b.Muc, a.B3 + b.B3, a.CeafE + b.CeafE, a.GoldChains + b.GoldChains, a.PredictedChains + b.PredictedChains);
    }

    /// <summary>A mention as the metrics see it: a gold word span, or (unaligned) a character span.</summary>
    internal readonly record struct MentionKey(int First, int End, bool Aligned);

    internal static DocumentScore Score(GoldDocument gold, Document predicted, bool namedOrPronominalOnly, TextWriter? details = null)
    {
        var key = GoldChains(gold, namedOrPronominalOnly);
        var response = PredictedChains(gold, predicted);
        var muc = CorefMetrics.Muc(key, response);
        var b3 = CorefMetrics.BCubed(key, response);
        var ceaf = CorefMetrics.CeafE(key, response);
        if (details is not null) WriteDetails(details, gold, key, response, muc, b3, ceaf);
        return new DocumentScore(muc, b3, ceaf, key.Count, response.Count);
    }

    /// <summary>Gold chains with two or more distinct mentions; with <paramref name="namedOrPronominalOnly"/>, only those headed somewhere by a proper name or a pronoun.</summary>
    internal static List<IReadOnlyCollection<MentionKey>> GoldChains(GoldDocument gold, bool namedOrPronominalOnly = false)
    {
        var seen = new HashSet<MentionKey>();
        var chains = new List<IReadOnlyCollection<MentionKey>>();
        foreach (var chain in gold.Chains.Values)
        {
            if (namedOrPronominalOnly && !chain.Any(m => gold.Words[gold.HeadWord(m)].Upos is "PROPN" or "PRON")) continue;
            var mentions = chain.Select(m => new MentionKey(m.First, m.End, true)).Where(seen.Add).ToList();
            if (mentions.Count >= 2) chains.Add(mentions);
        }

        return chains;
    }

    /// <summary>The mentions of each predicted entity with two or more distinct mentions; a mention in two entities stays in the first.</summary>
    internal static List<IReadOnlyCollection<MentionKey>> PredictedChains(GoldDocument gold, Document predicted)
    {
        var startWord = new Dictionary<int, int>();
        var endWord = new Dictionary<int, int>();
        for (var w = 0; w < gold.Words.Count; w++)
        {
            startWord.TryAdd(gold.Words[w].Start, w);
            endWord[gold.Words[w].End] = w + 1;
        }

        var seen = new HashSet<MentionKey>();
        var chains = new List<IReadOnlyCollection<MentionKey>>();
        foreach (var entity in predicted.Entities)
        {
            var mentions = new List<MentionKey>();
            foreach (var m in entity.Mentions)
            {
                var k = startWord.TryGetValue(m.Start, out var first) && endWord.TryGetValue(m.End, out var end) && first < end
                    ? new MentionKey(first, end, true)
                    : new MentionKey(m.Start, m.End, false);
                if (seen.Add(k)) mentions.Add(k);
            }

            if (mentions.Count >= 2) chains.Add(mentions);
        }

        return chains;
    }

    private static void WriteDetails(TextWriter w, GoldDocument gold, List<IReadOnlyCollection<MentionKey>> key, List<IReadOnlyCollection<MentionKey>> response, MetricCounts muc, MetricCounts b3, MetricCounts ceaf)
    {
        string Text(MentionKey m) => m.Aligned ? gold.SpanText(m.First, m.End) : "~" + gold.Text[m.First..m.End];
        string Chain(IReadOnlyCollection<MentionKey> c) => string.Join(" | ", c.OrderBy(m => m.Aligned ? gold.Words[m.First].Start : m.First).Select(Text));
        var conll = (Metric.From(muc).F1 + Metric.From(b3).F1 + Metric.From(ceaf).F1) / 3;
        w.WriteLine(string.Create(CultureInfo.InvariantCulture, $"## {gold.Name}  CoNLL F1 {conll:0.0000}  gold {key.Count}  predicted {response.Count}"));
        var predictedOf = new Dictionary<MentionKey, int>();
        for (var i = 0; i < response.Count; i++)
        {
            foreach (var m in response[i]) predictedOf.TryAdd(m, i);
        }

        foreach (var c in key) w.WriteLine($"  gold  {Chain(c)}  → predicted chains {string.Join(",", c.Select(m => predictedOf.TryGetValue(m, out var p) ? p.ToString(CultureInfo.InvariantCulture) : "-"))}");
        for (var i = 0; i < response.Count; i++) w.WriteLine($"  pred{i} {Chain(response[i])}");
    }
}
