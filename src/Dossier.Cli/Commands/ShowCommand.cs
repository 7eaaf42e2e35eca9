using System.CommandLine;
using Dossier.Cli.Output;
using Dossier.Core.Errors;
using Dossier.Core.Serialization;
using Dossier.Storage;

namespace Dossier.Cli.Commands;

internal static class ShowCommand
{
    public static Command Create()
    {
        var database = CommonOptions.Database();
        var id = new Argument<string>("id") { Description = "Document id, or a unique prefix of at least 6 characters" };
        var format = new Option<string>("--format") { Description = "text or json (dossier/1)", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("text", "json");
        var minConfidence = CorpusCli.MinConfidence("Text: list events from this confidence up, 0 to 1 (default: the event model's threshold; 0 lists every event); json always carries every event with its confidence");
        var command = new Command("show", "Show one stored document with everything found in it") { id, database, format, minConfidence };
        command.SetAction((parse, cancellationToken) => StoreCommand.RunAsync(parse, database, async (store, output, ct) =>
        {
            var wanted = parse.GetValue(id)!;
            Core.Documents.Document? document;
            try
            {
                document = await store.GetAsync(wanted, ct);
            }
            catch (StoreException e) when (e.InnerException is not null and not System.Data.Common.DbException)
            {
                // The row is there but damaged (a store an older version wrote): one line naming it, no stack trace.
                await parse.InvocationConfiguration.Error.WriteLineAsync(
                    $"dossier: {DossierErrors.StoredDocumentUnreadable(wanted, e.InnerException.Message.ReplaceLineEndings(" "))}");
                return ExitCodes.StoreError;
            }

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
                await DocumentReport.WriteAsync(output, document, withText: true, minConfidence: CorpusCli.MinConfidenceOf(parse, minConfidence));
            }

            return ExitCodes.Success;
        }, cancellationToken));
        return command;
    }
}
