using Dossier.Core.Documents;
using Dossier.Core.Serialization;

namespace Dossier.Storage.Tests;

/// <summary>What every store does (<see cref="IDocumentStore"/>), run unchanged against each kind.</summary>

public abstract class DocumentStoreContract(StoreKind kind) : IDisposable
{
    private readonly TestStore _db = new(kind);

    public void Dispose() => _db.Dispose();

    [SkippableFact]
    public async Task AddThenGet_FullDocument_RoundTripsEveryLayer()
    {
        var document = SampleDocuments.Full();
        await using (var store = _db.Open())
        {
            Assert.Equal(AddOutcome.Added, await store.AddAsync(document));
        }

        // A fresh connection: nothing may come from a cache.
        await using var reopened = _db.Open();
        var stored = await reopened.GetAsync(document.Id);

        Assert.NotNull(stored);
        SampleDocuments.AssertSame(document, stored);
        Assert.Equal(DossierJson.Serialize(document), DossierJson.Serialize(stored));
    }

    [SkippableFact]
    public async Task AddThenGet_DocumentWithoutLayersOrTitle_RoundTrips()
    {
        var document = new Document("Ein kurzer Text ohne Analyse.", new DocumentMetadata(null, "in.txt", null), language: null);
        await using var store = _db.Open();

        await store.AddAsync(document);
        var stored = await store.GetAsync(document.Id);

        Assert.NotNull(stored);
        SampleDocuments.AssertSame(document, stored);
        Assert.False(stored.IsEnglish);
    }

    [SkippableFact]
    public async Task Add_FullDocument_FillsTheLayerTables()
    {
        await using (var store = _db.Open())
        {
            await store.AddAsync(SampleDocuments.Full());
        }

        Assert.Equal(4, _db.Count("entities"));
        Assert.Equal(2, _db.Count("entity_roles"));
        Assert.Equal(4, _db.Count("mentions"));
        Assert.Equal(1, _db.Count("times"));
        Assert.Equal(1, _db.Count("value_mentions"));
        Assert.Equal(2, _db.Count("events"));
        Assert.Equal(4, _db.Count("event_actors"));
        Assert.Equal(2, _db.Count("event_attributes"));
        Assert.Equal(1, _db.Scalar("SELECT count(*) FROM entities WHERE entity_id = 'e1' AND name = 'Volodymyr Zelensky' AND aliases = '[\"Zelensky\",\"Zelenskyy\"]'"));
        Assert.Equal(1, _db.Scalar("SELECT count(*) FROM entity_roles WHERE entity_id = 'e1' AND title = 'Actor' AND organization = 'Kvartal 95' AND status = 'former'"));
        Assert.Equal(1, _db.Scalar("SELECT count(*) FROM times WHERE value = '2025-10-16' AND text = 'Thursday'"));
        Assert.Equal(1, _db.Scalar("SELECT count(*) FROM value_mentions WHERE amount = 60000000000.125 AND amount_text = '60000000000.125' AND unit = 'USD'"));
        Assert.Equal(1, _db.Scalar("SELECT count(*) FROM events WHERE event_id = 'v1' AND location_entity = 'e4' AND date_value = '2025-10-16' AND mode = 'visit' AND confidence = 0.875"));
        Assert.Equal(1, _db.Scalar("SELECT count(*) FROM event_actors WHERE event_id = 'v1' AND side = 'target' AND ordinal = 1 AND text = 'his aides' AND code IS NULL"));
        Assert.Equal(1, _db.Scalar("SELECT count(*) FROM event_attributes WHERE event_id = 'v1' AND name = 'tense' AND value = 'past'"));
        Assert.Equal(1, _db.Scalar("SELECT count(*) FROM documents WHERE published = '2025-10-17' AND is_english = 1 AND token_count > 10 AND sentence_count = 2"));
    }

    [SkippableFact]
    public async Task Add_SameTextTwice_SecondIsDuplicateAndOneRowStays()
    {
        await using var store = _db.Open();
        var first = SampleDocuments.Simple("The central bank raised rates today.", new DateOnly(2025, 1, 2), "Rates");
        // Same normalised title and text (case, spacing) read from another source: same id.
        var again = SampleDocuments.Simple("The  central bank raised RATES today.\r\n", null, "RATES");

        Assert.Equal(first.Id, again.Id);
        Assert.Equal(AddOutcome.Added, await store.AddAsync(first));
        Assert.Equal(AddOutcome.Duplicate, await store.AddAsync(again));

        Assert.Equal(1, _db.Count("documents"));
        Assert.Equal("Rates", (await store.GetAsync(first.Id))!.Metadata.Title);
        Assert.True(await store.ContainsAsync(first.Id));
        Assert.False(await store.ContainsAsync(new string('0', 32)));
    }

