using System.Diagnostics;
using System.Net;
using System.Runtime;
using System.Text;
using System.Text.Json;
using Dossier.Engine;
using Dossier.Ingest;
using Dossier.Storage;
using Dossier.Storage.Corpus;
using Dossier.Storage.Sqlite;
using Dossier.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using static System.FormattableString;

namespace Dossier.Bench;

/// <summary>
/// Load on the web surface, as <c>dossier serve</c> runs it: the app is hosted in this process on 127.0.0.1 (a free
/// port) over a store of the corpus, and an in-process load generator (N workers sharing one HttpClient) hits one
/// scenario at a time for a fixed time or a fixed number of requests, whichever comes first. Client and server share
/// the machine's cores, so the figures are a lower bound of what the server alone would do.
/// </summary>
internal static class WebBenchmark
{
    /// <param name="Db">The store; built from <paramref name="Corpus"/> when null or missing.</param>
    /// <param name="Seconds">Measured time per scenario.</param>
    /// <param name="Warmup">Unmeasured load per scenario before it, in seconds.</param>
    /// <param name="MaxRequests">Most requests per scenario (and per warm-up), so that a run always stops.</param>
    /// <param name="Cache">Whether the server caches responses (as <c>dossier serve</c> does); off, every request queries the store.</param>
    /// <param name="Only">The key of the one scenario to run (entity-page, events-api, entity-api); all three when null.</param>
    /// <param name="ByPath">Also print each path's latency percentiles (where a scenario's tail comes from).</param>
    /// <param name="Server">An address (<c>http://127.0.0.1:PORT</c>) of a server already running over the same store, e.g.
    /// <c>dossier serve --no-cache</c> in another process: loaded instead of an in-process one, so that this process's CPU
    /// is the load generator's alone. Its response cache is whatever it was started with.</param>
    /// <param name="ServerPid">The process id of <paramref name="Server"/>, whose user+sys CPU is then measured too.</param>
    /// <param name="MinConfidence">The server's event confidence threshold, as <c>dossier serve --min-confidence</c>; null: its
    /// default (<see cref="DefaultPipeline.DefaultMinConfidence"/>), as a user gets it. The event filters are chosen among
    /// the events shown at this threshold. With <paramref name="Server"/>, give the threshold that server runs with.</param>
    /// <param name="ScenariosFrom">Another store with the same content (a copy) to choose the paths from, e.g. when DB is
    /// at a schema this build would migrate (an A/B against an older server); DB is then only the one whose backends are measured.</param>
    /// <param name="Trace">A file prefix: each measured scenario writes <c>PREFIX.KEY.requests.csv</c> (every request's start
    /// and latency) and <c>PREFIX.KEY.samples.csv</c> (every 50 ms: this process's GC counts and pause time, its thread
    /// pool, the CPU ticks of this process, the server process and the PostgreSQL backends, and the machine's busy and
    /// total ticks), to see whether the slow requests cluster in time and what happened then.</param>
    /// <param name="MaxConcurrentRequests">The in-process server's admission limit (<see cref="DossierWebOptions.MaxConcurrentRequests"/>;
    /// 0: none); null: <c>dossier serve</c>'s default. Not used with <paramref name="Server"/>.</param>
    public sealed record Settings(string? Db, string Corpus, int Clients, int Seconds, int Warmup, int MaxRequests, bool Cache = true, string? Only = null,
        bool ByPath = false, string? Server = null, int? ServerPid = null, double? MinConfidence = null, string? ScenariosFrom = null,
        int? MaxConcurrentRequests = null, string? Trace = null);

    private sealed record Scenario(string Name, string Key, IReadOnlyList<string> Paths);

    /// <param name="ClientCpu">User+sys CPU seconds of this process (server, load generator and store client) while measured.</param>
    /// <param name="ServerCpu">User+sys CPU seconds of the PostgreSQL backends of the store's database while measured; null on SQLite
    /// or when their /proc entries cannot be read.</param>
    /// <param name="ByPath">The sorted latencies of each path of the scenario, in the scenario's order.</param>
    /// <param name="WebCpu">User+sys CPU seconds of the separate server process (<see cref="Settings.ServerPid"/>) while measured; null otherwise.</param>
    private sealed record Result(string Name, long Requests, long Errors, long Failures, double Seconds, double[] Latencies, long Bytes,
        IReadOnlyDictionary<int, long> Statuses, double ClientCpu = 0, double? ServerCpu = null, IReadOnlyList<(string Path, double[] Latencies)>? ByPath = null,
        double? WebCpu = null);

