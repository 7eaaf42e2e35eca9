using System.Runtime.CompilerServices;

namespace Dossier.Extraction.Coreference;

/// <summary>
/// The features of one (anaphor, candidate antecedent) pair of noun phrases for <see cref="MentionRanker"/>, hashed to
/// indices of its weight table: kinds of both, head and string match, distance in sentences and phrases, number, gender,
/// person, the candidate's name type and syntactic role, nesting, apposition and predication, quotations and their
/// speakers. Every feature is conjoined with the anaphor's type (its kind, or its word for a pronoun).
/// </summary>
internal static class RankingFeatures
{
    /// <summary>Upper bound of the features of one pair.</summary>
    public const int MaxPerPair = 32;

    /// <summary>Writes the pair's feature indices into <paramref name="into"/>; returns how many.</summary>
    public static int Pair(NounPhrase a, NounPhrase c, Func<int, int> head, Span<int> into, int mask)
    {
        var n = 0;
        var at = a.TypeHash;
        var ct = c.TypeHash;
        var sentences = a.Sentence - c.Sentence;
        var phrases = a.Index - c.Index;
        var headMatch = a.HeadHash == c.HeadHash && a.HeadLemma == c.HeadLemma;
        var exact = a.Words.Length == c.Words.Length && a.Words == c.Words;
        var nested = c.End > a.First && c.First <= a.First || a.End > c.First && a.First <= c.First;
        into[n++] = H(1, at) & mask;
        into[n++] = H(2, at, ct) & mask;
        into[n++] = H(3, at, headMatch ? 1UL : 0) & mask;
        into[n++] = H(4, at, exact ? 1UL : 0, headMatch ? 1UL : 0) & mask;
        into[n++] = H(5, at, Bucket(sentences)) & mask;
        into[n++] = H(6, at, Bucket(phrases)) & mask;
        into[n++] = H(7, at, a.Number, c.Number) & mask;
        into[n++] = H(8, at, a.Gender, c.Gender) & mask;
        into[n++] = H(9, at, c.NameTypeHash) & mask;
        into[n++] = H(10, at, c.RelationHash) & mask;
        into[n++] = H(11, at, nested ? 1UL : 0) & mask;
        into[n++] = H(12, at, ct, Bucket(sentences)) & mask;
        into[n++] = H(13, at, a.DeterminerHash, headMatch ? 1UL : 0) & mask;
        into[n++] = H(14, at, a.Person, c.Person, a.Quote >= 0 && a.Quote == c.Quote ? 1UL : a.Quote >= 0 || c.Quote >= 0 ? 2UL : 0) & mask;
        into[n++] = H(15, at, a.RelationHash, c.RelationHash) & mask;
        into[n++] = H(16, at, c.DeterminerHash, ct) & mask;
        if (headMatch) into[n++] = H(17, at, a.HeadHash) & mask;
        if (!headMatch && a.Kind != PhraseKind.Pronoun && c.Kind != PhraseKind.Pronoun)
        {
            // "Anna Berg" … "Berg", "the FIRST Global competition" … "the competition".
            var partial = c.Words.Contains(a.HeadLemma, StringComparison.Ordinal) || a.Words.Contains(c.HeadLemma, StringComparison.Ordinal);
            into[n++] = H(18, at, partial ? 1UL : 0) & mask;
            into[n++] = H(19, a.HeadHash, c.HeadHash) & mask;

            // "the company" for an organisation's name, "the city" for a place's.
            if (c.NameType.Length > 0) into[n++] = H(26, a.HeadHash, c.NameTypeHash) & mask;
        }

        if (a.Sentence == c.Sentence)
        {
            // Apposition and predication: "Smith, the mayor" / "Smith is the mayor".
            var ah = head(a.Head);
            var ch = head(c.Head);
            if (ah == c.Head) into[n++] = H(20, at, a.RelationHash) & mask;
            if (ch == a.Head) into[n++] = H(21, at, c.RelationHash) & mask;
            if (ah >= 0 && ah == ch) into[n++] = H(22, at, a.RelationHash, c.RelationHash) & mask;
        }

        if (a.Quote >= 0 && a.Person == '1')
        {
            // "I" inside a quotation and the speaker of the quotation's sentences.
            into[n++] = H(23, at, c.Speaker && c.Quote < 0 && Math.Abs(sentences) <= 1 ? 1UL : 0, c.Quote == a.Quote ? 1UL : 0) & mask;
        }

        if (c.Mention?.Cluster is { } cluster) into[n++] = H(24, at, S(cluster.Type), (ulong)Math.Min(cluster.Mentions.Count, 4)) & mask;
        into[n++] = H(27, at, a.ClassHash, c.ClassHash) & mask;
        into[n++] = H(28, at, a.Class.Length == 0 || c.Class.Length == 0 ? 2UL : a.Class == c.Class ? 1UL : 0) & mask;
        into[n++] = H(25, at, c.Kind == PhraseKind.Pronoun && a.Kind == PhraseKind.Pronoun && a.Person == c.Person && a.Number == c.Number ? 1UL : 0) & mask;
        return n;
    }

    internal static ulong TypeOf(NounPhrase p) => p.Kind switch
    {
        PhraseKind.Pronoun => p.HeadHash ^ 0x5A5A,
        PhraseKind.Name => 1,
        _ => p.Determiner.Length == 0 ? 2UL : p.Determiner == "the" ? 3UL : p.Determiner == "poss" ? 4UL : p.Determiner == "a" ? 5UL : 6UL,
    };

    private static ulong Bucket(int d) => d switch
    {
        <= 0 => 0,
        1 => 1,
        2 => 2,
        <= 4 => 3,
        <= 8 => 4,
        <= 16 => 5,
        _ => 6,
    };

    /// <summary>FNV-1a of a string, stable across processes (weights are stored by these hashes).</summary>
    public static ulong S(string s)
    {
        var h = 14695981039346656037UL;
        foreach (var ch in s) h = (h ^ ch) * 1099511628211UL;
        return h;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong Mix(ulong h, ulong v)
    {
        h ^= v + 0x9E3779B97F4A7C15UL + (h << 6) + (h >> 2);
        h *= 0xBF58476D1CE4E5B9UL;
        return h ^ (h >> 31);
    }

    private static int H(int template, ulong a) => (int)(Mix(Mix(0xD6E8FEB86659FD93UL, (ulong)template), a) >> 33);

    private static int H(int template, ulong a, ulong b) => (int)(Mix(Mix(Mix(0xD6E8FEB86659FD93UL, (ulong)template), a), b) >> 33);

    private static int H(int template, ulong a, ulong b, ulong c) => (int)(Mix(Mix(Mix(Mix(0xD6E8FEB86659FD93UL, (ulong)template), a), b), c) >> 33);

    private static int H(int template, ulong a, ulong b, ulong c, ulong d) => (int)(Mix(Mix(Mix(Mix(Mix(0xD6E8FEB86659FD93UL, (ulong)template), a), b), c), d) >> 33);
}
