using System.Collections.Immutable;
using Dossier.Core.Documents;
using Dossier.Storage.Sqlite;
using Dossier.Testing;

namespace Dossier.Web.Tests;

/// <summary>
/// The statuses a change of plan adds to <c>dossier/1</c> (issue 19: <c>postponed</c>, <c>cancelled</c>) in the web
/// surface: the agenda and the event pages label them, the filters offer them and the API filters by them.
/// </summary>
public class ChangeOfPlanPageTests
{
    private static readonly Entity Alder = new("e1", "Mara Alder", "PERSON") { Country = "NOR" };
    private static readonly Entity Brenn = new("e2", "Tomas Brenn", "PERSON") { Country = "CHL" };

    private static async Task AddReportAsync(SqliteDocumentStore store, string title, string text, DateOnly published, string status, EventDate? date)
    {
        var document = HandBuilt.Tokenise(text, new DocumentMetadata(title, "test", published, null));
        var trigger = text.IndexOf("summit", StringComparison.Ordinal);
        var summit = new Event("v1", "CONSULT", "043", 1, 2.8, status, new EventSpan("summit", trigger, trigger + 6), 0)
        {
            Source = [new EventActor("Mara Alder", "e1", null, null, null)],
            Target = [new EventActor("Tomas Brenn", "e2", null, null, null)],
            Date = date,
            Evidence = text,
            Confidence = 0.9,
        };
        await store.AddAsync(document with
        {
            Entities = [Alder with { Mentions = HandBuilt.MentionsOf(document, Alder) }, Brenn with { Mentions = HandBuilt.MentionsOf(document, Brenn) }],
            Events = ImmutableArray.Create(summit),
        });
    }

    [Fact]
    public async Task Pages_PlannedSummitThenPostponedThenCancelled_AgendaAndEventPagesLabelEachStatus()
    {
        var directory = Directory.CreateTempSubdirectory("dossier-plan-change-tests-").FullName;
        try
        {
            var db = Path.Combine(directory, "plans.db");
            await using (var store = SqliteDocumentStore.Open(db))
            {
                const string Plan = "Mara Alder will hold a summit with Tomas Brenn on 3 March 2031.";
                await AddReportAsync(store, "Summit planned", Plan, new DateOnly(2031, 2, 10), "planned", new EventDate("3 March 2031", "2031-03-03"));
                await AddReportAsync(store, "Summit put off", "Mara Alder put off her summit with Tomas Brenn.", new DateOnly(2031, 2, 20), "postponed", null);
                await AddReportAsync(store, "Summit off", "Mara Alder called off her summit with Tomas Brenn.", new DateOnly(2031, 2, 25), "cancelled", null);
            }

            var (app, address) = await WebAppFixture.StartAsync(new DossierWebOptions(db));
            await using var _ = app;
            using var client = new HttpClient { BaseAddress = address };

            var agenda = await Http.HtmlAsync(await client.GetAsync("/agenda?from=2031-01-01"));
            var events = await Http.HtmlAsync(await client.GetAsync("/events?status=cancelled&domain=all"));
            var api = await client.GetJsonAsync("/api/events?status=cancelled&domain=all");
            var id = Assert.Single(Http.Items(api)).GetProperty("id").GetInt64();
            var page = await Http.HtmlAsync(await client.GetAsync($"/events/{id}"));

            Assert.Contains("<h2 class=\"status-changes\">Status changes</h2>", agenda, StringComparison.Ordinal);
            foreach (var status in new[] { "planned", "postponed", "cancelled" })
            {
                Assert.Contains($"<span class=\"tag status-{status}\">{status}</span>", agenda, StringComparison.Ordinal);
                Assert.Contains($"<span class=\"tag status-{status}\">{status}</span>", page, StringComparison.Ordinal);
            }

            Assert.Contains("<option value=\"postponed\">postponed</option>", events, StringComparison.Ordinal);
            Assert.Contains("<option value=\"cancelled\" selected>cancelled</option>", events, StringComparison.Ordinal);
            Assert.Contains("Mara Alder", events, StringComparison.Ordinal);
            Assert.Contains(".status-postponed", await client.GetStringAsync(StyleSheet(agenda)), StringComparison.Ordinal);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(directory, recursive: true);
        }
    }

    private static string StyleSheet(string html)
    {
        var at = html.IndexOf("rel=\"stylesheet\" href=\"", StringComparison.Ordinal);
        Assert.True(at >= 0, "the page links no style sheet");
        var start = at + "rel=\"stylesheet\" href=\"".Length;
        return html[start..html.IndexOf('"', start)];
    }
}
