using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Dossier.Core.Errors;
using Dossier.Core.Pipeline;
using Dossier.Engine;
using Dossier.Extraction.Places;

namespace Dossier.Cli.Commands;

/// <summary>
/// <c>dossier eval places [GUM-FOLDER] [--split dev|heldout|dev2|heldout2|dev3|heldout3|all] [--gold FILE] [--json]</c>: country accuracy,
/// exact-place accuracy and distance error of geocoding against the hand-checked places of GUM's news and voyage documents
/// (dev, heldout), of its academic, bio, court and interview documents (dev2, heldout2) and of the LOC mentions of Universal
/// NER's EWT web documents (dev3, heldout3, read from <c>ud-ewt/</c> and <c>uner/</c> beside GUM-FOLDER).
/// </summary>
internal static class EvalPlacesCommand
{
    private static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.CamelCase, WriteIndented = true };

    public static Command Create()
    {
        var gum = new Argument<DirectoryInfo>("gum")
        {
            Description = "Folder of GUM CoNLL-U files (../shared/data/gum)",
            DefaultValueFactory = _ => new DirectoryInfo(Path.Combine("..", "shared", "data", "gum")),
        }.AcceptExistingOnly();
        var split = new Option<string>("--split") { Description = "dev, dev2 or dev3 (tune on them), heldout, heldout2 or heldout3 (final figures only) or all", DefaultValueFactory = _ => "dev" };
        split.AcceptOnlyFromAmong("dev", "heldout", "dev2", "heldout2", "dev3", "heldout3", "all");
        var goldFile = new Option<FileInfo?>("--gold") { Description = "Gold file (default data/annotations/places/gold.tsv)" };
        var json = new Option<bool>("--json") { Description = "Print one JSON object instead of text" };
        var command = new Command("places", "Country accuracy, exact-place accuracy and distance error of geocoding on GUM place mentions")
        {
            gum, split, goldFile, json,
        };
        command.SetAction(parse =>
        {
            if (!EvalCommand.TryLoad(parse, () => DefaultPipeline.Create(), out var full))
            {
                return ExitCodes.ModelError;
            }

            var gold = parse.GetValue(goldFile)?.FullName ?? PlaceEvaluator.DefaultGoldFile();
            if (!File.Exists(gold))
            {
                parse.InvocationConfiguration.Error.WriteLine($"dossier: {gold}: the gold file is missing");
                return ExitCodes.Usage;
            }

            var stages = full.Stages.Where(s => s.Name != "tokens").ToList();
            var at = stages.FindIndex(s => s.Name == "places");
            var before = new AnalysisPipeline(stages.Take(at), given: Layers.Tokens);
            var after = new AnalysisPipeline(stages.Skip(at), given: Layers.Tokens | before.Stages.Aggregate(Layers.None, (a, s) => a | s.Adds));
            PlaceScores scores;
            try
            {
                scores = PlaceEvaluator.Evaluate(gold, parse.GetValue(gum)!.FullName, parse.GetValue(split)!, before.Process, after.Process);
            }
            catch (FileNotFoundException e)
            {
                parse.InvocationConfiguration.Error.WriteLine($"dossier: {e.Message}");
                return ExitCodes.Usage;
            }
            catch (ModelFileException e)
            {
                parse.InvocationConfiguration.Error.WriteLine($"dossier: {e.Message}");
                return ExitCodes.ModelError;
            }

            var output = parse.InvocationConfiguration.Output;
            if (parse.GetValue(json))
            {
                output.WriteLine(JsonSerializer.Serialize(scores, Json));
                return ExitCodes.Success;
            }

            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"split {scores.Split}: {scores.Documents} documents, {scores.Mentions} place mentions scored ({scores.Placed} given a place), {scores.OutsideGazetteer} of places the gazetteer lacks not scored"));
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"country right  {scores.CountryAccuracy:0.000} of all  ({scores.CountryAccuracyPlaced:0.000} of those placed)"));
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"exact place    {scores.ExactAccuracy:0.000} of all  ({scores.ExactAccuracyPlaced:0.000} of those placed)"));
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"distance error median {scores.MedianKm:0.0} km, mean {scores.MeanKm:0.0} km (placed mentions)"));
            output.WriteLine("rules deciding " + string.Join(", ", scores.Rules.Select(r => string.Create(CultureInfo.InvariantCulture, $"{r.Key} {r.Value}"))));
            foreach (var e in scores.Errors)
            {
                output.WriteLine("  " + e);
            }

            return ExitCodes.Success;
        });
        return command;
    }
}
