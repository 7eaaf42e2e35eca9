using Dossier.Core.Data;
using Dossier.Core.Documents;
using Dossier.Core.Labels;
using Dossier.Nlp.Models;

namespace Dossier.Nlp.Topics;

/// <summary>The choices a topic model is trained with; <see cref="TopicTrainer"/> picks them on the dev split.</summary>
/// <param name="Bigrams">Pairs of neighbouring words are features besides single words.</param>
/// <param name="Binary">A feature counts once per document however often it occurs.</param>
/// <param name="Alpha">Additive (Lidstone) smoothing of the per-class feature counts.</param>
/// <param name="MinCount">A feature enters the vocabulary when it occurs in at least this many training documents.</param>
/// <param name="UniformPriors">Every topic has the same prior, rather than its share of the training documents.</param>
public sealed record TopicSettings(bool Bigrams, bool Binary, double Alpha, int MinCount, bool UniformPriors);

/// <summary>
/// The document topic classifier: multinomial naive Bayes over hashed words and word pairs
/// (<see cref="TopicFeatures"/>), one class per <see cref="DocumentTopics.All"/>. Features outside the vocabulary are
/// ignored. Trained by <see cref="TopicTrainer"/>; loaded once, immutable and thread-safe.
/// </summary>
public sealed class TopicModel
{
    /// <summary>The folder, under the models directory, that holds the topic model.</summary>
    public const string DirectoryName = "topics";

    /// <summary>The model's file name inside <see cref="DirectoryName"/>.</summary>
    public const string FileName = "topics-en.bin.gz";

    private const string Kind = "topics-nb";

    /// <summary>Bumped whenever <see cref="TopicFeatures"/> changes: an old model would silently misbehave.</summary>
    private const int FeatureSet = 1;

    private static readonly ModelContainer Container = new("DOSSIER-TOPICS\n", "topic", (path, reason, inner) => new TopicModelLoadException(path, reason, inner));

    private readonly Dictionary<ulong, int> _index; // read only after construction
    private readonly float[] _weights; // feature-major: _weights[row * classes + class]
    private readonly float[] _priors;

    internal TopicModel(TopicSettings settings, Dictionary<ulong, int> index, float[] weights, float[] priors)
    {
        if (priors.Length != DocumentTopics.All.Length || weights.Length != index.Count * priors.Length)
        {
            throw new ArgumentException("The weights do not match the classes and the vocabulary.", nameof(weights));
        }

        Settings = settings;
        _index = index;
        _weights = weights;
        _priors = priors;
    }

    /// <summary>The settings it was trained with.</summary>
    public TopicSettings Settings { get; }

    /// <summary>How many features the vocabulary holds.</summary>
    public int Features => _index.Count;

    /// <summary>The default model file: <c>models/topics/topics-en.bin.gz</c> found by <see cref="ModelDirectory"/>.</summary>
    public static string DefaultPath => Path.Combine(ModelDirectory.Locate(Path.Combine(DirectoryName, FileName)), DirectoryName, FileName);

    /// <summary>The document's topic: the class with the highest score, the first in <see cref="DocumentTopics.All"/> order on a tie.
    /// A document with no word in the vocabulary gets <see cref="DocumentTopics.Other"/>.</summary>
    public string Classify(Document document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var features = new List<ulong>(256);
        TopicFeatures.Extract(document, Settings.Bigrams, features);
        return DocumentTopics.All[ClassifyFeatures(features)];
    }

    /// <summary>The posterior probability of each topic, in <see cref="DocumentTopics.All"/> order (naive Bayes: sharp, not calibrated).</summary>
    public IReadOnlyList<double> Probabilities(Document document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var features = new List<ulong>(256);
        TopicFeatures.Extract(document, Settings.Bigrams, features);
        var scores = Scores(features, out _);
        var max = scores.Max();
        var exp = scores.Select(s => Math.Exp(s - max)).ToArray();
        var sum = exp.Sum();
        return [.. exp.Select(e => e / sum)];
    }

    /// <summary>The class index for features extracted with this model's <see cref="TopicSettings.Bigrams"/>.</summary>
    internal int ClassifyFeatures(List<ulong> features)
    {
        var scores = Scores(features, out var known);
        if (known == 0) return DocumentTopics.All.IndexOf(DocumentTopics.Other);
        var best = 0;
        for (var c = 1; c < scores.Length; c++)
        {
            if (scores[c] > scores[best]) best = c;
        }

        return best;
    }

    private double[] Scores(List<ulong> features, out int known)
    {
        var classes = _priors.Length;
        var scores = new double[classes];
        for (var c = 0; c < classes; c++) scores[c] = _priors[c];
        HashSet<ulong>? seen = Settings.Binary ? new HashSet<ulong>(features.Count) : null;
        known = 0;
        foreach (var f in features)
        {
            if (!_index.TryGetValue(f, out var row)) continue;
            if (seen is not null && !seen.Add(f)) continue;
            known++;
            var offset = row * classes;
            for (var c = 0; c < classes; c++) scores[c] += _weights[offset + c];
        }

        return scores;
    }

    /// <summary>Loads a model written by <see cref="Save"/>.</summary>
    /// <param name="path">The file; default <see cref="DefaultPath"/>.</param>
    /// <exception cref="TopicModelLoadException">The file is missing, corrupt or of another format; the message names it.</exception>
    public static TopicModel Load(string? path = null)
    {
        path ??= DefaultPath;
        return Container.Read(path, Kind, reader =>
        {
            var featureSet = reader.ReadInt32();
            if (featureSet != FeatureSet) throw new InvalidDataException($"feature set {featureSet}, this build expects {FeatureSet}");
            var classes = ModelContainer.ReadStrings(reader);
            if (!classes.SequenceEqual(DocumentTopics.All, StringComparer.Ordinal)) throw new InvalidDataException($"classes {string.Join(",", classes)}");
            var settings = new TopicSettings(reader.ReadBoolean(), reader.ReadBoolean(), reader.ReadDouble(), reader.ReadInt32(), reader.ReadBoolean());
            var priors = new float[classes.Length];
            for (var c = 0; c < priors.Length; c++) priors[c] = reader.ReadSingle();
            var count = reader.ReadInt32();
            if (count < 0 || count > 50_000_000) throw new InvalidDataException("bad feature count");
            var index = new Dictionary<ulong, int>(count);
            var weights = new float[count * classes.Length];
            for (var i = 0; i < count; i++)
            {
                index.Add(reader.ReadUInt64(), i);
                for (var c = 0; c < classes.Length; c++) weights[i * classes.Length + c] = (float)reader.ReadHalf();
            }

            return new TopicModel(settings, index, weights, priors);
        });
    }

    /// <summary>Writes the model to <paramref name="path"/> (folders created); the same model gives the same bytes.</summary>
    public void Save(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        Container.Write(path, Kind, writer =>
        {
            writer.Write(FeatureSet);
            ModelContainer.WriteStrings(writer, DocumentTopics.All);
            writer.Write(Settings.Bigrams);
            writer.Write(Settings.Binary);
            writer.Write(Settings.Alpha);
            writer.Write(Settings.MinCount);
            writer.Write(Settings.UniformPriors);
            foreach (var p in _priors) writer.Write(p);
            var classes = _priors.Length;
            writer.Write(_index.Count);
            foreach (var (hash, row) in _index.OrderBy(p => p.Key))
            {
                writer.Write(hash);
                for (var c = 0; c < classes; c++) writer.Write((Half)_weights[row * classes + c]);
            }
        });
    }
}