    /// <summary>The target in the issue: p95 under 50 ms at 50 concurrent clients.</summary>
    private const double GoalP95Ms = 50;

    public static async Task<int> RunAsync(Settings settings)
    {
        if (settings.Clients < 1 || settings.Seconds < 1 || settings.Warmup < 0 || settings.MaxRequests < 1)
        {
            Console.Error.WriteLine("--clients, --seconds and --max-requests must be at least 1, --warmup at least 0");
            return 1;
        }

        Console.WriteLine(Invariant(
            $"{Environment.ProcessorCount} cores (shared by server, load generator and anything else on the machine: figures are lower bounds), .NET {Environment.Version}, {(GCSettings.IsServerGC ? "server" : "workstation")} GC (generation 0: {Environment.GetEnvironmentVariable("DOTNET_GCgen0size") ?? "the runtime's size; dossier serve's is DOTNET_GCgen0size=0x4000000"}), {JitMode()}"));
        var db = settings.Db;
        var postgres = Storage.Postgres.PostgresUrl.IsPostgres(db);
        if (postgres)
        {
            Console.WriteLine($"store    {Storage.Postgres.PostgresUrl.Redact(db!)} (PostgreSQL, reused)");
        }
        else if (db is null || !File.Exists(db))
        {
            db ??= Path.Combine(Path.GetTempPath(), $"dossier-web-bench-{Environment.ProcessId}.db");
            if (!await BuildAsync(db, settings.Corpus))
            {
                return 1;
            }
        }
        else
        {
            Console.WriteLine($"store    {Path.GetFullPath(db)} (reused, {new FileInfo(db).Length / 1024.0 / 1024.0:N1} MB)");
        }

        // The threshold dossier serve applies by default (the bench ran the app with none before; see docs/evaluation.md, pg5).
        var threshold = settings.MinConfidence ?? DefaultPipeline.DefaultMinConfidence;
        // In process (as dossier serve runs the app), or a separate server over the same store: then this process only
        // generates the load, and the store is opened here only to choose the scenarios.
        await using var app = settings.Server is null
            ? DossierWebApp.Build([], new DossierWebOptions(postgres ? Path.Combine(Path.GetTempPath(), "dossier-web-bench-unused.db") : db!)
            {
                Urls = ["http://127.0.0.1:0"],
                CacheResponses = settings.Cache,
                MinConfidence = threshold,
                StoreUrl = postgres ? db : null,
                MaxConcurrentRequests = settings.MaxConcurrentRequests ?? DossierWebOptions.DefaultMaxConcurrentRequests,
            })
            : null;
        var scenarioStore = settings.ScenariosFrom ?? db!;
        await using var ownStore = app is null || settings.ScenariosFrom is not null
            ? StoreFactory.Open(Storage.Postgres.PostgresUrl.IsPostgres(scenarioStore) ? scenarioStore : null, scenarioStore, StoreAccess.ReadOnly)
            : null;
        Uri address;
        if (app is not null)
        {
            await app.StartAsync();
            address = new Uri(app.Urls.First());
        }
        else if (!Uri.TryCreate(settings.Server, UriKind.Absolute, out address!) || address.Scheme != "http")
        {
            Console.Error.WriteLine($"--server {settings.Server}: not an http:// address");
            return 1;
        }

        if (!IPAddress.TryParse(address.Host, out var ip) || !IPAddress.IsLoopback(ip))
        {
            Console.Error.WriteLine($"the server listens on {address}, not on loopback; refusing to load it");
            return 1;
        }

        Console.WriteLine(app is not null
            ? $"server   {address} (in process, response cache {(settings.Cache ? "on" : "off")}, {((settings.MaxConcurrentRequests ?? DossierWebOptions.DefaultMaxConcurrentRequests) is > 0 and var n ? $"at most {n} requests at once" : "no admission limit")})"
            : $"server   {address} (a separate process{(settings.ServerPid is { } spid ? $", pid {spid}" : "")}; its response cache as it was started)");
        Console.WriteLine(Invariant($"events   confidence threshold {threshold} (dossier serve's default is {DefaultPipeline.DefaultMinConfidence}); filters chosen among the events shown at it"));
        var scenarios = await ScenariosAsync(ownStore is not null ? (ICorpusQueries)ownStore : app!.Services.GetRequiredService<ICorpusQueries>(), threshold);
        if (scenarios is null)
        {
            return 1;
        }

        if (settings.Only is { } only)
        {
            scenarios = scenarios.Where(s => s.Key == only).ToList();
            if (scenarios.Count == 0)
            {
                Console.Error.WriteLine($"--only {only}: no such scenario (entity-page, events-api, entity-api)");
                return 1;
            }
        }

        await using var backends = postgres ? BackendCpu.Open(db!) : null;

        using var client = new HttpClient(new SocketsHttpHandler
        {
            MaxConnectionsPerServer = settings.Clients,
            PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
            UseProxy = false,
            UseCookies = false,
            AllowAutoRedirect = false,
            AutomaticDecompression = DecompressionMethods.None,
        })
        {
            BaseAddress = address,
            Timeout = TimeSpan.FromSeconds(30),
        };

        if (!await CheckAsync(client, scenarios))
        {
            return 1;
        }

        Console.WriteLine(Invariant(
            $"load     {settings.Clients} clients, {settings.Warmup} s warm-up + {settings.Seconds} s (at most {settings.MaxRequests:N0} requests) per scenario, one scenario at a time"));
        var results = new List<Result>();
        foreach (var scenario in scenarios)
        {
            if (settings.Warmup > 0)
            {
                _ = await LoadAsync(client, scenario, settings.Clients, settings.Warmup, settings.MaxRequests);
            }

            var cpu = ProcessCpu();
            var web = settings.ServerPid is { } pid ? ProcessTicks(pid) : null;
            var server = backends is null ? null : await backends.ReadAsync();
            var tracer = settings.Trace is { } prefix ? LoadTrace.Start(prefix + "." + scenario.Key, settings.ServerPid, server) : null;
            var result = await LoadAsync(client, scenario, settings.Clients, settings.Seconds, settings.MaxRequests, tracer);
            if (tracer is not null)
            {
                await tracer.StopAsync();
            }
            result = result with
            {
                ClientCpu = ProcessCpu() - cpu,
                WebCpu = web is { } before && ProcessTicks(settings.ServerPid!.Value) is { } after ? (after - before) / 100.0 : null,
                ServerCpu = backends is null || server is null ? null : BackendCpu.Seconds(server, await backends.ReadAsync()),
            };
            results.Add(result);
            Console.WriteLine(Invariant($"  done   {scenario.Name}: {result.Requests:N0} requests in {result.Seconds:0.0} s"));
        }

        if (app is not null)
        {
            await app.StopAsync();
        }

        PrintTable(results, settings.Clients);
        if (settings.ByPath)
        {
            PrintByPath(results);
        }

        PrintWrk(scenarios, settings, postgres ? Storage.Postgres.PostgresUrl.Redact(db!) : db!);
        return results.Any(r => r.Errors > 0 || r.Failures > 0) ? 2 : 0;
    }

