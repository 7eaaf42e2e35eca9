using System.Globalization;
using Dossier.Bench;

// Throughput runs, in Release:
//   dotnet run -c Release --project bench/Dossier.Bench -- pipeline [CORPUS] [--runs N]   read -> analyse -> store (default corpus ../shared/corpora/bbc)
//   dotnet run -c Release --project bench/Dossier.Bench -- syntax [CONLLU] [--runs N]     tag + parse on gold words, one thread
//   dotnet run -c Release --project bench/Dossier.Bench -- startup                        model loads and first analysis in a fresh process
//   dotnet run -c Release --project bench/Dossier.Bench -- corpus [CORPUS] [--documents 50000] [--window 1000] [--sources 400] [--db PATH]
//       ingest cost as the corpus grows: synthetic documents built from analysed BBC ones, stored through the SQLite
//       store and corpus merge; ms per document (and in the merge) per window, the store's size; --side-by-side: with the
//       store an earlier run grew (--db), the cost there and at one window, alternately in the same minutes, per step
//       (document and annotations, corpus merge, commit) and in the storing thread's CPU time; --profile: SQLite's own
//       time per statement at both sizes, the 25 that grow most; --resume: grow the store at --db further, from the
//       documents it holds to --documents (the same synthetic documents a single run would have added)
//   bench/compare-compromise.sh [DIR]                                                     dossier analyze vs compromise, side by side
//   dotnet run -c Release --project bench/Dossier.Bench -- web [DB] [--clients 50] [--seconds 20] [--warmup 3] [--max-requests 200000] [--corpus DIR] [--no-cache] [--only KEY] [--by-path]
//       HTTP load on the in-process server (127.0.0.1 only); DB is built from the corpus first when not given or missing;
//       --no-cache turns the server's response cache off, so that every request queries the store; DB may be a
//       postgres://USER:PASSWORD@HOST:PORT/DB store URL (used as it is); --only runs one scenario (entity-page, events-api,
//       entity-api); each scenario's CPU per request is this process's user+sys and, on PostgreSQL, its backends'
//       (read from /proc, so only when the server runs on this machine); --server http://127.0.0.1:PORT loads a server
//       already running over DB in another process (dossier serve --no-cache) instead of an in-process one, so that this
//       process's CPU is the load generator's alone; --server-pid PID measures that server's CPU too; --min-confidence X:
//       the server's event threshold (default: dossier serve's), the event filters are chosen among the events it shows;
//       --scenarios-from DB2: choose the paths from a copy of DB (an A/B against a server whose schema this build would migrate);
//       --max-concurrent-requests N: the in-process server's admission limit (0: none; default: dossier serve's);
//       --trace PREFIX: per measured scenario, every request's start and latency (PREFIX.KEY.requests.csv) and a 50 ms
//       time line of GC, thread pool and CPU by process (PREFIX.KEY.samples.csv); bench/web-tail.py reads them
//   dotnet run -c Release --project bench/Dossier.Bench -- analytics clickhouse://… [--rows 10000000] [--runs 20] [--sqlite PATH] [--skip-load] [--distributed] [--block-rows N]
//       synthetic GDELT-like event mentions straight into the cluster (drops and recreates its tables), load rate, p95 of
//       the three aggregate queries; with --sqlite the same rows and queries in SQLite beside them; --distributed loads
//       through the Distributed table with the driver (the earlier path) instead of one stream per shard; --block-rows:
//       rows per server block of the load (default 2,097,152)
var mode = args.FirstOrDefault() ?? "pipeline";
var rest = args.Skip(1).ToArray();
string[] valued = ["--block-rows", "--documents", "--window", "--sources", "--db", "--runs", "--clients", "--seconds", "--warmup", "--max-requests", "--corpus", "--rows", "--sqlite", "--seed", "--only", "--server", "--server-pid", "--min-confidence", "--scenarios-from", "--max-concurrent-requests", "--trace", "--reps"];
var options = new Dictionary<string, string>(StringComparer.Ordinal);
var flags = new HashSet<string>(StringComparer.Ordinal);
var positional = new List<string>();
for (var i = 0; i < rest.Length; i++)
{
    if (valued.Contains(rest[i]) && i + 1 < rest.Length)
    {
        options[rest[i]] = rest[++i];
    }
    else if (rest[i].StartsWith("--", StringComparison.Ordinal))
    {
        flags.Add(rest[i]);
    }
    else
    {
        positional.Add(rest[i]);
    }
}

