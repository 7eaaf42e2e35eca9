using System.Diagnostics;
using System.Globalization;
using Dossier.Analytics;
using Microsoft.Data.Sqlite;

namespace Dossier.Bench;

/// <summary>
/// <c>analytics ADDRESS [--rows N] [--runs N] [--sqlite PATH] [--skip-load]</c>: writes N synthetic GDELT-like event
/// mentions (<see cref="SyntheticEvents"/>) straight into the cluster's <c>event_mentions</c> table, reports the load
/// rate, then times the three aggregate queries (top 50 actor pairs in one month; daily counts by quad class for one
/// country over a year; one actor's timeline page of 100 events) over several runs with varying arguments and prints
/// median and p95; with <c>--sqlite</c> the same rows and the same three queries in SQLite (indexed), and the ratios.
/// </summary>
internal static class AnalyticsBenchmark
{
    public sealed record Settings(string Address, long Rows, int Runs, string? SqlitePath, bool SkipLoad, int Seed, bool Distributed = false, int? ServerBlockRows = null);

    public static async Task<int> RunAsync(Settings settings)
    {
        var address = ClickHouseAddress.Parse(settings.Address);
        using var cluster = settings.ServerBlockRows is { } blockRows ? new ClickHouseCluster(address) { LoadServerBlockRows = blockRows } : new ClickHouseCluster(address);
        var generator = new SyntheticEvents(settings.Seed);
        Console.WriteLine($"uptime: {Uptime()}");
        if (!settings.SkipLoad)
        {
            await AnalyticsSchema.DropAsync(cluster);
            await AnalyticsSchema.EnsureAsync(cluster);
            var generated = Stopwatch.StartNew();
            var sum = 0L;
            var block = new RowBinaryWriter();
            var keys = new SyntheticEvents.ShardKeys();
            foreach (var row in generator.Rows(settings.Rows))
            {
                sum += (long)(keys.Of(row) & 1);
                SyntheticEvents.Write(row, block);
                if (block.Length > ClickHouseCluster.LoadBlockBytes)
                {
                    block.Clear();
                }
            }

            Console.WriteLine($"generation and RowBinary encoding alone: {settings.Rows:N0} rows in {generated.Elapsed.TotalSeconds:F1} s ({sum % 2})");
            var cpu = Process.GetCurrentProcess().TotalProcessorTime;
            var servers = ServerCpu();
            var watch = Stopwatch.StartNew();
            long inserted;
            string how;
            if (settings.Distributed)
            {
                how = "through the Distributed table (driver, object rows, 200k-row batches, 2 at once)";
                inserted = await cluster.InsertDistributedAsync("event_mentions", AnalyticsSchema.MentionColumns, generator.Rows(settings.Rows).Select(SyntheticEvents.ClickHouseRow), parallelism: 2);
            }
            else
            {
                how = $"straight into each shard's local table (one RowBinary stream per shard, encoding on its own thread, server blocks of {cluster.LoadServerBlockRows:N0} rows)";
                keys = new SyntheticEvents.ShardKeys();
                inserted = await cluster.LoadAsync("event_mentions", AnalyticsSchema.MentionColumns, generator.Rows(settings.Rows), m => keys.Of(m), SyntheticEvents.Write);
            }

            watch.Stop();
            var clientCpu = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds;
            var serverCpu = ServerCpu() - servers;
            Console.WriteLine($"ClickHouse load {how}: {inserted:N0} rows in {watch.Elapsed.TotalSeconds:F1} s = {inserted / watch.Elapsed.TotalSeconds:N0} rows/s (generation included); "
                + $"CPU: client {clientCpu:F1} s, servers {(serverCpu < 0 ? "?" : serverCpu.ToString("F1", CultureInfo.InvariantCulture))} s; uptime: {Uptime()}");
        }

        var queries = new AnalyticsQueries(cluster);
        var shards = await queries.RowsPerShardAsync("event_mentions");
        Console.WriteLine($"rows per shard: {string.Join(", ", shards.Select(s => s.ToString("N0", CultureInfo.InvariantCulture)))}");

        var plans = Plans(generator, settings.Runs);
        var clickhouse = new Dictionary<string, List<double>> { ["pairs"] = [], ["daily"] = [], ["timeline"] = [] };
        var general = new AnalyticsFilter(Domain: "general");
        foreach (var plan in plans)
        {
            clickhouse["pairs"].Add(await TimeAsync(() => queries.NetworkAsync(general with { From = plan.Month, To = plan.Month.AddMonths(1).AddDays(-1) }, 50)));
            clickhouse["daily"].Add(await TimeAsync(() => queries.CountsAsync(["day", "quad"], general with { Country = plan.Country, From = plan.Year, To = plan.Year.AddYears(1).AddDays(-1) })));
            clickhouse["timeline"].Add(await TimeAsync(() => queries.TimelineAsync(plan.Actor, general, 100)));
        }

        Report("ClickHouse", clickhouse);
        Console.WriteLine($"uptime: {Uptime()}");
        if (settings.SqlitePath is null)
        {
            return 0;
        }

        var sqlite = await SqliteSide.RunAsync(settings, generator, plans);
        Report("SQLite", sqlite);
        foreach (var name in clickhouse.Keys)
        {
            Console.WriteLine($"{name}: SQLite p95 / ClickHouse p95 = {Percentile(sqlite[name], 0.95) / Percentile(clickhouse[name], 0.95):F1}");
        }

        Console.WriteLine($"uptime: {Uptime()}");
        return 0;
    }

