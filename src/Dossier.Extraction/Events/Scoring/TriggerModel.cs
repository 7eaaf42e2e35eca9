using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using Dossier.Core.Data;
using Dossier.Nlp.Models;

namespace Dossier.Extraction.Events.Scoring;

/// <summary>
/// The learned trigger model: a multinomial logistic regression over <see cref="TriggerFeatures"/> of each candidate
/// token (verbs and common nouns) that gives the probability of each PLOVER type and of <see cref="NoneClass"/> (the
/// token reports no event). <see cref="EventStage"/> combines it with the rule coder: a rule event whose trigger the
/// model gives less than <see cref="Veto"/> for its type, or less than <see cref="VetoEvent"/> for any event, is dropped, and a token whose most probable type reaches
/// <see cref="Propose"/> becomes an event of that type (arguments from the syntax, as for the rule coder's events)
/// unless the rules already have one there. Loaded from <c>models/events/event-trigger.tsv</c>; rebuilt by
/// <c>dossier train event-trigger</c> (<see cref="TriggerModelTrainer"/>). Immutable and thread-safe.
/// </summary>
public sealed class TriggerModel
{
    /// <summary>The model's file name in <c>models/events</c>.</summary>
    public const string FileName = "event-trigger.tsv";

    /// <summary>The command that rebuilds the model file.</summary>
    public const string RebuildHint = "run `dossier train event-trigger`";

    /// <summary>The class of a token that reports no event.</summary>
    public const string NoneClass = "NONE";

    /// <summary>The kind of its cache files (<see cref="ModelCache"/>): <c>trigger-v1-….bin</c>.</summary>
    internal const string CacheKind = "trigger";

    /// <summary>The cached form's format: raised whenever <see cref="TryWriteCache"/> writes another shape.</summary>
    internal const int CacheVersion = 1;

    private static readonly Lazy<TriggerModel> DefaultModel = new(() => Load(Path.Combine(EventLexicon.DefaultDirectory, FileName), ModelCache.DefaultDirectory), LazyThreadSafetyMode.ExecutionAndPublication);

    // Per feature its row of the weights (one weight per class, row after row): a plain dictionary, since a frozen one of
    // ~15,000 features costs more to build at start-up than its look-ups save (docs/evaluation.md, "speed10").
    private readonly Dictionary<string, int> _rows;
    private readonly double[] _weights;
    private readonly double[] _bias;

    /// <param name="classes">The classes, <see cref="NoneClass"/> first.</param>
    /// <param name="weights">Per feature, one weight per class.</param>
    /// <param name="bias">One intercept per class.</param>
    /// <param name="veto">Rule events whose type has a lower probability are dropped.</param>
    /// <param name="propose">Types at least this probable (and the token's most probable type) become events.</param>
    /// <param name="vetoEvent">Rule events whose trigger is less probably an event of any type (1 − P(NONE)) are dropped.</param>
    public TriggerModel(IReadOnlyList<string> classes, IReadOnlyDictionary<string, double[]> weights, double[] bias, double veto, double propose, double vetoEvent = 0)
    {
        ArgumentNullException.ThrowIfNull(classes);
        ArgumentNullException.ThrowIfNull(weights);
        ArgumentNullException.ThrowIfNull(bias);
        if (classes.Count == 0 || classes[0] != NoneClass) throw new ArgumentException($"the first class must be {NoneClass}", nameof(classes));
        if (bias.Length != classes.Count || weights.Values.Any(w => w.Length != classes.Count)) throw new ArgumentException("one weight per class", nameof(weights));
        Classes = [.. classes];
        _rows = new Dictionary<string, int>(weights.Count, StringComparer.Ordinal);
        _weights = new double[weights.Count * classes.Count];
        foreach (var (name, w) in weights)
        {
            var row = _rows.Count;
            _rows.Add(name, row);
            w.CopyTo(_weights, row * classes.Count);
        }

        _bias = [.. bias];
        Veto = veto;
        Propose = propose;
        VetoEvent = vetoEvent;
    }

    /// <summary>A model over rows already laid out (<see cref="With"/>, the cache): shared, never changed.</summary>
    private TriggerModel(IReadOnlyList<string> classes, Dictionary<string, int> rows, double[] weights, double[] bias, double veto, double propose, double vetoEvent)
    {
        Classes = classes;
        _rows = rows;
        _weights = weights;
        _bias = bias;
        Veto = veto;
        Propose = propose;
        VetoEvent = vetoEvent;
    }

    /// <summary>The shipped model, loaded once per process.</summary>
    /// <exception cref="Core.Errors.ModelFileException">The model file is missing or malformed.</exception>
    public static TriggerModel Default => DefaultModel.Value;

    /// <summary>The classes, <see cref="NoneClass"/> first, then the PLOVER types.</summary>
    public IReadOnlyList<string> Classes { get; }

    /// <summary>A rule event whose type the model gives a lower probability on its trigger is dropped (chosen on dev).</summary>
    public double Veto { get; }

