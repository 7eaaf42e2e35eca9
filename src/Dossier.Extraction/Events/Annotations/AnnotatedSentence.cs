namespace Dossier.Extraction.Events.Annotations;

/// <summary>One hand-annotated sentence of <c>data/annotations/events/*.jsonl</c> (format: that folder's GUIDELINES.md).</summary>
/// <param name="Corpus"><c>gum</c>, <c>ewt</c> or <c>conll</c>.</param>
/// <param name="Doc">The document id within the corpus.</param>
/// <param name="Sent">0-based index of the sentence within the document.</param>
/// <param name="Split"><c>train</c>, <c>dev</c> or <c>heldout</c>, assigned per document.</param>
/// <param name="Text">The sentence (for CoNLL rebuilt from the corpus: its tokens joined by single spaces).</param>
/// <param name="Events">The gold events, possibly none.</param>
public sealed record AnnotatedSentence(string Corpus, string Doc, int Sent, string Split, string Text, IReadOnlyList<GoldEvent> Events)
{
    /// <summary>Where the sentence comes from, for messages: <c>corpus:doc#sent</c>.</summary>
    public string Key => $"{Corpus}:{Doc}#{Sent}";
}

/// <summary>A gold event of an annotated sentence.</summary>
/// <param name="Type">PLOVER 2.0 type.</param>
/// <param name="Trigger">The words that state it, as written in the sentence.</param>
/// <param name="Source">The acting party as written, or null.</param>
/// <param name="Target">The party acted on as written, or null.</param>
/// <param name="Status">occurred, planned, possible, requested, refused, negated or alleged.</param>
public sealed record GoldEvent(string Type, string Trigger, string? Source, string? Target, string Status);
