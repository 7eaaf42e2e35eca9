using Dossier.Core.Documents;
using Xunit;

namespace Dossier.Testing;

/// <summary>
/// The offsets invariant every stage's tests check on its output: spans in bounds, never
/// backwards, tokens in order without overlap, each token inside its sentence, sentences in order,
/// token ranges of sentences contiguous, and every later layer pointing at text that says what it claims.
/// </summary>
public static class OffsetAssert
{
    public static void Valid(Document document)
    {
        var length = document.Text.Length;
        var tokens = document.Tokens;
        var previousEnd = 0;
        for (var i = 0; i < tokens.Length; i++)
        {
            var t = tokens[i];
            InBounds(t.Start, t.End, length, $"token {i}");
            Assert.True(t.End > t.Start, $"token {i} {t.Span} is empty");
            Assert.True(t.Start >= previousEnd, $"token {i} {t.Span} overlaps or goes back before offset {previousEnd}");
            Assert.InRange(t.Sentence, 0, Math.Max(0, document.Sentences.Length - 1));
            Assert.InRange(t.Head, -1, tokens.Length - 1);
            previousEnd = t.End;
        }

        var nextToken = 0;
        previousEnd = 0;
        for (var s = 0; s < document.Sentences.Length; s++)
        {
            var sentence = document.Sentences[s];
            InBounds(sentence.Start, sentence.End, length, $"sentence {s}");
            Assert.True(sentence.Start >= previousEnd, $"sentence {s} {sentence.Span} overlaps the one before");
            Assert.True(sentence.FirstToken == nextToken, $"sentence {s} starts at token {sentence.FirstToken}, expected {nextToken}");
            Assert.True(sentence.TokenCount > 0, $"sentence {s} has no tokens");
            foreach (var token in document.TokensOf(sentence))
            {
                Assert.True(sentence.Span.Contains(token.Span), $"token {token.Span} lies outside sentence {s} {sentence.Span}");
                Assert.Equal(s, token.Sentence);
            }

            nextToken = sentence.EndToken;
            previousEnd = sentence.End;
        }

        Assert.True(document.Sentences.IsEmpty || nextToken == tokens.Length, "some tokens belong to no sentence");

        foreach (var entity in document.Entities)
        {
            foreach (var m in entity.Mentions)
            {
                Slice(document, m.Start, m.End, m.Text, $"mention of {entity.Id}");
            }
        }

        foreach (var t in document.Times)
        {
            Slice(document, t.Start, t.End, t.Text, "time");
        }

        foreach (var v in document.Values)
        {
            Slice(document, v.Start, v.End, v.Text, "value");
        }

        foreach (var e in document.Events)
        {
            Slice(document, e.Trigger.Start, e.Trigger.End, e.Trigger.Text, $"trigger of {e.Id}");
        }
    }

    private static void InBounds(int start, int end, int length, string what)
    {
        Assert.True(start >= 0 && start <= end && end <= length, $"{what} [{start}, {end}) is out of bounds for text of length {length}");
    }

    private static void Slice(Document document, int start, int end, string text, string what)
    {
        InBounds(start, end, document.Text.Length, what);
        Assert.True(document.Text[start..end] == text, $"{what} [{start}, {end}) reads \"{document.Text[start..end]}\", not \"{text}\"");
    }
}
