using Dossier.Core.Documents;

namespace Dossier.Storage;

/// <summary>
/// Where analysed documents live. Each <see cref="AddAsync"/> is atomic: a document is stored
/// whole, with all its layers, or not at all. Implementations: SQLite (embedded default);
/// PostgreSQL and ClickHouse can follow behind the same contract.
/// </summary>
public interface IDocumentStore : IAsyncDisposable, IDisposable
{
    /// <summary>Stores a document unless one with the same id is already there.</summary>
    /// <returns><see cref="AddOutcome.Added"/> or <see cref="AddOutcome.Duplicate"/>.</returns>
    /// <exception cref="StoreException">When the store cannot be written.</exception>
    Task<AddOutcome> AddAsync(Document document, CancellationToken cancellationToken = default);

    Task<bool> ContainsAsync(string id, CancellationToken cancellationToken = default);

    /// <summary>The document with all its stored layers, or null. An id prefix of 6+ characters that matches one document is accepted.</summary>
    Task<Document?> GetAsync(string id, CancellationToken cancellationToken = default);

    /// <summary>Documents, newest published first, then by id.</summary>
    Task<IReadOnlyList<DocumentSummary>> ListAsync(int limit, int offset = 0, CancellationToken cancellationToken = default);

    /// <summary>Full-text search over titles and texts (FTS5 query syntax), best match first.</summary>
    /// <exception cref="StoreException">When <paramref name="query"/> is not a valid search query.</exception>
    Task<IReadOnlyList<SearchHit>> SearchAsync(string query, int limit, CancellationToken cancellationToken = default);

    Task<StoreStatistics> GetStatisticsAsync(CancellationToken cancellationToken = default);

    /// <summary>A number that changes whenever a change to the stored documents is committed, by this process or
    /// another; equal numbers mean the same content, so it can key caches of anything read from the store.</summary>
    Task<long> GetVersionAsync(CancellationToken cancellationToken = default);
}

public enum AddOutcome
{
    Added,
    Duplicate,
}

/// <summary>One line of a document list.</summary>
/// <param name="Topic">The document's topic (<c>Dossier.Core.Labels.DocumentTopics</c>), or null when it was not classified.</param>
public sealed record DocumentSummary(string Id, string? Title, string Source, DateOnly? Published, string? Language, int Characters, int Sentences, int Tokens, string? Topic = null);

/// <summary>A search result with a highlighted snippet.</summary>
public sealed record SearchHit(DocumentSummary Document, string Snippet, double Rank);

public sealed record StoreStatistics(int Documents, int EnglishDocuments, long Sentences, long Tokens, long Entities, long Times, long Values, long Events, long SizeBytes, int SchemaVersion);

/// <summary>A store that cannot be opened, read or written: locked, corrupt, or a bad query.</summary>
public sealed class StoreException : Exception
{
    public StoreException(string message) : base(message) { }

    public StoreException(string message, Exception innerException) : base(message, innerException) { }
}
