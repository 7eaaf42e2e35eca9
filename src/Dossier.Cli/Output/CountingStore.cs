using Dossier.Core.Documents;
using Dossier.Storage;

namespace Dossier.Cli.Output;

/// <summary>A store that counts the documents it added, so a stopped run can say how many it stored. The inner store
/// is not disposed by it.</summary>
internal sealed class CountingStore(IDocumentStore inner) : IDocumentStore
{
    private int _added;

    /// <summary>Documents stored through this wrapper (duplicates not counted).</summary>
    public int Added => Volatile.Read(ref _added);

    public async Task<AddOutcome> AddAsync(Document document, CancellationToken cancellationToken = default)
    {
        var outcome = await inner.AddAsync(document, cancellationToken).ConfigureAwait(false);
        if (outcome == AddOutcome.Added)
        {
            Interlocked.Increment(ref _added);
        }

        return outcome;
    }

    public Task<bool> ContainsAsync(string id, CancellationToken cancellationToken = default) => inner.ContainsAsync(id, cancellationToken);

    public Task<Document?> GetAsync(string id, CancellationToken cancellationToken = default) => inner.GetAsync(id, cancellationToken);

    public Task<IReadOnlyList<DocumentSummary>> ListAsync(int limit, int offset = 0, CancellationToken cancellationToken = default) =>
        inner.ListAsync(limit, offset, cancellationToken);

    public Task<IReadOnlyList<SearchHit>> SearchAsync(string query, int limit, CancellationToken cancellationToken = default) =>
        inner.SearchAsync(query, limit, cancellationToken);

    public Task<StoreStatistics> GetStatisticsAsync(CancellationToken cancellationToken = default) => inner.GetStatisticsAsync(cancellationToken);

    public Task<long> GetVersionAsync(CancellationToken cancellationToken = default) => inner.GetVersionAsync(cancellationToken);

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    public void Dispose()
    {
    }
}
