using System.Collections;
using System.Runtime.InteropServices;

namespace Dossier.Cli;

/// <summary>
/// How <c>dossier serve</c> gets fully optimised code. The program runs with tiered compilation off (Dossier.Cli.csproj):
/// short commands then compile their own code once, fully optimised, and use the precompiled (ReadyToRun) code of the
/// framework as it is. A long-running server would keep that precompiled code (ASP.NET Core, System.Text.Json, Npgsql's
/// callers, and the program's own code in a published or packed build) for ever. So on Linux <c>serve</c> starts again in
/// the same process (<c>execve</c>: same process id, arguments, standard streams) with tiered compilation on, no quick
/// tier-0 code and no instrumented tier, which recompiles the hot precompiled code fully optimised. Measured (CPU per
/// event list, docs/evaluation.md, branch pg6): the server used 10–20% less; the same settings for every command cost
/// the short ones 15–40% more CPU, so they stay scoped to <c>serve</c>.
/// The restart also gives the garbage collector a larger generation 0 (<see cref="Gen0Size"/>, branch pg8): measured for
/// the server only (fewer and cheaper collections, ~60 MB more resident), so it is scoped to <c>serve</c> as well, as is
/// <see cref="SpinLimit"/> (idle thread-pool workers sleep at once instead of spinning; branch pg11).
/// </summary>
/// <remarks>
/// Nothing happens when the caller has set <c>DOTNET_TieredCompilation</c> (or <c>COMPlus_TieredCompilation</c>) itself,
/// e.g. <c>DOTNET_TieredCompilation=0 dossier serve</c> to run as the other commands do; that also keeps the restarted
/// process from restarting again. Where <c>execve</c> is not available or fails, <c>serve</c> runs as before.
/// </remarks>
public static class ServerCodeGeneration
{
    /// <summary>The runtime settings <c>serve</c> restarts with.</summary>
    public static readonly IReadOnlyList<KeyValuePair<string, string>> Settings =
    [
        new("DOTNET_TieredCompilation", "1"),
        new("DOTNET_TC_QuickJit", "0"),
        new("DOTNET_TieredPGO", "0"),
    ];

    /// <summary>The garbage collector's smallest generation-0 budget for <c>serve</c> (<c>DOTNET_GCgen0size</c>, bytes in
    /// hexadecimal): 64 MiB. By default the workstation collector sizes generation 0 from the processor's cache, a few MB
    /// here: under 50 clients the server collected ~25 times a second, three in four of them generation 1 (the answers
    /// in flight survive a small generation 0), and the pauses took ~5% of the time, every request in flight waiting
    /// through each (docs/evaluation.md, branch pg8). With 64 MiB it collects ~2 times a second, nearly all generation 0.
    /// Added on the restart only when the caller has not set <c>DOTNET_GCgen0size</c> (or <c>COMPlus_GCgen0size</c>).</summary>
    public static readonly KeyValuePair<string, string> Gen0Size = new("DOTNET_GCgen0size", "0x4000000");

    /// <summary>How long an idle thread-pool worker of <c>serve</c> spins before it sleeps
    /// (<c>DOTNET_ThreadPool_UnfairSemaphoreSpinLimit</c>): 0, not the runtime's 70. With the default, a worker that runs out
    /// of work spins, calling <c>sched_yield</c>, before it blocks; under 50 clients on two cores that spinning was 16–30% of
    /// the server's CPU samples (<c>LowLevelSpinWaiter.Wait</c>), CPU that PostgreSQL and the clients wait for. Without it
    /// the server used 18–27% less CPU a request (docs/evaluation.md, branch pg11). Added on the restart only when the caller
    /// has not set it (with either prefix).</summary>
    public static readonly KeyValuePair<string, string> SpinLimit = new("DOTNET_ThreadPool_UnfairSemaphoreSpinLimit", "0");

    /// <summary>The settings the restart adds only where the caller gave none of its own.</summary>
    private static readonly KeyValuePair<string, string>[] Defaults = [Gen0Size, SpinLimit];

    /// <summary>Whether a run with <paramref name="args"/> and the environment <paramref name="environment"/> should
    /// restart with <see cref="Settings"/>: the command is <c>serve</c> and no tiered-compilation setting is given.</summary>
    public static bool ShouldRestart(IReadOnlyList<string> args, IDictionary environment)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(environment);
        return args.Count > 0 && args[0] == "serve"
            && !environment.Contains("DOTNET_TieredCompilation") && !environment.Contains("COMPlus_TieredCompilation");
    }

    /// <summary>The environment to restart with: <paramref name="environment"/> and <see cref="Settings"/>, as NAME=VALUE, and
    /// <see cref="Gen0Size"/> and <see cref="SpinLimit"/>, each unless the caller gave that setting a value of its own.</summary>
    public static List<string> RestartEnvironment(IDictionary environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var names = Settings.Select(s => s.Key).ToHashSet(StringComparer.Ordinal);
        var entries = new List<string>();
        foreach (DictionaryEntry entry in environment)
        {
            if (entry.Key is string name && !names.Contains(name))
            {
                entries.Add($"{name}={entry.Value}");
            }
        }

        entries.AddRange(Settings.Select(s => $"{s.Key}={s.Value}"));
        foreach (var (name, value) in Defaults)
        {
            var setting = name["DOTNET_".Length..];
            if (!environment.Contains("DOTNET_" + setting) && !environment.Contains("COMPlus_" + setting))
            {
                entries.Add($"{name}={value}");
            }
        }

        return entries;
    }

    /// <summary>On Linux, for <c>serve</c> without a tiered-compilation setting: replaces this process with the same
    /// program, arguments and streams, and <see cref="Settings"/> added to its environment. Returns only when it did not
    /// (another command, another system, a setting given, or <c>execve</c> failed).</summary>
    public static void RestartServeIfNeeded(string[] args)
    {
        var environment = Environment.GetEnvironmentVariables();
        if (!OperatingSystem.IsLinux() || !ShouldRestart(args, environment))
        {
            return;
        }

        string[] argv;
        try
        {
            // The exact command line this process started with (the apphost, or dotnet and the assembly, then the arguments).
            argv = File.ReadAllText("/proc/self/cmdline").Split('\0');
        }
        catch (IOException)
        {
            return;
        }
        catch (UnauthorizedAccessException)
        {
            return;
        }

        var count = argv.Length > 0 && argv[^1].Length == 0 ? argv.Length - 1 : argv.Length;
        if (count == 0)
        {
            return;
        }

        string?[] arguments = [.. argv.Take(count), null];
        string?[] variables = [.. RestartEnvironment(environment), null];
        Console.Out.Flush();
        Console.Error.Flush();
        try
        {
            _ = Execve("/proc/self/exe", arguments, variables); // returns only on failure: serve then runs as it is
        }
        catch (Exception ex) when (ex is DllNotFoundException or EntryPointNotFoundException or MarshalDirectiveException)
        {
            // No execve here: serve runs as it is.
        }
    }

    // LPStr is UTF-8 on Linux, the only system this is called on.
    [DllImport("libc", EntryPoint = "execve", SetLastError = true, BestFitMapping = false, ThrowOnUnmappableChar = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int Execve(
        [MarshalAs(UnmanagedType.LPUTF8Str)] string path,
        [MarshalAs(UnmanagedType.LPArray, ArraySubType = UnmanagedType.LPStr)] string?[] argv,
        [MarshalAs(UnmanagedType.LPArray, ArraySubType = UnmanagedType.LPStr)] string?[] envp);
}
