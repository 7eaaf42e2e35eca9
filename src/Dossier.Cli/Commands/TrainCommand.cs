using System.CommandLine;
using Dossier.Extraction.Actors;
using Dossier.Core.Documents;
using Dossier.Engine;
using Dossier.Extraction.Coreference;
using Dossier.Extraction.Events;
using Dossier.Extraction.Events.Annotations;
using Dossier.Extraction.Events.Scoring;
using Dossier.Nlp.Entities;
using Dossier.Nlp.Syntax;

namespace Dossier.Cli.Commands;

/// <summary><c>dossier train syntax|ner|events|actors|abstract-nouns|event-trigger|event-model|topics|coref</c>: rebuilds the shipped models from the corpora in ../shared/data.</summary>
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
        command.Subcommands.Add(AbstractNouns());
        command.Subcommands.Add(EventTrigger());
        command.Subcommands.Add(EventModel());
        command.Subcommands.Add(TopicCommands.Train());
        command.Subcommands.Add(Coref());
        return command;
    }

    private static Command Coref()
    {
        var data = DataOption();
        var output = OutOption();
        var command = new Command("coref", "Coreference mention-ranking model from GUM's train documents (DATA/gum; the dev epoch chosen on GUM's dev list), into OUT/coref") { data, output };
        command.SetAction(parse =>
        {
            var gum = Path.Combine(parse.GetValue(data)!.FullName, "gum");
            if (!Directory.Exists(gum))
            {
                parse.InvocationConfiguration.Error.WriteLine($"dossier: {gum}: no such folder (GUM's CoNLL-U files are needed)");
                return ExitCodes.Usage;
            }

            var syntax = new SyntaxStage(SyntaxModel.Load());
            var names = new EntityRecognitionStage(NerModel.Load(SyntaxModel.DefaultDirectory));
            var model = CorefTrainer.Train(gum, d => names.Process(syntax.Process(d)), ActorKnowledgeBase.Default, parse.InvocationConfiguration.Output);
            var path = Path.Combine(parse.GetValue(output)!.FullName, "coref", MentionRanker.FileName);
            model.Save(path);
            parse.InvocationConfiguration.Output.WriteLine($"coref: wrote {path}");
            return ExitCodes.Success;
        });
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
        var web = new Option<bool>("--web-labels") { Description = "Also train on EWT train labelled by a teacher under its PROPN tags (tried; off by default)" };
        var teacher = new Option<DirectoryInfo?>("--teacher") { Description = "With --web-labels: models directory of the tagger that labels EWT train (default: train that teacher first)" };
        var command = new Command("ner", "Named-entity tagger from CoNLL-2003 train and the names of GUM's train documents, with the word clusters of OUT/ner and proper-noun rates from EWT and GUM train (dev scores printed per pass), with the shipped gazetteer in OUT/ner") { data, output, web, teacher };
        command.SetAction(parse =>
        {
            var outDirectory = parse.GetValue(output)!;
            outDirectory.Create();
            NerTrainer.Train(parse.GetValue(data)!.FullName, outDirectory.FullName, parse.InvocationConfiguration.Output,
                new NerTrainingOptions
                {
                    GumExclude = Dossier.Extraction.Coreference.CorefEvaluator.GumDevDocuments.ToHashSet(StringComparer.Ordinal),
                    LabelWebTreebank = parse.GetValue(web),
                    TeacherDirectory = parse.GetValue(teacher)?.FullName,
                });
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

    private static Command AbstractNouns()
    {
        var data = DataOption();
        var output = OutOption();
        var annotations = new Option<FileSystemInfo>("--annotations")
        {
            Description = "Annotated event sentences: the GUM documents of their dev and heldout splits are not read",
            DefaultValueFactory = _ => new DirectoryInfo(Path.Combine("data", "annotations", "events")),
        };
        var command = new Command("abstract-nouns", "Nouns GUM's entity annotations type as abstract (OUT/events/abstract-nouns.tsv: an act of force aimed at one is verbal) or as a person (OUT/events/person-nouns.tsv: a subject that is one can act)") { data, annotations, output };
        command.SetAction(parse =>
        {
            var error = parse.InvocationConfiguration.Error;
            var gum = Path.Combine(parse.GetValue(data)!.FullName, "gum");
            if (!Directory.Exists(gum))
            {
                error.WriteLine($"dossier: {gum}: no such folder (GUM's CoNLL-U files are needed)");
                return ExitCodes.Usage;
            }

            var excluded = Dossier.Extraction.Coreference.CorefEvaluator.GumDevDocuments.ToHashSet(StringComparer.Ordinal);
            var path = parse.GetValue(annotations)!;
            try
            {
                if (path.Exists)
                {
                    foreach (var s in EventAnnotations.Read(path.FullName, null).Where(s => s.Corpus == "gum" && s.Split != "train")) excluded.Add(s.Doc);
                }
            }
            catch (Exception e) when (e is InvalidDataException or FileNotFoundException or IOException)
            {
                error.WriteLine($"dossier: {e.Message}");
                return ExitCodes.Usage;
            }

            foreach (var (file, type) in new[] { (AbstractNounsBuilder.FileName, AbstractNounsBuilder.Abstract), (AbstractNounsBuilder.PersonFileName, AbstractNounsBuilder.Person) })
            {
                var target = Path.Combine(parse.GetValue(output)!.FullName, EventLexicon.DirectoryName, file);
                var (documents, nouns) = AbstractNounsBuilder.Build(gum, excluded, target, type);
                parse.InvocationConfiguration.Output.WriteLine($"wrote {target}: {nouns} nouns from {documents} GUM documents");
            }

            return ExitCodes.Success;
        });
        return command;
    }

    private static Command EventTrigger()
    {
        var annotations = new Option<FileSystemInfo>("--annotations")
        {
            Description = "Annotated sentences: a folder of .jsonl files (or one file); its train split trains, its dev split tunes",
            DefaultValueFactory = _ => new DirectoryInfo(Path.Combine("data", "annotations", "events")),
        };
        var conll = new Option<DirectoryInfo>("--conll")
        {
            Description = "CoNLL-2003 folder for the annotated CoNLL sentences (their text is not committed); TempEval-3 sentences are read from tempeval3/ beside it",
            DefaultValueFactory = _ => new DirectoryInfo(Path.Combine("..", "shared", "data", "conll2003")),
        };
        var plover = new Option<FileInfo?>("--plover")
        {
            Description = "PLOVER gold records: the rule events of the type of records 0,1 mod 4 are more training examples; 'none' to leave them out",
            DefaultValueFactory = _ => new FileInfo(Path.Combine("..", "shared", "data", "plover-gsr", "plover_gsr_dev.json")),
        };
        var output = OutOption();
        var command = new Command("event-trigger", "Trigger model (OUT/events/event-trigger.tsv): which verbs and nouns report an event of which type, beside the rule coder; then rerun `train event-model`") { annotations, conll, plover, output };
        command.SetAction(parse =>
        {
            var error = parse.InvocationConfiguration.Error;
            var log = parse.InvocationConfiguration.Output;
            var path = parse.GetValue(annotations)!;
            IReadOnlyList<AnnotatedSentence> sentences;
            try
            {
                if (!path.Exists)
                {
                    error.WriteLine($"dossier: {path.FullName}: no annotations there");
                    return ExitCodes.Usage;
                }

                var conllDirectory = parse.GetValue(conll)!;
                sentences = EventAnnotations.Read(path.FullName, conllDirectory.Exists ? conllDirectory.FullName : null);
            }
            catch (Exception e) when (e is InvalidDataException or FileNotFoundException or IOException)
            {
                error.WriteLine($"dossier: {e.Message}");
                return ExitCodes.Usage;
            }

            var ploverFile = parse.GetValue(plover);
            var ploverPath = ploverFile is { Exists: true } ? ploverFile.FullName : null;
            if (ploverFile is not null && ploverPath is null && ploverFile.Name != "none")
            {
                error.WriteLine($"dossier: {ploverFile.FullName}: the PLOVER file does not exist");
                return ExitCodes.Usage;
            }

            var pipeline = DefaultPipeline.Create(scoreEvents: false, learnedTriggers: false);
            var target = Path.Combine(parse.GetValue(output)!.FullName, EventLexicon.DirectoryName, TriggerModel.FileName);
            var watch = System.Diagnostics.Stopwatch.StartNew();
            try
            {
                TriggerModelTrainer.Train(sentences, EventLexicon.Load(), text => pipeline.Process(new Document(text, new DocumentMetadata(null, "annotation", null))), target, log, ploverPath);
            }
            catch (InvalidOperationException e)
            {
                error.WriteLine($"dossier: {e.Message}");
                return ExitCodes.Usage;
            }

            log.WriteLine($"wrote {target} in {watch.Elapsed.TotalSeconds:0} s");
            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>How many parts the train sentences are cut into to train the event scorer on out-of-fold trigger probabilities.</summary>
    private const int CrossFitFolds = 4;

    private static Command EventModel()
    {
        var annotations = new Option<FileSystemInfo>("--annotations")
        {
            Description = "Annotated sentences: a folder of .jsonl files (or one file); its train split trains, its dev split tunes",
            DefaultValueFactory = _ => new DirectoryInfo(Path.Combine("data", "annotations", "events")),
        };
        var conll = new Option<DirectoryInfo>("--conll")
        {
            Description = "CoNLL-2003 folder for the annotated CoNLL sentences (their text is not committed); TempEval-3 sentences are read from tempeval3/ beside it",
            DefaultValueFactory = _ => new DirectoryInfo(Path.Combine("..", "shared", "data", "conll2003")),
        };
        var plover = new Option<FileInfo?>("--plover")
        {
            Description = "PLOVER gold records (records 0,1 mod 4 train, 2 mod 4 dev, 3 mod 4 never read); 'none' to leave them out",
            DefaultValueFactory = _ => new FileInfo(Path.Combine("..", "shared", "data", "plover-gsr", "plover_gsr_dev.json")),
        };
        var output = OutOption();
        var command = new Command("event-model", "Event scorer (OUT/events/event-scorer.tsv): logistic regression over the rule coder's candidate events, Platt-scaled on dev") { annotations, conll, plover, output };
        command.SetAction(parse =>
        {
            var error = parse.InvocationConfiguration.Error;
            var log = parse.InvocationConfiguration.Output;
            var path = parse.GetValue(annotations)!;
            IReadOnlyList<AnnotatedSentence> sentences = [];
            try
            {
                if (path.Exists)
                {
                    var conllDirectory = parse.GetValue(conll)!;
                    sentences = EventAnnotations.Read(path.FullName, conllDirectory.Exists ? conllDirectory.FullName : null);
                }
                else
                {
                    error.WriteLine($"dossier: {path.FullName}: no annotations there; training on the PLOVER records only");
                }
            }
            catch (Exception e) when (e is InvalidDataException or FileNotFoundException or IOException)
            {
                error.WriteLine($"dossier: {e.Message}");
                return ExitCodes.Usage;
            }

            var ploverFile = parse.GetValue(plover);
            var ploverPath = ploverFile is { Exists: true } ? ploverFile.FullName : null;
            if (ploverFile is not null && ploverPath is null && ploverFile.Name != "none")
            {
                error.WriteLine($"dossier: {ploverFile.FullName}: the PLOVER file does not exist");
                return ExitCodes.Usage;
            }

            var pipeline = DefaultPipeline.Create(scoreEvents: false);
            var rules = DefaultPipeline.Create(scoreEvents: false, learnedTriggers: false);
            var target = Path.Combine(parse.GetValue(output)!.FullName, EventLexicon.DirectoryName, EventScorer.FileName);
            var watch = System.Diagnostics.Stopwatch.StartNew();
            try
            {
                // The train sentences' candidates come from trigger models fitted without them (cross-fitting).
                IReadOnlyList<SentencePrediction> OutOfFold(IEnumerable<AnnotatedSentence> train) => TriggerModelTrainer.OutOfFold(
                    AnnotationEvaluator.Predict(train, text => rules.Process(new Document(text, new DocumentMetadata(null, "annotation", null)))),
                    EventLexicon.Load(), TriggerModel.Default, CrossFitFolds, log);
                EventScorerTrainer.Train(sentences, ploverPath,
                    (text, date) => pipeline.Process(new Document(text, new DocumentMetadata(null, "annotation", date))), target, log, OutOfFold);
            }
            catch (InvalidOperationException e)
            {
                error.WriteLine($"dossier: {e.Message}");
                return ExitCodes.Usage;
            }

            log.WriteLine($"wrote {target} in {watch.Elapsed.TotalSeconds:0} s");
            return ExitCodes.Success;
        });
        return command;
    }
}
