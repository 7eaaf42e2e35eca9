using System.IO.Compression;
using System.Text;
using Dossier.Nlp.Entities;
using Dossier.Nlp.Models;
using Dossier.Nlp.Syntax;
using Dossier.Testing;

namespace Dossier.Nlp.Tests.Entities;

/// <summary>The named-entity gazetteer read through the cache folder (<see cref="Gazetteer.Load(string, string?)"/>, <see cref="ModelCache"/>).</summary>
public sealed class GazetteerCacheTests
{
    // Written for these tests: one name of two kinds, a name of three words, an acronym, a demonym, a name with a
    // diacritic, two spellings that fold to one key.
    private const string Small = "# name\tkind\tiso3\tpopulation\n"
        + "Georgia\tCOUNTRY\tGEO\t3700000\nGeorgia\tSTATE\tUSA\t10000000\nGeorgian\tDEMONYM\tGEO\t0\n"
        + "Port of Spain\tCAPITAL\tTTO\t37000\nNATO\tORG\t-\t0\nZürich\tCITY\tCHE\t420000\nSmall  Town\tCITY\tXXA\t900\nsmall town\tGPE\tXXA\t0\n# end 8\n";

    private static readonly string[] Names = ["Georgia", "georgian", "Port of Spain", "port  of spain", "NATO", "Nato", "Zürich", "zurich", "Small Town", "Nowhere"];

    private static readonly string[][] Sentences =
    [
        ["The", "NATO", "summit", "in", "Port", "of", "Spain", "met", "Georgian", "envoys", "."],
        ["Zürich", "and", "Georgia", "and", "Small", "Town", "and", "Nato"],
        ["georgia", "and", "port", "of", "spain", "in", "lower", "case"],
    ];

