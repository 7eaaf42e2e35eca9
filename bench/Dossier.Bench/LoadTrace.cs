using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace Dossier.Bench;

/// <summary>
/// Where a web run's tail comes from (<c>Dossier.Bench web … --trace PREFIX</c>): every request's start and latency, and a
/// time line sampled every 50 ms of what might make requests slow at that moment — this process's garbage collections,
/// pause time, heap, bytes allocated and thread pool (with an in-process server, the server's too), and the CPU ticks of
/// this process, of the separate server process (<c>--server-pid</c>), of the PostgreSQL backends and of the whole
/// machine (what other processes took). Written as two CSV files when the measured load ends; <c>bench/web-tail.py</c> reads them.
/// </summary>
internal sealed class LoadTrace
{
    private const int SampleMs = 50;

    private readonly string _prefix;
    private readonly int? _serverPid;
    private readonly int[] _backendPids;
    private readonly long _origin = Stopwatch.GetTimestamp();
    private readonly List<(long Start, double Ms, int Path, int Status)>[] _requests = new List<(long, double, int, int)>[1024];
    private readonly List<string> _samples = [];
    private readonly CancellationTokenSource _stop = new();
    private Task? _sampler;

    private LoadTrace(string prefix, int? serverPid, IEnumerable<int> backendPids)
    {
        _prefix = prefix;
        _serverPid = serverPid;
        _backendPids = [.. backendPids];
    }

    /// <summary>Starts the sampler; <paramref name="backends"/> are the PostgreSQL backends' pids (their CPU ticks, or null).</summary>
    public static LoadTrace Start(string prefix, int? serverPid, IReadOnlyDictionary<int, long>? backends)
    {
        var trace = new LoadTrace(prefix, serverPid, backends?.Keys ?? []);
        trace._sampler = Task.Factory.StartNew(trace.Sample, TaskCreationOptions.LongRunning);
        return trace;
    }

    /// <summary>Records one request of worker <paramref name="worker"/> (each worker records on its own list).</summary>
    public void Request(int worker, long start, double ms, int path, int status)
    {
        var list = _requests[worker] ??= new List<(long, double, int, int)>(8192);
        list.Add((start, ms, path, status));
    }

    /// <summary>Stops the sampler and writes the two files.</summary>
    public async Task StopAsync()
    {
        await _stop.CancelAsync();
        if (_sampler is not null)
        {
            await _sampler;
        }

        var requests = new StringBuilder("start_ms,latency_ms,path,status,worker\n");
        for (var w = 0; w < _requests.Length; w++)
        {
            foreach (var (start, ms, path, status) in _requests[w] ?? [])
            {
                requests.Append(CultureInfo.InvariantCulture, $"{Ms(start):0.000},{ms:0.000},{path},{status},{w}\n");
            }
        }

        await File.WriteAllTextAsync(_prefix + ".requests.csv", requests.ToString());
        await File.WriteAllLinesAsync(_prefix + ".samples.csv",
            ["t_ms,gc0,gc1,gc2,gc_pause_ms,heap_mb,alloc_mb,tp_threads,tp_pending,tp_completed,self_ticks,server_ticks,pg_ticks,machine_busy,machine_total", .. _samples]);
        Console.WriteLine($"  trace  {_prefix}.requests.csv, {_prefix}.samples.csv");
    }

    private double Ms(long timestamp) => (timestamp - _origin) * 1000.0 / Stopwatch.Frequency;

    private void Sample()
    {
        var self = Environment.ProcessId;
        while (!_stop.IsCancellationRequested)
        {
            var (busy, total) = MachineTicks();
            _samples.Add(string.Create(CultureInfo.InvariantCulture,
                $"{Ms(Stopwatch.GetTimestamp()):0.0},{GC.CollectionCount(0)},{GC.CollectionCount(1)},{GC.CollectionCount(2)},{GC.GetTotalPauseDuration().TotalMilliseconds:0.00},{GC.GetTotalMemory(false) / 1048576.0:0.0},{GC.GetTotalAllocatedBytes(false) / 1048576.0:0.000},{ThreadPool.ThreadCount},{ThreadPool.PendingWorkItemCount},{ThreadPool.CompletedWorkItemCount},{Ticks(self)},{(_serverPid is { } s ? Ticks(s) : 0)},{_backendPids.Sum(Ticks)},{busy},{total}"));
            _stop.Token.WaitHandle.WaitOne(SampleMs);
        }
    }

    /// <summary>User+sys clock ticks of a process (0 when unreadable).</summary>
    private static long Ticks(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            return long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException)
        {
            return 0;
        }
    }

    /// <summary>The machine's busy (all but idle and I/O wait) and total ticks, from the first line of <c>/proc/stat</c>.</summary>
    private static (long Busy, long Total) MachineTicks()
    {
        try
        {
            using var reader = new StreamReader("/proc/stat");
            var fields = (reader.ReadLine() ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1)
                .Select(f => long.Parse(f, CultureInfo.InvariantCulture)).ToArray();
            var total = fields.Sum();
            return (total - fields[3] - (fields.Length > 4 ? fields[4] : 0), total);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException)
        {
            return (0, 0);
        }
    }
}
