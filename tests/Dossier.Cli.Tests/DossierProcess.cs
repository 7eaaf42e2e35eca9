using System.Diagnostics;

namespace Dossier.Cli.Tests;

/// <summary>Runs the built <c>dossier</c> program in a process of its own, for what an in-process run cannot show:
/// signals, and another user's permissions.</summary>
internal static class DossierProcess
{
    /// <summary><c>dossier.dll</c> beside the tests (the CLI project is referenced, so it is copied here).</summary>
    public static string Program => Path.Combine(AppContext.BaseDirectory, "dossier.dll");

    /// <summary>The <c>dotnet</c> host that runs the tests.</summary>
    public static string DotnetHost =>
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host)
            ? host
            : Environment.ProcessPath is { } path && Path.GetFileNameWithoutExtension(path) == "dotnet" ? path : "dotnet";

    /// <summary>A started <c>dossier</c> process with its output redirected; <paramref name="prefix"/> runs before it
    /// (such as <c>setpriv …</c>).</summary>
    public static Process Start(IEnumerable<string> args, IEnumerable<string>? prefix = null)
    {
        var command = (prefix ?? []).Concat([DotnetHost, Program]).Concat(args).ToList();
        var start = new ProcessStartInfo(command[0])
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var arg in command.Skip(1))
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        return System.Diagnostics.Process.Start(start)!;
    }

    /// <summary>Waits for the process and returns its exit code and output.</summary>
    public static async Task<(int Exit, string Out, string Err)> FinishAsync(Process process)
    {
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await output, await error);
    }

    /// <summary>Sends a signal by the system's <c>kill</c> command (.NET can only send SIGKILL).</summary>
    public static void Signal(Process process, string signal)
    {
        using var kill = System.Diagnostics.Process.Start(new ProcessStartInfo("kill", ["-s", signal, process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]) { UseShellExecute = false })!;
        kill.WaitForExit();
        Assert.Equal(0, kill.ExitCode);
    }
}
