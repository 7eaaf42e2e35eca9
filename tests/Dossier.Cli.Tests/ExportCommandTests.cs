namespace Dossier.Cli.Tests;

public class ExportCommandTests
{
    [Fact]
    public async Task Export_JsonlAfterIngest_WritesOneDossierObjectPerDocument()
    {
        using var run = new CliRun();
        await run.RunWithDbAsync("ingest", Path.Combine(CliRun.Samples, "wire.jsonl"));
        var (exit, output, error) = await run.RunWithDbAsync("export", "--format", "jsonl");
        Assert.True(exit == ExitCodes.Success, error);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        Assert.All(lines, line => Assert.Contains("\"schema\":\"dossier/1\"", line));
    }

    [Fact]
    public async Task Export_UnknownFormat_IsAUsageError()
    {
        using var run = new CliRun();
        var (exit, _, _) = await run.RunWithDbAsync("export", "--format", "xlsx");
        Assert.Equal(ExitCodes.Usage, exit);
    }
}
