namespace Dossier.Core.Documents;

/// <summary>
/// A sentence: its half-open character range and the half-open range of its tokens
/// <c>[FirstToken, FirstToken + TokenCount)</c> in the document's token list.
/// </summary>
/// <param name="Start">First UTF-16 offset of the sentence in <see cref="Document.Text"/>.</param>
/// <param name="End">Offset just past the sentence.</param>
/// <param name="FirstToken">Index in <see cref="Document.Tokens"/> of the sentence's first token.</param>
/// <param name="TokenCount">How many tokens the sentence has; may be 0.</param>
public sealed record Sentence(int Start, int End, int FirstToken, int TokenCount)
{
    /// <summary>The character range <c>[Start, End)</c>.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><see cref="Start"/> is negative or <see cref="End"/> is before it.</exception>
    public TextSpan Span => new(Start, End);

    /// <summary>The index just past the sentence's last token: <c>FirstToken + TokenCount</c>.</summary>
    public int EndToken => FirstToken + TokenCount;

    /// <summary>
    /// True when the sentence ends where a run of text longer than the sentence limit was cut, not where the
    /// writer ended it (a run-on list, a table flattened to text); the next sentence continues the run.
    /// </summary>
    public bool CutAtLimit { get; init; }
}
