using System.Collections;
using System.Diagnostics;

namespace Dossier.Cli.Tests;

public class ServerCodeGenerationTests
{
    [Fact]
    public void ShouldRestart_ServeWithoutTieringSetting_IsTrue() =>
        Assert.True(ServerCodeGeneration.ShouldRestart(["serve", "--db", "x.db"], new Hashtable { ["PATH"] = "/usr/bin" }));

    [Fact]
    public void ShouldRestart_OtherCommand_IsFalse() =>
        Assert.False(ServerCodeGeneration.ShouldRestart(["ingest", "serve"], new Hashtable()));

    [Theory]
    [InlineData("DOTNET_TieredCompilation")]
    [InlineData("COMPlus_TieredCompilation")]
    public void ShouldRestart_CallerSetTiering_IsFalse(string variable) =>
        Assert.False(ServerCodeGeneration.ShouldRestart(["serve"], new Hashtable { [variable] = "0" }));

    [Fact]
    public void RestartEnvironment_KeepsCallersVariablesAndReplacesTheSettings()
    {
        var entries = ServerCodeGeneration.RestartEnvironment(new Hashtable { ["HOME"] = "/root", ["DOTNET_TieredPGO"] = "1" });
        Assert.Contains("HOME=/root", entries);
        Assert.Contains("DOTNET_TieredCompilation=1", entries);
        Assert.Contains("DOTNET_TC_QuickJit=0", entries);
        Assert.Equal("DOTNET_TieredPGO=0", Assert.Single(entries, e => e.StartsWith("DOTNET_TieredPGO=", StringComparison.Ordinal)));
    }

    [Fact]
    public void RestartEnvironment_NoGen0SizeGiven_AddsTheServersGen0Size()
    {
        var entries = ServerCodeGeneration.RestartEnvironment(new Hashtable { ["HOME"] = "/root" });
        Assert.Equal("DOTNET_GCgen0size=0x4000000", Assert.Single(entries, e => e.StartsWith("DOTNET_GCgen0size=", StringComparison.Ordinal)));
    }

    [Theory]
    [InlineData("DOTNET_GCgen0size")]
    [InlineData("COMPlus_GCgen0size")]
    public void RestartEnvironment_CallerGaveGen0Size_KeepsTheCallersAndAddsNone(string variable)
    {
        var entries = ServerCodeGeneration.RestartEnvironment(new Hashtable { [variable] = "0x1000000" });
        Assert.Equal($"{variable}=0x1000000", Assert.Single(entries, e => e.Contains("GCgen0size=", StringComparison.Ordinal)));
    }

    [Fact]
    public void RestartEnvironment_NoSpinLimitGiven_AddsASpinLimitOfZero()
    {
        var entries = ServerCodeGeneration.RestartEnvironment(new Hashtable { ["HOME"] = "/root" });
        Assert.Equal("DOTNET_ThreadPool_UnfairSemaphoreSpinLimit=0",
            Assert.Single(entries, e => e.StartsWith("DOTNET_ThreadPool_UnfairSemaphoreSpinLimit=", StringComparison.Ordinal)));
    }

    [Theory]
    [InlineData("DOTNET_ThreadPool_UnfairSemaphoreSpinLimit")]
    [InlineData("COMPlus_ThreadPool_UnfairSemaphoreSpinLimit")]
    public void RestartEnvironment_CallerGaveSpinLimit_KeepsTheCallersAndAddsNone(string variable)
    {
        var entries = ServerCodeGeneration.RestartEnvironment(new Hashtable { [variable] = "70" });
        Assert.Equal($"{variable}=70", Assert.Single(entries, e => e.Contains("UnfairSemaphoreSpinLimit=", StringComparison.Ordinal)));
    }

    [SkippableFact]
    public async Task Serve_WithoutTieringSetting_RestartsInTheSameProcessWithTheServerSettings()
    {
        Skip.IfNot(OperatingSystem.IsLinux(), "execve and /proc are Linux's");
        using var run = new CliRun();
        var environment = await ServeEnvironmentAsync(run, null);
        Assert.Contains("DOTNET_TieredCompilation=1", environment);
        Assert.Contains("DOTNET_TC_QuickJit=0", environment);
        Assert.Contains("DOTNET_TieredPGO=0", environment);
        Assert.Contains("DOTNET_GCgen0size=0x4000000", environment);
        Assert.Contains("DOTNET_ThreadPool_UnfairSemaphoreSpinLimit=0", environment);
    }

    [SkippableFact]
    public async Task Serve_CallerSetTieredCompilation_RunsWithTheCallersSetting()
    {
        Skip.IfNot(OperatingSystem.IsLinux(), "execve and /proc are Linux's");
        using var run = new CliRun();
        var environment = await ServeEnvironmentAsync(run, "0");
        Assert.Contains("DOTNET_TieredCompilation=0", environment);
        Assert.DoesNotContain("DOTNET_TC_QuickJit=0", environment);
        Assert.DoesNotContain(environment, e => e.StartsWith("DOTNET_GCgen0size=", StringComparison.Ordinal));
        Assert.DoesNotContain(environment, e => e.StartsWith("DOTNET_ThreadPool_UnfairSemaphoreSpinLimit=", StringComparison.Ordinal));
    }

    /// <summary>Starts <c>dossier serve</c> (with <c>DOTNET_TieredCompilation</c> = <paramref name="tiering"/>, or without
    /// it), waits until the process that was started says it is serving, reads that process's environment from /proc,
    /// stops it with SIGTERM and checks that it exits cleanly.</summary>
    private static async Task<string[]> ServeEnvironmentAsync(CliRun run, string? tiering)
    {
        var start = new ProcessStartInfo(DossierProcess.DotnetHost)
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var arg in new[] { DossierProcess.Program, "serve", "--db", run.Database, "--urls", "http://127.0.0.1:0" })
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment.Remove("DOTNET_ThreadPool_UnfairSemaphoreSpinLimit");
        start.Environment.Remove("COMPlus_ThreadPool_UnfairSemaphoreSpinLimit");
        start.Environment.Remove("DOTNET_GCgen0size");
        start.Environment.Remove("COMPlus_GCgen0size");
        start.Environment.Remove("DOTNET_TieredCompilation");
        start.Environment.Remove("COMPlus_TieredCompilation");
        if (tiering is not null)
        {
            start.Environment["DOTNET_TieredCompilation"] = tiering;
        }

        using var process = Process.Start(start)!;
        try
        {
            var error = process.StandardError.ReadToEndAsync();
            var serving = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var output = Task.Run(async () =>
            {
                while (await process.StandardOutput.ReadLineAsync() is { } line)
                {
                    if (line.Contains("is serving", StringComparison.Ordinal))
                    {
                        serving.TrySetResult();
                    }
                }

                serving.TrySetResult();
            });
            await serving.Task.WaitAsync(TimeSpan.FromSeconds(60));
            Assert.False(process.HasExited, "serve stopped before serving: " + (process.HasExited ? await error : ""));
            var environment = (await File.ReadAllTextAsync($"/proc/{process.Id}/environ")).Split('\0');
            DossierProcess.Signal(process, "TERM");
            await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));
            await output;
            Assert.True(process.ExitCode == 0, await error);
            return environment;
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
        }
    }
}
