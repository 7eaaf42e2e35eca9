using Dossier.Core.Documents;
using Dossier.Extraction.Events.Annotations;

namespace Dossier.Extraction.Tests.Events.Scoring;

/// <summary>The evaluator on a small annotation file written for the test, with the events "predicted" by hand, so
/// that precision, recall and the agreements are known.</summary>
public sealed class AnnotationEvaluatorTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("dossier-annotations-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private const string Lines = """
        {"corpus":"gum","doc":"GUM_news_a","sent":0,"split":"dev","text":"The mayor of Eastport criticised the harbour board on Friday.","events":[{"type":"ACCUSE","trigger":"criticised","source":"The mayor of Eastport","target":"the harbour board","status":"occurred"}],"note":null}
        {"corpus":"gum","doc":"GUM_news_a","sent":1,"split":"dev","text":"Fishermen blocked the port and the coast guard detained two of them.","events":[{"type":"PROTEST","trigger":"blocked","source":"Fishermen","target":null,"status":"occurred"},{"type":"COERCE","trigger":"detained","source":"the coast guard","target":"two of them","status":"occurred"}],"note":null}
        {"corpus":"gum","doc":"GUM_news_a","sent":2,"split":"dev","text":"The weather stayed calm all week.","events":[],"note":null}
        {"corpus":"ewt","doc":"ewt-doc-1","sent":0,"split":"train","text":"The council will meet the union next week.","events":[{"type":"CONSULT","trigger":"meet","source":"The council","target":"the union","status":"planned"}],"note":null}
        {"corpus":"conll","doc":"eng.dev.txt#1","sent":1,"split":"heldout","text":null,"events":[{"type":"REJECT","trigger":"rejected","source":"Ministers","target":null,"status":"occurred"}],"note":null}
        """;

    private const string Conll = """
        -DOCSTART- -X- -X- O

        First NNP B-NP O
        document NN I-NP O
        . . O O

        -DOCSTART- -X- -X- O

        HEADLINE NN B-NP O

        Ministers NNS B-NP O
        rejected VBD B-VP O
        the DT B-NP O
        plan NN I-NP O
        . . O O
        """;

    private IReadOnlyList<AnnotatedSentence> Read()
    {
        File.WriteAllText(Path.Combine(_folder, "test.jsonl"), Lines);
        var conll = Directory.CreateDirectory(Path.Combine(_folder, "conll")).FullName;
        File.WriteAllText(Path.Combine(conll, "eng.dev.txt"), Conll);
        return EventAnnotations.Read(_folder, conll);
    }

    /// <summary>Hand-made predictions: per sentence text, the events found.</summary>
    private static Document Predict(string text)
    {
        var document = new Document(text, new DocumentMetadata(null, "test", null));
        Event Make(string type, string trigger, string? source, double confidence, string status = "occurred")
        {
            var at = text.IndexOf(trigger, StringComparison.Ordinal);
            return new Event("v", type, "000", 1, 0, status, new EventSpan(trigger, at, at + trigger.Length), 0)
            {
                Source = source is null ? [] : [new EventActor(source, null, null, null, null)],
                Confidence = confidence,
            };
        }

        Event[] events = text switch
        {
            // right type, right source
            _ when text.StartsWith("The mayor", StringComparison.Ordinal) => [Make("ACCUSE", "criticised", "mayor", 0.9)],
            // PROTEST with the wrong source (still matched by type), COERCE right but planned, and a spurious ASSAULT
            _ when text.StartsWith("Fishermen", StringComparison.Ordinal) =>
                [Make("PROTEST", "blocked", "port", 0.4), Make("COERCE", "detained", "coast guard", 0.8, "planned"), Make("ASSAULT", "detained", "coast guard", 0.2)],
            // an event in a sentence without one
            _ when text.StartsWith("The weather", StringComparison.Ordinal) => [Make("COOPERATE", "stayed", "weather", 0.1)],
            _ => [],
        };
        return document with { Events = [.. events] };
    }

    [Fact]
    public void Read_FolderWithConllRecord_RebuildsTheConllSentenceFromItsTokens()
    {
        var sentences = Read();

        Assert.Equal(5, sentences.Count);
        var conll = Assert.Single(sentences, s => s.Corpus == "conll");
        Assert.Equal("Ministers rejected the plan .", conll.Text);
        Assert.Equal("heldout", conll.Split);
        Assert.Equal(2, sentences.Single(s => s.Sent == 1 && s.Corpus == "gum").Events.Count);
    }

    [Fact]
    public void Read_MalformedRecord_NamesFileAndLine()
    {
        File.WriteAllText(Path.Combine(_folder, "bad.jsonl"), "{\"corpus\":\"gum\",\"doc\":\"d\",\"sent\":0,\"split\":\"train\",\"text\":\"x\",\"events\":[]}\n{\"corpus\":\"gum\"}\n");

        var e = Assert.Throws<InvalidDataException>(() => EventAnnotations.Read(_folder, null));

        Assert.StartsWith(Path.Combine(_folder, "bad.jsonl") + ":2:", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Score_DevSentencesAtZero_KnownPrecisionRecallAndAgreements()
    {
        var dev = Read().Where(s => s.Split == "dev").ToList();
        var predictions = AnnotationEvaluator.Predict(dev, Predict);

        var scores = AnnotationEvaluator.Score(predictions, 0);

        // 3 gold events; 5 predicted; matched by type: ACCUSE, PROTEST, COERCE.
        Assert.Equal((3, 5, 3), (scores.All.Gold, scores.All.Predicted, scores.All.Matched));
        Assert.Equal(0.6, scores.All.Precision, 6);
        Assert.Equal(1.0, scores.All.Recall, 6);
        // Sources: mayor agrees, port does not (gold: Fishermen), coast guard agrees.
        Assert.Equal(3, scores.SourcePairs);
        Assert.Equal(2 / 3.0, scores.SourceAgreement, 6);
        // Statuses: COERCE predicted planned, gold occurred.
        Assert.Equal(2 / 3.0, scores.StatusAgreement, 6);
        Assert.Equal((0, 1, 0), (scores.PerType["ASSAULT"].Gold, scores.PerType["ASSAULT"].Predicted, scores.PerType["ASSAULT"].Matched));
    }

    [Fact]
    public void Score_AboveAThreshold_LeavesOutLessConfidentEvents()
    {
        var predictions = AnnotationEvaluator.Predict(Read().Where(s => s.Split == "dev"), Predict);

        var scores = AnnotationEvaluator.Score(predictions, 0.5);

        // Kept: ACCUSE 0.9, COERCE 0.8.
        Assert.Equal((3, 2, 2), (scores.All.Gold, scores.All.Predicted, scores.All.Matched));
        Assert.Equal(1.0, scores.All.Precision, 6);
        Assert.Equal(2 / 3.0, scores.All.Recall, 6);
    }

    [Fact]
    public void Reliability_HandMadeEvents_CountsRightEventsPerBin()
    {
        var predictions = AnnotationEvaluator.Predict(Read().Where(s => s.Split == "dev"), Predict);

        var bins = AnnotationEvaluator.Reliability(predictions);

        Assert.Equal(10, bins.Count);
        Assert.Equal(5, bins.Sum(b => b.Events));
        // 0.9 ACCUSE right; 0.8 COERCE right; 0.4 PROTEST wrong (source); 0.2 ASSAULT and 0.1 COOPERATE wrong.
        Assert.Equal(1.0, bins[9].Observed, 6);
        Assert.Equal(1.0, bins[8].Observed, 6);
        Assert.Equal(0.0, bins[4].Observed, 6);
        Assert.Equal(0.9, bins[9].MeanConfidence, 6);
    }

    [Fact]
    public void Match_TwoEventsOfOneType_PairsByTriggerOverlap()
    {
        const string text = "Police arrested the driver and later detained the owner.";
        var document = new Document(text, new DocumentMetadata(null, "test", null));
        Event At(string trigger)
        {
            var at = text.IndexOf(trigger, StringComparison.Ordinal);
            return new Event("v", "COERCE", "173", 4, -5, "occurred", new EventSpan(trigger, at, at + trigger.Length), 0);
        }

        var detained = At("detained");
        var arrested = At("arrested");
        GoldEvent[] gold = [new("COERCE", "arrested", "Police", "the driver", "occurred"), new("COERCE", "detained", "Police", "the owner", "occurred")];

        var pairs = AnnotationEvaluator.Match(document, gold, [detained, arrested]);

        Assert.Same(arrested, pairs[0].Predicted);
        Assert.Same(detained, pairs[1].Predicted);
    }
}
