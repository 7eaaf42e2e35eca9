using System.CommandLine;
using Dossier.Cli.Output;

namespace Dossier.Cli.Commands;

internal static class DocumentsCommand
{
    public static Command Create()
    {
        var database = CommonOptions.Database();
        var limit = CommonOptions.Limit(20);
        var offset = new Option<int>("--offset") { Description = "Rows to skip" };
        var command = new Command("documents", "List stored documents, newest first") { database, limit, offset };
        command.SetAction((parse, cancellationToken) => StoreCommand.RunAsync(parse, database, async (store, output, ct) =>
        {
            var rows = await store.ListAsync(parse.GetValue(limit), parse.GetValue(offset), ct);
            await SummaryWriter.WriteDocumentListAsync(output, rows);
            return ExitCodes.Success;
        }, cancellationToken));
        return command;
    }
}
