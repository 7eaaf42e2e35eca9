using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Dossier.Core.Data;
using Dossier.Core.Errors;
using Dossier.Core.Labels;
using Dossier.Nlp.Tokenization;
using Dossier.Nlp.Topics;

namespace Dossier.Cli.Commands;

/// <summary><c>dossier train topics</c> and <c>dossier eval topics</c>: the document topic classifier, trained and scored
/// on the labels of <c>data/annotations/topics</c> over the texts in <c>../shared</c>.</summary>
internal static class TopicCommands
{
    private static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    private static Option<DirectoryInfo> SharedOption() => new Option<DirectoryInfo>("--shared")
    {
        Description = "The shared data folder, holding corpora/bbc and data/{tempeval3,conll2003,gum}",
        DefaultValueFactory = _ => new DirectoryInfo(Path.Combine("..", "shared")),
    }.AcceptExistingOnly();

    private static Option<DirectoryInfo> AnnotationsOption() => new Option<DirectoryInfo>("--annotations")
    {
        Description = "Folder of topic label files (id, topic, split)",
        DefaultValueFactory = _ => new DirectoryInfo(Path.Combine("data", "annotations", "topics")),
    }.AcceptExistingOnly();

    /// <summary><c>dossier train topics</c>.</summary>
    public static Command Train()
    {
        var shared = SharedOption();
        var annotations = AnnotationsOption();
        var output = new Option<DirectoryInfo>("--out")
        {
            Description = "Folder to write the model files to (the model goes to OUT/topics/)",
            DefaultValueFactory = _ => new DirectoryInfo("models"),
        };
        var command = new Command("topics", "Document topic classifier (naive Bayes) trained on the train split of the topic labels, settings chosen on dev") { shared, annotations, output };
        command.SetAction(parse =>
        {
            if (!TryLoad(parse, parse.GetValue(annotations)!, parse.GetValue(shared)!, out var corpus))
            {
                return ExitCodes.Usage;
            }

            var log = parse.InvocationConfiguration.Output;
            var model = TopicTrainer.TrainAndChoose(corpus, log);
            var path = Path.Combine(parse.GetValue(output)!.FullName, TopicModel.DirectoryName, TopicModel.FileName);
            model.Save(path);
            log.WriteLine(string.Create(CultureInfo.InvariantCulture, $"wrote {path}: {model.Features:N0} features, {new FileInfo(path).Length:N0} bytes"));
            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary><c>dossier eval topics</c>.</summary>
    public static Command Eval()
    {
        var shared = SharedOption();
        var annotations = AnnotationsOption();
        var split = new Option<string>("--split") { Description = "The split to score: dev (to choose on) or heldout (the final figure)", DefaultValueFactory = _ => TopicCorpus.Dev };
        split.AcceptOnlyFromAmong(TopicCorpus.Dev, TopicCorpus.Heldout, TopicCorpus.Train);
        var model = new Option<FileInfo?>("--model") { Description = "The model file (default: models/topics/topics-en.bin.gz)" };
        var json = new Option<bool>("--json") { Description = "Print one JSON object instead of text" };
        var command = new Command("topics", "Accuracy, per-topic precision/recall/F1 and the confusion matrix of the topic classifier on one split") { split, shared, annotations, model, json };
        command.SetAction(parse =>
        {
            TopicModel classifier;
            try
            {
                classifier = TopicModel.Load(parse.GetValue(model)?.FullName);
            }
            catch (ModelFileException e)
            {
                parse.InvocationConfiguration.Error.WriteLine($"dossier: {e.Message}");
                return ExitCodes.ModelError;
            }

            if (!TryLoad(parse, parse.GetValue(annotations)!, parse.GetValue(shared)!, out var corpus))
            {
                return ExitCodes.Usage;
            }

            var scores = TopicEvaluator.Evaluate(classifier, corpus, parse.GetValue(split)!);
            var output = parse.InvocationConfiguration.Output;
            if (parse.GetValue(json))
            {
                output.WriteLine(JsonSerializer.Serialize(scores, Json));
                return ExitCodes.Success;
            }

            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{scores.Split}: {scores.Documents} documents, accuracy {scores.Accuracy:0.0000}, macro-F1 {scores.MacroF1:0.0000}"));
            foreach (var (topic, t) in scores.PerTopic)
            {
                output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"  {topic,-13} P {t.Precision:0.0000}  R {t.Recall:0.0000}  F1 {t.F1:0.0000}  ({t.Gold} gold, {t.Predicted} predicted)"));
            }

            output.WriteLine("confusion (rows gold, columns predicted):");
            output.WriteLine("  " + new string(' ', 13) + string.Concat(DocumentTopics.All.Select(t => $" {t[..Math.Min(5, t.Length)],5}")));
            for (var i = 0; i < scores.Confusion.Count; i++)
            {
                output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"  {DocumentTopics.All[i],-13}{string.Concat(scores.Confusion[i].Select(n => $" {n,5}"))}"));
            }

            output.WriteLine("accuracy by source: " + string.Join(", ",
                scores.AccuracyBySource.Select(p => string.Create(CultureInfo.InvariantCulture, $"{p.Key} {p.Value:0.0000}"))));
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"speed: {scores.MicrosecondsPerDocument:0.0} µs per tokenized document, one thread"));
            return ExitCodes.Success;
        });
        return command;
    }

    private static bool TryLoad(ParseResult parse, DirectoryInfo annotations, DirectoryInfo shared, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out IReadOnlyList<TopicExample>? corpus)
    {
        var tokens = new TokenizationStage();
        try
        {
            corpus = TopicCorpus.Load(annotations.FullName, shared.FullName, tokens.Process);
            return true;
        }
        catch (DataFileException e)
        {
            parse.InvocationConfiguration.Error.WriteLine($"dossier: {e.Message}");
            corpus = null;
            return false;
        }
    }
}
