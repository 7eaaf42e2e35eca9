using System.CommandLine;
using Dossier.Cli.Output;

namespace Dossier.Cli.Commands;

internal static class SearchCommand
{
    public static Command Create()
    {
        var database = CommonOptions.Database();
        var limit = CommonOptions.Limit(10);
        var query = new Argument<string>("query") { Description = "Full-text query (SQLite FTS5 syntax: words, \"phrases\", OR, NOT, prefix*)" };
        var command = new Command("search", "Full-text search over stored documents") { query, database, limit };
        command.SetAction((parse, cancellationToken) => StoreCommand.RunAsync(parse, database, async (store, output, ct) =>
        {
            var hits = await store.SearchAsync(parse.GetValue(query)!, parse.GetValue(limit), ct);
            await SummaryWriter.WriteSearchAsync(output, hits);
            return ExitCodes.Success;
        }, cancellationToken));
        return command;
    }
}
