namespace Dossier.Ingest.Tests;

public sealed class DirectoryReadTests : IDisposable
{
    private readonly TestFiles _files = new();

    public void Dispose() => _files.Dispose();

    [Fact]
    public async Task Read_NestedDirectories_AllFilesInOrdinalPathOrder()
    {
        _files.Write("b/2.txt", "B two\n\nBody b2.");
        _files.Write("a.txt", "A\n\nBody a.");
        _files.Write("b/10.txt", "B ten\n\nBody b10.");
        _files.Write("b/c/deep.txt", "Deep\n\nBody deep.");
        _files.Write("B.txt", "Upper B\n\nBody upper B.");

        var results = await Reading.ReadAllAsync(_files.Root);

        Assert.All(results, r => Assert.True(r.Succeeded, r.Message));
        var expected = new[] { "B.txt", "a.txt", "b/10.txt", "b/2.txt", "b/c/deep.txt" }.Select(_files.PathOf).ToArray();
        Assert.Equal(expected, results.Select(r => r.Input).ToArray());
        Assert.Equal(new string?[] { "Upper B", "A", "B ten", "B two", "Deep" }, results.Select(r => r.Document!.Metadata.Title).ToArray());
    }

    [Fact]
    public async Task Read_HiddenFilesAndDirectories_AreSkipped()
    {
        _files.Write("visible.txt", "Visible\n\nBody.");
        _files.Write(".hidden.txt", "Hidden\n\nBody.");
        _files.Write(".git/config.txt", "Config\n\nBody.");
        _files.Write("sub/.DS_Store", [0, 1, 2, 3]);

        var results = await Reading.ReadAllAsync(_files.Root);

        var result = Assert.Single(results);
        Assert.Equal(_files.PathOf("visible.txt"), result.Input);
    }

    [Fact]
    public async Task Read_MixedFormats_EachFileDispatchedByItsKind()
    {
        _files.Write("1.txt", "Plain\n\nPlain body text of a report.");
        _files.Write("2.jsonl", "{\"text\":\"From JSON Lines.\",\"title\":\"J\"}\n");
        _files.Write("3.rss", FeedSamples.Rss);
        _files.Write("4.dat", FeedSamples.Atom);

        var results = await Reading.ReadAllAsync(_files.Root);

        Assert.All(results, r => Assert.True(r.Succeeded, r.Message));
        Assert.Equal(
            new string?[] { "Plain", "J", "Talks resume in Geneva", "Markets rally after rate cut", "Storm closes schools", "Court hears appeal" },
            results.Select(r => r.Document!.Metadata.Title).ToArray());
    }

    [Fact]
    public async Task Read_EmptyDirectory_OneFailure()
    {
        var result = await Reading.FailOneAsync(_files.Root);

        Assert.Equal(_files.Root, result.Input);
        Assert.Contains("no files", result.Error);
    }

    [Fact]
    public async Task Read_BadFileAmongGood_FailureInPlaceAndOthersRead()
    {
        _files.Write("a.txt", "A\n\nBody a.");
        _files.Write("b.txt", [0x00, 0x01, 0x02, 0x03]);
        _files.Write("c.txt", "C\n\nBody c.");

        var results = await Reading.ReadAllAsync(_files.Root);

        Assert.Equal([true, false, true], results.Select(r => r.Succeeded).ToArray());
        Assert.Equal(_files.PathOf("b.txt"), results[1].Input);
    }

    [Fact]
    public async Task Read_ConsumerStopsEarly_NoErrorAndFirstResultsInOrder()
    {
        for (var i = 0; i < 30; i++)
        {
            _files.Write($"{i:D2}.txt", $"Title {i}\n\nBody {i}.");
        }

        var seen = new List<string>();
        await foreach (var result in DocumentReader.ReadAsync(_files.Root, new ReadOptions()))
        {
            seen.Add(result.Document!.Metadata.Title!);
            if (seen.Count == 3)
            {
                break;
            }
        }

        Assert.Equal(["Title 0", "Title 1", "Title 2"], seen);
    }
}
