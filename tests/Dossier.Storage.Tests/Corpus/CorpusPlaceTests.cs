using Dossier.Core.Documents;
using Dossier.Core.Labels;
using Dossier.Storage.Corpus;
using static Dossier.Storage.Tests.Corpus.CorpusSamples;

namespace Dossier.Storage.Tests.Corpus;

/// <summary>Places (schema step 7) on every store: a place entity and a placed event are written to their columns, read
/// back with the document, and the corpus event takes the place of its report.</summary>
public abstract class CorpusPlaceContract(StoreKind kind) : IDisposable
{
    private static readonly DateOnly Day = new(2026, 4, 7);
    private static readonly Place Harbourtown = new("Harbourtown", PlaceClasses.City, "XZ", "North Shore", 12.5, -45.25, "gz:9001");
    private readonly TestStore _db = new(kind);

    public void Dispose() => _db.Dispose();

    /// <summary>Two ministers meet in a town the gazetteer knows; the sentence names it.</summary>
    private static Document Talks()
    {
        var town = Org("e3", "Harbourtown", "GPE", "XZA") with { Place = Harbourtown };
        var document = Build("Ministers meet in Harbourtown",
            "Minister Clara Voss met Minister Pavel Oren in Harbourtown. Voss said the talks covered trade.",
            Day, "https://news.example.org/harbourtown",
            [Person("e1", "Clara Voss", null, "Voss"), Person("e2", "Pavel Oren", null, "Oren"), town],
            [Event("v1", "CONSULT", "e1", "e2", "2026-04-06")]);
        return document with
        {
            Events = [.. document.Events.Select(e => e with
            {
                Location = new EventLocation("Harbourtown", "e3", "XZA") { Place = Harbourtown, Scope = PlaceClasses.SentenceScope },
            })],
        };
    }

    [SkippableFact]
    public async Task Add_DocumentWithPlacedEvent_RoundTripsThePlace()
    {
        var talks = Talks();
        await using (var store = _db.Open())
        {
            await store.AddAsync(talks);
        }

        await using var reopened = _db.Open();
        var stored = await reopened.GetAsync(talks.Id);
        var corpusEvent = Assert.Single(await reopened.ListEventsAsync(new CorpusEventFilter(), 10));

        Assert.Equal(Harbourtown, stored!.Entities.Single(e => e.Id == "e3").Place);
        var location = Assert.Single(stored.Events).Location!;
        Assert.Equal(Harbourtown, location.Place);
        Assert.Equal(PlaceClasses.SentenceScope, location.Scope);
        Assert.Equal(Harbourtown, corpusEvent.Place);
        Assert.Equal(PlaceClasses.SentenceScope, corpusEvent.PlaceScope);
        Assert.Equal(1, _db.Scalar("SELECT count(*) FROM entities WHERE entity_id = 'e3' AND latitude = 12.5 AND longitude = -45.25 AND place IS NOT NULL"));
        Assert.Equal(1, _db.Scalar("SELECT count(*) FROM events WHERE location_country_code = 'XZ' AND location_scope = 'sentence' AND location_latitude = 12.5"));
        Assert.Equal(1, _db.Scalar("SELECT count(*) FROM corpus_events WHERE location_country_code = 'XZ' AND location_longitude = -45.25"));
    }

    [SkippableFact]
    public async Task Add_DocumentWithoutPlaces_LeavesThePlaceColumnsEmpty()
    {
        await using var store = _db.Open();
        var talks = Talks();
        await store.AddAsync(talks with { Events = [.. talks.Events.Select(e => e with { Location = null })] });

        Assert.Null(Assert.Single(await store.ListEventsAsync(new CorpusEventFilter(), 10)).Place);
        Assert.Equal(0, _db.Scalar("SELECT count(*) FROM corpus_events WHERE location_place IS NOT NULL"));
    }
}

/// <summary>Places on SQLite.</summary>
public sealed class CorpusPlaceTests() : CorpusPlaceContract(StoreKind.Sqlite);

/// <summary>Places on PostgreSQL (skips without <c>DOSSIER_TEST_POSTGRES</c>).</summary>
public sealed class PostgresCorpusPlaceTests() : CorpusPlaceContract(StoreKind.Postgres);
