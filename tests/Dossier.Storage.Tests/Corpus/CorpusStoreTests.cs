using System.Globalization;
using Dossier.Core.Documents;
using Dossier.Storage.Corpus;
using Dossier.Storage.Sqlite;
using static Dossier.Storage.Tests.Corpus.CorpusSamples;

namespace Dossier.Storage.Tests.Corpus;

public abstract class CorpusStoreContract(StoreKind kind) : IDisposable
{
    private static readonly DateOnly Oct16 = new(2025, 10, 16);
    private static readonly DateOnly Oct17 = new(2025, 10, 17);

    private readonly TestStore _db = new(kind);

    public void Dispose() => _db.Dispose();

    /// <summary>Zelensky meets Trump: one report from Reuters, one from AP the day after, with aliases, roles and codes.</summary>
    internal static (Document Reuters, Document Ap) Meeting()
    {
        var reuters = Build("Zelensky meets Trump",
            "Volodymyr Zelensky met Donald Trump in Washington on Thursday. Zelensky asked for air defence.",
            Oct16, "https://www.reuters.com/world/zelensky-trump",
            [
                Person("e1", "Volodymyr Zelensky", "UKR", "Zelensky") with { Roles = [new Role("President", null, "UKR", "current")], Code = "UKRGOV" },
                Person("e2", "Donald Trump", "USA", "Trump") with { Roles = [new Role("President", null, "USA", "current")] },
                Org("e3", "Washington", "GPE", "USA"),
            ],
            [Event("v1", "CONSULT", "e1", "e2", "2025-10-16", evidence: "Volodymyr Zelensky met Donald Trump in Washington on Thursday.") with { Location = new EventLocation("Washington", "e3", "USA"), Mode = "visit" }]);
        var ap = Build("Trump hosts Zelenskyy",
            "President Trump hosted Volodymyr Zelenskyy at the White House. Zelenskyy said the talks were good.",
            Oct17, "https://apnews.com/article/trump-zelenskyy",
            [
                Person("e1", "Volodymyr Zelenskyy", "UKR", "Zelenskyy", "Volodymyr Zelensky") with { Roles = [new Role("President", null, "UKR", "current")], Code = "UKRGOV" },
                Person("e2", "Donald Trump", null, "Trump", "President Trump") with { Code = "USAGOV" },
                Org("e3", "White House", "FAC", "USA"),
            ],
            [Event("v1", "CONSULT", "e1", "e2", "2025-10-16", evidence: "President Trump hosted Volodymyr Zelenskyy at the White House.")]);
        return (reuters, ap);
    }

    [SkippableFact]
    public async Task Add_TwoDocumentsAboutTheSamePeople_OneCorpusEntityEach()
    {
        var (reuters, ap) = Meeting();
        await using var store = _db.Open();
        await store.AddAsync(reuters);
        await store.AddAsync(ap);

        var people = await store.ListEntitiesAsync("PERSON", null, 10);

        Assert.Equal(2, people.Count);
        var zelensky = people.Single(p => p.Name.StartsWith("Volodymyr", StringComparison.Ordinal));
        Assert.Equal((2L, "UKR", "UKRGOV"), (zelensky.Documents, zelensky.Country, zelensky.Code));
        Assert.Equal(4, zelensky.Mentions);
        Assert.Equal((Oct16, Oct17), (zelensky.FirstSeen, zelensky.LastSeen));
        var trump = people.Single(p => p.Name == "Donald Trump");
        Assert.Equal(("USA", "USAGOV", 2L), (trump.Country, trump.Code, trump.Documents));
        Assert.Equal(0, _db.Scalar("SELECT count(*) FROM entities WHERE corpus_id IS NULL"));
    }

