using Dossier.Core.Documents;
using Dossier.Core.Pipeline;
using Dossier.Ingest;
using Dossier.Storage;

namespace Dossier.Engine;

/// <summary>
/// The one way documents get into a store: read (by <see cref="DocumentReader"/>, from paths and URLs or from
/// memory), skipped when already stored, analysed by the pipeline, stored. <c>dossier ingest</c> and the web API's
/// <c>POST /api/documents</c> both go through it. Thread-safe when the store is. <c>threads</c>: documents
/// analysed at once when reading inputs (0: the number of processors), as for <see cref="DocumentRunner"/>.
/// </summary>
public sealed class IngestService(AnalysisPipeline pipeline, IDocumentStore store, AnalysisLimits? limits = null, int threads = 0)
{
    /// <summary>Reads, analyses and stores everything at <paramref name="inputs"/>, in input order; failures are
    /// reported in the summary and the run goes on.</summary>
    /// <exception cref="StoreException">When the store cannot take a document; the run stops.</exception>
    public Task<IngestSummary> IngestAsync(
        IEnumerable<string> inputs, ReadOptions options, Action<ReadResult>? onProgress = null, CancellationToken cancellationToken = default)
    {
        var runner = new DocumentRunner(pipeline, options, limits, threads);
        return runner.RunAsync(
            inputs,
            async (document, token) => await store.AddAsync(document, token).ConfigureAwait(false) == AddOutcome.Added,
            onProgress,
            store,
            cancellationToken);
    }

    /// <summary>Analyses and stores one document already read; one that is stored already is not analysed again.
    /// A cancelled <paramref name="cancellationToken"/> (a web client that went away) stops the analysis between
    /// stages, and nothing is stored.</summary>
    /// <returns>The document's id, and whether it was new.</returns>
    /// <exception cref="StoreException">When the store cannot take it.</exception>
    /// <exception cref="OperationCanceledException">When <paramref name="cancellationToken"/> is cancelled.</exception>
    public async Task<(string Id, bool Created)> IngestAsync(Document document, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(document);
        if (await store.ContainsAsync(document.Id, cancellationToken).ConfigureAwait(false))
        {
            return (document.Id, false);
        }

        var analysed = await Task.Run(() => pipeline.Process(document, cancellationToken), cancellationToken).ConfigureAwait(false);
        cancellationToken.ThrowIfCancellationRequested();
        var outcome = await store.AddAsync(analysed, cancellationToken).ConfigureAwait(false);
        return (analysed.Id, outcome == AddOutcome.Added);
    }
}
