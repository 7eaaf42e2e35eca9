using Dossier.Core.Documents;
using Dossier.Extraction.Actors;

namespace Dossier.Extraction.Coreference;

/// <summary>What a mention is.</summary>
internal enum MentionKind
{
    /// <summary>A proper name found by the entity recognizer.</summary>
    Name,

    /// <summary>A country or place modifying a group noun: "Ukrainian officials".</summary>
    Group,

    /// <summary>A definite description: "the president", "the Ukrainian leader".</summary>
    Nominal,

    /// <summary>A personal or possessive pronoun.</summary>
    Pronoun,

    /// <summary>A noun phrase the mention ranking linked that is not a recognised name: "the company", "the two teams".</summary>
    Description,
}

/// <summary>One mention while the stage works: its span in characters and tokens, and what it says.</summary>
internal sealed class MentionInfo
{
    public MentionInfo(MentionKind kind, int start, int end, string text, int sentence, int firstToken, int endToken, string type)
    {
        Kind = kind;
        Start = start;
        End = end;
        Text = text;
        Sentence = sentence;
        FirstToken = firstToken;
        EndToken = endToken;
        Type = type;
    }

    public MentionKind Kind { get; }
    public int Start { get; set; }
    public int End { get; set; }
    public string Text { get; set; }
    public int Sentence { get; }
    public int FirstToken { get; set; }

    /// <summary>Exclusive.</summary>
    public int EndToken { get; set; }

    public string Type { get; set; }

    /// <summary>ISO3 the recognizer or a look-up gave.</summary>
    public string? Country { get; set; }

    /// <summary>Group sector ("GOV" for "officials").</summary>
    public string? Sector { get; set; }

    public List<RoleEvidence> Roles { get; } = [];

    /// <summary>Country from a list the mention belongs to ("U.S. officials such as …").</summary>
    public string? InheritedCountry { get; set; }

    /// <summary>Nationality stated without a title ("the Ukrainian leader" has both).</summary>
    public string? Nationality { get; set; }

    /// <summary>Pronoun gender: m, f, p (plural) or n (its).</summary>
    public char Gender { get; set; }

    /// <summary>The syntactic subject of its clause.</summary>
    public bool IsSubject { get; set; }

    /// <summary>The subject of an active verb (acts as an agent).</summary>
    public bool IsAgent { get; set; }

    /// <summary>
    /// A party to an act rather than a place: the object of a verb, or the complement of
    /// "with", "for", "against", "toward", "between" ("ties with Moscow", "support for Kyiv").
    /// A capital or country named this way stands for its government.
    /// </summary>
    public bool IsParty { get; set; }

    public bool Removed { get; set; }

    public Cluster? Cluster { get; set; }

    public Mention ToMention() => new(Start, End, Text, Sentence);

    public override string ToString() => $"{Kind} {Type} \"{Text}\" [{Start},{End})";
}

/// <summary>The mentions of one actor.</summary>
internal sealed class Cluster
{
    public Cluster(string type) => Type = type;

    public string Type { get; set; }

    public List<MentionInfo> Mentions { get; } = [];

    /// <summary>The knowledge-base actor the names resolved to, if any.</summary>
    public KnownActor? Known { get; set; }

    /// <summary>Country ISO3 decided for a country-keyed cluster (GPE).</summary>
    public string? CountryKey { get; set; }

    public string? Sector { get; set; }

    public char Gender { get; set; }

    public int LastToken => Mentions.Count == 0 ? -1 : Mentions.Max(m => m.FirstToken);

    public IEnumerable<MentionInfo> Names => Mentions.Where(m => m.Kind == MentionKind.Name);

    public IEnumerable<string> FullNames => Names.Select(n => n.Text).Where(n => n.Contains(' '));

    public override string ToString() => $"{Type}: {string.Join(" / ", Mentions.Select(m => m.Text).Distinct())}";
}