    [SkippableFact]
    public async Task GetEntity_ByAlias_GivesAliasesRolesOverTimeDocumentsAndMentions()
    {
        var (reuters, ap) = Meeting();
        await using var store = _db.Open();
        await store.AddAsync(reuters);
        await store.AddAsync(ap);

        var details = await store.GetEntityAsync("zelenskyy");

        Assert.NotNull(details);
        Assert.Contains("Zelensky", details.Aliases);
        Assert.Contains("Zelenskyy", details.Aliases);
        var role = Assert.Single(details.Roles);
        Assert.Equal(new CorpusRole("President", null, "UKR", "current", Oct16, Oct17, 2), role);
        Assert.Equal([ap.Id, reuters.Id], details.Documents.Select(d => d.Id));
        Assert.Equal(4, details.Mentions.Count);
        Assert.Contains(details.Mentions, m => m.Text == "Zelensky" && m.Evidence == "Zelensky asked for air defence.");
        Assert.Equal(details.Entity, (await store.GetEntityAsync(details.Entity.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)))?.Entity);
        Assert.Null(await store.GetEntityAsync("Nobody Atall"));
    }

    [SkippableFact]
    public async Task Add_TwoPeopleSharingASurname_TwoCorpusEntities()
    {
        await using var store = _db.Open();
        await store.AddAsync(Build("a", "Donald Trump spoke.", Oct16, "https://a.example/1", [Person("e1", "Donald Trump", "USA", "Trump")]));
        await store.AddAsync(Build("b", "Melania Trump spoke.", Oct16, "https://b.example/1", [Person("e1", "Melania Trump", "USA", "Trump")]));
        await store.AddAsync(Build("c", "Trump spoke.", Oct17, "https://c.example/1", [Person("e1", "Trump", "USA")]));
        await store.AddAsync(Build("d", "Melania Trump and Trump spoke.", Oct17, "https://d.example/1",
            [Person("e1", "Melania Trump", "USA"), Person("e2", "Trump", "USA")]));

        var people = await store.ListEntitiesAsync("PERSON", null, 10);

        Assert.Equal(["Donald Trump", "Melania Trump", "Trump"], people.Select(p => p.Name).Order());
        Assert.Equal(2, people.Single(p => p.Name == "Melania Trump").Documents);
        Assert.Equal(1, people.Single(p => p.Name == "Trump").Documents);
    }

    [SkippableFact]
    public async Task Add_SameDocumentTwice_StillOneOfEverything()
    {
        var (reuters, _) = Meeting();
        await using var store = _db.Open();
        await store.AddAsync(reuters);

        Assert.Equal(AddOutcome.Duplicate, await store.AddAsync(reuters));

        Assert.Equal(3, _db.Count("corpus_entities"));
        Assert.Equal(1, _db.Count("corpus_events"));
        Assert.All(await store.ListEntitiesAsync(null, null, 10), e => Assert.Equal(1, e.Documents));
    }

    [SkippableFact]
    public async Task Add_TwoReportsOfOneMeeting_OneCorpusEventWithTwoArticles()
    {
        var (reuters, ap) = Meeting();
        await using var store = _db.Open();
        await store.AddAsync(reuters);
        await store.AddAsync(ap);

        var e = Assert.Single(await store.ListEventsAsync(new CorpusEventFilter(), 10));

        Assert.Equal(("CONSULT", "occurred", "2025-10-16", Oct16, false), (e.Type, e.Status, e.Date, e.Day, e.Approximate));
        Assert.Equal((2L, 2L, 2L), (e.NumMentions, e.NumArticles, e.NumSources));
        Assert.Equal(("visit", "Washington"), (e.Mode, e.Location));
        Assert.Equal("Volodymyr Zelensky", Assert.Single(e.Source).Name);
        Assert.Equal("Donald Trump", Assert.Single(e.Target).Name);
        Assert.Equal(["reuters.com", "apnews.com"], e.Evidence.Select(x => x.Source));
        Assert.Contains(e.Evidence, x => x.Evidence.Contains("White House", StringComparison.Ordinal));
    }

    [SkippableFact]
    public async Task Add_PlannedThenOccurred_KeepsTheMostAdvancedStatusAndNegatedApart()
    {
        await using var store = _db.Open();
        Entity[] people = [Person("e1", "Emmanuel Macron", "FRA"), Person("e2", "Olaf Scholz", "DEU")];
        await store.AddAsync(Build("a", "Macron will meet Scholz.", Oct16, "https://a.example/1", people, [Event("v1", "CONSULT", "e1", "e2", "2025-10-20", "planned")]));
        await store.AddAsync(Build("b", "Macron met Scholz.", new DateOnly(2025, 10, 20), "https://b.example/1", people, [Event("v1", "CONSULT", "e1", "e2", "2025-10-20")]));
        await store.AddAsync(Build("c", "Macron did not meet Scholz.", new DateOnly(2025, 10, 20), "https://c.example/1", people, [Event("v1", "CONSULT", "e1", "e2", "2025-10-20", "negated")]));

        var events = await store.ListEventsAsync(new CorpusEventFilter(), 10);

        Assert.Equal(["negated", "occurred"], events.Select(e => e.Status).Order());
        Assert.Equal(2, events.Single(e => e.Status == "occurred").NumArticles);
        Assert.Single(await store.ListEventsAsync(new CorpusEventFilter(Status: "negated"), 10));
    }

    [SkippableFact]
    public async Task Add_EventsWithoutEntities_MatchByActorCodeAndUndatedWithinThreeDays()
    {
        await using var store = _db.Open();
        await store.AddAsync(Build("a", "Russian forces struck Ukrainian positions.", Oct16, "https://a.example/1", [], [Event("v1", "ASSAULT", "RUSMIL", "UKRMIL", null, goldstein: -10)]));
        await store.AddAsync(Build("b", "Russia's army hit Ukrainian troops.", new DateOnly(2025, 10, 19), "https://b.example/1", [], [Event("v1", "ASSAULT", "RUSMIL", "UKRMIL", null, goldstein: -10)]));
        await store.AddAsync(Build("c", "Another strike by Russian forces.", new DateOnly(2025, 10, 30), "https://c.example/1", [], [Event("v1", "ASSAULT", "RUSMIL", "UKRMIL", null, goldstein: -10)]));

        var events = await store.ListEventsAsync(new CorpusEventFilter(), 10);

        Assert.Equal([1L, 2L], events.Select(e => e.NumArticles).Order());
        Assert.All(events, e => Assert.True(e.Approximate));
        Assert.Equal("RUSMIL", events[0].Source.Single().Code);
    }

    [SkippableFact]
    public async Task Add_UndatedReportsInAChain_JoinTheEventWhoseLatestReportIsWithinThreeDays()
    {
        await using var store = _db.Open();
        var n = 0;
        async Task Report(int day) => await store.AddAsync(Build("r" + (++n).ToString(CultureInfo.InvariantCulture),
            "Navy ships blocked the strait again.", new DateOnly(2025, 10, day), $"https://r{n}.example/1", [],
            [Event("v1", "COERCE", "IRNMIL", "USAMIL", null, goldstein: -5)]));
        async Task<long[]> Articles() => [.. (await store.ListEventsAsync(new CorpusEventFilter(), 10)).Select(e => (long)e.NumArticles).Order()];

        // A chain of reports three days apart: the fourth is nine days after the first, but three after the latest.
        foreach (var day in new[] { 1, 4, 7, 10 })
        {
            await Report(day);
        }

        await Report(20);
        Assert.Equal(new long[] { 1, 4 }, await Articles());
        await Report(13);
        Assert.Equal(new long[] { 1, 5 }, await Articles());
        await Report(17);
        Assert.Equal(new long[] { 2, 5 }, await Articles());
        // Three days after the 13th, one before the 17th: both events are one.
        await Report(16);
        Assert.Equal(new long[] { 8 }, await Articles());
    }

    [SkippableFact]
    public async Task ListEvents_Filters_SelectByActorTypeStatusAndDates()
    {
        var (reuters, ap) = Meeting();
        await using var store = _db.Open();
        await store.AddAsync(reuters);
        await store.AddAsync(ap);
        await store.AddAsync(Build("x", "Putin threatened Zelensky.", new DateOnly(2025, 11, 2), "https://x.example/1",
            [Person("e1", "Vladimir Putin", "RUS"), Person("e2", "Volodymyr Zelensky", "UKR", "Zelensky")], [Event("v1", "THREATEN", "e1", "e2", "2025-11-02", goldstein: -7)]));

        Assert.Equal(2, (await store.ListEventsAsync(new CorpusEventFilter(Actor: "Zelensky"), 10)).Count);
        Assert.Equal("THREATEN", Assert.Single(await store.ListEventsAsync(new CorpusEventFilter(Actor: "Vladimir Putin"), 10)).Type);
        Assert.Equal("CONSULT", Assert.Single(await store.ListEventsAsync(new CorpusEventFilter(Type: "consult"), 10)).Type);
        Assert.Equal("THREATEN", Assert.Single(await store.ListEventsAsync(new CorpusEventFilter(From: new DateOnly(2025, 11, 1)), 10)).Type);
        Assert.Equal("CONSULT", Assert.Single(await store.ListEventsAsync(new CorpusEventFilter(To: Oct17), 10)).Type);
        Assert.Empty(await store.ListEventsAsync(new CorpusEventFilter(Actor: "No Such Person"), 10));
        var all = await store.ListEventsAsync(new CorpusEventFilter(), 10);
        Assert.Equal(["THREATEN", "CONSULT"], all.Select(e => e.Type));
        Assert.Equal(["CONSULT"], (await store.ListEventsAsync(new CorpusEventFilter(), 1, offset: 1)).Select(e => e.Type));
    }

    [SkippableFact]
    public async Task Timeline_Entity_DatedEventsInOrderAndUndatedAtPublicationMarkedApproximate()
    {
        await using var store = _db.Open();
        Entity[] people = [Person("e1", "Keir Starmer", "GBR"), Person("e2", "Emmanuel Macron", "FRA")];
        await store.AddAsync(Build("a", "Starmer will visit Macron.", Oct16, "https://a.example/1", people, [Event("v1", "CONSULT", "e1", "e2", "2025-12-01", "planned")]));
        await store.AddAsync(Build("b", "Starmer criticised Macron.", Oct17, "https://b.example/1", people, [Event("v1", "DISAPPROVE", "e1", "e2", null, goldstein: -2)]));
        await store.AddAsync(Build("c", "Starmer praised Macron.", Oct16, "https://c.example/1", people, [Event("v1", "APPROVE", "e1", "e2", "2025-10-10", goldstein: 3.5)]));

        var timeline = await store.TimelineAsync("Emmanuel Macron", 10);

        Assert.NotNull(timeline);
        Assert.Equal("Emmanuel Macron", timeline.Entity.Name);
        Assert.Equal(["APPROVE", "DISAPPROVE", "CONSULT"], timeline.Events.Select(e => e.Type));
        Assert.Equal([false, true, false], timeline.Events.Select(e => e.Approximate));
        Assert.Equal(Oct17, timeline.Events[1].Day);
        Assert.Null(await store.TimelineAsync("Nobody Atall", 10));
    }

    [SkippableFact]
    public async Task Agenda_FutureDatedPlannedEvent_IsListedAndPastOnesAreNot()
    {
        await using var store = _db.Open();
        Entity[] people = [Person("e1", "Ana Ruiz", "ESP"), Org("e2", "Supreme Court", "ORG", "ESP")];
        await store.AddAsync(Build("a", "Ruiz will appear before the Supreme Court on 3 March.", Oct16, "https://a.example/1", people,
            [Event("v1", "ACCUSE", "e2", "e1", "2026-03-03", "planned"), Event("v2", "ACCUSE", "e2", "e1", "2025-10-01")]));
        await store.AddAsync(Build("b", "A summit is planned for November.", Oct16, "https://b.example/1", people,
            [Event("v1", "CONSULT", "e1", "e2", "2025-11", "planned")]));

        var agenda = await store.AgendaAsync(new DateOnly(2025, 10, 20), 10);

        Assert.Equal(["2025-11", "2026-03-03"], agenda.Select(e => e.Date));
        Assert.Empty(await store.AgendaAsync(new DateOnly(2026, 4, 1), 10));
    }

    [SkippableFact]
    public async Task UndatedPlans_PlannedWithoutDate_ListedWhileRecentOnly()
    {
        await using var store = _db.Open();
        Entity[] people = [Person("e1", "Keir Starmer", "GBR"), Person("e2", "Emmanuel Macron", "FRA")];
        await store.AddAsync(Build("a", "Starmer plans to visit Macron.", Oct16, "https://a.example/1", people,
            [Event("v1", "CONSULT", "e1", "e2", null, "planned"), Event("v2", "APPROVE", "e1", "e2", null), Event("v3", "AID", "e1", "e2", "2025-12-01", "planned")]));

        var asOfNextDay = await store.UndatedPlansAsync(Oct17, 30, 10);

        Assert.Equal(["CONSULT"], asOfNextDay.Select(e => e.Type));
        Assert.Empty(await store.UndatedPlansAsync(new DateOnly(2025, 10, 15), 30, 10));
        Assert.Empty(await store.UndatedPlansAsync(new DateOnly(2025, 12, 30), 30, 10));
    }

    [SkippableFact]
    public async Task Network_Events_PairsWithCountsAndMeanGoldstein()
    {
        await using var store = _db.Open();
        Entity[] people = [Person("e1", "Xi Jinping", "CHN"), Person("e2", "Lai Ching-te", "TWN")];
        await store.AddAsync(Build("a", "Xi warned Lai.", Oct16, "https://a.example/1", people, [Event("v1", "THREATEN", "e1", "e2", "2025-10-16", goldstein: -6)]));
        await store.AddAsync(Build("b", "Xi criticised Lai.", Oct17, "https://b.example/1", people, [Event("v1", "DISAPPROVE", "e1", "e2", "2025-10-17", goldstein: -2)]));

        var pair = Assert.Single(await store.NetworkAsync(10));

        Assert.Equal(("Xi Jinping", "Lai Ching-te", 2L, -4.0), (pair.Source.Name, pair.Target.Name, pair.Events, pair.MeanGoldstein));
    }

    [SkippableFact]
    public async Task MinConfidence_EventsTimelineAgendaNetwork_KeepOnlyEventsWithAReportThatConfident()
    {
        await using var store = _db.Open();
        Entity[] people = [Person("e1", "Xi Jinping", "CHN"), Person("e2", "Lai Ching-te", "TWN")];
        await store.AddAsync(Build("a", "Xi warned Lai.", Oct16, "https://a.example/1", people,
            [Event("v1", "THREATEN", "e1", "e2", "2026-01-16", "planned", goldstein: -6) with { Confidence = 0.3 }]));
        await store.AddAsync(Build("b", "Xi will meet Lai.", Oct17, "https://b.example/1", people,
            [Event("v1", "CONSULT", "e2", "e1", "2026-01-17", "planned") with { Confidence = 0.8 }]));

        async Task<List<string>> Types(double min) => [.. (await store.ListEventsAsync(new CorpusEventFilter { MinConfidence = min }, 10)).Select(e => e.Type).Order(StringComparer.Ordinal)];

        Assert.Equal(["CONSULT", "THREATEN"], await Types(0));
        Assert.Equal(["CONSULT"], await Types(0.5));
        Assert.Equal(["CONSULT"], await Types(0.8));
        Assert.Empty(await Types(0.81));
        Assert.Equal([0.8, 0.3], (await store.ListEventsAsync(new CorpusEventFilter(), 10)).OrderByDescending(e => e.Confidence).Select(e => e.Confidence));
        Assert.Equal(["CONSULT"], (await store.TimelineAsync("Xi Jinping", 10, 0, 0.5))!.Events.Select(e => e.Type));
        Assert.Equal(["CONSULT"], (await store.AgendaAsync(new DateOnly(2025, 10, 20), 10, 0, 0.5)).Select(e => e.Type));
        Assert.Equal(2, (await store.NetworkAsync(10)).Count);
        var pair = Assert.Single(await store.NetworkAsync(10, 0, 0.5));
        Assert.Equal("Lai Ching-te", pair.Source.Name);
    }

    [SkippableFact]
    public async Task MinConfidence_EventReportedConfidentlyThenNot_KeptWithBothReports()
    {
        await using var store = _db.Open();
        Entity[] people = [Person("e1", "Xi Jinping", "CHN"), Person("e2", "Lai Ching-te", "TWN")];
        await store.AddAsync(Build("a", "Xi will meet Lai.", Oct16, "https://a.example/1", people,
            [Event("v1", "CONSULT", "e1", "e2", "2026-01-17", "planned") with { Confidence = 0.8 }]));
        await store.AddAsync(Build("b", "Xi is to meet Lai.", Oct17, "https://b.example/1", people,
            [Event("v1", "CONSULT", "e1", "e2", "2026-01-17", "planned") with { Confidence = 0.2 }]));

        var merged = Assert.Single(await store.ListEventsAsync(new CorpusEventFilter { MinConfidence = 0.5 }, 10));

        Assert.Equal(2, merged.Evidence.Count);
        Assert.Equal(0.8, merged.Confidence);
        Assert.Single(await store.ListEventsAsync(new CorpusEventFilter(Type: "CONSULT", Status: "planned") { MinConfidence = 0.8 }, 10));
        Assert.Empty(await store.ListEventsAsync(new CorpusEventFilter(Type: "CONSULT") { MinConfidence = 0.81 }, 10));
    }

    [SkippableFact]
    public async Task Network_EventsOfSeveralQuadClasses_CountsEachClassAndNamesTheMajority()
    {
        await using var store = _db.Open();
        Entity[] people = [Person("e1", "Xi Jinping", "CHN"), Person("e2", "Lai Ching-te", "TWN")];
        await store.AddAsync(Build("a", "Xi warned Lai.", Oct16, "https://a.example/1", people,
            [Event("v1", "THREATEN", "e1", "e2", "2025-10-16", goldstein: -6) with { QuadClass = 3 }]));
        await store.AddAsync(Build("b", "Xi blockaded Lai.", Oct17, "https://b.example/1", people,
            [Event("v1", "COERCE", "e1", "e2", "2025-10-17", goldstein: -9) with { QuadClass = 4 }]));
        await store.AddAsync(Build("c", "Xi seized Lai's ships.", new DateOnly(2025, 10, 20), "https://c.example/1", people,
            [Event("v1", "SEIZE", "e1", "e2", "2025-10-20", goldstein: -9) with { QuadClass = 4 }]));

        var pair = Assert.Single(await store.NetworkAsync(10));

        Assert.Equal([0L, 0L, 1L, 2L], pair.QuadClasses);
        Assert.Equal(4, pair.QuadClass);
    }

    [SkippableFact]
    public void ActorPair_TieBetweenQuadClasses_NamesTheLowerAndNoneGivesZero()
    {
        CorpusActor a = new(1, "A", null), b = new(2, "B", null);

        Assert.Equal(2, new ActorPair(a, b, 4, 0, [0, 2, 0, 2]).QuadClass);
        Assert.Equal(0, new ActorPair(a, b, 0, 0, [0, 0, 0, 0]).QuadClass);
    }

    [SkippableFact]
    public async Task GetEvent_KnownAndUnknownId_GivesTheEventWithItsReportsOrNull()
    {
        var (reuters, ap) = Meeting();
        await using var store = _db.Open();
        await store.AddAsync(reuters);
        await store.AddAsync(ap);
        var listed = Assert.Single(await store.ListEventsAsync(new CorpusEventFilter(), 10));

        var single = await store.GetEventAsync(listed.Id);

        Assert.NotNull(single);
        Assert.Equal((listed.Id, "CONSULT", 2), (single.Id, single.Type, single.Evidence.Count));
        Assert.Equal(["Volodymyr Zelensky"], single.Source.Select(a => a.Name));
        Assert.Null(await store.GetEventAsync(listed.Id + 1000));
    }

    [SkippableFact]
    public async Task CorpusEventIds_TwoReportsOfOneMeeting_MapBothDocumentEventsToTheOneCorpusEvent()
    {
        var (reuters, ap) = Meeting();
        await using var store = _db.Open();
        await store.AddAsync(reuters);
        await store.AddAsync(ap);
        var corpusEvent = Assert.Single(await store.ListEventsAsync(new CorpusEventFilter(), 10));

        var fromReuters = await store.CorpusEventIdsAsync(reuters.Id);
        var fromAp = await store.CorpusEventIdsAsync(ap.Id.ToUpperInvariant());

        Assert.Equal(corpusEvent.Id, Assert.Single(fromReuters, p => p.Key == "v1").Value);
        Assert.Equal(corpusEvent.Id, fromAp["v1"]);
        Assert.Empty(await store.CorpusEventIdsAsync("0000000000000000"));
    }

    [SkippableFact]
    public async Task GetEntity_ActorOfSeveralEvents_CountsThemAndRanksConnectedActorsBySharedEvents()
    {
        await using var store = _db.Open();
        Entity[] people = [Person("e1", "Keir Starmer", "GBR"), Person("e2", "Emmanuel Macron", "FRA"), Person("e3", "Friedrich Merz", "DEU")];
        await store.AddAsync(Build("a", "Starmer met Macron.", Oct16, "https://a.example/1", people, [Event("v1", "CONSULT", "e1", "e2", "2025-10-16")]));
        await store.AddAsync(Build("b", "Starmer praised Macron.", Oct17, "https://b.example/1", people, [Event("v1", "APPROVE", "e1", "e2", "2025-10-17")]));
        await store.AddAsync(Build("c", "Merz called Starmer.", Oct17, "https://c.example/1", people, [Event("v1", "CONSULT", "e3", "e1", "2025-10-17")]));

        var starmer = await store.GetEntityAsync("Keir Starmer");

        Assert.NotNull(starmer);
        Assert.Equal(3, starmer.Events);
        Assert.Equal([("Emmanuel Macron", 2L), ("Friedrich Merz", 1L)], starmer.Connections.Select(c => (c.Actor.Name, c.Events)));
        Assert.Equal(1, (await store.GetEntityAsync("Friedrich Merz"))!.Events);
    }

    [SkippableFact]
    public async Task ListEvents_SeveralOnOneDay_NewestCreatedFirstAndPagesDoNotOverlap()
    {
        await using var store = _db.Open();
        Entity[] people = [Person("e1", "Keir Starmer", "GBR"), Person("e2", "Emmanuel Macron", "FRA")];
        string[] types = ["CONSULT", "APPROVE", "DISAPPROVE", "AID", "COOPERATE"];
        for (var i = 0; i < types.Length; i++)
        {
            await store.AddAsync(Build("d" + i, "Starmer and Macron, part " + i + ".", Oct16, "https://a.example/" + i, people,
                [Event("v1", types[i], "e1", "e2", "2025-10-16")]));
        }

        var first = await store.ListEventsAsync(new CorpusEventFilter(), 2);
        var rest = await store.ListEventsAsync(new CorpusEventFilter(), 10, offset: 2);

        Assert.Equal(["COOPERATE", "AID"], first.Select(e => e.Type));
        Assert.Equal(["DISAPPROVE", "APPROVE", "CONSULT"], rest.Select(e => e.Type));
    }

    [SkippableFact]
    public async Task ListEntities_QueryAndType_MatchAliasSubstringsAndPage()
    {
        var (reuters, ap) = Meeting();
        await using var store = _db.Open();
        await store.AddAsync(reuters);
        await store.AddAsync(ap);

        Assert.Equal("Volodymyr Zelensky", Assert.Single(await store.ListEntitiesAsync(null, "zelenskyy", 10)).Name);
        Assert.Equal("Donald Trump", Assert.Single(await store.ListEntitiesAsync(null, "president tru", 10)).Name);
        Assert.Equal(["Washington"], (await store.ListEntitiesAsync("gpe", null, 10)).Select(e => e.Name));
        var all = await store.ListEntitiesAsync(null, null, 10);
        Assert.Equal(4, all.Count);
        Assert.Equal(all.Skip(1).Take(2), await store.ListEntitiesAsync(null, null, 2, offset: 1));
    }

    [SkippableFact]
    public async Task Add_OlderDocumentAfterNewer_KeepsTheCodeOfTheMostRecent()
    {
        await using var store = _db.Open();
        await store.AddAsync(Build("new", "Pete Hegseth spoke.", new DateOnly(2025, 6, 1), "https://a.example/1", [Person("e1", "Pete Hegseth", "USA") with { Code = "USAGOV", Sector = "GOV" }]));
        await store.AddAsync(Build("old", "Pete Hegseth spoke on TV.", new DateOnly(2024, 6, 1), "https://a.example/2", [Person("e1", "Pete Hegseth", "USA") with { Code = "USAMED", Sector = "MED" }]));

        var entity = Assert.Single(await store.ListEntitiesAsync(null, null, 10));

        Assert.Equal(("USAGOV", "GOV"), (entity.Code, entity.Sector));
    }

    [SkippableFact]
    public async Task Add_FailureAfterTheCorpusStage_RollsBackTheCorpusToo()
    {
        var (reuters, _) = Meeting();
        await using var store = _db.Open();
        store.AfterStage = stage =>
        {
            if (stage == "corpus")
            {
                throw new InvalidOperationException("boom");
            }
        };

        await Assert.ThrowsAsync<InvalidOperationException>(() => store.AddAsync(reuters));

        foreach (var table in new[] { "documents", "corpus_entities", "corpus_entity_aliases", "corpus_entity_roles", "corpus_events", "corpus_event_actors", "corpus_event_sources" })
        {
            Assert.Equal(0, _db.Count(table));
        }
    }

    /// <summary>People and organisations with surnames and one-word aliases in common, a bare surname resolved by its
    /// document's full name, and two people merged by a document that names both.</summary>
    private static List<Document> SharedNames() =>
    [
        Build("a", "Ann Clark spoke. Clark left.", Oct16, "https://a.example/1", [Person("e1", "Ann Clark", "GBR", "Clark")]),
        Build("b", "Bob Clark spoke. Clark stayed.", Oct16, "https://b.example/1", [Person("e1", "Bob Clark", "GBR", "Clark")]),
        Build("c", "Clark spoke; the visit to Britain was postponed.", Oct17, "https://c.example/1", [Person("e1", "Clark", "GBR")],
            [Event("v1", "CONSULT", "e1", "GBR", null, status: "postponed")]),
        Build("d", "Clark wrote to Clark.", Oct17, "https://d.example/1", [Person("e1", "Clark"), Org("e2", "Clark")]),
        Build("e", "Cara Clark spoke; Clark was there.", Oct17, "https://e.example/1",
            [Person("e1", "Cara Clark", null, "Clark"), Person("e2", "Clark")]),
        Build("f", "Anthony Blair spoke.", Oct16, "https://f.example/1", [Person("e1", "Anthony Blair")]),
        Build("g", "Tony Blair spoke.", Oct16, "https://g.example/1", [Person("e1", "Tony Blair", null, "Blair")]),
        Build("h", "Anthony Blair, Tony Blair to friends, spoke.", Oct17, "https://h.example/1",
            [Person("e1", "Anthony Blair", null, "Tony Blair")]),
    ];

    [SkippableFact]
    public async Task Add_BareSurnameThatFullNamePeopleCarryAsAnAlias_JoinsOnlyTheBarePerson()
    {
        await using var store = _db.Open();
        foreach (var document in SharedNames())
        {
            await store.AddAsync(document);
        }

        var people = await store.ListEntitiesAsync("PERSON", null, 20);
        Assert.Equal(["Ann Clark", "Anthony Blair", "Bob Clark", "Cara Clark", "Clark"], people.Select(p => p.Name).Order(StringComparer.Ordinal));
        Assert.Equal(2, people.Single(p => p.Name == "Clark").Documents);
        Assert.Equal(1, people.Single(p => p.Name == "Cara Clark").Documents);
        Assert.Equal(3, people.Single(p => p.Name == "Anthony Blair").Documents);
        Assert.Equal("Clark", Assert.Single(await store.ListEntitiesAsync("ORG", null, 20)).Name);
    }

    [SkippableFact]
    public async Task Add_NamesOfPeopleAndOrganisations_EachNameRowCarriesItsEntitysTypeAndBareness()
    {
        await using (var store = _db.Open())
        {
            foreach (var document in SharedNames())
            {
                await store.AddAsync(document);
            }
        }

        Assert.Equal(0, _db.Scalar("SELECT count(*) FROM corpus_entity_aliases AS a JOIN corpus_entities AS c ON c.corpus_id = a.corpus_id WHERE a.type <> c.type"));
        Assert.Equal(["Clark"], _db.Lines("SELECT DISTINCT c.name FROM corpus_entity_aliases AS a JOIN corpus_entities AS c ON c.corpus_id = a.corpus_id WHERE a.bare"));
        Assert.Equal(0, _db.Scalar("SELECT count(*) FROM corpus_entity_aliases AS a JOIN corpus_entities AS c ON c.corpus_id = a.corpus_id WHERE c.name = 'Clark' AND c.type = 'PERSON' AND NOT a.bare"));
    }

    [SkippableFact]
    public async Task Add_DatedPlanAfterTheReportOfItsPostponement_JoinsItsCorpusEvent()
    {
        await using var store = _db.Open();
        Entity[] people = [Person("e1", "Ann Clark", "GBR"), Person("e2", "Bob Clark", "GBR")];
        await store.AddAsync(Build("a", "The talks of Ann Clark and Bob Clark were postponed.", Oct16, "https://a.example/1", people,
            [Event("v1", "CONSULT", "e1", "e2", null, status: "postponed")]));
        await store.AddAsync(Build("b", "Ann Clark will meet Bob Clark on 20 October.", Oct17, "https://b.example/1", people,
            [Event("v1", "CONSULT", "e1", "e2", "2025-10-20", status: "planned")]));

        Assert.Equal(1, _db.Count("corpus_events"));
        Assert.Equal(2, _db.Scalar("SELECT mention_count FROM corpus_events"));
    }

    [SkippableFact]
    public async Task Migrate_NameRowsWithoutTypeAndBareness_FillsThemAsTheWriterDoes()
    {
        await using (var store = _db.Open())
        {
            foreach (var document in SharedNames())
            {
                await store.AddAsync(document);
            }
        }

        const string Rows = "SELECT corpus_id, norm, kind, alias, type, CASE WHEN bare THEN 1 ELSE 0 END FROM corpus_entity_aliases";
        var written = _db.Lines(Rows);
        Assert.Contains(written, r => r.EndsWith("| PERSON | 1", StringComparison.Ordinal));
        if (kind == StoreKind.Sqlite)
        {
            // And the marks of the corpus events that hold a change of plan (CorpusWriter.ChangeOfPlanMark).
            const string Marks = "SELECT type, source_key, target_key, status_class, corpus_event_id FROM corpus_event_dates WHERE date_value = ''";
            var marks = _db.Lines(Marks);
            Assert.Single(marks);
            _db.Execute("""
                DELETE FROM corpus_event_dates;
                DROP INDEX corpus_entity_aliases_by_norm;
                ALTER TABLE corpus_entity_aliases DROP COLUMN type;
                ALTER TABLE corpus_entity_aliases DROP COLUMN bare;
                CREATE INDEX corpus_entity_aliases_by_norm ON corpus_entity_aliases (norm);
                """ + SqliteSchema.Migrations.Single(m => m.Version == 11).Sql);
            Assert.Equal(marks, _db.Lines(Marks));
        }
        else
        {
            _db.Execute("""
                ALTER TABLE corpus_entity_aliases DROP COLUMN type;
                ALTER TABLE corpus_entity_aliases DROP COLUMN bare;
                CREATE INDEX corpus_entity_aliases_by_norm ON corpus_entity_aliases (norm);
                """ + Storage.Postgres.PostgresSchema.Migrations.Single(m => m.Version == 10).Sql);
        }

        Assert.Equal(written, _db.Lines(Rows));
    }

}

