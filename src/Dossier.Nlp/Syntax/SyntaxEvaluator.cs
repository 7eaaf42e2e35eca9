using System.Diagnostics;

namespace Dossier.Nlp.Syntax;

/// <summary>
/// Scores on a CoNLL-U file with gold tokenisation. Every syntactic word counts, punctuation included
/// (as in the CoNLL 2018 shared task). LAS requires the head and the full relation label (with
/// subtype, e.g. <c>nmod:poss</c>) to match. Lemma is exact, case-sensitive match.
/// </summary>
/// <param name="WordsPerSecond">Tag + lemmatize + parse throughput on one thread, excluding file reading.</param>
public sealed record SyntaxScores(double Upos, double Xpos, double Lemma, double Uas, double Las, int Words, double WordsPerSecond);

public static class SyntaxEvaluator
{
    public static SyntaxScores Evaluate(SyntaxModel model, string conlluPath)
    {
        ArgumentNullException.ThrowIfNull(model);
        var sentences = ConlluReader.ReadFile(conlluPath);
        var forms = sentences.Select(s => s.Words.Select(w => w.Form).ToArray()).ToArray();
        var tagger = model.Tagger;
        var parser = model.Parser;
        long words = 0, upos = 0, xpos = 0, lemma = 0, uas = 0, las = 0;
        var elapsed = TimeSpan.Zero;
        for (var s = 0; s < sentences.Count; s++)
        {
            var gold = sentences[s].Words;
            var n = gold.Count;
            if (n == 0) continue;
            var text = forms[s];
            var lemmas = new string[n];
            var tags = new int[n];
            var heads = new int[n];
            var labels = new int[n];
            var start = Stopwatch.GetTimestamp();
            var infos = new WordInfo[n];
            for (var i = 0; i < n; i++) infos[i] = WordInfo.Compute(text[i]);
            model.Analyze(infos, tags, heads, labels);
            for (var i = 0; i < n; i++) lemmas[i] = model.Lemmatizer.Lemmatize(text[i], tagger.Xpos[tags[i]]);
            elapsed += Stopwatch.GetElapsedTime(start);
            for (var i = 0; i < n; i++)
            {
                var g = gold[i];
                words++;
                if (tagger.Upos[tags[i]] == g.Upos) upos++;
                if (tagger.Xpos[tags[i]] == g.Xpos) xpos++;
                if (lemmas[i] == g.Lemma) lemma++;
                if (heads[i] == g.Head)
                {
                    uas++;
                    if (parser.Labels[labels[i]] == g.Relation) las++;
                }
            }
        }

        double Ratio(long x) => words == 0 ? 0 : (double)x / words;
        var wps = elapsed.TotalSeconds > 0 ? words / elapsed.TotalSeconds : 0;
        return new SyntaxScores(Ratio(upos), Ratio(xpos), Ratio(lemma), Ratio(uas), Ratio(las), (int)words, wps);
    }
}
