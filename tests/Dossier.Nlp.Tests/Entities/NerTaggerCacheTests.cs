using System.IO.Compression;
using System.Text;
using Dossier.Nlp.Entities;
using Dossier.Nlp.Models;
using Dossier.Nlp.Syntax;
using Dossier.Testing;

namespace Dossier.Nlp.Tests.Entities;

/// <summary>The names tagger (weights, training names, word clusters) read through the cache folder (<see cref="NerModel.Load(string, string?)"/>, <see cref="ModelCache"/>).</summary>
public sealed class NerTaggerCacheTests
{
    // Written for these tests: a gazetteer of two names, five word clusters (one word twice: the first row counts) and
    // treebank sentences that give three words a proper-noun rate.
    private const string SmallGazetteer = "# name\tkind\tiso3\tpopulation\nOstrava\tCITY\tCZE\t280000\nNATO\tORG\t-\t0\n# end 2\n";
    private const string SmallClusters = "ostrava\t7\t2\t4\nharbour\t3\t1\t1\nquietly\t5\t1\t1\n0000s\t9\t3\t2\nostrava\t8\t2\t3\n# end 5\n";

    private static readonly string[][] Sentences =
    [
        ["The", "harbour", "of", "Ostrava", "closed", "quietly", "in", "the", "1990s", "."],
        ["Mira", "Kovac", "of", "NATO", "visited", "Ostrava", "Harbour", "Works", "."],
        ["OSTRAVA", "HARBOUR", "CLOSED"],
    ];

    private static readonly string[] Words = ["ostrava", "Ostrava", "harbour", "quietly", "1990s", "kovac", "unheard"];

    private static (string Root, string Models, string Cache) Setup()
    {
        var root = Path.Combine(Path.GetTempPath(), "dossier-tagger-cache-" + Guid.NewGuid().ToString("N"));
        var models = Path.Combine(root, "models");
        Directory.CreateDirectory(models);
        SmallModel(root).Save(models);
        return (root, models, Path.Combine(root, "cache"));
    }

    /// <summary>A tagger with a few rows of half-exact weights (they survive the file's half floats) over 2^8 buckets.</summary>
    private static NerModel SmallModel(string root, float lastWeight = -1f)
    {
        var gazetteerPath = Path.Combine(root, "gazetteer-source.tsv.gz");
        var clustersPath = Path.Combine(root, "clusters-source.tsv.gz");
        WriteGzip(gazetteerPath, SmallGazetteer);
        WriteGzip(clustersPath, SmallClusters);
        var linear = new NerLinearModel(8, NerTags.Count, [3, 17, 200, 255], [0, 2, 3, 5, 6], [0, 4, 1, 16, 2, 7], [1.5f, -0.25f, 2f, 0.5f, -1f, lastWeight]);
        var names = new NameList(new Dictionary<ulong, byte> { [0] = 2, [FeatureHash.LowerFolded("kovac")] = 1, [42] = 0, [ulong.MaxValue] = 8 }, 3);
        var clusters = WordClusters.Load(clustersPath).WithProperNouns(
            [(["Ostrava", "is", "big"], ["PROPN", "AUX", "ADJ"]), (["Ostrava", "is", "quietly", "big"], ["PROPN", "AUX", "ADV", "ADJ"]), (["quietly"], ["ADV"])]);
        return new NerModel(linear, names, Gazetteer.Load(gazetteerPath), clusters);
    }

    private static void WriteGzip(string path, string text)
    {
        using var file = File.Create(path);
        using var gzip = new GZipStream(file, CompressionLevel.Fastest);
        gzip.Write(Encoding.UTF8.GetBytes(text));
    }

    private static string TaggerPath(string models) => Path.Combine(models, NerModel.DirectoryName, NerModel.TaggerFileName);

    private static byte[] Hash(string models) => ModelCache.HashFiles([TaggerPath(models)]);

    private static string CacheFile(string models, string cache) => ModelCache.PathOf(cache, NerModel.TaggerCacheKind, NerModel.TaggerCacheVersion, Hash(models));

    /// <summary>Same model (<see cref="NerModel.SameAs"/>), same scores of every bucket, same look-ups and the same tags and margins over the sentences.</summary>
    private static void AssertSame(NerModel expected, NerModel actual)
    {
        Assert.True(expected.SameAs(actual));
        Assert.Equal(expected.Size, actual.Size);
        for (var b = 0; b < 1 << expected.Linear.Bits; b++)
        {
            float[] e = new float[NerTags.Count], a = new float[NerTags.Count];
            expected.Linear.Score([b, (b * 7) & 255], e);
            actual.Linear.Score([b, (b * 7) & 255], a);
            Assert.Equal(e, a);
        }

        foreach (var word in Words)
        {
            var h = FeatureHash.LowerFolded(word);
            Assert.Equal(expected.Clusters.Get(h), actual.Clusters.Get(h));
            Assert.Equal(expected.Clusters.ProperNounClass(h), actual.Clusters.ProperNounClass(h));
            Assert.Equal(expected.UsualCase(word), actual.UsualCase(word));
        }

        Assert.Equal(Describe(expected), Describe(actual));
    }