    [SkippableFact]
    public async Task Get_UniquePrefixOfSixOrMore_FindsTheDocument()
    {
        await using var store = _db.Open();
        var document = SampleDocuments.Simple("Prefix lookups work on ids.");
        await store.AddAsync(document);

        Assert.Equal(document.Id, (await store.GetAsync(document.Id[..6]))?.Id);
        Assert.Equal(document.Id, (await store.GetAsync(document.Id[..12].ToUpperInvariant()))?.Id);
        Assert.Null(await store.GetAsync(document.Id[..5]));
        Assert.Null(await store.GetAsync("zzzzzzzz"));
        Assert.Null(await store.GetAsync(new string('f', 32)));
    }

    [SkippableFact]
    public async Task Get_PrefixSharedByTwoDocuments_ReturnsNull()
    {
        // Two texts whose ids share their first six hex digits (found by hashing; deterministic).
        var seen = new Dictionary<string, string>();
        (string A, string B)? pair = null;
        for (var i = 0; pair is null; i++)
        {
            var text = $"Ambiguous text {i}.";
            var prefix = DocumentId.Compute(null, text)[..6];
            if (seen.TryGetValue(prefix, out var other))
            {
                pair = (other, text);
            }

            seen[prefix] = text;
        }

        await using var store = _db.Open();
        var a = SampleDocuments.Simple(pair.Value.A);
        var b = SampleDocuments.Simple(pair.Value.B);
        await store.AddAsync(a);
        await store.AddAsync(b);

        Assert.Null(await store.GetAsync(a.Id[..6]));
        Assert.Equal(a.Id, (await store.GetAsync(a.Id))?.Id);
        Assert.Equal(b.Id, (await store.GetAsync(b.Id))?.Id);
    }

    [SkippableFact]
    public async Task List_MixedDates_NewestFirstNullsLastThenById()
    {
        await using var store = _db.Open();
        var old = SampleDocuments.Simple("An old report.", new DateOnly(2004, 3, 1));
        var undated = SampleDocuments.Simple("An undated report.");
        var newest = SampleDocuments.Simple("The newest report.", new DateOnly(2025, 10, 17));
        var sameDayA = SampleDocuments.Simple("Same day report one.", new DateOnly(2020, 5, 5));
        var sameDayB = SampleDocuments.Simple("Same day report two.", new DateOnly(2020, 5, 5));
        foreach (var d in new[] { undated, old, sameDayB, newest, sameDayA })
        {
            await store.AddAsync(d);
        }

        var sameDay = new[] { sameDayA, sameDayB }.Select(d => d.Id).Order(StringComparer.Ordinal);
        string[] expected = [newest.Id, .. sameDay, old.Id, undated.Id];

        var all = await store.ListAsync(10);
        Assert.Equal(expected, all.Select(s => s.Id));
        var page = await store.ListAsync(2, offset: 2);
        Assert.Equal(expected[2..4], page.Select(s => s.Id));

        var first = all[0];
        Assert.Equal(new DocumentSummary(newest.Id, null, newest.Metadata.Source, new DateOnly(2025, 10, 17), "en", newest.Text.Length, 1, 4), first);
    }

    [SkippableFact]
    public async Task Search_WordInText_FindsDocumentWithBracketedSnippet()
    {
        await using var store = _db.Open();
        var hit = SampleDocuments.Simple("Parliament voted on the budget late on Tuesday night after a long debate.", title: "Budget vote");
        var miss = SampleDocuments.Simple("The football season opened with a surprise win.", title: "Football");
        await store.AddAsync(hit);
        await store.AddAsync(miss);

        var results = await store.SearchAsync("parliament", 10);

        var only = Assert.Single(results);
        Assert.Equal(hit.Id, only.Document.Id);
        Assert.Equal("Budget vote", only.Document.Title);
        Assert.Contains("[Parliament]", only.Snippet);
        Assert.True(only.Rank < 0, $"bm25 rank {only.Rank} should be negative for a hit");
    }

