using System.Diagnostics;
using Dossier.Nlp.Syntax;

namespace Dossier.Bench;

/// <summary>
/// Tag + lemmatise + parse throughput on one thread, over the gold words of a CoNLL-U file: wall time and the
/// process's CPU time per run (CPU time is steadier on a shared machine), and a checksum of every tag, lemma,
/// head and relation, which must not change when only the speed of the code does.
/// </summary>
internal static class SyntaxBenchmark
{
    public static int Run(string conllu, int runs, bool parts = false)
    {
        if (!File.Exists(conllu))
        {
            Console.Error.WriteLine($"{conllu}: no such file");
            return 1;
        }

        var clock = Stopwatch.StartNew();
        var model = SyntaxModel.Load();
        Console.WriteLine(FormattableString.Invariant($"model    loaded in {clock.Elapsed.TotalSeconds:0.00} s from {SyntaxModel.DefaultDirectory}"));
        var sentences = ConlluReader.ReadFile(conllu).Select(s => s.Words.Select(w => w.Form).ToArray()).ToList();
        var words = sentences.Sum(s => s.Length);
        var checksum = Analyse(model, sentences, hashed: true); // warm-up: JIT and caches; the checksum stays out of the timed runs
        Console.WriteLine(FormattableString.Invariant($"checksum {checksum:x16} (tags, lemmas, heads, relations of {words:N0} words)"));
        var rates = new List<double>();
        var process = Process.GetCurrentProcess();
        for (var run = 1; run <= runs; run++)
        {
            process.Refresh();
            var cpu = process.TotalProcessorTime;
            clock.Restart();
            Analyse(model, sentences, hashed: false);
            var wall = clock.Elapsed.TotalSeconds;
            process.Refresh();
            var used = (process.TotalProcessorTime - cpu).TotalSeconds;
            var rate = words / wall;
            rates.Add(rate);
            Console.WriteLine(FormattableString.Invariant($"syntax   run {run}: {words:N0} words in {wall:0.000} s = {rate:N0} words/s; CPU {used:0.000} s = {words / used:N0} words per CPU second"));
        }

        if (runs > 0)
        {
            rates.Sort();
            Console.WriteLine(FormattableString.Invariant($"median   {rates[rates.Count / 2]:N0} words/s, best {rates[^1]:N0} words/s (one thread, tag + lemma + parse)"));
            Console.WriteLine($"         {References.Syntax}");
        }

        if (parts) Parts(model, sentences, Math.Max(runs, 5));
        return 0;
    }

    /// <summary>
    /// CPU seconds of each part of the analysis over the whole file, one part per pass (so that no timer runs inside
    /// a sentence): word hashes, the first-pass tagger, the whole tagger, the parser, the lemmatizer; the median of
    /// <paramref name="runs"/> passes of each, the parts interleaved.
    /// </summary>
    private static void Parts(SyntaxModel model, List<string[]> sentences, int runs)
    {
        var words = sentences.Sum(s => s.Length);
        var infos = sentences.Select(s => new WordInfo[s.Length]).ToArray();
        var tags = sentences.Select(s => new int[s.Length]).ToArray();
        var heads = sentences.Select(s => new int[s.Length]).ToArray();
        var labels = sentences.Select(s => new int[s.Length]).ToArray();
        var lemmas = sentences.Select(s => new string[s.Length]).ToArray();
        var first = model.Tagger.First;
        (string Name, Action Pass)[] passes =
        [
            ("word hashes", () =>
            {
                for (var s = 0; s < sentences.Count; s++)
                {
                    for (var i = 0; i < sentences[s].Length; i++) infos[s][i] = WordInfo.Compute(sentences[s][i]);
                }
            }),
            ("first-pass tagger", () =>
            {
                if (first is null) return;
                for (var s = 0; s < sentences.Count; s++) first.Tag(infos[s], tags[s]);
            }),
            ("tagger (both passes)", () =>
            {
                for (var s = 0; s < sentences.Count; s++) model.Tagger.Tag(infos[s], tags[s]);
            }),
            ("parser", () =>
            {
                for (var s = 0; s < sentences.Count; s++) model.Parser.Parse(infos[s], tags[s], heads[s], labels[s]);
            }),
            ("parser, plain scoring", () =>
            {
                for (var s = 0; s < sentences.Count; s++) model.Parser.ParsePlain(infos[s], tags[s], heads[s], labels[s]);
            }),
            ("lemmatizer", () =>
            {
                for (var s = 0; s < sentences.Count; s++)
                {
                    for (var i = 0; i < sentences[s].Length; i++) lemmas[s][i] = model.Lemmatizer.Lemmatize(sentences[s][i], model.Tagger.Xpos[tags[s][i]]);
                }
            }),
        ];
        var process = Process.GetCurrentProcess();
        var times = passes.Select(_ => new List<double>()).ToArray();
        foreach (var (_, pass) in passes) pass(); // warm-up
        for (var run = 0; run < runs; run++)
        {
            for (var p = 0; p < passes.Length; p++)
            {
                process.Refresh();
                var cpu = process.TotalProcessorTime;
                passes[p].Pass();
                process.Refresh();
                times[p].Add((process.TotalProcessorTime - cpu).TotalSeconds);
            }
        }

        Lookups(model, infos, tags);

        // The whole analysis (as the timed runs) with the parser's per-token rows off and on, interleaved in this process.
        var combos = new (string Name, bool Rows)[] { ("whole, plain scoring", false), ("whole, token rows", true) };
        var whole = combos.Select(_ => new List<double>()).ToArray();
        for (var run = 0; run < runs; run++)
        {
            for (var c = 0; c < combos.Length; c++)
            {
                DependencyParser.UseTokenRows = combos[c].Rows;
                process.Refresh();
                var cpu = process.TotalProcessorTime;
                Analyse(model, sentences, hashed: false);
                process.Refresh();
                whole[c].Add((process.TotalProcessorTime - cpu).TotalSeconds);
            }
        }

        DependencyParser.UseTokenRows = true;
        for (var c = 0; c < combos.Length; c++)
        {
            whole[c].Sort();
            var median = whole[c][whole[c].Count / 2];
            Console.WriteLine(FormattableString.Invariant($"part     {combos[c].Name,-24} CPU {median:0.000} s per pass (median of {runs}) = {words / Math.Max(median, 1e-9):N0} words per CPU second"));
        }

        for (var p = 0; p < passes.Length; p++)
        {
            times[p].Sort();
            var median = times[p][times[p].Count / 2];
            Console.WriteLine(FormattableString.Invariant($"part     {passes[p].Name,-24} CPU {median:0.000} s per pass (median of {runs}) = {words / Math.Max(median, 1e-9):N0} words per CPU second"));
        }
    }

