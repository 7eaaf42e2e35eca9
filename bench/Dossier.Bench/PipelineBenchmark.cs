using System.Diagnostics;
using Dossier.Core.Documents;
using Dossier.Engine;
using Dossier.Ingest;
using Dossier.Storage;
using Dossier.Storage.Sqlite;

namespace Dossier.Bench;

/// <summary>
/// Whole-pipeline throughput, as <c>dossier ingest</c> runs it: read, analyse (all cores), store
/// (one transaction per document) into a fresh SQLite file. Reading and analysis are also timed alone.
/// </summary>
internal static class PipelineBenchmark
{
    public static async Task<int> RunAsync(string corpus, int runs)
    {
        if (!Directory.Exists(corpus))
        {
            Console.Error.WriteLine($"{corpus}: no such directory (pass the corpus folder after the mode)");
            return 1;
        }

        Console.WriteLine($"corpus {Path.GetFullPath(corpus)}, {Environment.ProcessorCount} cores, {runs} runs, .NET {Environment.Version}");
        var clock = Stopwatch.StartNew();
        var documents = new List<Document>();
        await foreach (var result in DocumentReader.ReadAsync(corpus, new ReadOptions()))
        {
            if (result.Document is { } d)
            {
                documents.Add(d);
            }
        }

        var readSeconds = clock.Elapsed.TotalSeconds;
        var pipeline = DefaultPipeline.Create();
        clock.Restart();
        var analysed = new Document[documents.Count];
        Parallel.For(0, documents.Count, i => analysed[i] = pipeline.Process(documents[i]));
        var analyseSeconds = clock.Elapsed.TotalSeconds;
        var words = analysed.Sum(d => (long)d.Tokens.Length);
        clock.Restart();
        var singleCore = documents.Take(300).Select(pipeline.Process).ToList();
        var singleWords = singleCore.Sum(d => (long)d.Tokens.Length);
        var singleSeconds = clock.Elapsed.TotalSeconds;
        Console.WriteLine(FormattableString.Invariant(
            $"read     {documents.Count} documents in {readSeconds:0.00} s ({documents.Count / readSeconds:N0} docs/s)"));
        Console.WriteLine(FormattableString.Invariant(
            $"analyse  {words:N0} words in {analyseSeconds:0.00} s on all cores ({words / analyseSeconds:N0} words/s); one core: {singleWords / singleSeconds:N0} words/s"));
        Console.WriteLine($"         {References.Pipeline}");
        Console.WriteLine($"stages   {string.Join(" -> ", pipeline.Stages.Select(s => s.Name))}");
        StageTimes(pipeline, documents.Take(300).ToList());

        var best = double.MaxValue;
        for (var run = 1; run <= runs; run++)
        {
            var path = Path.Combine(Path.GetTempPath(), $"dossier-bench-{Environment.ProcessId}-{run}.db");
            try
            {
                await using var store = SqliteDocumentStore.Open(path);
                var summary = await new IngestService(DefaultPipeline.Create(), store).IngestAsync([corpus], new ReadOptions());
                var seconds = summary.Elapsed.TotalSeconds;
                best = Math.Min(best, seconds);
                Console.WriteLine(FormattableString.Invariant(
                    $"ingest   run {run}: {summary.New} new, {summary.Failed} failed, {summary.Words:N0} words in {seconds:0.00} s = {summary.Words / seconds:N0} words/s, {summary.New / seconds:N0} docs/s"));
            }
            finally
            {
                foreach (var suffix in new[] { "", "-wal", "-shm" })
                {
                    File.Delete(path + suffix);
                }
            }
        }

        Console.WriteLine(FormattableString.Invariant(
            $"best     {best:0.00} s = {words / best:N0} words/s, {documents.Count / best:N0} docs/s; peak working set {Process.GetCurrentProcess().PeakWorkingSet64 / 1024.0 / 1024.0:N0} MB"));
        return 0;
    }

    /// <summary>Each stage's share of the analysis time, one thread, over the given documents.</summary>
    private static void StageTimes(Core.Pipeline.AnalysisPipeline pipeline, List<Document> documents)
    {
        var current = documents.ToArray();
        var words = 0L;
        var times = new List<(string Stage, double Seconds)>();
        foreach (var stage in pipeline.Stages)
        {
            var clock = Stopwatch.StartNew();
            for (var i = 0; i < current.Length; i++)
            {
                current[i] = stage.Process(current[i]);
            }

            times.Add((stage.Name, clock.Elapsed.TotalSeconds));
            words = current.Sum(d => (long)d.Tokens.Length);
        }

        var total = times.Sum(t => t.Seconds);
        Console.WriteLine(FormattableString.Invariant($"per stage, one core, {current.Length} documents, {words:N0} words ({References.Syntax}):"));
        foreach (var (stage, seconds) in times)
        {
            Console.WriteLine(FormattableString.Invariant($"  {stage,-9} {seconds:0.000} s  {100 * seconds / total,5:0.0}%  {words / seconds,12:N0} words/s"));
        }
    }
}
