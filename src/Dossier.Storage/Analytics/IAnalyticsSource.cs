namespace Dossier.Storage.Analytics;

/// <summary>
/// What an analytics copy of the store (<c>dossier sync</c>) reads: rows keyed by the store's document key, in key
/// order, so that a copy can go on from the last key it holds. Documents and their event mentions never change once
/// stored; corpus events and corpus entities do (counts, merges), so they are read as they are now for the documents
/// of a key range. Implementations: SQLite (<c>SqliteDocumentStore</c>) and PostgreSQL (<c>PostgresDocumentStore</c>), with the same queries.
/// </summary>
public interface IAnalyticsSource
{
    /// <summary>Documents with a key above <paramref name="afterKey"/>, in key order, at most <paramref name="limit"/>.</summary>
    Task<IReadOnlyList<AnalyticsDocument>> DocumentsAfterAsync(long afterKey, int limit, CancellationToken cancellationToken = default);

    /// <summary>The event mentions (document events) of the documents with keys in (<paramref name="afterKey"/>, <paramref name="lastKey"/>].</summary>
    Task<IReadOnlyList<AnalyticsEventMention>> EventMentionsAsync(long afterKey, long lastKey, CancellationToken cancellationToken = default);

    /// <summary>The corpus events reported by the documents with keys in (<paramref name="afterKey"/>, <paramref name="lastKey"/>], as they are now.</summary>
    Task<IReadOnlyList<AnalyticsCorpusEvent>> CorpusEventsAsync(long afterKey, long lastKey, CancellationToken cancellationToken = default);

    /// <summary>The corpus entities named by the documents with keys in (<paramref name="afterKey"/>, <paramref name="lastKey"/>], as they are now.</summary>
    Task<IReadOnlyList<AnalyticsEntity>> EntitiesAsync(long afterKey, long lastKey, CancellationToken cancellationToken = default);

    /// <summary>The ids of every corpus event and every corpus entity now in the store (to find those merged away).</summary>
    Task<(IReadOnlyList<long> CorpusEvents, IReadOnlyList<long> Entities)> CorpusIdsAsync(CancellationToken cancellationToken = default);

    /// <summary>How many rows of each kind the store holds.</summary>
    Task<AnalyticsCounts> CountAsync(CancellationToken cancellationToken = default);
}

/// <summary>A stored document, without its text.</summary>
public sealed record AnalyticsDocument(long Key, string Id, string? Title, string Source, string? Url, DateOnly? Published, string? Language, string? Topic, int Characters);

/// <summary>One event of one document, with its actors as corpus entities (0 where an actor has none).</summary>
/// <param name="Day">The event's own day, else the document's publication date (then <paramref name="Approximate"/>).</param>
public sealed record AnalyticsEventMention(
    long DocumentKey, string DocumentId, string EventId, long CorpusEventId,
    string Type, string Cameo, int QuadClass, double Goldstein, string Status, DateOnly? Day, bool Approximate,
    string? Country, double Confidence, string? Domain,
    IReadOnlyList<long> SourceIds, IReadOnlyList<string> SourceNames,
    IReadOnlyList<long> TargetIds, IReadOnlyList<string> TargetNames);

/// <summary>A corpus event: one real-world event across its reports.</summary>
public sealed record AnalyticsCorpusEvent(
    long Id, string Type, string Cameo, int QuadClass, double Goldstein, string Status, DateOnly? Day, string? Domain,
    long Mentions, long Documents, long Sources, IReadOnlyList<long> SourceIds, IReadOnlyList<long> TargetIds);

/// <summary>A corpus entity: one real-world actor across documents.</summary>
public sealed record AnalyticsEntity(long Id, string Name, string Type, string? Country, string? Code, long Mentions, long Documents);

/// <summary>Row counts of each kind.</summary>
public sealed record AnalyticsCounts(long Documents, long EventMentions, long CorpusEvents, long Entities);
