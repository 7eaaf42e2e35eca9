using System.Diagnostics;
using System.Globalization;
using Dossier.Core.Documents;
using Dossier.Extraction.Actors;

namespace Dossier.Extraction.Coreference;

/// <summary>
/// Trains <see cref="MentionRanker"/> on GUM: the documents of a folder not in <see cref="CorefEvaluator.GumDevDocuments"/>
/// are train, the dev documents choose the epoch. Each document is analysed on its gold words (as the evaluator does),
/// the sieves run, and every noun phrase they leave is an anaphor whose gold antecedents are the earlier phrases of its
/// gold chain (exact word spans); a phrase in no chain, or the first of its chain, is "new". An averaged perceptron
/// with latent antecedents (the best-scoring gold one) learns from them; shuffling uses a fixed seed, so the same data
/// gives the same file.
/// </summary>
public static class CorefTrainer
{
    /// <summary>Log2 of the weight table's size.</summary>
    public const int Bits = 18;


    private sealed class Instance
    {
        public required int[] Features { get; init; }

        /// <summary>Offsets into <see cref="Features"/>: candidate k's features are [Offsets[k], Offsets[k+1]).</summary>
        public required int[] Offsets { get; init; }

        public required bool[] Correct { get; init; }

        public bool AnyCorrect { get; init; }
    }

