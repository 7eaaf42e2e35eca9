using Dossier.Core.Documents;

namespace Dossier.Nlp.Time;

/// <summary>Settings of <see cref="TimeExpressionStage"/>.</summary>
public sealed record TimeExpressionOptions
{
    /// <summary>The date relative expressions are resolved against when the document has none; null leaves them unresolved.</summary>
    public DateOnly? FallbackAnchor { get; init; }

    /// <summary>Anchor to use instead of <see cref="DocumentMetadata.Published"/> (evaluation, replays).</summary>
    public DateOnly? AnchorOverride { get; init; }

    /// <summary>No override, no fallback: the publication date or nothing.</summary>
    public static TimeExpressionOptions Default { get; } = new();

    /// <summary>The anchor of <paramref name="document"/>: the override, else its publication date, else the fallback.</summary>
    public DateOnly? AnchorOf(Document document) => AnchorOverride ?? document.Metadata.Published ?? FallbackAnchor;
}
