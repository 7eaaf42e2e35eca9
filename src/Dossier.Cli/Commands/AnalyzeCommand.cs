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
        var minConfidence = Output.CorpusCli.MinConfidence("Leave out events below this confidence, 0 to 1 (default 0: every event, each with its confidence)");
        var command = new Command("analyze", "Run the analysis on documents and print what was found, without storing anything")
        {
            inputs, published, maxBytes, format, actors, maxWords, timeout, minConfidence,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var output = parse.InvocationConfiguration.Output;
            var error = parse.InvocationConfiguration.Error;
            var options = new ReadOptions { DefaultPublished = parse.GetValue(published), MaxBytes = parse.GetValue(maxBytes) };
            AnalysisPipeline? pipeline;
            try
            {
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

            var runner = new DocumentRunner(pipeline, options, CommonOptions.Limits(parse, maxWords, timeout));
            var documents = new List<Core.Documents.Document>();
            IngestSummary summary;
            var warnings = new List<string>();
            try
            {
                summary = await runner.RunAsync(parse.GetValue(inputs)!, (document, _) =>
                {
                    documents.Add(document);
                    return Task.FromResult(true);
                }, Warnings.Collect(warnings, null), cancellationToken: cancellationToken);
            }
            catch (OperationCanceledException)
            {
                await error.WriteLineAsync("dossier: interrupted.");
                return ExitCodes.Cancelled;
            }

            if (parse.GetValue(minConfidence) is > 0 and var threshold)
            {
                for (var i = 0; i < documents.Count; i++)
                {
                    documents[i] = documents[i] with { Events = [.. documents[i].Events.Where(e => e.Confidence >= threshold)] };
                }
            }

            switch (parse.GetValue(format))
            {
                case "json" when documents.Count == 1:
                    await output.WriteLineAsync(DossierJson.Serialize(documents[0], indented: true));
                    break;
                case "json":
                    await output.WriteLineAsync("[" + string.Join(",\n", documents.Select(d => DossierJson.Serialize(d, indented: true))) + "]");
                    break;
                case "jsonl":
                    foreach (var document in documents)
                    {
                        await output.WriteLineAsync(DossierJson.Serialize(document));
                    }

                    break;
                default:
                    foreach (var document in documents)
                    {
                        await DocumentReport.WriteAsync(output, document);
                    }

                    break;
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
