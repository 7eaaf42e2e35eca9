using Dossier.Nlp.Tokenization;
using Dossier.Testing;
using static Dossier.Nlp.Tests.Tokenization.TokenizationTestHelper;

namespace Dossier.Nlp.Tests.Tokenization;

public class SentenceLimitTests
{
    [Fact]
    public void Process_RunWithoutPunctuationOverTheLimit_IsCutIntoRecordedPiecesWithinTheLimit()
    {
        var text = string.Join(' ', Enumerable.Range(0, 1000).Select(i => "word" + (i % 7)));

        var document = Process(text);

        OffsetAssert.Valid(document);
        Assert.Equal(3, document.Sentences.Length);
        Assert.All(document.Sentences, s => Assert.True(s.TokenCount <= SentenceSplitter.MaxTokens));
        Assert.Equal([true, true, false], document.Sentences.Select(s => s.CutAtLimit));
        Assert.Equal(1000, document.Sentences.Sum(s => s.TokenCount));
    }

    [Fact]
    public void Process_LongRunWithCommas_IsCutRightAfterTheLastCommaOfThePiece()
    {
        // Clauses of nine words and a comma: ten tokens each, so a comma ends every tenth token.
        var clause = "the talks went on and on without an end ,";
        var text = string.Join(' ', Enumerable.Repeat(clause, 60));

        var document = Process(text);

        var first = document.Sentences[0];
        Assert.True(first.CutAtLimit);
        Assert.Equal(",", document.Text[(first.End - 1)..first.End]);
        Assert.True(first.TokenCount > SentenceSplitter.MaxTokens / 2);
    }

    [Fact]
    public void Process_OrdinarySentences_AreNotMarkedAsCut()
    {
        var document = Process("The ministers met in Geneva. They agreed to meet again.");

        Assert.All(document.Sentences, s => Assert.False(s.CutAtLimit));
    }
}
