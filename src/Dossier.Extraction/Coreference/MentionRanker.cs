using System.IO.Compression;
using System.Text;

namespace Dossier.Extraction.Coreference;

/// <summary>
/// The mention-ranking model: a linear score over the hashed features of an (anaphor, candidate antecedent) pair
/// (<see cref="RankingFeatures"/>); "new entity" scores <see cref="Threshold"/>. Trained by <see cref="CorefTrainer"/> on GUM's train
/// documents, stored as <c>models/coref/ranking.bin.gz</c> (GZip: magic, version, table bits, threshold, the
/// semantic classes as key/value strings, then the non-zero weights as index/value pairs). Immutable and thread-safe after load.
/// </summary>
public sealed class MentionRanker
{
    /// <summary>The file name of the shipped model in <c>models/coref</c>.</summary>
    public const string FileName = "ranking.bin.gz";

    private const string Magic = "DOSSIER-COREF-RANKING\n";
    private const int Version = 1;
    private static readonly Lazy<MentionRanker> Shared = new(() => Load(Path.Combine(Core.Data.ModelDirectory.LocateFolder(CorefLexicon.FolderName, FileName), FileName)));

    private readonly float[] _weights;

    internal MentionRanker(int bits, float[] weights, float threshold = 0, IReadOnlyDictionary<string, string>? classes = null)
    {
        Bits = bits;
        _weights = weights;
        Threshold = threshold;
        Classes = classes ?? new Dictionary<string, string>(StringComparer.Ordinal);
    }

    /// <summary>The shipped model, loaded once per process.</summary>
    /// <exception cref="CorefModelLoadException">The file is missing or corrupt.</exception>
    public static MentionRanker Default => Shared.Value;

    /// <summary>Log2 of the weight table's size.</summary>
    public int Bits { get; }

    /// <summary>The score "new entity" has: a candidate must score above it to be linked (chosen on dev).</summary>
    public float Threshold { get; }

    /// <summary>
    /// Semantic classes learned from GUM's entity types: head lemma ("company") or name type ("#ORG") → the class its
    /// gold mentions mostly have ("organization").
    /// </summary>
    public IReadOnlyDictionary<string, string> Classes { get; }

    internal MentionRanker WithThreshold(float threshold) => new(Bits, _weights, threshold, Classes);

    internal int Mask => (1 << Bits) - 1;

    internal float[] Weights => _weights;

    internal float Score(ReadOnlySpan<int> features)
    {
        var s = 0f;
        foreach (var f in features) s += _weights[f];
        return s;
    }

    /// <summary>Writes the model (same weights, same bytes).</summary>
    public void Save(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (!string.IsNullOrEmpty(directory)) Directory.CreateDirectory(directory);
        var temp = path + ".tmp";
        using (var file = new FileStream(temp, FileMode.Create, FileAccess.Write))
        using (var gzip = new GZipStream(file, CompressionLevel.SmallestSize))
        using (var writer = new BinaryWriter(gzip, Encoding.UTF8))
        {
            writer.Write(Encoding.ASCII.GetBytes(Magic));
            writer.Write(Version);
            writer.Write(Bits);
            writer.Write(Threshold);
            writer.Write(Classes.Count);
            foreach (var (key, value) in Classes.OrderBy(c => c.Key, StringComparer.Ordinal))
            {
                writer.Write(key);
                writer.Write(value);
            }

            var nonZero = 0;
            foreach (var w in _weights) if (w != 0) nonZero++;
            writer.Write(nonZero);
            for (var i = 0; i < _weights.Length; i++)
            {
                if (_weights[i] == 0) continue;
                writer.Write(i);
                writer.Write(_weights[i]);
            }
        }

        File.Move(temp, path, overwrite: true);
    }

    /// <summary>Reads a model written by <see cref="Save"/>.</summary>
    /// <exception cref="CorefModelLoadException">The file is missing, of another kind or version, or corrupt.</exception>
    public static MentionRanker Load(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!File.Exists(path)) throw new CorefModelLoadException(path, "the model file does not exist");
        try
        {
            using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read);
            using var gzip = new GZipStream(file, CompressionMode.Decompress);
            using var reader = new BinaryReader(gzip, Encoding.UTF8);
            if (Encoding.ASCII.GetString(reader.ReadBytes(Magic.Length)) != Magic) throw new CorefModelLoadException(path, "not a Dossier coreference ranking model (bad magic header)");
            var version = reader.ReadInt32();
            if (version != Version) throw new CorefModelLoadException(path, $"model format version {version} is not supported (expected {Version})");
            var bits = reader.ReadInt32();
            if (bits is < 8 or > 26) throw new CorefModelLoadException(path, $"the model file is corrupt (table of 2^{bits} weights)");
            var threshold = reader.ReadSingle();
            if (!float.IsFinite(threshold)) throw new CorefModelLoadException(path, "the model file is corrupt (threshold)");
            var classCount = reader.ReadInt32();
            if (classCount is < 0 or > 1_000_000) throw new CorefModelLoadException(path, "the model file is corrupt (class count)");
            var classes = new Dictionary<string, string>(classCount, StringComparer.Ordinal);
            for (var i = 0; i < classCount; i++) classes[reader.ReadString()] = reader.ReadString();
            var weights = new float[1 << bits];
            var count = reader.ReadInt32();
            if (count < 0 || count > weights.Length) throw new CorefModelLoadException(path, "the model file is corrupt (weight count)");
            for (var i = 0; i < count; i++)
            {
                var index = reader.ReadInt32();
                if (index < 0 || index >= weights.Length) throw new CorefModelLoadException(path, "the model file is corrupt (weight index)");
                weights[index] = reader.ReadSingle();
            }

            if (gzip.ReadByte() != -1) throw new CorefModelLoadException(path, "the model file is corrupt (data after the weights)");
            return new MentionRanker(bits, weights, threshold, classes);
        }
        catch (Exception e) when (e is InvalidDataException or EndOfStreamException or IOException)
        {
            throw new CorefModelLoadException(path, $"the model file is corrupt or truncated ({e.Message})", e);
        }
    }
}

/// <summary>The coreference ranking model (<c>models/coref/ranking.bin.gz</c>) is missing or corrupt. The message names the file and how to rebuild it.</summary>
public sealed class CorefModelLoadException : Core.Errors.ModelFileException
{
    /// <summary>The command that rebuilds the model.</summary>
    public const string RebuildHint = "run `dossier train coref --data ../shared/data --out models/`";

    /// <summary>For <paramref name="path"/>, with the reason and the error behind it.</summary>
    public CorefModelLoadException(string path, string reason, Exception? inner = null)
        : base(path, $"{path}: {reason}. To rebuild the coreference model, {RebuildHint}", inner)
    {
    }
}
