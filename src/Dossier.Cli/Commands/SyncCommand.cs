using System.CommandLine;
using Dossier.Analytics;
using Dossier.Storage;
using Dossier.Storage.Analytics;

namespace Dossier.Cli.Commands;

/// <summary><c>dossier sync --to clickhouse://… [--db PATH] [--rebuild]</c>: copies what is new in the store into the analytics
/// cluster; with <c>--rebuild</c>, drops the cluster's tables and copies everything again.</summary>
internal static class SyncCommand
{
    public static Command Create()
    {
        var database = CommonOptions.Database();
        var to = new Option<string>("--to")
        {
            Description = "The analytics cluster: clickhouse://USER:PASSWORD@HOST:HTTP_PORT/DB?cluster=NAME[&nodes=HOST:PORT,…] (nodes: every node's HTTP address, where the tables are created)",
            HelpName = "ADDRESS",
            Required = true,
        };
        var rebuild = new Option<bool>("--rebuild")
        {
            Description = "Drop the cluster's tables first and copy the whole store again (e.g. after the store was rebuilt, or to take a new table layout)",
        };
        var command = new Command("sync", "Copy the store's documents, event mentions, corpus events and entities into a ClickHouse cluster; a second run copies only what is new")
        {
            database, to, rebuild,
        };
        command.SetAction((parse, cancellationToken) => StoreCommand.RunAsync(parse, database, async (store, output, ct) =>
        {
            var address = ClickHouseAddress.Parse(parse.GetValue(to)!);
            var source = store as IAnalyticsSource ?? throw new StoreException("This store cannot be read for an analytics copy.");
            using var cluster = new ClickHouseCluster(address);
            var sync = new AnalyticsSync(cluster, source);
            var result = parse.GetValue(rebuild) ? await sync.RebuildAsync(ct) : await sync.RunAsync(ct);
            await output.WriteLineAsync(
                $"Synced to {address}: {result.Documents} documents, {result.EventMentions} event mentions, {result.CorpusEvents} corpus events, "
                + $"{result.Entities} entities copied ({result.Removed} merged away marked deleted); store key {result.Watermark}.");
            return ExitCodes.Success;
        }, cancellationToken));
        return command;
    }
}
