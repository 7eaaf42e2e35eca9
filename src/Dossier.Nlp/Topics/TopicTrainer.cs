using System.Globalization;
using Dossier.Core.Labels;

namespace Dossier.Nlp.Topics;

/// <summary>
/// Trains the topic model on the <c>train</c> split and chooses its settings on <c>dev</c> (macro-averaged F1, then
/// accuracy, then the first in grid order): words alone or with word pairs, counts or presence, the smoothing, the
/// vocabulary's minimum document frequency and the priors. Deterministic: the same data gives the same file.
/// </summary>
public static class TopicTrainer
{
    private static readonly double[] Alphas = [0.01, 0.03, 0.1, 0.3, 1.0];
    private static readonly int[] MinCounts = [1, 2, 3, 5, 8, 12];

    /// <summary>The model trained on the train split of <paramref name="corpus"/> with the settings that score best on dev.</summary>
    /// <param name="log">Receives one line per setting tried and the choice.</param>
    public static TopicModel TrainAndChoose(IReadOnlyList<TopicExample> corpus, TextWriter log)
    {
        ArgumentNullException.ThrowIfNull(corpus);
        ArgumentNullException.ThrowIfNull(log);
        var train = corpus.Where(e => e.Split == TopicCorpus.Train).ToList();
        var dev = corpus.Where(e => e.Split == TopicCorpus.Dev).ToList();
        if (train.Count == 0 || dev.Count == 0) throw new ArgumentException("The corpus needs train and dev documents.", nameof(corpus));
        log.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{train.Count} train and {dev.Count} dev documents"));

        (TopicSettings Settings, double MacroF1, double Accuracy)? best = null;
        foreach (var bigrams in new[] { false, true })
        {
            var trainFeatures = Extract(train, bigrams);
            var devFeatures = Extract(dev, bigrams);
            foreach (var binary in new[] { true, false })
            {
                var counts = Count(train, trainFeatures, binary);
                foreach (var minCount in MinCounts)
                {
                    foreach (var alpha in Alphas)
                    {
                        foreach (var uniform in new[] { true, false })
                        {
                            var settings = new TopicSettings(bigrams, binary, alpha, minCount, uniform);
                            var model = Build(settings, counts);
                            var predicted = devFeatures.Select(model.ClassifyFeatures).ToList();
                            var scores = TopicEvaluator.Score(dev.Select(e => e.Topic).ToList(), predicted.Select(p => DocumentTopics.All[p]).ToList());
                            log.WriteLine(string.Create(CultureInfo.InvariantCulture,
                                $"bigrams={bigrams} binary={binary} minCount={minCount} alpha={alpha} uniformPriors={uniform}: dev macro-F1 {scores.MacroF1:0.0000} accuracy {scores.Accuracy:0.0000} ({model.Features} features)"));
                            if (best is null || scores.MacroF1 > best.Value.MacroF1 + 1e-12
                                || (Math.Abs(scores.MacroF1 - best.Value.MacroF1) <= 1e-12 && scores.Accuracy > best.Value.Accuracy + 1e-12))
                            {
                                best = (settings, scores.MacroF1, scores.Accuracy);
                            }
                        }
                    }
                }
            }
        }

        var chosen = best!.Value;
        log.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"chosen: {chosen.Settings} (dev macro-F1 {chosen.MacroF1:0.0000}, accuracy {chosen.Accuracy:0.0000})"));
        return Train(train, chosen.Settings);
    }

    /// <summary>The model trained on <paramref name="train"/> (whatever their split) with <paramref name="settings"/>.</summary>
    public static TopicModel Train(IReadOnlyList<TopicExample> train, TopicSettings settings)
    {
        ArgumentNullException.ThrowIfNull(train);
        ArgumentNullException.ThrowIfNull(settings);
        return Build(settings, Count(train, Extract(train, settings.Bigrams), settings.Binary));
    }

    private static List<List<ulong>> Extract(IReadOnlyList<TopicExample> examples, bool bigrams) =>
        [.. examples.Select(e =>
        {
            var features = new List<ulong>();
            TopicFeatures.Extract(e.Document, bigrams, features);
            return features;
        })];

    /// <summary>Per feature: its count in each class and how many documents hold it; per class: documents and feature tokens.</summary>
    private sealed record Counts(Dictionary<ulong, (int[] PerClass, int Documents)> Features, int[] Documents);

    private static Counts Count(IReadOnlyList<TopicExample> examples, List<List<ulong>> features, bool binary)
    {
        var classes = DocumentTopics.All.Length;
        var table = new Dictionary<ulong, (int[] PerClass, int Documents)>();
        var documents = new int[classes];
        for (var i = 0; i < examples.Count; i++)
        {
            var c = DocumentTopics.All.IndexOf(examples[i].Topic);
            documents[c]++;
            var seen = new HashSet<ulong>();
            foreach (var f in features[i])
            {
                var first = seen.Add(f);
                if (binary && !first) continue;
                if (!table.TryGetValue(f, out var entry))
                {
                    entry = (new int[classes], 0);
                }

                entry.PerClass[c]++;
                if (first) entry.Documents++;
                table[f] = entry;
            }
        }

        return new Counts(table, documents);
    }

    private static TopicModel Build(TopicSettings settings, Counts counts)
    {
        var classes = DocumentTopics.All.Length;
        var kept = counts.Features.Where(p => p.Value.Documents >= settings.MinCount).OrderBy(p => p.Key).ToList();
        var totals = new double[classes];
        foreach (var (_, entry) in kept)
        {
            for (var c = 0; c < classes; c++) totals[c] += entry.PerClass[c];
        }

        var vocabulary = kept.Count;
        var index = new Dictionary<ulong, int>(vocabulary);
        var weights = new float[vocabulary * classes];
        var logs = new double[classes];
        for (var row = 0; row < vocabulary; row++)
        {
            var (hash, entry) = kept[row];
            index.Add(hash, row);
            var mean = 0.0;
            for (var c = 0; c < classes; c++)
            {
                logs[c] = Math.Log((entry.PerClass[c] + settings.Alpha) / (totals[c] + settings.Alpha * vocabulary));
                mean += logs[c] / classes;
            }

            // Only differences between classes matter: centring each feature keeps the values small, so the half floats
            // of the model file hold them closely; the model in memory is rounded the same way as the file.
            for (var c = 0; c < classes; c++) weights[row * classes + c] = (float)(Half)(logs[c] - mean);
        }

        var all = counts.Documents.Sum();
        var priors = new float[classes];
        for (var c = 0; c < classes; c++)
        {
            // A class without training documents keeps a very low prior rather than minus infinity.
            priors[c] = settings.UniformPriors ? 0f : (float)Math.Log(Math.Max(counts.Documents[c], 0.5) / all);
        }

        return new TopicModel(settings, index, weights, priors);
    }
}
