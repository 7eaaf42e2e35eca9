using Dossier.Core.Documents;
using Dossier.Core.Labels;
using Dossier.Storage.Sqlite;
using Dossier.Testing;

namespace Dossier.Web.Tests;

/// <summary>The <c>domain</c> filter of the API and the pages: events of sport reports are left out of the network,
/// the events, the agenda and a timeline unless <c>domain=all</c> (or <c>sport</c>) asks for them.</summary>
public class DomainFilterTests
{
    private static Document Build(string title, string text, string topic, string source, string target, string date)
    {
        var document = HandBuilt.Tokenise(text, new DocumentMetadata(title, "https://example.org/" + topic, new DateOnly(2026, 3, 2), null));
        Entity Org(string id, string name)
        {
            var entity = new Entity(id, name, "ORG");
            return entity with { Mentions = HandBuilt.MentionsOf(document, entity) };
        }

        return document with
        {
            Topic = topic,
            Entities = [Org("e1", source), Org("e2", target)],
            Events = [new Event("v1", "CONSULT", "040", 1, 1.0, "planned", new EventSpan(text[..4], 0, 4), 0)
            {
                Source = [new EventActor(source, "e1", null, null, null)],
                Target = [new EventActor(target, "e2", null, null, null)],
                Date = new EventDate(date, date),
                Evidence = text,
                Domain = DocumentTopics.DomainOf(topic),
            }],
        };
    }

    [Fact]
    public async Task ApiAndPages_SportAndPoliticsReports_DefaultLeavesOutTheSportEvent()
    {
        var directory = Directory.CreateTempSubdirectory("dossier-domain-tests-").FullName;
        try
        {
            var db = Path.Combine(directory, "domain.db");
            await using (var store = SqliteDocumentStore.Open(db))
            {
                await store.AddAsync(Build("Harbour Rovers face Valley Athletic", "Harbour Rovers will play Valley Athletic at the Quay Ground.",
                    DocumentTopics.Sport, "Harbour Rovers", "Valley Athletic", "2026-03-09"));
                await store.AddAsync(Build("Ministers to meet in Geneva", "Minister Clara Voss will meet Minister Pavel Oren in Geneva.",
                    DocumentTopics.Politics, "Clara Voss", "Pavel Oren", "2026-03-10"));
            }

            var (app, address) = await WebAppFixture.StartAsync(new DossierWebOptions(db));
            await using var _ = app;
            using var client = new HttpClient { BaseAddress = address };

            Assert.Single(Http.Items(await client.GetJsonAsync("/api/network")));
            Assert.Equal(2, Http.Items(await client.GetJsonAsync("/api/network?domain=all")).Count());
            Assert.Single(Http.Items(await client.GetJsonAsync("/api/events")));
            Assert.Equal(2, Http.Items(await client.GetJsonAsync("/api/events?domain=all")).Count());
            Assert.Single(Http.Items(await client.GetJsonAsync("/api/agenda?from=2026-03-01")));
            Assert.Equal(2, Http.Items(await client.GetJsonAsync("/api/agenda?from=2026-03-01&domain=ALL")).Count());
            Assert.Equal("Harbour Rovers", Assert.Single(Http.Items(await client.GetJsonAsync("/api/events?domain=sport"))).GetProperty("source")[0].GetProperty("name").GetString());
            Assert.Empty(Http.Items(await client.GetJsonAsync("/api/timeline/Harbour%20Rovers")));
            Assert.Single(Http.Items(await client.GetJsonAsync("/api/timeline/Harbour%20Rovers?domain=all")));
            await Http.ProblemAsync(await client.GetAsync("/api/network?domain=weather"), System.Net.HttpStatusCode.BadRequest);

            var page = await Http.HtmlAsync(await client.GetAsync("/network"));
            var pageAll = await Http.HtmlAsync(await client.GetAsync("/network?domain=all"));
            Assert.DoesNotContain("Harbour Rovers", page, StringComparison.Ordinal);
            Assert.Contains("<a href=\"/network?domain=all\">Show all events</a>", page, StringComparison.Ordinal);
            Assert.Contains("Harbour Rovers", pageAll, StringComparison.Ordinal);
            Assert.Contains("Clara Voss", pageAll, StringComparison.Ordinal);
            await Http.HtmlAsync(await client.GetAsync("/events?domain=weather"), System.Net.HttpStatusCode.BadRequest);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}
