using System.Diagnostics;
using Dossier.Core.Errors;

namespace Dossier.Ingest.Tests;

public sealed class HttpReadTests : IDisposable
{
    private readonly LocalHttpServer _server = new();

    public void Dispose() => _server.Dispose();

    [Fact]
    public async Task Read_FeedUrl_OneDocumentPerItemNamedByUrl()
    {
        var url = _server.Add("world.rss", "application/rss+xml; charset=utf-8", FeedSamples.Rss);

        var results = await Reading.ReadAllAsync(url);

        Assert.Equal(2, results.Count);
        Assert.All(results, r => Assert.True(r.Succeeded, r.Message));
        Assert.Equal(url + "#item=1", results[0].Input);
        Assert.Equal("Talks resume in Geneva", results[0].Document!.Metadata.Title);
        Assert.Equal("https://news.example.com/2025/10/talks", results[0].Document!.Metadata.Url);
        Assert.Equal(new DateOnly(2025, 10, 16), results[1].Document!.Metadata.Published);
    }

    [Fact]
    public async Task Read_FeedServedAsGenericXml_ReadAsFeed()
    {
        var url = _server.Add("atom", "text/xml", FeedSamples.Atom);

        var results = await Reading.ReadAllAsync(url);

        Assert.Equal(2, results.Count);
        Assert.All(results, r => Assert.True(r.Succeeded, r.Message));
    }

    [Fact]
    public async Task Read_HtmlPageUrl_ReadAsArticle()
    {
        var paragraphs = string.Concat(Enumerable.Range(1, 6).Select(i =>
            $"<p>Paragraph {i} of the report: the council voted on Monday to approve the new budget, which includes money for schools, roads and the harbour.</p>"));
        var url = _server.Add("story", "text/html; charset=utf-8",
            $"<!DOCTYPE html><html><head><title>Council approves budget</title><meta property=\"article:published_time\" content=\"2025-03-04T10:00:00Z\"></head><body><article><h1>Council approves budget</h1>{paragraphs}</article></body></html>");

        var document = await Reading.ReadOneAsync(url);

        Assert.Equal("Council approves budget", document.Metadata.Title);
        Assert.Equal(url, document.Metadata.Source);
        Assert.Equal(new DateOnly(2025, 3, 4), document.Metadata.Published);
        Assert.StartsWith("Paragraph 1 of the report", document.Text);
        Assert.Equal(6, document.Text.Split("\n\n").Length);
    }

    [Fact]
    public async Task Read_JsonLinesUrlServedAsPlainText_ReadByExtension()
    {
        var url = _server.Add("reports.jsonl", "text/plain", "{\"text\":\"First report.\"}\n{\"text\":\"Second report.\"}\n");

        var results = await Reading.ReadAllAsync(url);

        Assert.Equal(new[] { url + "#line=1", url + "#line=2" }, results.Select(r => r.Input).ToArray());
        Assert.All(results, r => Assert.True(r.Succeeded, r.Message));
    }

    [Fact]
    public async Task Read_PlainTextUrl_HeadlineAndBody()
    {
        var url = _server.Add("story", "text/plain; charset=utf-8", "Headline\n\nThe body of a plain-text report served over HTTP.");

        var document = await Reading.ReadOneAsync(url);

        Assert.Equal("Headline", document.Metadata.Title);
        Assert.Equal("The body of a plain-text report served over HTTP.", document.Text);
        Assert.Equal(url, document.Metadata.Source);
    }

    [Fact]
    public async Task Read_NotFoundUrl_CouldNotBeFetchedWithStatus()
    {
        var url = _server.BaseUrl + "missing.rss";

        var result = await Reading.FailOneAsync(url);

        Assert.Equal(url, result.Input);
        Assert.Equal(DossierErrors.Unreachable("HTTP 404 Not Found"), result.Error);
    }

    [Fact]
    public async Task Read_UnreachableUrl_FailsFastWithReason()
    {
        var watch = Stopwatch.StartNew();

        var result = await Reading.FailOneAsync("http://127.0.0.1:1/", new ReadOptions { Timeout = TimeSpan.FromSeconds(10) });

        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5), $"took {watch.Elapsed}");
        Assert.Equal("http://127.0.0.1:1/", result.Input);
        Assert.StartsWith("could not be fetched (", result.Error);
        Assert.Contains("refused", result.Error);
    }

    [Fact]
    public async Task Read_SlowUrl_TimesOutWithMessage()
    {
        var url = _server.Add("slow.rss", "application/rss+xml", FeedSamples.Rss, delay: TimeSpan.FromSeconds(10));
        var watch = Stopwatch.StartNew();

        var result = await Reading.FailOneAsync(url, new ReadOptions { Timeout = TimeSpan.FromMilliseconds(300) });

        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5), $"took {watch.Elapsed}");
        Assert.Equal(DossierErrors.Unreachable("no answer within 0.3 s"), result.Error);
    }

    [Fact]
    public async Task Read_DownloadOverMaxBytes_TooLargeFailure()
    {
        var url = _server.Add("big.rss", "application/rss+xml", FeedSamples.Rss);

        var result = await Reading.FailOneAsync(url, new ReadOptions { MaxBytes = 100 });

        Assert.Equal(DossierErrors.TooLarge(System.Text.Encoding.UTF8.GetByteCount(FeedSamples.Rss), 100), result.Error);
    }
}
