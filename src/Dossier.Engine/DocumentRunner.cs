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
/// <remarks>
/// Documents are read one after another and analysed on up to <see cref="Threads"/> threads while the sink takes
/// the finished ones; the sink and the progress callback see every input in input order. At most
/// <see cref="Window"/> documents are read ahead of the sink, so memory stays bounded however long the run.
/// </remarks>
public sealed class DocumentRunner
{
    private readonly AnalysisPipeline _pipeline;
    private readonly ReadOptions _options;
    private readonly AnalysisLimits _limits;

    /// <param name="pipeline">The analysis, shared by every thread (stages are thread-safe).</param>
    /// <param name="options">How inputs are read.</param>
    /// <param name="limits">Per-document limits; default <see cref="AnalysisLimits.Default"/>.</param>
    /// <param name="threads">Documents analysed at once; 0 or less: <see cref="Environment.ProcessorCount"/>.</param>
    public DocumentRunner(AnalysisPipeline pipeline, ReadOptions options, AnalysisLimits? limits = null, int threads = 0)
    {
        ArgumentNullException.ThrowIfNull(pipeline);
        ArgumentNullException.ThrowIfNull(options);
        _pipeline = pipeline;
        _options = options;
        _limits = limits ?? AnalysisLimits.Default;
        Threads = threads > 0 ? threads : Environment.ProcessorCount;
    }

    /// <summary>How many documents are analysed at once.</summary>
    public int Threads { get; }

    /// <summary>How many read documents may wait, analysed or not, for the sink: four per thread.</summary>
    public int Window => Threads * 4;

    /// <param name="inputs">Paths and URLs, in order.</param>
    /// <param name="sink">Receives each analysed document, in input order; returns whether it was new (false: a duplicate already stored).</param>
    /// <param name="onProgress">Called after each document or failure, in input order, with the failure message, if any.</param>
    /// <param name="existing">The store whose documents count as duplicates, or null.</param>
    /// <param name="cancellationToken">Stops the run between documents (and a document's analysis between stages).</param>
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
        var startup = TimeSpan.Zero;
        long startupWords = 0;

        // Every input, in order: a read failure or duplicate (Work null) or a document being analysed.
        var pending = new Queue<(ReadResult Result, Task<(Document? Analysed, string? Refused)>? Work)>();
        var scheduler = new ConcurrentExclusiveSchedulerPair(TaskScheduler.Default, Threads).ConcurrentScheduler;
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);

        async Task HandOnAsync()
        {
            var (result, work) = pending.Dequeue();
            if (work is null)
            {
                if (result.Document is null)
                {
                    failures.Add(result.Message);
                }

                onProgress?.Invoke(result);
                return;
            }

            var (analysed, refused) = await work.ConfigureAwait(false);
            if (analysed is null)
            {
                failures.Add(DossierErrors.Format(result.Input, refused!));
                onProgress?.Invoke(result);
                return;
            }

            var first = startup == TimeSpan.Zero;
            if (first)
            {
                startup = clock.Elapsed;
            }

            if (await sink(analysed, cancellationToken).ConfigureAwait(false))
            {
                startupWords += first ? analysed.Tokens.Length : 0;
                added++;
                ids.Add(analysed.Id);
                nonEnglish += analysed.IsEnglish ? 0 : 1;
                words += analysed.Tokens.Length;
                sentences += analysed.Sentences.Length;
            }
            else
            {
                duplicates++;
            }

            onProgress?.Invoke(result);
        }

        try
        {
            foreach (var input in inputs)
            {
                await foreach (var result in DocumentReader.ReadAsync(input, _options, cancellationToken).ConfigureAwait(false))
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    if (result.Document is not { } read)
                    {
                        pending.Enqueue((result, null));
                    }
                    else if (!seen.Add(read.Id) || (existing is not null && await existing.ContainsAsync(read.Id, cancellationToken).ConfigureAwait(false)))
                    {
                        duplicates++;
                        pending.Enqueue((result, null));
                    }
                    else
                    {
                        var work = Task.Factory.StartNew(() => Analyse(read, stop.Token), stop.Token, TaskCreationOptions.None, scheduler);
                        pending.Enqueue((result, work));
                    }

                    while (pending.Count > Window || (pending.Count > 0 && pending.Peek().Work is null or { IsCompleted: true }))
                    {
                        await HandOnAsync().ConfigureAwait(false);
                    }
                }
            }

            while (pending.Count > 0)
            {
                await HandOnAsync().ConfigureAwait(false);
            }
        }
        finally
        {
            if (pending.Count > 0)
            {
                // The run stopped early (cancelled, or the sink failed): stop the analyses still running and let them end.
                await stop.CancelAsync().ConfigureAwait(false);
                try
                {
                    await Task.WhenAll(pending.Select(p => p.Work).OfType<Task>()).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    // Expected: they were cancelled.
                }
            }
        }

        return new IngestSummary
        {
            New = added,
            Duplicates = duplicates,
            NonEnglish = nonEnglish,
            Words = words,
            Sentences = sentences,
            Elapsed = clock.Elapsed,
            Startup = startup,
            StartupWords = startupWords,
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
            var analysed = _pipeline.Process(document, budget.Token);
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
