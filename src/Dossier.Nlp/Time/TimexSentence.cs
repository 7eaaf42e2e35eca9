namespace Dossier.Nlp.Time;

/// <summary>What every span rule of one sentence reads: its words, the word lists, the date tokens, the tense cues and the value resolver.</summary>
/// <param name="Words">The sentence's tokens.</param>
/// <param name="Lexicon">The time word lists.</param>
/// <param name="Dates">Month, day and year tokens.</param>
/// <param name="Tense">Past/future cues around an expression.</param>
/// <param name="Resolve">Anchor-relative values.</param>
internal sealed record TimexSentence(SentenceWords Words, TimeLexicon Lexicon, DateTokens Dates, TenseCues Tense, RelativeDateResolver Resolve)
{
    /// <summary>Builds the readers of one sentence.</summary>
    public static TimexSentence Of(SentenceWords words, TimeLexicon lexicon, DateOnly? anchor) =>
        new(words, lexicon, new DateTokens(words, lexicon), new TenseCues(words, lexicon), new RelativeDateResolver(anchor));
}
