using System.IO.Hashing;
using Dossier.Nlp.Syntax;

namespace Dossier.Nlp.Tests.Syntax;

/// <summary>The tagger's and parser's layout read from the cache folder (<see cref="SyntaxModelCache"/>).</summary>
public sealed class SyntaxModelCacheTests
{
    private static readonly string[][] Sentences =
    [
        ["The", "rebels", "attacked", "Kabul", "."],
        ["Police", "attacked", "the", "rebels", "in", "the", "city", "."],
        ["Ministers", "met", "the", "envoy", "on", "Tuesday", "and", "signed", "a", "ceasefire", "."],
    ];

    private static SyntaxModel Stacked()
    {
        var sentences = ConlluReader.Read(new StringReader(SyntaxTestData.Conllu), "tiny");
        return SyntaxTrainer.TrainModel(sentences, sentences, TextWriter.Null, SyntaxTestData.TinyOptions with { JackknifeFolds = 2, StackedTagger = true });
    }

    private static void AssertSameAnalyses(SyntaxModel expected, SyntaxModel actual)
    {
        foreach (var words in Sentences)
        {
            Assert.Equal(expected.Analyze(words), actual.Analyze(words));
        }
    }

    private static (string Models, string Cache, string Root) Setup(SyntaxModel model)
    {
        var root = SyntaxTestData.TempDirectory();
        var models = Path.Combine(root, "models");
        model.Save(models);
        return (models, Path.Combine(root, "cache"), root);
    }

