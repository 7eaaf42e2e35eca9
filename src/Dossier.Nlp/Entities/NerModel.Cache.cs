using Dossier.Nlp.Models;

namespace Dossier.Nlp.Entities;

/// <summary>
/// The names tagger (weights, training names, word clusters) through the cache folder (<see cref="ModelCache"/>):
/// <c>names-v1-{SHA-256 of the tagger file}.bin</c> holds the weights as the model scores them (the bucket index, row
/// starts, classes and weights as floats) and the training names, word clusters and proper-noun rates as hash tables
/// (<see cref="UInt64Table"/>), all read in place from the mapped file: a start inflates, decodes and hashes nothing and
/// allocates no 8 MB bucket index (issue 15, cold start: docs/evaluation.md, "speed12"). The cluster words themselves
/// (for saving and training only) are read from the tagger file when first asked for.
/// </summary>
public sealed partial class NerModel
{
    internal const string TaggerCacheKind = "names";
    internal const int TaggerCacheVersion = 1;

    /// <summary>What the tagger file holds besides its header.</summary>
    internal sealed record Tagger(NerLinearModel Linear, NameList Names, WordClusters Clusters);

    /// <summary>The tagger file at <paramref name="path"/>, checked against this build's feature set and classes.</summary>
    /// <exception cref="NerModelLoadException">The file is missing, corrupt or of another format; the message names it.</exception>
    internal static Tagger ReadTagger(string path)
    {
        var tagger = NerFile.Read(path, Kind, reader =>
        {
            var features = reader.ReadInt32();
            if (features != FeatureSet) throw new InvalidDataException($"feature set {features}, this build expects {FeatureSet}");
            var classes = reader.ReadString();
            if (classes != string.Join(",", NerTags.Classes)) throw new InvalidDataException($"classes {classes}");
            return new Tagger(NerLinearModel.Read(reader), NameList.Read(reader), WordClusters.Read(reader));
        });
        if (tagger.Linear.Classes != NerTags.Count) throw new NerModelLoadException(path, $"the model has {tagger.Linear.Classes} tags, expected {NerTags.Count}");
        return tagger;
    }

    /// <summary>The tagger file at <paramref name="path"/> through the cache in <paramref name="cacheDirectory"/> (null: the file only).</summary>
    /// <exception cref="NerModelLoadException">The file is missing, corrupt or of another format; the message names it.</exception>
    internal static Tagger LoadTagger(string path, string? cacheDirectory) =>
        cacheDirectory is null
            ? ReadTagger(path)
            : ModelCache.Load(cacheDirectory, TaggerCacheKind, TaggerCacheVersion, [path], (cachePath, hash) => TryReadTaggerCache(cachePath, hash, path),
                () => ReadTagger(path), (tagger, cachePath, hash) => TryWriteTaggerCache(tagger, cachePath, hash));

    /// <summary>The tagger cached at <paramref name="cachePath"/> (its file at <paramref name="path"/>), or null when the cache is missing, stale or damaged.</summary>
    internal static Tagger? TryReadTaggerCache(string cachePath, byte[] hash, string path)
    {
        var file = ModelCache.TryOpen(cachePath, TaggerCacheKind, TaggerCacheVersion, hash);
        if (file is null) return null;
        try
        {
            using var r = file.Header();
            var linear = NerLinearModel.ReadLayout(r, file);
            var names = NameList.ReadLayout(r, file);
            var clusters = WordClusters.ReadLayout(r, file, () => ReadTagger(path).Clusters.Entries);
            if (r.BaseStream.Position != r.BaseStream.Length || !file.AtEnd || linear.Classes != NerTags.Count) return null;
            file.Keep(); // now the tagger's to keep mapped
            return new Tagger(linear, names, clusters);
        }
        catch (Exception e) when (e is IOException or InvalidDataException or EndOfStreamException or ArgumentException or OverflowException
                                      or IndexOutOfRangeException or OutOfMemoryException)
        {
            return null; // truncated or corrupt: read from the tagger file
        }
        finally
        {
            file.Dispose();
        }
    }

    /// <summary>Writes <paramref name="tagger"/> (read from its file) to <paramref name="cachePath"/>; false when it cannot.</summary>
    internal static bool TryWriteTaggerCache(Tagger tagger, string cachePath, byte[] hash) =>
        BitConverter.IsLittleEndian && ModelCache.TryWrite(cachePath, TaggerCacheKind, TaggerCacheVersion, hash, (header, block) =>
        {
            tagger.Linear.WriteLayout(header, block);
            tagger.Names.WriteLayout(header, block);
            tagger.Clusters.WriteLayout(header, block);
        });
}
