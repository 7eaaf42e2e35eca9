using Dossier.Core.Documents;
using Dossier.Storage.Sqlite;
using Dossier.Testing;

namespace Dossier.Web.Tests;

/// <summary>The agenda page: scheduled events under a heading per day, and a way forward when nothing lies ahead.</summary>
[Collection(WebCollection.Name)]
public class AgendaPageTests(WebAppFixture fixture)
{
    [Fact]
    public async Task AgendaPage_FutureSummit_IsListedUnderAHeadingForItsDay()
    {
        using var client = fixture.CreateClient();

        var html = await Http.HtmlAsync(await client.GetAsync("/agenda?from=2030-01-01"));

        Assert.Matches("<h2 class=\"day\">2031-03-03</h2><ul class=\"list events\"><li><strong>2031-03-03</strong>", html);
    }

    [Fact]
    public async Task AgendaPage_NothingAheadOfToday_LinksToTheAgendaAsOfTheNewestReport()
    {
        var directory = Directory.CreateTempSubdirectory("dossier-agenda-tests-").FullName;
        try
        {
            var db = Path.Combine(directory, "agenda.db");
            await using (var store = SqliteDocumentStore.Open(db))
            {
                await store.AddAsync(HandBuilt.Tokenise("The harbour reopened.", new DocumentMetadata("Harbour", "test", new DateOnly(2024, 5, 6), null)));
                await store.AddAsync(HandBuilt.Tokenise("The bridge closed.", new DocumentMetadata("Bridge", "test", new DateOnly(2024, 3, 1), null)));
            }

            var (app, address) = await WebAppFixture.StartAsync(new DossierWebOptions(db));
            await using var _ = app;
            using var client = new HttpClient { BaseAddress = address };

            var html = await Http.HtmlAsync(await client.GetAsync("/agenda"));
            var asked = await Http.HtmlAsync(await client.GetAsync("/agenda?from=2024-01-01"));

            Assert.Contains("<p>Nothing on the agenda from ", html);
            Assert.Contains("<a href=\"/agenda?from=2024-05-06\">What was scheduled as of the newest report (2024-05-06)</a>", html);
            Assert.DoesNotContain("What was scheduled", asked);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}
