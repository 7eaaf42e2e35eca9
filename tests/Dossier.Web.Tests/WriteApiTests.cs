using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace Dossier.Web.Tests;

[Collection(WebCollection.Name)]
public class WriteApiTests(WebAppFixture fixture)
{
    private static readonly object Report = new
    {
        title = "Envoy visits Oslo",
        published = "2020-01-02",
        url = "https://news.example/envoy",
        text = "The Norwegian foreign minister Anna Berg met the envoy of Sweden in Oslo on Thursday. Berg said the talks went well.",
    };

    [Fact]
    public async Task PostDocument_WithoutToken_IsRefusedWith401Problem()
    {
        using var client = fixture.CreateClient();

        var response = await client.PostAsJsonAsync("/api/documents", Report);

        await Http.ProblemAsync(response, HttpStatusCode.Unauthorized);
        Assert.Equal("Bearer", response.Headers.WwwAuthenticate.Single().Scheme);
    }

    [Fact]
    public async Task PostDocument_WrongToken_IsRefusedWith401Problem()
    {
        using var client = fixture.CreateClient("not-the-token");

        await Http.ProblemAsync(await client.PostAsJsonAsync("/api/documents", Report), HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task PostDocument_ServerWithoutToken_WriteEndpointsAreOff403Problem()
    {
        var (app, address) = await WebAppFixture.StartAsync(new DossierWebOptions(fixture.DbPath));
        await using (app)
        {
            using var client = new HttpClient { BaseAddress = address };
            client.DefaultRequestHeaders.Authorization = new("Bearer", WebAppFixture.Token);

            var problem = await Http.ProblemAsync(await client.PostAsJsonAsync("/api/documents", Report), HttpStatusCode.Forbidden);

            Assert.Contains(DossierWebOptions.ApiTokenVariable, problem.GetProperty("detail").GetString());
            await app.StopAsync();
        }
    }

    [Fact]
    public async Task PostDocument_WithToken_Is201AndTheDocumentIsRetrievable()
    {
        using var client = fixture.CreateClient(WebAppFixture.Token);

        var response = await client.PostAsJsonAsync("/api/documents", Report);

        var created = await Http.JsonAsync(response, HttpStatusCode.Created);
        var id = created.GetProperty("id").GetString()!;
        Assert.True(created.GetProperty("created").GetBoolean());
        Assert.Equal($"/api/documents/{id}", response.Headers.Location?.OriginalString);

        var document = await client.GetJsonAsync($"/api/documents/{id}");
        Assert.Equal("Envoy visits Oslo", document.GetProperty("document").GetProperty("title").GetString());
        Assert.Equal("2020-01-02", document.GetProperty("document").GetProperty("published").GetString());
        Assert.Equal("https://news.example/envoy", document.GetProperty("document").GetProperty("source").GetString());
        Assert.Contains(document.GetProperty("entities").EnumerateArray(), e => e.GetProperty("name").GetString() == "Anna Berg");

        var again = await Http.JsonAsync(await client.PostAsJsonAsync("/api/documents", Report), HttpStatusCode.OK);
        Assert.Equal(id, again.GetProperty("id").GetString());
        Assert.False(again.GetProperty("created").GetBoolean());
    }

    [Fact]
    public async Task PostDocument_BodyOverTheLimit_Is413Problem()
    {
        using var client = fixture.CreateClient(WebAppFixture.Token);
        var text = new string('a', (int)DossierWebOptions.DefaultMaxRequestBodyBytes);
        using var content = new StringContent(JsonSerializer.Serialize(new { text }), Encoding.UTF8, "application/json");
        // A client that sends a large body asks first (Expect: 100-continue): the server answers 413 without reading it.
        // Without that, a refused upload may end in a reset connection before the client reads the answer.
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/documents") { Content = content };
        request.Headers.ExpectContinue = true;

        await Http.ProblemAsync(await client.SendAsync(request), HttpStatusCode.RequestEntityTooLarge);
    }

    [Fact]
    public async Task PostDocument_ChunkedBodyOverTheLimit_Is413Problem()
    {
        using var client = fixture.CreateClient(WebAppFixture.Token);
        var text = new string('a', (int)DossierWebOptions.DefaultMaxRequestBodyBytes);
        using var content = new StreamContent(new MemoryStream(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(new { text }))));
        content.Headers.ContentType = new("application/json");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/documents") { Content = content };
        request.Headers.TransferEncodingChunked = true;

        await Http.ProblemAsync(await client.SendAsync(request), HttpStatusCode.RequestEntityTooLarge);
    }

    [Theory]
    [InlineData("{\"text\": ")]
    [InlineData("[1, 2]")]
    [InlineData("{\"title\": \"no text\"}")]
    [InlineData("{\"text\": \"   \"}")]
    [InlineData("{\"text\": \"Some words here.\", \"published\": \"the day after\"}")]
    public async Task PostDocument_BadBody_Is400Problem(string json)
    {
        using var client = fixture.CreateClient(WebAppFixture.Token);
        using var content = new StringContent(json, Encoding.UTF8, "application/json");

        await Http.ProblemAsync(await client.PostAsync("/api/documents", content), HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task PostDocument_NotJsonOrForm_Is415Problem()
    {
        using var client = fixture.CreateClient(WebAppFixture.Token);
        using var content = new StringContent("text=hello", Encoding.UTF8, "text/plain");

        await Http.ProblemAsync(await client.PostAsync("/api/documents", content), HttpStatusCode.UnsupportedMediaType);
    }

    [Fact]
    public async Task DeleteDocument_NoSuchMethod_Is405Problem()
    {
        using var client = fixture.CreateClient(WebAppFixture.Token);

        await Http.ProblemAsync(await client.DeleteAsync($"/api/documents/{fixture.DocumentIds[0]}"), HttpStatusCode.MethodNotAllowed);
    }
}
