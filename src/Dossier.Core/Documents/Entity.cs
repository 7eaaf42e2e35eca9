using System.Collections.Immutable;

namespace Dossier.Core.Documents;

/// <summary>A real-world actor or thing named in the document, with every mention that refers to it.</summary>
/// <param name="Id">Document-local id such as <c>e1</c>.</param>
/// <param name="Name">Canonical name: the fullest proper name seen.</param>
/// <param name="Type">OntoNotes type: PERSON ORG GPE LOC FAC NORP EVENT LAW PRODUCT.</param>
public sealed record Entity(string Id, string Name, string Type)
{
    public ImmutableArray<string> Aliases { get; init; } = [];

    /// <summary>ISO 3166-1 alpha-3 country, or null.</summary>
    public string? Country { get; init; }

    /// <summary>CAMEO sector (agent) code such as GOV or MIL, or null.</summary>
    public string? Sector { get; init; }

    /// <summary>CAMEO-style actor code, country + sector, or null.</summary>
    public string? Code { get; init; }

    public ImmutableArray<Role> Roles { get; init; } = [];

    public ImmutableArray<Mention> Mentions { get; init; } = [];
}

/// <summary>An office or title held by an entity.</summary>
/// <param name="Status">current, former or designate.</param>
public sealed record Role(string Title, string? Organization, string? Country, string Status);

/// <summary>One place in the text that refers to an entity.</summary>
public sealed record Mention(int Start, int End, string Text, int Sentence);
