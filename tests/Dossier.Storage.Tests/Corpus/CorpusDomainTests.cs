using Dossier.Core.Documents;
using Dossier.Core.Labels;
using Dossier.Storage.Corpus;
using static Dossier.Storage.Tests.Corpus.CorpusSamples;

namespace Dossier.Storage.Tests.Corpus;

/// <summary>Document topics and event domains in the store: written, read back, and the default views (events, network,
/// timeline, agenda) leaving out events of sport and entertainment reports unless asked.</summary>
public abstract class CorpusDomainContract(StoreKind kind) : IDisposable
{
    private static readonly DateOnly Day = new(2026, 3, 2);
    private readonly TestStore _db = new(kind);

    public void Dispose() => _db.Dispose();

    /// <summary>A match report: two clubs, one "meeting" (the fixture) coded as an event, flagged sport.</summary>
    private static Document Fixture(string title = "Harbour Rovers face Valley Athletic", string date = "2026-03-09") => Build(title,
        "Harbour Rovers will play Valley Athletic at the Quay Ground. The coach of Harbour Rovers expects a hard match.",
        Day, "https://sport.example.org/rovers",
        [Org("e1", "Harbour Rovers"), Org("e2", "Valley Athletic")],
        [Event("v1", "CONSULT", "e1", "e2", date, "planned") with { Domain = DocumentTopics.Sport }])
        with { Topic = DocumentTopics.Sport };

    /// <summary>Two ministers meet: no domain.</summary>
    private static Document Talks(string url = "https://news.example.org/talks") => Build("Ministers to meet",
        "Minister Clara Voss will meet Minister Pavel Oren in Geneva. Voss said the talks would cover trade.",
        Day, url,
        [Person("e1", "Clara Voss", null, "Voss"), Person("e2", "Pavel Oren", null, "Oren")],
        [Event("v1", "CONSULT", "e1", "e2", "2026-03-10", "planned")])
        with { Topic = DocumentTopics.Politics };

    [SkippableFact]
    public async Task Add_DocumentWithTopicAndFlaggedEvent_ReadsBothBack()
    {
        await using var store = _db.Open();
        var fixture = Fixture();
        await store.AddAsync(fixture);

        var stored = await store.GetAsync(fixture.Id);
        var listed = Assert.Single(await store.ListAsync(10));

        Assert.Equal(DocumentTopics.Sport, stored!.Topic);
        Assert.Equal(DocumentTopics.Sport, Assert.Single(stored.Events).Domain);
        Assert.Equal(DocumentTopics.Sport, listed.Topic);
        Assert.Equal(1, _db.Scalar("SELECT count(*) FROM documents WHERE topic = 'sport'"));
        Assert.Equal(1, _db.Scalar("SELECT count(*) FROM corpus_events WHERE domain = 'sport'"));
    }

    [SkippableFact]
    public async Task Add_DocumentWithoutTopic_ReadsBackNull()
    {
        await using var store = _db.Open();
        var talks = Talks() with { Topic = null };
        await store.AddAsync(talks);

        Assert.Null((await store.GetAsync(talks.Id))!.Topic);
        Assert.Null(Assert.Single(await store.ListAsync(10)).Topic);
    }

    [SkippableFact]
    public async Task DefaultViews_SportAndPoliticsReports_LeaveOutTheSportEventUnlessAsked()
    {
        await using var store = _db.Open();
        await store.AddAsync(Fixture());
        await store.AddAsync(Talks());

        var events = await store.ListEventsAsync(new CorpusEventFilter(), 10);
        var network = await store.NetworkAsync(10);
        var clubTimeline = await store.TimelineAsync("Harbour Rovers", 10);
        var agenda = await store.AgendaAsync(Day, 10);

        Assert.Equal(["Clara Voss"], events.SelectMany(e => e.Source).Select(a => a.Name));
        Assert.Equal(["Clara Voss -> Pavel Oren"], network.Select(p => $"{p.Source.Name} -> {p.Target.Name}"));
        Assert.Empty(clubTimeline!.Events);
        Assert.Equal(["Clara Voss"], agenda.SelectMany(e => e.Source).Select(a => a.Name));

        Assert.Equal(2, (await store.ListEventsAsync(new CorpusEventFilter(Domain: DomainFilters.All), 10)).Count);
        Assert.Equal(2, (await store.NetworkAsync(10, domain: DomainFilters.All)).Count);
        Assert.Single((await store.TimelineAsync("Harbour Rovers", 10, domain: DomainFilters.All))!.Events);
        Assert.Equal(2, (await store.AgendaAsync(Day, 10, domain: DomainFilters.All)).Count);
        Assert.Equal([DocumentTopics.Sport, null],
            (await store.ListEventsAsync(new CorpusEventFilter(Domain: DomainFilters.All), 10)).Select(e => e.Domain).OrderBy(d => d is null));
        Assert.Equal(["Harbour Rovers -> Valley Athletic"],
            (await store.NetworkAsync(10, domain: DocumentTopics.Sport)).Select(p => $"{p.Source.Name} -> {p.Target.Name}"));
    }

    [SkippableFact]
    public async Task CorpusEvent_ReportedBySportAndByNewsDocuments_StaysInTheDefaultViews()
    {
        await using var store = _db.Open();
        await store.AddAsync(Fixture());
        // The same fixture reported by a general news document: one corpus event, no longer flagged.
        var news = Fixture("Rovers and Athletic to meet") with { Topic = DocumentTopics.Politics };
        await store.AddAsync(news with { Events = [.. news.Events.Select(e => e with { Domain = null })] });

        var e = Assert.Single(await store.ListEventsAsync(new CorpusEventFilter(), 10));
        Assert.Equal(2, e.NumArticles);
        Assert.Equal(0, _db.Scalar("SELECT count(*) FROM corpus_events WHERE domain IS NOT NULL"));
    }

    [SkippableFact]
    public async Task ListEvents_UnknownDomain_Throws()
    {
        await using var store = _db.Open();

        await Assert.ThrowsAsync<ArgumentException>(() => store.ListEventsAsync(new CorpusEventFilter(Domain: "weather"), 10));
    }
}

/// <summary>Topics and domains on SQLite.</summary>
public sealed class CorpusDomainTests() : CorpusDomainContract(StoreKind.Sqlite);

/// <summary>Topics and domains on PostgreSQL (skips without <c>DOSSIER_TEST_POSTGRES</c>).</summary>
public sealed class PostgresCorpusDomainTests() : CorpusDomainContract(StoreKind.Postgres);
