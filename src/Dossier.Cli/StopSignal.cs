using System.Runtime.InteropServices;

namespace Dossier.Cli;

/// <summary>
/// A request to stop a run between documents, and what asked for it: Ctrl-C (SIGINT) or SIGTERM. The <c>dossier</c>
/// program installs one (<see cref="Install"/>); commands read <see cref="Current"/> to say which signal stopped them.
/// </summary>
public sealed class StopSignal : IDisposable
{
    /// <summary>The name <see cref="Signal"/> has after a SIGTERM.</summary>
    public const string Terminate = "SIGTERM";

    /// <summary>The name <see cref="Signal"/> has after Ctrl-C.</summary>
    public const string Interrupt = "Ctrl-C";

    private static readonly AsyncLocal<StopSignal?> Ambient = new();

    private readonly CancellationTokenSource _stop = new();
    private readonly List<IDisposable> _registrations = [];
    private string? _signal;

    /// <summary>A stop signal that only <see cref="Request"/> triggers (for callers and tests that stop a run themselves).</summary>
    public StopSignal()
    {
    }

    /// <summary>The stop signal of the run in progress on this logical thread, if any.</summary>
    public static StopSignal? Current
    {
        get => Ambient.Value;
        internal set => Ambient.Value = value;
    }

    /// <summary>Cancelled when a stop is requested.</summary>
    public CancellationToken Token => _stop.Token;

    /// <summary>The first signal that asked to stop (<see cref="Interrupt"/>, <see cref="Terminate"/>), or null.</summary>
    public string? Signal => Volatile.Read(ref _signal);

    /// <summary>A stop signal that Ctrl-C and, where the platform has it, SIGTERM request, instead of ending the process at once.</summary>
    public static StopSignal Install()
    {
        var stop = new StopSignal();
        Console.CancelKeyPress += stop.OnCancelKeyPress;
        if (!OperatingSystem.IsWindows())
        {
            stop._registrations.Add(PosixSignalRegistration.Create(PosixSignal.SIGTERM, context =>
            {
                // The runtime's default would end the process without a word; stop between documents instead.
                context.Cancel = true;
                stop.Request(Terminate);
            }));
        }

        return stop;
    }

    /// <summary>Asks the run to stop; the first signal's name is kept.</summary>
    public void Request(string signal)
    {
        Interlocked.CompareExchange(ref _signal, signal, null);
        _stop.Cancel();
    }

    public void Dispose()
    {
        Console.CancelKeyPress -= OnCancelKeyPress;
        foreach (var registration in _registrations)
        {
            registration.Dispose();
        }

        _stop.Dispose();
    }

    private void OnCancelKeyPress(object? sender, ConsoleCancelEventArgs e)
    {
        // First Ctrl-C: stop after the current document's transaction; nothing partial is stored.
        e.Cancel = true;
        Request(Interrupt);
    }
}
