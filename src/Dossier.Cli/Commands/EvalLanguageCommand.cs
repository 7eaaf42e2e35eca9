using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Dossier.Ingest.Languages;

namespace Dossier.Cli.Commands;

/// <summary>
/// <c>dossier eval language FILE [--json]</c>: the share of the English sentences of a CoNLL-U or IOB2 file (its
/// <c># text</c> lines) that the document language detector, given one sentence at a time, takes for another language.
/// </summary>
internal static class EvalLanguageCommand
{
    private static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    public static Command Create()
    {
        var file = new Argument<FileInfo>("file") { Description = "CoNLL-U or IOB2 file of English sentences with '# text' lines (UD EWT, UNER)" }.AcceptExistingOnly();
        var json = new Option<bool>("--json") { Description = "Print one JSON object instead of text" };
        var command = new Command("language", "Share of English sentences, one at a time, that language detection takes for another language") { file, json };
        command.SetAction(parse =>
        {
            var scores = LanguageEvaluation.Evaluate(parse.GetValue(file)!.FullName);
            var output = parse.InvocationConfiguration.Output;
            if (parse.GetValue(json))
            {
                output.WriteLine(JsonSerializer.Serialize(scores, Json));
                return ExitCodes.Success;
            }

            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"another language {scores.NotEnglish} of {scores.Sentences} sentences ({scores.NotEnglishShare:P2}); no language (no letters) {scores.Undetermined}"));
            output.WriteLine("languages        " + string.Join(", ", scores.Languages.Select(p => string.Create(CultureInfo.InvariantCulture, $"{p.Key} {p.Value}"))));
            foreach (var (language, text) in scores.Examples)
            {
                output.WriteLine($"  {language,-4} {text}");
            }

            return ExitCodes.Success;
        });
        return command;
    }
}