    /// <summary>Trains on the train documents of <paramref name="gumFolder"/>, picks the epoch by dev CoNLL F1, and returns the model.</summary>
    /// <param name="analyse">The pipeline up to the names layer (syntax, entities) on a document with gold tokens and sentences.</param>
    public static MentionRanker Train(string gumFolder, Func<Document, Document> analyse, ActorKnowledgeBase kb, TextWriter log, int epochs = 12)
    {
        ArgumentNullException.ThrowIfNull(analyse);
        ArgumentNullException.ThrowIfNull(kb);
        ArgumentNullException.ThrowIfNull(log);
        var clock = Stopwatch.StartNew();
        var dev = CorefEvaluator.GumDevDocuments.ToHashSet(StringComparer.Ordinal);
        var gold = CorefEvaluator.Files(gumFolder).SelectMany(f => GumReader.ReadFile(f).Select(d => (File: f, Doc: d))).ToList();
        var analysed = new Document[gold.Count];
        Parallel.For(0, gold.Count, i => analysed[i] = analyse(gold[i].Doc.ToDocument(gold[i].File)));
        var trainIndex = Enumerable.Range(0, gold.Count).Where(i => !dev.Contains(Path.GetFileNameWithoutExtension(gold[i].File))).ToList();
        var devIndex = Enumerable.Range(0, gold.Count).Where(i => dev.Contains(Path.GetFileNameWithoutExtension(gold[i].File))).ToList();
        log.WriteLine(string.Create(CultureInfo.InvariantCulture, $"coref: {trainIndex.Count} train and {devIndex.Count} dev documents analysed in {clock.Elapsed.TotalSeconds:0.0} s"));

        var lexicon = CorefLexicon.Default;
        var coder = new ActorCoder(kb);
        var mask = (1 << Bits) - 1;
        var classes = Classes(trainIndex.Select(i => (gold[i].Doc, analysed[i])), kb, lexicon, coder);
        log.WriteLine(string.Create(CultureInfo.InvariantCulture, $"coref: {classes.Count} head words and name types with a semantic class"));
        var instances = new List<Instance>();

        // Phrases, gold mentions, phrases that are gold mentions, gold mentions of chains of 2+, those found.
        var counts = new long[5];
        foreach (var i in trainIndex) instances.AddRange(Instances(gold[i].Doc, analysed[i], kb, lexicon, coder, mask, counts, classes));
        log.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"coref: train mention detection: {counts[0]} phrases, {counts[1]} gold mentions; precision {(double)counts[2] / counts[0]:0.000}, recall {(double)counts[2] / counts[1]:0.000}, recall of mentions in chains of 2+ {(double)counts[4] / counts[3]:0.000}"));
        log.WriteLine(string.Create(CultureInfo.InvariantCulture, $"coref: {instances.Count} anaphors, {instances.Sum(x => x.Correct.Length)} candidate pairs, {instances.Count(x => x.AnyCorrect)} with a gold antecedent"));

        var weights = new float[1 << Bits];
        var totals = new double[1 << Bits];
        var step = 1;
        var order = Enumerable.Range(0, instances.Count).ToArray();
        var random = new Random(12);
        MentionRanker? best = null;
        var bestF1 = -1.0;
        for (var epoch = 1; epoch <= epochs; epoch++)
        {
            random.Shuffle(order);
            var errors = 0;
            foreach (var k in order)
            {
                var x = instances[k];
                int predicted = -1, latent = -1;
                float predictedScore = 0, latentScore = float.NegativeInfinity;
                for (var c = 0; c < x.Correct.Length; c++)
                {
                    var s = 0f;
                    for (var f = x.Offsets[c]; f < x.Offsets[c + 1]; f++) s += weights[x.Features[f]];
                    if (s > predictedScore) { predictedScore = s; predicted = c; }
                    if (x.Correct[c] && s > latentScore) { latentScore = s; latent = c; }
                }

                var right = x.AnyCorrect ? predicted >= 0 && x.Correct[predicted] : predicted < 0;
                if (!right)
                {
                    errors++;
                    if (latent >= 0) Update(x, latent, 1f, weights, totals, step);
                    if (predicted >= 0) Update(x, predicted, -1f, weights, totals, step);
                }

                step++;
            }

            var averaged = new float[weights.Length];
            for (var w = 0; w < weights.Length; w++) averaged[w] = (float)(weights[w] - totals[w] / step);
            var model = new MentionRanker(Bits, averaged, 0, classes);
            var score = DevScore(devIndex.Select(i => (gold[i].Doc, analysed[i])), kb, lexicon, model);
            log.WriteLine(string.Create(CultureInfo.InvariantCulture, $"coref: epoch {epoch}: {errors} training errors, dev CoNLL F1 {score:0.0000} ({clock.Elapsed.TotalSeconds:0} s)"));
            if (score > bestF1)
            {
                bestF1 = score;
                best = model;
            }
        }

        log.WriteLine(string.Create(CultureInfo.InvariantCulture, $"coref: best epoch's dev CoNLL F1 {bestF1:0.0000}"));
        var chosen = best!;
        var result = chosen;
        for (var t = -10f; t <= 2f; t += 0.5f)
        {
            if (t == 0) continue;
            var candidate = chosen.WithThreshold(t);
            var score = DevScore(devIndex.Select(i => (gold[i].Doc, analysed[i])), kb, lexicon, candidate);
            log.WriteLine(string.Create(CultureInfo.InvariantCulture, $"coref: threshold {t:0.0}: dev CoNLL F1 {score:0.0000}"));
            if (score > bestF1 + 0.001)
            {
                bestF1 = score;
                result = candidate;
            }
        }

        log.WriteLine(string.Create(CultureInfo.InvariantCulture, $"coref: chosen threshold {result.Threshold:0.0}, dev CoNLL F1 {bestF1:0.0000}"));
        return result;
    }

    private static void Update(Instance x, int candidate, float delta, float[] weights, double[] totals, int step)
    {
        for (var f = x.Offsets[candidate]; f < x.Offsets[candidate + 1]; f++)
        {
            weights[x.Features[f]] += delta;
            totals[x.Features[f]] += (double)step * delta;
        }
    }

    /// <summary>The anaphors of one document: each phrase the sieves left, with its candidates' features and which are in its gold chain.</summary>
    private static IEnumerable<Instance> Instances(GoldDocument gold, Document doc, ActorKnowledgeBase kb, CorefLexicon lexicon, ActorCoder coder, int mask, long[] counts, IReadOnlyDictionary<string, string> classes)
    {
        if (doc.Names.IsDefault || doc.Tokens.IsDefaultOrEmpty) yield break;
        var chainOf = new Dictionary<(int, int), string>();
        foreach (var (id, chain) in gold.Chains)
        {
            foreach (var m in chain) chainOf.TryAdd((m.First, m.End), id);
        }

        var view = new DocumentView(doc, kb);
        var phrases = new CoreferenceRun(view, lexicon, coder, classes: classes).PhrasesAfterSieves();
        {
            var spans = phrases.Select(p => (p.First, p.End)).ToHashSet();
            var inChains = gold.Chains.Values.Where(c => c.Count >= 2).SelectMany(c => c).Select(m => (m.First, m.End)).ToHashSet();
            counts[0] += spans.Count;
            counts[1] += chainOf.Count;
            counts[2] += spans.Count(chainOf.ContainsKey);
            counts[3] += inChains.Count;
            counts[4] += inChains.Count(spans.Contains);
        }

        var buffer = new int[RankingFeatures.MaxPerPair];
        var lastWithWords = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var a in phrases)
        {
            if (a.Cluster is not null || a.Mention is not null)
            {
                if (a.Kind != PhraseKind.Pronoun) lastWithWords[a.Words] = a.Index;
                continue;
            }

            var earlier = CoreferenceRun.Candidates(phrases, a, lastWithWords);
            var id = chainOf.GetValueOrDefault((a.First, a.End));
            var features = new List<int>();
            var offsets = new List<int> { 0 };
            var correct = new List<bool>();
            foreach (var j in earlier)
            {
                var c = phrases[j];
                var n = RankingFeatures.Pair(a, c, view.Tree.Head, buffer, mask);
                features.AddRange(buffer.AsSpan(0, n));
                offsets.Add(features.Count);
                correct.Add(id is not null && chainOf.GetValueOrDefault((c.First, c.End)) == id);
            }

            yield return new Instance { Features = [.. features], Offsets = [.. offsets], Correct = [.. correct], AnyCorrect = correct.Contains(true) };
        }
    }

    /// <summary>
    /// The semantic class of each head lemma and name type: the GUM entity type most of the gold mentions with that head
    /// (or a name of that type) have, kept when seen three times or more and in two of three cases.
    /// </summary>
    private static Dictionary<string, string> Classes(IEnumerable<(GoldDocument Gold, Document Analysed)> docs, ActorKnowledgeBase kb, CorefLexicon lexicon, ActorCoder coder)
    {
        var counts = new Dictionary<string, Dictionary<string, int>>(StringComparer.Ordinal);
        foreach (var (gold, doc) in docs)
        {
            if (doc.Names.IsDefault || doc.Tokens.IsDefaultOrEmpty) continue;
            var type = new Dictionary<(int, int), string>();
            foreach (var chain in gold.Chains.Values)
            {
                foreach (var m in chain) type.TryAdd((m.First, m.End), m.EntityType);
            }

            foreach (var p in new CoreferenceRun(new DocumentView(doc, kb), lexicon, coder).PhrasesAfterSieves())
            {
                if (!type.TryGetValue((p.First, p.End), out var t) || t.Length == 0) continue;
                var key = CoreferenceRun.ClassKey(p.Kind, p.HeadLemma, p.NameType);
                if (!counts.TryGetValue(key, out var byType)) counts[key] = byType = new(StringComparer.Ordinal);
                byType[t] = byType.GetValueOrDefault(t) + 1;
            }
        }

        var classes = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, byType) in counts)
        {
            var total = byType.Values.Sum();
            var best = byType.OrderByDescending(b => b.Value).ThenBy(b => b.Key, StringComparer.Ordinal).First();
            if (total >= 3 && best.Value * 3 >= total * 2) classes[key] = best.Key;
        }

        return classes;
    }

    /// <summary>CoNLL F1 over all gold chains of the dev documents with the given model.</summary>
    private static double DevScore(IEnumerable<(GoldDocument Gold, Document Analysed)> docs, ActorKnowledgeBase kb, CorefLexicon lexicon, MentionRanker model)
    {
        var stage = new CoreferenceStage(kb, lexicon, model) { KeepUnnamedChains = true };
        var total = new CorefEvaluator.DocumentScore(default, default, default, 0, 0);
        foreach (var (g, d) in docs) total += CorefEvaluator.Score(g, stage.Process(d), namedOrPronominalOnly: false);
        var muc = Metric.From(total.Muc);
        var b3 = Metric.From(total.B3);
        var ceaf = Metric.From(total.CeafE);
        return (muc.F1 + b3.F1 + ceaf.F1) / 3;
    }
}