    /// <summary>How many of the features each model looks up it has a row for, and how many of those rows are dense.</summary>
    private static void Lookups(SyntaxModel model, WordInfo[][] infos, int[][] tags)
    {
        void Report(string name, LinearModel linear, long lookups, long present, long dense, long steps) =>
            Console.WriteLine(FormattableString.Invariant(
                $"lookups  {name,-22} {lookups:N0} in {steps:N0} scorings: {100.0 * present / Math.Max(1, lookups):0.0}% present, {100.0 * dense / Math.Max(1, lookups):0.0}% dense rows ({linear.FeatureCount:N0} features)"));

        var features = new ulong[Math.Max(DependencyParser.MaxFeatures, PosTagger.MaxFeatures)];
        foreach (var (name, tagger) in new[] { ("first-pass tagger", model.Tagger.First), ("tagger", model.Tagger) })
        {
            if (tagger is null) continue;
            long lookups = 0, present = 0, dense = 0, steps = 0;
            for (var s = 0; s < infos.Length; s++)
            {
                var words = infos[s];
                var predicted = new int[words.Length];
                tagger.Tag(words, predicted);
                var first = new int[tagger.First is null ? 0 : words.Length];
                tagger.First?.Tag(words, first);
                var lex = tagger.Lexicon.Lookup(words);
                for (var i = 0; i < words.Length; i++)
                {
                    var n = PosTagger.Extract(words, lex, i, predicted, first, features);
                    steps++;
                    for (var j = 0; j < n; j++)
                    {
                        var length = tagger.Model.RowLength(features[j]);
                        lookups++;
                        if (length > 0) present++;
                        if (length == tagger.Model.Stride) dense++;
                    }
                }
            }

            Report(name, tagger.Model, lookups, present, dense, steps);
        }

        {
            var parser = model.Parser;
            long lookups = 0, present = 0, dense = 0, steps = 0;
            var scores = new float[parser.Model.Stride];
            for (var s = 0; s < infos.Length; s++)
            {
                var state = new ParseState(infos[s].Length);
                while (!state.Terminal)
                {
                    var action = DependencyParser.Forced(state, parser.Labels.Length, parser.RootLabel);
                    if (action < 0)
                    {
                        var n = DependencyParser.Extract(state, infos[s], tags[s], features);
                        steps++;
                        for (var j = 0; j < n; j++)
                        {
                            var length = parser.Model.RowLength(features[j]);
                            lookups++;
                            if (length > 0) present++;
                            if (length == parser.Model.Stride) dense++;
                        }

                        Array.Clear(scores);
                        parser.Model.Score(features.AsSpan(0, n), scores);
                        action = DependencyParser.BestValid(state, scores.AsSpan(0, parser.Model.Classes), parser.Labels.Length, parser.RootLabel);
                    }

                    state.Apply(action, parser.Labels.Length);
                }
            }

            Report("parser", parser.Model, lookups, present, dense, steps);
        }
    }

    private static ulong Analyse(SyntaxModel model, List<string[]> sentences, bool hashed)
    {
        var hash = 14695981039346656037UL;
        foreach (var sentence in sentences)
        {
            var words = model.Analyze(sentence);
            if (!hashed) continue;
            foreach (var word in words)
            {
                hash = Mix(hash, $"{word.Upos}\t{word.Xpos}\t{word.Lemma}\t{word.Head}\t{word.Relation}");
            }
        }

        return hash;
    }

    private static ulong Mix(ulong hash, string text)
    {
        foreach (var c in text) hash = (hash ^ c) * 1099511628211UL;
        return (hash ^ '\n') * 1099511628211UL;
    }
}
