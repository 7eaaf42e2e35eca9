using System.Collections.Immutable;
using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using Dossier.Core.Documents;
using Dossier.Engine;
using Dossier.Ingest;
using Dossier.Storage.Sqlite;

namespace Dossier.Bench;

/// <summary>
/// <c>corpus [DIR] [--documents 50000] [--window 1000] [--sources 400] [--db PATH]</c>: the cost of storing a document as
/// the corpus grows (issue 15, item 5). Analyses <c>--sources</c> documents of the corpus (default the BBC sample)
/// once, then stores <c>--documents</c> synthetic documents built from them into a fresh SQLite store through the real
/// store and corpus merge code (<see cref="SqliteDocumentStore.AddAsync"/>, one transaction per document), and reports,
/// for every window of <c>--window</c> documents: milliseconds per document in all, in the corpus merge
/// (<c>CorpusWriter.Link</c>), in the document and annotation writes and in the commit, and the store's size.
/// </summary>
/// <remarks>
/// Document i is copy k = i / sources of a source document: its own title (so its own id) beyond copy 0, published on
/// day i / 40 from 2005-01-01 (a steady feed of 40 a day; event dates that are full days move with it), and its names
/// changed for that copy: each word of an entity's name, alias or
/// actor text gets a suffix made from k, except for about one name in four (by a hash of the name), which stays the
/// same in every copy — the recurring actors of a real corpus, whose corpus entities and events keep growing. The
/// corpus therefore grows in entities, names and events as a real one does, with a hot core of ever more mentioned
/// entities. Synthetic documents are built before each one's timer starts; a throwaway store is filled first so
/// that the timed windows do not include just-in-time compilation.
/// </remarks>
internal static class CorpusGrowthBenchmark
{
    public sealed record Settings(string Corpus, int Documents, int Window, int Sources, string? DbPath, bool Side = false, bool Profile = false, bool Resume = false);

    public static async Task<int> RunAsync(Settings settings)
    {
        if (!Directory.Exists(settings.Corpus))
        {
            Console.Error.WriteLine($"{settings.Corpus}: no such directory (pass the corpus folder after the mode)");
            return 1;
        }

        Console.WriteLine($"corpus {Path.GetFullPath(settings.Corpus)}: {settings.Sources} source documents, {settings.Documents:N0} stored, windows of {settings.Window:N0}; uptime: {AnalyticsBenchmark.Uptime()}");
        var clock = Stopwatch.StartNew();
        var read = new List<Document>();
        await foreach (var result in DocumentReader.ReadAsync(settings.Corpus, new ReadOptions()))
        {
            if (result.Document is { } d)
            {
                read.Add(d);
            }
        }

        // Every topic, not the first folder only: take sources spread evenly over the sorted documents.
        var step = Math.Max(1, read.Count / Math.Max(1, settings.Sources));
        var chosen = read.Where((_, i) => i % step == 0).Take(settings.Sources).ToList();
        var pipeline = DefaultPipeline.Create();
        var sources = new Document[chosen.Count];
        Parallel.For(0, chosen.Count, i => sources[i] = pipeline.Process(chosen[i]));
        Console.WriteLine($"analysed {sources.Length} source documents in {clock.Elapsed.TotalSeconds:F1} s");

        var warm = Path.Combine(Path.GetTempPath(), $"dossier-corpus-warm-{Environment.ProcessId}.db");
        try
        {
            await using var store = SqliteDocumentStore.Open(warm);
            for (var i = 0; i < Math.Min(300, settings.Documents); i++)
            {
                await store.AddAsync(Synthetic(sources[i % sources.Length], 1000 + (i / sources.Length), i));
            }
        }
        finally
        {
            Delete(warm);
        }

        var path = settings.DbPath ?? Path.Combine(Path.GetTempPath(), $"dossier-corpus-{Environment.ProcessId}.db");
        if (settings.Side)
        {
            return await SideBySideAsync(settings, sources, path);
        }

        var from = 0;
        if (settings.Resume)
        {
            if (!File.Exists(path))
            {
                Console.Error.WriteLine($"{path}: no store to resume; grow one first with --db {path}");
                return 1;
            }

            await using var grown = SqliteDocumentStore.Open(path);
            from = (int)(await grown.GetStatisticsAsync()).Documents;
            Console.WriteLine($"resuming {path} at {from:N0} documents");
        }
        else
        {
            Delete(path);
        }

        var stages = new Dictionary<string, double>(StringComparer.Ordinal);
        long mark = 0;
        var windows = new List<(int Documents, double Total, double Corpus, double Cpu)>();
        Console.WriteLine("documents  ms/doc  corpus  document+annotations  commit  cpu ms/doc  store MB  uptime");
        var process = Process.GetCurrentProcess();
        var cpu = process.TotalProcessorTime;
        await using (var store = SqliteDocumentStore.Open(path))
        {
            store.AfterStage = stage =>
            {
                var now = Stopwatch.GetTimestamp();
                var part = stage == "corpus" ? "corpus" : "write";
                stages[part] = stages.GetValueOrDefault(part) + Stopwatch.GetElapsedTime(mark, now).TotalMilliseconds;
                mark = now;
            };
            double total = 0, commit = 0;
            var n = 0;
            for (var i = from; i < settings.Documents; i++)
            {
                var document = Synthetic(sources[i % sources.Length], i / sources.Length, i);
                var start = Stopwatch.GetTimestamp();
                mark = start;
                await store.AddAsync(document);
                var end = Stopwatch.GetTimestamp();
                total += Stopwatch.GetElapsedTime(start, end).TotalMilliseconds;
                commit += Stopwatch.GetElapsedTime(mark, end).TotalMilliseconds;
                n++;
                if ((i + 1) % settings.Window == 0 || i + 1 == settings.Documents)
                {
                    var corpus = stages.GetValueOrDefault("corpus") / n;
                    process.Refresh();
                    var used = (process.TotalProcessorTime - cpu).TotalMilliseconds / n;
                    cpu = process.TotalProcessorTime;
                    Console.WriteLine(FormattableString.Invariant(
                        $"{i + 1,9:N0}  {total / n,6:F2}  {corpus,6:F2}  {stages.GetValueOrDefault("write") / n,20:F2}  {commit / n,6:F2}  {used,10:F2}  {Size(path) / 1e6,8:F0}  {AnalyticsBenchmark.Uptime()}"));
                    windows.Add((i + 1, total / n, corpus, used));
                    total = commit = 0;
                    n = 0;
                    stages.Clear();
                }
            }
        }

        // The ratios compare with the first window of 1,000: a resumed run has none.
        var first = windows.FirstOrDefault();
        foreach (var at in from == 0 ? new[] { 10_000, 50_000 } : [])
        {
            if (windows.FirstOrDefault(w => w.Documents == at) is { Documents: > 0 } later && later.Documents != first.Documents)
            {
                Console.WriteLine(FormattableString.Invariant(
                    $"cost per document at {later.Documents:N0} / at {first.Documents:N0}: wall {later.Total / first.Total:F2}, CPU {later.Cpu / first.Cpu:F2} (corpus merge {later.Corpus / first.Corpus:F2}); bar: within 20% (≤ 1.20)"));
            }
        }

        Console.WriteLine($"store {path}: {Size(path) / 1e6:F0} MB for {settings.Documents:N0} documents ({Size(path) / (double)settings.Documents / 1024:F1} KB each)");
        if (settings.DbPath is null)
        {
            Delete(path);
        }

        return 0;
    }

