using System.Diagnostics;
using Dossier.Nlp.Syntax;

namespace Dossier.Bench;

/// <summary>Tag + lemmatise + parse throughput on one thread, over the gold words of a CoNLL-U file.</summary>
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
        Analyse(model, sentences); // warm-up: JIT and caches
        var rates = new List<double>();
        for (var run = 1; run <= runs; run++)
        {
            clock.Restart();
            Analyse(model, sentences);
            var rate = words / clock.Elapsed.TotalSeconds;
            rates.Add(rate);
            Console.WriteLine(FormattableString.Invariant($"syntax   run {run}: {words:N0} words in {clock.Elapsed.TotalSeconds:0.000} s = {rate:N0} words/s"));
        }

        rates.Sort();
        Console.WriteLine(FormattableString.Invariant($"median   {rates[rates.Count / 2]:N0} words/s, best {rates[^1]:N0} words/s (one thread, tag + lemma + parse)"));
        Console.WriteLine($"         {References.Syntax}");
        return 0;
    }

    private static void Analyse(SyntaxModel model, List<string[]> sentences)
    {
        foreach (var sentence in sentences)
        {
            model.Analyze(sentence);
        }
    }
}