/// <summary>The corpus contract on SQLite.</summary>
public sealed class CorpusStoreTests() : CorpusStoreContract(StoreKind.Sqlite);

/// <summary>The corpus contract on PostgreSQL (skips without <c>DOSSIER_TEST_POSTGRES</c>).</summary>
public sealed class PostgresCorpusStoreTests() : CorpusStoreContract(StoreKind.Postgres);

/// <summary>What only the SQLite file does: its query plans and the migration of files written by older versions.</summary>
public sealed class SqliteCorpusFileTests : IDisposable
{
    private readonly TempDatabase _db = new();

    public void Dispose() => _db.Dispose();

    private static (Document Reuters, Document Ap) Meeting() => CorpusStoreContract.Meeting();

    [Theory]
    [InlineData("", "corpus_events_by_day")]
    [InlineData("WHERE ce.status = 'planned'", "corpus_events_by_status_day")]
    [InlineData("WHERE ce.type = 'CONSULT'", "corpus_events_by_type_day")]
    public async Task EventListQuery_Filter_ReadsInDayOrderFromAnIndexWithoutSorting(string where, string index)
    {
        await using (_db.Open())
        {
        }

        using var connection = _db.Connect();
        using var command = connection.CreateCommand();
        command.CommandText = $"""
            EXPLAIN QUERY PLAN SELECT ce.corpus_event_id FROM corpus_events AS ce {where}
            ORDER BY coalesce(ce.date_day, ce.first_published) DESC, ce.corpus_event_id DESC LIMIT 50
            """;
        using var reader = command.ExecuteReader();
        var plan = new List<string>();
        while (reader.Read())
        {
            plan.Add(reader.GetString(3));
        }

        Assert.Contains(plan, step => step.Contains(index, StringComparison.Ordinal));
        Assert.DoesNotContain(plan, step => step.Contains("TEMP B-TREE", StringComparison.Ordinal));
    }

