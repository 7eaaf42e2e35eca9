using System.Text;
using Dossier.Core.Documents;
using Dossier.Nlp.Tokenization;
using Dossier.Testing;
using static Dossier.Nlp.Tests.Tokenization.TokenizationTestHelper;

namespace Dossier.Nlp.Tests.Tokenization;

public class TokenizationStageTests
{
    [Fact]
    public void Stage_NameIsTokens()
    {
        Assert.Equal("tokens", new TokenizationStage().Name);
    }

    [Fact]
    public void Process_NewsArticle_FillsTokensAndSentences()
    {
        var doc = Process("Storm hits coast\n\nWASHINGTON (Reuters) - Mr. Biden's aides said on Jan. 5 that the $2.5 million plan \"won't work.\" Others disagreed.\n");
        Assert.Equal(3, doc.Sentences.Length);
        Assert.Equal("Storm hits coast", doc.Slice(doc.Sentences[0].Start, doc.Sentences[0].End));
        Assert.Equal("Others disagreed.", doc.Slice(doc.Sentences[2].Start, doc.Sentences[2].End));
        Assert.Contains("wo", doc.Tokens.Select(doc.TextOf));
        Assert.Contains("n't", doc.Tokens.Select(doc.TextOf));
        Assert.All(doc.Tokens, t => Assert.Equal(t.Sentence, doc.Sentences.Select((s, i) => (s, i)).Single(p => p.s.Span.Contains(t.Span)).i));
    }

    [Fact]
    public void Process_KeepsEarlierLayersAndText()
    {
        var input = new Document("A test. Another one.", new DocumentMetadata("T", "src", null));
        var output = new TokenizationStage().Process(input);
        Assert.Same(input.Text, output.Text);
        Assert.Equal(input.Metadata, output.Metadata);
        Assert.Equal(input.Id, output.Id);
        Assert.Equal(6, output.Tokens.Length);
        Assert.Equal(2, output.Sentences.Length);
    }

    [Fact]
    public void Process_TenThousandCommas_IsFastAndValid()
    {
        var doc = Process(new string(',', 10_000));
        Assert.Single(doc.Tokens);
        Assert.Single(doc.Sentences);
        var spaced = Process(string.Join(" ", Enumerable.Repeat(",", 10_000)));
        Assert.Equal(10_000, spaced.Tokens.Length);
    }

    [Fact]
    public void TokenizeAndSplit_LoneSurrogatesAndControlCharacters_DoNotThrow()
    {
        // Document itself rejects ill-formed UTF-16, so the tokenizer and splitter are checked directly.
        var text = "a\uD800b \uDC00 c\u0000d \u200B\uFEFF e\u0301 \u202Ex \uD83D";
        var spans = Tokenizer.Tokenize(text);
        CheckSpans(text, spans);
        Assert.Equal(["a", "\uD800", "b", "\uDC00", "c", "\u0000", "d", "e\u0301", "\u202E", "x", "\uD83D"], spans.Select(s => text[s.Start..s.End]));
        var sentences = SentenceSplitter.Split(text, spans.ToArray());
        Assert.Equal(spans.Count, sentences.Sum(s => s.TokenCount));
    }

    [Fact]
    public void Process_RandomStrings_KeepInvariants()
    {
        var random = new Random(20251016);
        string[] pieces =
        [
            " ", " ", " ", "\n", "\n\n", "\t", "\r\n", "\u00A0", ".", "...", ",", "!", "?", "'", "’", "\"", "“", "”", "(", ")", "-", "--", "—",
            "$", "£", "%", "@", ":", ";", "/", "&", "#", "Mr.", "U.S.", "J.", "e-mail", "two-hour", "don't", "can't", "Bush's",
            "http://x.com/a", "a@b.com", "2.5", "1,000", "5pm", "gonna", "its", "The", "the", "é", "\u0301", "日本語", "👍🏽",
            "👨‍👩‍👧", "🇺🇸", "\uD83D", "\uDE00", "\u200D", "\uFE0F", "x", "Q", "7", ":)", "'80s", "‘’", "__", "==", "****",
        ];
        var stage = new TokenizationStage();
        var wellFormedSkipped = 0;
        for (var round = 0; round < 2_000; round++)
        {
            var builder = new StringBuilder();
            var count = random.Next(0, 40);
            for (var k = 0; k < count; k++)
            {
                if (random.Next(5) == 0)
                {
                    builder.Append((char)random.Next(0, 0x10000));
                }
                else
                {
                    builder.Append(pieces[random.Next(pieces.Length)]);
                }
            }

            var text = builder.ToString();
            var spans = Tokenizer.Tokenize(text);
            CheckSpans(text, spans);
            var sentences = SentenceSplitter.Split(text, spans.ToArray());
            Assert.Equal(spans.Count, sentences.Sum(s => s.TokenCount));
            if (!IsWellFormed(text))
            {
                wellFormedSkipped++;
                continue;
            }

            var doc = stage.Process(new Document(text, new DocumentMetadata(null, "random", null)));
            OffsetAssert.Valid(doc);
            Assert.Equal(spans.Select(s => (s.Start, s.End)), doc.Tokens.Select(t => (t.Start, t.End)));
            Assert.Equal(doc.Tokens.Length == 0, doc.Sentences.IsEmpty);
        }

        // Most rounds must reach the stage (only those with a lone surrogate are checked below it).
        Assert.InRange(wellFormedSkipped, 0, 1_000);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(" \n\n\t\r\n ")]
    public void Process_EmptyOrWhitespace_GivesNoTokensOrSentences(string text)
    {
        var doc = Process(text);
        Assert.Empty(doc.Tokens);
        Assert.Empty(doc.Sentences);
    }

    /// <summary>Spans in order, non-empty, inside the text, no white space at their edges, no split surrogate pair, every non-space character covered.</summary>
    private static void CheckSpans(string text, List<TextSpan> spans)
    {
        var previousEnd = 0;
        var covered = new bool[text.Length];
        foreach (var token in spans)
        {
            Assert.True(token.Start >= previousEnd && token.End > token.Start && token.End <= text.Length, $"bad span {token} in {Escape(text)}");
            previousEnd = token.End;
            Assert.False(char.IsWhiteSpace(text[token.Start]), $"token starts with white space in {Escape(text)}");
            Assert.False(char.IsWhiteSpace(text[token.End - 1]), $"token ends with white space in {Escape(text)}");
            Assert.False(token.Start > 0 && char.IsLowSurrogate(text[token.Start]) && char.IsHighSurrogate(text[token.Start - 1]), $"token splits a surrogate pair in {Escape(text)}");
            for (var i = token.Start; i < token.End; i++) covered[i] = true;
        }

        for (var i = 0; i < text.Length; i++)
        {
            if (!covered[i])
            {
                Assert.True(char.IsWhiteSpace(text[i]) || text[i] is '\u200B' or '\u2060' or '\uFEFF', $"character {i} U+{(int)text[i]:X4} dropped in {Escape(text)}");
            }
        }
    }

    private static bool IsWellFormed(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1])) i++;
            else if (char.IsSurrogate(text[i])) return false;
        }

        return true;
    }

    private static string Escape(string text) => string.Concat(text.Select(c => c < 128 && !char.IsControl(c) ? c.ToString() : $"\\u{(int)c:X4}"));
}