    /// <summary>
    /// <c>--side-by-side</c>: the cost at N documents beside the cost at one window, in the same minutes (a machine shared
    /// with other work makes windows measured minutes apart hard to compare). Takes the store grown by an earlier run
    /// (<c>--db</c>, N documents), fills a fresh store with the first window of the same documents, then adds the next
    /// window to each, one document to one store and the next to the other, and compares the mean time of a document.
    /// </summary>
    private static async Task<int> SideBySideAsync(Settings settings, Document[] sources, string path)
    {
        if (!File.Exists(path))
        {
            Console.Error.WriteLine($"{path}: no store; grow one first with --db {path}");
            return 1;
        }

        var small = Path.Combine(Path.GetTempPath(), $"dossier-corpus-small-{Environment.ProcessId}.db");
        Delete(small);
        try
        {
            await using var large = SqliteDocumentStore.Open(path);
            var count = (int)(await large.GetStatisticsAsync()).Documents;
            await using var little = SqliteDocumentStore.Open(small);
            for (var i = 0; i < settings.Window; i++)
            {
                await little.AddAsync(Synthetic(sources[i % sources.Length], i / sources.Length, i));
            }

            Console.WriteLine($"side by side: a store of {count:N0} documents ({Size(path) / 1e6:F0} MB) and one of {settings.Window:N0}, {settings.Window:N0} more documents each, alternately; uptime: {AnalyticsBenchmark.Uptime()}");
            var smallSteps = new Steps(little, settings.Profile);
            var largeSteps = new Steps(large, settings.Profile);
            double atSmall = 0, atLarge = 0, cpuSmall = 0, cpuLarge = 0;
            var moved = 0;
            for (var j = 0; j < settings.Window; j++)
            {
                var i = settings.Window + j;
                var forSmall = Synthetic(sources[i % sources.Length], i / sources.Length, i);
                var n = count + j;
                var forLarge = Synthetic(sources[n % sources.Length], n / sources.Length, n);
                var thread = Environment.CurrentManagedThreadId;
                var cpu0 = ThreadCpu.Milliseconds();
                var start = Stopwatch.GetTimestamp();
                smallSteps.Start(start);
                await little.AddAsync(forSmall);
                var middle = Stopwatch.GetTimestamp();
                var cpu1 = ThreadCpu.Milliseconds();
                smallSteps.End(middle);
                largeSteps.Start(middle);
                await large.AddAsync(forLarge);
                largeSteps.End(Stopwatch.GetTimestamp());
                var cpu2 = ThreadCpu.Milliseconds();
                moved += thread == Environment.CurrentManagedThreadId ? 0 : 1;
                cpuSmall += cpu1 - cpu0;
                cpuLarge += cpu2 - cpu1;
                atSmall += Stopwatch.GetElapsedTime(start, middle).TotalMilliseconds;
                atLarge += Stopwatch.GetElapsedTime(middle).TotalMilliseconds;
            }

            Console.WriteLine(FormattableString.Invariant(
                $"ms per document: {atSmall / settings.Window:F2} at {settings.Window:N0}, {atLarge / settings.Window:F2} at {count:N0}; ratio {atLarge / atSmall:F2} (bar: within 20%, ≤ 1.20); uptime: {AnalyticsBenchmark.Uptime()}"));
            Console.WriteLine(FormattableString.Invariant(
                $"CPU ms per document (the storing thread's): {cpuSmall / settings.Window:F2} at {settings.Window:N0}, {cpuLarge / settings.Window:F2} at {count:N0}; ratio {cpuLarge / cpuSmall:F2}{(moved > 0 ? $" ({moved} documents resumed on another thread: CPU figures unreliable)" : "")}"));
            Console.WriteLine("ms per document by step   at " + settings.Window.ToString("N0", CultureInfo.InvariantCulture) + "   at " + count.ToString("N0", CultureInfo.InvariantCulture));
            foreach (var step in new[] { "document+annotations", "corpus", "commit" })
            {
                Console.WriteLine(FormattableString.Invariant(
                    $"  {step,-22} {smallSteps.Stage(step) / settings.Window,8:F2} {largeSteps.Stage(step) / settings.Window,8:F2}"));
            }

            if (settings.Profile)
            {
                Console.WriteLine("statements (SQLite's own time, ms per document; the 25 that grow most), at " + settings.Window.ToString("N0", CultureInfo.InvariantCulture) + ", at " + count.ToString("N0", CultureInfo.InvariantCulture) + ", calls per document at each");
                foreach (var sql in smallSteps.Statements.Keys.Union(largeSteps.Statements.Keys)
                    .OrderByDescending(q => largeSteps.Statements.GetValueOrDefault(q).Ns - smallSteps.Statements.GetValueOrDefault(q).Ns).Take(25))
                {
                    var (a, b) = (smallSteps.Statements.GetValueOrDefault(sql), largeSteps.Statements.GetValueOrDefault(sql));
                    Console.WriteLine(FormattableString.Invariant(
                        $"  {a.Ns / 1e6 / settings.Window,7:F3} {b.Ns / 1e6 / settings.Window,7:F3}  {a.Calls / (double)settings.Window,6:F1} {b.Calls / (double)settings.Window,6:F1}  {sql}"));
                }
            }

            return 0;
        }
        finally
        {
            Delete(small);
        }
    }

