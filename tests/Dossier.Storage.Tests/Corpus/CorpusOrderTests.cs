using System.Globalization;
using Dossier.Core.Documents;
using static Dossier.Storage.Tests.Corpus.CorpusSamples;

namespace Dossier.Storage.Tests.Corpus;

/// <summary>Issue 14, item 7: the corpus a set of documents makes does not depend on the order they arrive in.</summary>
public abstract class CorpusOrderContract(StoreKind kind)
{
    private static DateOnly Oct(int day) => new(2025, 10, day);

    /// <summary>Surnames (shared, bare, resolved in the document), alias chains, countries, roles, events dated a day
    /// apart in a chain and undated reports published days apart in a chain.</summary>
    private static List<Document> Corpus() =>
    [
        Build("a", "Donald Trump met Volodymyr Zelensky. Trump spoke.", Oct(16), "https://a.example/1",
            [Person("e1", "Donald Trump", "USA", "Trump") with { Roles = [new Role("President", null, "USA", "current")], Code = "USAGOV" },
             Person("e2", "Volodymyr Zelensky", "UKR", "Zelensky")],
            [Event("v1", "CONSULT", "e1", "e2", "2025-10-16"), Event("v2", "ACCUSE", "e1", "CHN", null, status: "occurred")]),
        Build("b", "Trump met Zelenskyy in the US.", Oct(17), "https://b.example/1",
            [Person("e1", "Trump", null), Person("e2", "Volodymyr Zelenskyy", "UKR", "Zelenskyy", "Volodymyr Zelensky"), Org("e3", "US", "GPE")],
            [Event("v1", "CONSULT", "e2", "e1", "2025-10-17"), Event("v2", "CONSULT", "e2", "e3", "2025-10-18")]),
        Build("c", "Melania Trump and Donald Trump visited the United States.", Oct(18), "https://c.example/1",
            [Person("e1", "Melania Trump", "USA", "Trump"), Person("e2", "Donald Trump", null, "Trump") with { Code = "USAELI" },
             Org("e3", "United States", "GPE", "USA") with { Aliases = ["US", "United States"] }],
            [Event("v1", "CONSULT", "e1", "e3", "2025-10-19"), Event("v2", "ACCUSE", "e2", "CHN", null, status: "occurred")]),
        Build("d", "Trump spoke. Zelensky answered. The EU agreed.", Oct(20), "https://d.example/1",
            [Person("e1", "Trump", "USA"), Person("e2", "Zelensky", "UKR"), Org("e3", "EU") with { Aliases = ["EU"] }],
            [Event("v1", "CONSULT", "e2", "e1", "2025-10-17"), Event("v2", "ACCUSE", "USA", "CHN", null, status: "occurred")]),
        Build("e", "The European Union and the EU Commission met.", Oct(22), "https://e.example/1",
            [Org("e1", "European Union") with { Aliases = ["EU"] }, Org("e2", "European Commission") with { Aliases = ["EU Commission"] }],
            [Event("v1", "CONSULT", "e1", "e2", null, status: "planned"), Event("v2", "ACCUSE", "USA", "CHN", null, status: "occurred")]),
        Build("f", "The EU Commission met the Union.", Oct(25), "https://f.example/1",
            [Org("e1", "EU Commission") with { Aliases = ["EU Commission"] }, Org("e2", "European Union", country: "BEL") with { Aliases = ["EU"] }],
            [Event("v1", "CONSULT", "e2", "e1", null, status: "planned"), Event("v2", "ACCUSE", "USA", "CHN", null, status: "planned"),
             Event("v3", "ACCUSE", "USA", "CHN", null, status: "occurred")]),
        Build("g", "Donald Trump and Melania Trump spoke of Trump.", null, "https://g.example/1",
            [Person("e1", "Donald Trump", "USA"), Person("e2", "Melania Trump", "USA"), Person("e3", "Trump", null)],
            [Event("v1", "CONSULT", "e1", "e2", "2025-10-16"), Event("v2", "ACCUSE", "e3", "CHN", null)]),
    ];

    [SkippableFact]
    public async Task Add_SameDocumentsInThreeOrders_GivesTheSameCorpusEntitiesAndEvents()
    {
        var documents = Corpus();
        int[][] orders = [[0, 1, 2, 3, 4, 5, 6], [6, 5, 4, 3, 2, 1, 0], [3, 1, 5, 0, 6, 2, 4]];

        var snapshots = new List<(List<string> Entities, List<string> Events)>();
        foreach (var order in orders)
        {
            using var db = new TestStore(kind);
            await using (var store = db.Open())
            {
                foreach (var index in order)
                {
                    await store.AddAsync(documents[index]);
                }
            }

            snapshots.Add(Snapshot(db));
        }

        Assert.NotEmpty(snapshots[0].Entities);
        Assert.NotEmpty(snapshots[0].Events);
        Assert.Equal(snapshots[0].Entities, snapshots[1].Entities);
        Assert.Equal(snapshots[0].Entities, snapshots[2].Entities);
        Assert.Equal(snapshots[0].Events, snapshots[1].Events);
        Assert.Equal(snapshots[0].Events, snapshots[2].Events);
    }

