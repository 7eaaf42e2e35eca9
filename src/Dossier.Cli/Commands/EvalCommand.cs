using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Dossier.Core.Documents;
using Dossier.Core.Errors;
using Dossier.Engine;
using Dossier.Extraction.Events;
using Dossier.Extraction.Events.Annotations;
using Dossier.Nlp.Entities;
using Dossier.Nlp.Syntax;
using Dossier.Nlp.Time;
using Dossier.Nlp.Tokenization;

namespace Dossier.Cli.Commands;

/// <summary><c>dossier eval tokens|syntax|ner|timex|events|coref|language|topics</c>: scores a component against a gold corpus.</summary>
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
        command.Subcommands.Add(EvalLanguageCommand.Create());
        command.Subcommands.Add(EvalPlacesCommand.Create());
        command.Subcommands.Add(TopicCommands.Eval());
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

    /// <summary>Loads a model or pipeline; a missing or corrupt model file is one line on stderr and false.</summary>
    internal static bool TryLoad<T>(ParseResult parse, Func<T> load, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out T? model)
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
        var taggerDetails = new Option<FileInfo?>("--tagger-details") { Description = "Also write the tagger's (gold tokens) missed (-) and spurious (+) PER/ORG/LOC names, in the format of --details, to this file" };
        var command = new Command("ner", "Precision, recall and F1 of named-entity recognition (exact spans, as conlleval): the tagger on the gold tokens, and the whole product on each document's raw text") { file, json, models, details, taggerDetails };
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
                var taggerFile = parse.GetValue(taggerDetails);
                using (var taggerWriter = taggerFile is null ? null : new StreamWriter(taggerFile.FullName))
                {
                    scores = NerEvaluator.Evaluate(model, path, taggerWriter);
                }

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
                var whole = product.WholeTokens!;
                output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"without names inside one gold token (\"Boston\" of \"Boston-based\"): P {whole.Precision:0.0000}  R {whole.Recall:0.0000}  F1 {whole.F1:0.0000}"));
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
        var file = new Argument<FileSystemInfo>("file")
        {
            Description = "PLOVER gold-standard JSON (plover_gsr_dev.json), or annotated sentences: a folder of .jsonl files (data/annotations/events) or one .jsonl file",
        }.AcceptExistingOnly();
        var json = JsonOption();
        var details = new Option<FileInfo?>("--details") { Description = "Also write each record's (sentence's) gold events and the events found to this file" };
        var split = new Option<string>("--split") { Description = "Annotated sentences: which split to score (train, dev, heldout, heldout2, heldout3 or all; all leaves out heldout2, TempEval-3's held-out news, and heldout3, EWT web text and BBC news, each read once per model choice)", DefaultValueFactory = _ => "dev" };
        split.AcceptOnlyFromAmong("train", "dev", "heldout", "heldout2", "heldout3", "all");
        var minConfidence = new Option<double?>("--min-confidence")
        {
            Description = "Annotated sentences: leave out events below this confidence, as analyze does (default: the event model's threshold; 0 scores every event)",
        };
        var conll = new Option<DirectoryInfo>("--conll")
        {
            Description = "CoNLL-2003 folder, for annotated CoNLL sentences (their text is not in the file); TempEval-3 sentences are read from tempeval3/ beside it",
            DefaultValueFactory = _ => new DirectoryInfo(Path.Combine("..", "shared", "data", "conll2003")),
        };
        var command = new Command("events", "Events of the full pipeline against PLOVER gold records (type recall, source/target accuracy) or annotated sentences (precision, recall, F1 per type, source and status agreement, reliability)")
        {
            file, json, details, split, minConfidence, conll,
        };
        command.SetAction(parse =>
        {
            if (!TryLoad(parse, () => DefaultPipeline.Create(), out var pipeline))
            {
                return ExitCodes.ModelError;
            }

            var input = parse.GetValue(file)!;
            if (input is DirectoryInfo || input.Extension.Equals(".jsonl", StringComparison.OrdinalIgnoreCase))
            {
                return AnnotatedEvents(parse, pipeline, input.FullName, parse.GetValue(split)!, parse.GetValue(minConfidence) ?? DefaultPipeline.DefaultMinConfidence, parse.GetValue(conll)!, parse.GetValue(json), parse.GetValue(details));
            }

            EventScores scores;
            var detailsFile = parse.GetValue(details);
            using (var writer = detailsFile is null ? null : new StreamWriter(detailsFile.FullName))
            {
                scores = EventEvaluator.Evaluate(
                    input.FullName,
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

    private static int AnnotatedEvents(ParseResult parse, Dossier.Core.Pipeline.AnalysisPipeline pipeline, string path, string split, double minConfidence,
        DirectoryInfo conll, bool asJson, FileInfo? details)
    {
        IReadOnlyList<AnnotatedSentence> sentences;
        try
        {
            sentences = EventAnnotations.Read(path, conll.Exists ? conll.FullName : null);
        }
        catch (Exception e) when (e is InvalidDataException or FileNotFoundException or IOException)
        {
            parse.InvocationConfiguration.Error.WriteLine($"dossier: {e.Message}");
            return ExitCodes.Usage;
        }

        var chosen = EventAnnotations.InSplit(sentences, split);
        var predictions = AnnotationEvaluator.Predict(chosen, text => pipeline.Process(new Document(text, new DocumentMetadata(null, "annotation", null))));
        var scores = AnnotationEvaluator.Score(predictions, minConfidence);
        var sweep = AnnotationEvaluator.Thresholds.Select(t => AnnotationEvaluator.Score(predictions, t)).ToList();
        var reliability = AnnotationEvaluator.Reliability(predictions);
        if (details is not null) WriteAnnotationDetails(details.FullName, predictions, minConfidence);
        var output = parse.InvocationConfiguration.Output;
        if (asJson)
        {
            output.WriteLine(JsonSerializer.Serialize(new
            {
                split,
                scores.Sentences,
                scores.MinConfidence,
                all = Figures(scores.All),
                perType = scores.PerType.ToDictionary(p => p.Key, p => Figures(p.Value)),
                scores.SourceAgreement,
                scores.SourcePairs,
                scores.StatusAgreement,
                sweep = sweep.Select(s => new { s.MinConfidence, all = Figures(s.All), s.SourceAgreement, s.StatusAgreement }),
                reliability,
            }, Json));
            return ExitCodes.Success;
        }

        string F(FormattableString f) => string.Create(CultureInfo.InvariantCulture, $"{f}");
        output.WriteLine(F($"{scores.Sentences} annotated sentences ({split}), events with confidence >= {minConfidence:0.00}"));
        output.WriteLine(F($"all        P {scores.All.Precision:0.000}  R {scores.All.Recall:0.000}  F1 {scores.All.F1:0.000}  ({scores.All.Gold} gold, {scores.All.Predicted} predicted, {scores.All.Matched} matched)"));
        output.WriteLine(F($"source agreement {scores.SourceAgreement:0.000} ({scores.SourcePairs} matched with a gold source)  status agreement {scores.StatusAgreement:0.000}"));
        foreach (var (type, t) in scores.PerType)
        {
            output.WriteLine(F($"{type,-10} P {t.Precision:0.000}  R {t.Recall:0.000}  F1 {t.F1:0.000}  ({t.Gold} gold, {t.Predicted} predicted)"));
        }

        output.WriteLine("min-confidence sweep:");
        foreach (var s in sweep)
        {
            output.WriteLine(F($"  >= {s.MinConfidence:0.0}  P {s.All.Precision:0.000}  R {s.All.Recall:0.000}  F1 {s.All.F1:0.000}  predicted {s.All.Predicted,4}  source {s.SourceAgreement:0.000}  status {s.StatusAgreement:0.000}"));
        }

        output.WriteLine("reliability (all events): confidence bin, events, mean confidence, observed share right:");
        foreach (var b in reliability.Where(b => b.Events > 0))
        {
            output.WriteLine(F($"  [{b.From:0.0}, {b.To:0.0})  {b.Events,4}  {b.MeanConfidence:0.000}  {b.Observed:0.000}"));
        }

        return ExitCodes.Success;
    }

    private static object Figures(EventTypeScores t) => new { t.Gold, t.Predicted, t.Matched, t.Precision, t.Recall, t.F1 };

    private static void WriteAnnotationDetails(string path, IReadOnlyList<SentencePrediction> predictions, double minConfidence)
    {
        using var writer = new StreamWriter(path);
        foreach (var p in predictions)
        {
            writer.WriteLine($"{p.Gold.Key} {p.Gold.Split}");
            writer.WriteLine("    " + p.Gold.Text);
            foreach (var g in p.Gold.Events)
            {
                writer.WriteLine($"    gold {g.Type} {g.Status} '{g.Trigger}' src=[{g.Source}] tgt=[{g.Target}]");
            }

            foreach (var e in p.Events)
            {
                var mark = e.Confidence < minConfidence ? "(below)" : AnnotationEvaluator.IsRight(p, e) ? "+" : "-";
                writer.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"    {mark} {e.Type}/{e.Cameo} {e.Status} '{e.Trigger.Text}' conf={e.Confidence:0.000} src=[{string.Join(", ", e.Source.Select(a => a.Text))}] tgt=[{string.Join(", ", e.Target.Select(a => a.Text))}]"));
            }
        }
    }
}