    /// <summary>Ingests the corpus into a fresh store at <paramref name="db"/>, as <c>dossier ingest</c> does; kept for reuse.</summary>
    private static async Task<bool> BuildAsync(string db, string corpus)
    {
        if (!Directory.Exists(corpus))
        {
            Console.Error.WriteLine($"{corpus}: no such directory (pass --corpus DIR, or an existing store as DB)");
            return false;
        }

        Console.WriteLine($"store    building {Path.GetFullPath(db)} from {Path.GetFullPath(corpus)} (takes a minute or more)");
        try
        {
            await using var store = SqliteDocumentStore.Open(db);
            var summary = await new IngestService(DefaultPipeline.Create(), store).IngestAsync([corpus], new ReadOptions());
            Console.WriteLine(Invariant(
                $"ingest   {summary.New} new, {summary.Failed} failed, {summary.Words:N0} words in {summary.Elapsed.TotalSeconds:0.0} s"));
        }
        catch
        {
            foreach (var suffix in new[] { "", "-wal", "-shm" })
            {
                File.Delete(db + suffix);
            }

            throw;
        }

        Console.WriteLine($"store    kept at {Path.GetFullPath(db)}; rerun with it as DB to skip the build (delete it when done)");
        return true;
    }

    /// <summary>The three scenarios, from the store's own figures: the most mentioned entities and the commonest event filters.</summary>
    private static async Task<List<Scenario>?> ScenariosAsync(ICorpusQueries corpus, double threshold)
    {
        var top = await corpus.ListEntitiesAsync(null, null, 50);
        if (top.Count == 0)
        {
            Console.Error.WriteLine("the store holds no entities; nothing to load");
            return null;
        }

        var ids = top.Select(e => e.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToList();
        // The events the server shows (its threshold, the default domain), so that each filter is one a reader can reach
        // from a list: before, they came from all events, and at the threshold some returned nothing.
        var events = await corpus.ListEventsAsync(new CorpusEventFilter { MinConfidence = threshold }, 5000);
        var filters = EventFilters(events);
        Console.WriteLine(Invariant(
            $"targets  top {top.Count} entities by mentions ({top[0].Name} {top[0].Mentions:N0} … {top[^1].Name} {top[^1].Mentions:N0}); {filters.Count} event filters from {events.Count:N0} events"));
        return
        [
            new Scenario("entity page  /entities/{id}", "entity-page", [.. ids.Select(id => "/entities/" + id)]),
            new Scenario("event filter /api/events?…", "events-api", [.. filters.Select(f => "/api/events?" + f)]),
            new Scenario("entity API   /api/entities/{id}", "entity-api", [.. ids.Select(id => "/api/entities/" + id)]),
        ];
    }

    /// <summary>A handful of filters a reader would use: an actor with its commonest type and status, by id and by name,
    /// an actor alone, an actor and a type, a type and a status, a status alone.</summary>
    private static List<string> EventFilters(IReadOnlyList<CorpusEventSummary> events)
    {
        var byActor = events
            .SelectMany(e => e.Source.Concat(e.Target)
                .Where(a => a.EntityId is not null)
                .Select(a => (Id: a.EntityId!.Value, a.Name))
                .Distinct()
                .Select(a => (a.Id, a.Name, e.Type, e.Status)))
            .ToList();
        var triples = byActor.GroupBy(t => t).OrderByDescending(g => g.Count()).ThenBy(g => g.Key.Id).Select(g => g.Key).ToList();
        var actors = byActor.GroupBy(t => (t.Id, t.Name)).OrderByDescending(g => g.Count()).ThenBy(g => g.Key.Id).Select(g => g.Key).ToList();
        var pairs = byActor.GroupBy(t => (t.Id, t.Type)).OrderByDescending(g => g.Count()).ThenBy(g => g.Key.Id).Select(g => g.Key).ToList();
        var typeStatus = events.GroupBy(e => (e.Type, e.Status)).OrderByDescending(g => g.Count()).Select(g => g.Key).ToList();
        var statuses = events.GroupBy(e => e.Status).OrderByDescending(g => g.Count()).Select(g => g.Key).ToList();

        var filters = new List<string>();
        void Add(params (string Name, string? Value)[] values)
        {
            var query = string.Join('&', values.Where(v => v.Value is not null).Select(v => v.Name + "=" + Uri.EscapeDataString(v.Value!)));
            if (query.Length > 0 && !filters.Contains(query))
            {
                filters.Add(query);
            }
        }

        string Id(long id) => id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        foreach (var t in triples.Take(2))
        {
            Add(("actor", Id(t.Id)), ("type", t.Type), ("status", t.Status));
        }

        if (triples.Skip(2).FirstOrDefault() is { Name: not null } byName)
        {
            Add(("actor", byName.Name), ("type", byName.Type), ("status", byName.Status));
        }

        foreach (var a in actors.Take(2))
        {
            Add(("actor", Id(a.Id)));
        }

        foreach (var p in pairs.Take(1))
        {
            Add(("actor", Id(p.Id)), ("type", p.Type));
        }

        foreach (var ts in typeStatus.Take(2))
        {
            Add(("type", ts.Type), ("status", ts.Status));
        }

        foreach (var s in statuses.Where(s => s != "occurred").Take(1))
        {
            Add(("status", s));
        }

        if (filters.Count == 0)
        {
            filters.Add("status=occurred");
        }

        return filters;
    }

    /// <summary>One request per distinct path before the load: each must answer 2xx. Shows what the event filters return.</summary>
    private static async Task<bool> CheckAsync(HttpClient client, List<Scenario> scenarios)
    {
        var ok = true;
        foreach (var scenario in scenarios)
        {
            foreach (var path in scenario.Paths)
            {
                using var response = await client.GetAsync(path);
                var body = await response.Content.ReadAsStringAsync();
                if (!response.IsSuccessStatusCode)
                {
                    Console.Error.WriteLine($"check    {path}: {(int)response.StatusCode} {body[..Math.Min(200, body.Length)]}");
                    ok = false;
                }
                else if (scenario.Key == "events-api")
                {
                    using var json = JsonDocument.Parse(body);
                    var items = json.RootElement.GetProperty("items").GetArrayLength();
                    var more = json.RootElement.GetProperty("nextCursor").ValueKind == JsonValueKind.String ? "+" : "";
                    Console.WriteLine(Invariant($"  filter {Uri.UnescapeDataString(path),-70} {items}{more} events, {body.Length / 1024.0:N0} KB"));
                }
            }
        }

        return ok;
    }

    /// <summary>N workers, each sending its next request when the last one's body is read, paths round-robin,
    /// until <paramref name="seconds"/> have passed or <paramref name="maxRequests"/> have been sent.</summary>
    private static async Task<Result> LoadAsync(HttpClient client, Scenario scenario, int clients, int seconds, int maxRequests, LoadTrace? trace = null)
    {
        var deadline = Stopwatch.GetTimestamp() + (long)(seconds * (double)Stopwatch.Frequency);
        var issued = -1L;
        var errors = 0L;
        var failures = 0L;
        var bytes = 0L;
        var statuses = new System.Collections.Concurrent.ConcurrentDictionary<int, long>();
        var latencies = new List<double>[clients];
        var pathOf = new List<int>[clients];
        var clock = Stopwatch.StartNew();

        async Task WorkerAsync(int worker)
        {
            var mine = latencies[worker] = new List<double>(4096);
            var paths = pathOf[worker] = new List<int>(4096);
            var buffer = new byte[64 * 1024];
            while (Stopwatch.GetTimestamp() < deadline)
            {
                var n = Interlocked.Increment(ref issued);
                if (n >= maxRequests)
                {
                    return;
                }

                var index = (int)(n % scenario.Paths.Count);
                var path = scenario.Paths[index];
                paths.Add(index);
                var start = Stopwatch.GetTimestamp();
                try
                {
                    using var response = await client.GetAsync(path, HttpCompletionOption.ResponseHeadersRead);
                    await using var stream = await response.Content.ReadAsStreamAsync();
                    long size = 0;
                    int read;
                    while ((read = await stream.ReadAsync(buffer)) > 0)
                    {
                        size += read;
                    }

                    mine.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
                    Interlocked.Add(ref bytes, size);
                    var status = (int)response.StatusCode;
                    trace?.Request(worker, start, mine[^1], index, status);
                    if (status is < 200 or > 299)
                    {
                        Interlocked.Increment(ref errors);
                        statuses.AddOrUpdate(status, 1, (_, c) => c + 1);
                    }
                }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException)
                {
                    mine.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
                    Interlocked.Increment(ref failures);
                    trace?.Request(worker, start, mine[^1], index, 0);
                }
            }
        }

        await Task.WhenAll(Enumerable.Range(0, clients).Select(w => Task.Run(() => WorkerAsync(w))));
        var elapsed = clock.Elapsed.TotalSeconds;
        var all = latencies.SelectMany(l => l ?? []).ToArray();
        Array.Sort(all);
        var byPath = scenario.Paths
            .Select((p, i) => (Path: p, Latencies: latencies.Zip(pathOf, (l, ix) => (l ?? []).Where((_, k) => ix![k] == i)).SelectMany(x => x).Order().ToArray()))
            .ToList();
        return new Result(scenario.Name, all.Length, errors, failures, elapsed, all, bytes, statuses, ByPath: byPath);
    }

