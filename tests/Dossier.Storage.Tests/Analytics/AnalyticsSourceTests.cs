using Dossier.Storage.Analytics;

namespace Dossier.Storage.Tests.Analytics;

/// <summary>What <c>dossier sync</c> reads (<see cref="IAnalyticsSource"/>), the same on every store.</summary>
public abstract class AnalyticsSourceContract(StoreKind kind) : IDisposable
{
    private readonly TestStore _db = new(kind);

    public void Dispose() => _db.Dispose();

    [SkippableFact]
    public async Task AnalyticsSource_FullDocument_ReadsEveryKindByKeyRange()
    {
        var document = SampleDocuments.Full();
        await using var store = _db.Open();
        await store.AddAsync(document);
        await store.AddAsync(SampleDocuments.Simple("A second document without events."));
        var source = Assert.IsAssignableFrom<IAnalyticsSource>(store.Inner);

        var documents = await source.DocumentsAfterAsync(0, 10);
        var first = documents[0];
        var mentions = await source.EventMentionsAsync(0, first.Key);
        var corpusEvents = await source.CorpusEventsAsync(0, first.Key);
        var entities = await source.EntitiesAsync(0, first.Key);
        var (eventIds, entityIds) = await source.CorpusIdsAsync();
        var counts = await source.CountAsync();

        Assert.Equal(2, documents.Count);
        Assert.Equal(document.Id, first.Id);
        Assert.Equal(document.Text.Length, first.Characters);
        Assert.Equal(new DateOnly(2025, 10, 17), first.Published);
        Assert.Single(await source.DocumentsAfterAsync(first.Key, 10));
        Assert.Equal(document.Events.Select(e => e.Id), mentions.Select(m => m.EventId));
        Assert.All(mentions, m => Assert.True(m.CorpusEventId > 0));
        Assert.Equal(document.Events.Select(e => e.Source.Length + e.Target.Length), mentions.Select(m => m.SourceNames.Count + m.TargetNames.Count));
        Assert.Equal(mentions.Select(m => m.CorpusEventId).Distinct().Order(), corpusEvents.Select(e => e.Id));
        Assert.NotEmpty(entities);
        Assert.Empty(await source.EventMentionsAsync(first.Key, first.Key));
        Assert.Equal(new AnalyticsCounts(2, 2, eventIds.Count, entityIds.Count), counts);
    }
}

/// <summary>The analytics source on SQLite.</summary>
public sealed class SqliteAnalyticsSourceTests() : AnalyticsSourceContract(StoreKind.Sqlite);

/// <summary>The analytics source on PostgreSQL (skips without <c>DOSSIER_TEST_POSTGRES</c>).</summary>
public sealed class PostgresAnalyticsSourceTests() : AnalyticsSourceContract(StoreKind.Postgres);
