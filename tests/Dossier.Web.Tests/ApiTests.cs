using System.Net;
using System.Text.Json;
using Dossier.Core.Serialization;
using Dossier.Storage.Sqlite;

namespace Dossier.Web.Tests;

[Collection(WebCollection.Name)]
public class ApiTests(WebAppFixture fixture)
{
    private readonly HttpClient _client = fixture.CreateClient();

    [Fact]
    public async Task Documents_List_ReturnsSummariesNewestFirst()
    {
        var page = await _client.GetJsonAsync("/api/documents");

        var items = Http.Items(page).ToList();
        Assert.True(items.Count >= 3);
        var titles = items.Select(i => i.GetProperty("title").GetString()).ToList();
        Assert.True(titles.IndexOf(WebAppFixture.SummitTitle) < titles.IndexOf(WebAppFixture.MeetingTitle));
        var first = items[0];
        foreach (var field in (string[])["id", "title", "source", "published", "language", "characters", "sentences", "tokens"])
        {
            Assert.True(first.TryGetProperty(field, out _), field);
        }
    }

    [Fact]
    public async Task Document_ById_IsTheDossierJsonAsTheSerializerWritesIt()
    {
        var id = fixture.DocumentIds[0];
        var response = await _client.GetAsync($"/api/documents/{id}");
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        await using var store = SqliteDocumentStore.Open(fixture.DbPath);
        Assert.Equal(DossierJson.Serialize((await store.GetAsync(id))!), body);
        var root = JsonDocument.Parse(body).RootElement;
        Assert.Equal("dossier/1", root.GetProperty("schema").GetString());
        Assert.Equal(id, root.GetProperty("document").GetProperty("id").GetString());
        Assert.Contains(root.GetProperty("entities").EnumerateArray(), e => e.GetProperty("name").GetString() == "Maria Santos");
        Assert.Contains(root.GetProperty("values").EnumerateArray(), v => v.GetProperty("type").GetString() == "MONEY");
    }

    [Theory]
    [InlineData("/api/documents/0123456789abcdef0123456789abcdef")]
    [InlineData("/api/documents/not-an-id")]
    [InlineData("/api/entities/999999")]
    [InlineData("/api/entities/Nobody%20Atall")]
    [InlineData("/api/timeline/999999")]
    [InlineData("/api/no-such-endpoint")]
    public async Task UnknownId_Get_Is404Problem(string path)
    {
        await Http.ProblemAsync(await _client.GetAsync(path), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Entities_FilteredByNameAndType_ReturnsTheActor()
    {
        var page = await _client.GetJsonAsync("/api/entities?q=santos&type=PERSON");

        var entity = Assert.Single(Http.Items(page));
        Assert.Equal("Maria Santos", entity.GetProperty("name").GetString());
        Assert.Equal("PERSON", entity.GetProperty("type").GetString());
        Assert.Equal(2, entity.GetProperty("documents").GetInt32());
        Assert.True(entity.GetProperty("id").GetInt64() > 0);
    }

    [Fact]
    public async Task Entity_ByIdOrName_ReturnsAliasesRolesDocumentsMentionsAndLatestEvents()
    {
        var byName = await _client.GetJsonAsync("/api/entities/Maria%20Santos");
        var id = byName.GetProperty("entity").GetProperty("id").GetInt64();
        var byId = await _client.GetJsonAsync($"/api/entities/{id}");

        Assert.Equal(byName.ToString(), byId.ToString());
        Assert.Contains(byId.GetProperty("aliases").EnumerateArray(), a => a.GetString() == "Santos");
        var role = Assert.Single(byId.GetProperty("roles").EnumerateArray());
        Assert.Equal("Finance Minister", role.GetProperty("title").GetString());
        Assert.Equal("current", role.GetProperty("status").GetString());
        Assert.Equal(2, byId.GetProperty("documents").GetArrayLength());
        Assert.True(byId.GetProperty("mentions").GetArrayLength() > 0);
        var latest = byId.GetProperty("latestEvents").EnumerateArray().ToList();
        Assert.Equal(byId.GetProperty("events").GetInt64(), latest.Count);
        Assert.All(latest, e => Assert.Contains(e.GetProperty("source").EnumerateArray().Concat(e.GetProperty("target").EnumerateArray()),
            a => a.GetProperty("entityId").ValueKind == System.Text.Json.JsonValueKind.Number && a.GetProperty("entityId").GetInt64() == id));
        Assert.Equal(latest.Select(e => e.GetProperty("day").GetString()).OrderDescending(StringComparer.Ordinal), latest.Select(e => e.GetProperty("day").GetString()));
    }

    [Fact]
    public async Task Events_Filtered_ReturnsMatchingEventsWithEvidence()
    {
        var page = await _client.GetJsonAsync("/api/events?actor=Maria%20Santos&status=planned&from=2031-01-01&to=2031-12-31");

        var e = Assert.Single(Http.Items(page));
        Assert.Equal("planned", e.GetProperty("status").GetString());
        Assert.Equal("2031-03-03", e.GetProperty("day").GetString());
        Assert.Equal("Maria Santos", e.GetProperty("source")[0].GetProperty("name").GetString());
        Assert.Contains("summit", e.GetProperty("evidence")[0].GetProperty("evidence").GetString());

        Assert.Empty(Http.Items(await _client.GetJsonAsync("/api/events?status=negated")));
        Assert.NotEmpty(Http.Items(await _client.GetJsonAsync("/api/events")));
    }

    [Fact]
    public async Task Events_MinConfidence_ListsOnlyEventsAtLeastThatConfident()
    {
        var all = Http.Items(await _client.GetJsonAsync("/api/events?minConfidence=0&limit=200")).ToList();
        var confidences = all.Select(e => e.GetProperty("confidence").GetDouble()).Order().ToList();
        Assert.NotEmpty(confidences);
        Assert.All(confidences, c => Assert.InRange(c, 0, 1));
        var median = confidences[confidences.Count / 2];

        var kept = Http.Items(await _client.GetJsonAsync("/api/events?limit=200&minConfidence=" + median.ToString(System.Globalization.CultureInfo.InvariantCulture))).ToList();

        Assert.Equal(confidences.Count(c => c >= median), kept.Count);
        Assert.All(kept, e => Assert.True(e.GetProperty("confidence").GetDouble() >= median));
        var pairs = Http.Items(await _client.GetJsonAsync("/api/network?minConfidence=1")).ToList();
        Assert.True(pairs.Count <= Http.Items(await _client.GetJsonAsync("/api/network?minConfidence=0")).Count());
    }

    [Theory]
    [InlineData("/api/events?minConfidence=1.5")]
    [InlineData("/api/events?minConfidence=high")]
    [InlineData("/api/network?minConfidence=-1")]
    [InlineData("/api/agenda?minConfidence=x")]
    [InlineData("/api/events?from=2025-13-01")]
    [InlineData("/api/events?to=yesterday")]
    [InlineData("/api/events?from=2025-10-20&to=2025-10-01")]
    [InlineData("/api/events?status=maybe")]
    [InlineData("/api/events?type=CON%3BSULT")]
    [InlineData("/api/agenda?from=03/03/2031")]
    [InlineData("/api/entities?type=PER%20SON%27")]
    [InlineData("/api/documents?limit=0")]
    [InlineData("/api/documents?limit=201")]
    [InlineData("/api/documents?limit=ten")]
    [InlineData("/api/documents?cursor=bogus")]
    [InlineData("/api/network?cursor=%2F%2F%2F")]
    [InlineData("/api/search")]
    [InlineData("/api/search?q=%20")]
    [InlineData("/api/search?q=AND%20(")]
    [InlineData("/api/search?q=%22unclosed")]
    public async Task BadQuery_Get_Is400Problem(string path)
    {
        var problem = await Http.ProblemAsync(await _client.GetAsync(path), HttpStatusCode.BadRequest);

        Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("detail").GetString()));
    }

