using System.CommandLine;
using Dossier.Cli.Commands;

namespace Dossier.Cli;

/// <summary>Builds the <c>dossier</c> command tree and runs it. Commands write to the given writers so tests can run them in-process.</summary>
public static class DossierCli
{
    public static RootCommand Build()
    {
        var root = new RootCommand("Dossier reads news reports and builds a sourced, queryable record of who did what to whom, when and where.");
        root.Subcommands.Add(IngestCommand.Create());
        root.Subcommands.Add(AnalyzeCommand.Create());
        root.Subcommands.Add(DocumentsCommand.Create());
        root.Subcommands.Add(ShowCommand.Create());
        root.Subcommands.Add(SearchCommand.Create());
        root.Subcommands.Add(StatsCommand.Create());
        root.Subcommands.Add(EntitiesCommand.Create());
        root.Subcommands.Add(EntityCommand.Create());
        root.Subcommands.Add(EventsCommand.Create());
        root.Subcommands.Add(TimelineCommand.Create());
        root.Subcommands.Add(AgendaCommand.Create());
        root.Subcommands.Add(NetworkCommand.Create());
        root.Subcommands.Add(EvalCommand.Create());
        root.Subcommands.Add(TrainCommand.Create());
        root.Subcommands.Add(ServeCommand.Create());
        root.Subcommands.Add(ExportCommand.Create());
        root.Subcommands.Add(WatchCommand.Create());
        root.Subcommands.Add(FollowCommand.Create());
        root.Subcommands.Add(QueueCommands.Enqueue());
        root.Subcommands.Add(QueueCommands.Worker());
        root.Subcommands.Add(QueueCommands.Queue());
        root.Subcommands.Add(SyncCommand.Create());
        // Every command that takes --db also takes --store (a PostgreSQL URL), read by StoreCommand.
        foreach (var command in root.Subcommands.Where(c => c.Options.Any(o => o.Name == "--db")))
        {
            command.Options.Add(StoreCommand.StoreOption());
        }

        return root;
    }

    public static Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, CancellationToken cancellationToken = default)
    {
        var configuration = new InvocationConfiguration { Output = output, Error = error };
        return Build().Parse(args).InvokeAsync(configuration, cancellationToken);
    }

    /// <summary>Runs with a stop signal: Ctrl-C or SIGTERM stop the run between documents. A run stopped by SIGTERM
    /// exits with <see cref="ExitCodes.Terminated"/>.</summary>
    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, StopSignal stop)
    {
        ArgumentNullException.ThrowIfNull(stop);
        StopSignal.Current = stop;
        try
        {
            var exit = await RunAsync(args, output, error, stop.Token);
            return exit == ExitCodes.Cancelled && stop.Signal == StopSignal.Terminate ? ExitCodes.Terminated : exit;
        }
        finally
        {
            StopSignal.Current = null;
        }
    }
}