    private static string Describe(NerModel model)
    {
        var sentences = Sentences.Select(s => (IReadOnlyList<string>)s).ToList();
        var doc = new NerDocument(sentences, model.Gazetteer, model.Names, model.Clusters);
        var margins = sentences.Select(s => new float[s.Count]).ToArray();
        var tags = model.Tag(doc, margins);
        var named = new List<(int Start, int End, int Mask)>();
        var lines = new List<string>();
        for (var s = 0; s < sentences.Count; s++)
        {
            var hashes = sentences[s].Select(w => FeatureHash.LowerFolded(w)).ToArray();
            model.Names.Match(sentences[s], hashes, named);
            lines.Add($"{string.Join(",", tags[s])} | {string.Join(",", margins[s])} | {string.Join(",", named)} | "
                + string.Join(",", doc.Words[s].Select(w => $"{w.Cluster}/{w.Proper}/{w.ListPart}")));
        }

        return string.Join("\n", lines);
    }

    [Fact]
    public void Load_CacheMissing_WritesItAndReadsItBackAsTheSameTagger()
    {
        var (root, models, cache) = Setup();
        try
        {
            var fromFiles = NerModel.Load(models);
            var first = NerModel.Load(models, cache);
            Assert.True(File.Exists(CacheFile(models, cache)));
            var cached = NerModel.TryReadTaggerCache(CacheFile(models, cache), Hash(models), TaggerPath(models));
            Assert.NotNull(cached);
            var second = NerModel.Load(models, cache);
            AssertSame(fromFiles, first);
            AssertSame(fromFiles, second);
            Assert.True(fromFiles.Linear.SameAs(cached.Linear) && fromFiles.Names.SameAs(cached.Names) && fromFiles.Clusters.SameAs(cached.Clusters));
            Assert.Equal(0x04000000 | (8 << 8) | 3, cached.Clusters.Get(FeatureHash.LowerFolded("Ostrava"))); // the first row of a word counts
            Assert.Equal(5, cached.Clusters.ProperNounClass(FeatureHash.LowerFolded("ostrava")));
            Assert.Equal(fromFiles.Clusters.Entries, cached.Clusters.Entries); // the words, read from the tagger file

            // A cached model saves the same file; SameAs can fail.
            var again = Path.Combine(root, "again");
            second.Save(again);
            Assert.Equal(File.ReadAllBytes(TaggerPath(models)), File.ReadAllBytes(TaggerPath(again)));
            Assert.False(fromFiles.SameAs(SmallModel(root, lastWeight: -2f)));
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [Fact]
    public void Load_TaggerChanged_IgnoresTheStaleCacheAndCachesTheNewOne()
    {
        var (root, models, cache) = Setup();
        try
        {
            NerModel.Load(models, cache);
            var stale = CacheFile(models, cache);
            SmallModel(root, lastWeight: 4f).Save(models);
            Assert.NotEqual(stale, CacheFile(models, cache));
            Assert.Null(NerModel.TryReadTaggerCache(stale, Hash(models), TaggerPath(models)));
            var loaded = NerModel.Load(models, cache);
            AssertSame(NerModel.Load(models), loaded);
            var scores = new float[NerTags.Count];
            loaded.Linear.Score([255], scores);
            Assert.Equal(4f, scores[7]);
            Assert.True(File.Exists(CacheFile(models, cache)));
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [Theory]
    [InlineData(CacheDamage.Truncated)]
    [InlineData(CacheDamage.FlippedByte)]
    [InlineData(CacheDamage.Empty)]
    public void Load_CacheDamaged_RefusesItAndRebuildsIt(string damage)
    {
        var (root, models, cache) = Setup();
        try
        {
            NerModel.Load(models, cache);
            var cachePath = CacheFile(models, cache);
            var good = CacheDamage.Apply(cachePath, damage);
            Assert.Null(NerModel.TryReadTaggerCache(cachePath, Hash(models), TaggerPath(models)));
            AssertSame(NerModel.Load(models), NerModel.Load(models, cache));
            Assert.Equal(good, File.ReadAllBytes(cachePath)); // rebuilt as it was
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [Fact]
    public void Load_CacheFolderUnwritable_ReadsTheFilesWithoutError()
    {
        var (root, models, _) = Setup();
        try
        {
            var file = Path.Combine(root, "not-a-folder");
            File.WriteAllText(file, "a file where the cache folder should be");
            AssertSame(NerModel.Load(models), NerModel.Load(models, Path.Combine(file, "cache")));
            Assert.False(Directory.Exists(Path.Combine(file, "cache")));
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [Fact]
    public void Load_TaggerMissing_FailsAsWithoutCache()
    {
        var (root, models, cache) = Setup();
        try
        {
            File.Delete(TaggerPath(models));
            var e = Assert.Throws<NerModelLoadException>(() => NerModel.Load(models, cache));
            Assert.Contains(TaggerPath(models), e.Message, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [Fact]
    public void Load_ShippedTaggerThroughTheCache_TagsAsTheModelOfTheFiles()
    {
        var cache = Path.Combine(Path.GetTempPath(), "dossier-tagger-cache-" + Guid.NewGuid().ToString("N"));
        try
        {
            var fromFiles = NerModel.Load(SyntaxModel.DefaultDirectory);
            NerModel.Load(SyntaxModel.DefaultDirectory, cache); // writes the cache
            var cached = NerModel.Load(SyntaxModel.DefaultDirectory, cache);
            Assert.Single(Directory.GetFiles(cache, "names-v1-*.bin"));
            Assert.True(fromFiles.SameAs(cached));
            Assert.Equal(Describe(fromFiles), Describe(cached));
        }
        finally
        {
            if (Directory.Exists(cache)) Directory.Delete(cache, recursive: true);
        }
    }
}
