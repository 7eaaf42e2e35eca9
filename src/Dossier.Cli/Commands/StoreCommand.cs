using System.CommandLine;
using Dossier.Core.Errors;
using Dossier.Storage.Sqlite;
using Dossier.Storage;

namespace Dossier.Cli.Commands;

/// <summary>Runs a command body against the store, turning store failures into one line on stderr and exit code 3.</summary>
internal static class StoreCommand
{
    public static async Task<int> RunAsync(ParseResult parse, Option<string?> database, Func<IDocumentStore, TextWriter, CancellationToken, Task<int>> body, CancellationToken cancellationToken)
    {
        var output = parse.InvocationConfiguration.Output;
        var error = parse.InvocationConfiguration.Error;
        try
        {
            // Only `ingest` writes; every other command opens the store read-only, so it never waits for a writer.
            var access = parse.CommandResult.Command.Name == "ingest" ? StoreAccess.ReadWrite : StoreAccess.ReadOnly;
            await using var store = SqliteDocumentStore.Open(StoreLocator.Resolve(parse.GetValue(database)), access: access);
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
