using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Dossier.Nlp.Tokenization;

namespace Dossier.Cli.Commands;

/// <summary><c>dossier eval tokens FILE</c>: scores a component against a gold corpus.</summary>
internal static class EvalCommand
{
    private static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    public static Command Create()
    {
        var command = new Command("eval", "Score a component against gold-annotated data");
        command.Subcommands.Add(Tokens());
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
}
