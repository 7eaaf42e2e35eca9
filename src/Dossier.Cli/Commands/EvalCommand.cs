using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Dossier.Nlp.Syntax;
using Dossier.Nlp.Tokenization;

namespace Dossier.Cli.Commands;

/// <summary><c>dossier eval tokens|syntax FILE</c>: scores a component against a gold corpus.</summary>
internal static class EvalCommand
{
    private static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    public static Command Create()
    {
        var command = new Command("eval", "Score a component against gold-annotated data");
        command.Subcommands.Add(Tokens());
        command.Subcommands.Add(Syntax());
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
            SyntaxModel model;
            try
            {
                model = SyntaxModel.Load(parse.GetValue(models)!.FullName);
            }
            catch (ModelLoadException e)
            {
                parse.InvocationConfiguration.Error.WriteLine($"dossier: {e.Message}");
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
}