    /// <summary>A rule event whose trigger the model gives a lower probability of reporting any event (1 − P(NONE)) is dropped (chosen on dev).</summary>
    public double VetoEvent { get; }

    /// <summary>A token whose most probable type reaches this probability is proposed as a trigger (chosen on dev).</summary>
    public double Propose { get; }

    /// <summary>How many features carry weights.</summary>
    public int FeatureCount => _rows.Count;

    /// <summary>The same model with other thresholds.</summary>
    public TriggerModel With(double veto, double vetoEvent, double propose) => new(Classes, _rows, _weights, _bias, veto, propose, vetoEvent);

    /// <summary>The weights of a feature, one per class (empty when the model has none for it).</summary>
    private ReadOnlySpan<double> Row(int row) => _weights.AsSpan(row * _bias.Length, _bias.Length);

    /// <summary>The probability of each class (in <see cref="Classes"/> order) for a token with these features.</summary>
    public double[] Probabilities(IEnumerable<string> features)
    {
        ArgumentNullException.ThrowIfNull(features);
        var z = (double[])_bias.Clone();
        foreach (var f in features)
        {
            if (!_rows.TryGetValue(f, out var row)) continue;
            var w = Row(row);
            for (var k = 0; k < z.Length; k++) z[k] += w[k];
        }

        Softmax(z);
        return z;
    }

    internal static void Softmax(double[] z)
    {
        var max = z.Max();
        var sum = 0.0;
        for (var k = 0; k < z.Length; k++)
        {
            z[k] = Math.Exp(z[k] - max);
            sum += z[k];
        }

        for (var k = 0; k < z.Length; k++) z[k] /= sum;
    }