    private static (string Root, string Path, string Cache) Setup(string text)
    {
        var root = Path.Combine(Path.GetTempPath(), "dossier-gazetteer-cache-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(root);
        var path = Path.Combine(root, Gazetteer.FileName);
        WriteGzip(path, text);
        return (root, path, Path.Combine(root, "cache"));
    }

    private static void WriteGzip(string path, string text)
    {
        using var file = File.Create(path);
        using var gzip = new GZipStream(file, CompressionLevel.Fastest);
        gzip.Write(Encoding.UTF8.GetBytes(text));
    }

    private static string CacheFile(string path, string cache) =>
        ModelCache.PathOf(cache, Gazetteer.CacheKind, Gazetteer.CacheVersion, ModelCache.HashFiles([path]));

    private static void AssertSame(Gazetteer expected, Gazetteer actual)
    {
        Assert.True(expected.SameAs(actual));
        Assert.Equal(expected.Count, actual.Count);
        Assert.Equal(expected.MaxTokens, actual.MaxTokens);
        foreach (var name in Names) Assert.Equal(Describe(expected.Lookup(name)), Describe(actual.Lookup(name)));
        foreach (var sentence in Sentences)
        {
            foreach (var lowerOnly in new[] { false, true })
            {
                Assert.Equal(Matches(expected, sentence, lowerOnly), Matches(actual, sentence, lowerOnly));
            }
        }
    }

    private static string Describe(GazEntry? e) =>
        e is null ? "none" : $"{e.Kinds} {e.PlaceCountry} {e.PlaceRank} {e.Population} {e.DemonymCountry} {e.AcronymOnly}";

    private static string Matches(Gazetteer gazetteer, string[] words, bool lowerOnly)
    {
        var hashes = words.Select(w => FeatureHash.LowerFolded(w)).ToArray();
        var matches = new List<GazMatch>();
        gazetteer.Match(words, hashes, false, matches, lowerOnly);
        return string.Join(" ", matches.Select(m => $"{m.Start}-{m.End}:{Describe(m.Entry)}"));
    }

    [Fact]
    public void Load_CacheMissing_WritesItAndReadsItBackAsTheSameGazetteer()
    {
        var (root, path, cache) = Setup(Small);
        try
        {
            var fromFile = Gazetteer.Load(path);
            var first = Gazetteer.Load(path, cache);
            var cached = Gazetteer.TryReadCache(CacheFile(path, cache), ModelCache.HashFiles([path]), path);
            Assert.NotNull(cached);
            AssertSame(fromFile, first);
            AssertSame(fromFile, cached);
            Assert.Equal("GEO", cached.Lookup("georgia")?.PlaceCountry);
            Assert.True(cached.Lookup("nato")?.AcronymOnly);
            Assert.Contains("4-7:", Matches(cached, Sentences[0], false), StringComparison.Ordinal); // "Port of Spain", three words
            var other = Path.Combine(root, "other.tsv.gz");
            WriteGzip(other, Small.Replace("37000", "37001", StringComparison.Ordinal));
            Assert.False(fromFile.SameAs(Gazetteer.Load(other))); // SameAs can fail
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [Fact]
    public void Load_GazetteerChanged_IgnoresTheStaleCacheAndCachesTheNewOne()
    {
        var (root, path, cache) = Setup(Small);
        try
        {
            Gazetteer.Load(path, cache);
            var stale = CacheFile(path, cache);
            WriteGzip(path, Small.Replace("# end 8", "New Port\tCITY\tXXA\t5\n# end 9", StringComparison.Ordinal));
            Assert.NotEqual(stale, CacheFile(path, cache));
            Assert.Null(Gazetteer.TryReadCache(stale, ModelCache.HashFiles([path]), path));
            var loaded = Gazetteer.Load(path, cache);
            AssertSame(Gazetteer.Load(path), loaded);
            Assert.Equal(5, loaded.Lookup("new port")?.Population);
            Assert.True(File.Exists(CacheFile(path, cache)));
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [Theory]
    [InlineData("truncated")]
    [InlineData("flipped byte")]
    [InlineData("empty")]
    public void Load_CacheDamaged_RefusesItAndRebuildsIt(string damage)
    {
        var (root, path, cache) = Setup(Small);
        try
        {
            Gazetteer.Load(path, cache);
            var cachePath = CacheFile(path, cache);
            var good = CacheDamage.Apply(cachePath, damage);
            Assert.Null(Gazetteer.TryReadCache(cachePath, ModelCache.HashFiles([path]), path));
            AssertSame(Gazetteer.Load(path), Gazetteer.Load(path, cache));
            Assert.Equal(good, File.ReadAllBytes(cachePath)); // rebuilt as it was
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [Fact]
    public void Load_CacheFolderUnwritable_ReadsTheFileWithoutError()
    {
        var (root, path, _) = Setup(Small);
        try
        {
            var file = Path.Combine(root, "not-a-folder");
            File.WriteAllText(file, "a file where the cache folder should be");
            AssertSame(Gazetteer.Load(path), Gazetteer.Load(path, Path.Combine(file, "cache")));
            Assert.False(Directory.Exists(Path.Combine(file, "cache")));
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [Fact]
    public void Load_GazetteerMissing_FailsAsWithoutCache()
    {
        var (root, path, cache) = Setup(Small);
        try
        {
            File.Delete(path);
            var e = Assert.Throws<NerModelLoadException>(() => Gazetteer.Load(path, cache));
            Assert.Contains(path, e.Message, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [Fact]
    public void Load_ShippedNamesModelThroughTheCache_IsTheModelOfTheFiles()
    {
        var cache = Path.Combine(Path.GetTempPath(), "dossier-gazetteer-cache-" + Guid.NewGuid().ToString("N"));
        try
        {
            var fromFiles = NerModel.Load(SyntaxModel.DefaultDirectory);
            NerModel.Load(SyntaxModel.DefaultDirectory, cache); // writes the cache
            var cached = NerModel.Load(SyntaxModel.DefaultDirectory, cache);
            Assert.True(fromFiles.SameAs(cached));
            Assert.True(fromFiles.Gazetteer.SameAs(cached.Gazetteer));
            Assert.Single(Directory.GetFiles(cache, "gazetteer-v1-*.bin"));
        }
        finally
        {
            if (Directory.Exists(cache)) Directory.Delete(cache, recursive: true);
        }
    }
}
