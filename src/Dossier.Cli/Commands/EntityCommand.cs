using System.CommandLine;
using Dossier.Cli.Output;
using Dossier.Storage;

namespace Dossier.Cli.Commands;

internal static class EntityCommand
{
    public static Command Create()
    {
        var database = CommonOptions.Database();
        var entity = new Argument<string>("entity") { Description = "Entity id (from dossier entities), or a name or alias" };
        var mentions = new Option<int>("--mentions") { Description = "How many sample mentions to show", DefaultValueFactory = _ => 10 };
        var format = CorpusCli.Format();
        var actors = CommonOptions.Actors();
        var command = new Command("entity", "Show one actor: aliases, roles over time, documents and mentions; and whether the user's actors file overrides it") { entity, database, mentions, format, actors };
        command.SetAction((parse, cancellationToken) => StoreCommand.RunAsync(parse, database, async (store, output, ct) =>
        {
            var wanted = parse.GetValue(entity)!;
            var details = await CorpusCli.Queries(store).GetEntityAsync(wanted, Math.Max(0, parse.GetValue(mentions)), ct);
            if (details is null)
            {
                return await CorpusCli.NotFoundAsync(parse, $"entity {wanted}");
            }

            if (CorpusCli.IsJson(parse, format))
            {
                await CorpusCli.WriteJsonAsync(output, details);
            }
            else
            {
                await CorpusReport.WriteEntityAsync(output, details);
                var overrides = UserActorOverrides.Describe(details, parse.GetValue(actors), StoreLocator.Resolve(parse.GetValue(database)));
                foreach (var line in overrides)
                {
                    await output.WriteLineAsync(line);
                }
            }

            return ExitCodes.Success;
        }, cancellationToken));
        return command;
    }
}
