using System.Collections.Frozen;

namespace Dossier.Nlp.Tokenization;

/// <summary>
/// The built-in lists of English abbreviations that keep their final period ("Mr.", "Jan.",
/// "Inc.") and of prefixes that keep their hyphen ("e-mail", "non-profit"). Lookups take the
/// word <em>without</em> its final period, do not allocate and are safe from several threads.
/// Words made of one- or two-letter dotted segments ("U.S", "e.g", "Ph.D") and single capital
/// initials are recognised by shape in <see cref="Tokenizer"/>, not listed here.
/// </summary>
public static class Abbreviations
{
    // Abbreviations that are not English words in any case: matched ignoring case.
    private static readonly string[] TitlesAnyCase =
    [
        "Mr", "Mrs", "Ms", "Messrs", "Mmes", "Dr", "Drs", "Prof", "Profs", "Sr", "Jr", "Rev", "Hon", "Esq",
        "Sgt", "Lt", "Capt", "Cmdr", "Cdr", "Adm", "Brig", "Maj", "Cpl", "Pvt", "Supt", "Insp",
        "Gov", "Sen", "Sens", "Reps", "Pres", "Atty", "Asst", "Assoc", "Dept", "Univ", "Inst",
        "vs", "viz", "cf", "approx", "appt", "esp", "incl", "resp",
        "e.g", "i.e", "a.k.a", "Jan", "Feb", "Apr", "Aug", "Sept", "Oct", "Nov", "Dec",
        "Tues", "Thur", "Thurs",
        "Corp", "Inc", "Ltd", "Co", "Cos", "Bros", "Mfg", "Intl", "Natl", "Assn", "Plc", "Pty", "LLC", "L.L.C",
        "Ave", "Blvd", "Hwy", "Pkwy", "Bldg", "Ariz", "Calif", "Colo", "Conn", "Fla", "Okla", "Tenn", "Penna",
        "etc", "govt", "mgr", "mgmt", "yrs", "hrs",
        "a.m", "p.m", "Ph.D", "Ed.D", "M.D", "B.A", "M.A", "B.S", "M.S", "P.S", "P.P.S", "attn",
    ];

    // Abbreviations that are also ordinary words (or names) in another case: matched exactly.
    private static readonly string[] TitlesExactCase =
    [
        "Gen", "Col", "Rep", "Mar", "Jun", "Jul", "Sep", "St", "Mt", "Ft", "Pt", "Rd", "Sq", "Ste", "Sup", "Det",
        "Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun", "Amb",
        "Cal", "Del", "Ala", "Ark", "Ga", "Ill", "Ind", "Kan", "Kans", "Ky", "La", "Md", "Mich", "Minn", "Miss", "Mo",
        "Mont", "Neb", "Nev", "Ore", "Penn", "Tex", "Va", "Vt", "Wash", "Wis", "Wyo",
        "et", "al", "ca", "eg", "ie", "ps", "PS", "apt", "est", "ext", "tel", "min", "max", "sec", "yr", "hr", "c/o",
    ];

    // Abbreviations that may end a sentence: when the next word starts a new sentence the period
    // is split off as its own token, the way UD English treats "etc." and "Inc." at a sentence end.
    private static readonly string[] MayEndSentence =
    [
        "etc", "Inc", "Corp", "Ltd", "Co", "Cos", "Bros", "Jr", "Sr", "Esq", "Plc", "LLC", "L.L.C", "al", "est", "ext",
        "a.m", "p.m", "Ph.D", "Ed.D", "M.D", "B.A", "M.A", "B.S", "M.S", "yr", "yrs", "hr", "hrs", "min", "max", "sec",
        "govt", "Ave", "Blvd", "Rd", "Hwy", "Pkwy", "Sq", "Ste", "Bldg", "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug",
        "Sep", "Sept", "Oct", "Nov", "Dec", "Mon", "Tue", "Tues", "Wed", "Thu", "Thur", "Thurs", "Fri", "Sat", "Sun",
    ];

    // Keep their period only before a number: "No. 1", "Vol. 3", "pp. 12-14".
    private static readonly string[] BeforeNumber = ["No", "Nos", "Vol", "Vols", "pp", "p", "Fig", "Figs", "Art", "Ch", "Nr", "Sec", "Para", "Tel", "Ph", "Ext", "Op"];

    // Prefixes whose hyphen UD English (EWT) keeps inside the word: "e-mail", "non-profit", "re-elect".
    private static readonly string[] Prefixes =
    [
        "e", "co", "non", "pre", "post", "pro", "ex", "multi", "mid", "re", "anti", "semi", "sub", "neo", "over",
        "cross", "psycho", "inter", "intra", "counter", "ultra", "micro", "macro", "mini", "bi", "tri", "un",
        "trans", "hyper", "pseudo", "quasi", "extra", "infra", "socio", "geo", "eco", "cyber", "mega", "auto",
    ];

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> AnyCase =
        TitlesAnyCase.ToFrozenSet(StringComparer.OrdinalIgnoreCase).GetAlternateLookup<ReadOnlySpan<char>>();

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> ExactCase =
        TitlesExactCase.Concat(BeforeNumber).ToFrozenSet(StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> Terminal =
        MayEndSentence.ToFrozenSet(StringComparer.OrdinalIgnoreCase).GetAlternateLookup<ReadOnlySpan<char>>();

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> Numbered =
        BeforeNumber.ToFrozenSet(StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> HyphenPrefixes =
        Prefixes.ToFrozenSet(StringComparer.OrdinalIgnoreCase).GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>
    /// True when <paramref name="word"/> (without its period) is a listed abbreviation that keeps
    /// its period in any context. Abbreviations that need a following number are excluded; see
    /// <see cref="IsBeforeNumber"/>.
    /// </summary>
    public static bool IsAbbreviation(ReadOnlySpan<char> word) =>
        word.Length > 0 && (AnyCase.Contains(word) || (ExactCase.Contains(word) && !Numbered.Contains(word)));

    /// <summary>True for abbreviations such as "No" and "Vol" that keep their period only before a number.</summary>
    public static bool IsBeforeNumber(ReadOnlySpan<char> word) => Numbered.Contains(word);

    /// <summary>
    /// True for abbreviations that often end a sentence ("etc", "Inc", "p.m"). Dotted acronyms
    /// such as "U.S" are treated the same way by the tokenizer.
    /// </summary>
    public static bool MayEnd(ReadOnlySpan<char> word) => Terminal.Contains(word);

    /// <summary>True when a hyphen after <paramref name="segment"/> stays inside the word ("e-mail", "non-stop").</summary>
    public static bool IsHyphenPrefix(ReadOnlySpan<char> segment) => HyphenPrefixes.Contains(segment);
}