    /// <summary>User+sys clock ticks (100 a second) of process <paramref name="pid"/>, from <c>/proc/PID/stat</c>; null when unreadable.</summary>
    private static long? ProcessTicks(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            return long.Parse(fields[11], System.Globalization.CultureInfo.InvariantCulture) + long.Parse(fields[12], System.Globalization.CultureInfo.InvariantCulture);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException)
        {
            return null;
        }
    }

    private static double ProcessCpu()
    {
        using var self = Process.GetCurrentProcess();
        return self.TotalProcessorTime.TotalSeconds;
    }

    /// <summary>CPU time of the PostgreSQL backends serving the store's database, from <c>/proc/PID/stat</c> (user+sys
    /// clock ticks; the server must run on this machine). Pids come from <c>pg_stat_activity</c>; a backend that starts
    /// during the run counts from zero, one that exits during it is lost (the pool keeps its connections).</summary>
    private sealed class BackendCpu : IAsyncDisposable
    {
        private readonly Npgsql.NpgsqlDataSource _source;

        private BackendCpu(Npgsql.NpgsqlDataSource source) => _source = source;

        public static BackendCpu Open(string url) => new(Npgsql.NpgsqlDataSource.Create(Storage.Postgres.PostgresUrl.Parse(url).ConnectionString));

        /// <summary>Ticks per backend pid, or null when no /proc entry can be read.</summary>
        public async Task<Dictionary<int, long>?> ReadAsync()
        {
            var pids = new List<int>();
            await using (var command = _source.CreateCommand("SELECT pid FROM pg_stat_activity WHERE datname = current_database()"))
            await using (var reader = await command.ExecuteReaderAsync())
            {
                while (await reader.ReadAsync())
                {
                    pids.Add(reader.GetInt32(0));
                }
            }

            var ticks = new Dictionary<int, long>();
            foreach (var pid in pids)
            {
                try
                {
                    var stat = await File.ReadAllTextAsync($"/proc/{pid}/stat");
                    var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                    // Fields 14 and 15 of stat (utime, stime); fields[0] here is field 3.
                    ticks[pid] = long.Parse(fields[11], System.Globalization.CultureInfo.InvariantCulture)
                        + long.Parse(fields[12], System.Globalization.CultureInfo.InvariantCulture);
                }
                catch (IOException)
                {
                }
                catch (UnauthorizedAccessException)
                {
                }
            }

            return ticks.Count == 0 ? null : ticks;
        }

        /// <summary>Seconds of CPU between two readings (clock ticks at 100 per second, the Linux USER_HZ).</summary>
        public static double? Seconds(Dictionary<int, long> before, Dictionary<int, long>? after) =>
            after is null ? null : after.Sum(p => p.Value - before.GetValueOrDefault(p.Key)) / 100.0;

        public ValueTask DisposeAsync() => _source.DisposeAsync();
    }

    private static double Percentile(double[] sorted, double p) =>
        sorted.Length == 0 ? double.NaN : sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];

    private static void PrintTable(List<Result> results, int clients)
    {
        Console.WriteLine();
        Console.WriteLine(Invariant($"{"scenario",-33} {"requests",9} {"req/s",8} {"p50 ms",8} {"p95 ms",8} {"p99 ms",8} {"max ms",8} {"KB/resp",8} {"non-2xx",8} {"failed",7} {"cpu ms/req",10} {"web ms/req",10} {"pg ms/req",9}  p95<{GoalP95Ms:0}ms"));
        foreach (var r in results)
        {
            var p95 = Percentile(r.Latencies, 0.95);
            Console.WriteLine(Invariant(
                $"{r.Name,-33} {r.Requests,9:N0} {r.Requests / r.Seconds,8:N0} {Percentile(r.Latencies, 0.50),8:0.0} {p95,8:0.0} {Percentile(r.Latencies, 0.99),8:0.0} {(r.Latencies.Length > 0 ? r.Latencies[^1] : double.NaN),8:0.0} {(r.Requests > 0 ? r.Bytes / 1024.0 / r.Requests : 0),8:0.0} {r.Errors,8:N0} {r.Failures,7:N0} {(r.Requests > 0 ? r.ClientCpu * 1000 / r.Requests : double.NaN),10:0.00} {(r.WebCpu is { } w && r.Requests > 0 ? (w * 1000 / r.Requests).ToString("0.00", System.Globalization.CultureInfo.InvariantCulture) : "-"),10} {(r.ServerCpu is { } pg && r.Requests > 0 ? (pg * 1000 / r.Requests).ToString("0.00", System.Globalization.CultureInfo.InvariantCulture) : "-"),9}  {(p95 < GoalP95Ms ? "yes" : "NO")}"));
            if (r.Statuses.Count > 0)
            {
                Console.WriteLine("    non-2xx: " + string.Join(", ", r.Statuses.OrderBy(s => s.Key).Select(s => Invariant($"{s.Key} x{s.Value:N0}"))));
            }
        }

        Console.WriteLine(Invariant(
            $"goal (issue): p95 < {GoalP95Ms:0} ms at 50 concurrent clients; this run used {clients}. Latency is from send to last body byte; failed = no response (timeout or connection error); cpu = this process's user+sys (server and load generator; with --server the load generator alone), web = the separate server's (--server-pid), pg = the PostgreSQL backends', per request."));
    }

    /// <summary>Each path's requests and latency percentiles, scenario by scenario.</summary>
    private static void PrintByPath(List<Result> results)
    {
        foreach (var r in results.Where(r => r.ByPath is not null))
        {
            Console.WriteLine();
            Console.WriteLine(Invariant($"{r.Name}: by path"));
            Console.WriteLine(Invariant($"  {"path",-72} {"requests",9} {"p50 ms",8} {"p95 ms",8} {"p99 ms",8}"));
            foreach (var (path, latencies) in r.ByPath!)
            {
                var shown = Uri.UnescapeDataString(path);
                Console.WriteLine(Invariant(
                    $"  {(shown.Length > 72 ? shown[..71] + "…" : shown),-72} {latencies.Length,9:N0} {Percentile(latencies, 0.50),8:0.0} {Percentile(latencies, 0.95),8:0.0} {Percentile(latencies, 0.99),8:0.0}"));
            }
        }
    }

    /// <summary>How this process compiles: <c>dossier serve</c> runs with tiered compilation on, no quick tier-0 code and
    /// no instrumented tier (src/Dossier.Cli/ServerCodeGeneration.cs); the bench hosts the same app, so those three
    /// settings (as bench/web-engines.sh exports them) make it run the same way.</summary>
    private static string JitMode()
    {
        static string? Setting(string name) => Environment.GetEnvironmentVariable("DOTNET_" + name) ?? Environment.GetEnvironmentVariable("COMPlus_" + name);
        return (Setting("TieredCompilation"), Setting("TC_QuickJit"), Setting("TieredPGO")) switch
        {
            ("1", "0", "0") => "tiered compilation on, no quick JIT, no PGO (as dossier serve runs)",
            ("0", _, _) => "tiered compilation off (as dossier serve ran before branch pg6)",
            _ => "the runtime's default tiers (dossier serve: DOTNET_TieredCompilation=1 DOTNET_TC_QuickJit=0 DOTNET_TieredPGO=0)",
        };
    }

    /// <summary>When wrk is on the PATH: the same load against a <c>dossier serve</c> instance, with Lua scripts for the round-robin paths.</summary>
    private static void PrintWrk(List<Scenario> scenarios, Settings settings, string db)
    {
        var wrk = (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(d => Path.Combine(d, "wrk"))
            .FirstOrDefault(File.Exists);
        Console.WriteLine();
        if (wrk is null)
        {
            Console.WriteLine("wrk      not installed (optional: apt-get install -y wrk, then rerun to get the equivalent wrk commands)");
            return;
        }

        var folder = Path.Combine(Path.GetTempPath(), "dossier-web-bench-wrk");
        Directory.CreateDirectory(folder);
        Console.WriteLine($"wrk      {wrk}: the same load against a separate server (start it first; scripts in {folder}):");
        Console.WriteLine($"  dotnet run -c Release --project src/Dossier.Cli -- serve --db {Path.GetFullPath(db)}   # listens on {DossierWebOptions.DefaultUrl}");
        var threads = Math.Max(1, Math.Min(Environment.ProcessorCount, settings.Clients));
        foreach (var scenario in scenarios)
        {
            var script = Path.Combine(folder, scenario.Key + ".lua");
            var lua = new StringBuilder("-- round-robin over the paths of one Dossier.Bench web scenario\npaths = {\n");
            foreach (var path in scenario.Paths)
            {
                lua.Append("  \"").Append(path.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal)).Append("\",\n");
            }

            lua.Append("}\ncounter = 0\nrequest = function()\n  counter = counter + 1\n  return wrk.format(\"GET\", paths[(counter % #paths) + 1])\nend\n");
            File.WriteAllText(script, lua.ToString());
            Console.WriteLine(Invariant(
                $"  wrk -t{threads} -c{settings.Clients} -d{settings.Seconds}s --latency -s {script} {DossierWebOptions.DefaultUrl}   # {scenario.Name}"));
        }
    }
}
