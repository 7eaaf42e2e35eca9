using System.Net;
using System.Text.RegularExpressions;

namespace Dossier.Web.Tests;

/// <summary>One corpus event: its API resource, its page, and the links that lead to it.</summary>
[Collection(WebCollection.Name)]
public class EventPageTests(WebAppFixture fixture)
{
    private readonly HttpClient _client = fixture.CreateClient();

    private async Task<long> PlannedSummitIdAsync()
    {
        var page = await _client.GetJsonAsync("/api/events?actor=Maria%20Santos&status=planned&from=2031-01-01");
        return Assert.Single(Http.Items(page)).GetProperty("id").GetInt64();
    }

    [Fact]
    public async Task EventApi_KnownId_ReturnsTheEventWithActorsAndReports()
    {
        var id = await PlannedSummitIdAsync();

        var e = await _client.GetJsonAsync($"/api/events/{id}");

        Assert.Equal(id, e.GetProperty("id").GetInt64());
        Assert.Equal(("planned", "2031-03-03"), (e.GetProperty("status").GetString(), e.GetProperty("day").GetString()));
        Assert.Equal("Maria Santos", e.GetProperty("source")[0].GetProperty("name").GetString());
        var report = Assert.Single(e.GetProperty("evidence").EnumerateArray());
        Assert.Equal(fixture.DocumentIds[1], report.GetProperty("documentId").GetString());
    }

    [Theory]
    [InlineData("/api/events/99999999")]
    [InlineData("/api/events/0")]
    [InlineData("/api/events/-4")]
    [InlineData("/api/events/summit")]
    public async Task EventApi_UnknownOrMalformedId_Is404Problem(string path)
    {
        var problem = await Http.ProblemAsync(await _client.GetAsync(path), HttpStatusCode.NotFound);

        Assert.Equal("No event has this id.", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task EventPage_PlannedSummit_ShowsFactsLinkedActorsAndTheReportWithItsTrigger()
    {
        var id = await PlannedSummitIdAsync();

        var html = await Http.HtmlAsync(await _client.GetAsync($"/events/{id}"));

        Assert.Matches("<h1>[A-Z_]+: Maria Santos → ", html);
        Assert.Matches("<tr><th scope=\"row\">Source</th><td><a href=\"/entities/\\d+\">Maria Santos</a></td></tr>", html);
        Assert.Contains("<span class=\"muted\">(TIMEX3 2031-03-03)</span>", html);
        Assert.Contains("<span class=\"tag status-planned\">planned</span>", html);
        Assert.Contains($"<a href=\"/documents/{fixture.DocumentIds[1]}\">{WebAppFixture.SummitTitle}</a>", html);
        Assert.Matches("<blockquote>[^<]*<strong>[^<]+</strong>[^<]*</blockquote>", html);
        Assert.Contains($"<a href=\"/api/events/{id}\">JSON</a>", html);
    }

    [Theory]
    [InlineData("/events/99999999")]
    [InlineData("/events/summit")]
    public async Task EventPage_UnknownOrMalformedId_Is404Page(string path)
    {
        var html = await Http.HtmlAsync(await _client.GetAsync(path), HttpStatusCode.NotFound);

        Assert.Contains("No event has this id.", html);
    }

    [Fact]
    public async Task EventsPage_EachEvent_LinksToItsPage()
    {
        var html = await Http.HtmlAsync(await _client.GetAsync("/events"));

        var links = Regex.Matches(html, "<a class=\"tag type\" href=\"(/events/\\d+)\">");
        Assert.NotEmpty(links);
        foreach (var link in links.Select(m => m.Groups[1].Value).Distinct())
        {
            Assert.Equal(HttpStatusCode.OK, (await _client.GetAsync(link)).StatusCode);
        }
    }

    [Fact]
    public async Task EventsPage_MinConfidence_HasTheFilterControlAndFiltersTheList()
    {
        var all = await Http.HtmlAsync(await _client.GetAsync("/events?minConfidence=0"));
        var none = await Http.HtmlAsync(await _client.GetAsync("/events?minConfidence=1"));

        Assert.Contains("name=\"minConfidence\"", all, StringComparison.Ordinal);
        Assert.Matches("<a class=\"tag type\" href=\"/events/\\d+\">", all);
        Assert.True(Regex.Matches(none, "<a class=\"tag type\" href=").Count <= Regex.Matches(all, "<a class=\"tag type\" href=").Count);
        Assert.Equal(HttpStatusCode.BadRequest, (await _client.GetAsync("/events?minConfidence=2")).StatusCode);
    }

    [Fact]
    public async Task DocumentPage_Summit_LinksItsEventToTheCorpusEventPage()
    {
        var id = await PlannedSummitIdAsync();

        var html = await Http.HtmlAsync(await _client.GetAsync($"/documents/{fixture.DocumentIds[1]}"));

        Assert.Contains($"<a href=\"/events/{id}\">event page</a>", html);
    }
}
