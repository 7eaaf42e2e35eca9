using System.Text.Json;
using Dossier.Core.Documents;
using Dossier.Core.Labels;
using Dossier.Storage.Sqlite;
using Dossier.Testing;

namespace Dossier.Cli.Tests;

/// <summary>Topics and domains through the CLI: the topic of an ingested report in <c>documents</c> and <c>show</c>, and the
/// events of sport and entertainment reports left out of network, timeline, agenda and events unless <c>--domain</c>
/// brings them back.</summary>
public class DomainCommandsTests
{
    [Fact]
    public async Task Ingest_SportReport_DocumentsAndShowGiveItsTopicAndItsEventsTheirDomain()
    {
        using var run = new CliRun();
        run.Write("match.txt", "Rovers beat Athletic in the cup\n\nA late goal from the striker gave Rovers a 2-1 win over Athletic in the cup on Saturday. "
            + "The Rovers coach praised his players after the match, and the club now meets the league leaders in the quarter-final.\n");
        var (ingestExit, _, ingestError) = await run.RunWithDbAsync("ingest", Path.Combine(run.Directory, "match.txt"), "--published", "2026-03-07");
        Assert.True(ingestExit == 0, ingestError);

        var (_, list, _) = await run.RunWithDbAsync("documents");
        var id = list.Trim().Split(' ')[0];
        var (_, json, _) = await run.RunWithDbAsync("show", id, "--format", "json");
        using var document = JsonDocument.Parse(json);

        Assert.Contains(" sport ", list, StringComparison.Ordinal);
        Assert.Equal("sport", document.RootElement.GetProperty("document").GetProperty("topic").GetString());
        Assert.All(document.RootElement.GetProperty("events").EnumerateArray(), e => Assert.Equal("sport", e.GetProperty("domain").GetString()));
        Assert.Contains("topic sport", (await run.RunWithDbAsync("show", id)).Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Network_SportAndPoliticsReports_LeavesOutTheFixtureUnlessDomainAll()
    {
        using var run = new CliRun();
        await AddAsync(run);

        var byDefault = (await run.RunWithDbAsync("network")).Out;
        var all = (await run.RunWithDbAsync("network", "--domain", "all")).Out;
        var sportOnly = (await run.RunWithDbAsync("network", "--domain", "sport")).Out;

        Assert.Contains("Clara Voss", byDefault, StringComparison.Ordinal);
        Assert.DoesNotContain("Harbour Rovers", byDefault, StringComparison.Ordinal);
        Assert.Contains("Harbour Rovers", all, StringComparison.Ordinal);
        Assert.Contains("Clara Voss", all, StringComparison.Ordinal);
        Assert.DoesNotContain("Clara Voss", sportOnly, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TimelineAgendaEvents_SportReport_LeftOutByDefaultAndBackWithDomainAll()
    {
        using var run = new CliRun();
        await AddAsync(run);

        var timeline = (await run.RunWithDbAsync("timeline", "Harbour Rovers", "--format", "json")).Out;
        var timelineAll = (await run.RunWithDbAsync("timeline", "Harbour Rovers", "--format", "json", "--domain", "all")).Out;
        Assert.Empty(JsonDocument.Parse(timeline).RootElement.GetProperty("events").EnumerateArray());
        Assert.Single(JsonDocument.Parse(timelineAll).RootElement.GetProperty("events").EnumerateArray());

        Assert.Single(JsonDocument.Parse((await run.RunWithDbAsync("agenda", "--from", "2026-03-01", "--format", "json")).Out).RootElement.EnumerateArray());
        Assert.Equal(2, JsonDocument.Parse((await run.RunWithDbAsync("agenda", "--from", "2026-03-01", "--format", "json", "--domain", "all")).Out).RootElement.GetArrayLength());
        Assert.Single(JsonDocument.Parse((await run.RunWithDbAsync("events", "--format", "json")).Out).RootElement.EnumerateArray());
        Assert.Equal(2, JsonDocument.Parse((await run.RunWithDbAsync("events", "--format", "json", "--domain", "all")).Out).RootElement.GetArrayLength());
    }

    [Fact]
    public async Task Network_UnknownDomain_RefusedAsUsage()
    {
        using var run = new CliRun();

        var (exit, _, error) = await run.RunWithDbAsync("network", "--domain", "weather");

        Assert.Equal(ExitCodes.Usage, exit);
        Assert.Contains("weather", error, StringComparison.Ordinal);
    }

    private static async Task AddAsync(CliRun run)
    {
        await using var store = SqliteDocumentStore.Open(run.Database);
        await store.AddAsync(Build("Harbour Rovers face Valley Athletic",
            "Harbour Rovers will play Valley Athletic at the Quay Ground. The Harbour Rovers coach expects a hard match.",
            DocumentTopics.Sport, "Harbour Rovers", "Valley Athletic", "2026-03-09"));
        await store.AddAsync(Build("Ministers to meet in Geneva",
            "Minister Clara Voss will meet Minister Pavel Oren in Geneva. Clara Voss said the talks would cover trade.",
            DocumentTopics.Politics, "Clara Voss", "Pavel Oren", "2026-03-10"));
    }

    private static Document Build(string title, string text, string topic, string source, string target, string date)
    {
        var document = HandBuilt.Tokenise(text, new DocumentMetadata(title, "https://example.org/" + topic, new DateOnly(2026, 3, 2)));
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
                Evidence = text[..text.IndexOf('.', StringComparison.Ordinal)],
                Domain = DocumentTopics.DomainOf(topic),
                Confidence = 0.9, // above the default --min-confidence, so that only the domain leaves it out
            }],
        };
    }
}
