using System.CommandLine;
using Dossier.Cli.Output;

namespace Dossier.Cli.Commands;

internal static class StatsCommand
{
    public static Command Create()
    {
        var database = CommonOptions.Database();
        var command = new Command("stats", "Counts of what the store holds") { database };
        command.SetAction((parse, cancellationToken) => StoreCommand.RunAsync(parse, database, async (store, output, ct) =>
        {
            await SummaryWriter.WriteStatisticsAsync(output, await store.GetStatisticsAsync(ct));
            return ExitCodes.Success;
        }, cancellationToken));
        return command;
    }
}
