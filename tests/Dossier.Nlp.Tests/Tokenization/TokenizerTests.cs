using Dossier.Nlp.Tokenization;
using static Dossier.Nlp.Tests.Tokenization.TokenizationTestHelper;

namespace Dossier.Nlp.Tests.Tokenization;

public class TokenizerTests
{
    [Theory]
    [InlineData("Mr. Smith went to Washington.", "Mr.|Smith|went|to|Washington|.")]
    [InlineData("He met Gen. Mattis on Jan. 5.", "He|met|Gen.|Mattis|on|Jan.|5|.")]
    [InlineData("Dr. Jones and Mrs. Brown, e.g. the staff, left.", "Dr.|Jones|and|Mrs.|Brown|,|e.g.|the|staff|,|left|.")]
    [InlineData("The U.S. Army said so.", "The|U.S.|Army|said|so|.")]
    [InlineData("Apples, pears, etc. are fruit.", "Apples|,|pears|,|etc.|are|fruit|.")]
    public void Tokenize_DottedAbbreviation_KeepsOneToken(string text, string expected)
    {
        Assert.Equal(expected, Joined(text));
    }

    [Theory]
    [InlineData("They are taking delivery in the U.S.", "They|are|taking|delivery|in|the|U.S|.")]
    [InlineData("Pens, pencils, etc. The rest is paper.", "Pens|,|pencils|,|etc|.|The|rest|is|paper|.")]
    [InlineData("It was bought by Acme Inc. The deal closed.", "It|was|bought|by|Acme|Inc|.|The|deal|closed|.")]
    public void Tokenize_AbbreviationEndingSentence_SplitsPeriodTheUdWay(string text, string expected)
    {
        Assert.Equal(expected, Joined(text));
    }

    [Fact]
    public void Tokenize_Initials_KeepTheirPeriods()
    {
        Assert.Equal("J.|R.|R.|Tolkien|wrote|it|.", Joined("J. R. R. Tolkien wrote it."));
        Assert.Equal("George|W.|Bush|spoke|.", Joined("George W. Bush spoke."));
    }

    [Fact]
    public void Tokenize_NumberAbbreviation_KeepsPeriodOnlyBeforeNumber()
    {
        Assert.Equal("See|No.|5|.", Joined("See No. 5."));
        Assert.Equal("He|said|No|.", Joined("He said No."));
    }

    [Theory]
    [InlineData("It rose 2.5 percent to 1,000,000 units.", "It|rose|2.5|percent|to|1,000,000|units|.")]
    [InlineData("At 5:30 the score was 3,4.", "At|5:30|the|score|was|3,4|.")]
    [InlineData("It fell 10% on 9/11.", "It|fell|10|%|on|9/11|.")]
    public void Tokenize_Numbers_StayWhole(string text, string expected)
    {
        Assert.Equal(expected, Joined(text));
    }

    [Theory]
    [InlineData("It cost $2.5 million.", "It|cost|$|2.5|million|.")]
    [InlineData("A £600m deal.", "A|£|600|m|deal|.")]
    [InlineData("Fees of €30 and ¥1,000.", "Fees|of|€|30|and|¥|1,000|.")]
    [InlineData("Meet at 5pm or 10:30am.", "Meet|at|5|pm|or|10:30|am|.")]
    public void Tokenize_CurrencyAndUnits_SplitTheUdWay(string text, string expected)
    {
        Assert.Equal(expected, Joined(text));
    }

    [Theory]
    [InlineData("a two-hour meeting", "a|two|-|hour|meeting")]
    [InlineData("the Soviet-era tanks", "the|Soviet|-|era|tanks")]
    [InlineData("a 15-year-old boy", "a|15|-|year|-|old|boy")]
    public void Tokenize_HyphenatedCompound_SplitsAtHyphen(string text, string expected)
    {
        Assert.Equal(expected, Joined(text));
    }

    [Theory]
    [InlineData("Send an e-mail now", "Send|an|e-mail|now")]
    [InlineData("a non-profit and anti-war group", "a|non-profit|and|anti-war|group")]
    [InlineData("They re-elected co-workers", "They|re-elected|co-workers")]
    [InlineData("Call 713-853-3989 or 345-9945", "Call|713-853-3989|or|345-9945")]
    public void Tokenize_PrefixHyphenOrPhoneNumber_StaysWhole(string text, string expected)
    {
        Assert.Equal(expected, Joined(text));
    }

    [Fact]
    public void Tokenize_NumberRange_SplitsAtHyphen()
    {
        Assert.Equal("from|1969|-|1970|and|5|-|10", Joined("from 1969-1970 and 5-10"));
    }

    [Theory]
    [InlineData("He said \"no\" today.", "He|said|\"|no|\"|today|.")]
    [InlineData("He said “no” and ‘yes’.", "He|said|“|no|”|and|‘|yes|’|.")]
    [InlineData("(See below) [sic] {x}", "(|See|below|)|[|sic|]|{|x|}")]
    public void Tokenize_Quotes_AreSeparateTokens(string text, string expected)
    {
        Assert.Equal(expected, Joined(text));
    }

