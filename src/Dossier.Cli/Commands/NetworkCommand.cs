using System.CommandLine;
using Dossier.Cli.Output;
using Dossier.Storage.Corpus;

namespace Dossier.Cli.Commands;

internal static class NetworkCommand
{
    public static Command Create()
    {
        var database = CommonOptions.Database();
        var limit = CommonOptions.Limit(50);
        var offset = CorpusCli.Offset();
        var format = CorpusCli.Format();
        var minConfidence = CorpusCli.MinConfidence();
        var domain = CorpusCli.Domain();
        var analytics = CorpusCli.Analytics();
        var command = new Command("network", "Who acts on whom: actor pairs with event counts and mean Goldstein score") { database, minConfidence, limit, offset, format, domain, analytics };
        command.SetAction((parse, cancellationToken) => StoreCommand.RunAsync(parse, database, async (store, output, ct) =>
        {
            using var cluster = CorpusCli.AnalyticsOf(parse, analytics, store);
            var rows = await ((ICorpusQueries?)cluster ?? CorpusCli.Queries(store)).NetworkAsync(parse.GetValue(limit), parse.GetValue(offset), CorpusCli.MinConfidenceOf(parse, minConfidence), parse.GetValue(domain), ct);
            if (CorpusCli.IsJson(parse, format))
            {
                await CorpusCli.WriteJsonAsync(output, rows);
            }
            else
            {
                await CorpusReport.WriteNetworkAsync(output, rows);
            }

            return ExitCodes.Success;
        }, cancellationToken));
        return command;
    }
}
