using System.Collections.Immutable;

namespace Dossier.Core.Documents;

/// <summary>A real-world actor or thing named in the document, with every mention that refers to it.</summary>
/// <param name="Id">Document-local id such as <c>e1</c>, numbered in order of first mention; unique within one layer
/// (<see cref="Document.Names"/> and <see cref="Document.Entities"/> number separately).</param>
/// <param name="Name">Canonical name: the fullest proper name seen.</param>
/// <param name="Type">OntoNotes type, one of <see cref="Labels.EntityTypes"/>: PERSON ORG GPE LOC FAC NORP EVENT LAW PRODUCT WORK_OF_ART.</param>
public sealed record Entity(string Id, string Name, string Type)
{
    /// <summary>The distinct names the text uses for the entity, as written, in order of first use.</summary>
    public ImmutableArray<string> Aliases { get; init; } = [];

    /// <summary>ISO 3166-1 alpha-3 country, or null.</summary>
    public string? Country { get; init; }

    /// <summary>CAMEO sector (agent) code such as GOV or MIL, or null.</summary>
    public string? Sector { get; init; }

    /// <summary>CAMEO-style actor code, country + sector, or null.</summary>
    public string? Code { get; init; }

    /// <summary>The offices and titles the text gives the entity ("President", "Secretary of State"); empty for most.</summary>
    public ImmutableArray<Role> Roles { get; init; } = [];

    /// <summary>Every place in the text that refers to the entity (names, descriptions, pronouns), in text order.</summary>
    public ImmutableArray<Mention> Mentions { get; init; } = [];

    /// <summary>Where a place (GPE, LOC, FAC) is, from the gazetteer; null for other entities and places the gazetteer lacks.</summary>
    public Place? Place { get; init; }
}

/// <summary>An office or title held by an entity.</summary>
/// <param name="Title">The office, title-cased, such as <c>President</c> or <c>Secretary of State</c>.</param>
/// <param name="Organization">The organisation the office belongs to, or null when the text names none.</param>
/// <param name="Country">ISO 3166-1 alpha-3 country of the office, or null when unknown.</param>
/// <param name="Status">Whether the entity holds the office now: <c>current</c>, <c>former</c> or <c>designate</c>.</param>
public sealed record Role(string Title, string? Organization, string? Country, string Status);

/// <summary>One place in the text that refers to an entity.</summary>
/// <param name="Start">First UTF-16 offset of the mention in <see cref="Document.Text"/>.</param>
/// <param name="End">Offset just past the mention (half-open).</param>
/// <param name="Text">The mention's text, equal to <c>Document.Slice(Start, End)</c>.</param>
/// <param name="Sentence">Index in <see cref="Document.Sentences"/> of the sentence that contains the mention.</param>
public sealed record Mention(int Start, int End, string Text, int Sentence)
{
    /// <summary>
    /// What the words are, one of <see cref="Labels.MentionKinds"/>: <c>name</c> (a proper name from the name finder),
    /// <c>description</c> ("the president", "French troops") or <c>pronoun</c>. Mentions read from JSON or a store
    /// written before kinds existed are <c>name</c>.
    /// </summary>
    public string Kind { get; init; } = Labels.MentionKinds.Name;
}