    [Theory]
    [InlineData("Peace—at last—came.", "Peace|—|at|last|—|came|.")]
    [InlineData("Pages 3–4 and 1990 – 1995", "Pages|3|–|4|and|1990|–|1995")]
    [InlineData("Wait--what?", "Wait|--|what|?")]
    public void Tokenize_Dashes_AreSeparateTokens(string text, string expected)
    {
        Assert.Equal(expected, Joined(text));
    }

    [Theory]
    [InlineData("See http://www.example.com/a?b=c&d=1.", "See|http://www.example.com/a?b=c&d=1|.")]
    [InlineData("Visit www.bbc.co.uk/news today", "Visit|www.bbc.co.uk/news|today")]
    [InlineData("(https://x.org/path_(1))", "(|https://x.org/path_(1)|)")]
    [InlineData("Mail jane.doe@example.co.uk, please.", "Mail|jane.doe@example.co.uk|,|please|.")]
    [InlineData("<bob@enron.com>", "<|bob@enron.com|>")]
    public void Tokenize_UrlAndEmail_StayOneToken(string text, string expected)
    {
        Assert.Equal(expected, Joined(text));
    }

    [Theory]
    [InlineData("Bush's plan", "Bush|'s|plan")]
    [InlineData("the parents' car", "the|parents|'|car")]
    [InlineData("Bush’s plan", "Bush|’s|plan")]
    [InlineData("they're here and we'll go", "they|'re|here|and|we|'ll|go")]
    [InlineData("I'm sure I've seen what you'd do", "I|'m|sure|I|'ve|seen|what|you|'d|do")]
    [InlineData("don't", "do|n't")]
    [InlineData("I can't and won't", "I|ca|n't|and|wo|n't")]
    [InlineData("it isn’t", "it|is|n’t")]
    [InlineData("O'Brien's dog", "O'Brien|'s|dog")]
    public void Tokenize_Clitics_SplitTheUdWay(string text, string expected)
    {
        Assert.Equal(expected, Joined(text));
    }

    [Theory]
    [InlineData("the Lakers 's coach", "the|Lakers|'s|coach")]
    [InlineData("they 're here , we 'll go", "they|'re|here|,|we|'ll|go")]
    [InlineData("I 'm sure you 'd do it", "I|'m|sure|you|'d|do|it")]
    [InlineData("he said 'so what' and left", "he|said|'|so|what|'|and|left")]
    [InlineData("the 'sole' survivor", "the|'|sole|'|survivor")]
    public void Tokenize_CliticWrittenApart_IsOneToken(string text, string expected)
    {
        Assert.Equal(expected, Joined(text));
    }

    [Theory]
    [InlineData("batting .312 this year", "batting|.312|this|year")]
    [InlineData("a .45 pistol", "a|.45|pistol")]
    [InlineData("It ended. 45 people left", "It|ended|.|45|people|left")]
    [InlineData("see file .txt now", "see|file|.|txt|now")]
    public void Tokenize_DecimalWithoutLeadingZero_IsOneToken(string text, string expected)
    {
        Assert.Equal(expected, Joined(text));
    }

    [Theory]
    [InlineData("I cannot go", "I|can|not|go")]
    [InlineData("we're gonna win", "we|'re|gon|na|win")]
    [InlineData("I wanna know", "I|wan|na|know")]
    [InlineData("i dont know", "i|do|nt|know")]
    [InlineData("its a trap but its tail moved", "it|s|a|trap|but|its|tail|moved")]
    public void Tokenize_ContractionWithoutApostrophe_SplitsLikeEwt(string text, string expected)
    {
        Assert.Equal(expected, Joined(text));
    }

    [Theory]
    [InlineData("Wow!!! Really?!", "Wow|!!!|Really|?!")]
    [InlineData("Well... maybe.", "Well|...|maybe|.")]
    [InlineData("Nice :) and :-( too ;-)", "Nice|:)|and|:-(|too|;-)")]
    public void Tokenize_PunctuationRuns_AreSingleTokens(string text, string expected)
    {
        Assert.Equal(expected, Joined(text));
    }

    [Fact]
    public void Tokenize_EmojiAndSurrogatePairs_AreWholeTokens()
    {
        // Thumbs up with a skin tone, a family joined by ZWJs, and a flag.
        var text = "Great 👍🏽 family 👨‍👩‍👧 flag 🇺🇸!";
        Assert.Equal(["Great", "👍🏽", "family", "👨‍👩‍👧", "flag", "🇺🇸", "!"], Tokens(text));
    }

    [Fact]
    public void Tokenize_NonLatinWords_StayWhole()
    {
        Assert.Equal("Der|Müller|und|naïve|Zürich|,|Москва|.", Joined("Der Müller und naïve Zürich, Москва."));
    }

    [Fact]
    public void Tokenize_Spans_AreHalfOpenOffsetsIntoTheText()
    {
        var spans = Tokenizer.Tokenize("  Hi,  you.\n");
        Assert.Equal([(2, 4), (4, 5), (7, 10), (10, 11)], spans.Select(s => (s.Start, s.End)));
    }

    [Fact]
    public void Tokenize_EmptyAndWhitespace_GiveNoTokens()
    {
        Assert.Empty(Tokenizer.Tokenize(""));
        Assert.Empty(Tokenizer.Tokenize(" \t\r\n\u00A0\u200B "));
        Assert.Empty(Process("").Sentences);
        Assert.Empty(Process(" \n\n ").Sentences);
    }
}
