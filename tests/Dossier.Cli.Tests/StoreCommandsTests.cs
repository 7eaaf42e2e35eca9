namespace Dossier.Cli.Tests;

public class StoreCommandsTests
{
    [Fact]
    public void Sync_StoreOption_ParsesLikeTheOtherStoreCommands()
    {
        var parse = DossierCli.Build().Parse(["sync", "--store", "postgres://team:pw@127.0.0.1:9/dossier", "--to", "clickhouse://u:p@127.0.0.1:9/db?cluster=c"]);

        Assert.Empty(parse.Errors);
        Assert.Equal("postgres://team:pw@127.0.0.1:9/dossier", parse.GetValue<string?>("--store"));
    }

    [Fact]
    public async Task ShowDocumentsSearch_AfterIngest_FindTheStoredDocument()
    {
        using var run = new CliRun();
        await run.RunWithDbAsync("ingest", Path.Combine(CliRun.Samples, "court-brief.txt"));

        var (_, list, _) = await run.RunWithDbAsync("documents");
        Assert.Contains("Shipping executive pleads not guilty", list);
        var prefix = list.Split(' ', 2)[0];

        var (showExit, shown, _) = await run.RunWithDbAsync("show", prefix);
        Assert.Equal(ExitCodes.Success, showExit);
        Assert.Contains("Northwind Freight", shown);

        var (searchExit, hits, _) = await run.RunWithDbAsync("search", "indictment");
        Assert.Equal(ExitCodes.Success, searchExit);
        Assert.Contains("Shipping executive", hits);
    }

    [Fact]
    public async Task Search_MalformedQuery_ExitsThreeWithOneLine()
    {
        using var run = new CliRun();
        await run.RunWithDbAsync("ingest", Path.Combine(CliRun.Samples, "court-brief.txt"));
        var (exit, _, error) = await run.RunWithDbAsync("search", "\"unclosed");
        Assert.Equal(ExitCodes.StoreError, exit);
        Assert.DoesNotContain("   at ", error);
    }

    [Fact]
    public async Task Show_UnknownId_IsAUsageError()
    {
        using var run = new CliRun();
        await run.RunWithDbAsync("ingest", Path.Combine(CliRun.Samples, "court-brief.txt"));
        var (exit, _, error) = await run.RunWithDbAsync("show", "ffffffffffff");
        Assert.Equal(ExitCodes.Usage, exit);
        Assert.Contains("no document", error);
    }

    [Fact]
    public async Task Run_UnknownCommand_IsAUsageError()
    {
        using var run = new CliRun();
        var (exit, _, _) = await run.RunAsync("frobnicate");
        Assert.Equal(ExitCodes.Usage, exit);
    }
}
