namespace Dossier.Core.Documents;

/// <summary>
/// A sentence: its half-open character range and the half-open range of its tokens
/// <c>[FirstToken, FirstToken + TokenCount)</c> in the document's token list.
/// </summary>
public sealed record Sentence(int Start, int End, int FirstToken, int TokenCount)
{
    public TextSpan Span => new(Start, End);

    public int EndToken => FirstToken + TokenCount;
}
