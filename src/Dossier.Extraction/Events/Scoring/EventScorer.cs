using System.Collections.Frozen;
using System.Globalization;
using System.Text;
using Dossier.Core.Data;
using Dossier.Core.Documents;

namespace Dossier.Extraction.Events.Scoring;

/// <summary>
/// The learned event scorer: a logistic regression over <see cref="EventFeatures"/>, followed by Platt scaling fitted
/// on the dev split of the annotations, so that <see cref="Score"/> is a calibrated probability that an event's type
/// and source are right. Loaded from <c>models/events/event-scorer.tsv</c> (rows <c>feature, weight</c>; the
/// reserved rows <c>@bias</c>, <c>@platt-a</c>, <c>@platt-b</c> and <c>@min-confidence</c>, the default threshold
/// chosen on dev for precision ≥ 0.6). Rebuilt by <c>dossier train event-model</c> (<see cref="EventScorerTrainer"/>).
/// Immutable and thread-safe.
/// </summary>
public sealed class EventScorer
{
    /// <summary>The model's file name in <c>models/events</c>.</summary>
    public const string FileName = "event-scorer.tsv";

    /// <summary>The command that rebuilds the model file.</summary>
    public const string RebuildHint = "run `dossier train event-model`";

    private static readonly Lazy<EventScorer> DefaultScorer = new(() => Load(Path.Combine(EventLexicon.DefaultDirectory, FileName)), LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly FrozenDictionary<string, double> _weights;

    /// <param name="weights">One weight per feature name; features not listed weigh 0.</param>
    /// <param name="bias">The intercept of the raw score.</param>
    /// <param name="plattA">Platt scaling: probability = σ(a·z + b) of the raw score z.</param>
    /// <param name="plattB">Platt scaling intercept.</param>
    /// <param name="minConfidence">The default threshold of the listings (chosen on dev).</param>
    public EventScorer(IReadOnlyDictionary<string, double> weights, double bias, double plattA, double plattB, double minConfidence)
    {
        ArgumentNullException.ThrowIfNull(weights);
        _weights = weights.ToFrozenDictionary(StringComparer.Ordinal);
        Bias = bias;
        PlattA = plattA;
        PlattB = plattB;
        MinConfidence = minConfidence;
    }

    /// <summary>The shipped model, loaded once per process.</summary>
    /// <exception cref="Core.Errors.ModelFileException">The model file is missing or malformed.</exception>
    public static EventScorer Default => DefaultScorer.Value;

    /// <summary>The intercept of the raw score.</summary>
    public double Bias { get; }

    /// <summary>Platt scaling slope.</summary>
    public double PlattA { get; }

    /// <summary>Platt scaling intercept.</summary>
    public double PlattB { get; }

    /// <summary>The default confidence threshold of the event listings, chosen on the dev split for precision ≥ 0.6 (<see cref="EventScorerTrainer.TargetPrecision"/>).</summary>
    public double MinConfidence { get; }

    /// <summary>How many features carry a weight.</summary>
    public int FeatureCount => _weights.Count;

    /// <summary>The weight of one feature (0 when it has none).</summary>
    public double Weight(string feature) => _weights.GetValueOrDefault(feature);

    /// <summary>The raw (uncalibrated) score of a feature set: bias plus the weights of the features present.</summary>
    public double Raw(IEnumerable<string> features)
    {
        ArgumentNullException.ThrowIfNull(features);
        var z = Bias;
        foreach (var f in features)
        {
            if (_weights.TryGetValue(f, out var w)) z += w;
        }

        return z;
    }

    /// <summary>The calibrated probability that an event with these features is right (type and source).</summary>
    public double Score(IEnumerable<string> features) => Sigmoid(PlattA * Raw(features) + PlattB);

    /// <summary>The events of <paramref name="document"/> with their <see cref="Event.Confidence"/> set by the model (rounded to 3 places).</summary>
    public IEnumerable<Event> Rescore(DependencyTree tree, IEnumerable<Event> events)
    {
        ArgumentNullException.ThrowIfNull(tree);
        ArgumentNullException.ThrowIfNull(events);
        foreach (var e in events)
        {
            yield return e with { Confidence = Math.Round(Score(EventFeatures.Of(tree, e)), 3) };
        }
    }

    internal static double Sigmoid(double z) => z >= 0 ? 1 / (1 + Math.Exp(-z)) : Math.Exp(z) / (1 + Math.Exp(z));

    /// <summary>Reads a model file.</summary>
    /// <exception cref="DataFileException">The file is missing, or a row is malformed (FILE:LINE: reason).</exception>
    public static EventScorer Load(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var weights = new Dictionary<string, double>(StringComparer.Ordinal);
        double bias = 0, a = 1, b = 0, min = 0;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var row in TsvFile.Read(path, 2))
        {
            if (!double.TryParse(row.Columns[1], NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || !double.IsFinite(value))
            {
                throw row.Error($"'{row.Columns[1]}' is not a number");
            }

            var name = row.Columns[0];
            switch (name)
            {
                case "@bias": bias = value; seen.Add(name); break;
                case "@platt-a": a = value; seen.Add(name); break;
                case "@platt-b": b = value; seen.Add(name); break;
                case "@min-confidence": min = value; seen.Add(name); break;
                default:
                    if (name.StartsWith('@')) throw row.Error($"unknown setting '{name}'");
                    weights[name] = value;
                    break;
            }
        }

        foreach (var required in new[] { "@bias", "@platt-a", "@platt-b", "@min-confidence" })
        {
            if (!seen.Contains(required)) throw new DataFileException(path, $"the setting '{required}' is missing. To rebuild the event scorer, {RebuildHint}");
        }

        return new EventScorer(weights, bias, a, b, min);
    }

    /// <summary>Writes the model (features in ordinal order, weights to 6 significant digits), with a header saying what made it.</summary>
    public void Save(string path, IEnumerable<string> header)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(header);
        var text = new StringBuilder();
        foreach (var line in header) text.Append("# ").Append(line).Append('\n');
        text.Append("@bias\t").Append(Number(Bias)).Append('\n');
        text.Append("@platt-a\t").Append(Number(PlattA)).Append('\n');
        text.Append("@platt-b\t").Append(Number(PlattB)).Append('\n');
        text.Append("@min-confidence\t").Append(Number(MinConfidence)).Append('\n');
        foreach (var (name, w) in _weights.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            text.Append(name).Append('\t').Append(Number(w)).Append('\n');
        }

        var directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (!string.IsNullOrEmpty(directory)) Directory.CreateDirectory(directory);
        File.WriteAllText(path + ".tmp", text.ToString(), new UTF8Encoding(false));
        File.Move(path + ".tmp", path, overwrite: true);
    }

    private static string Number(double v) => v.ToString("G6", CultureInfo.InvariantCulture);
}