    /// <summary>Reads a model file.</summary>
    /// <exception cref="DataFileException">The file is missing, or a row is malformed (FILE:LINE: reason).</exception>
    /// <remarks>
    /// The rows are read as <see cref="TsvFile.Read"/> reads them (comments and blank lines skipped, columns trimmed, at
    /// least two), but the ~15,000 feature rows are cut and their numbers parsed in place, without a string per column
    /// (docs/evaluation.md, "Issue 15: cold start").
    /// </remarks>
    public static TriggerModel Load(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!File.Exists(path)) throw new DataFileException(path, "the file is missing");
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new DataFileException(path, "the file cannot be read: " + e.Message, e);
        }

        var classes = new List<string>();
        var weights = new Dictionary<string, double[]>(StringComparer.Ordinal);
        double[]? bias = null;
        double? veto = null, propose = null, vetoEvent = null;
        var n = 0;
        foreach (var line in new TextLines(text))
        {
            n++;
            if (line.IsEmpty || line.TrimStart().StartsWith('#')) continue;
            var columns = line.Count('\t') + 1;
            var tab = line.IndexOf('\t');
            var name = (tab < 0 ? line : line[..tab]).Trim();
            if (columns < 2 || name.IsEmpty) throw new DataFileException(path, n, "expected at least 2 tab-separated columns");
            var values = line[(tab + 1)..];
            if (name.SequenceEqual("@classes"))
            {
                foreach (var range in values.Split('\t')) classes.Add(values[range].Trim().ToString());
                if (classes.Count < 2 || classes[0] != NoneClass) throw new DataFileException(path, n, $"the classes must start with {NoneClass} and name at least one type");
                continue;
            }

            if (classes.Count == 0) throw new DataFileException(path, n, "the first row must be @classes");
            if (name is "@veto" or "@veto-event" or "@propose")
            {
                var second = values.IndexOf('\t');
                var v = Number(path, n, second < 0 ? values : values[..second]);
                if (name.SequenceEqual("@veto")) veto = v;
                else if (name.SequenceEqual("@veto-event")) vetoEvent = v;
                else propose = v;
                continue;
            }

            if (name.StartsWith('@') && !name.SequenceEqual("@bias")) throw new DataFileException(path, n, $"unknown setting '{name}'");
            if (columns != classes.Count + 1) throw new DataFileException(path, n, $"expected {classes.Count} weights, one per class");
            var w = new double[classes.Count];
            var k = 0;
            foreach (var range in values.Split('\t')) w[k++] = Number(path, n, values[range]);
            if (name.SequenceEqual("@bias")) bias = w;
            else weights[name.ToString()] = w;
        }

        if (classes.Count == 0 || bias is null || veto is null || vetoEvent is null || propose is null)
        {
            throw new DataFileException(path, $"the rows @classes, @bias, @veto, @veto-event and @propose are required. To rebuild the trigger model, {RebuildHint}");
        }

        return new TriggerModel(classes, weights, bias, veto.Value, propose.Value, vetoEvent.Value);
    }

    /// <summary>
    /// The model of the file at <paramref name="path"/>, through the cache in <paramref name="cacheDirectory"/> (null: none):
    /// read from its cached form (<see cref="ModelCache"/>: classes, thresholds, feature names and the weights as one
    /// block, named after the file's SHA-256) when a valid one is there, else read from the file and its cached form
    /// written (when the folder can be written). The same model either way; a missing or malformed file fails as
    /// <see cref="Load(string)"/> does.
    /// </summary>
    /// <exception cref="DataFileException">The file is missing, or a row is malformed (FILE:LINE: reason).</exception>
    public static TriggerModel Load(string path, string? cacheDirectory)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (cacheDirectory is null) return Load(path);
        return ModelCache.Load(cacheDirectory, CacheKind, CacheVersion, [path], TryReadCache, () => Load(path), (model, cachePath, hash) => model.TryWriteCache(cachePath, hash));
    }

    /// <summary>The model cached at <paramref name="cachePath"/>, or null when that file is missing, stale, truncated or corrupt.</summary>
    internal static TriggerModel? TryReadCache(string cachePath, byte[] hash)
    {
        using var file = ModelCache.TryOpen(cachePath, CacheKind, CacheVersion, hash);
        if (file is null) return null;
        try
        {
            using var header = file.Header();
            var classCount = header.ReadInt32();
            if (classCount < 2) return null;
            var classes = new string[classCount];
            for (var k = 0; k < classCount; k++) classes[k] = header.ReadString();
            if (classes[0] != NoneClass) return null;
            var veto = header.ReadDouble();
            var vetoEvent = header.ReadDouble();
            var propose = header.ReadDouble();
            var bias = new double[classCount];
            for (var k = 0; k < classCount; k++) bias[k] = header.ReadDouble();
            var count = header.ReadInt32();
            if (count < 0 || (long)count * classCount > int.MaxValue / sizeof(double)) return null;
            var rows = new Dictionary<string, int>(count, StringComparer.Ordinal);
            for (var r = 0; r < count; r++)
            {
                if (!rows.TryAdd(header.ReadString(), r)) return null;
            }

            if (header.BaseStream.Position != header.BaseStream.Length) return null;
            var weights = MemoryMarshal.Cast<byte, double>(file.BlockBytes(count * classCount * sizeof(double))).ToArray();
            if (!file.AtEnd) return null;
            return new TriggerModel(classes, rows, weights, bias, veto, propose, vetoEvent);
        }
        catch (Exception e) when (e is IOException or InvalidDataException or FormatException or DecoderFallbackException or ArgumentException or OverflowException)
        {
            return null; // truncated or corrupt: rebuilt from the model file
        }
    }

    /// <summary>Writes the model's cached form to <paramref name="cachePath"/> (<see cref="ModelCache.TryWrite"/>); false when it cannot.</summary>
    internal bool TryWriteCache(string cachePath, byte[] hash) =>
        ModelCache.TryWrite(cachePath, CacheKind, CacheVersion, hash, (header, block) =>
        {
            header.Write(Classes.Count);
            foreach (var c in Classes) header.Write(c);
            header.Write(Veto);
            header.Write(VetoEvent);
            header.Write(Propose);
            foreach (var b in _bias) header.Write(b);
            header.Write(_rows.Count);
            var names = new string[_rows.Count];
            foreach (var (name, row) in _rows) names[row] = name;
            foreach (var name in names) header.Write(name);
            block(MemoryMarshal.AsBytes(_weights.AsSpan()));
        });

    private static double Number(string path, int line, ReadOnlySpan<char> column)
    {
        var text = column.Trim();
        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && double.IsFinite(v)
            ? v
            : throw new DataFileException(path, line, $"'{text}' is not a number");
    }

    /// <summary>Writes the model (features in ordinal order, weights to 4 significant digits), with a header saying what made it.</summary>
    public void Save(string path, IEnumerable<string> header)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(header);
        var text = new StringBuilder();
        foreach (var line in header) text.Append("# ").Append(line).Append('\n');
        text.Append("@classes\t").AppendJoin('\t', Classes).Append('\n');
        text.Append("@veto\t").Append(Format(Veto)).Append('\n');
        text.Append("@veto-event\t").Append(Format(VetoEvent)).Append('\n');
        text.Append("@propose\t").Append(Format(Propose)).Append('\n');
        Row(text, "@bias", _bias);
        foreach (var (name, row) in _rows.OrderBy(p => p.Key, StringComparer.Ordinal)) Row(text, name, Row(row));
        var directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (!string.IsNullOrEmpty(directory)) Directory.CreateDirectory(directory);
        File.WriteAllText(path + ".tmp", text.ToString(), new UTF8Encoding(false));
        File.Move(path + ".tmp", path, overwrite: true);
    }

    private static void Row(StringBuilder text, string name, ReadOnlySpan<double> w)
    {
        text.Append(name);
        foreach (var v in w) text.Append('\t').Append(Format(v));
        text.Append('\n');
    }

    private static string Format(double v) => Math.Abs(v) < 5e-4 ? "0" : v.ToString("G4", CultureInfo.InvariantCulture);
}
