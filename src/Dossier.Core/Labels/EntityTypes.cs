using System.Collections.Immutable;

namespace Dossier.Core.Labels;

/// <summary>The OntoNotes entity types Dossier gives names and actors (<see cref="Documents.Entity.Type"/>); the JSON writes these strings.</summary>
public static class EntityTypes
{
    /// <summary>A person.</summary>
    public const string Person = "PERSON";

    /// <summary>An organisation: company, agency, party, team, institution.</summary>
    public const string Organization = "ORG";

    /// <summary>A geo-political entity: country, state, city.</summary>
    public const string Gpe = "GPE";

    /// <summary>A location that is not a GPE: region, sea, mountain.</summary>
    public const string Location = "LOC";

    /// <summary>A facility: building, airport, road, bridge.</summary>
    public const string Facility = "FAC";

    /// <summary>A nationality, religious or political group.</summary>
    public const string Group = "NORP";

    /// <summary>A named event: war, summit, storm.</summary>
    public const string Event = "EVENT";

    /// <summary>A named law or treaty.</summary>
    public const string Law = "LAW";

    /// <summary>A product: vehicle, weapon, device.</summary>
    public const string Product = "PRODUCT";

    /// <summary>A title of a book, song or film.</summary>
    public const string WorkOfArt = "WORK_OF_ART";

    /// <summary>Every type, in the order above.</summary>
    public static ImmutableArray<string> All { get; } = [Person, Organization, Gpe, Location, Facility, Group, Event, Law, Product, WorkOfArt];

    /// <summary>Whether entities of <paramref name="type"/> can act (take part in events as source or target): PERSON, ORG, GPE and NORP.</summary>
    /// <param name="type">An entity type; compared ordinally, so only the upper-case constants match.</param>
    public static bool IsActor(string type) => type is Person or Organization or Gpe or Group;
}
