using System.Diagnostics;
using Dossier.Core.Labels;

namespace Dossier.Nlp.Topics;

/// <summary>Precision, recall and F1 of one topic.</summary>
public sealed record TopicClassScores(double Precision, double Recall, double F1, int Gold, int Predicted);

/// <summary>How the topic classifier did on one split.</summary>
/// <param name="Split">The split scored.</param>
/// <param name="Documents">How many documents it holds.</param>
/// <param name="MacroF1">The mean F1 of the topics that have gold documents in the split.</param>
/// <param name="PerTopic">Scores per topic, in <see cref="DocumentTopics.All"/> order.</param>
/// <param name="Confusion">Rows gold, columns predicted, both in <see cref="DocumentTopics.All"/> order.</param>
/// <param name="AccuracyBySource">Accuracy per label file (bbc, conll2003 …).</param>
/// <param name="MicrosecondsPerDocument">Mean time to classify a tokenized document, one thread.</param>
public sealed record TopicScores(
    string Split, int Documents, double Accuracy, double MacroF1,
    IReadOnlyDictionary<string, TopicClassScores> PerTopic, IReadOnlyList<IReadOnlyList<int>> Confusion,
    IReadOnlyDictionary<string, double> AccuracyBySource, double MicrosecondsPerDocument);

/// <summary>Scores a <see cref="TopicModel"/> on one split of the topic data.</summary>
public static class TopicEvaluator
{
    /// <summary>The scores of <paramref name="model"/> on the documents of <paramref name="split"/>.</summary>
    public static TopicScores Evaluate(TopicModel model, IReadOnlyList<TopicExample> corpus, string split)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(corpus);
        var examples = corpus.Where(e => e.Split == split).ToList();
        if (examples.Count > 0) model.Classify(examples[0].Document); // warm up: the timing is of the classifier, not of the JIT
        var watch = Stopwatch.StartNew();
        var predicted = examples.Select(e => model.Classify(e.Document)).ToList();
        watch.Stop();
        var scores = Score(examples.Select(e => e.Topic).ToList(), predicted);
        var bySource = examples.Select((e, i) => (e.Source, Right: e.Topic == predicted[i]))
            .GroupBy(p => p.Source, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Average(p => p.Right ? 1.0 : 0.0), StringComparer.Ordinal);
        return scores with
        {
            Split = split,
            AccuracyBySource = bySource,
            MicrosecondsPerDocument = examples.Count == 0 ? 0 : watch.Elapsed.TotalMicroseconds / examples.Count,
        };
    }

    /// <summary>Accuracy, per-topic scores and the confusion matrix of <paramref name="predicted"/> against <paramref name="gold"/>.</summary>
    public static TopicScores Score(IReadOnlyList<string> gold, IReadOnlyList<string> predicted)
    {
        ArgumentNullException.ThrowIfNull(gold);
        ArgumentNullException.ThrowIfNull(predicted);
        if (gold.Count != predicted.Count) throw new ArgumentException("Gold and predicted differ in length.", nameof(predicted));
        var n = DocumentTopics.All.Length;
        var confusion = new int[n][];
        for (var i = 0; i < n; i++) confusion[i] = new int[n];
        for (var i = 0; i < gold.Count; i++)
        {
            confusion[DocumentTopics.All.IndexOf(gold[i])][DocumentTopics.All.IndexOf(predicted[i])]++;
        }

        var perTopic = new Dictionary<string, TopicClassScores>(StringComparer.Ordinal);
        var f1s = new List<double>();
        var right = 0;
        for (var c = 0; c < n; c++)
        {
            var tp = confusion[c][c];
            right += tp;
            var goldCount = confusion[c].Sum();
            var predictedCount = confusion.Sum(row => row[c]);
            var p = predictedCount == 0 ? 0 : (double)tp / predictedCount;
            var r = goldCount == 0 ? 0 : (double)tp / goldCount;
            var f = p + r == 0 ? 0 : 2 * p * r / (p + r);
            perTopic[DocumentTopics.All[c]] = new TopicClassScores(p, r, f, goldCount, predictedCount);
            if (goldCount > 0) f1s.Add(f);
        }

        return new TopicScores("", gold.Count, gold.Count == 0 ? 0 : (double)right / gold.Count, f1s.Count == 0 ? 0 : f1s.Average(),
            perTopic, [.. confusion.Select(row => (IReadOnlyList<int>)row)], new Dictionary<string, double>(), 0);
    }
}
