using System.Net;
using System.Xml.Linq;
using Dossier.Engine;
using Dossier.Ingest;
using Dossier.Storage.Sqlite;
using Dossier.Storage.Sqlite.Watch;
using Dossier.Storage.Watch;

namespace Dossier.Web.Tests;

/// <summary>Issue 19: follows in the web UI — the add form (with the write token), the alerts with a "new since your
/// last visit" mark, and the Atom feed per follow.</summary>
[Collection(WebCollection.Name)]
public class FollowPageTests(WebAppFixture fixture)
{
    [Fact]
    public async Task FollowForm_WithoutTheToken_IsForbiddenAndAddsNothing()
    {
        using var client = fixture.CreateClient();

        var response = await client.PostAsync("/follows", new FormUrlEncodedContent([new("actor", "Nobody In Particular"), new("token", "wrong")]));
        var page = await client.GetStringAsync("/follows");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.DoesNotContain("Nobody In Particular", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FollowForm_WithTheToken_AddsAFollowWithAnAtomFeed()
    {
        using var client = fixture.CreateClient();

        var response = await client.PostAsync("/follows", new FormUrlEncodedContent([new("name", "Port watch"), new("type", "PROTEST"), new("token", WebAppFixture.Token)]));
        var feed = await client.GetAsync(response.RequestMessage!.RequestUri + ".atom");
        var atom = XDocument.Parse(await feed.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Port watch", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal("application/atom+xml", feed.Content.Headers.ContentType?.MediaType);
        Assert.Equal("Dossier: Port watch", atom.Root!.Element(XName.Get("title", "http://www.w3.org/2005/Atom"))!.Value);
    }

    [Fact]
    public async Task FollowPage_MatchingReportStoredAfterTheFollow_AtomEntryAndNewMarkUntilVisited()
    {
        var directory = Directory.CreateTempSubdirectory("dossier-follow-tests-").FullName;
        try
        {
            var db = Path.Combine(directory, "follows.db");
            long id;
            using (var watch = SqliteWatchStore.Open(db))
            {
                id = (await watch.AddFollowAsync("mayors", new FollowQuery(null, null, "occurred", null), null, null, DateTimeOffset.UtcNow)).Id;
                await using (var store = SqliteDocumentStore.Open(db))
                {
                    var read = DocumentReader.ReadRecord("mayors", "The mayor of Bergen, Ingrid Solheim, met the mayor of Valparaiso, Tomas Rojas, in Bergen on Monday.",
                        "Mayors meet in Bergen", "2026-05-04", null, new ReadOptions());
                    await new IngestService(DefaultPipeline.Create(), store).IngestAsync(read.Document!);
                }

                Assert.NotEmpty(await watch.EvaluateAsync(DateTimeOffset.UtcNow));
            }

            var (app, address) = await WebAppFixture.StartAsync(new DossierWebOptions(db));
            await using var _ = app;
            using var client = new HttpClient { BaseAddress = address };

            var list = await client.GetStringAsync("/follows");
            var atom = XDocument.Parse(await client.GetStringAsync($"/follows/{id}.atom"));
            var first = await client.GetStringAsync($"/follows/{id}");
            var second = await client.GetStringAsync($"/follows/{id}");

            Assert.Contains("new</span>", list, StringComparison.Ordinal);
            var entry = Assert.Single(atom.Root!.Elements(XName.Get("entry", "http://www.w3.org/2005/Atom")));
            Assert.Contains("Ingrid Solheim", entry.Element(XName.Get("summary", "http://www.w3.org/2005/Atom"))!.Value, StringComparison.Ordinal);
            Assert.Contains("new since your last visit", first, StringComparison.Ordinal);
            Assert.DoesNotContain("new since your last visit", second, StringComparison.Ordinal);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(directory, recursive: true);
        }
    }

    [SkippableFact]
    public async Task FollowPages_OnAPostgresStore_ListFromThePostgresTablesAndTheAgendaStillWorks()
    {
        var url = Environment.GetEnvironmentVariable("DOSSIER_TEST_POSTGRES");
        Skip.If(string.IsNullOrWhiteSpace(url), "DOSSIER_TEST_POSTGRES is not set: no PostgreSQL server to test against.");
        var directory = Directory.CreateTempSubdirectory("dossier-follow-tests-").FullName;
        try
        {
            var (app, address) = await WebAppFixture.StartAsync(new DossierWebOptions(Path.Combine(directory, "unused.db")) { StoreUrl = url });
            await using var _ = app;
            using var client = new HttpClient { BaseAddress = address };

            var list = await client.GetAsync("/follows");
            var feed = await client.GetAsync("/follows/999999999.atom");
            var agenda = await client.GetAsync("/agenda?from=2026-05-04");

            Assert.Equal(HttpStatusCode.OK, list.StatusCode);
            Assert.Contains("<h1>Follows</h1>", await list.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            Assert.Equal(HttpStatusCode.NotFound, feed.StatusCode);
            Assert.Equal(HttpStatusCode.OK, agenda.StatusCode);
            Assert.False(File.Exists(Path.Combine(directory, "unused.db")), "a SQLite follow store was opened beside a PostgreSQL store");
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}
