using System.Collections.Immutable;
using System.Text.Json;
using Dossier.Core.Documents;
using Dossier.Storage.Sqlite;

namespace Dossier.Cli.Tests;

/// <summary>The corpus commands (entities, entity, events, timeline, agenda, network): wiring, formats and exit codes
/// over documents ingested through the CLI, and their data over hand-built documents added through the store.</summary>
public class CorpusCommandsTests
{
    private static readonly string[] Commands = ["entities", "events", "agenda", "network"];

    [Fact]
    public async Task CorpusCommands_AfterIngestThroughTheCli_ExitZeroAndPrintOneJsonArray()
    {
        using var run = new CliRun();
        Directory.CreateDirectory(Path.Combine(run.Directory, "in"));
        run.Write("in/a.txt", "Minister meets envoy\n\nForeign Minister Anna Berg met the envoy of Norway in Oslo on Monday. Berg said the talks went well.\n");
        run.Write("in/b.txt", "Envoy meets minister again\n\nAnna Berg will meet the Norwegian envoy again in Oslo next week.\n");
        var (ingestExit, _, ingestError) = await run.RunWithDbAsync("ingest", Path.Combine(run.Directory, "in"), "--published", "2025-10-16");
        Assert.True(ingestExit == ExitCodes.Success, ingestError);

        foreach (var command in Commands)
        {
            var (exit, output, error) = await run.RunWithDbAsync(command, "--format", "json");
            Assert.True(exit == ExitCodes.Success, $"{command}: {error}");
            using var json = JsonDocument.Parse(output);
            Assert.Equal(JsonValueKind.Array, json.RootElement.ValueKind);
        }

        foreach (var command in Commands)
        {
            var (exit, output, _) = await run.RunWithDbAsync(command);
            Assert.Equal(ExitCodes.Success, exit);
            Assert.False(string.IsNullOrWhiteSpace(output));
        }
    }

    [Fact]
    public async Task CorpusCommands_EmptyStore_SayThereIsNothing()
    {
        using var run = new CliRun();

        Assert.Equal("No entities.", (await run.RunWithDbAsync("entities")).Out.Trim());
        Assert.Equal("No events.", (await run.RunWithDbAsync("events")).Out.Trim());
        Assert.Equal("Nothing on the agenda.", (await run.RunWithDbAsync("agenda", "--from", "2025-01-01")).Out.Trim());
        Assert.Equal("No actor pairs.", (await run.RunWithDbAsync("network")).Out.Trim());
        Assert.Equal("[]", (await run.RunWithDbAsync("events", "--format", "json")).Out.Trim());
    }

    [Fact]
    public async Task Entities_HandBuiltDocuments_ListsEachActorOnceMostMentionedFirst()
    {
        using var run = new CliRun();
        await AddMeetingAsync(run);

        var (exit, output, _) = await run.RunWithDbAsync("entities", "--type", "PERSON");

        Assert.Equal(ExitCodes.Success, exit);
        var lines = output.Trim().Split('\n');
        Assert.Equal(2, lines.Length);
        Assert.Contains("Volodymyr Zelensky (PERSON, UKR, UKRGOV)", lines[0]);
        Assert.Contains("in 2 documents, 2025-10-16 to 2025-10-17", lines[0]);
        Assert.Contains("Donald Trump", lines[1]);

        var (_, json, _) = await run.RunWithDbAsync("entities", "--query", "zelenskyy", "--format", "json");
        var entity = Assert.Single(JsonDocument.Parse(json).RootElement.EnumerateArray());
        Assert.Equal("Volodymyr Zelensky", entity.GetProperty("name").GetString());
        Assert.Equal(2, entity.GetProperty("documents").GetInt32());
        Assert.Equal("2025-10-16", entity.GetProperty("firstSeen").GetString());
    }

