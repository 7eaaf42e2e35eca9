using System.CommandLine;
using Dossier.Cli.Output;
using Dossier.Storage.Corpus;
using Dossier.Core.Labels;

namespace Dossier.Cli.Commands;

internal static class EventsCommand
{
    public static Command Create()
    {
        var database = CommonOptions.Database();
        var actor = new Option<string?>("--actor") { Description = "Source or target: entity id, name or alias", HelpName = "ENTITY" };
        var type = new Option<string?>("--type") { Description = "PLOVER event type, such as CONSULT or ACCUSE", HelpName = "TYPE" };
        var status = new Option<string?>("--status") { Description = "occurred, planned, possible, requested, refused, negated or alleged", HelpName = "STATUS" };
        status.AcceptOnlyFromAmong([.. EventStatuses.All]);
        var from = CorpusCli.Date("--from", "Earliest date (YYYY-MM-DD): the event's date, else its publication date");
        var to = CorpusCli.Date("--to", "Latest date (YYYY-MM-DD), inclusive");
        var limit = CommonOptions.Limit(20);
        var offset = CorpusCli.Offset();
        var format = CorpusCli.Format();
        var minConfidence = CorpusCli.MinConfidence();
        var domain = CorpusCli.Domain();
        var command = new Command("events", "List events across all documents, latest first, each once with its sources")
        {
            database, actor, type, status, from, to, minConfidence, limit, offset, format, domain,
        };
        command.SetAction((parse, cancellationToken) => StoreCommand.RunAsync(parse, database, async (store, output, ct) =>
        {
            var filter = new CorpusEventFilter(parse.GetValue(actor), parse.GetValue(type), parse.GetValue(status), parse.GetValue(from), parse.GetValue(to), parse.GetValue(domain))
            {
                MinConfidence = CorpusCli.MinConfidenceOf(parse, minConfidence),
            };
            var rows = await CorpusCli.Queries(store).ListEventsAsync(filter, parse.GetValue(limit), parse.GetValue(offset), ct);
            if (CorpusCli.IsJson(parse, format))
            {
                await CorpusCli.WriteJsonAsync(output, rows);
            }
            else
            {
                await CorpusReport.WriteEventsAsync(output, rows);
            }

            return ExitCodes.Success;
        }, cancellationToken));
        return command;
    }
}
