using System.Collections.Immutable;
using System.Diagnostics;
using Dossier.Core.Documents;
using Dossier.Core.Errors;
using Dossier.Core.Pipeline;
using Dossier.Ingest;
using Dossier.Storage;

namespace Dossier.Engine;

/// <summary>
/// Reads inputs, analyses each English document, and hands every result to a sink: the store
/// for <c>ingest</c>, the console for <c>analyze</c>. A failed input is reported and the run goes
/// on with the rest. Documents seen before in the same run (same id) are counted as duplicates
/// and not analysed again.
/// </summary>
public sealed class DocumentRunner(AnalysisPipeline pipeline, ReadOptions options, AnalysisLimits? limits = null)
{
    private readonly AnalysisLimits _limits = limits ?? AnalysisLimits.Default;

    private const int BatchSize = 32;

    /// <param name="inputs">Paths and URLs, in order.</param>
    /// <param name="sink">Receives each analysed document; returns whether it was new (false: a duplicate already stored).</param>
    /// <param name="onProgress">Called after each document or failure with the failure message, if any.</param>
    /// <exception cref="StoreException">When the sink cannot store a document; the run stops.</exception>
    public async Task<IngestSummary> RunAsync(
        IEnumerable<string> inputs,
        Func<Document, CancellationToken, Task<bool>> sink,
        Action<ReadResult>? onProgress = null,
        IDocumentStore? existing = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(sink);
        var clock = Stopwatch.StartNew();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var failures = ImmutableArray.CreateBuilder<string>();
        var ids = ImmutableArray.CreateBuilder<string>();
        int added = 0, duplicates = 0, nonEnglish = 0;
        long words = 0, sentences = 0;

        var batch = new List<(ReadResult Result, Document Document)>(BatchSize);

        async Task FlushAsync()
        {
            // Analysis is CPU-bound and independent per document: run it on all cores,
            // then hand results to the sink one at a time, in input order.
            var analysed = new Document?[batch.Count];
            var refused = new string?[batch.Count];
            Parallel.For(0, batch.Count, new ParallelOptions { CancellationToken = cancellationToken },
                i => (analysed[i], refused[i]) = Analyse(batch[i].Document, cancellationToken));
            for (var i = 0; i < analysed.Length; i++)
            {
                if (analysed[i] is not { } document)
                {
                    failures.Add(DossierErrors.Format(batch[i].Result.Input, refused[i]!));
                    onProgress?.Invoke(batch[i].Result);
                    continue;
                }

                if (await sink(document, cancellationToken).ConfigureAwait(false))
                {
                    added++;
                    ids.Add(document.Id);
                    nonEnglish += document.IsEnglish ? 0 : 1;
                    words += document.Tokens.Length;
                    sentences += document.Sentences.Length;
                }
                else
                {
                    duplicates++;
                }

                onProgress?.Invoke(batch[i].Result);
            }

            batch.Clear();
        }

        foreach (var input in inputs)
        {
            await foreach (var result in DocumentReader.ReadAsync(input, options, cancellationToken).ConfigureAwait(false))
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (result.Document is not { } read)
                {
                    failures.Add(result.Message);
                    onProgress?.Invoke(result);
                    continue;
                }

                if (!seen.Add(read.Id) || (existing is not null && await existing.ContainsAsync(read.Id, cancellationToken).ConfigureAwait(false)))
                {
                    duplicates++;
                    onProgress?.Invoke(result);
                    continue;
                }

                batch.Add((result, read));
                if (batch.Count == BatchSize)
                {
                    await FlushAsync().ConfigureAwait(false);
                }
            }
        }

        await FlushAsync().ConfigureAwait(false);

        return new IngestSummary
        {
            New = added,
            Duplicates = duplicates,
            NonEnglish = nonEnglish,
            Words = words,
            Sentences = sentences,
            Elapsed = clock.Elapsed,
            Failures = failures.ToImmutable(),
            DocumentIds = ids.ToImmutable(),
        };
    }

    /// <summary>The analysed document, or the reason it is refused: over the word limit, or past the time budget.</summary>
    private (Document? Analysed, string? Refused) Analyse(Document document, CancellationToken cancellationToken)
    {
        var words = AnalysisLimits.CountWords(document.Text);
        if (words > _limits.MaxWords)
        {
            return (null, DossierErrors.TooManyWords(words, _limits.MaxWords));
        }

        // The timer stops a long analysis between stages; the clock decides, so that a late timer (a busy thread
        // pool) cannot let a document past its budget.
        using var budget = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        budget.CancelAfter(_limits.TimeBudget);
        var started = Stopwatch.GetTimestamp();
        try
        {
            var analysed = pipeline.Process(document, budget.Token);
            return Stopwatch.GetElapsedTime(started) > _limits.TimeBudget
                ? (null, DossierErrors.OverTimeBudget(_limits.TimeBudget))
                : (analysed, null);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return (null, DossierErrors.OverTimeBudget(_limits.TimeBudget));
        }
    }
}
