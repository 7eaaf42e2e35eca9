using System.CommandLine;
using Dossier.Cli.Output;
using Dossier.Core.Errors;
using Dossier.Core.Pipeline;
using Dossier.Core.Serialization;
using Dossier.Engine;
using Dossier.Ingest;

namespace Dossier.Cli.Commands;

internal static class AnalyzeCommand
{
    public static Command Create()
    {
        var inputs = CommonOptions.Inputs();
        var published = CommonOptions.Published();
        var maxBytes = CommonOptions.MaxBytes();
        var actors = CommonOptions.Actors();
        var maxWords = CommonOptions.MaxWords();
        var timeout = CommonOptions.DocumentTimeout();
        var format = new Option<string>("--format")
        {
            Description = "text for people; json (one dossier/1 object, or an array for several documents); jsonl (one object per line)",
            DefaultValueFactory = _ => "text",
        };
        format.AcceptOnlyFromAmong("text", "json", "jsonl");
        var minConfidence = Output.CorpusCli.MinConfidence("Leave out events below this confidence, 0 to 1 (default: the event model's threshold, the lowest that reaches precision 0.6 on the dev annotations; 0 keeps every event, each with its confidence)");
        var noTokens = new Option<bool>("--no-tokens")
        {
            Description = "Leave the sentences and tokens arrays out of json and jsonl (entities, times, values and events keep their offsets)",
        };
        var threads = CommonOptions.Threads();
        var progress = CommonOptions.Progress();
        var command = new Command("analyze", "Run the analysis on documents and print what was found, without storing anything")
        {
            inputs, published, maxBytes, format, noTokens, actors, maxWords, timeout, threads, progress, minConfidence,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var output = parse.InvocationConfiguration.Output;
            var error = parse.InvocationConfiguration.Error;
            var options = new ReadOptions { DefaultPublished = parse.GetValue(published), MaxBytes = parse.GetValue(maxBytes) };
            AnalysisPipeline? pipeline;
            double threshold;
            try
            {
                threshold = Output.CorpusCli.MinConfidenceOf(parse, minConfidence);
                pipeline = PipelineFactory.TryCreate(parse.GetValue(actors), databasePath: null, out var actorsError);
                if (pipeline is null)
                {
                    await error.WriteLineAsync($"dossier: {actorsError}");
                    return ExitCodes.Usage;
                }
            }
            catch (ModelFileException e)
            {
                await error.WriteLineAsync($"dossier: {e.Message}");
                return ExitCodes.ModelError;
            }

            var runner = new DocumentRunner(pipeline, options, CommonOptions.Limits(parse, maxWords, timeout), parse.GetValue(threads));
            var paths = parse.GetValue(inputs)!;
            var writer = new DocumentOutput(output, parse.GetValue(format)!, includeTokens: !parse.GetValue(noTokens), threshold);
            IngestSummary summary;
            var warnings = new List<string>();
            try
            {
                summary = await ProgressReporter.RunAsync(paths, error, parse.GetValue(progress), "Analysing", onProgress => runner.RunAsync(
                    paths,
                    async (document, ct) =>
                    {
                        await writer.WriteAsync(document, ct);
                        return true;
                    },
                    Warnings.Collect(warnings, onProgress),
                    cancellationToken: cancellationToken), printsDocuments: true);
                await writer.CompleteAsync(cancellationToken);
            }
            catch (OperationCanceledException)
            {
                await error.WriteLineAsync("dossier: interrupted.");
                return ExitCodes.Cancelled;
            }

            await Warnings.WriteAsync(error, warnings);
            foreach (var failure in summary.Failures)
            {
                await error.WriteLineAsync(failure);
            }

            return summary.Failed > 0 ? ExitCodes.SomeInputsFailed : ExitCodes.Success;
        });
        return command;
    }
}
