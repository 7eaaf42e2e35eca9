using System.CommandLine;
using Dossier.Cli.Output;

namespace Dossier.Cli.Commands;

internal static class EntitiesCommand
{
    public static Command Create()
    {
        var database = CommonOptions.Database();
        var type = new Option<string?>("--type") { Description = "Entity type: PERSON, ORG, GPE, NORP, LOC, FAC, EVENT, LAW or PRODUCT", HelpName = "TYPE" };
        var query = new Option<string?>("--query") { Description = "Part of a name or alias (case, accents and punctuation ignored)", HelpName = "TEXT" };
        var limit = CommonOptions.Limit(20);
        var offset = CorpusCli.Offset();
        var format = CorpusCli.Format();
        var command = new Command("entities", "List the actors across all documents, most mentioned first") { database, type, query, limit, offset, format };
        command.SetAction((parse, cancellationToken) => StoreCommand.RunAsync(parse, database, async (store, output, ct) =>
        {
            var rows = await CorpusCli.Queries(store).ListEntitiesAsync(parse.GetValue(type), parse.GetValue(query), parse.GetValue(limit), parse.GetValue(offset), ct);
            if (CorpusCli.IsJson(parse, format))
            {
                await CorpusCli.WriteJsonAsync(output, rows);
            }
            else
            {
                await CorpusReport.WriteEntitiesAsync(output, rows);
            }

            return ExitCodes.Success;
        }, cancellationToken));
        return command;
    }
}
