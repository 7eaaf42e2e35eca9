using Dossier.Extraction.Events.Annotations;
using Dossier.Extraction.Events.Scoring;

namespace Dossier.Extraction.Tests.Events.Scoring;

/// <summary>Cross-fitting the trigger model for the event scorer's training (<see cref="TriggerModelTrainer.OutOfFold"/>):
/// a train sentence's events come from a model that never saw its document. Sentences written for the test; the
/// made-up verb "zorble" is in no lexicon, so only a model that learned it from the labels can propose it.</summary>
public sealed class CrossFitTests
{
    private static readonly string[] Quiet =
    [
        "The minister visited a school in the north.",
        "The company reported higher profits on Monday.",
        "Heavy rain fell across the region overnight.",
        "The committee will publish its report next week.",
    ];

    private static SentencePrediction Sentence(string doc, int sent, string text, bool zorble)
    {
        GoldEvent[] gold = zorble ? [new GoldEvent("ASSAULT", "zorbled", null, null, "occurred")] : [];
        var annotated = new AnnotatedSentence("test", doc, sent, "train", text, gold);
        var document = EventFixture.AnalyseWithPipeline(text, null);
        return new SentencePrediction(annotated, document, document.Events);
    }

    /// <summary>Documents "quiet-N" with no event, and <paramref name="zorbleDocs"/> documents with two sentences where
    /// rebels "zorbled" someone (gold ASSAULT).</summary>
    private static List<SentencePrediction> Train(params string[] zorbleDocs)
    {
        var train = new List<SentencePrediction>();
        for (var d = 0; d < 8; d++)
        {
            for (var s = 0; s < Quiet.Length; s++) train.Add(Sentence("quiet-" + d, s, Quiet[s], false));
        }

        foreach (var doc in zorbleDocs)
        {
            train.Add(Sentence(doc, 0, "The rebels zorbled the village on Sunday.", true));
            train.Add(Sentence(doc, 1, "Militants zorbled a convoy near the border.", true));
        }

        return train;
    }

    private static TriggerModel Thresholds() => new([TriggerModel.NoneClass, .. TriggerModelTrainer.Types], new Dictionary<string, double[]>(), new double[17], 0, 0.15);

    private static bool Zorbled(IReadOnlyList<SentencePrediction> result, string doc) =>
        result.Where(p => p.Gold.Doc == doc).SelectMany(p => p.Events).Any(e => e.Type == "ASSAULT" && e.Trigger.Text == "zorbled");

    [Fact]
    public void OutOfFold_OnlyOneDocumentTeachesAWord_ThatDocumentGetsNoEventOnIt()
    {
        var result = TriggerModelTrainer.OutOfFold(Train("zorble-0"), EventFixture.Lexicon, Thresholds(), 4, TextWriter.Null);

        Assert.False(Zorbled(result, "zorble-0"));
    }

    [Fact]
    public void OutOfFold_OtherDocumentsTeachTheWord_ItIsProposed()
    {
        var docs = Enumerable.Range(0, 8).Select(i => "zorble-" + i).ToArray();

        var result = TriggerModelTrainer.OutOfFold(Train(docs), EventFixture.Lexicon, Thresholds(), 4, TextWriter.Null);

        Assert.True(Zorbled(result, "zorble-0"));
    }

    [Fact]
    public void OutOfFold_SameInput_SameEvents()
    {
        var train = Train("zorble-0", "zorble-1", "zorble-2");

        var one = TriggerModelTrainer.OutOfFold(train, EventFixture.Lexicon, Thresholds(), 3, TextWriter.Null);
        var two = TriggerModelTrainer.OutOfFold(train, EventFixture.Lexicon, Thresholds(), 3, TextWriter.Null);

        Assert.Equal(one.SelectMany(p => p.Events.Select(e => (e.Type, e.Trigger.Start, e.Confidence))), two.SelectMany(p => p.Events.Select(e => (e.Type, e.Trigger.Start, e.Confidence))));
    }
}
