using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;

namespace Dossier.Cli.Tests;

/// <summary>Issue 14, item 4: SIGTERM stops ingest with one line and a documented exit code; an unreadable
/// sub-folder is a failure, not a silent skip.</summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public partial class StopAndUnreadableInputTests
{
    /// <summary>Reports in the SIGTERM run: far more than can be read and analysed in the moment it takes to signal.</summary>
    private const int Reports = 1500;

    [Fact]
    public async Task Ingest_StopRequestedBySigterm_OneLineWithCountAndExit143()
    {
        using var run = new CliRun();
        var input = run.Write("one.txt", "Officials met in Geneva on Monday to discuss the harbour plan.");
        using var stop = new StopSignal();
        stop.Request(StopSignal.Terminate);
        var output = new StringWriter();
        var error = new StringWriter();

        var exit = await DossierCli.RunAsync(["ingest", input, "--db", run.Database], output, error, stop);

        Assert.Equal(ExitCodes.Terminated, exit);
        Assert.Equal("dossier: stopped by SIGTERM; 0 documents stored, the rest not read", error.ToString().Trim());
    }

    [SkippableFact]
    public async Task Ingest_SigtermDuringRun_StopsBetweenDocumentsSaysHowManyStoredExit143()
    {
        Skip.If(OperatingSystem.IsWindows(), "SIGTERM is a Unix signal.");
        using var run = new CliRun();
        var folder = Path.Combine(run.Directory, "reports");
        Directory.CreateDirectory(folder);
        for (var i = 0; i < Reports; i++)
        {
            File.WriteAllText(Path.Combine(folder, $"{i:D4}.txt"),
                $"Report {i}\n\nOfficials from {i} towns met in Geneva on Monday to discuss plan number {i} for the harbour.");
        }

        using var process = DossierProcess.Start(["ingest", folder, "--db", run.Database]);
        // The store is opened after the signal handler is installed, and before the models load and the first file is
        // read: once the database exists, SIGTERM reaches the handler while the documents are still ahead (a run of them takes seconds).
        while (!File.Exists(run.Database) && !process.HasExited)
        {
            await Task.Delay(20);
        }

        Assert.False(process.HasExited, "dossier ended before the test could signal it");
        DossierProcess.Signal(process, "TERM");
        var (exit, _, error) = await DossierProcess.FinishAsync(process);

        Assert.Equal(ExitCodes.Terminated, exit);
        var line = Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        var match = StoppedLine().Match(line);
        Assert.True(match.Success, line);
        var stored = int.Parse(match.Groups["n"].Value, CultureInfo.InvariantCulture);
        Assert.True(stored < Reports, line);
        Assert.Equal(stored, CountDocuments(run.Database));
    }

    [SkippableFact]
    public async Task Analyze_FolderWithUnreadableSubfolder_FailureLineAndExitTwo()
    {
        // Run as an unprivileged user when the tests run as root (root reads a folder without permissions).
        string[]? asNobody = null;
        if (Environment.UserName == "root" || Environment.GetEnvironmentVariable("USER") == "root" || IsRoot())
        {
            Skip.IfNot(File.Exists("/usr/bin/setpriv"), "The tests run as root and setpriv is absent: root can read a folder without permissions.");
            asNobody = ["/usr/bin/setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"];
        }

        using var run = new CliRun();
        File.SetUnixFileMode(run.Directory, (UnixFileMode)0b111_101_101);
        var folder = Path.Combine(run.Directory, "reports");
        var locked = Path.Combine(folder, "locked");
        Directory.CreateDirectory(locked);
        File.WriteAllText(Path.Combine(folder, "a.txt"), "Officials met in Geneva on Monday to discuss the harbour plan.");
        File.WriteAllText(Path.Combine(locked, "b.txt"), "Ministers met in Oslo on Tuesday.");
        File.SetUnixFileMode(folder, (UnixFileMode)0b111_101_101);
        File.SetUnixFileMode(Path.Combine(folder, "a.txt"), (UnixFileMode)0b110_100_100);
        File.SetUnixFileMode(locked, UnixFileMode.None);
        try
        {
            using var process = DossierProcess.Start(["analyze", folder], asNobody);
            var (exit, output, error) = await DossierProcess.FinishAsync(process);

            Assert.True(exit == ExitCodes.SomeInputsFailed, $"exit {exit}: {error}");
            Assert.Contains("Geneva", output, StringComparison.Ordinal);
            var line = Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
            Assert.StartsWith($"{locked}: directory could not be read (", line, StringComparison.Ordinal);
        }
        finally
        {
            File.SetUnixFileMode(locked, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
    }

    private static bool IsRoot()
    {
        try
        {
            return File.ReadLines("/proc/self/status").Any(l => l.StartsWith("Uid:", StringComparison.Ordinal) && l.Split('\t', StringSplitOptions.RemoveEmptyEntries)[1] == "0");
        }
        catch (IOException)
        {
            return false;
        }
    }

    private static int CountDocuments(string database)
    {
        using var connection = new SqliteConnection($"Data Source={database};Mode=ReadOnly");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM documents";
        var count = Convert.ToInt32(command.ExecuteScalar(), CultureInfo.InvariantCulture);
        SqliteConnection.ClearAllPools();
        return count;
    }

    [GeneratedRegex(@"^dossier: stopped by SIGTERM; (?<n>\d+) documents? stored, the rest not read$")]
    private static partial Regex StoppedLine();
}
