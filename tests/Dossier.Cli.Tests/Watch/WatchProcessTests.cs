using Microsoft.Data.Sqlite;

namespace Dossier.Cli.Tests.Watch;

/// <summary>Issue 19: the <c>dossier watch</c> program killed with SIGKILL in the middle of a run, then started again.</summary>
public sealed class WatchProcessTests
{
    private const int Articles = 30;

    [SkippableFact]
    public async Task Watch_KilledMidRunThenRestarted_NoDuplicateAndNoLostItem()
    {
        Skip.If(OperatingSystem.IsWindows(), "The test signals a Unix process.");
        using var server = new NewsServer();
        using var run = new CliRun();
        var feed = server.AddFeed("feed.xml");
        for (var n = 0; n < Articles; n++)
        {
            server.Publish("feed.xml", $"s/{n}.html", $"Quay {n} reopened",
                $"Engineers of the port authority reopened quay {n} on Wednesday after repairs that took {n + 2} weeks, the harbour master said.",
                new DateOnly(2026, 4, 1).AddDays(n % 28), window: Articles, delay: TimeSpan.FromMilliseconds(300));
        }

        var sources = run.Write("sources.txt", $"# the local test site\n{feed} every=1h\n");
        using (var process = DossierProcess.Start(["watch", sources, "--db", run.Database, "--per-host-delay", "0s", "--tick", "200ms"]))
        {
            // Drain the watcher's log as it comes, so that it never blocks on a full pipe.
            var log = process.StandardError.ReadToEndAsync();
            var waited = System.Diagnostics.Stopwatch.StartNew();
            while (Count(run.Database, "SELECT count(*) FROM documents") < 5 && !process.HasExited && waited.Elapsed < TimeSpan.FromSeconds(120))
            {
                await Task.Delay(50);
            }

            var exited = process.HasExited;
            process.Kill(); // SIGKILL: no handler runs
            await process.WaitForExitAsync();
            Assert.False(exited, "the watcher ended before the test could kill it: " + await log);
        }

        var storedAtKill = Count(run.Database, "SELECT count(*) FROM documents");
        Assert.True(storedAtKill < Articles, $"all {storedAtKill} stored before the kill; the test did not kill mid-run");

        var (exit, output, error) = await run.RunAsync("watch", sources, "--db", run.Database, "--once", "--per-host-delay", "0s");

        Assert.True(exit == 0, error);
        Assert.Equal(Articles, Count(run.Database, "SELECT count(*) FROM documents"));
        Assert.Equal(Articles, Count(run.Database, "SELECT count(DISTINCT title) FROM documents"));
        Assert.Equal(Articles, Count(run.Database, "SELECT count(*) FROM watch_items WHERE state = 'done'"));
        Assert.Equal(0, Count(run.Database, "SELECT count(*) FROM watch_items WHERE state <> 'done'"));
        // Only the articles in flight at the kill may have been fetched a second time (four fetches run at once).
        var refetched = Enumerable.Range(0, Articles).Count(n => server.Requests($"s/{n}.html") > 1);
        Assert.True(refetched <= 4, $"{refetched} articles fetched twice; {output}");
    }

    [SkippableFact]
    public async Task Watch_SigtermMidRun_ExitsZeroSayingSoAndEveryStoredDocumentIsWholeAndRecorded()
    {
        Skip.If(OperatingSystem.IsWindows(), "SIGTERM is a Unix signal.");
        using var server = new NewsServer();
        using var run = new CliRun();
        var feed = server.AddFeed("feed.xml");
        for (var n = 0; n < Articles; n++)
        {
            server.Publish("feed.xml", $"t/{n}.html", $"Ferry {n} returns",
                $"The ferry company restored crossing {n} on Thursday after a strike that lasted {n + 3} days, the transport office said.",
                new DateOnly(2026, 4, 1).AddDays(n % 28), window: Articles, delay: TimeSpan.FromMilliseconds(300));
        }

        var sources = run.Write("sources.txt", $"{feed} every=1h\n");
        using var process = DossierProcess.Start(["watch", sources, "--db", run.Database, "--per-host-delay", "0s", "--tick", "200ms"]);
        var finished = DossierProcess.FinishAsync(process);
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (Count(run.Database, "SELECT count(*) FROM documents") < 3 && !process.HasExited && waited.Elapsed < TimeSpan.FromSeconds(120))
        {
            await Task.Delay(50);
        }

        Assert.False(process.HasExited, "the watcher ended before the test could signal it");
        DossierProcess.Signal(process, "TERM");
        var (exit, _, error) = await finished.WaitAsync(TimeSpan.FromSeconds(60));

        Assert.True(exit == 0, error);
        Assert.Contains("watch stopped by SIGTERM", error, StringComparison.Ordinal);
        var documents = Count(run.Database, "SELECT count(*) FROM documents");
        Assert.True(documents < Articles, $"all {documents} stored before the signal");
        Assert.Equal(documents, Count(run.Database, "SELECT count(*) FROM documents WHERE corpus_linked = 1 AND layers IS NOT NULL"));
        Assert.Equal(documents, Count(run.Database, "SELECT count(*) FROM watch_items WHERE state = 'done'"));
        Assert.Equal(Articles - documents, Count(run.Database, "SELECT count(*) FROM watch_items WHERE state = 'pending'"));
    }

    private static long Count(string database, string sql)
    {
        if (!File.Exists(database))
        {
            return 0;
        }

        try
        {
            using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = database, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = sql;
            return Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
        }
        catch (SqliteException)
        {
            return 0; // not created yet
        }
    }
}
