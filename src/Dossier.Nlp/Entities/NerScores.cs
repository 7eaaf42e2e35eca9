namespace Dossier.Nlp.Entities;

/// <summary>Exact-span scores of one CoNLL class.</summary>
public sealed record TypeScores(double Precision, double Recall, double F1, int Gold, int Predicted);

/// <summary>Exact-span precision, recall and F1 over all classes (as conlleval), per class, and speed.</summary>
/// <param name="Words">Words tagged.</param>
/// <param name="WordsPerSecond">Tagging speed on one thread, typing rules included.</param>
public sealed record NerScores(double Precision, double Recall, double F1, IReadOnlyDictionary<string, TypeScores> PerType, int Words, double WordsPerSecond)
{
    /// <summary>The same guesses scored over the name classes PER, ORG and LOC only (MISC left out); null when not computed.</summary>
    public NerScores? Names { get; init; }

    /// <summary>
    /// Whole-product view only: the same names scored without the mentions that lie inside one gold token and do not
    /// cover it ("Boston" of the CoNLL token "Boston-based", which the product splits as OntoNotes does and the gold file
    /// cannot); null when not computed.
    /// </summary>
    public NerScores? WholeTokens { get; init; }

    public override string ToString() =>
        $"P {Precision:P2} R {Recall:P2} F1 {F1:P2}; " + string.Join("; ", PerType.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key} {p.Value.F1:P2} ({p.Value.Gold})"))
        + $"; {Words:N0} words, {WordsPerSecond:N0} words/s";
}