var input = positional.FirstOrDefault();
var runs = Number("--runs", 3);
return mode switch
{
    "pipeline" => await PipelineBenchmark.RunAsync(input ?? Path.Combine("..", "shared", "corpora", "bbc"), runs),
    "startup" => StartupBenchmark.Run(),
    "corpus" => await CorpusGrowthBenchmark.RunAsync(new CorpusGrowthBenchmark.Settings(
        input ?? Path.Combine("..", "shared", "corpora", "bbc"),
        Number("--documents", 50_000),
        Number("--window", 1_000),
        Number("--sources", 400),
        options.GetValueOrDefault("--db"),
        flags.Contains("--side-by-side"),
        flags.Contains("--profile"),
        flags.Contains("--resume"))),
    "syntax" => SyntaxBenchmark.Run(input ?? Path.Combine("..", "shared", "data", "ud-ewt", "en_ewt-ud-test.conllu"), runs),
    "web" => await WebBenchmark.RunAsync(new WebBenchmark.Settings(
        input,
        options.GetValueOrDefault("--corpus") ?? Path.Combine("..", "shared", "corpora", "bbc"),
        Number("--clients", 50),
        Number("--seconds", 20),
        Number("--warmup", 3),
        Number("--max-requests", 200_000),
        Cache: !flags.Contains("--no-cache"),
        Only: options.GetValueOrDefault("--only"),
        ByPath: flags.Contains("--by-path"),
        Server: options.GetValueOrDefault("--server"),
        ServerPid: options.TryGetValue("--server-pid", out var serverPid) ? int.Parse(serverPid, CultureInfo.InvariantCulture) : null,
        MinConfidence: options.TryGetValue("--min-confidence", out var minConfidence) ? double.Parse(minConfidence, CultureInfo.InvariantCulture) : null,
        ScenariosFrom: options.GetValueOrDefault("--scenarios-from"),
        MaxConcurrentRequests: options.ContainsKey("--max-concurrent-requests") ? Number("--max-concurrent-requests", 0) : null,
        Trace: options.GetValueOrDefault("--trace"))),
    "analytics" when input is not null => await AnalyticsBenchmark.RunAsync(new AnalyticsBenchmark.Settings(
        input,
        options.TryGetValue("--rows", out var rows) ? long.Parse(rows, CultureInfo.InvariantCulture) : 10_000_000,
        Number("--runs", 20),
        options.GetValueOrDefault("--sqlite"),
        flags.Contains("--skip-load"),
        Number("--seed", 1),
        flags.Contains("--distributed"),
        options.TryGetValue("--block-rows", out var blockRows) ? int.Parse(blockRows, CultureInfo.InvariantCulture) : null)),
    "json" when input is not null => await JsonWritingBenchmark.RunAsync(input, Number("--runs", 15), Number("--reps", 20)),
    _ => Usage(),
};

int Number(string name, int fallback) =>
    options.TryGetValue(name, out var text) ? int.Parse(text, CultureInfo.InvariantCulture) : fallback;

static int Usage()
{
    Console.Error.WriteLine("usage: Dossier.Bench pipeline|syntax [INPUT] [--runs N]");
    Console.Error.WriteLine("       Dossier.Bench startup");
    Console.Error.WriteLine("       Dossier.Bench corpus [CORPUS] [--documents N] [--window N] [--sources N] [--db PATH [--resume]] [--side-by-side [--profile]]");
    Console.Error.WriteLine("       Dossier.Bench analytics clickhouse://USER:PASSWORD@HOST:PORT/DB?cluster=NAME&nodes=… [--rows N] [--runs N] [--sqlite PATH] [--skip-load] [--distributed]");
    Console.Error.WriteLine("       Dossier.Bench json DIR [--runs N] [--reps N]   (DIR: answers of /api/events saved as .json files)");
    Console.Error.WriteLine("       Dossier.Bench web [DB] [--clients N] [--seconds S] [--warmup S] [--max-requests N] [--corpus DIR] [--no-cache] [--only entity-page|events-api|entity-api] [--by-path] [--server URL [--server-pid PID]] [--min-confidence X] [--scenarios-from DB2] [--max-concurrent-requests N] [--trace PREFIX]");
    return 1;
}