    [SkippableFact]
    public async Task Add_ReportThatJoinsTwoEarlierEvents_MergesThemIntoOne()
    {
        using var db = new TestStore(kind);
        await using var store = db.Open();
        Document Report(string title, string date) => Build(title, "Zelensky met Trump.", Oct(20), $"https://{title}.example/1",
            [Person("e1", "Volodymyr Zelensky", "UKR"), Person("e2", "Donald Trump", "USA")], [Event("v1", "CONSULT", "e1", "e2", date)]);

        await store.AddAsync(Report("a", "2025-10-16"));
        await store.AddAsync(Report("c", "2025-10-18"));
        Assert.Equal(2, db.Count("corpus_events"));
        await store.AddAsync(Report("b", "2025-10-17"));

        Assert.Equal(1, db.Count("corpus_events"));
        Assert.Equal(3, db.Scalar("SELECT mention_count FROM corpus_events"));
        Assert.Equal(3, db.Scalar("SELECT source_count FROM corpus_events"));
    }

    [SkippableFact]
    public async Task Add_DocumentThatShowsTwoNamesAreOne_MergesTheirEntitiesAndEvents()
    {
        using var db = new TestStore(kind);
        await using var store = db.Open();
        await store.AddAsync(Build("a", "The US accused China.", Oct(16), "https://a.example/1",
            [Org("e1", "US", "GPE")], [Event("v1", "ACCUSE", "e1", "CHN", "2025-10-16")]));
        await store.AddAsync(Build("b", "The United States accused China.", Oct(16), "https://b.example/1",
            [Org("e1", "United States", "GPE", "USA")], [Event("v1", "ACCUSE", "e1", "CHN", "2025-10-16")]));
        Assert.Equal(2, db.Count("corpus_entities"));
        Assert.Equal(2, db.Count("corpus_events"));

        await store.AddAsync(Build("c", "The United States (US) spoke.", Oct(17), "https://c.example/1",
            [Org("e1", "United States", "GPE", "USA") with { Aliases = ["US"] }]));

        Assert.Equal(1, db.Count("corpus_entities"));
        Assert.Equal("United States", (await store.ListEntitiesAsync("GPE", null, 10)).Single().Name);
        Assert.Equal(1, db.Count("corpus_events"));
        Assert.Equal(2, db.Scalar("SELECT document_count FROM corpus_events"));
    }

    [SkippableFact]
    public async Task Add_MergeOfEntitiesThatShareADocument_CountsThatDocumentAndItsRoleOnce()
    {
        using var db = new TestStore(kind);
        await using var store = db.Open();
        var member = new Role("Member state", "EU", null, "current");
        await store.AddAsync(Build("a", "The US spoke.", Oct(16), "https://a.example/1", [Org("e1", "US", "GPE") with { Roles = [member] }]));
        await store.AddAsync(Build("b", "The United States spoke.", Oct(17), "https://b.example/1",
            [Org("e1", "United States", "GPE", "USA") with { Roles = [member] }]));
        // Both names in one document, each its own corpus entity still, each with the role.
        await store.AddAsync(Build("s", "The US and the United States spoke.", Oct(18), "https://s.example/1",
            [Org("e1", "US", "GPE") with { Roles = [member] }, Org("e2", "United States", "GPE", "USA") with { Roles = [member] }]));
        Assert.Equal(2, db.Count("corpus_entities"));

        await store.AddAsync(Build("c", "The United States (US) spoke.", Oct(19), "https://c.example/1",
            [Org("e1", "United States", "GPE", "USA") with { Aliases = ["US"] }]));

        Assert.Equal(1, db.Count("corpus_entities"));
        Assert.Equal(4, db.Scalar("SELECT document_count FROM corpus_entities"));
        Assert.Equal(db.Scalar("SELECT count(DISTINCT doc_key) FROM entities WHERE corpus_id IS NOT NULL"), db.Scalar("SELECT document_count FROM corpus_entities"));
        Assert.Equal(1, db.Count("corpus_entity_roles"));
        Assert.Equal(3, db.Scalar("SELECT document_count FROM corpus_entity_roles"));
    }

    [SkippableFact]
    public async Task Add_ReportsOfOneWeekPublishedMonthsApart_OneCorpusEventAndAnotherWeekApart()
    {
        using var db = new TestStore(kind);
        await using var store = db.Open();
        Document Report(string title, DateOnly published, string date) => Build(title, "Zelensky met Trump.", published, $"https://{title}.example/1",
            [Person("e1", "Volodymyr Zelensky", "UKR"), Person("e2", "Donald Trump", "USA")], [Event("v1", "CONSULT", "e1", "e2", date)]);

        await store.AddAsync(Report("a", new DateOnly(2025, 10, 16), "2025-W42"));
        await store.AddAsync(Report("b", new DateOnly(2025, 12, 20), "2025-W42"));
        await store.AddAsync(Report("c", new DateOnly(2025, 10, 17), "2025-W43"));
        await store.AddAsync(Report("d", new DateOnly(2026, 2, 1), "2025-W42"));

        Assert.Equal(2, db.Count("corpus_events"));
        Assert.Equal(3, db.Scalar("SELECT mention_count FROM corpus_events WHERE date_value = '2025-W42'"));
    }

