using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Dossier.Web.Tests;

/// <summary><c>POST /api/documents</c> with text, HTML or a URL to fetch, as JSON or as a form. Every test posts its
/// own text (the store is shared), and the URLs point at <see cref="UpstreamServer"/> on the loopback.</summary>
[Collection(WebCollection.Name)]
public class DocumentSubmissionTests(WebAppFixture fixture, UpstreamServer upstream) : IClassFixture<UpstreamServer>
{
    [Fact]
    public async Task PostDocument_FormUrlEncodedText_Is201AndTheDocumentIsRetrievable()
    {
        using var client = fixture.CreateClient(WebAppFixture.Token);
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["text"] = "The mayor of Valletta, Carmen Vella, opened the new ferry terminal in Malta on Wednesday. Vella said the harbour would handle twice as many passengers.",
            ["title"] = "Valletta opens ferry terminal",
            ["published"] = "2024-05-08",
            ["url"] = "https://news.example/valletta-ferry",
            ["html"] = "",
        });

        var response = await client.PostAsync("/api/documents", form);

        var created = await Http.JsonAsync(response, HttpStatusCode.Created);
        var id = created.GetProperty("id").GetString()!;
        Assert.True(created.GetProperty("created").GetBoolean());
        Assert.Equal($"/api/documents/{id}", response.Headers.Location?.OriginalString);
        var document = (await client.GetJsonAsync($"/api/documents/{id}")).GetProperty("document");
        Assert.Equal("Valletta opens ferry terminal", document.GetProperty("title").GetString());
        Assert.Equal("2024-05-08", document.GetProperty("published").GetString());
        Assert.Equal("https://news.example/valletta-ferry", document.GetProperty("source").GetString());
        Assert.StartsWith("The mayor of Valletta", document.GetProperty("text").GetString());
    }

    [Fact]
    public async Task PostDocument_MultipartHtml_Is201WithThePageTitleAndDateAndOnlyTheArticleText()
    {
        using var client = fixture.CreateClient(WebAppFixture.Token);
        using var form = new MultipartFormDataContent
        {
            { new StringContent(UpstreamServer.Page("Glacier survey", UpstreamServer.GlacierParagraphs, "2023-09-14")), "html" },
        };

        var created = await Http.JsonAsync(await client.PostAsync("/api/documents", form), HttpStatusCode.Created);

        var document = (await client.GetJsonAsync($"/api/documents/{created.GetProperty("id").GetString()}")).GetProperty("document");
        Assert.Equal("Glacier survey", document.GetProperty("title").GetString());
        Assert.Equal("2023-09-14", document.GetProperty("published").GetString());
        Assert.Equal("api", document.GetProperty("source").GetString());
        var text = document.GetProperty("text").GetString()!;
        Assert.StartsWith("Swiss glaciologists led by Petra Huber", text);
        Assert.Contains("lost three percent of its volume", text);
        AssertNoBoilerplate(text);
    }

    [Fact]
    public async Task PostDocument_MultipartHtmlAsAFilePart_Is201WithTheArticleText()
    {
        using var client = fixture.CreateClient(WebAppFixture.Token);
        var page = new ByteArrayContent(Encoding.UTF8.GetBytes(UpstreamServer.Page("Orchard harvest", UpstreamServer.OrchardParagraphs)));
        page.Headers.ContentType = new MediaTypeHeaderValue("text/html");
        using var form = new MultipartFormDataContent { { page, "html", "page.html" } };

        var created = await Http.JsonAsync(await client.PostAsync("/api/documents", form), HttpStatusCode.Created);

        var document = (await client.GetJsonAsync($"/api/documents/{created.GetProperty("id").GetString()}")).GetProperty("document");
        Assert.Equal("Orchard harvest", document.GetProperty("title").GetString());
        Assert.StartsWith("Apple growers in Normandy", document.GetProperty("text").GetString());
    }

    [Fact]
    public async Task PostDocument_JsonHtmlWithTitleAndPublished_TheRequestWinsOverThePageAndUrlIsTheLink()
    {
        using var client = fixture.CreateClient(WebAppFixture.Token);
        var body = new
        {
            html = UpstreamServer.Page("Rail strike (page title)", UpstreamServer.RailParagraphs, "2022-01-01"),
            title = "Rail strike halts trains",
            published = "2022-03-15",
            url = "https://news.example/rail-strike",
        };

        var created = await Http.JsonAsync(await client.PostAsJsonAsync("/api/documents", body), HttpStatusCode.Created);

        var document = (await client.GetJsonAsync($"/api/documents/{created.GetProperty("id").GetString()}")).GetProperty("document");
        Assert.Equal("Rail strike halts trains", document.GetProperty("title").GetString());
        Assert.Equal("2022-03-15", document.GetProperty("published").GetString());
        Assert.Equal("https://news.example/rail-strike", document.GetProperty("source").GetString());
        Assert.StartsWith("Train drivers in Lyon", document.GetProperty("text").GetString());
        AssertNoBoilerplate(document.GetProperty("text").GetString()!);
    }

    [Fact]
    public async Task PostDocument_UrlAlone_FetchesThePageIs201AndThen200()
    {
        using var client = fixture.CreateClient(WebAppFixture.Token);
        var url = new Uri(upstream.BaseAddress, "/article").AbsoluteUri;

        var created = await Http.JsonAsync(await client.PostAsJsonAsync("/api/documents", new { url }), HttpStatusCode.Created);

        var id = created.GetProperty("id").GetString()!;
        var document = (await client.GetJsonAsync($"/api/documents/{id}")).GetProperty("document");
        Assert.Equal(UpstreamServer.ArticleTitle, document.GetProperty("title").GetString());
        Assert.Equal("2021-06-30", document.GetProperty("published").GetString());
        Assert.Equal(url, document.GetProperty("source").GetString());
        Assert.StartsWith("Fishermen in Tromsø", document.GetProperty("text").GetString());
        AssertNoBoilerplate(document.GetProperty("text").GetString()!);

        using var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["url"] = url });
        var again = await Http.JsonAsync(await client.PostAsync("/api/documents", form), HttpStatusCode.OK);
        Assert.Equal(id, again.GetProperty("id").GetString());
        Assert.False(again.GetProperty("created").GetBoolean());
    }

    [Fact]
    public async Task PostDocument_UrlOfAFeed_Is400AndNothingIsStored()
    {
        using var client = fixture.CreateClient(WebAppFixture.Token);
        var url = new Uri(upstream.BaseAddress, "/feed").AbsoluteUri;

        var problem = await Http.ProblemAsync(await client.PostAsJsonAsync("/api/documents", new { url }), HttpStatusCode.BadRequest);

        var detail = OneLine(problem);
        Assert.Contains("feed of 2 items", detail);
        Assert.Contains("dossier ingest", detail);
        Assert.Empty(Http.Items(await client.GetJsonAsync("/api/search?q=Zanzibarfeedword")));
        Assert.NotEmpty(Http.Items(await client.GetJsonAsync("/api/search?q=Lisbon"))); // search finds what is stored
    }

    [Fact]
    public async Task PostDocument_UrlThatAnswers404_Is502WithOneLineDetail()
    {
        using var client = fixture.CreateClient(WebAppFixture.Token);
        var url = new Uri(upstream.BaseAddress, "/missing").AbsoluteUri;

        var problem = await Http.ProblemAsync(await client.PostAsJsonAsync("/api/documents", new { url }), HttpStatusCode.BadGateway);

        Assert.Contains("404", OneLine(problem));
    }

    [Fact]
    public async Task PostDocument_UrlWithNothingListening_Is502WithOneLineDetail()
    {
        using var client = fixture.CreateClient(WebAppFixture.Token);
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();

        var problem = await Http.ProblemAsync(
            await client.PostAsJsonAsync("/api/documents", new { url = $"http://127.0.0.1:{port}/gone" }), HttpStatusCode.BadGateway);

        Assert.Contains("could not be fetched", OneLine(problem));
    }

    [Fact]
    public async Task PostDocument_UrlOfAPageWithoutAnArticle_Is400WithOneLineDetail()
    {
        using var client = fixture.CreateClient(WebAppFixture.Token);
        var url = new Uri(upstream.BaseAddress, "/menu").AbsoluteUri;

        var problem = await Http.ProblemAsync(await client.PostAsJsonAsync("/api/documents", new { url }), HttpStatusCode.BadRequest);

        Assert.Contains("no article text", OneLine(problem));
    }

    [Fact]
    public async Task PostDocument_HtmlWithoutAnArticle_Is400()
    {
        using var client = fixture.CreateClient(WebAppFixture.Token);

        var problem = await Http.ProblemAsync(
            await client.PostAsJsonAsync("/api/documents", new { html = UpstreamServer.MenuOnly }), HttpStatusCode.BadRequest);

        Assert.Contains("no article text", OneLine(problem));
    }

    [Fact]
    public async Task PostDocument_TextAndHtml_Is400()
    {
        using var client = fixture.CreateClient(WebAppFixture.Token);
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["text"] = "Two kinds of content at once.",
            ["html"] = "<p>Two kinds of content at once.</p>",
        });

        var problem = await Http.ProblemAsync(await client.PostAsync("/api/documents", form), HttpStatusCode.BadRequest);

        Assert.Contains("not both", OneLine(problem));
    }

    [Theory]
    [InlineData("application/json", "{\"title\": \"Only a title\"}")]
    [InlineData("application/json", "{\"text\": \"  \", \"html\": \"\", \"url\": \" \"}")]
    [InlineData("application/x-www-form-urlencoded", "title=Only+a+title&published=2020-01-01")]
    [InlineData("application/x-www-form-urlencoded", "text=&html=&url=")]
    [InlineData("application/x-www-form-urlencoded", "")]
    public async Task PostDocument_NoTextHtmlOrUrl_Is400(string contentType, string body)
    {
        using var client = fixture.CreateClient(WebAppFixture.Token);
        using var content = new StringContent(body, Encoding.UTF8, contentType);

        var problem = await Http.ProblemAsync(await client.PostAsync("/api/documents", content), HttpStatusCode.BadRequest);

        Assert.Contains("'url' alone", OneLine(problem));
    }

    [Theory]
    [InlineData("ftp://news.example/report.html")]
    [InlineData("javascript:alert(1)")]
    [InlineData("/relative/path")]
    [InlineData("file:///etc/passwd")]
    [InlineData("news.example/report.html")]
    public async Task PostDocument_UrlToFetchNotHttp_Is400(string url)
    {
        using var client = fixture.CreateClient(WebAppFixture.Token);

        var problem = await Http.ProblemAsync(await client.PostAsJsonAsync("/api/documents", new { url }), HttpStatusCode.BadRequest);

        Assert.Contains("http://", OneLine(problem));
    }

    [Fact]
    public async Task PostDocument_FormFieldGivenTwice_Is400()
    {
        using var client = fixture.CreateClient(WebAppFixture.Token);
        using var content = new StringContent("text=one&text=two", Encoding.UTF8, "application/x-www-form-urlencoded");

        var problem = await Http.ProblemAsync(await client.PostAsync("/api/documents", content), HttpStatusCode.BadRequest);

        Assert.Contains("more than once", OneLine(problem));
    }

    [Fact]
    public async Task PostDocument_MultipartWithoutBoundary_Is400()
    {
        using var client = fixture.CreateClient(WebAppFixture.Token);
        using var content = new StringContent("text=hello", Encoding.UTF8);
        content.Headers.ContentType = new MediaTypeHeaderValue("multipart/form-data");

        await Http.ProblemAsync(await client.PostAsync("/api/documents", content), HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task PostDocument_FormWithoutToken_Is401BeforeTheBodyIsRead()
    {
        using var client = fixture.CreateClient();
        using var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["url"] = "ftp://news.example/" });

        await Http.ProblemAsync(await client.PostAsync("/api/documents", form), HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task PostDocument_UnsupportedContentType_Is401WithoutTokenAnd415WithIt()
    {
        using var anonymous = fixture.CreateClient();
        using var client = fixture.CreateClient(WebAppFixture.Token);
        using var plain = new StringContent("text=hello", Encoding.UTF8, "text/plain");

        await Http.ProblemAsync(await anonymous.PostAsync("/api/documents", plain), HttpStatusCode.Unauthorized);
        var problem = await Http.ProblemAsync(await client.PostAsync("/api/documents", plain), HttpStatusCode.UnsupportedMediaType);

        Assert.Contains("multipart/form-data", OneLine(problem));
    }

    [Fact]
    public async Task PostDocument_FormBodiesOverASmallLimit_Are413Problems()
    {
        var (app, address) = await WebAppFixture.StartAsync(new DossierWebOptions(fixture.DbPath) { ApiToken = WebAppFixture.Token, MaxRequestBodyBytes = 1024 });
        await using (app)
        {
            using var client = new HttpClient { BaseAddress = address };
            client.DefaultRequestHeaders.Authorization = new("Bearer", WebAppFixture.Token);
            var text = string.Concat(Enumerable.Repeat("The committee met again. ", 200));

            using var urlEncoded = new FormUrlEncodedContent(new Dictionary<string, string> { ["text"] = text });
            using var sized = new HttpRequestMessage(HttpMethod.Post, "/api/documents") { Content = urlEncoded };
            sized.Headers.ExpectContinue = true;
            var problem = await Http.ProblemAsync(await client.SendAsync(sized), HttpStatusCode.RequestEntityTooLarge);
            Assert.Contains("1024 bytes", problem.GetProperty("detail").GetString());

            using var multipart = new MultipartFormDataContent { { new StringContent(text), "text" } };
            using var chunked = new StreamContent(await multipart.ReadAsStreamAsync());
            chunked.Headers.ContentType = multipart.Headers.ContentType;
            using var unsized = new HttpRequestMessage(HttpMethod.Post, "/api/documents") { Content = chunked };
            unsized.Headers.TransferEncodingChunked = true;
            await Http.ProblemAsync(await client.SendAsync(unsized), HttpStatusCode.RequestEntityTooLarge);

            await app.StopAsync();
        }
    }

    [Fact]
    public async Task OpenApi_PostDocument_AcceptsJsonAndBothFormTypes()
    {
        using var client = fixture.CreateClient();

        var json = await client.GetJsonAsync("/openapi/v1.json");

        var content = json.GetProperty("paths").GetProperty("/api/documents").GetProperty("post").GetProperty("requestBody").GetProperty("content");
        Assert.True(content.TryGetProperty("application/json", out _));
        Assert.True(content.TryGetProperty("application/x-www-form-urlencoded", out _));
        Assert.True(content.TryGetProperty("multipart/form-data", out var form));
        var schema = form.GetProperty("schema");
        Assert.True(schema.GetProperty("properties").TryGetProperty("html", out _));
        Assert.False(schema.TryGetProperty("required", out var required) && required.GetArrayLength() > 0);
    }

    private static string OneLine(JsonElement problem)
    {
        var detail = problem.GetProperty("detail").GetString();
        Assert.False(string.IsNullOrWhiteSpace(detail));
        Assert.DoesNotContain('\n', detail);
        return detail;
    }

    private static void AssertNoBoilerplate(string text)
    {
        Assert.DoesNotContain("Subscribe", text);
        Assert.DoesNotContain("Weather", text);
        Assert.DoesNotContain("trackVisit", text);
        Assert.DoesNotContain("All rights reserved", text);
    }
}

/// <summary>A small web site on the loopback for the server to fetch: an article, a feed of two items, a page with
/// no article; anything else is 404.</summary>
public sealed class UpstreamServer : IAsyncLifetime
{
    public const string ArticleTitle = "Cod quotas cut in the Barents Sea";

    public const string GlacierParagraphs = """
        <p>Swiss glaciologists led by Petra Huber measured the Rhone Glacier again this week and found that it
           lost three percent of its volume since last summer, the largest loss on record.</p>
        <p>Huber told reporters in Bern that the ice had thinned by more than two metres near the tongue, where
           a tunnel for tourists has had to be moved twice in a decade.</p>
        <p>The Federal Office for the Environment said it would publish the full survey of all monitored glaciers
           in October, together with new projections for the next thirty years.</p>
        """;

    public const string OrchardParagraphs = """
        <p>Apple growers in Normandy expect the smallest harvest in twenty years after a late frost in April
           destroyed blossom across the region, the farmers' union said on Tuesday.</p>
        <p>Cider makers in Caen warned that prices could rise by a fifth, and several producers said they would
           buy fruit from Brittany to keep their presses running through the winter.</p>
        <p>The regional council promised emergency loans for orchards that lost more than half of their crop and
           asked the ministry of agriculture to declare a natural disaster.</p>
        """;

    public const string RailParagraphs = """
        <p>Train drivers in Lyon walked out on Monday morning, halting regional services across the Rhone valley
           as unions and the rail operator failed to agree on pay for night shifts.</p>
        <p>The union leader, Marc Dupont, said the strike would last until Thursday unless the company improved
           its offer, while commuters crowded onto buses and shared cars into the city.</p>
        <p>The transport minister urged both sides to return to talks and said a mediator had been appointed to
           meet them in Paris on Wednesday afternoon.</p>
        """;

    private const string FisheryParagraphs = """
        <p>Fishermen in Tromsø reacted angrily on Wednesday after Norway and Russia agreed to cut the cod quota in
           the Barents Sea by a fifth for next year, the third cut in a row.</p>
        <p>The Norwegian fisheries minister, Ingrid Solberg, said the scientists' advice left no choice, and that the
           stock had to be allowed to recover before the quota could be raised again.</p>
        <p>Boat owners in Finnmark said smaller crews would be sent out in the spring season and asked the
           government in Oslo for help to keep processing plants in the small harbours open.</p>
        """;

    public const string MenuOnly = """
        <!DOCTYPE html>
        <html><head><title>Menu</title></head>
        <body><nav><a href="/">Home</a> <a href="/news">News</a></nav></body></html>
        """;

    private const string Feed = """
        <?xml version="1.0" encoding="utf-8"?>
        <rss version="2.0">
          <channel>
            <title>Example wire</title>
            <link>https://news.example/</link>
            <description>Wire stories</description>
            <item>
              <title>Port reopens</title>
              <link>https://news.example/port</link>
              <description>The Zanzibarfeedword port reopened on Monday after repairs to the quay were finished.</description>
            </item>
            <item>
              <title>Ferry delayed</title>
              <link>https://news.example/ferry</link>
              <description>The Zanzibarfeedword ferry was delayed on Tuesday by high winds in the channel.</description>
            </item>
          </channel>
        </rss>
        """;

    private WebApplication? _app;

    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>A news page: navigation, a script and a footer around an article with a headline.</summary>
    public static string Page(string title, string paragraphs, string? published = null) => $$"""
        <!DOCTYPE html>
        <html lang="en">
        <head>
          <meta charset="utf-8">
          <title>{{title}} | Example News</title>
          <meta property="og:title" content="{{title}}">
          {{(published is null ? "" : $"<meta property=\"article:published_time\" content=\"{published}T08:00:00Z\">")}}
          <script>function trackVisit() { return 1; } trackVisit();</script>
        </head>
        <body>
          <header><nav><ul><li><a href="/">Home</a></li><li><a href="/weather">Weather</a></li><li><a href="/subscribe">Subscribe</a></li></ul></nav></header>
          <main>
            <article>
              <h1>{{title}}</h1>
              {{paragraphs}}
            </article>
          </main>
          <footer><p>&copy; 2025 Example News. All rights reserved.</p></footer>
        </body>
        </html>
        """;

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        app.MapGet("/article", () => Results.Content(Page(ArticleTitle, FisheryParagraphs, "2021-06-30"), "text/html; charset=utf-8"));
        app.MapGet("/feed", () => Results.Content(Feed, "application/rss+xml; charset=utf-8"));
        app.MapGet("/menu", () => Results.Content(MenuOnly, "text/html; charset=utf-8"));
        app.MapGet("/internal-report", () => Results.Content(Page(FetchPolicyTests.InternalTitle, FetchPolicyTests.InternalParagraphs), "text/html; charset=utf-8"));
        app.MapGet("/redirect", (string to) => Results.Redirect(to));
        await app.StartAsync();
        _app = app;
        BaseAddress = new Uri(app.Urls.Single());
    }

    public async Task DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
    }
}
