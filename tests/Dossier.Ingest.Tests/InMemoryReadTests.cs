using Dossier.Ingest;

namespace Dossier.Ingest.Tests;

public sealed class InMemoryReadTests
{
    private static readonly ReadOptions Options = new();

    [Fact]
    public void ReadRecord_TextTitleAndDate_GivesEnglishDocumentWithMetadata()
    {
        var result = DocumentReader.ReadRecord("posted", "The ministers met in Geneva on Tuesday and agreed to talk again.", "Talks", "2025-10-17", "https://example.org/a", Options);

        var document = Assert.IsType<Core.Documents.Document>(result.Document);
        Assert.Equal("Talks", document.Metadata.Title);
        Assert.Equal(new DateOnly(2025, 10, 17), document.Metadata.Published);
        Assert.Equal("https://example.org/a", document.Metadata.Url);
        Assert.True(document.IsEnglish);
        Assert.Null(result.FailureKind);
    }

    [Fact]
    public void ReadRecord_BadDate_FailsAsMalformedNamingTheValue()
    {
        var result = DocumentReader.ReadRecord("posted", "The ministers met.", null, "next week", null, Options);

        Assert.Null(result.Document);
        Assert.Equal(ReadFailureKind.Malformed, result.FailureKind);
        Assert.Contains("\"next week\"", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadRecord_BlankText_FailsAsEmpty()
    {
        var result = DocumentReader.ReadRecord("posted", "  \n ", null, null, null, Options);

        Assert.Equal(ReadFailureKind.Empty, result.FailureKind);
    }

    [Fact]
    public void ReadHtml_ArticlePage_GivesItsTextAndTitleWithoutAFile()
    {
        var paragraph = "The foreign ministers of the two countries met in Geneva on Tuesday to discuss the ceasefire and the exchange of prisoners.";
        var html = $"<!doctype html><html><head><title>Ministers meet</title></head><body><article><h1>Ministers meet</h1><p>{paragraph}</p><p>{paragraph}</p><p>{paragraph}</p></article></body></html>";

        var result = DocumentReader.ReadHtml("posted", html, null, Options);

        var document = Assert.IsType<Core.Documents.Document>(result.Document);
        Assert.Contains("Geneva", document.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadAsync_MissingFile_FailsAsNotFound()
    {
        var path = Path.Combine(Path.GetTempPath(), "dossier-missing-" + Guid.NewGuid().ToString("N") + ".txt");

        var results = new List<ReadResult>();
        await foreach (var result in DocumentReader.ReadAsync(path, Options))
        {
            results.Add(result);
        }

        Assert.Equal(ReadFailureKind.NotFound, Assert.Single(results).FailureKind);
    }
}
