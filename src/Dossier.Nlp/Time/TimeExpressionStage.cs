using System.Collections.Immutable;
using Dossier.Core.Data;
using Dossier.Core.Documents;
using Dossier.Core.Pipeline;

namespace Dossier.Nlp.Time;

/// <summary>
/// Finds TIMEX3 expressions (DATE, TIME, DURATION, SET) in the tokens of each sentence and
/// normalises them against the publication date: "on Thursday" in a past-tense sentence is the
/// Thursday before publication, in a future one the next; "last week" is an ISO week; "two-hour"
/// is PT2H. Values that cannot be resolved are null, never guessed; without a publication date
/// only absolute expressions, durations, sets and PRESENT_REF/PAST_REF/FUTURE_REF get values.
/// Uses token Xpos tags when a syntax stage has run, else word cues. Stateless and thread-safe.
/// </summary>
/// <remarks>
/// Where each decision is made: which tokens form an expression and its type, <see cref="TimexSpanFinder"/> and
/// its rules (<c>*Spans</c>); past or future, <see cref="TenseCues"/>; the anchor, <see cref="TimeExpressionOptions.AnchorOf"/>;
/// relative dates and other anchor-relative values, <see cref="RelativeDateResolver"/>; date arithmetic and TIMEX3
/// formatting, <see cref="TimexCalendar"/>; the word lists, <see cref="TimeLexicon"/> (<c>models/time/</c>).
/// </remarks>
public sealed class TimeExpressionStage : IStage
{
    private readonly TimeExpressionOptions _options;
    private readonly TimeLexicon _lexicon;

    /// <summary>A stage with default options and the word lists of <c>models/time/</c>.</summary>
    /// <exception cref="DataFileException">A word list is missing or malformed.</exception>
    public TimeExpressionStage()
        : this(TimeExpressionOptions.Default)
    {
    }

    /// <summary>A stage with <paramref name="options"/> and the word lists of <c>models/time/</c>.</summary>
    /// <exception cref="DataFileException">A word list is missing or malformed.</exception>
    public TimeExpressionStage(TimeExpressionOptions options)
        : this(options, TimeLexicon.LoadDefault())
    {
    }

    /// <summary>A stage with <paramref name="options"/> and the word lists in <paramref name="lexicon"/>.</summary>
    public TimeExpressionStage(TimeExpressionOptions options, TimeLexicon lexicon)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(lexicon);
        _options = options;
        _lexicon = lexicon;
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
        var anchor = _options.AnchorOf(document);
        var times = ImmutableArray.CreateBuilder<TimeExpression>();
        for (var s = 0; s < document.Sentences.Length; s++)
        {
            var sentence = document.Sentences[s];
            if (sentence.TokenCount <= 0) continue;
            var readers = TimexSentence.Of(new SentenceWords(document, sentence), _lexicon, anchor);
            var finder = new TimexSpanFinder(readers, MentionsQuarter(document, s - 2, s - 1));
            foreach (var m in finder.Run())
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
