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
        var status = new Option<string?>("--status") { Description = "occurred, planned, possible, requested, refused, negated, alleged, postponed or cancelled", HelpName = "STATUS" };
        status.AcceptOnlyFromAmong([.. EventStatuses.All]);
        var from = CorpusCli.Date("--from", "Earliest date (YYYY-MM-DD): the event's date, else its publication date");
        var to = CorpusCli.Date("--to", "Latest date (YYYY-MM-DD), inclusive");
        var limit = CommonOptions.Limit(20);
        var offset = CorpusCli.Offset();
        var format = CorpusCli.Format();
        var minConfidence = CorpusCli.MinConfidence();
        var domain = CorpusCli.Domain();
        var analytics = CorpusCli.Analytics();
        var countBy = new Option<string?>("--count-by")
        {
            Description = $"With --analytics: count events grouped by one or more of {string.Join(", ", global::Dossier.Analytics.AnalyticsQueries.Dimensions.Keys)} (comma-separated), instead of listing them",
            HelpName = "DIMS",
        };
        var country = new Option<string?>("--country") { Description = "With --count-by: only events located in this country (ISO code such as GBR)", HelpName = "ISO" };
        var command = new Command("events", "List events across all documents, latest first, each once with its sources")
        {
            database, actor, type, status, from, to, minConfidence, limit, offset, format, domain, analytics, countBy, country,
        };
        command.SetAction((parse, cancellationToken) => StoreCommand.RunAsync(parse, database, async (store, output, ct) =>
        {
            var filter = new CorpusEventFilter(parse.GetValue(actor), parse.GetValue(type), parse.GetValue(status), parse.GetValue(from), parse.GetValue(to), parse.GetValue(domain))
            {
                MinConfidence = CorpusCli.MinConfidenceOf(parse, minConfidence),
            };
            using var cluster = CorpusCli.AnalyticsOf(parse, analytics, store);
            if (parse.GetValue(countBy) is { } dimensions)
            {
                return await AnalyticsReport.CountsAsync(parse, cluster, dimensions, filter, parse.GetValue(country), CorpusCli.IsJson(parse, format), output, ct);
            }

            var rows = await ((ICorpusQueries?)cluster ?? CorpusCli.Queries(store)).ListEventsAsync(filter, parse.GetValue(limit), parse.GetValue(offset), ct);
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
