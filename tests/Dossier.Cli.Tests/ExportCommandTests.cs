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
    public async Task Export_NoMinConfidence_LeavesOutEventsBelowTheModelThresholdThatZeroKeeps()
    {
        using var run = new CliRun();
        await run.RunWithDbAsync("ingest", CliRun.Samples);
        var threshold = Engine.DefaultPipeline.DefaultMinConfidence;
        async Task<List<(string Id, double Confidence)>> EventsAsync(params string[] extra)
        {
            var (exit, output, error) = await run.RunWithDbAsync(["export", "--format", "jsonl", .. extra]);
            Assert.True(exit == ExitCodes.Success, error);
            return [.. output.Split('\n', StringSplitOptions.RemoveEmptyEntries)
                .Select(line => Core.Serialization.DossierJson.Deserialize(line))
                .SelectMany(d => d.Events.Select(e => (d.Id + "/" + e.Id, e.Confidence)))];
        }

        var exported = await EventsAsync();
        var all = await EventsAsync("--min-confidence", "0");
        Assert.Contains(all, e => e.Confidence < threshold); // the samples have unsure events, so the default has work to do
        Assert.NotEmpty(exported);
        Assert.Equal(all.Where(e => e.Confidence >= threshold).Select(e => e.Id).Order(StringComparer.Ordinal), exported.Select(e => e.Id).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Export_MinConfidenceOutOfRange_IsAUsageError()
    {
        using var run = new CliRun();
        var (exit, _, error) = await run.RunWithDbAsync("export", "--format", "csv", "--min-confidence", "2");
        Assert.Equal(ExitCodes.Usage, exit);
        Assert.Contains("2", error);
    }

    [Fact]
    public async Task Export_UnknownFormat_IsAUsageError()
    {
        using var run = new CliRun();
        var (exit, _, _) = await run.RunWithDbAsync("export", "--format", "xlsx");
        Assert.Equal(ExitCodes.Usage, exit);
    }
}
