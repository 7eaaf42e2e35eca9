using System.CommandLine;
using Dossier.Cli.Output;
using Dossier.Core.Serialization;

namespace Dossier.Cli.Commands;

internal static class ShowCommand
{
    public static Command Create()
    {
        var database = CommonOptions.Database();
        var id = new Argument<string>("id") { Description = "Document id, or a unique prefix of at least 6 characters" };
        var format = new Option<string>("--format") { Description = "text or json (dossier/1)", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("text", "json");
        var command = new Command("show", "Show one stored document with everything found in it") { id, database, format };
        command.SetAction((parse, cancellationToken) => StoreCommand.RunAsync(parse, database, async (store, output, ct) =>
        {
            var wanted = parse.GetValue(id)!;
            var document = await store.GetAsync(wanted, ct);
            if (document is null)
            {
                await parse.InvocationConfiguration.Error.WriteLineAsync($"dossier: no document with id {wanted}");
                return ExitCodes.Usage;
            }

            if (parse.GetValue(format) == "json")
            {
                await output.WriteLineAsync(DossierJson.Serialize(document, indented: true));
            }
            else
            {
                await DocumentReport.WriteAsync(output, document, withText: true);
            }

            return ExitCodes.Success;
        }, cancellationToken));
        return command;
    }
}