    [SkippableFact]
    public async Task Search_SeveralMatches_BestFirstAndStemmed()
    {
        await using var store = _db.Open();
        var weak = SampleDocuments.Simple("A long article that mentions an election only once among many other words about weather and sport and food.");
        var strong = SampleDocuments.Simple("Election results: the election was close.", title: "Elections");
        await store.AddAsync(weak);
        await store.AddAsync(strong);

        var results = await store.SearchAsync("elections", 10);

        Assert.Equal([strong.Id, weak.Id], results.Select(r => r.Document.Id));
        Assert.True(results[0].Rank <= results[1].Rank);
        Assert.Single(await store.SearchAsync("elections", 1));
    }

    [SkippableTheory]
    [InlineData("\"unclosed")]
    [InlineData("AND")]
    [InlineData("nosuchcolumn:word")]
    [InlineData("   ")]
    public async Task Search_MalformedQuery_ThrowsStoreException(string query)
    {
        await using var store = _db.Open();
        await store.AddAsync(SampleDocuments.Simple("Some text to search."));

        var ex = await Assert.ThrowsAsync<StoreException>(() => store.SearchAsync(query, 10));

        Assert.Contains("search query", ex.Message);
        Assert.Contains("is not valid", ex.Message);
        Assert.DoesNotContain("\n", ex.Message);
        // The store stays usable.
        Assert.Single(await store.SearchAsync("text", 10));
    }

    [SkippableFact]
    public async Task Statistics_AfterAdds_CountEveryLayer()
    {
        await using var store = _db.Open();
        var full = SampleDocuments.Full();
        var german = SampleDocuments.Simple("Der Haushalt wurde beschlossen.", language: "de");
        await store.AddAsync(full);
        await store.AddAsync(german);

        var stats = await store.GetStatisticsAsync();

        Assert.Equal(2, stats.Documents);
        Assert.Equal(1, stats.EnglishDocuments);
        Assert.Equal(full.Sentences.Length + german.Sentences.Length, stats.Sentences);
        Assert.Equal(full.Tokens.Length + german.Tokens.Length, stats.Tokens);
        Assert.Equal(4, stats.Entities);
        Assert.Equal(1, stats.Times);
        Assert.Equal(1, stats.Values);
        Assert.Equal(2, stats.Events);
        // Each engine numbers its own migrations (PostgreSQL's 9 has no SQLite counterpart).
        Assert.Equal(_db.Kind == StoreKind.Sqlite ? Storage.Sqlite.SqliteSchema.LatestVersion : Storage.Postgres.PostgresSchema.LatestVersion, stats.SchemaVersion);
        Assert.True(stats.SizeBytes > 4096, $"size {stats.SizeBytes}");
    }

    [SkippableFact]
    public async Task Statistics_EmptyStore_AllZero()
    {
        await using var store = _db.Open();

        var stats = await store.GetStatisticsAsync();

        Assert.Equal((0, 0, 0L, 0L, 0L, 0L, 0L, 0L), (stats.Documents, stats.EnglishDocuments, stats.Sentences, stats.Tokens, stats.Entities, stats.Times, stats.Values, stats.Events));
    }

    [SkippableFact]
    public async Task Store_AfterDispose_ThrowsObjectDisposed()
    {
        var store = _db.Open();
        await store.DisposeAsync();
        store.Dispose(); // twice is fine

        await Assert.ThrowsAsync<ObjectDisposedException>(() => store.ListAsync(1));
    }

    [SkippableFact]
    public async Task Store_ConcurrentAdds_AllStored()
    {
        await using var store = _db.Open();
        var documents = Enumerable.Range(0, 50).Select(i => SampleDocuments.Simple($"Concurrent document {i}.")).ToList();

        var outcomes = await Task.WhenAll(documents.Select(d => Task.Run(() => store.AddAsync(d))));

        Assert.All(outcomes, o => Assert.Equal(AddOutcome.Added, o));
        Assert.Equal(50, (await store.GetStatisticsAsync()).Documents);
    }
}

/// <summary>The document store contract on SQLite.</summary>
public sealed class SqliteDocumentStoreTests() : DocumentStoreContract(StoreKind.Sqlite);

/// <summary>The document store contract on PostgreSQL (skips without <c>DOSSIER_TEST_POSTGRES</c>).</summary>
public sealed class PostgresDocumentStoreTests() : DocumentStoreContract(StoreKind.Postgres);
