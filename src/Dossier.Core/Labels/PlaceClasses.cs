using System.Collections.Immutable;

namespace Dossier.Core.Labels;

/// <summary>
/// The feature class of a <see cref="Documents.Place"/>, and the precision of an event's place
/// (<see cref="Documents.EventLocation.Scope"/>). The JSON (<c>dossier/1</c> 1.1), the store and the exports write these strings.
/// </summary>
public static class PlaceClasses
{
    /// <summary>A country.</summary>
    public const string Country = "country";

    /// <summary>A first-level division of a country (a US state, a Swiss canton).</summary>
    public const string Admin1 = "admin1";

    /// <summary>A populated place.</summary>
    public const string City = "city";

    /// <summary>A building or site (a seat of government), placed at the place it stands in.</summary>
    public const string Landmark = "landmark";

    /// <summary>A region larger than a country or across borders.</summary>
    public const string Region = "region";

    /// <summary>Every class, in the order above.</summary>
    public static ImmutableArray<string> All { get; } = [Country, Admin1, City, Landmark, Region];

    /// <summary>An event's place named in the sentence that states it.</summary>
    public const string SentenceScope = "sentence";

    /// <summary>An event's place taken from the document's main place, at country precision, because its sentence names none.</summary>
    public const string DocumentScope = "document";

    /// <summary>
    /// The GDELT ActionGeo_Type of a place: 1 country, 2 US state, 3 US city or landmark, 4 world city or landmark, 5 world
    /// division; 0 for none.
    /// </summary>
    /// <param name="place">The place, or null.</param>
    public static int GdeltGeoType(Documents.Place? place) => place is null ? 0 : place.FeatureClass switch
    {
        Country or Region => 1,
        Admin1 => place.CountryCode == "US" ? 2 : 5,
        _ => place.CountryCode == "US" ? 3 : 4,
    };
}
