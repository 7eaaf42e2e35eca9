using System.CommandLine;
using Dossier.Cli.Output;
using Dossier.Core.Errors;
using Dossier.Engine;
using Dossier.Ingest;
using Dossier.Storage;
using Dossier.Storage.Sqlite;

namespace Dossier.Cli.Commands;

internal static class IngestCommand
{
    public static Command Create()
    {
        var inputs = CommonOptions.Inputs();
        var database = CommonOptions.Database();
        var published = CommonOptions.Published();
        var maxBytes = CommonOptions.MaxBytes();
        var actors = CommonOptions.Actors();
        var maxWords = CommonOptions.MaxWords();
        var timeout = CommonOptions.DocumentTimeout();
        var threads = CommonOptions.Threads();
        var progress = CommonOptions.Progress();
        var command = new Command("ingest", "Read, analyse and store documents; a document already stored (same normalised title and text) is not stored again")
        {
            inputs, database, published, maxBytes, actors, maxWords, timeout, threads, progress,
        };
        command.SetAction((parse, cancellationToken) => StoreCommand.RunAsync(parse, database, async (store, output, ct) =>
        {
            var error = parse.InvocationConfiguration.Error;
            var options = new ReadOptions { DefaultPublished = parse.GetValue(published), MaxBytes = parse.GetValue(maxBytes) };
            var pipeline = PipelineFactory.TryCreate(parse.GetValue(actors), StoreLocator.Resolve(parse.GetValue(database)), out var actorsError);
            if (pipeline is null)
            {
                await error.WriteLineAsync($"dossier: {actorsError}");
                return ExitCodes.Usage;
            }

            using var counting = new CountingStore(store);
            var ingest = new IngestService(pipeline, counting, CommonOptions.Limits(parse, maxWords, timeout), parse.GetValue(threads));
            var paths = parse.GetValue(inputs)!;
            var warnings = new List<string>();
            IngestSummary summary;
            try
            {
                summary = await ProgressReporter.RunAsync(paths, error, parse.GetValue(progress), "Ingesting", onProgress => ingest.IngestAsync(paths, options, Warnings.Collect(warnings, onProgress), ct));
            }
            catch (OperationCanceledException) when (StopSignal.Current?.Signal == StopSignal.Terminate)
            {
                await error.WriteLineAsync($"dossier: {DossierErrors.StoppedBySignal(StopSignal.Terminate, counting.Added)}");
                return ExitCodes.Terminated;
            }

            await SummaryWriter.WriteIngestAsync(output, summary, store, DefaultPipeline.DefaultMinConfidence, ct);
            await Warnings.WriteAsync(error, warnings);
            foreach (var failure in summary.Failures)
            {
                await error.WriteLineAsync(failure);
            }

            return summary.Failed > 0 ? ExitCodes.SomeInputsFailed : ExitCodes.Success;
        }, cancellationToken));
        return command;
    }
}