    [Fact]
    public async Task Entity_ByAlias_ShowsAliasesRolesOverTimeDocumentsAndMentions()
    {
        using var run = new CliRun();
        await AddMeetingAsync(run);

        var (exit, output, _) = await run.RunWithDbAsync("entity", "Zelenskyy");

        Assert.Equal(ExitCodes.Success, exit);
        Assert.Contains("aliases: ", output);
        Assert.Contains("Zelenskyy", output);
        Assert.Contains("President (UKR), current: 2025-10-16 to 2025-10-17, 2 documents", output);
        Assert.Contains("Zelensky meets Trump", output);
        Assert.Matches(" name +\"Zelensky\": Zelensky asked for air defence\\.", output);
        Assert.Matches(@"events: 1 \(dossier timeline \d+\)", output);
        Assert.Matches(@"connected: Donald Trump #\d+ \(1\)", output);

        var (jsonExit, json, _) = await run.RunWithDbAsync("entity", "Volodymyr Zelensky", "--format", "json");
        Assert.Equal(ExitCodes.Success, jsonExit);
        var root = JsonDocument.Parse(json).RootElement;
        Assert.Equal("PERSON", root.GetProperty("entity").GetProperty("type").GetString());
        Assert.Equal(2, root.GetProperty("documents").GetArrayLength());
        Assert.Equal("2025-10-17", root.GetProperty("roles")[0].GetProperty("lastSeen").GetString());
        Assert.True(root.GetProperty("mentions").GetArrayLength() > 0);
        Assert.Equal("name", root.GetProperty("mentions")[0].GetProperty("kind").GetString());
    }

    [Fact]
    public async Task Entity_Unknown_IsAUsageErrorWithOneLine()
    {
        using var run = new CliRun();
        await AddMeetingAsync(run);

        var (exit, _, error) = await run.RunWithDbAsync("entity", "Nobody Atall");

        Assert.Equal(ExitCodes.Usage, exit);
        Assert.Equal("dossier: no entity Nobody Atall", error.Trim());
        Assert.Equal(ExitCodes.Usage, (await run.RunWithDbAsync("timeline", "Nobody Atall")).Exit);
    }

    [Fact]
    public async Task Events_TwoReportsOfOneMeeting_OneEventWithTwoArticlesAndItsEvidence()
    {
        using var run = new CliRun();
        await AddMeetingAsync(run);

        var (exit, json, _) = await run.RunWithDbAsync("events", "--actor", "Trump", "--status", "occurred", "--format", "json");

        Assert.Equal(ExitCodes.Success, exit);
        var e = Assert.Single(JsonDocument.Parse(json).RootElement.EnumerateArray());
        Assert.Equal("CONSULT", e.GetProperty("type").GetString());
        Assert.Equal(2, e.GetProperty("numArticles").GetInt32());
        Assert.Equal(2, e.GetProperty("numSources").GetInt32());
        Assert.Equal("Volodymyr Zelensky", e.GetProperty("source")[0].GetProperty("name").GetString());
        Assert.Equal(2, e.GetProperty("evidence").GetArrayLength());

        var (_, text, _) = await run.RunWithDbAsync("events", "--type", "CONSULT");
        Assert.Contains("2025-10-16", text);
        Assert.Contains("CONSULT (occurred)  Volodymyr Zelensky #", text);
        Assert.Contains("[2 articles, 2 sources, Goldstein +1.0]", text);
        Assert.Contains("\"Volodymyr Zelensky met Donald Trump in Washington on Thursday.\" (reuters.com,", text);

        Assert.Equal("No events.", (await run.RunWithDbAsync("events", "--status", "negated")).Out.Trim());
        Assert.Equal("No events.", (await run.RunWithDbAsync("events", "--from", "2025-11-01")).Out.Trim());
    }

    [Fact]
    public async Task Events_BadDateOrStatus_IsAUsageError()
    {
        using var run = new CliRun();

        Assert.Equal(ExitCodes.Usage, (await run.RunWithDbAsync("events", "--from", "16/10/2025")).Exit);
        Assert.Equal(ExitCodes.Usage, (await run.RunWithDbAsync("events", "--status", "maybe")).Exit);
        Assert.Equal(ExitCodes.Usage, (await run.RunWithDbAsync("agenda", "--from", "tomorrow")).Exit);
    }