    [Fact]
    public async Task CorpusEventDates_MigrationFill_HoldsEveryRowTheWriterAdds()
    {
        Event Vague(string id, string date, string status = "occurred") => CorpusSamples.Event(id, "ACCUSE", "e1", "CHN", date, status);
        await using (var store = _db.Open())
        {
            await store.AddAsync(CorpusSamples.Build("a", "The US accused China.", new DateOnly(2025, 10, 16), "https://a.example/1",
                [CorpusSamples.Org("e1", "US", "GPE")],
                [Vague("v1", "2025-W42"), Vague("v2", "2025-10-16"), Vague("v3", "2025-10-16T14:00"), Vague("v4", "2025"),
                 Vague("v5", "PAST_REF"), Vague("v6", "2025-10"), Vague("v7", "2025-W43", "postponed")]));
        }

        List<string> Rows()
        {
            using var connection = _db.Connect();
            using var command = connection.CreateCommand();
            command.CommandText = "SELECT type || '|' || source_key || '|' || target_key || '|' || status_class || '|' || date_value || '|' || corpus_event_id FROM corpus_event_dates";
            using var reader = command.ExecuteReader();
            var rows = new List<string>();
            while (reader.Read())
            {
                rows.Add(reader.GetString(0));
            }

            return rows;
        }

        // The postponement is marked by an empty value (CorpusWriter.ChangeOfPlanMark, migration 11), not filled by migration 9.
        var written = Rows().Where(w => w.Split('|')[4].Length > 0).ToList();
        Assert.Equal(["", "2025", "2025-10", "2025-W42", "PAST_REF"], Rows().Select(w => w.Split('|')[4]).Order(StringComparer.Ordinal));
        using (var connection = _db.Connect())
        using (var command = connection.CreateCommand())
        {
            command.CommandText = "DROP TABLE corpus_event_dates; DROP INDEX events_changes_of_plan;\n" + SqliteSchema.Migrations.Single(m => m.Version == 9).Sql;
            command.ExecuteNonQuery();
        }

        var filled = Rows();
        Assert.Subset(filled.ToHashSet(), written.ToHashSet());
    }

