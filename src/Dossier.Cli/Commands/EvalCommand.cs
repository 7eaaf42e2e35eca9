using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Dossier.Core.Documents;
using Dossier.Core.Errors;
using Dossier.Engine;
using Dossier.Extraction.Events;
using Dossier.Nlp.Entities;
using Dossier.Nlp.Syntax;
using Dossier.Nlp.Time;
using Dossier.Nlp.Tokenization;

namespace Dossier.Cli.Commands;

/// <summary><c>dossier eval tokens|syntax|ner|timex|events</c>: scores a component against a gold corpus.</summary>
internal static class EvalCommand
{
    private static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    public static Command Create()
    {
        var command = new Command("eval", "Score a component against gold-annotated data");
        command.Subcommands.Add(Tokens());
        command.Subcommands.Add(Syntax());
        command.Subcommands.Add(Ner());
        command.Subcommands.Add(Timex());
        command.Subcommands.Add(Events());
        command.Subcommands.Add(EvalCorefCommand.Create());
        return command;
    }

    private static Option<bool> JsonOption() => new("--json") { Description = "Print one JSON object instead of text" };

    private static Argument<FileInfo> FileArgument(string what) => new Argument<FileInfo>("file") { Description = what }.AcceptExistingOnly();

    private static Command Tokens()
    {
        var file = FileArgument("CoNLL-U file; the raw text comes from its '# text' lines");
        var json = JsonOption();
        var command = new Command("tokens", "Token and sentence F1 of the tokenizer against a CoNLL-U treebank") { file, json };
        command.SetAction(parse =>
        {
            var scores = new TokenizationEvaluator().Evaluate(parse.GetValue(file)!.FullName);
            var output = parse.InvocationConfiguration.Output;
            if (parse.GetValue(json))
            {
                output.WriteLine(JsonSerializer.Serialize(scores, Json));
            }
            else
            {
                output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"tokens    P {scores.TokenPrecision:0.0000}  R {scores.TokenRecall:0.0000}  F1 {scores.TokenF1:0.0000}  ({scores.GoldTokens} gold)"));
                output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"sentences P {scores.SentencePrecision:0.0000}  R {scores.SentenceRecall:0.0000}  F1 {scores.SentenceF1:0.0000}  ({scores.GoldSentences} gold)"));
                output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"speed     {scores.CharactersPerSecond:N0} characters/s"));
            }

            return ExitCodes.Success;
        });
        return command;
    }

    private static Option<DirectoryInfo> ModelsOption() => new("--models")
    {
        Description = "Folder holding the model files (default: the models shipped beside the program)",
        DefaultValueFactory = _ => new DirectoryInfo(SyntaxModel.DefaultDirectory),
    };

    private static Command Syntax()
    {
        var file = FileArgument("CoNLL-U file; scored with its gold tokenisation");
        var json = JsonOption();
        var models = ModelsOption();
        var command = new Command("syntax", "UPOS, XPOS, lemma, UAS and LAS of the syntax models against a CoNLL-U treebank") { file, json, models };
        command.SetAction(parse =>
        {
            var output = parse.InvocationConfiguration.Output;
            if (!TryLoad(parse, () => SyntaxModel.Load(parse.GetValue(models)!.FullName), out var model))
            {
                return ExitCodes.ModelError;
            }

            var scores = SyntaxEvaluator.Evaluate(model, parse.GetValue(file)!.FullName);
            if (parse.GetValue(json))
            {
                output.WriteLine(JsonSerializer.Serialize(scores, Json));
            }
            else
            {
                output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"UPOS {scores.Upos:0.0000}  XPOS {scores.Xpos:0.0000}  lemma {scores.Lemma:0.0000}  UAS {scores.Uas:0.0000}  LAS {scores.Las:0.0000}"));
                output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{scores.Words:N0} words, {scores.WordsPerSecond:N0} words/s (tag + parse, one thread)"));
            }

            return ExitCodes.Success;
        });
        return command;
    }

    private static bool TryLoad<T>(ParseResult parse, Func<T> load, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out T? model)
        where T : class
    {
        try
        {
            model = load();
            return true;
        }
        catch (ModelFileException e)
        {
            parse.InvocationConfiguration.Error.WriteLine($"dossier: {e.Message}");
            model = null;
            return false;
        }
    }

    private static Command Ner()
    {
        var file = FileArgument("CoNLL-2003 file (token POS chunk NER) or Universal NER IOB2 file (id token tag - -, '# text' and '# newdoc' lines)");
        var json = JsonOption();
        var models = ModelsOption();
        var details = new Option<FileInfo?>("--details") { Description = "Also write the whole product's missed (-) and spurious (+) names, with their context, to this file" };
        var command = new Command("ner", "Precision, recall and F1 of named-entity recognition (exact spans, as conlleval): the tagger on the gold tokens, and the whole product on each document's raw text") { file, json, models, details };
        command.SetAction(parse =>
        {
            if (!TryLoad(parse, () => NerModel.Load(parse.GetValue(models)!.FullName), out var model))
            {
                return ExitCodes.ModelError;
            }

            var path = parse.GetValue(file)!.FullName;
            NerScores scores;
            NerScores product;
            try
            {
                scores = NerEvaluator.Evaluate(model, path);
                var detailsFile = parse.GetValue(details);
                using var writer = detailsFile is null ? null : new StreamWriter(detailsFile.FullName);
                product = NerEvaluator.EvaluateProduct(model, path, writer);
            }
            catch (InvalidDataException e)
            {
                parse.InvocationConfiguration.Error.WriteLine($"dossier: {path}: {e.Message}");
                return ExitCodes.Usage;
            }

            var output = parse.InvocationConfiguration.Output;
            if (parse.GetValue(json))
            {
                output.WriteLine(JsonSerializer.Serialize(new { tagger = scores, product }, Json));
            }
            else
            {
                output.WriteLine("tagger on the gold tokens:");
                Write(output, scores);
                output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"names P {scores.Names!.Precision:0.0000}  R {scores.Names.Recall:0.0000}  F1 {scores.Names.F1:0.0000}  (PER, ORG, LOC)"));
                output.WriteLine("whole product on the raw text (tokenizer + entities stage; names projected onto the gold tokens; PER, ORG, LOC):");
                Write(output, product);
            }

            return ExitCodes.Success;
        });
        return command;

        static void Write(TextWriter output, NerScores scores)
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"all   P {scores.Precision:0.0000}  R {scores.Recall:0.0000}  F1 {scores.F1:0.0000}"));
            foreach (var (type, t) in scores.PerType.OrderBy(p => p.Key, StringComparer.Ordinal))
            {
                output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{type,-5} P {t.Precision:0.0000}  R {t.Recall:0.0000}  F1 {t.F1:0.0000}  ({t.Gold} gold, {t.Predicted} predicted)"));
            }

            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{scores.Words:N0} words, {scores.WordsPerSecond:N0} words/s"));
        }
    }

    private static Command Timex()
    {
        var directory = new Argument<DirectoryInfo>("dir") { Description = "Folder of TimeML (.tml) files, read recursively; each file's <DCT> is its publication date" }.AcceptExistingOnly();
        var json = JsonOption();
        var command = new Command("timex", "TempEval-3 scores of time expressions: strict and relaxed span F1, value F1, type accuracy") { directory, json };
        command.SetAction(parse =>
        {
            var scores = TimexEvaluator.Evaluate(parse.GetValue(directory)!.FullName);
            var output = parse.InvocationConfiguration.Output;
            if (parse.GetValue(json))
            {
                output.WriteLine(JsonSerializer.Serialize(scores, Json));
            }
            else
            {
                output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"strict  P {scores.StrictPrecision:0.0000}  R {scores.StrictRecall:0.0000}  F1 {scores.StrictF1:0.0000}"));
                output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"relaxed P {scores.RelaxedPrecision:0.0000}  R {scores.RelaxedRecall:0.0000}  F1 {scores.RelaxedF1:0.0000}"));
                output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"value F1 {scores.ValueF1:0.0000}  type accuracy {scores.TypeAccuracy:0.0000}  ({scores.Gold} gold, {scores.Predicted} predicted)"));
            }

            return ExitCodes.Success;
        });
        return command;
    }

    private static Command Events()
    {
        var file = FileArgument("PLOVER gold-standard JSON (plover_gsr_dev.json): one record per sentence with its event type and actor codes");
        var json = JsonOption();
        var details = new Option<FileInfo?>("--details") { Description = "Also write each record's gold type and actors and the events found to this file" };
        var command = new Command("events", "Event type recall and source/target accuracy of the full pipeline against PLOVER gold records") { file, json, details };
        command.SetAction(parse =>
        {
            if (!TryLoad(parse, () => DefaultPipeline.Create(), out var pipeline))
            {
                return ExitCodes.ModelError;
            }

            EventScores scores;
            var detailsFile = parse.GetValue(details);
            using (var writer = detailsFile is null ? null : new StreamWriter(detailsFile.FullName))
            {
                scores = EventEvaluator.Evaluate(
                    parse.GetValue(file)!.FullName,
                    (sentence, date) => pipeline.Process(new Document(sentence, new DocumentMetadata(null, "plover-gsr", date))),
                    writer);
            }

            var output = parse.InvocationConfiguration.Output;
            if (parse.GetValue(json))
            {
                output.WriteLine(JsonSerializer.Serialize(scores, Json));
            }
            else
            {
                output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"type recall {scores.TypeRecall:0.0000}  source accuracy {scores.SourceAccuracy:0.0000}  target accuracy {scores.TargetAccuracy:0.0000}"));
                output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{scores.Records} records, {scores.EventsPerRecord:0.00} events per record"));
            }

            return ExitCodes.Success;
        });
        return command;
    }
}
