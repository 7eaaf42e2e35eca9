using System.CommandLine;
using Dossier.Nlp.Entities;
using Dossier.Nlp.Syntax;

namespace Dossier.Cli.Commands;

/// <summary><c>dossier train syntax|ner</c>: rebuilds the shipped models from the corpora in ../shared/data.</summary>
internal static class TrainCommand
{
    public static Command Create()
    {
        var command = new Command("train", "Train Dossier's models from gold-annotated corpora (fixed seed: the same data gives the same files)");
        command.Subcommands.Add(Syntax());
        command.Subcommands.Add(Ner());
        return command;
    }

    private static Option<DirectoryInfo> DataOption() => new Option<DirectoryInfo>("--data")
    {
        Description = "Folder holding the corpora (ud-ewt/, gum/, conll2003/ …)",
        DefaultValueFactory = _ => new DirectoryInfo(Path.Combine("..", "shared", "data")),
    }.AcceptExistingOnly();

    private static Option<DirectoryInfo> OutOption() => new("--out")
    {
        Description = "Folder to write the model files to",
        DefaultValueFactory = _ => new DirectoryInfo("models"),
    };

    private static Command Syntax()
    {
        var data = DataOption();
        var output = OutOption();
        var command = new Command("syntax", "POS tagger, lemmatizer and dependency parser from UD English EWT (+ GUM); prints dev scores as it goes") { data, output };
        command.SetAction(parse =>
        {
            var outDirectory = parse.GetValue(output)!;
            outDirectory.Create();
            SyntaxTrainer.Train(parse.GetValue(data)!.FullName, outDirectory.FullName, parse.InvocationConfiguration.Output);
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command Ner()
    {
        var data = DataOption();
        var output = OutOption();
        var command = new Command("ner", "Named-entity tagger from CoNLL-2003 train (dev scores printed per pass), with the shipped gazetteer in OUT/ner") { data, output };
        command.SetAction(parse =>
        {
            var outDirectory = parse.GetValue(output)!;
            outDirectory.Create();
            NerTrainer.Train(parse.GetValue(data)!.FullName, outDirectory.FullName, parse.InvocationConfiguration.Output);
            return ExitCodes.Success;
        });
        return command;
    }
}
