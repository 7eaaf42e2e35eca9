using Dossier.Core.Serialization;
using Dossier.Testing;

namespace Dossier.Cli.Tests;

/// <summary>The "done when" checks of the foundation, run against the shared corpora.</summary>
public class AcceptanceTests
{
    [SkippableFact]
    public async Task Ingest_BbcCorpusTwice_Stores1721DocumentsThenAddsNone()
    {
        var bbc = SharedData.Require("corpora/bbc");
        using var run = new CliRun();

        var (exit, output, error) = await run.RunWithDbAsync("ingest", bbc);
        Assert.True(exit == ExitCodes.Success, error);
        Assert.Contains("1721 new, 0 duplicate, 0 failed", output);

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
}
