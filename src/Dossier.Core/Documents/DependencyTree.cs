namespace Dossier.Core.Documents;

/// <summary>
/// A read-only view of a document's dependency trees, the one every stage that walks trees uses. Token indexes are
/// document-level; a head outside the token's sentence, or a token that heads itself, counts as no head, so a walk
/// never leaves a sentence. Built once per document in O(tokens); immutable and thread-safe.
/// </summary>
/// <remarks>
/// Every method that takes a token index <c>i</c> throws <see cref="IndexOutOfRangeException"/> when it is not in
/// <c>[0, Document.Tokens.Length)</c>; nothing is clamped. Heads are bounded to the sentence only when the token's
/// sentence index is in <see cref="Document.Sentences"/>: a document without a sentence layer keeps its heads as
/// given. Only self-heads are removed: a parse with a longer cycle (a heads b, b heads a) keeps it, so a walk up
/// the heads of a document read from JSON should bound its steps.
/// </remarks>
public sealed class DependencyTree
{
    private static readonly int[] NoChildren = [];

    private readonly Document _document;
    private readonly int[][] _children;

    /// <summary>Builds the view over the syntax layer of <paramref name="document"/> (tokens without a parse have no head).</summary>
    /// <param name="document">The document whose tokens, sentences, heads and relations are read; later layers are ignored.</param>
    /// <exception cref="ArgumentNullException"><paramref name="document"/> is null.</exception>
    public DependencyTree(Document document)
    {
        ArgumentNullException.ThrowIfNull(document);
        _document = document;
        var tokens = document.Tokens.IsDefault ? [] : document.Tokens;
        var counts = new int[tokens.Length];
        for (var i = 0; i < tokens.Length; i++)
        {
            var h = Head(i);
            if (h >= 0) counts[h]++;
        }

        _children = new int[tokens.Length][];
        for (var i = 0; i < tokens.Length; i++) _children[i] = counts[i] == 0 ? NoChildren : new int[counts[i]];
        Array.Clear(counts);
        for (var i = 0; i < tokens.Length; i++)
        {
            var h = Head(i);
            if (h >= 0) _children[h][counts[h]++] = i;
        }
    }

    /// <summary>The document the tree belongs to.</summary>
    public Document Document => _document;

    /// <summary>Whether any token carries a dependency relation (the syntax stage has run).</summary>
    public bool IsParsed => !_document.Tokens.IsDefaultOrEmpty && _document.Tokens.Any(t => t.Relation is not null);

    /// <summary>The head of token <paramref name="i"/> within its sentence, or -1 (root, no parse, out of the sentence, itself).</summary>
    /// <param name="i">A document-level token index.</param>
    public int Head(int i)
    {
        var tokens = _document.Tokens;
        var h = tokens[i].Head;
        if (h < 0 || h >= tokens.Length || h == i) return -1;
        var sentence = tokens[i].Sentence;
        if (sentence < 0 || sentence >= _document.Sentences.Length) return h;
        var s = _document.Sentences[sentence];
        return h >= s.FirstToken && h < s.EndToken ? h : -1;
    }

    /// <summary>The children of token <paramref name="i"/>, in text order: the tokens whose <see cref="Head"/> is <paramref name="i"/>.</summary>
    /// <param name="i">A document-level token index.</param>
    public IReadOnlyList<int> Children(int i) => _children[i];

    /// <summary>The UD relation of token <paramref name="i"/> to its head, with its subtype (<c>nsubj:pass</c>); empty before parsing.</summary>
    /// <param name="i">A document-level token index.</param>
    public string Relation(int i) => _document.Tokens[i].Relation ?? "";

    /// <summary>The relation of token <paramref name="i"/> without its subtype: <c>nsubj:pass</c> → <c>nsubj</c>; empty before parsing.</summary>
    /// <param name="i">A document-level token index.</param>
    public string BaseRelation(int i)
    {
        var r = Relation(i);
        var colon = r.IndexOf(':', StringComparison.Ordinal);
        return colon < 0 ? r : r[..colon];
    }

    /// <summary>The first child of <paramref name="i"/> in text order whose relation is one of <paramref name="relations"/>, or -1.</summary>
    /// <param name="i">A document-level token index.</param>
    /// <param name="relations">Full relation names, subtype included: <c>nsubj</c> does not match <c>nsubj:pass</c>.</param>
    public int Child(int i, params string[] relations)
    {
        foreach (var c in _children[i])
        {
            if (relations.Contains(Relation(c))) return c;
        }

        return -1;
    }

    /// <summary>The children of <paramref name="i"/> whose relation is one of <paramref name="relations"/>, in text order.</summary>
    /// <param name="i">A document-level token index.</param>
    /// <param name="relations">Full relation names, subtype included: <c>nsubj</c> does not match <c>nsubj:pass</c>.</param>
    public IEnumerable<int> ChildrenWith(int i, params string[] relations) => _children[i].Where(c => relations.Contains(Relation(c)));

    /// <summary>The lemma of the first <c>case</c> child of a nominal (its preposition), lower case, or null when it has none.</summary>
    /// <param name="i">A document-level token index.</param>
    public string? CaseMarker(int i)
    {
        foreach (var c in _children[i])
        {
            if (Relation(c) == "case") return Lemma(c);
        }

        return null;
    }

    /// <summary>The text of token <paramref name="i"/>, as written.</summary>
    /// <param name="i">A document-level token index.</param>
    public string Text(int i) => _document.TextOf(_document.Tokens[i]);

    /// <summary>The lemma of token <paramref name="i"/> (its text before tagging), lower case (invariant culture).</summary>
    /// <param name="i">A document-level token index.</param>
    public string Lemma(int i) => (_document.Tokens[i].Lemma ?? Text(i)).ToLowerInvariant();

    /// <summary>A lexical verb: UPOS VERB, or a VB* tag that is not an auxiliary ("said", not "has" in "has said").</summary>
    /// <param name="i">A document-level token index.</param>
    public bool IsVerb(int i)
    {
        var t = _document.Tokens[i];
        return t.Upos == "VERB" || (t.Xpos?.StartsWith("VB", StringComparison.Ordinal) ?? false) && t.Upos != "AUX";
    }

    /// <summary>Any verb form, auxiliaries included ("is" in "he is president"): a VB* tag or UPOS VERB or AUX.</summary>
    /// <param name="i">A document-level token index.</param>
    public bool IsVerbOrAuxiliary(int i)
    {
        var t = _document.Tokens[i];
        return t.Xpos?.StartsWith("VB", StringComparison.Ordinal) == true || t.Upos is "VERB" or "AUX";
    }

    /// <summary>A common noun: UPOS NOUN or tag NN/NNS.</summary>
    /// <param name="i">A document-level token index.</param>
    public bool IsNoun(int i) => _document.Tokens[i].Upos is "NOUN" || _document.Tokens[i].Xpos is "NN" or "NNS";
}
