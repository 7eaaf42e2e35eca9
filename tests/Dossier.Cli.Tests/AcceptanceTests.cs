using Dossier.Core.Serialization;
using Dossier.Testing;

namespace Dossier.Cli.Tests;

/// <summary>The "done when" checks of the foundation, run against the shared corpora.</summary>
public class AcceptanceTests
{
    [SkippableFact]
    public async Task Ingest_BbcCorpusTwice_Stores1721DocumentsOnceAndKeepsOneEntityPerPerson()
    {
        var bbc = SharedData.Require("corpora/bbc");
        using var run = new CliRun();

        var (exit, output, error) = await run.RunWithDbAsync("ingest", bbc);
        Assert.True(exit == ExitCodes.Success, error);
        Assert.Contains("1721 new, 0 duplicate, 0 failed", output);

        // The same person named in several articles is one corpus entity ...
        var blair = await PeopleAsync(run, "Tony Blair");
        Assert.True(blair.Single(e => e.Name == "Tony Blair").Documents >= 5);
        var serena = await PeopleAsync(run, "Serena Williams");
        Assert.True(serena.Single(e => e.Name == "Serena Williams").Documents >= 5);

        // ... and different people who share a surname stay apart.
        var williams = await PeopleAsync(run, "Williams");
        Assert.Contains(williams, e => e.Name == "Venus Williams");
        Assert.Contains(williams, e => e.Name == "Robbie Williams");
        var browns = await PeopleAsync(run, "Brown");
        Assert.Contains(browns, e => e.Name == "Gordon Brown");
        Assert.Contains(browns, e => e.Name == "Dan Brown");

        var (again, secondOutput, _) = await run.RunWithDbAsync("ingest", bbc);
        Assert.Equal(ExitCodes.Success, again);
        Assert.Contains("0 new, 1721 duplicate, 0 failed", secondOutput);
    }

    [SkippableFact]
    public async Task Analyze_ReferenceReportAsJson_IsADossierDocumentWithValidOffsets()
    {
        var report = SharedData.Require("samples/000_28743573a08fb585.txt");
        using var run = new CliRun();
        var (exit, output, error) = await run.RunAsync("analyze", report, "--published", "2025-10-17", "--format", "json");
        Assert.True(exit == ExitCodes.Success, error);

        var document = DossierJson.Deserialize(output);
        Assert.Equal(new DateOnly(2025, 10, 17), document.Metadata.Published);
        Assert.Equal("en", document.Language);
        Assert.True(document.Sentences.Length > 10);
        OffsetAssert.Valid(document);
        Assert.Equal(File.ReadAllText(report).TrimEnd(), document.Text.TrimEnd());
    }

    private sealed record EntityRow(long Id, string Name, int Documents);

    private static async Task<List<EntityRow>> PeopleAsync(CliRun run, string query)
    {
        var (exit, json, error) = await run.RunWithDbAsync("entities", "--type", "PERSON", "--query", query, "--limit", "50", "--format", "json");
        Assert.True(exit == ExitCodes.Success, error);
        return System.Text.Json.JsonSerializer.Deserialize<List<EntityRow>>(json, new System.Text.Json.JsonSerializerOptions(System.Text.Json.JsonSerializerDefaults.Web))!;
    }
}
