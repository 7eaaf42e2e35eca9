using static Dossier.Nlp.Tests.Tokenization.TokenizationTestHelper;

namespace Dossier.Nlp.Tests.Tokenization;

public class SentenceSplitterTests
{
    [Fact]
    public void Split_TerminalPunctuation_EndsSentences()
    {
        Assert.Equal(["It rained.", "Did it?", "Yes!", "2 people came."], Sentences("It rained. Did it? Yes! 2 people came."));
    }

    [Fact]
    public void Split_AfterAbbreviationsAndInitials_DoesNotBreak()
    {
        Assert.Equal(
            ["Mr. Smith met Gen. J. R. Allen at 5 p.m. on Jan. 5 in the U.S. Army base.", "It went well."],
            Sentences("Mr. Smith met Gen. J. R. Allen at 5 p.m. on Jan. 5 in the U.S. Army base. It went well."));
    }

    [Fact]
    public void Split_AbbreviationEndingSentence_Breaks()
    {
        Assert.Equal(["They live in the U.S.", "The rest moved."], Sentences("They live in the U.S. The rest moved."));
    }

    [Fact]
    public void Split_ClosingQuotesAndBrackets_StayWithSentence()
    {
        Assert.Equal(["He said, \"Go home.\"", "(She did.)", "“Fine.”", "Then it ended."],
            Sentences("He said, \"Go home.\" (She did.) “Fine.” Then it ended."));
    }

    [Fact]
    public void Split_QuoteFollowedByLowerCase_ContinuesSentence()
    {
        Assert.Equal(["\"Is it over?\" asked Bush.", "Nobody knew."], Sentences("\"Is it over?\" asked Bush. Nobody knew."));
    }

    [Fact]
    public void Split_Ellipsis_BreaksOnlyBeforeCapital()
    {
        Assert.Equal(["Well... maybe not.", "Ellipsis...", "Then more."], Sentences("Well... maybe not. Ellipsis... Then more."));
    }

    [Fact]
    public void Split_BlankLine_EndsSentenceWithoutPunctuation()
    {
        Assert.Equal(["Storm hits coast", "Thousands fled on Monday."], Sentences("Storm hits coast\n\nThousands fled on Monday."));
    }

    [Fact]
    public void Split_HeadlineLine_EndsSentence()
    {
        Assert.Equal(["Storm hits coast", "Thousands fled on Monday.", "More are expected."],
            Sentences("Storm hits coast\nThousands fled on Monday.\nMore are expected."));
    }

    [Fact]
    public void Split_HardWrappedLines_AreJoined()
    {
        var text = "The committee said on Tuesday that it would examine the proposal carefully\nand report back to the full council before the end of the month.\nNo date was set.";
        Assert.Equal(
            ["The committee said on Tuesday that it would examine the proposal carefully\nand report back to the full council before the end of the month.", "No date was set."],
            Sentences(text));
    }

    [Fact]
    public void Split_LineEndingInComma_ContinuesSentence()
    {
        Assert.Equal(["Officials said,\nThe plan works."], Sentences("Officials said,\nThe plan works."));
    }

    [Fact]
    public void Split_NumberedListItem_IsNotItsOwnSentence()
    {
        Assert.Equal(["1. The first point.", "2. The second point."], Sentences("1. The first point. 2. The second point."));
    }

    [Fact]
    public void Split_LowerCaseAfterPeriod_StartsSentence()
    {
        Assert.Equal(["i went home.", "it was late."], Sentences("i went home. it was late."));
    }

    [Fact]
    public void Split_TextWithoutTerminal_IsOneSentence()
    {
        var sentences = Sentences("no punctuation at all here");
        Assert.Equal(["no punctuation at all here"], sentences);
    }
}