    [Fact]
    public async Task Open_Version1DatabaseWithDocuments_MigratesKeepsThemAndLinksThemIntoTheCorpus()
    {
        var (reuters, ap) = Meeting();
        using (var connection = _db.Connect())
        {
            using (var command = connection.CreateCommand())
            {
                command.CommandText = SqliteSchema.Migrations[0].Sql + "\nPRAGMA user_version = 1;";
                command.ExecuteNonQuery();
            }

            OldStore.Write(connection, reuters, ap);
        }

        await using (var store = _db.Open())
        {
            Assert.Equal(SqliteSchema.LatestVersion, store.SchemaVersion);
            SampleDocuments.AssertSame(reuters, (await store.GetAsync(reuters.Id))!);
            Assert.Equal(2, (await store.ListAsync(10)).Count);
            var e = Assert.Single(await store.ListEventsAsync(new CorpusEventFilter(), 10));
            Assert.Equal(2, e.NumArticles);
        }

        // Opening again links nothing twice.
        await using (var store = _db.Open())
        {
            Assert.Equal(2, (await store.GetEntityAsync("Donald Trump"))!.Entity.Documents);
        }

        Assert.Equal(0, _db.Scalar("SELECT count(*) FROM documents WHERE corpus_linked = 0"));
    }
}
