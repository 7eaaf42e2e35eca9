using Dossier.Core.Documents;
using Dossier.Nlp.Tokenization;
using Dossier.Testing;

namespace Dossier.Fuzz.Tests;

/// <summary>
/// Properties of <see cref="TokenizationStage"/> on random text: tokens lie inside the text, are not empty,
/// do not overlap and come in order; each lies in exactly one sentence, the one it names; sentences take
/// the tokens consecutively, all of them; every letter and digit of the text is inside a token.
/// Case counts: see <see cref="FuzzCases"/> (<c>DOSSIER_FUZZ_CASES</c> raises them).
/// </summary>
public sealed class TokenizerPropertyTests
{
    private static readonly TokenizationStage Stage = new();

    [Fact]
    public void Tokenize_RandomUnicodeText_GivesOrderedTokensInsideTheTextAndItsSentences()
    {
        foreach (var seed in FuzzCases.Seeds(0x5EED_0010_0000, FuzzCases.DefaultSmall))
        {
            var text = TextGen.Unicode(new FuzzRandom(seed), 600);
            FuzzCases.Check(seed, text, () => AssertTokenization(text));
        }
    }

    [Fact]
    public void Tokenize_NewsLikeText_GivesOrderedTokensInsideTheTextAndItsSentences()
    {
        foreach (var seed in FuzzCases.Seeds(0x5EED_0011_0000, FuzzCases.DefaultSmall))
        {
            var text = TextGen.NewsText(new FuzzRandom(seed), 12);
            FuzzCases.Check(seed, text, () => AssertTokenization(text));
        }
    }

    [Fact]
    public void Tokenize_VeryLongTokensAndSentencesWithoutPunctuation_GivesOrderedTokensInsideTheText()
    {
        foreach (var seed in FuzzCases.Seeds(0x5EED_0012_0000, 10))
        {
            var r = new FuzzRandom(seed);
            var text = r.Int(3) switch
            {
                0 => TextGen.LongToken(r, r.Between(1_000, 50_000)),
                1 => TextGen.LongSentence(r, r.Between(1_000, 10_000)),
                _ => TextGen.News.Sentence(r) + " " + TextGen.LongToken(r, 20_000) + " " + TextGen.LongSentence(r, 2_000),
            };
            FuzzCases.Check(seed, text, () => AssertTokenization(text));
        }
    }

    [Fact]
    public void Tokenize_EmptyAndBlankText_GivesNoTokensAndNoSentences()
    {
        foreach (var text in new[] { "", " ", "\n\n\t", "\u00A0\u2028\u3000", "\u200B\uFEFF" })
        {
            var document = Stage.Process(new Document(text, new DocumentMetadata(null, "fuzz", null)));
            Assert.Empty(document.Tokens);
            Assert.Empty(document.Sentences);
        }
    }

    private static void AssertTokenization(string text)
    {
        var document = Stage.Process(new Document(text, new DocumentMetadata(null, "fuzz", null)));
        var tokens = document.Tokens;
        var sentences = document.Sentences;
        var previousEnd = 0;
        for (var i = 0; i < tokens.Length; i++)
        {
            var t = tokens[i];
            Assert.True(t.Start >= previousEnd && t.Start < t.End && t.End <= text.Length, $"token {i} [{t.Start}, {t.End}) is empty, outside the text (length {text.Length}) or before the end of the one before ({previousEnd})");
            Assert.InRange(t.Sentence, 0, sentences.Length - 1);
            var s = sentences[t.Sentence];
            Assert.True(s.FirstToken <= i && i < s.FirstToken + s.TokenCount, $"token {i} names sentence {t.Sentence}, which holds tokens [{s.FirstToken}, {s.FirstToken + s.TokenCount})");
            Assert.True(s.Start <= t.Start && t.End <= s.End, $"token {i} [{t.Start}, {t.End}) lies outside its sentence [{s.Start}, {s.End})");
            previousEnd = t.End;
        }

        var next = 0;
        for (var s = 0; s < sentences.Length; s++)
        {
            Assert.True(sentences[s].FirstToken == next && sentences[s].TokenCount > 0, $"sentence {s} holds tokens [{sentences[s].FirstToken}, +{sentences[s].TokenCount}), expected to start at {next} with at least one");
            next += sentences[s].TokenCount;
        }

        Assert.Equal(tokens.Length, next);

        // No letter or digit is dropped: each lies inside a token.
        var covered = new bool[text.Length];
        foreach (var t in tokens)
        {
            covered.AsSpan(t.Start, t.End - t.Start).Fill(true);
        }

        for (var i = 0; i < text.Length; i++)
        {
            Assert.True(covered[i] || !char.IsLetterOrDigit(text[i]), $"the letter or digit '{text[i]}' (U+{(int)text[i]:X4}) at {i} is in no token");
        }

        OffsetAssert.Valid(document);
    }
}
