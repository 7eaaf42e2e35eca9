namespace Dossier.Cli.Tests.Watch;

/// <summary>Issue 19: <c>dossier follow add|list|remove</c> and the sources file's errors.</summary>
public sealed class FollowCommandTests : IDisposable
{
    private readonly CliRun _run = new();

    public void Dispose() => _run.Dispose();

    [Fact]
    public async Task Follow_AddListRemove_RoundTrips()
    {
        var (addExit, added, _) = await _run.RunWithDbAsync("follow", "add", "--actor", "Ingrid Solheim", "--status", "occurred", "--name", "mayor");
        var (_, listed, _) = await _run.RunWithDbAsync("follow", "list");
        var (removeExit, _, _) = await _run.RunWithDbAsync("follow", "remove", "1");
        var (_, after, _) = await _run.RunWithDbAsync("follow", "list");

        Assert.Equal(0, addExit);
        Assert.Equal("follow 1: mayor", added.Trim());
        Assert.Contains("mayor\tactor=Ingrid Solheim status=occurred\t0 new", listed, StringComparison.Ordinal);
        Assert.Equal(0, removeExit);
        Assert.Equal("No follows.", after.Trim());
    }

    [Fact]
    public async Task FollowAdd_NoCondition_UsageErrorInOneLine()
    {
        var (exit, _, error) = await _run.RunWithDbAsync("follow", "add", "--name", "everything");

        Assert.Equal(ExitCodes.Usage, exit);
        Assert.Single(error.Trim().Split('\n'));
        Assert.Contains("give at least one of", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Watch_SourcesFileWithBadInterval_NamesFileAndLine()
    {
        var sources = _run.Write("sources.txt", "# feeds\nhttp://127.0.0.1:9/feed.xml every=soon\n");

        var (exit, _, error) = await _run.RunWithDbAsync("watch", sources, "--once");

        Assert.Equal(ExitCodes.Usage, exit);
        Assert.Equal($"dossier: {sources}:2: 'every=soon' is not every=DURATION (such as every=15m)", error.Trim());
    }

    [Theory]
    [InlineData("follow", "list")]
    [InlineData("follow", "add", "--actor", "Ingrid Solheim")]
    [InlineData("follow", "remove", "1")]
    public async Task Follow_UnreachablePostgresStore_StoreErrorInOneLineWithoutThePassword(params string[] args)
    {
        // Nothing listens there.
        var (exit, _, error) = await _run.RunAsync([.. args, "--store", "postgres://team:hunter2pw@127.0.0.1:9/dossier"]);

        Assert.Equal(ExitCodes.StoreError, exit);
        Assert.Single(error.Trim().Split('\n'));
        Assert.Contains("127.0.0.1:9/dossier", error, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2pw", error, StringComparison.Ordinal);
    }
}
