using System.CommandLine;
using Dossier.Core.Errors;
using Dossier.Storage;

namespace Dossier.Cli.Commands;

/// <summary>Runs a command body against the store, turning store failures into one line on stderr and exit code 3.</summary>
internal static class StoreCommand
{
    /// <summary>The name of the option every command with <c>--db</c> also takes (added by <see cref="DossierCli.Build"/>).</summary>
    public const string StoreOptionName = "--store";

    /// <summary>The option: a PostgreSQL URL (or a SQLite path); default <c>$DOSSIER_STORE</c>, else <c>--db</c>.</summary>
    public static Option<string?> StoreOption() => new(StoreOptionName)
    {
        Description = $"The store: postgres://USER:PASSWORD@HOST:PORT/DB for a team server, or a SQLite path (default: ${StoreFactory.EnvironmentVariable}, else --db)",
        HelpName = "URL",
    };

    /// <summary>The value of <c>--store</c>, or null when the command has none or it was not given.</summary>
    public static string? StoreValue(ParseResult parse) =>
        parse.CommandResult.Command.Options.Any(o => o.Name == StoreOptionName) ? parse.GetValue<string?>(StoreOptionName) : null;

    public static async Task<int> RunAsync(ParseResult parse, Option<string?> database, Func<IDocumentStore, TextWriter, CancellationToken, Task<int>> body, CancellationToken cancellationToken)
    {
        var output = parse.InvocationConfiguration.Output;
        var error = parse.InvocationConfiguration.Error;
        try
        {
            // Only `ingest` writes; every other command opens the store read-only, so it never waits for a writer.
            var access = parse.CommandResult.Command.Name == "ingest" ? StoreAccess.ReadWrite : StoreAccess.ReadOnly;
            await using var store = StoreFactory.Open(StoreValue(parse), parse.GetValue(database), access);
            return await body(store, output, cancellationToken);
        }
        catch (StoreException e)
        {
            await error.WriteLineAsync($"dossier: {e.Message}");
            return ExitCodes.StoreError;
        }
        catch (ModelFileException e)
        {
            await error.WriteLineAsync($"dossier: {e.Message}");
            return ExitCodes.ModelError;
        }
        catch (OperationCanceledException)
        {
            await error.WriteLineAsync("dossier: interrupted; documents stored before the interruption are kept.");
            return ExitCodes.Cancelled;
        }
    }
}
