using Dossier.Core.Documents;
using Dossier.Nlp.Time;
using Dossier.Nlp.Tokenization;
using Dossier.Testing;

namespace Dossier.Nlp.Tests.Time;

/// <summary>Runs the real tokenizer and the time stage on a text, checks the offsets, returns the times.</summary>
internal static class TimeTestHelper
{
    /// <summary>Friday 17 October 2025.</summary>
    public static readonly DateOnly Friday = new(2025, 10, 17);

    /// <summary>Tuesday 3 March 2026.</summary>
    public static readonly DateOnly Tuesday = new(2026, 3, 3);

    private static readonly TokenizationStage Tokens = new();
    private static readonly TimeExpressionStage Stage = new();

    public static Document Process(string text, DateOnly? anchor)
    {
        var doc = Stage.Process(Tokens.Process(new Document(text, new DocumentMetadata(null, "test", anchor))));
        OffsetAssert.Valid(doc);
        return doc;
    }

    public static TimeExpression[] Times(string text, DateOnly? anchor) => [.. Process(text, anchor).Times];

    /// <summary>The single expression whose text is <paramref name="span"/>.</summary>
    public static TimeExpression Find(string text, DateOnly? anchor, string span)
    {
        var times = Times(text, anchor);
        var match = times.Where(t => t.Text == span).ToArray();
        Assert.True(match.Length == 1, $"expected one \"{span}\" in [{string.Join(" | ", times.Select(t => $"{t.Text}:{t.Type}:{t.Value}"))}]");
        return match[0];
    }

    public static void Expect(string text, DateOnly? anchor, string span, string type, string? value)
    {
        var t = Find(text, anchor, span);
        Assert.Equal(type, t.Type);
        Assert.Equal(value, t.Value);
    }
}
