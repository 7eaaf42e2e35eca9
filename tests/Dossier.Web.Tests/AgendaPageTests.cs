using System.Collections.Immutable;
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

    [Fact]
    public async Task Agenda_PlanWithoutDate_IsListedApartInThePageAndTheApiWhileRecent()
    {
        var directory = Directory.CreateTempSubdirectory("dossier-agenda-tests-").FullName;
        try
        {
            var db = Path.Combine(directory, "agenda.db");
            const string Text = "Keir Starmer plans a summit with Emmanuel Macron.";
            await using (var store = SqliteDocumentStore.Open(db))
            {
                var document = HandBuilt.Tokenise(Text, new DocumentMetadata("Summit plans", "test", new DateOnly(2025, 10, 16), null));
                Entity starmer = new("e1", "Keir Starmer", "PERSON") { Country = "GBR" }, macron = new("e2", "Emmanuel Macron", "PERSON") { Country = "FRA" };
                var summit = Text.IndexOf("summit", StringComparison.Ordinal);
                var plan = new Event("v1", "CONSULT", "043", 1, 2.8, "planned", new EventSpan("summit", summit, summit + 6), 0)
                {
                    Source = [new EventActor("Keir Starmer", "e1", null, null, null)],
                    Target = [new EventActor("Emmanuel Macron", "e2", null, null, null)],
                    Evidence = Text,
                    Confidence = 0.9,
                };
                await store.AddAsync(document with
                {
                    Entities = [starmer with { Mentions = HandBuilt.MentionsOf(document, starmer) }, macron with { Mentions = HandBuilt.MentionsOf(document, macron) }],
                    Events = ImmutableArray.Create(plan),
                });
            }

            var (app, address) = await WebAppFixture.StartAsync(new DossierWebOptions(db));
            await using var _ = app;
            using var client = new HttpClient { BaseAddress = address };

            var html = await Http.HtmlAsync(await client.GetAsync("/agenda?from=2025-10-20"));
            var api = await client.GetJsonAsync("/api/agenda/undated?from=2025-10-20");
            var stale = await client.GetJsonAsync("/api/agenda/undated?from=2025-12-31");

            Assert.Contains("<h2 class=\"undated\">Announced, no date yet</h2>", html);
            Assert.Matches("<h2 class=\"undated\">.*<a class=\"tag type\" href=\"/events/\\d+\">CONSULT</a>", html);
            Assert.Equal("Keir Starmer", Assert.Single(Http.Items(api)).GetProperty("source")[0].GetProperty("name").GetString());
            Assert.Empty(Http.Items(stale));
            await Http.ProblemAsync(await client.GetAsync("/api/agenda/undated?days=1000"), System.Net.HttpStatusCode.BadRequest);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}
