namespace Dossier.Extraction.Coreference;

/// <summary>What a noun phrase is, for the mention-ranking model.</summary>
internal enum PhraseKind : byte
{
    /// <summary>Headed by a proper noun or inside a recognised name.</summary>
    Name,

    /// <summary>Headed by a common noun (or a number standing as an argument): "the company", "two teams".</summary>
    Description,

    /// <summary>A pronoun: "she", "they", "I", "this".</summary>
    Pronoun,
}

/// <summary>
/// One noun phrase of a document, found from the parse (<see cref="CoreferenceRun"/>'s <c>FindNounPhrases</c>): its span
/// follows GUM's conventions (determiners, possessive 's, modifiers and relative clauses in; case markers,
/// coordination, appositions and clause dependents out), with what the ranking features read.
/// </summary>
internal sealed class NounPhrase
{
    public int Index { get; set; }

    public int First { get; init; }

    /// <summary>Exclusive.</summary>
    public int End { get; init; }

    public int Head { get; init; }

    public int Sentence { get; init; }

    public PhraseKind Kind { get; init; }

    /// <summary>The mention of the sieves this phrase stands for (its head lies in it), if any.</summary>
    public MentionInfo? Mention { get; set; }

    /// <summary>The actor the phrase was linked to (the sieve mention's, or one the ranking made).</summary>
    public Cluster? Cluster { get; set; }

    /// <summary>The mention the ranking added for this phrase, if any.</summary>
    public MentionInfo? Added { get; set; }

    /// <summary>Lower-cased lemma of the head word.</summary>
    public required string HeadLemma { get; init; }

    /// <summary>Lower-cased words of the span without a leading determiner.</summary>
    public required string Words { get; init; }

    /// <summary>s (singular), p (plural) or '?'.</summary>
    public char Number { get; init; }

    /// <summary>m, f, n (it), p (plural they), '?' unknown.</summary>
    public char Gender { get; set; }

    /// <summary>1, 2 or 3.</summary>
    public char Person { get; init; }

    /// <summary>The recognizer's type when the head lies in a name, else "".</summary>
    public required string NameType { get; init; }

    /// <summary>UD relation of the head, without subtype.</summary>
    public required string Relation { get; init; }

    /// <summary>The determiner: "the", "a", "this", "poss" (a possessor), "" none.</summary>
    public required string Determiner { get; init; }

    /// <summary>Semantic class learned from GUM's entity types (person, organization, place, …) for its head or name type; "" unknown.</summary>
    public string Class { get; init; } = "";

    /// <summary>Index of the quotation the phrase is in, -1 outside quotations.</summary>
    public int Quote { get; set; } = -1;

    /// <summary>The subject of a verb of saying (speaks the quotations of its sentences).</summary>
    public bool Speaker { get; set; }

    private ulong? _typeHash, _headHash, _relationHash, _determinerHash, _classHash, _nameTypeHash;

    /// <summary>The hashes the features read, computed once per phrase instead of once per pair.</summary>
    internal ulong TypeHash => _typeHash ??= RankingFeatures.TypeOf(this);

    internal ulong HeadHash => _headHash ??= RankingFeatures.S(HeadLemma);

    internal ulong RelationHash => _relationHash ??= RankingFeatures.S(Relation);

    internal ulong DeterminerHash => _determinerHash ??= RankingFeatures.S(Determiner);

    internal ulong ClassHash => _classHash ??= RankingFeatures.S(Class);

    internal ulong NameTypeHash => _nameTypeHash ??= RankingFeatures.S(NameType);

    public override string ToString() => $"{Kind} [{First},{End}) {Words}";
}
