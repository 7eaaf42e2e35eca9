using System.IO.Compression;
using System.Text;
using Dossier.Core.Data;
using Dossier.Extraction.Places;
using Dossier.Nlp.Models;
using Dossier.Testing;

namespace Dossier.Extraction.Tests.Places;

/// <summary>The places gazetteer read through the cache folder (<see cref="PlaceGazetteer.Load"/> with a cache folder, <see cref="ModelCache"/>).</summary>
public sealed class PlaceGazetteerCacheTests
{
    private const string Small = "# written for this test\n"
        + "1\tcity\tPPL\tAA\t01\tNorth\t1.0\t2.0\t50000\tOld Town\tVieux Bourg|old-town\tNewtown|Altstadt\n"
        + "AA-01\tadmin1\t\tAA\t01\tNorth\t1.5\t2.5\t20000\tNorth\n"
        + "2\tcity\tPPLC\tAA\t01\tNorth\t-10\t2\t700000\tCapital City\tThe Capital\t\n"
        + "AA\tcountry\tAAA\tAA\t\t\t3\t4\t9000000\tAaland\tAa\n"
        + "3\tcity\tPPL\tAA\t01\tNorth\t5\t6\t10\tOld Town\t\tVieille Ville\n"
        + "# end 5\n";

    private static readonly string[] Names = ["Old Town", "old-town", "vieux bourg", "North", "Capital City", "the capital", "Aaland", "AA", "Nowhere"];

    private static (string Root, string Path, string Cache) Setup(string text)
    {
        var root = Path.Combine(Path.GetTempPath(), "dossier-places-cache-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(root);
        var path = Path.Combine(root, PlaceGazetteer.FileName);
        WriteGzip(path, text);
        return (root, path, Path.Combine(root, "cache"));
    }

    private static void WriteGzip(string path, string text)
    {
        using var file = File.Create(path);
        using var gzip = new GZipStream(file, CompressionLevel.Fastest);
        gzip.Write(Encoding.UTF8.GetBytes(text));
    }

    private static void AssertSame(PlaceGazetteer expected, PlaceGazetteer actual, IEnumerable<string> names)
    {
        Assert.True(expected.SameAs(actual));
        foreach (var name in names)
        {
            Assert.Equal(expected.Find(name), actual.Find(name)); // records: every column compared
            Assert.Equal(expected.FindAlternateAny(name), actual.FindAlternateAny(name));
        }

        Assert.Equal(expected.CapitalOf("AA"), actual.CapitalOf("AA"));
        Assert.Equal(expected.CountryByIso2("AA"), actual.CountryByIso2("AA"));
        Assert.Equal(expected.DivisionByCode("AA", "01"), actual.DivisionByCode("AA", "01"));
    }

    private static string CacheFile(string path, string cache) =>
        ModelCache.PathOf(cache, PlaceGazetteer.CacheKind, PlaceGazetteer.CacheVersion, ModelCache.HashFiles([path]));

    [Fact]
    public void Load_CacheMissing_WritesItAndReadsItBackAsTheSameGazetteer()
    {
        var (root, path, cache) = Setup(Small);
        try
        {
            var fromFile = PlaceGazetteer.Load(path);
            var first = PlaceGazetteer.Load(path, cacheDirectory: cache);
            var cached = PlaceGazetteer.TryReadCache(CacheFile(path, cache), ModelCache.HashFiles([path]));
            Assert.NotNull(cached);
            AssertSame(fromFile, first, Names);
            AssertSame(fromFile, cached, Names);
            Assert.Equal(2, cached.Find("old town").Count);
            Assert.Equal("Old Town", Assert.Single(cached.FindAlternate("altstadt")).Name);
            Assert.Equal(-10.0, cached.CapitalOf("AA")?.Latitude);
            var other = Path.Combine(root, "other.tsv.gz");
            WriteGzip(other, Small.Replace("50000", "50001", StringComparison.Ordinal));
            Assert.False(fromFile.SameAs(PlaceGazetteer.Load(other))); // SameAs can fail
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
            PlaceGazetteer.Load(path, cacheDirectory: cache);
            var stale = CacheFile(path, cache);
            WriteGzip(path, Small.Replace("# end 5", "4\tcity\tPPL\tAA\t01\tNorth\t7\t8\t99\tNew Port\n# end 6", StringComparison.Ordinal));
            Assert.NotEqual(stale, CacheFile(path, cache));
            Assert.Null(PlaceGazetteer.TryReadCache(stale, ModelCache.HashFiles([path])));
            var loaded = PlaceGazetteer.Load(path, cacheDirectory: cache);
            AssertSame(PlaceGazetteer.Load(path), loaded, [.. Names, "New Port"]);
            Assert.Equal("New Port", Assert.Single(loaded.Find("new port")).Name);
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
            PlaceGazetteer.Load(path, cacheDirectory: cache);
            var cachePath = CacheFile(path, cache);
            var good = CacheDamage.Apply(cachePath, damage);
            Assert.Null(PlaceGazetteer.TryReadCache(cachePath, ModelCache.HashFiles([path])));
            AssertSame(PlaceGazetteer.Load(path), PlaceGazetteer.Load(path, cacheDirectory: cache), Names);
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
            AssertSame(PlaceGazetteer.Load(path), PlaceGazetteer.Load(path, cacheDirectory: Path.Combine(file, "cache")), Names);
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
            var e = Assert.Throws<DataFileException>(() => PlaceGazetteer.Load(path, cacheDirectory: cache));
            Assert.Contains(path, e.Message, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [Fact]
    public void Load_ShippedGazetteerThroughTheCache_IsTheGazetteerOfTheFile()
    {
        var folder = ModelDirectory.LocateFolder("places", PlaceGazetteer.FileName);
        var path = Path.Combine(folder, PlaceGazetteer.FileName);
        var abbreviations = Path.Combine(folder, PlaceGazetteer.AbbreviationsFileName);
        var articles = Path.Combine(folder, PlaceGazetteer.ArticlesFileName);
        var cache = Path.Combine(Path.GetTempPath(), "dossier-places-cache-" + Guid.NewGuid().ToString("N"));
        try
        {
            var fromFile = PlaceGazetteer.Load(path, abbreviations, articles);
            PlaceGazetteer.Load(path, abbreviations, articles, cache); // writes the cache
            var cached = PlaceGazetteer.Load(path, abbreviations, articles, cache);
            AssertSame(fromFile, cached, ["Kyiv", "Washington", "St Petersburg", "Gosier", "Al Mukalla", "Bombay", "Antioch", "Paris", "Georgia", "Côte d'Ivoire"]);
        }
        finally
        {
            if (Directory.Exists(cache)) Directory.Delete(cache, recursive: true);
        }
    }
}
