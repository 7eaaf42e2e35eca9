using Dossier.Core.Serialization;

namespace Dossier.Cli.Tests;

public class ActorsOptionTests
{
    [Fact]
    public async Task Analyze_ActorsFileNamesAnOrganisation_EntityCarriesTheUsersCode()
    {
        using var run = new CliRun();
        var actors = run.Write("actors.tsv", "# name\tcode\ttype\nNorthwind Freight Ltd.\tGBRBUS\tORG\n");
        var (exit, output, error) = await run.RunAsync("analyze", Path.Combine(CliRun.Samples, "court-brief.txt"), "--format", "json", "--actors", actors);
        Assert.True(exit == ExitCodes.Success, error);
        var document = DossierJson.Deserialize(output);
        var company = Assert.Single(document.Entities, e => e.Name.StartsWith("Northwind", StringComparison.Ordinal));
        Assert.Equal("GBRBUS", company.Code);
    }

    [Fact]
    public async Task Analyze_MalformedActorsFile_IsAUsageErrorNamingFileAndLine()
    {
        using var run = new CliRun();
        var actors = run.Write("actors.tsv", "# name\tcode\nGood Actor\tFRAGOV\nno code on this line\n");
        var (exit, output, error) = await run.RunAsync("analyze", Path.Combine(CliRun.Samples, "court-brief.txt"), "--actors", actors);
        Assert.Equal(ExitCodes.Usage, exit);
        Assert.Equal("", output);
        Assert.Contains(actors + ":3:", error);
    }

    [Fact]
    public async Task Ingest_ActorsFileBesideTheDatabase_IsUsedWithoutTheOption()
    {
        using var run = new CliRun();
        run.Write("actors.tsv", "Northwind Freight Ltd.\tGBRBUS\tORG\n");
        var (exit, _, error) = await run.RunWithDbAsync("ingest", Path.Combine(CliRun.Samples, "court-brief.txt"));
        Assert.True(exit == ExitCodes.Success, error);
        var (_, entities, _) = await run.RunWithDbAsync("entities", "--query", "Northwind");
        Assert.Contains("GBRBUS", entities);
    }

    [Fact]
    public async Task Entity_UserActorOverridesBuiltIn_SaysSo()
    {
        using var run = new CliRun();
        var text = run.Write("talks.txt", "Angela Merkel met the press in Berlin on Monday. Merkel said the talks had gone well.");
        var actors = run.Write("actors.tsv", "Angela Merkel\tDEUELI\tPERSON\n");
        await run.RunWithDbAsync("ingest", text, "--published", "2025-03-03");
        var (exit, output, error) = await run.RunWithDbAsync("entity", "Angela Merkel");
        Assert.True(exit == ExitCodes.Success, error);
        Assert.Contains($"user actor: {actors} codes \"Angela Merkel\" as DEUELI, overriding the built-in DEUGOV", output);
    }
}
