using Dossier.Ingest;

namespace Dossier.Fuzz.Tests;

/// <summary>
/// Property: a reader never throws. Every input, however broken, gives documents or failures, and every
/// failure carries a non-empty one-line reason. Inputs: random text with control characters, JSON Lines
/// with random fields and types, RSS/Atom and HTML fragments, random bytes, mutated and truncated,
/// written to temp files (read one by one and as a folder) or passed in memory.
/// Case counts: see <see cref="FuzzCases"/> (<c>DOSSIER_FUZZ_CASES</c> raises them).
/// </summary>
public sealed class ReaderFuzzTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "dossier-fuzz-" + Guid.NewGuid().ToString("N"));

    public ReaderFuzzTests() => Directory.CreateDirectory(_folder);

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task ReadAsync_RandomFiles_NeverThrowsAndEveryFailureHasAOneLineReason()
    {
        foreach (var seed in FuzzCases.Seeds(0x5EED_0001_0000, FuzzCases.DefaultSmall))
        {
            var r = new FuzzRandom(seed);
            var (bytes, extension) = FileGen.Any(r);
            var path = Path.Combine(_folder, $"case-{seed:X}{extension}");
            await File.WriteAllBytesAsync(path, bytes);
            await FuzzCases.CheckAsync(seed, Latin1(bytes), async () =>
            {
                var results = await ReadAllAsync(path);
                Assert.NotEmpty(results);
                AssertWellFormed(results);
            });
        }
    }

    [Fact]
    public async Task ReadAsync_FolderOfRandomFiles_NeverThrowsAndGivesAResultForEveryFile()
    {
        const ulong baseSeed = 0x5EED_0002_0000;
        var paths = new List<string>();
        foreach (var seed in FuzzCases.Seeds(baseSeed, 40))
        {
            var r = new FuzzRandom(seed);
            var (bytes, extension) = FileGen.Any(r);
            var path = Path.Combine(_folder, $"case-{seed:X}{extension}");
            await File.WriteAllBytesAsync(path, bytes);
            paths.Add(path);
        }

        await FuzzCases.CheckAsync(baseSeed, _folder, async () =>
        {
            var results = await ReadAllAsync(_folder);
            AssertWellFormed(results);
            foreach (var path in paths)
            {
                Assert.Contains(results, x => x.Input.StartsWith(path, StringComparison.Ordinal));
            }
        });
    }

    [Fact]
    public void ReadRecord_RandomFields_NeverThrowsAndEveryFailureHasAOneLineReason()
    {
        foreach (var seed in FuzzCases.Seeds(0x5EED_0003_0000, FuzzCases.DefaultSmall))
        {
            var r = new FuzzRandom(seed);
            var text = r.Chance(0.5) ? TextGen.NewsText(r, 6) : TextGen.Unicode(r, 400, controls: true, loneSurrogates: true);
            var title = r.Chance(0.5) ? TextGen.Unicode(r, 60, controls: true, loneSurrogates: true) : null;
            var published = r.Chance(0.5) ? r.Pick(new[] { "2024-03-12", "12 March 2024", "yesterday", "2024-02-30", "", " ", "9999-99-99", "Tue, 12 Mar 2024 10:00:00 GMT", TextGen.Unicode(r, 20, controls: true) }) : null;

            var url = r.Chance(0.5) ? r.Pick(new[] { "http://example.com/a", "", "not a url", "javascript:alert(1)", TextGen.Unicode(r, 30, controls: true) }) : null;
            FuzzCases.Check(seed, text, () =>
            {
                var result = DocumentReader.ReadRecord("record", text, title, published, url, new ReadOptions());
                AssertWellFormed([result]);
            });
        }
    }

    [Fact]
    public void ReadHtml_RandomPages_NeverThrowsAndEveryFailureHasAOneLineReason()
    {
        foreach (var seed in FuzzCases.Seeds(0x5EED_0004_0000, FuzzCases.DefaultSmall))
        {
            var r = new FuzzRandom(seed);
            var html = r.Chance(0.8) ? FileGen.Html(r) : TextGen.Unicode(r, 400, controls: true, loneSurrogates: true);
            var pageUrl = r.Chance(0.5) ? r.Pick(new[] { "http://example.com/news/1", "not a url", "", "file:///etc/passwd", "http://[::1]/" }) : null;
            FuzzCases.Check(seed, html, () =>
            {
                var result = DocumentReader.ReadHtml("page", html, pageUrl, new ReadOptions());
                AssertWellFormed([result]);
            });
        }
    }

    private static async Task<List<ReadResult>> ReadAllAsync(string path)
    {
        var results = new List<ReadResult>();
        await foreach (var result in DocumentReader.ReadAsync(path, new ReadOptions()))
        {
            results.Add(result);
        }

        return results;
    }

    /// <summary>Each result is a document or a failure with a non-empty one-line reason.</summary>
    private static void AssertWellFormed(IEnumerable<ReadResult> results)
    {
        foreach (var result in results)
        {
            Assert.False(string.IsNullOrEmpty(result.Input), "a result names no input");
            if (result.Succeeded)
            {
                Assert.NotNull(result.Document);
                Assert.Null(result.Error);
            }
            else
            {
                Assert.NotNull(result.FailureKind);
                Assert.False(string.IsNullOrWhiteSpace(result.Error), $"{result.Input}: a failure without a reason");
                Assert.True(result.Error!.IndexOfAny(['\n', '\r', '\u2028', '\u2029', '\u0085']) < 0, $"{result.Input}: the reason is not one line: {FuzzCases.Escape(result.Error)}");
            }
        }
    }

    /// <summary>The bytes shown one character per byte, for the failure message.</summary>
    private static string Latin1(byte[] bytes) => System.Text.Encoding.Latin1.GetString(bytes);
}