    [Fact]
    public void Load_CacheMissing_WritesLayoutThatIsReadBackAsTheSameModel()
    {
        var model = Stacked();
        var (models, cache, root) = Setup(model);
        try
        {
            var first = SyntaxModel.Load(models, cache);
            var (path, hash) = SyntaxModelCache.Locate(models, cache);
            Assert.True(File.Exists(path));
            var cached = SyntaxModelCache.TryRead(path, hash, models);
            Assert.NotNull(cached);
            Assert.NotNull(cached.Tagger.First);
            AssertSameAnalyses(model, first);
            AssertSameAnalyses(model, cached);
            Assert.True(cached.SameAs(model)); // the rows come from the model files
            Assert.True(model.SameAs(SyntaxModel.Load(models, cache)));
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [Fact]
    public void Load_ModelFilesChanged_IgnoresTheStaleLayoutAndCachesTheNewModel()
    {
        var (models, cache, root) = Setup(Stacked());
        try
        {
            SyntaxModel.Load(models, cache);
            var (stale, _) = SyntaxModelCache.Locate(models, cache);
            SyntaxTestData.Tiny.Save(models);
            var (path, hash) = SyntaxModelCache.Locate(models, cache);
            Assert.NotEqual(stale, path);
            Assert.Null(SyntaxModelCache.TryRead(stale, hash, models));
            var loaded = SyntaxModel.Load(models, cache);
            Assert.True(loaded.SameAs(SyntaxTestData.Tiny));
            Assert.Null(loaded.Tagger.First);
            AssertSameAnalyses(SyntaxTestData.Tiny, loaded);
            var cached = SyntaxModelCache.TryRead(path, hash, models);
            Assert.NotNull(cached);
            AssertSameAnalyses(SyntaxTestData.Tiny, cached);
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    public static TheoryData<string> Damage => new() { "truncated", "empty", "bad magic", "bad version", "flipped byte", "byte appended" };

    [Theory]
    [MemberData(nameof(Damage))]
    public void Load_CacheFileDamaged_RejectsItAndRebuildsIt(string damage)
    {
        var model = Stacked();
        var (models, cache, root) = Setup(model);
        try
        {
            SyntaxModel.Load(models, cache);
            var (path, hash) = SyntaxModelCache.Locate(models, cache);
            var good = File.ReadAllBytes(path);
            var bad = damage switch
            {
                "truncated" => good[..(good.Length * 2 / 3)],
                "empty" => [],
                "bad magic" => Patched(good, 0, (byte)'X'),
                "bad version" => Patched(good, "DOSSIER-SYNTAX-LAYOUT\n".Length, 99),
                "flipped byte" => Patched(good, good.Length / 2, (byte)(good[good.Length / 2] ^ 0x10)),
                _ => [.. good, 0],
            };
            File.WriteAllBytes(path, bad);
            Assert.Null(SyntaxModelCache.TryRead(path, hash, models));
            var loaded = SyntaxModel.Load(models, cache);
            Assert.True(loaded.SameAs(model));
            AssertSameAnalyses(model, loaded);
            Assert.Equal(good, File.ReadAllBytes(path)); // rebuilt as it was
            Assert.NotNull(SyntaxModelCache.TryRead(path, hash, models));
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    private static byte[] Patched(byte[] bytes, int at, byte value)
    {
        var copy = (byte[])bytes.Clone();
        copy[at] = value;
        return copy;
    }

    [Fact]
    public void Load_CacheFolderUnwritable_BuildsInMemoryWithoutError()
    {
        var model = Stacked();
        var (models, _, root) = Setup(model);
        try
        {
            var file = Path.Combine(root, "not-a-folder");
            File.WriteAllText(file, "a file where the cache folder should be");
            var cache = Path.Combine(file, "cache");
            var loaded = SyntaxModel.Load(models, cache);
            Assert.True(loaded.SameAs(model));
            AssertSameAnalyses(model, loaded);
            Assert.False(Directory.Exists(cache));
            Assert.Equal(["not-a-folder", "models"], Directory.EnumerateFileSystemEntries(root).Select(Path.GetFileName).Order().Reverse());
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [Fact]
    public void Load_ModelFileMissing_ThrowsAsWithoutCache()
    {
        var (models, cache, root) = Setup(SyntaxTestData.Tiny);
        try
        {
            File.Delete(Path.Combine(models, SyntaxModel.ParserFileName));
            var e = Assert.Throws<ModelLoadException>(() => SyntaxModel.Load(models, cache));
            Assert.Equal(Path.Combine(models, SyntaxModel.ParserFileName), e.FilePath);
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [Fact]
    public void Checksum_SameBytesCutDifferently_IsTheSame_AndChangesWithAnyFlippedBitOrLength()
    {
        var bytes = new byte[1000];
        new Random(5).NextBytes(bytes);
        static ulong Of(byte[] data, params int[] cuts)
        {
            var checksum = new XxHash3(); // the cache file's checksum
            var at = 0;
            foreach (var cut in cuts.Append(data.Length))
            {
                checksum.Append(data.AsSpan(at, cut - at));
                at = cut;
            }

            return checksum.GetCurrentHashAsUInt64();
        }

        var whole = Of(bytes);
        Assert.Equal(whole, Of(bytes, 1, 33, 64, 65, 999));
        Assert.Equal(whole, Of(bytes, 500, 500, 531));
        foreach (var bit in new[] { 0, 7, 8 * 31, 8 * 32 + 3, 8 * 999 + 7 })
        {
            var flipped = (byte[])bytes.Clone();
            flipped[bit / 8] ^= (byte)(1 << (bit % 8));
            Assert.NotEqual(whole, Of(flipped));
        }

        Assert.NotEqual(whole, Of([.. bytes, 0]));
        Assert.NotEqual(whole, Of(bytes[..^1]));
    }

    [SkippableFact]
    public void Load_ShippedModelsFromCache_SameTagsLemmasAndHeadsAsFromModelFiles()
    {
        var models = Path.Combine(Dossier.Testing.SharedData.RepositoryRoot, "models");
        Skip.IfNot(File.Exists(Path.Combine(models, SyntaxModel.ParserFileName)), "models/ has no syntax models yet");
        var cache = SyntaxTestData.TempDirectory();
        try
        {
            var text = SyntaxModel.Load(models);
            SyntaxModel.Load(models, cache);
            var (path, hash) = SyntaxModelCache.Locate(models, cache);
            var cached = SyntaxModelCache.TryRead(path, hash, models);
            Assert.NotNull(cached);
            string[][] sentences =
            [
                .. Sentences,
                ["Protesters", "clashed", "with", "riot", "police", "outside", "the", "parliament", "in", "Nairobi", "on", "Friday", "."],
                ["The", "minister", ",", "who", "resigned", "last", "week", ",", "said", "she", "had", "been", "threatened", "."],
                ["Two", "soldiers", "were", "killed", "when", "their", "convoy", "hit", "a", "roadside", "bomb", "near", "the", "border", "."],
            ];
            foreach (var words in sentences)
            {
                Assert.Equal(text.Analyze(words), cached.Analyze(words));
            }
        }
        finally
        {
            Directory.Delete(cache, recursive: true);
        }
    }
}
