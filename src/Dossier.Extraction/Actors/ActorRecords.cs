using System.Collections.Immutable;

namespace Dossier.Extraction.Actors;

/// <summary>A country: ISO 3166-1 alpha-3, its CAMEO code (usually the same) and an English name.</summary>
public sealed record CountryInfo(string Iso3, string CameoCode, string Name);

/// <summary>A CAMEO actor code valid from <see cref="From"/> (inclusive) to <see cref="To"/> (exclusive); open ends are null.</summary>
/// <param name="Title">The office the code stands for, when the source names it ("President").</param>
public sealed record DatedCode(string Code, DateOnly? From, DateOnly? To, string? Title = null)
{
    public bool IsDated => From is not null || To is not null;

    public bool Covers(DateOnly date) => (From is null || From <= date) && (To is null || date < To);
}

/// <summary>What a known actor is.</summary>
public enum ActorKind
{
    /// <summary>The source does not say; accept it for people and organisations alike.</summary>
    Unknown,
    Person,
    Organization,

    /// <summary>A building or seat that stands for a government ("the Kremlin").</summary>
    Building,
}

/// <summary>An actor the knowledge base knows by name: canonical name, other names, dated CAMEO codes.</summary>
public sealed record KnownActor(string Name, ActorKind Kind, ImmutableArray<string> Aliases, ImmutableArray<DatedCode> Codes)
{
    /// <summary>True for actors from a user's <c>--actors</c> file.</summary>
    public bool FromUser { get; init; }

    /// <summary>
    /// The code in force on <paramref name="date"/>: a dated code that covers it (sectors other than
    /// ELI preferred), else an undated code, else none. Without a date, the open-ended or latest code.
    /// </summary>
    public DatedCode? CodeAt(DateOnly? date)
    {
        if (Codes.IsDefaultOrEmpty) return null;
        if (date is { } d)
        {
            var best = Codes.Where(c => c.IsDated && c.Covers(d))
                .OrderBy(c => IsElite(c.Code) ? 1 : 0)
                .ThenByDescending(c => c.From ?? DateOnly.MinValue)
                .FirstOrDefault();
            if (best is not null) return best;
            return Codes.FirstOrDefault(c => !c.IsDated);
        }

        return Codes.Where(c => c.To is null).OrderByDescending(c => c.From ?? DateOnly.MinValue).FirstOrDefault() ?? Codes[^1];
    }

    /// <summary>The code of the most recent term, whatever the date: where a stale dictionary is the only clue to a country.</summary>
    public DatedCode? LatestCode() =>
        Codes.IsDefaultOrEmpty ? null : Codes.OrderBy(c => c.Code.EndsWith("ELI", StringComparison.Ordinal) ? 1 : 0).ThenByDescending(c => c.To ?? DateOnly.MaxValue).ThenByDescending(c => c.From ?? DateOnly.MinValue).First();

    /// <summary>The latest dated code that ended on or before <paramref name="date"/> (a past office).</summary>
    public DatedCode? FormerCodeAt(DateOnly date) =>
        Codes.Where(c => c.To is { } to && to <= date && !IsElite(c.Code)).OrderByDescending(c => c.To).FirstOrDefault();

    private static bool IsElite(string code) => code.EndsWith("ELI", StringComparison.Ordinal);
}

/// <summary>An entry of the title lexicon.</summary>
/// <param name="Title">The title as listed, lower case ("secretary of state").</param>
/// <param name="Sector">CAMEO sector ("GOV", "JUD", "LEG", "MIL" …).</param>
/// <param name="IsLeader">A head of state or government ("president", "prime minister").</param>
public sealed record TitleInfo(string Title, string Sector, bool IsLeader);

/// <summary>The outcome of reading a user actors file: a new knowledge base, or one "FILE:LINE: reason" message.</summary>
public sealed record UserActorsResult(ActorKnowledgeBase? KnowledgeBase, string? Error)
{
    public bool Succeeded => KnowledgeBase is not null;
}