    [Fact]
    public async Task Agenda_PlanAnnouncedWithoutDate_ListedAfterTheDatedOnesWhileRecent()
    {
        using var run = new CliRun();
        await AddAsync(run, Build("Trump plans summit", "Trump plans a summit with Putin.", new DateOnly(2025, 10, 17), "https://bbc.co.uk/news/3",
            [Person("e1", "Donald Trump", "USA"), Person("e2", "Vladimir Putin", "RUS")],
            [Event("v1", "CONSULT", "e1", "e2", null, "possible", "Trump plans a summit with Putin.")]));

        var (exit, agenda, _) = await run.RunWithDbAsync("agenda", "--from", "2025-10-20");
        var (_, later, _) = await run.RunWithDbAsync("agenda", "--from", "2026-01-01");

        Assert.Equal(ExitCodes.Success, exit);
        Assert.StartsWith("Nothing on the agenda.", agenda.Trim());
        Assert.Contains("Announced, no date yet (reported in the 30 days up to 2025-10-20):", agenda);
        Assert.Contains("CONSULT (possible)  Donald Trump #", agenda);
        Assert.Equal("Nothing on the agenda.", later.Trim());
    }

    [Fact]
    public async Task TimelineAgendaNetwork_HandBuiltDocuments_PrintDatedEventsComingEventsAndPairs()
    {
        using var run = new CliRun();
        await AddMeetingAsync(run);
        await AddAsync(run, Build("Trump to visit Kyiv", "Trump will visit Zelensky in Kyiv on 5 March.", new DateOnly(2025, 10, 20), "https://bbc.co.uk/news/1",
            [Person("e1", "Donald Trump", "USA"), Person("e2", "Volodymyr Zelensky", "UKR")],
            [Event("v1", "CONSULT", "e1", "e2", "2026-03-05", "planned", "Trump will visit Zelensky in Kyiv on 5 March.")]));
        await AddAsync(run, Build("Trump criticised Zelensky", "Trump criticised Zelensky.", new DateOnly(2025, 10, 18), "https://bbc.co.uk/news/2",
            [Person("e1", "Donald Trump", "USA"), Person("e2", "Volodymyr Zelensky", "UKR")],
            [Event("v1", "DISAPPROVE", "e1", "e2", null, "occurred", "Trump criticised Zelensky.") with { Goldstein = -2 }]));

        var (exit, timeline, _) = await run.RunWithDbAsync("timeline", "Donald Trump");
        Assert.Equal(ExitCodes.Success, exit);
        var lines = timeline.Trim().Split('\n');
        Assert.StartsWith("#", lines[0]);
        Assert.Contains("Donald Trump", lines[0]);
        var order = new[] { "2025-10-16 ", "2025-10-18~", "2026-03-05 " }.Select(d => timeline.IndexOf(d, StringComparison.Ordinal)).ToArray();
        Assert.All(order, i => Assert.True(i > 0));
        Assert.Equal(order.Order(), order);
        Assert.EndsWith("~ no date in the reports: the date of first publication", timeline.Trim());

        var (_, timelineJson, _) = await run.RunWithDbAsync("timeline", "Donald Trump", "--format", "json");
        var events = JsonDocument.Parse(timelineJson).RootElement.GetProperty("events");
        Assert.Equal([false, true, false], events.EnumerateArray().Select(e => e.GetProperty("approximate").GetBoolean()));

        var (agendaExit, agenda, _) = await run.RunWithDbAsync("agenda", "--from", "2025-11-01");
        Assert.Equal(ExitCodes.Success, agendaExit);
        Assert.Contains("2026-03-05", agenda);
        Assert.Contains("CONSULT (planned)", agenda);
        Assert.DoesNotContain("2025-10-16", agenda);

        var (networkExit, network, _) = await run.RunWithDbAsync("network");
        Assert.Equal(ExitCodes.Success, networkExit);
        Assert.Contains("Donald Trump #", network);
        var (_, networkJson, _) = await run.RunWithDbAsync("network", "--format", "json");
        var pairs = JsonDocument.Parse(networkJson).RootElement;
        var fromTrump = pairs.EnumerateArray().Single(p => p.GetProperty("source").GetProperty("name").GetString() == "Donald Trump");
        Assert.Equal(2, fromTrump.GetProperty("events").GetInt32());
        Assert.Equal(-0.5, fromTrump.GetProperty("meanGoldstein").GetDouble(), 6);
        Assert.Equal(4, fromTrump.GetProperty("quadClasses").GetArrayLength());
        Assert.Equal(fromTrump.GetProperty("quadClasses").EnumerateArray().Sum(q => q.GetInt64()), fromTrump.GetProperty("events").GetInt64());
        Assert.Matches(@"Donald Trump #\d+ -> .*, mostly (verbal|material) (cooperation|conflict)", network);
    }

