using Dossier.Core.Documents;
using Dossier.Storage.Corpus;
using Dossier.Storage.Postgres;
using Dossier.Storage.Sqlite;
using static Dossier.Storage.Tests.Corpus.CorpusSamples;

namespace Dossier.Storage.Tests.Corpus;

/// <summary>The copies an event list reads instead of joining (SQLite migration 12, PostgreSQL 11): each event actor row
/// carries its corpus entity's name and code, each report its document's id, title, date, source and address. Every
/// path that changes what they copy must keep them equal to the original.</summary>
public abstract class CorpusCopiesContract(StoreKind kind) : IDisposable
{
    /// <summary>PostgreSQL's migration that made the copies (later ones run again after it).</summary>
    private const int CopiesMigration = 11;

    private static readonly DateOnly Jan5 = new(2026, 1, 5);
    private static readonly DateOnly Jan6 = new(2026, 1, 6);
    private static readonly DateOnly Jan7 = new(2026, 1, 7);

    /// <summary>Actor rows whose copies differ from their corpus entity's name and code (or are set without an entity).</summary>
    private const string StaleActors = """
        SELECT count(*) FROM corpus_event_actors AS a LEFT JOIN corpus_entities AS c ON c.corpus_id = a.corpus_id
        WHERE (a.entity_name IS NULL) <> (c.name IS NULL) OR a.entity_name <> c.name
           OR (a.entity_code IS NULL) <> (c.code IS NULL) OR a.entity_code <> c.code
        """;

    /// <summary>Reports whose copies differ from their document's columns.</summary>
    private const string StaleReports = """
        SELECT count(*) FROM events AS e JOIN documents AS d ON d.doc_key = e.doc_key
        WHERE e.document_id IS NULL OR e.document_id <> d.id
           OR (e.document_title IS NULL) <> (d.title IS NULL) OR e.document_title <> d.title
           OR (e.document_published IS NULL) <> (d.published IS NULL) OR e.document_published <> d.published
           OR e.document_source IS NULL OR e.document_source <> d.source
           OR (e.document_url IS NULL) <> (d.url IS NULL) OR e.document_url <> d.url
        """;

    private readonly TestStore _db = new(kind);

    public void Dispose() => _db.Dispose();

    /// <summary>The harbour board meets a minister; a later document gives the board its full name and a newer code.</summary>
    private static List<Document> Renamed() =>
    [
        Build("Board meets minister", "The Harbour Board met Nora Lind on Monday.", Jan5, "https://a.example/board",
            [Org("e1", "Harbour Board") with { Code = "NORBUS" }, Person("e2", "Nora Lind", "NOR")],
            [Event("v1", "CONSULT", "e1", "e2", "2026-01-05", evidence: "The Harbour Board met Nora Lind on Monday.")]),
        Build("Port report", "The Oslo Harbour Board, or Harbour Board, published its report.", Jan7, "https://b.example/report",
            [Org("e1", "Oslo Harbour Board") with { Aliases = ["Harbour Board"], Code = "NORGOV" }]),
    ];

    /// <summary>Two people each in an event of their own, then one document that shows they are one person: the later
    /// entity ("Jonas Berg") is merged into the earlier, whose fuller name its repointed actor rows must then show.</summary>
    private static List<Document> Merged() =>
    [
        Build("Minister meets mayor", "Jonas Berg-Dahl met Kari Holm.", Jan5, "https://a.example/1",
            [Person("e1", "Jonas Berg-Dahl", "NOR"), Person("e2", "Kari Holm", "NOR")],
            [Event("v1", "CONSULT", "e1", "e2", "2026-01-05", evidence: "Jonas Berg-Dahl met Kari Holm.")]),
        Build("Minister visits", "Jonas Berg visited Per Moe.", Jan6, "https://b.example/2",
            [Person("e1", "Jonas Berg", "NOR") with { Code = "NORGOV" }, Person("e2", "Per Moe", "NOR")],
            [Event("v1", "CONSULT", "e1", "e2", "2026-01-06", evidence: "Jonas Berg visited Per Moe.")]),
        Build("Profile", "Jonas Berg-Dahl, born Jonas Berg, spoke.", Jan7, "https://c.example/3",
            [Person("e1", "Jonas Berg-Dahl", "NOR", "Jonas Berg")]),
    ];

    [SkippableFact]
    public async Task ListEvents_EntityRenamedAndRecodedByALaterDocument_ActorShowsTheNewNameAndCode()
    {
        await using var store = _db.Open();
        foreach (var document in Renamed())
        {
            await store.AddAsync(document);
        }

        var e = Assert.Single(await store.ListEventsAsync(new CorpusEventFilter(), 10));

        var board = Assert.Single(e.Source);
        Assert.Equal(("Oslo Harbour Board", "NORGOV"), (board.Name, board.Code));
        Assert.Equal(0, _db.Scalar(StaleActors));
        Assert.Equal(0, _db.Scalar(StaleReports));
    }

    [SkippableFact]
    public async Task ListEvents_TwoEntitiesMergedByALaterDocument_BothEventsShowTheMergedEntity()
    {
        await using var store = _db.Open();
        foreach (var document in Merged())
        {
            await store.AddAsync(document);
        }

        var events = await store.ListEventsAsync(new CorpusEventFilter(), 10);

        Assert.Equal(2, events.Count);
        var people = events.Select(e => Assert.Single(e.Source)).ToList();
        Assert.Single(people.Select(p => p.EntityId).Distinct());
        Assert.All(people, p => Assert.Equal(("Jonas Berg-Dahl", "NORGOV"), (p.Name, p.Code)));
        Assert.Equal(0, _db.Scalar("SELECT count(*) FROM corpus_event_actors WHERE corpus_id IS NOT NULL AND corpus_id NOT IN (SELECT corpus_id FROM corpus_entities)"));
        Assert.Equal(0, _db.Scalar(StaleActors));
    }

