using System.CommandLine;
using Dossier.Cli.Output;
using Dossier.Storage.Corpus;

namespace Dossier.Cli.Commands;

internal static class TimelineCommand
{
    public static Command Create()
    {
        var database = CommonOptions.Database();
        var entity = new Argument<string>("entity") { Description = "Entity id, name or alias" };
        var limit = CommonOptions.Limit(100);
        var offset = CorpusCli.Offset();
        var format = CorpusCli.Format();
        var minConfidence = CorpusCli.MinConfidence();
        var domain = CorpusCli.Domain();
        var analytics = CorpusCli.Analytics();
        var command = new Command("timeline", "The events of one actor in date order") { entity, database, minConfidence, limit, offset, format, domain, analytics };
        command.SetAction((parse, cancellationToken) => StoreCommand.RunAsync(parse, database, async (store, output, ct) =>
        {
            var wanted = parse.GetValue(entity)!;
            using var cluster = CorpusCli.AnalyticsOf(parse, analytics, store);
            var timeline = await ((ICorpusQueries?)cluster ?? CorpusCli.Queries(store)).TimelineAsync(wanted, parse.GetValue(limit), parse.GetValue(offset), CorpusCli.MinConfidenceOf(parse, minConfidence), parse.GetValue(domain), ct);
            if (timeline is null)
            {
                return await CorpusCli.NotFoundAsync(parse, $"entity {wanted}");
            }

            if (CorpusCli.IsJson(parse, format))
            {
                await CorpusCli.WriteJsonAsync(output, timeline);
            }
            else
            {
                await CorpusReport.WriteTimelineAsync(output, timeline);
            }

            return ExitCodes.Success;
        }, cancellationToken));
        return command;
    }
}
