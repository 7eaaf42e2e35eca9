using System.CommandLine;
using Dossier.Extraction.Actors;
using Dossier.Extraction.Events;
using Dossier.Nlp.Entities;
using Dossier.Nlp.Syntax;

namespace Dossier.Cli.Commands;

/// <summary><c>dossier train syntax|ner|events|actors</c>: rebuilds the shipped models from the corpora in ../shared/data.</summary>
internal static class TrainCommand
{
    public static Command Create()
    {
        var command = new Command("train", "Train Dossier's models from gold-annotated corpora (fixed seed: the same data gives the same files)");
        command.Subcommands.Add(Syntax());
        command.Subcommands.Add(Ner());
        command.Subcommands.Add(NerClusters());
        command.Subcommands.Add(Events());
        command.Subcommands.Add(Actors());
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
        var command = new Command("ner", "Named-entity tagger from CoNLL-2003 train and the names of GUM's train documents, with the word clusters of OUT/ner (dev scores printed per pass), with the shipped gazetteer in OUT/ner") { data, output };
        command.SetAction(parse =>
        {
            var outDirectory = parse.GetValue(output)!;
            outDirectory.Create();
            NerTrainer.Train(parse.GetValue(data)!.FullName, outDirectory.FullName, parse.InvocationConfiguration.Output,
                new NerTrainingOptions { GumExclude = Dossier.Extraction.Coreference.CorefEvaluator.GumDevDocuments.ToHashSet(StringComparer.Ordinal) });
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command NerClusters()
    {
        var shared = new Option<DirectoryInfo>("--shared")
        {
            Description = "Folder holding data/ and corpora/ (the unlabelled text: CoNLL-2003 train, UD EWT train, GUM, TempEval-3, BBC)",
            DefaultValueFactory = _ => new DirectoryInfo(Path.Combine("..", "shared")),
        }.AcceptExistingOnly();
        var output = OutOption();
        var command = new Command("ner-clusters", "Word clusters for the name tagger (OUT/ner/word-clusters.tsv.gz) from the unlabelled text of ../shared; run before `train ner`") { shared, output };
        command.SetAction(parse =>
        {
            var target = Path.Combine(parse.GetValue(output)!.FullName, NerModel.DirectoryName, NerModel.ClustersFileName);
            NerModel.BuildClusters(parse.GetValue(shared)!.FullName, target, parse.InvocationConfiguration.Output);
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command Events()
    {
        var data = DataOption();
        var output = OutOption();
        var command = new Command("events", "Event lexicon (OUT/events/cameo-codes.tsv, cameo-verbs.tsv) from DATA/cameo and DATA/plover-gsr; general.tsv is hand-written and kept") { data, output };
        command.SetAction(parse =>
        {
            var dataDirectory = parse.GetValue(data)!.FullName;
            var target = Path.Combine(parse.GetValue(output)!.FullName, EventLexicon.DirectoryName);
            try
            {
                EventLexiconBuilder.Build(Path.Combine(dataDirectory, "cameo"), Path.Combine(dataDirectory, "plover-gsr"), target);
            }
            catch (FileNotFoundException e)
            {
                parse.InvocationConfiguration.Error.WriteLine($"dossier: {e.Message}");
                return ExitCodes.Usage;
            }

            parse.InvocationConfiguration.Output.WriteLine($"wrote {Path.Combine(target, EventLexicon.CodesFileName)} and {EventLexicon.VerbsFileName}");
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command Actors()
    {
        var data = DataOption();
        var output = OutOption();
        var command = new Command("actors", "Actors knowledge base (OUT/actors) from the Phoenix/PETRARCH dictionaries in DATA/cameo (DATA itself when it holds them)") { data, output };
        command.SetAction(parse =>
        {
            var dataDirectory = parse.GetValue(data)!.FullName;
            var cameo = File.Exists(Path.Combine(dataDirectory, ActorKnowledgeBaseBuilder.CountriesFile)) ? dataDirectory : Path.Combine(dataDirectory, "cameo");
            var outDirectory = parse.GetValue(output)!;
            var target = outDirectory.Name == "actors" ? outDirectory.FullName : Path.Combine(outDirectory.FullName, "actors");
            try
            {
                var summary = ActorKnowledgeBaseBuilder.Build(cameo, target);
                parse.InvocationConfiguration.Output.WriteLine(
                    $"wrote {summary.Path}: {summary.Countries} countries, {summary.Demonyms} demonyms, {summary.Places} places, {summary.Actors} actors, {summary.Agents} agents, {summary.Bytes:N0} bytes");
            }
            catch (FileNotFoundException e)
            {
                parse.InvocationConfiguration.Error.WriteLine($"dossier: {e.Message}");
                return ExitCodes.Usage;
            }

            return ExitCodes.Success;
        });
        return command;
    }
}
