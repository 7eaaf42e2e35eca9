namespace Dossier.Ingest.Tests;

public sealed class HtmlReaderTests : IDisposable
{
    private const string Paragraphs = """
        <p>Ukraine's president met his US counterpart at the White House on Friday, seeking long-range
           missiles as the war enters its fourth winter.</p>
        <p>The two leaders spoke for more than two hours. Officials said the talks were &ldquo;productive&rdquo;
           but that no decision on the Tomahawk missiles had been made.</p>
        <p>On Thursday the US president held a long phone call with the Russian leader, after which he
           announced plans for a summit in Budapest within the next two weeks.</p>
        <p>European allies have urged Washington to keep up pressure on Moscow, warning that any pause in
           support would be exploited on the battlefield during the coming months.</p>
        """;

    private readonly TestFiles _files = new();

    public void Dispose() => _files.Dispose();

    private static string Page(string head, string articleExtra = "") => $$"""
        <!DOCTYPE html>
        <html lang="en">
        <head>
          <meta charset="utf-8">
          <title>Zelensky seeks missiles at White House | Example News</title>
          {{head}}
          <style>body { font-family: serif; }</style>
          <script>window.analytics = { track: function() {} };</script>
        </head>
        <body>
          <header><nav><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li><li><a href="/business">Business</a></li></ul></nav></header>
          <main>
            <article>
              <h1>Zelensky seeks missiles at White House</h1>
              {{articleExtra}}
              {{Paragraphs}}
            </article>
          </main>
          <footer><p>&copy; 2025 Example News. All rights reserved.</p></footer>
        </body>
        </html>
        """;

    [Fact]
    public async Task Read_ArticlePageWithMetaDate_TitleDateAndParagraphText()
    {
        var path = _files.Write("page.html", Page("""
            <meta property="og:title" content="Zelensky seeks missiles at White House">
            <meta property="article:published_time" content="2025-10-17T21:05:00-04:00">
            """));

        var document = await Reading.ReadOneAsync(path);

        Assert.Equal("Zelensky seeks missiles at White House", document.Metadata.Title);
        Assert.Equal(new DateOnly(2025, 10, 17), document.Metadata.Published);
        Assert.Equal(path, document.Metadata.Source);
        Assert.StartsWith("Ukraine's president met his US counterpart at the White House on Friday, seeking long-range missiles as the war enters its fourth winter.\n\nThe two leaders spoke", document.Text);
        Assert.Contains("talks were \u201Cproductive\u201D but", document.Text);
        Assert.EndsWith("exploited on the battlefield during the coming months.", document.Text);
        Assert.Equal(4, document.Text.Split("\n\n").Length);
        Assert.DoesNotContain("analytics", document.Text);
        Assert.DoesNotContain("All rights reserved", document.Text);
        Assert.Equal("en", document.Language);
    }

    [Fact]
    public async Task Read_DateOnlyInJsonLd_DateFound()
    {
        var path = _files.Write("page.htm", Page("""
            <script type="application/ld+json">
            {"@context":"https://schema.org","@graph":[{"@type":"WebPage"},{"@type":"NewsArticle","headline":"Zelensky seeks missiles","datePublished":"2025-10-16T10:00:00Z"}]}
            </script>
            """));

        var document = await Reading.ReadOneAsync(path);

        Assert.Equal(new DateOnly(2025, 10, 16), document.Metadata.Published);
    }

    [Fact]
    public async Task Read_DateOnlyInTimeElement_DateFound()
    {
        var path = _files.Write("page.html", Page("", "<p class=\"byline\">By A. Reporter, <time datetime=\"2025-10-15\">15 October</time></p>"));

        var document = await Reading.ReadOneAsync(path);

        Assert.Equal(new DateOnly(2025, 10, 15), document.Metadata.Published);
    }

    [Fact]
    public async Task Read_DateInNameDateMeta_DateFound()
    {
        var path = _files.Write("page.html", Page("<meta name=\"date\" content=\"2024-02-29\">"));

        var document = await Reading.ReadOneAsync(path);

        Assert.Equal(new DateOnly(2024, 2, 29), document.Metadata.Published);
    }

    [Fact]
    public async Task Read_NoDateAnywhere_DefaultPublishedUsed()
    {
        var path = _files.Write("page.html", Page(""));

        var document = await Reading.ReadOneAsync(path, new ReadOptions { DefaultPublished = new DateOnly(2025, 10, 17) });

        Assert.Equal(new DateOnly(2025, 10, 17), document.Metadata.Published);
    }

    [Fact]
    public async Task Read_UnknownExtensionWithDoctype_SniffedAsHtml()
    {
        var path = _files.Write("page.download", Page("<meta property=\"article:published_time\" content=\"2025-10-17\">"));

        var document = await Reading.ReadOneAsync(path);

        Assert.DoesNotContain("<p>", document.Text);
        Assert.Equal(new DateOnly(2025, 10, 17), document.Metadata.Published);
    }

    [Fact]
    public async Task Read_ShortNewsBrief_ReadThoughSmartReaderFlagsItUnreadable()
    {
        var path = _files.Write("brief.html", "<html><head><title>Council approves budget</title></head><body><p>The council voted on Monday to approve the new budget, which includes money for schools and roads.</p></body></html>");

        var document = await Reading.ReadOneAsync(path);

        Assert.Equal("Council approves budget", document.Metadata.Title);
        Assert.Equal("The council voted on Monday to approve the new budget, which includes money for schools and roads.", document.Text);
    }

    [Theory]
    [InlineData("<<<>>><div <p <<script>alert(1)</script>")]
    [InlineData("<html><body><nav><a href=\"/\">Home</a></nav></body></html>")]
    public async Task Read_HtmlWithoutArticleText_Failure(string html)
    {
        var path = _files.Write("scrap.html", html);

        var result = await Reading.FailOneAsync(path);

        Assert.Equal(Dossier.Core.Errors.DossierErrors.MalformedHtml, result.Error);
    }

    [Fact]
    public async Task Read_MalformedHtmlWithoutContent_Failure()
    {
        var path = _files.Write("broken.html", "<html><head><title>x</title><body><div><span><a href=\"/\">Home</a><div></span");

        var result = await Reading.FailOneAsync(path);

        Assert.Equal(Dossier.Core.Errors.DossierErrors.MalformedHtml, result.Error);
    }
}
