using System.CommandLine;
using Dossier.Cli.Output;

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
        var command = new Command("timeline", "The events of one actor in date order") { entity, database, minConfidence, limit, offset, format, domain };
        command.SetAction((parse, cancellationToken) => StoreCommand.RunAsync(parse, database, async (store, output, ct) =>
        {
            var wanted = parse.GetValue(entity)!;
            var timeline = await CorpusCli.Queries(store).TimelineAsync(wanted, parse.GetValue(limit), parse.GetValue(offset), CorpusCli.MinConfidenceOf(parse, minConfidence), parse.GetValue(domain), ct);
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
