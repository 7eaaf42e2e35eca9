using System.Net;

namespace Dossier.Web.Tests;

[Collection(WebCollection.Name)]
public class PageTests(WebAppFixture fixture)
{
    private readonly HttpClient _client = fixture.CreateClient();

    [Fact]
    public async Task Home_Get_ShowsSearchBoxAndRecentDocuments()
    {
        var response = await _client.GetAsync("/");
        var html = await Http.HtmlAsync(response);

        Assert.Contains("<form action=\"/search\"", html);
        Assert.Contains(WebAppFixture.SummitTitle, html);
        Assert.Contains($"href=\"/documents/{fixture.DocumentIds[1]}\"", html);
        Assert.Contains("default-src 'none'", response.Headers.GetValues("Content-Security-Policy").Single());
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
    }

    [Fact]
    public async Task DocumentPage_Meeting_HighlightsEntitiesTimesValuesAndEventsWithLinks()
    {
        var html = await Http.HtmlAsync(await _client.GetAsync($"/documents/{fixture.DocumentIds[0]}"));

        Assert.Contains("<a href=\"/entities/Maria%20Santos\"><mark class=\"ent-PERSON\" title=\"PERSON: Maria Santos\">Maria Santos</mark></a>", html);
        Assert.Contains("<mark class=\"ent-GPE\"", html);
        Assert.Contains("<mark class=\"time-DATE\" title=\"DATE: 2025-10-13\">Monday</mark>", html);
        Assert.Contains("<mark class=\"val-MONEY\" title=\"MONEY: 2500000 USD\">$2.5 million</mark>", html);
        Assert.Matches("<a href=\"#event-v\\d+\"><mark class=\"evt status-occurred\" title=\"CONSULT \\(occurred\\)\">met</mark></a>", html);
        Assert.Matches("<li id=\"event-v\\d+\"><span class=\"tag\">CONSULT</span>", html);
    }

    [Fact]
    public async Task DocumentPage_ScriptAndJavascriptLinks_RenderInert()
    {
        var html = await Http.HtmlAsync(await _client.GetAsync($"/documents/{fixture.DocumentIds[2]}"));

        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("href=\"javascript:", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<a href=\"javascript", html, StringComparison.OrdinalIgnoreCase);
        // The digits inside are marked as numbers (CARDINAL); the markup around them is text.
        Assert.Contains("&lt;script&gt;alert(", html);
        Assert.Contains(")&lt;/script&gt;", html);
        Assert.Contains("&lt;a href=&quot;javascript:alert(", html);
        Assert.Contains(")&quot;&gt;full statement&lt;/a&gt;", html);
        Assert.Contains("open javascript:alert(", html);
        Assert.Contains("<title>Council statement &lt;script&gt;alert(1)&lt;/script&gt; · Dossier</title>", html);
    }

    [Fact]
    public async Task DocumentPage_PostedWithJavascriptUrl_ShowsTheUrlAsTextOnly()
    {
        using var writer = fixture.CreateClient(WebAppFixture.Token);
        var response = await writer.PostAsync("/api/documents", new StringContent(
            "{\"title\": \"Harbour reopens\", \"published\": \"2019-05-05\", \"url\": \"javascript:alert(4)\", \"text\": \"The harbour of Gdansk reopened on Monday after repairs.\"}",
            System.Text.Encoding.UTF8, "application/json"));
        var id = (await Http.JsonAsync(response, HttpStatusCode.Created)).GetProperty("id").GetString();

        var html = await Http.HtmlAsync(await _client.GetAsync($"/documents/{id}"));

        Assert.Contains("javascript:alert(4)", html);
        Assert.DoesNotContain("href=\"javascript:", html, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task EntityPage_Santos_ShowsAliasesRolesTimelineAndConnectedActors()
    {
        var html = await Http.HtmlAsync(await _client.GetAsync("/entities/Maria%20Santos"));

        Assert.Contains("<h1>Maria Santos</h1>", html);
        Assert.Contains("<h2>Aliases</h2><ul class=\"aliases\"><li>Santos</li></ul>", html);
        Assert.Contains("<td>Finance Minister (PRT)</td><td>current</td><td>2025-10-13 to 2025-10-13</td>", html);
        Assert.Contains("<h2>Timeline</h2>", html);
        Assert.Contains("2031-03-03", html);
        Assert.Contains("<h2>Connected actors</h2><ul class=\"list connected\">", html);
        Assert.Contains("Friedrich Merz</a>", html);
        Assert.Contains(WebAppFixture.SummitTitle, html);
        Assert.Contains("<li><span class=\"tag kind\">name</span><strong>Maria Santos</strong>", html);
    }

    [Fact]
    public async Task AgendaPage_FromAPastDay_ListsThePlannedSummit()
    {
        var html = await Http.HtmlAsync(await _client.GetAsync("/agenda?from=2030-01-01"));

        Assert.Contains("<strong>2031-03-03</strong>", html);
        Assert.Contains("<span class=\"tag status-planned\">planned</span>", html);
        Assert.Contains("Maria Santos will host a summit with Friedrich Merz in Lisbon on March 3, 2031.", html);
    }

    [Fact]
    public async Task EventsPage_Filters_AreAGetFormAndFilter()
    {
        var html = await Http.HtmlAsync(await _client.GetAsync("/events?status=planned"));

        Assert.Contains("<form class=\"filters\" action=\"/events\" method=\"get\">", html);
        Assert.Contains("<option value=\"planned\" selected>", html);
        Assert.Contains("status-planned", html);
        Assert.DoesNotContain("status-occurred\">", html);

        await Http.HtmlAsync(await _client.GetAsync("/events?from=someday"), HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task NetworkPage_Get_DrawsAnSvgWithLinkedActors()
    {
        var html = await Http.HtmlAsync(await _client.GetAsync("/network"));

        Assert.Contains("<svg class=\"network\"", html);
        Assert.Matches("<a href=\"/entities/\\d+\"><circle", html);
        Assert.Contains(">Maria Santos</text>", html);
    }

    [Fact]
    public async Task SearchPage_Words_MarksTheHits()
    {
        var html = await Http.HtmlAsync(await _client.GetAsync("/search?q=summit"));

        Assert.Contains("<mark>summit</mark>", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains(WebAppFixture.SummitTitle, html);
        await Http.HtmlAsync(await _client.GetAsync("/search?q=AND%20("), HttpStatusCode.BadRequest);
    }

    [Theory]
    [InlineData("/documents/0123456789abcdef0123456789abcdef")]
    [InlineData("/entities/Nobody%20Atall")]
    [InlineData("/no/such/page")]
    public async Task Page_Unknown_Is404Html(string path)
    {
        var html = await Http.HtmlAsync(await _client.GetAsync(path), HttpStatusCode.NotFound);

        Assert.Contains("<h1>Not found</h1>", html);
    }

    [Fact]
    public async Task Stylesheet_Get_IsServedAsCss()
    {
        var response = await _client.GetAsync("/assets/site.css");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/css", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains(".ent-PERSON", await response.Content.ReadAsStringAsync());
    }
}
