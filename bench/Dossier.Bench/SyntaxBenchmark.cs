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
    public static int Run(string conllu, int runs)
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

        rates.Sort();
        Console.WriteLine(FormattableString.Invariant($"median   {rates[rates.Count / 2]:N0} words/s, best {rates[^1]:N0} words/s (one thread, tag + lemma + parse)"));
        Console.WriteLine($"         {References.Syntax}");
        return 0;
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
