using Dossier.Core.Documents;
using Dossier.Extraction.Events;

namespace Dossier.Extraction.Tests.Events;

public class EventEvidenceTests
{
    [Fact]
    public void Analyse_ShortSentence_EvidenceIsTheSentenceAndItsOffsets()
    {
        var doc = EventFixture.Analyse("The minister met the ambassador in Paris.");

        var e = Assert.Single(doc.Events);
        var sentence = doc.Sentences[e.Sentence];
        Assert.Equal(doc.Slice(sentence.Start, sentence.End), e.Evidence);
        Assert.Equal(sentence.Start, e.EvidenceStart);
        Assert.Equal(sentence.End, e.EvidenceEnd);
    }

    [Fact]
    public void Analyse_SentenceLongerThanTheCap_EvidenceIsAWindowAroundTheTrigger()
    {
        var padding = string.Join(' ', Enumerable.Repeat("quietly", 150));
        var text = $"After {padding} the minister met the ambassador in Paris while {padding} continued.";

        var doc = EventFixture.Analyse(text);

        var e = Assert.Single(doc.Events, e => e.Trigger.Text == "met");
        Assert.True(e.Evidence.Length <= Event.MaxEvidenceLength, $"{e.Evidence.Length} characters");
        Assert.Contains("the minister met the ambassador", e.Evidence, StringComparison.Ordinal);
        Assert.StartsWith("\u2026", e.Evidence, StringComparison.Ordinal);
        Assert.EndsWith("\u2026", e.Evidence, StringComparison.Ordinal);
        Assert.Equal(0, e.EvidenceStart);
        Assert.Equal(text.Length, e.EvidenceEnd);
    }

    [Fact]
    public void Text_TriggerNearTheStart_WindowStartsAtTheSentenceWithoutAMark()
    {
        var text = "Talks " + new string('x', 3000);

        var evidence = EventEvidence.Text(text, 0, text.Length, 0, 5);

        Assert.StartsWith("Talks", evidence, StringComparison.Ordinal);
        Assert.EndsWith("\u2026", evidence, StringComparison.Ordinal);
        Assert.True(evidence.Length <= Event.MaxEvidenceLength);
    }
}
