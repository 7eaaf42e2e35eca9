namespace Dossier.Core.Documents;

/// <summary>Where a place mention is on the earth: its gazetteer record (the <c>place</c> of <c>dossier/1</c> 1.1).</summary>
/// <param name="Name">The gazetteer's name of the place ("Kyiv", "Maryland", "South Korea").</param>
/// <param name="FeatureClass">One of <see cref="Labels.PlaceClasses"/>: country, admin1, city, landmark or region.</param>
/// <param name="CountryCode">ISO 3166-1 alpha-2 country code ("UA").</param>
/// <param name="Admin1">The first-level division the place lies in ("Texas"), or null when unknown or when the place is a country.</param>
/// <param name="Latitude">Latitude in degrees (WGS 84).</param>
/// <param name="Longitude">Longitude in degrees (WGS 84).</param>
/// <param name="GazetteerId">The gazetteer id: the GeoNames id of a city, the ISO 3166 code of a country ("UA") or a division ("US-MD").</param>
public sealed record Place(string Name, string FeatureClass, string CountryCode, string? Admin1, double Latitude, double Longitude, string GazetteerId)
{
    /// <summary>The population the gazetteer gives the place; 0 when unknown (landmarks).</summary>
    public long Population { get; init; }

    /// <summary>ISO 3166-1 alpha-3 country code ("UKR"), as in the other <c>country</c> fields; null when unknown.</summary>
    public string? Country { get; init; }

    /// <summary>The GeoNames code of the first-level division within the country ("MD", "12"), or null.</summary>
    public string? Admin1Code { get; init; }
}
