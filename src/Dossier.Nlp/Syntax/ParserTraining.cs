using Dossier.Nlp.Models;

namespace Dossier.Nlp.Syntax;

/// <summary>A sentence prepared for parser training: words, (predicted) tags, gold tree with 1-based heads (0 = root).</summary>
internal sealed record ParserSentence(WordInfo[] Words, int[] Tags, int[] GoldHeads, int[] GoldLabels);

/// <summary>Online training of <see cref="DependencyParser"/> with the arc-hybrid dynamic oracle and error exploration.</summary>
internal static class ParserTraining
{
    public static DependencyParser Train(
        string[] labels,
        IReadOnlyList<ParserSentence> train,
        IReadOnlyList<ParserSentence>? dev,
        int iterations,
        ulong seed,
        float prune,
        double explore,
        TextWriter? log,
        out int bestIteration)
    {
        var labelCount = labels.Length;
        var rootLabel = Array.IndexOf(labels, DependencyParser.RootRelation);
        var classes = 1 + 2 * labelCount;
        var trainer = new PerceptronTrainer(classes, 1 << 20);
        var rng = new SplitMix64(seed);
        var order = Enumerable.Range(0, train.Count).ToArray();
        var features = new ulong[DependencyParser.MaxFeatures];
        var scores = new float[classes];
        var costs = new int[classes];
        DependencyParser? best = null;
        var bestScore = -1.0;
        bestIteration = 0;
        for (var it = 1; it <= iterations; it++)
        {
            rng.Shuffle(order);
            long decisions = 0, errors = 0;
            var started = DateTime.UtcNow;
            foreach (var s in order)
            {
                var sentence = train[s];
                var n = sentence.Words.Length;
                var state = new ParseState(n);
                var inStack = new bool[n + 1];
                inStack[0] = true;
                while (!state.Terminal)
                {
                    var count = DependencyParser.Extract(state, sentence.Words, sentence.Tags, features);
                    var fs = features.AsSpan(0, count);
                    Array.Clear(scores);
                    trainer.Score(fs, scores);
                    var predicted = DependencyParser.BestValid(state, scores, labelCount, rootLabel);
                    var minCost = Costs(state, sentence, inStack, labelCount, rootLabel, costs);
                    var gold = -1;
                    for (var c = 0; c < classes; c++)
                    {
                        if (costs[c] == minCost && (gold < 0 || scores[c] > scores[gold])) gold = c;
                    }

                    decisions++;
                    var next = predicted;
                    if (costs[predicted] > minCost)
                    {
                        errors++;
                        trainer.Update(fs, gold, predicted);
                        if (it == 1 || rng.NextDouble() >= explore) next = gold;
                    }

                    trainer.Tick();
                    if (next == 0) inStack[state.B] = true;
                    else inStack[state.S0] = false;
                    state.Apply(next, labelCount);
                }
            }

            var model = new DependencyParser(labels, trainer.Compile(prune).Quantised());
            var seconds = (DateTime.UtcNow - started).TotalSeconds;
            var trainLine = $"parser iteration {it}: train transition accuracy {1 - (double)errors / Math.Max(1, decisions):F4} ({seconds:F0} s, {trainer.FeatureCount:N0} features, {trainer.EntryCount:N0} entries; kept {model.Model.FeatureCount:N0} features, {model.Model.WeightCount:N0} weights)";
            if (dev is null || dev.Count == 0)
            {
                log?.WriteLine(trainLine);
                log?.Flush();
                best = model;
                bestIteration = it;
                continue;
            }

            var (uas, las) = Attachment(model, dev);
            log?.WriteLine($"{trainLine}  dev UAS {uas:F4} LAS {las:F4}");
            log?.Flush();
            if (las > bestScore)
            {
                bestScore = las;
                best = model;
                bestIteration = it;
            }
        }

        best ??= new DependencyParser(labels, trainer.Compile(prune).Quantised());
        if (dev is not null && dev.Count > 0 && log is not null)
        {
            foreach (var threshold in new[] { 0.1f, 0.25f, 0.5f, 1f, 2f })
            {
                if (threshold <= prune) continue;
                var pruned = new DependencyParser(labels, best.Model.Pruned(threshold));
                var (uas, las) = Attachment(pruned, dev);
                log.WriteLine($"parser pruned at {threshold}: {pruned.Model.FeatureCount:N0} features, {pruned.Model.WeightCount:N0} weights, dev UAS {uas:F4} LAS {las:F4}");
            }
        }

        return best;
    }

    /// <summary>
    /// Fills <paramref name="costs"/> with the number of gold arcs each transition makes unreachable
    /// (int.MaxValue for invalid ones) and returns the minimum.
    /// </summary>
    private static int Costs(ParseState st, ParserSentence sentence, bool[] inStack, int labelCount, int rootLabel, int[] costs)
    {
        Array.Fill(costs, int.MaxValue);
        var gh = sentence.GoldHeads;
        var gl = sentence.GoldLabels;
        var s0 = st.S0;
        var s1 = st.S1;
        var b0 = st.B;
        var n = st.N;
        var min = int.MaxValue;

        if (st.CanShift)
        {
            var c = 0;
            var h = gh[b0];
            if (h != s0 && h <= n && h >= 0 && inStack[h]) c++;
            for (var i = 0; i < st.Sp; i++)
            {
                if (gh[st.Stack[i]] == b0) c++;
            }

            costs[0] = c;
            min = c;
        }

        if (st.Sp >= 2)
        {
            var children = 0;
            for (var i = b0; i <= n; i++)
            {
                if (gh[i] == s0) children++;
            }

            var h = gh[s0];
            if (st.CanLeft)
            {
                var c = children + (h != b0 && (h == s1 || h > b0) ? 1 : 0);
                for (var l = 0; l < labelCount; l++)
                {
                    if (l == rootLabel) continue;
                    var cl = c + (h == b0 && l != gl[s0] ? 1 : 0);
                    costs[1 + l] = cl;
                    if (cl < min) min = cl;
                }
            }

            if (st.CanRight)
            {
                var c = children + (h != s1 && h >= b0 && h <= n ? 1 : 0);
                for (var l = 0; l < labelCount; l++)
                {
                    if (s1 == 0 ? l != rootLabel : l == rootLabel) continue;
                    var cl = c + (h == s1 && l != gl[s0] ? 1 : 0);
                    costs[1 + labelCount + l] = cl;
                    if (cl < min) min = cl;
                }
            }
        }

        return min;
    }

    public static (double Uas, double Las) Attachment(DependencyParser parser, IReadOnlyList<ParserSentence> data)
    {
        long total = 0, uas = 0, las = 0;
        foreach (var s in data)
        {
            var n = s.Words.Length;
            var heads = new int[n];
            var labels = new int[n];
            parser.Parse(s.Words, s.Tags, heads, labels);
            for (var i = 0; i < n; i++)
            {
                total++;
                if (heads[i] + 1 == s.GoldHeads[i + 1])
                {
                    uas++;
                    if (labels[i] == s.GoldLabels[i + 1]) las++;
                }
            }
        }

        return ((double)uas / Math.Max(1, total), (double)las / Math.Max(1, total));
    }
}
