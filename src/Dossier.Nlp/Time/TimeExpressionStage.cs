using System.Collections.Immutable;
using Dossier.Core.Documents;
using Dossier.Core.Pipeline;

namespace Dossier.Nlp.Time;

/// <summary>Settings of <see cref="TimeExpressionStage"/>.</summary>
public sealed record TimeExpressionOptions
{
    /// <summary>The date relative expressions are resolved against when the document has none; null leaves them unresolved.</summary>
    public DateOnly? FallbackAnchor { get; init; }

    /// <summary>Anchor to use instead of <see cref="DocumentMetadata.Published"/> (evaluation, replays).</summary>
    public DateOnly? AnchorOverride { get; init; }

    public static TimeExpressionOptions Default { get; } = new();
}

/// <summary>
/// Finds TIMEX3 expressions (DATE, TIME, DURATION, SET) in the tokens of each sentence and
/// normalises them against the publication date: "on Thursday" in a past-tense sentence is the
/// Thursday before publication, in a future one the next; "last week" is an ISO week; "two-hour"
/// is PT2H. Values that cannot be resolved are null, never guessed; without a publication date
/// only absolute expressions, durations, sets and PRESENT_REF/PAST_REF/FUTURE_REF get values.
/// Uses token Xpos tags when a syntax stage has run, else word cues. Stateless and thread-safe.
/// </summary>
public sealed class TimeExpressionStage : IStage
{
    private readonly TimeExpressionOptions _options;

    public TimeExpressionStage()
        : this(TimeExpressionOptions.Default)
    {
    }

    public TimeExpressionStage(TimeExpressionOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
    }

    public string Name => "times";

    /// <inheritdoc/>
    public Layers Needs => Layers.Tokens;

    /// <inheritdoc/>
    public Layers Uses => Layers.Syntax;

    /// <inheritdoc/>
    public Layers Adds => Layers.Times;

    public Document Process(Document document)
    {
        ArgumentNullException.ThrowIfNull(document);
        if (document.Tokens.IsDefaultOrEmpty || document.Sentences.IsDefaultOrEmpty) return document with { Times = [] };
        var anchor = _options.AnchorOverride ?? document.Metadata.Published ?? _options.FallbackAnchor;
        var times = ImmutableArray.CreateBuilder<TimeExpression>();
        for (var s = 0; s < document.Sentences.Length; s++)
        {
            var sentence = document.Sentences[s];
            if (sentence.TokenCount <= 0) continue;
            var recognizer = new TimexRecognizer(document, sentence, anchor, MentionsQuarter(document, s - 2, s - 1));
            foreach (var m in recognizer.Run())
            {
                var first = document.Tokens[sentence.FirstToken + m.First];
                var last = document.Tokens[sentence.FirstToken + m.End - 1];
                times.Add(new TimeExpression(document.Slice(first.Start, last.End), m.Type, m.Value, first.Start, last.End, s));
            }
        }

        return document with { Times = times.ToImmutable() };
    }

    /// <summary>True when sentences <paramref name="from"/>..<paramref name="to"/> talk about a quarter (results reporting).</summary>
    private static bool MentionsQuarter(Document document, int from, int to)
    {
        for (var s = Math.Max(0, from); s <= to && s < document.Sentences.Length; s++)
        {
            foreach (var token in document.TokensOf(document.Sentences[s]))
            {
                if (token.End - token.Start == 7 && document.Text.AsSpan(token.Start, 7).Equals("quarter", StringComparison.OrdinalIgnoreCase)) return true;
            }
        }

        return false;
    }
}