    /// <summary>The calling thread's CPU time (Linux <c>CLOCK_THREAD_CPUTIME_ID</c>): a document's cost that other
    /// processes on a loaded machine do not add to, as they do to wall time.</summary>
    private static class ThreadCpu
    {
        [StructLayout(LayoutKind.Sequential)]
        private struct TimeSpec
        {
            public long Seconds;
            public long Nanoseconds;
        }

        [DllImport("libc", EntryPoint = "clock_gettime")]
        private static extern int ClockGetTime(int clock, out TimeSpec time);

        public static double Milliseconds() =>
            OperatingSystem.IsLinux() && ClockGetTime(3, out var t) == 0 ? (t.Seconds * 1e3) + (t.Nanoseconds / 1e6) : 0;
    }

    /// <summary>One store's time per step of <see cref="SqliteDocumentStore.AddAsync"/> (the document and annotation writes,
    /// the corpus merge, the commit) and, with a profile, SQLite's own time per statement text.</summary>
    private sealed class Steps
    {
        private readonly Dictionary<string, double> _stages = new(StringComparer.Ordinal);
        private long _mark;

        public Steps(SqliteDocumentStore store, bool profile)
        {
            store.AfterStage = stage =>
            {
                var now = Stopwatch.GetTimestamp();
                Add(stage == "corpus" ? "corpus" : "document+annotations", now);
            };
            if (profile)
            {
                SQLitePCL.raw.sqlite3_profile(store.WriterConnection.Handle, (_, statement, ns) =>
                {
                    var key = Normalise(statement);
                    var (total, calls) = Statements.GetValueOrDefault(key);
                    Statements[key] = (total + ns, calls + 1);
                }, null);
            }
        }

