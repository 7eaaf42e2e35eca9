using System.Collections.Immutable;

namespace Dossier.Core.Documents;

/// <summary>
/// A news report and everything the pipeline has learned about it. The <see cref="Text"/> never
/// changes after ingest; every layer points into it by half-open UTF-16 offsets. Stages add layers
/// with <c>with</c> expressions and never rewrite the layers of earlier stages.
/// Instances are immutable and safe to share across threads.
/// </summary>
public sealed record Document
{
    /// <param name="text">The text that all offsets index.</param>
    /// <param name="metadata">Title, source and date.</param>
    /// <param name="language">ISO 639-1 code of the detected language, or null when undetermined.</param>
    public Document(string text, DocumentMetadata metadata, string? language = "en")
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(metadata);
        Text = text;
        Metadata = metadata;
        Language = language;
        Id = DocumentId.Compute(metadata.Title, text);
    }

    /// <summary>Stable identifier: a hash of the normalised title and text (see <see cref="DocumentId"/>).</summary>
    public string Id { get; }

    public string Text { get; }

    /// <summary>Fixed at construction: the id depends on the title.</summary>
    public DocumentMetadata Metadata { get; }

    public string? Language { get; init; }

    /// <summary>Only English documents are analysed; others are stored and flagged.</summary>
    public bool IsEnglish => Language == "en";

    public ImmutableArray<Sentence> Sentences { get; init; } = [];

    public ImmutableArray<Token> Tokens { get; init; } = [];

    /// <summary>
    /// The name finder's layer: one entity per name mention (ids <c>e1</c>, <c>e2</c> … in text order), as the
    /// entities stage found them. Coreference reads it and adds <see cref="Entities"/>; it is an analysis layer,
    /// not part of the <c>dossier/1</c> JSON or the store.
    /// </summary>
    public ImmutableArray<Entity> Names { get; init; } = [];

    /// <summary>One entity per actor or thing, with every mention that refers to it (the coreference stage's layer).</summary>
    public ImmutableArray<Entity> Entities { get; init; } = [];

    public ImmutableArray<TimeExpression> Times { get; init; } = [];

    public ImmutableArray<ValueMention> Values { get; init; } = [];

    public ImmutableArray<Event> Events { get; init; } = [];

    /// <summary>The text of a span of this document.</summary>
    public string Slice(int start, int end) => Text[start..end];

    /// <summary>The text of a token.</summary>
    public string TextOf(Token token) => Text[token.Start..token.End];

    /// <summary>The tokens of one sentence.</summary>
    public ReadOnlySpan<Token> TokensOf(Sentence sentence) => Tokens.AsSpan().Slice(sentence.FirstToken, sentence.TokenCount);
}
