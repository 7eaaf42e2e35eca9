using Dossier.Core.Data;
using Dossier.Extraction.Events;
using Dossier.Extraction.Events.Scoring;
using Dossier.Nlp.Models;

namespace Dossier.Extraction.Tests.Events.Scoring;

/// <summary>The trigger model read through the cache folder (<see cref="TriggerModel.Load(string, string?)"/>, <see cref="ModelCache"/>).</summary>
public sealed class TriggerModelCacheTests
{
    private static readonly string[][] FeatureSets = [["l=strike"], ["l=chat", "unseen"], ["l=strike", "l=chat"], ["unseen"], []];

    private static TriggerModel Small(double strike = 3) => new(
        [TriggerModel.NoneClass, "ASSAULT", "CONSULT"],
        new Dictionary<string, double[]> { ["l=strike"] = [0, strike, 0.25], ["l=chat"] = [0.5, 0, 2.5], ["p=NOUN"] = [-0.125, 1, 0] },
        [1, -1, -1], 0.05, 0.4, 0.2);

    private static (string Root, string ModelPath, string Cache) Setup(TriggerModel model)
    {
        var root = Path.Combine(Path.GetTempPath(), "dossier-trigger-cache-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(root);
        var path = Path.Combine(root, TriggerModel.FileName);
        model.Save(path, ["written by a test"]);
        return (root, path, Path.Combine(root, "cache"));
    }

    /// <summary>The same classes, thresholds and probabilities (exactly) on the feature sets, and the same file when saved.</summary>
    private static void AssertSame(TriggerModel expected, TriggerModel actual, string root)
    {
        Assert.Equal(expected.Classes, actual.Classes);
        Assert.Equal((expected.Veto, expected.VetoEvent, expected.Propose), (actual.Veto, actual.VetoEvent, actual.Propose));
        Assert.Equal(expected.FeatureCount, actual.FeatureCount);
        foreach (var features in FeatureSets) Assert.Equal(expected.Probabilities(features), actual.Probabilities(features));
        var a = Path.Combine(root, "expected.tsv");
        var b = Path.Combine(root, "actual.tsv");
        expected.Save(a, ["saved"]);
        actual.Save(b, ["saved"]);
        Assert.Equal(File.ReadAllBytes(a), File.ReadAllBytes(b));
    }

    private static string CacheFile(string modelPath, string cache) =>
        ModelCache.PathOf(cache, TriggerModel.CacheKind, TriggerModel.CacheVersion, ModelCache.HashFiles([modelPath]));

    [Fact]
    public void Load_CacheMissing_WritesItAndReadsItBackAsTheSameModel()
    {
        var (root, path, cache) = Setup(Small());
        try
        {
            var fromFile = TriggerModel.Load(path);
            var first = TriggerModel.Load(path, cache);
            var cachePath = CacheFile(path, cache);
            Assert.True(File.Exists(cachePath));
            var cached = TriggerModel.TryReadCache(cachePath, ModelCache.HashFiles([path]));
            Assert.NotNull(cached);
            AssertSame(fromFile, first, root);
            AssertSame(fromFile, cached, root);
            AssertSame(fromFile, TriggerModel.Load(path, cache), root);
            AssertSame(fromFile.With(0.3, 0.1, 0.7), cached.With(0.3, 0.1, 0.7), root);
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [Fact]
    public void Load_ModelFileChanged_IgnoresTheStaleCacheAndCachesTheNewModel()
    {
        var (root, path, cache) = Setup(Small());
        try
        {
            TriggerModel.Load(path, cache);
            var stale = CacheFile(path, cache);
            Small(strike: 4).Save(path, ["retrained"]);
            var fresh = CacheFile(path, cache);
            Assert.NotEqual(stale, fresh);
            Assert.Null(TriggerModel.TryReadCache(stale, ModelCache.HashFiles([path])));
            var loaded = TriggerModel.Load(path, cache);
            AssertSame(TriggerModel.Load(path), loaded, root);
            Assert.NotEqual(Small().Probabilities(["l=strike"]), loaded.Probabilities(["l=strike"]));
            Assert.True(File.Exists(fresh));
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
        var (root, path, cache) = Setup(Small());
        try
        {
            TriggerModel.Load(path, cache);
            var cachePath = CacheFile(path, cache);
            var good = File.ReadAllBytes(cachePath);
            var bad = (byte[])good.Clone();
            if (damage == "flipped byte") bad[bad.Length / 2] ^= 0x01;
            File.WriteAllBytes(cachePath, damage switch { "truncated" => good[..(good.Length - 30)], "empty" => [], _ => bad });
            Assert.Null(TriggerModel.TryReadCache(cachePath, ModelCache.HashFiles([path])));
            AssertSame(TriggerModel.Load(path), TriggerModel.Load(path, cache), root);
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
        var (root, path, _) = Setup(Small());
        try
        {
            var file = Path.Combine(root, "not-a-folder");
            File.WriteAllText(file, "a file where the cache folder should be");
            AssertSame(TriggerModel.Load(path), TriggerModel.Load(path, Path.Combine(file, "cache")), root);
            Assert.False(Directory.Exists(Path.Combine(file, "cache")));
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [Fact]
    public void Load_ModelFileMissing_FailsAsWithoutCache()
    {
        var (root, path, cache) = Setup(Small());
        try
        {
            File.Delete(path);
            var e = Assert.Throws<DataFileException>(() => TriggerModel.Load(path, cache));
            Assert.Contains(path, e.Message, StringComparison.Ordinal);
            Assert.False(Directory.Exists(cache));
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [Fact]
    public void Load_ShippedModelThroughTheCache_IsTheModelOfTheFile()
    {
        var path = Path.Combine(EventLexicon.DefaultDirectory, TriggerModel.FileName);
        var root = Path.Combine(Path.GetTempPath(), "dossier-trigger-cache-" + Guid.NewGuid().ToString("N"));
        try
        {
            var fromFile = TriggerModel.Load(path);
            TriggerModel.Load(path, root); // writes the cache
            var cached = TriggerModel.TryReadCache(CacheFile(path, root), ModelCache.HashFiles([path]));
            Assert.NotNull(cached);
            AssertSame(fromFile, cached, root);
        }
        finally
        {
            if (Directory.Exists(root)) Directory.Delete(root, recursive: true);
        }
    }
}
