using System.Diagnostics;
using System.Globalization;
using Dossier.Core.Documents;
using Dossier.Engine;
using Dossier.Ingest;
using Dossier.Storage;
using Dossier.Storage.Sqlite;

// Whole-pipeline throughput: read -> analyse -> store, over a corpus folder (default ../shared/corpora/bbc),
// into a fresh SQLite file. Run in Release:
//   dotnet run -c Release --project bench/Dossier.Bench -- [CORPUS] [--runs N]
// Prints one line per run and the best run; reading, analysis and storing are also timed on their own.
var corpus = args.FirstOrDefault(a => !a.StartsWith("--", StringComparison.Ordinal)) ?? Path.Combine("..", "shared", "corpora", "bbc");
var runs = args.SkipWhile(a => a != "--runs").Skip(1).Select(int.Parse).FirstOrDefault(3);
if (!Directory.Exists(corpus))
{
    Console.Error.WriteLine($"{corpus}: no such directory (pass the corpus folder as the first argument)");
    return 1;
}

Console.WriteLine($"corpus {Path.GetFullPath(corpus)}, {Environment.ProcessorCount} cores, {runs} runs, .NET {Environment.Version}");

// Phase timings on their own: read only, then analyse only (all cores, as ingest does).
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
var singleCore = new Document[Math.Min(200, documents.Count)];
for (var i = 0; i < singleCore.Length; i++)
{
    singleCore[i] = pipeline.Process(documents[i]);
}

var singleWords = singleCore.Sum(d => (long)d.Tokens.Length);
var singleSeconds = clock.Elapsed.TotalSeconds;
Console.WriteLine(FormattableString.Invariant(
    $"read     {documents.Count} documents in {readSeconds:0.00} s ({documents.Count / readSeconds:N0} docs/s)"));
Console.WriteLine(FormattableString.Invariant(
    $"analyse  {words:N0} words in {analyseSeconds:0.00} s on all cores ({words / analyseSeconds:N0} words/s); one core: {singleWords / singleSeconds:N0} words/s"));

var best = double.MaxValue;
for (var run = 1; run <= runs; run++)
{
    var path = Path.Combine(Path.GetTempPath(), $"dossier-bench-{Environment.ProcessId}-{run}.db");
    try
    {
        await using var store = SqliteDocumentStore.Open(path);
        var runner = new DocumentRunner(DefaultPipeline.Create(), new ReadOptions());
        var summary = await runner.RunAsync([corpus], async (document, ct) => await store.AddAsync(document, ct) == AddOutcome.Added, existing: store);
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
