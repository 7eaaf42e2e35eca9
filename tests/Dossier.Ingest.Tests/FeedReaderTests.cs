namespace Dossier.Ingest.Tests;

public sealed class FeedReaderTests : IDisposable
{
    private readonly TestFiles _files = new();

    public void Dispose() => _files.Dispose();

    [Fact]
    public async Task Read_Rss20File_OneDocumentPerItemWithTitleLinkDateAndContent()
    {
        var path = _files.Write("world.rss", FeedSamples.Rss);

        var results = await Reading.ReadAllAsync(path);

        Assert.Equal(2, results.Count);
        Assert.All(results, r => Assert.True(r.Succeeded, r.Message));
        var first = results[0].Document!;
        Assert.Equal("Talks resume in Geneva", first.Metadata.Title);
        Assert.Equal("https://news.example.com/2025/10/talks", first.Metadata.Url);
        Assert.Equal(path + "#item=1", first.Metadata.Source);
        Assert.Equal(path + "#item=1", results[0].Input);
        Assert.Equal(new DateOnly(2025, 10, 17), first.Metadata.Published); // the date as the publisher wrote it
        Assert.Equal("Diplomats from both sides met in Geneva on Thursday.\n\nThe talks will continue next week.", first.Text);

        var second = results[1].Document!;
        Assert.Equal("Markets rally after rate cut", second.Metadata.Title);
        Assert.Equal(new DateOnly(2025, 10, 16), second.Metadata.Published);
        Assert.Equal("Stocks rose sharply & bonds fell after the central bank cut rates.", second.Text);
        Assert.Equal(path + "#item=2", second.Metadata.Source);
    }

    [Fact]
    public async Task Read_AtomFile_OneDocumentPerEntryWithPublishedDate()
    {
        var path = _files.Write("regional.atom", FeedSamples.Atom);

        var results = await Reading.ReadAllAsync(path);

        Assert.Equal(2, results.Count);
        Assert.All(results, r => Assert.True(r.Succeeded, r.Message));
        Assert.Equal(new string?[] { "Storm closes schools", "Court hears appeal" }, results.Select(r => r.Document!.Metadata.Title).ToArray());
        Assert.Equal(new string?[] { "https://regional.example.org/storm", "https://regional.example.org/appeal" }, results.Select(r => r.Document!.Metadata.Url).ToArray());
        Assert.Equal(new DateOnly?[] { new DateOnly(2025, 10, 18), new DateOnly(2025, 10, 17) }, results.Select(r => r.Document!.Metadata.Published).ToArray());
        Assert.Equal("Heavy rain and high winds closed schools across the region on Saturday.", results[0].Document!.Text);
        Assert.Equal("The appeal court heard arguments from both parties on Friday.", results[1].Document!.Text);
    }

    [Fact]
    public async Task Read_XmlFileThatIsAFeed_ReadAsFeed()
    {
        var path = _files.Write("feed.xml", FeedSamples.Rss);

        var results = await Reading.ReadAllAsync(path);

        Assert.Equal(2, results.Count);
    }

    [Fact]
    public async Task Read_ItemWithoutDate_GetsDefaultPublished()
    {
        var path = _files.Write("nodate.rss", """
            <rss version="2.0"><channel><title>T</title><link>https://x.example/</link><description>D</description>
            <item><title>Undated</title><link>https://x.example/1</link><description>An item that carries no date.</description></item>
            </channel></rss>
            """);

        var document = await Reading.ReadOneAsync(path, new ReadOptions { DefaultPublished = new DateOnly(2025, 1, 2) });

        Assert.Equal(new DateOnly(2025, 1, 2), document.Metadata.Published);
    }

    [Fact]
    public async Task Read_MalformedFeed_OneFailure()
    {
        var path = _files.Write("broken.rss", "<rss version=\"2.0\"><channel><title>Broken</title><item><title>Unclosed");

        var result = await Reading.FailOneAsync(path);

        Assert.Equal(path, result.Input);
        Assert.Equal(Dossier.Core.Errors.DossierErrors.MalformedFeed, result.Error);
    }

    [Fact]
    public async Task Read_XmlThatIsNoFeed_OneFailure()
    {
        var path = _files.Write("data.xml", "<?xml version=\"1.0\"?><inventory><item sku=\"1\"/></inventory>");

        var result = await Reading.FailOneAsync(path);

        Assert.Equal(Dossier.Core.Errors.DossierErrors.MalformedFeed, result.Error);
    }

    [Fact]
    public async Task Read_FeedWithoutItems_OneFailure()
    {
        var path = _files.Write("empty.rss", "<rss version=\"2.0\"><channel><title>T</title><link>https://x.example/</link><description>D</description></channel></rss>");

        var result = await Reading.FailOneAsync(path);

        Assert.Equal(Dossier.Core.Errors.DossierErrors.EmptyFeed, result.Error);
    }
}
