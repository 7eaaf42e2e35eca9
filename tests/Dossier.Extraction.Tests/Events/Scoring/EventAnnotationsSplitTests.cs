using Dossier.Extraction.Events.Annotations;
using Dossier.Extraction.Events.Scoring;
using Dossier.Extraction.Tests.Events;

namespace Dossier.Extraction.Tests.Events.Scoring;

/// <summary>
/// Which annotated sentences each reader takes, on records written for the test with one document per split:
/// training reads <c>train</c> only (and the dev set for its choices), <c>--split dev</c> reads <c>dev</c> only, and the
/// second and third held-out sets <c>heldout2</c> and <c>heldout3</c> are read only when named (never by <c>all</c>, never by
/// training).
/// </summary>
public sealed class EventAnnotationsSplitTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("dossier-splits-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static readonly (string Split, string Text)[] Sentences =
    [
        ("train", "The governor met the striking nurses on Monday."),
        ("train", "Harbour workers blocked the ferry terminal."),
        ("dev", "The committee rejected the mayor's budget."),
        ("heldout", "Border guards detained three smugglers near the river."),
        ("heldout2", "The envoy criticised the rebel commanders in a radio address."),
        ("heldout2", "Rain fell across the valley all afternoon."),
        ("heldout3", "Our neighbour's dog barked at the postman again lol."),
        ("heldout3", "The prosecutor charged two councillors with taking bribes."),
    ];

    private IReadOnlyList<AnnotatedSentence> Read()
    {
        var lines = Sentences.Select((s, i) =>
            $$"""{"corpus":"gum","doc":"GUM_news_{{s.Split}}","sent":{{i}},"split":"{{s.Split}}","text":"{{s.Text}}","events":[],"note":null}""");
        File.WriteAllText(Path.Combine(_folder, "splits.jsonl"), string.Join('\n', lines) + "\n");
        return EventAnnotations.Read(_folder, null);
    }

    private static string[] TextsOf(params string[] splits) =>
        [.. Sentences.Where(s => splits.Contains(s.Split)).Select(s => s.Text)];

    [Fact]
    public void Read_RecordInSplitHeldout2_IsAcceptedWithItsSplit()
    {
        var sentences = Read();

        Assert.Equal(2, sentences.Count(s => s.Split == "heldout2"));
        Assert.Contains("heldout2", EventAnnotations.Splits);
    }

    [Fact]
    public void InSplit_Dev_ReadsOnlyTheDevSentences()
    {
        var chosen = EventAnnotations.InSplit(Read(), "dev");

        Assert.Equal(TextsOf("dev"), chosen.Select(s => s.Text));
    }

    [Fact]
    public void InSplit_Heldout2_ReadsOnlyTheSecondHeldOutSentences()
    {
        var chosen = EventAnnotations.InSplit(Read(), "heldout2");

        Assert.Equal(TextsOf("heldout2"), chosen.Select(s => s.Text));
    }

    [Fact]
    public void InSplit_All_ReadsEverySplitButHeldout2AndHeldout3()
    {
        var chosen = EventAnnotations.InSplit(Read(), "all");

        Assert.Equal(TextsOf("train", "dev", "heldout"), chosen.Select(s => s.Text));
    }

    [Fact]
    public void Read_RecordInSplitHeldout3_IsAcceptedWithItsSplit()
    {
        var sentences = Read();

        Assert.Equal(2, sentences.Count(s => s.Split == EventAnnotations.ThirdHeldOut));
        Assert.Contains(EventAnnotations.ThirdHeldOut, EventAnnotations.Splits);
    }

    [Fact]
    public void InSplit_Heldout3_ReadsOnlyTheThirdHeldOutSentences()
    {
        var chosen = EventAnnotations.InSplit(Read(), "heldout3");

        Assert.Equal(TextsOf("heldout3"), chosen.Select(s => s.Text));
    }

    [Fact]
    public void InSplit_DevOrAll_NeverReadsAHeldout3Sentence()
    {
        var records = Read();

        Assert.DoesNotContain(EventAnnotations.InSplit(records, "dev"), s => s.Split == EventAnnotations.ThirdHeldOut);
        Assert.DoesNotContain(EventAnnotations.InSplit(records, "all"), s => s.Split == EventAnnotations.ThirdHeldOut);
        Assert.DoesNotContain(EventAnnotations.InSplit(records, "train"), s => s.Split == EventAnnotations.ThirdHeldOut);
    }

    [Fact]
    public void TriggerModelTrainer_RecordsOfEverySplit_AnalysesOnlyTrainAndDevSentences()
    {
        var analysed = new List<string>();
        var sentences = Read();

        try
        {
            TriggerModelTrainer.Train(sentences, EventFixture.Lexicon, text => { analysed.Add(text); return EventFixture.Parse(text); }, Path.Combine(_folder, "trigger.tsv"), TextWriter.Null);
        }
        catch (InvalidOperationException)
        {
            // Six sentences may give too few examples to fit; which sentences were read is what is tested.
        }

        Assert.Equal(TextsOf("train", "dev").Order(StringComparer.Ordinal), analysed.Distinct().Order(StringComparer.Ordinal));
    }

    [Fact]
    public void EventScorerTrainer_RecordsOfEverySplit_AnalysesOnlyTrainAndDevSentences()
    {
        var analysed = new List<string>();
        var sentences = Read();

        // Unanalysed documents hold no candidate event, so training stops with "no training examples" after reading.
        var e = Assert.Throws<InvalidOperationException>(() => EventScorerTrainer.Train(sentences, null,
            (text, _) => { analysed.Add(text); return new Dossier.Core.Documents.Document(text, new Dossier.Core.Documents.DocumentMetadata(null, "test", null)); },
            Path.Combine(_folder, "scorer.tsv"), TextWriter.Null));

        Assert.Contains("no training examples", e.Message, StringComparison.Ordinal);
        Assert.Equal(TextsOf("train", "dev").Order(StringComparer.Ordinal), analysed.Distinct().Order(StringComparer.Ordinal));
    }
}
