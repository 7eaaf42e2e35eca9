using System.Diagnostics;
using Dossier.Testing;
using Xunit.Abstractions;

namespace Dossier.Ingest.Tests;

public sealed class BbcCorpusTests(ITestOutputHelper output)
{
    [SkippableFact]
    public async Task Read_BbcCorpus_EveryArticleReadWithTitleInEnglish()
    {
        var root = SharedData.Require("corpora/bbc");
        var expected = Directory.EnumerateFiles(root, "*.txt", SearchOption.AllDirectories).Count();
        Assert.Equal(1721, expected);

        var watch = Stopwatch.StartNew();
        var results = await Reading.ReadAllAsync(root);
        watch.Stop();
        output.WriteLine($"read {results.Count} results from {root} in {watch.ElapsedMilliseconds} ms");

        Assert.Equal(expected, results.Count);
        Assert.All(results, r => Assert.True(r.Succeeded, r.Message));
        Assert.All(results, r => Assert.False(string.IsNullOrWhiteSpace(r.Document!.Metadata.Title), $"{r.Input} has no title"));
        Assert.All(results, r => Assert.Equal("en", r.Document!.Language));
        Assert.Equal(results.Select(r => r.Input).Order(StringComparer.Ordinal), results.Select(r => r.Input));

        var first = results[0].Document!;
        Assert.Equal("Ad sales boost Time Warner profit", first.Metadata.Title);
        Assert.StartsWith("Quarterly profits at US media giant TimeWarner jumped 76%", first.Text);

        // sport/199.txt is Windows-1252 (a pound sign as the single byte 0xA3).
        var latin = results.Single(r => r.Input.EndsWith(Path.Combine("sport", "199.txt"), StringComparison.Ordinal)).Document!;
        Assert.Contains("\u00A315.8m", latin.Text);
    }
}
