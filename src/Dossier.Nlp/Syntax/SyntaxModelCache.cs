using Dossier.Nlp.Models;

namespace Dossier.Nlp.Syntax;

/// <summary>
/// The tagger's and parser's in-memory layout (feature tables, sparse pools, dense rows), written once into a cache file
/// and memory-mapped at the next start (the models score straight from the mapped blocks) instead of being built again
/// from the compressed model files: the largest part of a cold start (docs/evaluation.md, "Issue 15: the syntax layout
/// memory-mapped from a cache"). Mapping was chosen over reading the blocks into arrays by measurement: the copy into
/// fresh memory cost more than half of that load.
/// <para>
/// The file (<c>syntax-v{LayoutVersion}-{SHA-256 of the tagger and parser files}.bin</c>), its checks and its writing are
/// <see cref="ModelCache"/>'s, shared with the other cached models: a missing, stale, truncated or corrupt file is rebuilt
/// from the model files, never trusted; a cache folder that cannot be written costs nothing but the build in memory. The
/// lemmatizer (a few kilobytes) is always read from its file.
/// </para>
/// </summary>
internal static class SyntaxModelCache
{
    /// <summary>The layout's format: raised whenever <see cref="LinearModel"/>'s layout or this file's shape changes.</summary>
    public const int LayoutVersion = 2; // 2: the checksum is XXH3 (System.IO.Hashing)

    /// <summary>The kind of the cache files (<see cref="ModelCache"/>): <c>syntax-v2-….bin</c>, magic <c>DOSSIER-SYNTAX-LAYOUT</c>.</summary>
    internal const string Kind = "syntax";

    /// <summary>The folder of the cache (<see cref="ModelCache.DefaultDirectory"/>; null when it is off).</summary>
    public static string? DefaultDirectory => ModelCache.DefaultDirectory;

    /// <summary>The cache file for the models of <paramref name="modelDirectory"/> in <paramref name="cacheDirectory"/>, with their hash.</summary>
    public static (string Path, byte[] Hash) Locate(string modelDirectory, string cacheDirectory)
    {
        var hash = ModelCache.HashFiles(Sources(modelDirectory));
        return (ModelCache.PathOf(cacheDirectory, Kind, LayoutVersion, hash), hash);
    }

    /// <summary>The model files a layout is built from (the tagger and the parser).</summary>
    private static string[] Sources(string modelDirectory) =>
        [Path.Combine(modelDirectory, SyntaxModel.TaggerFileName), Path.Combine(modelDirectory, SyntaxModel.ParserFileName)];

    /// <summary>
    /// The model of <paramref name="modelDirectory"/>: its layout read from the cache in <paramref name="cacheDirectory"/>
    /// when a valid file is there, else loaded from the model files and its layout written to the cache (when it can be).
    /// </summary>
    /// <exception cref="ModelLoadException">A model file is missing, corrupt or of another format version (as <see cref="SyntaxModel.Load(string)"/>).</exception>
    public static SyntaxModel Load(string modelDirectory, string cacheDirectory) =>
        ModelCache.Load(
            cacheDirectory, Kind, LayoutVersion,
            Sources(modelDirectory),
            (path, hash) => TryRead(path, hash, modelDirectory),
            () => SyntaxModel.Load(modelDirectory),
            (model, path, hash) => TryWrite(model, path, hash));

    /// <summary>The cached model at <paramref name="path"/>, or null when the file is missing, stale, truncated or corrupt.</summary>
    internal static SyntaxModel? TryRead(string path, byte[] hash, string modelDirectory)
    {
        using var file = ModelCache.TryOpen(path, Kind, LayoutVersion, hash);
        if (file is null) return null;
        try
        {
            // The rows of a cached model (for Write, SameAs) come from the model files, loaded once when first asked for.
            var text = new Lazy<SyntaxModel>(() => SyntaxModel.Load(modelDirectory), LazyThreadSafetyMode.ExecutionAndPublication);
            using var reader = file.Header();
            var tagger = ReadTagger(reader, file.Block, file.Owner, () => text.Value.Tagger);
            var labels = ModelFile.ReadStrings(reader);
            var parserModel = LinearModel.ReadLayout(reader, file.Block, file.Owner, () => text.Value.Parser.Model);
            if (reader.BaseStream.Position != reader.BaseStream.Length || !file.AtEnd) return null;
            var lemmatizer = ModelFile.Read(Path.Combine(modelDirectory, SyntaxModel.LemmatizerFileName), Lemmatizer.Kind, Lemmatizer.Read);
            var model = new SyntaxModel(tagger, lemmatizer, new DependencyParser(labels, parserModel));
            file.Keep(); // now the models' to keep mapped
            return model;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidDataException or FormatException
                                      or ArgumentException or OverflowException or IndexOutOfRangeException or OutOfMemoryException
                                      or System.Text.DecoderFallbackException or NotSupportedException)
        {
            return null; // truncated or corrupt: rebuilt from the model files
        }
    }

    private static PosTagger ReadTagger(BinaryReader reader, Func<long, nint> block, object owner, Func<PosTagger> source)
    {
        var tags = ModelFile.ReadStrings(reader);
        var lexicon = TagLexicon.Read(reader);
        var model = LinearModel.ReadLayout(reader, block, owner, () => source().Model);
        var first = reader.ReadBoolean() ? ReadTagger(reader, block, owner, () => source().First ?? throw new InvalidDataException("the model file has no first-pass tagger")) : null;
        return new PosTagger(tags, lexicon, model, first);
    }

    private static void WriteTagger(BinaryWriter header, PosTagger tagger, Action<ReadOnlySpan<byte>> block)
    {
        ModelFile.WriteStrings(header, tagger.Tags);
        tagger.Lexicon.Write(header);
        tagger.Model.WriteLayout(header, block);
        header.Write(tagger.First is not null);
        if (tagger.First is not null) WriteTagger(header, tagger.First, block);
    }

    /// <summary>Writes the layout of <paramref name="model"/> to <paramref name="path"/> (a temporary file renamed into place); false when it cannot.</summary>
    internal static bool TryWrite(SyntaxModel model, string path, byte[] hash)
    {
        for (var t = model.Tagger; t is not null; t = t.First)
        {
            if (!t.Model.HasFileLayout) return false;
        }

        if (!model.Parser.Model.HasFileLayout) return false;

        // The header (strings, lexicons, sizes), then the blocks: references to the model's own arrays.
        return ModelCache.TryWrite(path, Kind, LayoutVersion, hash, (header, block) =>
        {
            WriteTagger(header, model.Tagger, block);
            ModelFile.WriteStrings(header, model.Parser.Labels);
            model.Parser.Model.WriteLayout(header, block);
        });
    }
}