        public Dictionary<string, (long Ns, long Calls)> Statements { get; } = new(StringComparer.Ordinal);

        public double Stage(string stage) => _stages.GetValueOrDefault(stage);

        public void Start(long now) => _mark = now;

        public void End(long now) => Add("commit", now);

        private void Add(string stage, long now)
        {
            _stages[stage] = _stages.GetValueOrDefault(stage) + Stopwatch.GetElapsedTime(_mark, now).TotalMilliseconds;
            _mark = now;
        }

        /// <summary>A statement's text on one line, its numbered parameters folded ($k0, $k1 → $k), at most 150 characters.</summary>
        private static string Normalise(string sql)
        {
            var line = System.Text.RegularExpressions.Regex.Replace(System.Text.RegularExpressions.Regex.Replace(sql, @"\s+", " "), @"\$k\d+(, \$k\d+)*", "$k..").Trim();
            return line.Length <= 150 ? line : line[..150];
        }
    }

    /// <summary>Documents published per day in the synthetic corpus (a steady feed: 50,000 documents span about 3.4 years).</summary>
    internal const int DocumentsPerDay = 40;

    private static readonly DateOnly FirstDay = new(2005, 1, 1);

    /// <summary>Document <paramref name="index"/> of the synthetic corpus, copy <paramref name="copy"/> of its source: own
    /// title and id (beyond copy 0), published on day index / <see cref="DocumentsPerDay"/>, its day-precise event dates
    /// moved with it, names changed (see the type's remarks).</summary>
    internal static Document Synthetic(Document source, int copy, int index)
    {
        var published = FirstDay.AddDays(index / DocumentsPerDay);
        var shift = published.DayNumber - (source.Metadata.Published ?? FirstDay).DayNumber;
        var metadata = source.Metadata with
        {
            Title = copy == 0 ? source.Metadata.Title : $"{source.Metadata.Title} ({copy.ToString(CultureInfo.InvariantCulture)})",
            Published = published,
        };
        var suffix = Suffix(copy);
        string Name(string name) => copy == 0 || Keeps(name) ? name : string.Join(' ', name.Split(' ').Select(w => w.Length == 0 ? w : w + suffix));
        var entities = source.Entities.IsDefault ? [] : source.Entities.Select(e => e with
        {
            Name = Name(e.Name),
            Aliases = e.Aliases.IsDefault ? [] : [.. e.Aliases.Select(Name)],
            Mentions = e.Mentions.IsDefault ? [] : [.. e.Mentions.Select(m => m with { Text = Name(m.Text) })],
        }).ToImmutableArray();
        var events = source.Events.IsDefault ? [] : source.Events.Select(e => e with
        {
            Source = e.Source.IsDefault ? [] : [.. e.Source.Select(a => a with { Text = Name(a.Text) })],
            Target = e.Target.IsDefault ? [] : [.. e.Target.Select(a => a with { Text = Name(a.Text) })],
            Date = e.Date is { Value: { } value } date && DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
                ? date with { Value = day.AddDays(shift).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) }
                : e.Date,
        }).ToImmutableArray();
        return new Document(source.Text, metadata, source.Language)
        {
            Topic = source.Topic,
            Sentences = source.Sentences,
            Tokens = source.Tokens,
            Names = source.Names,
            Entities = entities,
            Times = source.Times,
            Values = source.Values,
            Events = events,
        };
    }

    /// <summary>About one name in four recurs unchanged in every copy (a stable hash of the name decides).</summary>
    private static bool Keeps(string name)
    {
        var hash = 17u;
        foreach (var c in name)
        {
            hash = (hash * 31) + c;
        }

        return hash % 4 == 0;
    }

    /// <summary>Letters that make a name of copy k unique: k in base 26, lower case.</summary>
    private static string Suffix(int copy)
    {
        var letters = new List<char>();
        for (var k = copy; k > 0; k /= 26)
        {
            letters.Insert(0, (char)('a' + (k % 26)));
        }

        return new string([.. letters]);
    }

    private static long Size(string path) =>
        new[] { "", "-wal" }.Select(s => new FileInfo(path + s)).Where(f => f.Exists).Sum(f => f.Length);

    private static void Delete(string path)
    {
        foreach (var suffix in new[] { "", "-wal", "-shm" })
        {
            File.Delete(path + suffix);
        }
    }
}
