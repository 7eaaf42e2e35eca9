using System.Collections.Immutable;

namespace Dossier.Extraction.Actors;

/// <summary>
/// What the text says about one actor once coreference has gathered its mentions: the input of
/// <see cref="ActorCoder"/>, which decides the actor's country, sector and CAMEO code from it.
/// </summary>
internal sealed record ActorEvidence
{
    /// <summary>The actor's entity type (<see cref="Dossier.Core.Labels.EntityTypes"/>).</summary>
    public required string Type { get; init; }

    /// <summary>The knowledge-base actor the names resolved to while clustering, if any.</summary>
    public KnownActor? Known { get; init; }

    /// <summary>ISO3 of the country a country-name actor ("Ukraine", "U.S.") was recognised as.</summary>
    public string? CountryKey { get; init; }

    /// <summary>The actor's names of more than one word, in text order ("Vladimir Putin").</summary>
    public ImmutableArray<string> FullNames { get; init; } = [];

    /// <summary>The first nationality the text states for a person ("the Ukrainian leader", "U.S. officials such as X").</summary>
    public string? StatedCountry { get; init; }

    /// <summary>The first country the recognizer or a look-up gave a mention, in text order.</summary>
    public string? MentionCountry { get; init; }

    /// <summary>The titles the mentions state, in text order.</summary>
    public ImmutableArray<RoleEvidence> Roles { get; init; } = [];

    /// <summary>Whether a name of the actor is the agent of a verb or a party to an act ("Moscow said", "ties with Kyiv").</summary>
    public bool ActsByName { get; init; }

    /// <summary>For a group actor ("Ukrainian officials"): the country and the group noun's sector.</summary>
    public (string? Country, string? Sector)? Group { get; init; }
}
