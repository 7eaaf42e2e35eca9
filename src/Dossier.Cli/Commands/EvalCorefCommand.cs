using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Dossier.Core.Errors;
using Dossier.Core.Pipeline;
using Dossier.Engine;
using Dossier.Extraction.Actors;
using Dossier.Extraction.Coreference;

namespace Dossier.Cli.Commands;

/// <summary>
/// <c>dossier eval coref DIR|FILE [--split all|dev|train] [--json] [--details FILE]</c>: the CoNLL-2012
/// coreference scores (MUC, B³, CEAF-e and their mean) of the pipeline against GUM-style CoNLL-U files,
/// each analysed on its gold tokenisation by every stage after tokenization.
/// </summary>
internal static class EvalCorefCommand
{
    private static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    public static Command Create()
    {
        var input = new Argument<FileSystemInfo>("path")
        {
            Description = "CoNLL-U file, or folder of them (read recursively), with CorefUD Entity= brackets in MISC (GUM)",
        }.AcceptExistingOnly();
        var split = new Option<string>("--split")
        {
            Description = "Which GUM documents to score: all, dev (GUM's own dev list) or train (the rest)",
            DefaultValueFactory = _ => "all",
        };
        split.AcceptOnlyFromAmong("all", "dev", "train");
        var json = new Option<bool>("--json") { Description = "Print one JSON object instead of text" };
        var details = new Option<FileInfo?>("--details") { Description = "Also write each document's gold and predicted chains to this file" };
        var command = new Command("coref", "MUC, B3, CEAF-e and CoNLL F1 of coreference against GUM, all chains (singletons excluded), with the named/pronominal subset beside")
        {
            input, split, json, details,
        };
        command.SetAction(parse =>
        {
            if (!EvalCommand.TryLoad(parse, () => DefaultPipeline.Create(), out var full))
            {
                return ExitCodes.ModelError;
            }

            // The documents come with their gold tokens and sentences: every stage but tokenization; coreference also
            // keeps the actors no name names ("the cat … it"), which the product leaves out of its entities.
            var pipeline = new AnalysisPipeline(
                full.Stages.Where(s => s.Name != "tokens").Select(s => s.Name == "coref" ? new CoreferenceStage(ActorKnowledgeBase.Default) { KeepUnnamedChains = true } : s),
                given: Layers.Tokens);
            var dev = CorefEvaluator.GumDevDocuments.ToHashSet(StringComparer.Ordinal);
            var files = CorefEvaluator.Files(parse.GetValue(input)!.FullName)
                .Where(f => parse.GetValue(split) switch
                {
                    "dev" => dev.Contains(Path.GetFileNameWithoutExtension(f)),
                    "train" => !dev.Contains(Path.GetFileNameWithoutExtension(f)),
                    _ => true,
                })
                .ToList();

            CorefScores scores;
            var detailsFile = parse.GetValue(details);
            using (var writer = detailsFile is null ? null : new StreamWriter(detailsFile.FullName))
            {
                scores = CorefEvaluator.Evaluate(files, pipeline.Process, writer);
            }

            var output = parse.InvocationConfiguration.Output;
            if (parse.GetValue(json))
            {
                output.WriteLine(JsonSerializer.Serialize(scores, Json));
                return ExitCodes.Success;
            }

            output.WriteLine("All gold chains (CoNLL-2012, singletons removed)");
            Print(output, scores, "all gold chains, 2+ mentions");
            if (scores.Subset is { } subset)
            {
                output.WriteLine();
                output.WriteLine("Subset: gold chains with a proper name or a pronoun (the figure before issue 12)");
                Print(output, subset, "named or pronominal gold chains, 2+ mentions");
            }

            return ExitCodes.Success;
        });
        return command;
    }

    private static void Print(TextWriter output, CorefScores scores, string gold)
    {
        foreach (var (name, m) in new[] { ("MUC", scores.Muc), ("B3", scores.B3), ("CEAF-e", scores.CeafE) })
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {name,-7}P {m.Precision:0.0000}  R {m.Recall:0.0000}  F1 {m.F1:0.0000}"));
        }

        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  CoNLL F1 {scores.ConllF1:0.0000}"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  {scores.Documents} documents, {scores.GoldChains} gold chains ({gold}), {scores.PredictedChains} predicted chains"));
    }
}
