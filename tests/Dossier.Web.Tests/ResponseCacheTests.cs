using System.Collections.Immutable;
using Dossier.Core.Documents;
using Dossier.Storage.Sqlite;
using Dossier.Testing;

namespace Dossier.Web.Tests;

/// <summary>The in-memory response cache: repeated GETs come from it, and any change to the store, even by another
/// process, is seen by the next request.</summary>
public sealed class ResponseCacheTests : IAsyncLifetime
{
    private readonly string _directory = Directory.CreateTempSubdirectory("dossier-cache-tests-").FullName;

    private string DbPath => Path.Combine(_directory, "cache.db");

    public async Task InitializeAsync()
    {
        await using var store = SqliteDocumentStore.Open(DbPath);
        await store.AddAsync(Report("The port of Gdansk reopened on Monday."));
    }

    public Task DisposeAsync()
    {
        Directory.Delete(_directory, recursive: true);
        return Task.CompletedTask;
    }

    private static Document Report(string text) =>
        HandBuilt.Tokenise(text, new DocumentMetadata("Report: " + text, "test", new DateOnly(2025, 10, 13), null));

    [Fact]
    public async Task Get_SameUrlTwice_SecondIsServedFromTheCache()
    {
        var (app, address) = await WebAppFixture.StartAsync(new DossierWebOptions(DbPath));
        await using var _ = app;
        using var client = new HttpClient { BaseAddress = address };

        var first = await client.GetAsync("/api/documents");
        var second = await client.GetAsync("/api/documents");

        Assert.Null(first.Headers.Age);
        Assert.NotNull(second.Headers.Age);
        Assert.Equal(await first.Content.ReadAsStringAsync(), await second.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Get_AfterAnotherProcessAddsADocument_SeesTheNewDocument()
    {
        var (app, address) = await WebAppFixture.StartAsync(new DossierWebOptions(DbPath));
        await using var _ = app;
        using var client = new HttpClient { BaseAddress = address };
        Assert.Single(Http.Items(await client.GetJsonAsync("/api/documents")));
        Assert.Single(Http.Items(await client.GetJsonAsync("/api/documents")));

        await using (var other = SqliteDocumentStore.Open(DbPath))
        {
            await other.AddAsync(Report("The port of Rostock closed on Tuesday."));
        }

        var after = await client.GetAsync("/api/documents");
        Assert.Null(after.Headers.Age);
        Assert.Equal(2, Http.Items(await Http.JsonAsync(after)).Count());
    }

    [Fact]
    public async Task Get_CacheTurnedOff_EveryResponseIsFresh()
    {
        var (app, address) = await WebAppFixture.StartAsync(new DossierWebOptions(DbPath) { CacheResponses = false });
        await using var _ = app;
        using var client = new HttpClient { BaseAddress = address };

        await client.GetAsync("/api/documents");
        var second = await client.GetAsync("/api/documents");

        Assert.Null(second.Headers.Age);
    }
}