    [SkippableFact]
    public async Task ListEvents_EntityAndDocumentChangedOutsideTheWriters_ListFollowsThroughTheTriggers()
    {
        await using var store = _db.Open();
        foreach (var document in Renamed())
        {
            await store.AddAsync(document);
        }

        _db.Execute("UPDATE corpus_entities SET name = 'Nora K. Lind', code = 'NORGOV' WHERE name = 'Nora Lind'");
        _db.Execute("UPDATE documents SET title = 'Board and minister', url = 'https://a.example/b2', published = '2026-01-04' WHERE title = 'Board meets minister'");

        var e = Assert.Single(await store.ListEventsAsync(new CorpusEventFilter(), 10));

        Assert.Equal(("Nora K. Lind", "NORGOV"), (Assert.Single(e.Target).Name, Assert.Single(e.Target).Code));
        var report = Assert.Single(e.Evidence);
        Assert.Equal(("Board and minister", new DateOnly(2026, 1, 4)), (report.Title, report.Published));
        Assert.Equal(0, _db.Scalar(StaleActors));
        Assert.Equal(0, _db.Scalar(StaleReports));
    }

    [SkippableFact]
    public async Task Add_SameArticleAgainFromAnotherAddressAndDay_IsADuplicateAndTheReportKeepsTheStoredOnes()
    {
        await using var store = _db.Open();
        await store.AddAsync(Renamed()[0]);

        // A document's id is its title and text: the same article from a mirror a day later is the same document.
        var again = Build("Board meets minister", "The Harbour Board met Nora Lind on Monday.", Jan6, "https://mirror.example/board",
            [Org("e1", "Harbour Board"), Person("e2", "Nora Lind", "NOR")],
            [Event("v1", "CONSULT", "e1", "e2", "2026-01-05", evidence: "The Harbour Board met Nora Lind on Monday.")]);
        Assert.Equal(AddOutcome.Duplicate, await store.AddAsync(again));

        var report = Assert.Single(Assert.Single(await store.ListEventsAsync(new CorpusEventFilter(), 10)).Evidence);
        Assert.Equal(("a.example", Jan5), (report.Source, report.Published));
        Assert.Equal(0, _db.Scalar(StaleReports));
    }

    [SkippableFact]
    public async Task Open_StoreAtThePreviousVersion_MigrationFillsTheCopiesAsTheWritersDo()
    {
        await using (var store = _db.Open())
        {
            foreach (var document in Renamed().Concat(Merged()))
            {
                await store.AddAsync(document);
            }
        }

        const string Actors = "SELECT corpus_event_id, side, ordinal, entity_name, entity_code FROM corpus_event_actors";
        const string Reports = "SELECT doc_key, event_id, document_id, document_title, document_published, document_source, document_url FROM events";
        var actors = _db.Lines(Actors);
        var reports = _db.Lines(Reports);
        Assert.Contains(actors, a => a.EndsWith("| Oslo Harbour Board | NORGOV", StringComparison.Ordinal));
        Assert.Equal(3, reports.Count);

        // The store as the previous version left it: no copies, no triggers.
        if (kind == StoreKind.Sqlite)
        {
            _db.Execute($"""
                DROP TRIGGER corpus_entities_copy;
                DROP TRIGGER documents_copy;
                ALTER TABLE corpus_event_actors DROP COLUMN entity_name;
                ALTER TABLE corpus_event_actors DROP COLUMN entity_code;
                ALTER TABLE events DROP COLUMN document_id;
                ALTER TABLE events DROP COLUMN document_title;
                ALTER TABLE events DROP COLUMN document_published;
                ALTER TABLE events DROP COLUMN document_source;
                ALTER TABLE events DROP COLUMN document_url;
                PRAGMA user_version = {SqliteSchema.LatestVersion - 1};
                """);
        }
        else
        {
            _db.Execute($"""
                DROP TRIGGER corpus_entities_copy ON corpus_entities;
                DROP TRIGGER documents_copy ON documents;
                DROP FUNCTION dossier_copy_entity();
                DROP FUNCTION dossier_copy_document();
                ALTER TABLE corpus_event_actors DROP COLUMN entity_name, DROP COLUMN entity_code;
                ALTER TABLE events DROP COLUMN document_id, DROP COLUMN document_title, DROP COLUMN document_published,
                    DROP COLUMN document_source, DROP COLUMN document_url;
                UPDATE dossier_schema SET version = {CopiesMigration - 1};
                """);
        }

        await using (var store = _db.Open())
        {
            Assert.Equal(2, (await store.ListEventsAsync(new CorpusEventFilter { Type = "CONSULT" }, 10)).Count(e => e.Source.Any(a => a.Name == "Jonas Berg-Dahl")));
        }

        Assert.Equal(actors, _db.Lines(Actors));
        Assert.Equal(reports, _db.Lines(Reports));
        // And the triggers are back.
        _db.Execute("UPDATE corpus_entities SET code = 'NORMED' WHERE name = 'Oslo Harbour Board'");
        Assert.Equal(0, _db.Scalar(StaleActors));
        Assert.Contains(_db.Lines(Actors), a => a.EndsWith("| Oslo Harbour Board | NORMED", StringComparison.Ordinal));
    }
}

/// <summary>The copies on SQLite.</summary>
public sealed class CorpusCopiesTests() : CorpusCopiesContract(StoreKind.Sqlite);

/// <summary>The copies on PostgreSQL (skips without <c>DOSSIER_TEST_POSTGRES</c>).</summary>
public sealed class PostgresCorpusCopiesTests() : CorpusCopiesContract(StoreKind.Postgres);
