using System.Diagnostics;
using Dossier.Core.Labels;

namespace Dossier.Nlp.Entities;

/// <summary>
/// Scores a <see cref="NerModel"/> on a CoNLL-2003 file: the model reads the file's gold tokens,
/// document by document; its OntoNotes types are mapped back to CoNLL classes (PERSON → PER; GPE,
/// LOC, FAC → LOC; ORG → ORG; NORP, EVENT, LAW, PRODUCT → MISC) and spans count only when exact, as in conlleval.
/// </summary>
public static class NerEvaluator
{
    public static string ToConll(string ontoNotesType) => ontoNotesType switch
    {
        EntityTypes.Person => "PER",
        EntityTypes.Gpe or EntityTypes.Location or EntityTypes.Facility => "LOC",
        EntityTypes.Organization => "ORG",
        _ => "MISC",
    };

    public static NerScores Evaluate(NerModel model, string conllPath)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(conllPath);
        var documents = Conll2003.ReadDocuments(conllPath);
        var typer = new EntityTyper(NerLexicon.Default);
        var predicted = new List<List<NerSpan>[]>(documents.Count);
        var words = 0;
        var watch = Stopwatch.StartNew();
        foreach (var document in documents)
        {
            var sentences = document.Select(s => (IReadOnlyList<string>)s.Words).ToList();
            predicted.Add(model.Recognize(sentences, typer));
            foreach (var s in document) words += s.Words.Length;
        }

        var seconds = watch.Elapsed.TotalSeconds;
        var gold = new List<(int, int, int, string)>();
        var guess = new List<(int, int, int, string)>();
        var sentenceId = 0;
        for (var d = 0; d < documents.Count; d++)
        {
            for (var s = 0; s < documents[d].Count; s++, sentenceId++)
            {
                foreach (var (start, end, type) in documents[d][s].Spans) gold.Add((sentenceId, start, end, NerTags.Classes[type]));
                foreach (var span in predicted[d][s]) guess.Add((sentenceId, span.Start, span.End, ToConll(span.Type)));
            }
        }

        return Score(gold, guess, words, seconds);
    }

    internal static NerScores Score(List<(int, int, int, string)> gold, List<(int, int, int, string)> guess, int words, double seconds)
    {
        var goldSet = new HashSet<(int, int, int, string)>(gold);
        var perType = new SortedDictionary<string, TypeScores>(StringComparer.Ordinal);
        foreach (var type in NerTags.Classes)
        {
            var g = gold.Count(x => x.Item4 == type);
            var p = guess.Count(x => x.Item4 == type);
            var c = guess.Count(x => x.Item4 == type && goldSet.Contains(x));
            perType[type] = Make(c, g, p);
        }

        var correct = guess.Count(goldSet.Contains);
        var all = Make(correct, gold.Count, guess.Count);
        return new NerScores(all.Precision, all.Recall, all.F1, perType, words, seconds > 0 ? words / seconds : 0);
    }

    private static TypeScores Make(int correct, int gold, int predicted)
    {
        var p = predicted == 0 ? 0 : (double)correct / predicted;
        var r = gold == 0 ? 0 : (double)correct / gold;
        var f = p + r == 0 ? 0 : 2 * p * r / (p + r);
        return new TypeScores(p, r, f, gold, predicted);
    }
}
