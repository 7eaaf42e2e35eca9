using System.Diagnostics;
using System.Globalization;
using Dossier.Storage.Postgres;
using Microsoft.Data.Sqlite;
using Npgsql;
using Xunit.Abstractions;

namespace Dossier.Cli.Tests.Queue;

/// <summary>
/// Issue 16's bar as a test: two real <c>dossier worker</c> processes on one PostgreSQL store, one killed with SIGKILL
/// in the middle of a document and the other finishing, end with the documents, corpus entities and corpus events of
/// one SQLite ingest of the same files. Skipped with the reason when <c>DOSSIER_TEST_POSTGRES</c> names no reachable
/// server (<c>.ci/servers/postgres.sh</c> starts one).
/// </summary>
public sealed class WorkerKillTests(ITestOutputHelper log) : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(120);
    private readonly CliRun _run = new();
    private readonly List<Process> _processes = [];
    private PostgresTestDatabase? _database;

    public void Dispose()
    {
        foreach (var process in _processes)
        {
            if (!process.HasExited)
            {
                process.Kill();
                process.WaitForExit();
            }

            process.Dispose();
        }

        _database?.Dispose();
        _run.Dispose();
    }

    /// <summary>
    /// Sixteen short reports about four invented ministers: meetings told by two outlets each, visits announced and
    /// then made, a complaint, so that the corpus merges entities and events across documents as well as adding them.
    /// </summary>
    private string WriteCorpus()
    {
        var folder = Path.Combine(_run.Directory, "reports");
        Directory.CreateDirectory(folder);
        (string Name, string Role)[] people =
        [
            ("Maren Quist", "the foreign minister of Estonia"),
            ("Tobias Ekwall", "the foreign minister of Sweden"),
            ("Ines Varga", "the foreign minister of Hungary"),
            ("Pavel Dunaj", "the foreign minister of Slovakia"),
        ];
        string[] cities = ["Tallinn", "Stockholm", "Budapest", "Bratislava"];
        var reports = new List<(string Title, string Body)>();
        for (var k = 0; k < 4; k++)
        {
            var (a, b) = (people[k], people[(k + 1) % 4]);
            var city = cities[k];
            var day = new DateOnly(2026, 3, 2 + (3 * k)).ToString("d MMMM yyyy", CultureInfo.InvariantCulture);
            reports.Add(($"{a.Name} meets {b.Name}",
                $"{a.Name}, {a.Role}, met {b.Name}, {b.Role}, in {city} on {day}. The two ministers discussed fishing rights and a new ferry line. " +
                $"{a.Name} said the talks had gone well and that officials would meet again in the spring."));
            reports.Add(($"{b.Name} in {city}",
                $"{b.Name} travelled to {city}, where {a.Name} received him on {day}. Officials of both ministries said the talks covered the ferry line. " +
                $"{b.Name} thanked {a.Name} for the invitation."));
            reports.Add(($"{a.Name} to visit {cities[(k + 2) % 4]}",
                $"{a.Name} will visit {cities[(k + 2) % 4]} on {new DateOnly(2026, 6, 10 + k).ToString("d MMMM yyyy", CultureInfo.InvariantCulture)} to meet {people[(k + 2) % 4].Name}, her office said. " +
                $"The visit was announced after a call between the two ministers."));
            reports.Add(($"{b.Name} criticises {people[(k + 3) % 4].Name}",
                $"{b.Name} accused {people[(k + 3) % 4].Name} of delaying the ferry agreement, in a speech in {cities[(k + 1) % 4]} on {day}. " +
                $"A spokesman for {people[(k + 3) % 4].Name} rejected the criticism."));
        }

        for (var i = 0; i < reports.Count; i++)
        {
            File.WriteAllText(Path.Combine(folder, $"report{i:D2}.txt"), reports[i].Title + "\n\n" + reports[i].Body + "\n");
        }

        return folder;
    }

    [SkippableFact]
    public async Task Workers_OneKilledMidDocumentTheOtherFinishing_CountsEqualOneSqliteIngest()
    {
        Skip.If(OperatingSystem.IsWindows(), "The test stops and kills Unix processes.");
        var url = CreateDatabase();
        var corpus = WriteCorpus();
        var files = Directory.GetFiles(corpus).Length;
        var elapsed = Stopwatch.StartNew();

        var (ingestExit, _, ingestError) = await _run.RunAsync("ingest", corpus, "--db", _run.Database);
        Assert.True(ingestExit == 0, ingestError);
        var expected = SqliteCounts(_run.Database);
        Assert.Equal(files, expected.Documents);

        var (enqueueExit, _, enqueueError) = await _run.RunAsync("enqueue", corpus, "--store", url);
        Assert.True(enqueueExit == 0, enqueueError);

        // The victim works alone until it has stored two inputs, and is stopped (SIGSTOP) while it holds the lease of a
        // third: in the middle of a document, deterministically, whatever the machine's load.
        string[] worker = ["worker", "--store", url, "--threads", "1", "--lease", "3"];
        var victim = Start(worker);
        var victimLog = victim.StandardError.ReadToEndAsync();
        var heldAtKill = await StopMidDocumentAsync(url, victim, victimLog);

        // The survivor starts while the victim is stopped; once it is working too, the victim is killed (SIGKILL).
        var survivor = Start(worker);
        var finished = DossierProcess.FinishAsync(survivor);
        await WaitAsync(() => Scalar(url, $"SELECT count(*) FROM work_queue WHERE worker LIKE '%:{survivor.Id}:%'") > 0 || survivor.HasExited,
            "the second worker never took an input");
        var doneAtKill = Scalar(url, "SELECT count(*) FROM work_queue WHERE state = 'done'");
        victim.Kill();
        await victim.WaitForExitAsync();
        Assert.True(doneAtKill < files, $"every input was done before the kill ({doneAtKill}/{files}): not midway");

        var (exit, output, error) = await finished.WaitAsync(Patience);
        log.WriteLine($"SQLite ingest: {expected}; stopped holding input {heldAtKill}, killed at {doneAtKill}/{files} done; " +
            $"PostgreSQL after the survivor: {PostgresCounts(url)}; inputs taken more than once: " +
            Scalar(url, "SELECT count(*) FROM work_queue WHERE attempts > 1").ToString(CultureInfo.InvariantCulture) + $"; {elapsed.Elapsed.TotalSeconds:F1} s");

        Assert.True(exit == 0, error);
        Assert.Equal(files, Scalar(url, "SELECT count(*) FROM work_queue WHERE state = 'done'"));
        Assert.True(Scalar(url, $"SELECT attempts FROM work_queue WHERE item_id = {heldAtKill}") >= 2,
            "the input the victim held was not taken again; " + output);
        Assert.Equal(expected, PostgresCounts(url));
    }

    /// <summary>Stops the worker (SIGSTOP) once it has finished two inputs and holds the lease of another; returns that
    /// input's id. The worker is stopped at every poll and read while stopped; a stop that finds it between inputs, or before
    /// its second, is undone (SIGCONT) for a slice of 5 ms and tried again.</summary>
    private static async Task<long> StopMidDocumentAsync(string url, Process worker, Task<string> log)
    {
        var waited = Stopwatch.StartNew();
        var mine = $"worker LIKE '%:{worker.Id}:%'";
        while (waited.Elapsed < Patience)
        {
            Assert.False(worker.HasExited, "the first worker ended before it could be stopped: " + (worker.HasExited ? await log : ""));
            // Stopped first, then read: a quiet machine stores a short report between two polls, so a check made while the
            // worker runs would seldom find it holding one (and it could end all sixteen before a poll saw it mid-document).
            DossierProcess.Signal(worker, "STOP");
            var held = Scalar(url, $"SELECT coalesce(max(item_id), 0) FROM work_queue WHERE state = 'leased' AND {mine}");
            if (held > 0 && Scalar(url, $"SELECT count(*) FROM work_queue WHERE state = 'done' AND {mine}") >= 2)
            {
                return held;
            }

            // Let it run for a short, fixed slice only: a Task.Delay under a busy test run can last far longer than asked,
            // and a quiet machine's worker stores all sixteen reports in a few hundred milliseconds.
            DossierProcess.Signal(worker, "CONT");
            Thread.Sleep(5);
        }

        Assert.Fail("the first worker never held an input after storing two");
        return 0;
    }

    private Process Start(string[] args)
    {
        var process = DossierProcess.Start(args);
        _processes.Add(process);
        return process;
    }

    private static async Task WaitAsync(Func<bool> condition, string failure)
    {
        var waited = Stopwatch.StartNew();
        while (!condition())
        {
            Assert.True(waited.Elapsed < Patience, failure);
            await Task.Delay(50);
        }
    }

    private static (long Documents, long Entities, long Events) SqliteCounts(string database)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = database, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        connection.Open();
        long Count(string table)
        {
            using var command = connection.CreateCommand();
            command.CommandText = $"SELECT count(*) FROM {table}";
            return Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture);
        }

        return (Count("documents"), Count("corpus_entities"), Count("corpus_events"));
    }

    private static (long Documents, long Entities, long Events) PostgresCounts(string url) =>
        (Scalar(url, "SELECT count(*) FROM documents"), Scalar(url, "SELECT count(*) FROM corpus_entities"), Scalar(url, "SELECT count(*) FROM corpus_events"));

    private static long Scalar(string url, string sql)
    {
        using var connection = new NpgsqlConnection(PostgresUrl.Parse(url).ConnectionString);
        connection.Open();
        using var command = new NpgsqlCommand(sql, connection);
        return Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    private string CreateDatabase()
    {
        _database = PostgresTestDatabase.Create("dossier_workers_");
        return _database.Url;
    }
}
