namespace Dossier.Core.Documents;

/// <summary>
/// One token: a half-open character range in the document text, the sentence it belongs to,
/// and the syntax layer (empty until a syntax stage fills it).
/// </summary>
/// <param name="Start">First UTF-16 offset of the token.</param>
/// <param name="End">Offset just past the token.</param>
/// <param name="Sentence">Index in <see cref="Document.Sentences"/> of the sentence that contains the token.</param>
public sealed record Token(int Start, int End, int Sentence)
{
    /// <summary>Universal POS tag, or null before tagging.</summary>
    public string? Upos { get; init; }

    /// <summary>Penn Treebank tag, or null before tagging.</summary>
    public string? Xpos { get; init; }

    /// <summary>The dictionary form (<c>said</c> → <c>say</c>), or null before tagging.</summary>
    public string? Lemma { get; init; }

    /// <summary>Index (within the document's token list) of the syntactic head; -1 for the root or before parsing.</summary>
    public int Head { get; init; } = -1;

    /// <summary>Universal Dependencies relation to the head, or null before parsing.</summary>
    public string? Relation { get; init; }

    /// <summary>The character range <c>[Start, End)</c>.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><see cref="Start"/> is negative or <see cref="End"/> is before it.</exception>
    public TextSpan Span => new(Start, End);
}
