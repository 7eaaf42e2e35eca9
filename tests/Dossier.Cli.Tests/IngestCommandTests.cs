namespace Dossier.Cli.Tests;

public class IngestCommandTests
{
    [Fact]
    public async Task Ingest_SamplesFolder_StoresEveryDocumentAndFlagsTheFrenchOne()
    {
        using var run = new CliRun();
        var (exit, output, error) = await run.RunWithDbAsync("ingest", CliRun.Samples);
        Assert.True(exit == ExitCodes.Success, error);
        Assert.Contains("7 new, 0 duplicate, 0 failed, 1 not English", output);

        var (_, stats, _) = await run.RunWithDbAsync("stats");
        Assert.Matches(@"documents\s+7\b", stats);
        Assert.Matches(@"english\s+6\b", stats);
    }

    [Fact]
    public async Task Ingest_SameFolderTwice_AddsNothingTheSecondTime()
    {
        using var run = new CliRun();
        await run.RunWithDbAsync("ingest", CliRun.Samples);
        var (exit, output, _) = await run.RunWithDbAsync("ingest", CliRun.Samples);
        Assert.Equal(ExitCodes.Success, exit);
        Assert.Contains("0 new, 7 duplicate", output);
    }

    [Fact]
    public async Task Ingest_MissingPathBesideGoodFile_ReportsOneLineStoresTheRestAndExitsTwo()
    {
        using var run = new CliRun();
        var good = run.Write("good.txt", "Officials met in Geneva on Monday to discuss the harbour plan.");
        var missing = Path.Combine(run.Directory, "missing.txt");
        var (exit, output, error) = await run.RunWithDbAsync("ingest", missing, good);
        Assert.Equal(ExitCodes.SomeInputsFailed, exit);
        Assert.Contains("1 new, 0 duplicate, 1 failed", output);
        var line = Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith(missing + ":", line);
    }

    [Fact]
    public async Task Ingest_CorruptDatabaseFile_ExitsThreeWithOneLineAndNoStackTrace()
    {
        using var run = new CliRun();
        await File.WriteAllBytesAsync(run.Database, [.. Enumerable.Repeat((byte)0x5A, 4096)]);
        var good = run.Write("good.txt", "Officials met in Geneva on Monday.");
        var (exit, _, error) = await run.RunWithDbAsync("ingest", good);
        Assert.Equal(ExitCodes.StoreError, exit);
        Assert.Contains(run.Database, error);
        Assert.DoesNotContain("   at ", error);
        Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public async Task Ingest_PublishedOption_DatesDocumentsWithoutOne()
    {
        using var run = new CliRun();
        var file = run.Write("undated.txt", "Officials met in Geneva on Monday.");
        await run.RunWithDbAsync("ingest", file, "--published", "2025-10-17");
        var (_, list, _) = await run.RunWithDbAsync("documents");
        Assert.Contains("2025-10-17", list);
    }
}
