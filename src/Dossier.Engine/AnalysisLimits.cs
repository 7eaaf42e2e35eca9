namespace Dossier.Engine;

/// <summary>
/// What one document may cost: a document over <see cref="MaxWords"/> is not analysed, and one whose analysis runs
/// past <see cref="TimeBudget"/> is stopped (between stages); either fails with a one-line reason and the run goes on.
/// </summary>
public sealed record AnalysisLimits
{
    /// <summary>The default word limit, about twenty times a long book chapter: the analysis holds about 2 KB a word
    /// at its peak, so this keeps one document near two gigabytes at the very most.</summary>
    public const int DefaultMaxWords = 1_000_000;

    /// <summary>The default time budget of one document.</summary>
    public static readonly TimeSpan DefaultTimeBudget = TimeSpan.FromMinutes(2);

    /// <summary>The limits used when none are given.</summary>
    public static AnalysisLimits Default { get; } = new();

    /// <summary>The most words (runs of characters between white space) a document may have to be analysed.</summary>
    public int MaxWords { get; init; } = DefaultMaxWords;

    /// <summary>How long the analysis of one document may run.</summary>
    public TimeSpan TimeBudget { get; init; } = DefaultTimeBudget;

    /// <summary>The words of <paramref name="text"/>: runs of characters between white space.</summary>
    public static int CountWords(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var words = 0;
        var inWord = false;
        foreach (var c in text)
        {
            var space = char.IsWhiteSpace(c);
            if (!space && !inWord) words++;
            inWord = !space;
        }

        return words;
    }
}