    private static async Task AddMeetingAsync(CliRun run)
    {
        await AddAsync(run, Build("Zelensky meets Trump",
            "Volodymyr Zelensky met Donald Trump in Washington on Thursday. Zelensky asked for air defence.",
            new DateOnly(2025, 10, 16), "https://www.reuters.com/world/1",
            [
                Person("e1", "Volodymyr Zelensky", "UKR", "Zelensky") with { Code = "UKRGOV", Roles = [new Role("President", null, "UKR", "current")] },
                Person("e2", "Donald Trump", "USA", "Trump"),
            ],
            [Event("v1", "CONSULT", "e1", "e2", "2025-10-16", "occurred", "Volodymyr Zelensky met Donald Trump in Washington on Thursday.")]));
        await AddAsync(run, Build("Trump hosts Zelenskyy",
            "President Trump hosted Volodymyr Zelenskyy at the White House. Zelenskyy said the talks were good.",
            new DateOnly(2025, 10, 17), "https://apnews.com/article/2",
            [
                Person("e1", "Volodymyr Zelenskyy", "UKR", "Zelenskyy", "Volodymyr Zelensky") with { Roles = [new Role("President", null, "UKR", "current")] },
                Person("e2", "Donald Trump", "USA", "President Trump"),
            ],
            [Event("v1", "CONSULT", "e1", "e2", "2025-10-16", "occurred", "President Trump hosted Volodymyr Zelenskyy at the White House.")]));
    }

    private static async Task AddAsync(CliRun run, Document document)
    {
        await using var store = SqliteDocumentStore.Open(run.Database);
        await store.AddAsync(document);
    }

    private static Document Build(string title, string text, DateOnly published, string url, Entity[] entities, Event[] events)
    {
        var sentences = new List<Sentence>();
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '.' && (i + 1 == text.Length || text[i + 1] == ' '))
            {
                sentences.Add(new Sentence(start, i + 1, 0, 0));
                start = i + 2;
            }
        }

        var document = new Document(text, new DocumentMetadata(title, url, published, url)) { Sentences = [.. sentences] };
        var withMentions = entities.Select(e =>
        {
            var mentions = ImmutableArray.CreateBuilder<Mention>();
            foreach (var name in e.Aliases.Prepend(e.Name).Distinct())
            {
                for (var at = text.IndexOf(name, StringComparison.Ordinal); at >= 0; at = text.IndexOf(name, at + name.Length, StringComparison.Ordinal))
                {
                    if (!mentions.Any(m => m.Start < at + name.Length && at < m.End))
                    {
                        mentions.Add(new Mention(at, at + name.Length, name, Math.Max(0, sentences.FindIndex(s => s.Start <= at && at < s.End))));
                    }
                }
            }

            return e with { Mentions = mentions.ToImmutable() };
        });
        return document with { Entities = [.. withMentions], Events = [.. events] };
    }

    private static Entity Person(string id, string name, string country, params string[] aliases) =>
        new(id, name, "PERSON") { Country = country, Aliases = [.. aliases] };

    private static Event Event(string id, string type, string source, string target, string? date, string status, string evidence) =>
        new(id, type, "040", 1, 1.0, status, new EventSpan("met", 0, 3), 0)
        {
            Source = [new EventActor(source, source, null, null, null)],
            Target = [new EventActor(target, target, null, null, null)],
            Date = date is null ? null : new EventDate(date, date),
            Evidence = evidence,
            Confidence = 0.9,
        };
}
