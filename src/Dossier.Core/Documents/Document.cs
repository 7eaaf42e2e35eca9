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
    /// <summary>A document with its text and metadata and no analysis layers; computes <see cref="Id"/>.</summary>
    /// <param name="text">The text that all offsets index.</param>
    /// <param name="metadata">Title, source and date.</param>
    /// <param name="language">ISO 639-1 code of the detected language, or null when undetermined.</param>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> or <paramref name="metadata"/> is null.</exception>
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

    /// <summary>The report's text as read; every offset in every layer is a half-open UTF-16 range into it.</summary>
    public string Text { get; }

    /// <summary>Fixed at construction: the id depends on the title.</summary>
    public DocumentMetadata Metadata { get; }

    /// <summary>ISO 639-1 code of the detected language (<c>en</c>), or null when undetermined.</summary>
    public string? Language { get; init; }

    /// <summary>
    /// Whether <see cref="Language"/> is exactly <c>en</c> (ordinal: not <c>EN</c> or <c>en-GB</c>). Only English
    /// documents are analysed; others are stored and flagged.
    /// </summary>
    public bool IsEnglish => Language == "en";

    /// <summary>
    /// What the report is about: one of <see cref="Labels.DocumentTopics.All"/> (the topic stage's layer), or null before it
    /// runs. Events of sport and entertainment reports carry it as their <see cref="Event.Domain"/>.
    /// </summary>
    public string? Topic { get; init; }

    /// <summary>
    /// The sentences in text order (the tokens stage's layer); empty before it runs. The <c>Sentence</c> index of
    /// tokens, mentions, times, values and events points into this list.
    /// </summary>
    public ImmutableArray<Sentence> Sentences { get; init; } = [];

    /// <summary>
    /// The tokens in text order (the tokens stage's layer, which the syntax stage fills in); empty before it runs.
    /// Token indexes (<see cref="Token.Head"/>, <see cref="Sentence.FirstToken"/>) point into this list.
    /// </summary>
    public ImmutableArray<Token> Tokens { get; init; } = [];

    /// <summary>
    /// The name finder's layer: one entity per name mention (ids <c>e1</c>, <c>e2</c> … in text order), as the
    /// entities stage found them. Coreference reads it and adds <see cref="Entities"/>; it is an analysis layer,
    /// not part of the <c>dossier/1</c> JSON or the store.
    /// </summary>
    public ImmutableArray<Entity> Names { get; init; } = [];

    /// <summary>One entity per actor or thing, with every mention that refers to it (the coreference stage's layer).</summary>
    public ImmutableArray<Entity> Entities { get; init; } = [];

    /// <summary>The time expressions, sentence by sentence (the times stage's layer).</summary>
    public ImmutableArray<TimeExpression> Times { get; init; } = [];

    /// <summary>Money, percentages, quantities, counts and ranks, sentence by sentence (the values stage's layer).</summary>
    public ImmutableArray<ValueMention> Values { get; init; } = [];

    /// <summary>The events the report states, sentence by sentence (the events stage's layer), with ids <c>v1</c>, <c>v2</c> … in that order.</summary>
    public ImmutableArray<Event> Events { get; init; } = [];

    /// <summary>The text of the half-open range <c>[start, end)</c> of this document.</summary>
    /// <param name="start">The first UTF-16 offset.</param>
    /// <param name="end">The offset just past the range.</param>
    /// <exception cref="ArgumentOutOfRangeException">The range is not within <see cref="Text"/>.</exception>
    public string Slice(int start, int end) => Text[start..end];

    /// <summary>The text of a token.</summary>
    /// <param name="token">A token of this document; only its offsets are used.</param>
    /// <exception cref="ArgumentOutOfRangeException">The token's range is not within <see cref="Text"/>.</exception>
    public string TextOf(Token token) => Text[token.Start..token.End];

    /// <summary>The tokens of one sentence, a view of <see cref="Tokens"/> without copying.</summary>
    /// <param name="sentence">A sentence of this document.</param>
    /// <exception cref="ArgumentOutOfRangeException">The sentence's token range is not within <see cref="Tokens"/>.</exception>
    public ReadOnlySpan<Token> TokensOf(Sentence sentence) => Tokens.AsSpan().Slice(sentence.FirstToken, sentence.TokenCount);

    /// <summary>This document with only the events of at least <paramref name="minConfidence"/> (itself when none is below).</summary>
    public Document WithEventsFrom(double minConfidence) =>
        minConfidence > 0 && Events.Any(e => e.Confidence < minConfidence)
            ? this with { Events = [.. Events.Where(e => e.Confidence >= minConfidence)] }
            : this;
}