    [Fact]
    public async Task Timeline_KnownActor_ReturnsTheEntityAndItsEventsInDateOrder()
    {
        var entity = await _client.GetJsonAsync("/api/entities/Maria%20Santos");
        var id = entity.GetProperty("entity").GetProperty("id").GetInt64();

        var timeline = await _client.GetJsonAsync($"/api/timeline/{id}");

        Assert.Equal("Maria Santos", timeline.GetProperty("entity").GetProperty("name").GetString());
        var days = Http.Items(timeline).Select(e => e.GetProperty("day").GetString()).ToList();
        Assert.NotEmpty(days);
        Assert.Contains("2031-03-03", days);
        Assert.Equal(days.OrderBy(d => d, StringComparer.Ordinal), days);
    }

    [Fact]
    public async Task Agenda_FromAPastDay_ListsThePlannedSummit()
    {
        var page = await _client.GetJsonAsync("/api/agenda?from=2030-01-01");

        var e = Assert.Single(Http.Items(page));
        Assert.Equal("planned", e.GetProperty("status").GetString());
        Assert.Equal("2031-03-03", e.GetProperty("date").GetString());

        Assert.Empty(Http.Items(await _client.GetJsonAsync("/api/agenda?from=2032-01-01")));
        Http.Items(await _client.GetJsonAsync("/api/agenda"));
    }

    [Fact]
    public async Task Network_ReturnsActorPairs()
    {
        var page = await _client.GetJsonAsync("/api/network");

        var pair = Assert.Single(Http.Items(page), p => p.GetProperty("source").GetProperty("name").GetString() == "Maria Santos");
        Assert.True(pair.GetProperty("events").GetInt32() >= 1);
        Assert.True(pair.GetProperty("target").GetProperty("entityId").GetInt64() > 0);
        Assert.True(pair.TryGetProperty("meanGoldstein", out _));
    }

    [Fact]
    public async Task Search_Words_ReturnsHitsWithSnippets()
    {
        var page = await _client.GetJsonAsync("/api/search?q=summit");

        var hit = Assert.Single(Http.Items(page));
        Assert.Equal(WebAppFixture.SummitTitle, hit.GetProperty("document").GetProperty("title").GetString());
        Assert.Contains("[summit]", hit.GetProperty("snippet").GetString(), StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("/api/documents")]
    [InlineData("/api/entities")]
    [InlineData("/api/search?q=Santos%20OR%20council%20OR%20summit")]
    public async Task Paging_LimitOne_GivesACursorAndTheNextPageDiffers(string path)
    {
        var separator = path.Contains('?') ? '&' : '?';
        var first = await _client.GetJsonAsync($"{path}{separator}limit=1");
        var cursor = first.GetProperty("nextCursor").GetString();
        Assert.False(string.IsNullOrEmpty(cursor));

        var second = await _client.GetJsonAsync($"{path}{separator}limit=1&cursor={Uri.EscapeDataString(cursor)}");

        var a = Assert.Single(Http.Items(first));
        var b = Assert.Single(Http.Items(second));
        Assert.NotEqual(a.ToString(), b.ToString());

        var all = await _client.GetJsonAsync($"{path}{separator}limit=200");
        Assert.Null(all.GetProperty("nextCursor").GetString());
    }
}