    /// <summary>The arguments of each run: a month, a year, a country among the ten busiest, an actor among the hundred busiest.</summary>
    internal static List<(DateOnly Month, DateOnly Year, string Country, long Actor)> Plans(SyntheticEvents generator, int runs)
    {
        var random = new Random(7);
        var plans = new List<(DateOnly, DateOnly, string, long)>();
        for (var i = 0; i < runs; i++)
        {
            var month = SyntheticEvents.FirstDay.AddMonths(random.Next(SyntheticEvents.Months));
            var year = new DateOnly(SyntheticEvents.FirstDay.Year + random.Next(SyntheticEvents.Months / 12), 1, 1);
            plans.Add((month, year, generator.CountryCode(random.Next(10)), generator.ActorId(random.Next(100))));
        }

        return plans;
    }

    internal static async Task<double> TimeAsync<T>(Func<Task<T>> query)
    {
        var watch = Stopwatch.StartNew();
        await query();
        return watch.Elapsed.TotalMilliseconds;
    }

    internal static double Percentile(List<double> values, double p)
    {
        var sorted = values.Order().ToList();
        return sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];
    }

    /// <summary>User + system CPU seconds of every clickhouse-server process on this machine (from /proc), or -1.</summary>
    internal static double ServerCpu()
    {
        try
        {
            var ticks = 0L;
            foreach (var dir in Directory.GetDirectories("/proc"))
            {
                if (!int.TryParse(Path.GetFileName(dir), out _))
                {
                    continue;
                }

                string stat;
                try
                {
                    stat = File.ReadAllText(Path.Combine(dir, "stat"));
                }
                catch (IOException)
                {
                    continue;
                }
                catch (UnauthorizedAccessException)
                {
                    continue;
                }

                var close = stat.LastIndexOf(')');
                var name = stat[(stat.IndexOf('(') + 1)..close];
                if (!name.StartsWith("clickhouse", StringComparison.Ordinal))
                {
                    continue;
                }

                var fields = stat[(close + 2)..].Split(' ');
                ticks += long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
            }

            return ticks / 100.0;
        }
        catch (IOException)
        {
            return -1;
        }
    }

    internal static string Uptime()
    {
        try
        {
            return File.ReadAllText("/proc/loadavg").Trim();
        }
        catch (IOException)
        {
            return "?";
        }
    }

    private static void Report(string engine, Dictionary<string, List<double>> timings)
    {
        foreach (var (name, values) in timings)
        {
            Console.WriteLine($"{engine} {name}: {values.Count} runs, median {Percentile(values, 0.5):F0} ms, p95 {Percentile(values, 0.95):F0} ms, max {values.Max():F0} ms");
        }
    }

    /// <summary>The same rows and queries in SQLite: one table, indexes on day, (country, day), source and target.</summary>
    private static class SqliteSide
    {
        public static async Task<Dictionary<string, List<double>>> RunAsync(Settings settings, SyntheticEvents generator, List<(DateOnly Month, DateOnly Year, string Country, long Actor)> plans)
        {
            var path = settings.SqlitePath!;
            using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
            connection.Open();
            Execute(connection, "PRAGMA journal_mode = WAL; PRAGMA synchronous = OFF; PRAGMA cache_size = -1000000; PRAGMA temp_store = MEMORY;");
            if (!settings.SkipLoad)
            {
                Execute(connection, """
                    DROP TABLE IF EXISTS event_mentions;
                    CREATE TABLE event_mentions (
                        doc_key INTEGER NOT NULL, event_id TEXT NOT NULL, corpus_event_id INTEGER NOT NULL, type TEXT NOT NULL,
                        quad_class INTEGER NOT NULL, goldstein REAL NOT NULL, day TEXT NOT NULL, country TEXT NOT NULL,
                        confidence REAL NOT NULL, domain TEXT NOT NULL, source_id INTEGER NOT NULL, target_id INTEGER NOT NULL);
                    """);
                var watch = Stopwatch.StartNew();
                using (var transaction = connection.BeginTransaction())
                using (var insert = connection.CreateCommand())
                {
                    insert.Transaction = transaction;
                    insert.CommandText = "INSERT INTO event_mentions VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)";
                    var parameters = Enumerable.Range(1, 12).Select(i => insert.Parameters.Add($"${i}", SqliteType.Text)).ToArray();
                    foreach (var m in generator.Rows(settings.Rows))
                    {
                        object[] values = [m.DocKey, m.EventId, m.CorpusEventId, m.Type, m.QuadClass, m.Goldstein, m.Day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                            m.Country, m.Confidence, m.Domain, m.Source, m.Target];
                        for (var i = 0; i < values.Length; i++)
                        {
                            parameters[i].Value = values[i];
                        }

                        insert.ExecuteNonQuery();
                    }

                    transaction.Commit();
                }

                var loaded = watch.Elapsed.TotalSeconds;
                Execute(connection, """
                    CREATE INDEX mentions_by_day ON event_mentions (day);
                    CREATE INDEX mentions_by_country_day ON event_mentions (country, day);
                    CREATE INDEX mentions_by_source ON event_mentions (source_id);
                    CREATE INDEX mentions_by_target ON event_mentions (target_id);
                    ANALYZE;
                    """);
                Console.WriteLine($"SQLite load: {settings.Rows:N0} rows in {loaded:F1} s = {settings.Rows / loaded:N0} rows/s, indexes {watch.Elapsed.TotalSeconds - loaded:F1} s more; uptime: {Uptime()}");
            }

            var timings = new Dictionary<string, List<double>> { ["pairs"] = [], ["daily"] = [], ["timeline"] = [] };
            foreach (var plan in plans)
            {
                timings["pairs"].Add(await TimeAsync(() => Task.FromResult(Count(connection, """
                    SELECT source_id, target_id, count(DISTINCT corpus_event_id) AS events, avg(goldstein)
                    FROM event_mentions WHERE day BETWEEN $from AND $to AND domain = '' AND source_id <> target_id
                    GROUP BY source_id, target_id ORDER BY events DESC, source_id, target_id LIMIT 50
                    """, ("$from", Day(plan.Month)), ("$to", Day(plan.Month.AddMonths(1).AddDays(-1)))))));
                timings["daily"].Add(await TimeAsync(() => Task.FromResult(Count(connection, """
                    SELECT day, quad_class, count(DISTINCT corpus_event_id), count(*)
                    FROM event_mentions WHERE country = $country AND day BETWEEN $from AND $to AND domain = ''
                    GROUP BY day, quad_class ORDER BY day, quad_class
                    """, ("$country", plan.Country), ("$from", Day(plan.Year)), ("$to", Day(plan.Year.AddYears(1).AddDays(-1)))))));
                timings["timeline"].Add(await TimeAsync(() => Task.FromResult(Count(connection, """
                    SELECT corpus_event_id, min(day) AS first, count(*)
                    FROM event_mentions WHERE (source_id = $actor OR target_id = $actor) AND domain = ''
                    GROUP BY corpus_event_id ORDER BY first, corpus_event_id LIMIT 100
                    """, ("$actor", plan.Actor)))));
            }

            return timings;
        }

        private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

        private static void Execute(SqliteConnection connection, string sql)
        {
            using var command = connection.CreateCommand();
            command.CommandText = sql;
            command.ExecuteNonQuery();
        }

        private static int Count(SqliteConnection connection, string sql, params (string Name, object Value)[] parameters)
        {
            using var command = connection.CreateCommand();
            command.CommandText = sql;
            foreach (var (name, value) in parameters)
            {
                command.Parameters.AddWithValue(name, value);
            }

            using var reader = command.ExecuteReader();
            var rows = 0;
            while (reader.Read())
            {
                rows++;
            }

            return rows;
        }
    }
}
