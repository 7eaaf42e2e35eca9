namespace Dossier.Cli;

/// <summary>The exit codes of <c>dossier</c>, documented in docs/cli.md.</summary>
public static class ExitCodes
{
    public const int Success = 0;

    /// <summary>The command line was wrong (unknown command, missing argument, bad option value).</summary>
    public const int Usage = 1;

    /// <summary>The run finished but some inputs failed; each was reported on stderr.</summary>
    public const int SomeInputsFailed = 2;

    /// <summary>The store could not be opened, read or written (locked, corrupt, bad query).</summary>
    public const int StoreError = 3;

    /// <summary>A model file is missing or corrupt; the message names the file and the command that rebuilds it.</summary>
    public const int ModelError = 4;

    /// <summary>Interrupted by Ctrl-C; documents already committed stay, the one in flight was rolled back.</summary>
    public const int Cancelled = 130;

    /// <summary>Stopped by SIGTERM between documents (128 + 15, as a shell reports it); documents already committed stay.</summary>
    public const int Terminated = 143;
}
