using System.Collections.Immutable;

namespace Dossier.Core.Labels;

/// <summary>
/// The topics a document is classified into (<c>document.topic</c> in <c>dossier/1</c> 1.1), and the event domains
/// derived from them: events of sport and entertainment documents are kept but flagged with their
/// <c>domain</c> and left out of the default network, timeline and agenda.
/// </summary>
public static class DocumentTopics
{
    /// <summary>Government, elections, diplomacy, war and conflict, crime and justice, protest: public affairs.</summary>
    public const string Politics = "politics";

    /// <summary>Companies, markets, the economy, trade and jobs.</summary>
    public const string Business = "business";

    /// <summary>Sport: matches, results, players, clubs.</summary>
    public const string Sport = "sport";

    /// <summary>Film, music, television, celebrities, the arts and festivals.</summary>
    public const string Entertainment = "entertainment";

    /// <summary>Science, technology, computing, medicine and health research.</summary>
    public const string Science = "science";

    /// <summary>Anything else: weather, accidents and disasters, religion, human interest.</summary>
    public const string Other = "other";

    /// <summary>Every topic, in the order the classifier numbers its classes.</summary>
    public static ImmutableArray<string> All { get; } = [Politics, Business, Sport, Entertainment, Science, Other];

    /// <summary>The topics whose events are flagged with a domain and left out of the default views.</summary>
    public static ImmutableArray<string> FlaggedDomains { get; } = [Sport, Entertainment];

    /// <summary>Whether <paramref name="topic"/> is one of <see cref="All"/> (ordinal).</summary>
    public static bool IsTopic(string? topic) => topic is not null && All.Contains(topic, StringComparer.Ordinal);

    /// <summary>The domain an event of a document of <paramref name="topic"/> gets: the topic itself when it is one of
    /// <see cref="FlaggedDomains"/>, else null (the event belongs to the default views).</summary>
    public static string? DomainOf(string? topic) =>
        topic is not null && FlaggedDomains.Contains(topic, StringComparer.Ordinal) ? topic : null;
}

/// <summary>
/// Which events a corpus view shows by their domain: the values of the <c>--domain</c> option of the CLI and the
/// <c>domain</c> query parameter of the web API.
/// </summary>
public static class DomainFilters
{
    /// <summary>The default: only events without a flagged domain (sport and entertainment left out).</summary>
    public const string General = "general";

    /// <summary>Every event, whatever its domain.</summary>
    public const string All = "all";

    /// <summary>The values a user may give: <see cref="General"/>, <see cref="All"/>, or one of <see cref="DocumentTopics.FlaggedDomains"/>
    /// (only the events of that domain).</summary>
    public static ImmutableArray<string> Values { get; } = [General, All, .. DocumentTopics.FlaggedDomains];

    /// <summary>The filter a user's value names, lower-cased and trimmed; <see cref="General"/> for null or blank;
    /// null when the value is none of <see cref="Values"/>.</summary>
    public static string? Parse(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return General;
        }

        var normalised = value.Trim().ToLowerInvariant();
        return Values.Contains(normalised, StringComparer.Ordinal) ? normalised : null;
    }
}