    [SkippableFact]
    public async Task Add_DocumentThatShowsTwoNamesAreOne_MergesTheirEventsOfOneWeekAndLaterReportsJoinThem()
    {
        using var db = new TestStore(kind);
        await using var store = db.Open();
        await store.AddAsync(Build("a", "The US accused China.", Oct(16), "https://a.example/1",
            [Org("e1", "US", "GPE")], [Event("v1", "ACCUSE", "e1", "CHN", "2025-W42")]));
        await store.AddAsync(Build("b", "The United States accused China.", Oct(25), "https://b.example/1",
            [Org("e1", "United States", "GPE", "USA")], [Event("v1", "ACCUSE", "e1", "CHN", "2025-W42")]));
        Assert.Equal(2, db.Count("corpus_events"));

        await store.AddAsync(Build("c", "The United States (US) spoke.", Oct(26), "https://c.example/1",
            [Org("e1", "United States", "GPE", "USA") with { Aliases = ["US"] }]));
        Assert.Equal(1, db.Count("corpus_events"));
        await store.AddAsync(Build("d", "The US accused China.", Oct(30), "https://d.example/1",
            [Org("e1", "US", "GPE")], [Event("v1", "ACCUSE", "e1", "CHN", "2025-W42")]));

        Assert.Equal(1, db.Count("corpus_events"));
        Assert.Equal(3, db.Scalar("SELECT mention_count FROM corpus_events"));
    }

    [SkippableFact]
    public async Task Add_BareSurnameInADocumentWithoutTheFullName_StaysABarePerson()
    {
        using var db = new TestStore(kind);
        await using var store = db.Open();
        await store.AddAsync(Build("a", "Donald Trump spoke.", Oct(16), "https://a.example/1", [Person("e1", "Donald Trump", "USA", "Trump")]));
        await store.AddAsync(Build("b", "Trump spoke.", Oct(17), "https://b.example/1", [Person("e1", "Trump", "USA")]));
        await store.AddAsync(Build("c", "Donald Trump spoke; Trump said so.", Oct(17), "https://c.example/1",
            [Person("e1", "Donald Trump", "USA"), Person("e2", "Trump", "USA")]));

        var people = await store.ListEntitiesAsync("PERSON", null, 10);

        Assert.Equal(["Donald Trump", "Trump"], people.Select(p => p.Name).Order());
        Assert.Equal(2, people.Single(p => p.Name == "Donald Trump").Documents);
        Assert.Equal(1, people.Single(p => p.Name == "Trump").Documents);
    }

    /// <summary>Every corpus entity and event as a line of text that names no id, sorted.</summary>
    private static (List<string> Entities, List<string> Events) Snapshot(TestStore db)
    {
        var entities = db.Lines($"""
            SELECT c.type, c.name, c.country, c.sector, c.code, c.mention_count, c.document_count, c.first_seen, c.last_seen,
                   {db.JoinedList("kind || ':' || norm || '=' || alias", "FROM corpus_entity_aliases WHERE corpus_id = c.corpus_id")},
                   {db.JoinedList("role_key || '=' || title || '/' || coalesce(first_seen, '') || '/' || coalesce(last_seen, '') || '/' || document_count", "FROM corpus_entity_roles WHERE corpus_id = c.corpus_id")},
                   {db.JoinedList("d.id || '#' || e.entity_id", "FROM entities AS e JOIN documents AS d ON d.doc_key = e.doc_key WHERE e.corpus_id = c.corpus_id")}
            FROM corpus_entities AS c
            """);
        var events = db.Lines($"""
            SELECT c.type, c.mode, c.cameo, c.status, c.status_class, c.date_value, c.date_day, c.location_text, c.first_published, c.last_published,
                   c.mention_count, c.document_count, c.source_count,
                   {db.JoinedList("a.side || ':' || coalesce(n.name, a.code, '') || ':' || a.text", "FROM corpus_event_actors AS a LEFT JOIN corpus_entities AS n ON n.corpus_id = a.corpus_id WHERE a.corpus_event_id = c.corpus_event_id")},
                   {db.JoinedList("source", "FROM corpus_event_sources WHERE corpus_event_id = c.corpus_event_id")},
                   {db.JoinedList("d.id || '#' || e.event_id", "FROM events AS e JOIN documents AS d ON d.doc_key = e.doc_key WHERE e.corpus_event_id = c.corpus_event_id")}
            FROM corpus_events AS c
            """);
        return (entities, events);
    }
}

/// <summary>Order independence on SQLite.</summary>
public sealed class CorpusOrderTests() : CorpusOrderContract(StoreKind.Sqlite);

/// <summary>Order independence on PostgreSQL (skips without <c>DOSSIER_TEST_POSTGRES</c>).</summary>
public sealed class PostgresCorpusOrderTests() : CorpusOrderContract(StoreKind.Postgres);
