using System.Collections.Immutable;
using Dossier.Core.Documents;
using Dossier.Core.Pipeline;

namespace Dossier.Extraction.Places;

/// <summary>
/// Geocoding: first finds the place mentions the name finder missed or mistyped (<see cref="PlaceMentionFinder"/>: new
/// GPE entities and mentions, ORG or PERSON entities used as places retyped GPE), then gives each GPE, LOC and FAC entity its
/// place (<see cref="Entity.Place"/>) from the shipped gazetteer, disambiguated by the document's other places and actors
/// (<see cref="Geocoder"/>). Needs the entities layer; runs
/// before the events, whose locations carry the places. Immutable and thread-safe.
/// </summary>
public sealed class PlaceStage : IStage
{
    private readonly Geocoder _geocoder;
    private readonly PlaceMentionFinder _finder;

    /// <summary>A stage over the shipped gazetteer (<c>models/places/gazetteer.tsv.gz</c>) and word lists, loaded once per process.</summary>
    /// <exception cref="Dossier.Core.Data.DataFileException">The gazetteer or a word list is missing or malformed.</exception>
    public PlaceStage()
    {
        _geocoder = new Geocoder(PlaceGazetteer.Default);
        _finder = new PlaceMentionFinder(PlaceGazetteer.Default, PlaceWords.Default);
    }

    /// <summary>Loads the shipped gazetteer and word lists now (the pipeline loads its models side by side).</summary>
    /// <exception cref="Dossier.Core.Data.DataFileException">The gazetteer or a word list is missing or malformed.</exception>
    public static void LoadDefault()
    {
        _ = PlaceGazetteer.Default;
        _ = PlaceWords.Default;
    }

    /// <inheritdoc />
    public string Name => "places";

    /// <inheritdoc />
    public Layers Needs => Layers.Entities;

    /// <inheritdoc />
    public Layers Uses => Layers.Syntax;

    /// <inheritdoc />
    public Layers Adds => Layers.Places;

    /// <inheritdoc />
    public Document Process(Document document)
    {
        ArgumentNullException.ThrowIfNull(document);
        document = _finder.Find(document).Document; // place mentions the name finder missed or mistyped
        var decisions = _geocoder.Resolve(document);
        if (decisions.Count == 0) return document;
        var byId = decisions.Where(d => d.Result is not null).ToDictionary(d => d.Entity.Id, d => d.Result!, StringComparer.Ordinal);
        if (byId.Count == 0) return document;
        return document with
        {
            Entities = [.. document.Entities.Select(e => byId.TryGetValue(e.Id, out var p) ? e with { Place = p } : e)],
        };
    }
}

/// <summary>The place an event falls back to when its sentence names none: the country of the document's main place.</summary>
internal static class DocumentPlace
{
    /// <summary>
    /// The location of events whose sentence names no place: the country of the document's main place, at country
    /// precision (<see cref="Core.Labels.PlaceClasses.DocumentScope"/>); null when the document has no resolved place.
    /// The main place is the one mentioned most often (the first on a tie) among the places the text does not use as an
    /// actor (no sector: "Kyiv said" is the government), else among all.
    /// </summary>
    public static EventLocation? Fallback(Document document)
    {
        if (document.Entities.IsDefaultOrEmpty) return null;
        var main = Main(document, asPlaceOnly: true) ?? Main(document, asPlaceOnly: false);

        if (main?.Place is not { } place) return null;
        return At(main, place);
    }

    private static Entity? Main(Document document, bool asPlaceOnly)
    {
        Entity? main = null;
        foreach (var e in document.Entities)
        {
            if (e.Place is null || !Geocoder.IsPlace(e) || (asPlaceOnly && e.Sector is not null)) continue;
            if (main is null || e.Mentions.Length > main.Mentions.Length) main = e;
        }

        return main;
    }

    private static EventLocation? At(Entity main, Place place)
    {
        var country = PlaceGazetteer.Default.CountryByIso2(place.CountryCode);
        if (country is null) return null;
        return new EventLocation(country.Name, null, country.Code.Length == 3 ? country.Code : main.Country)
        {
            Place = PlaceGazetteer.Default.ToPlace(country),
            Scope = Core.Labels.PlaceClasses.DocumentScope,
        };
    }
}
