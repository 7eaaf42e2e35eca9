using System.Text.Json;

namespace Dossier.Web.Tests;

[Collection(WebCollection.Name)]
public class OpenApiTests(WebAppFixture fixture)
{
    [Fact]
    public async Task OpenApiDocument_Requested_DescribesTheApiPaths()
    {
        using var client = fixture.CreateClient();
        using var response = await client.GetAsync("/openapi/v1.json");
        response.EnsureSuccessStatusCode();
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var paths = json.RootElement.GetProperty("paths");
        Assert.True(paths.TryGetProperty("/api/documents", out _));
        Assert.True(paths.TryGetProperty("/api/events", out _));
    }
}
