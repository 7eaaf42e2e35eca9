using System.Collections.Frozen;
using System.Globalization;
using Dossier.Storage;
using Dossier.Storage.Corpus;
using Dossier.Core.Labels;

namespace Dossier.Export;

/// <summary>
/// The GDELT 2.0 event table (tab-separated, no header, the 61 columns of the GDELT Event Codebook V2.0 in order, see
/// <see cref="Columns"/>): one row per corpus event, latest first, with what Dossier knows and empty fields elsewhere.
/// </summary>
/// <remarks>
/// Actor1 is the first source actor, Actor2 the first target actor; their codes, country (CAMEO alpha-3) and type codes come
/// from the corpus entity (its country and sector) and the CAMEO actor code. <c>EventCode</c> is the CAMEO code,
/// <c>EventBaseCode</c> its first three digits, <c>EventRootCode</c> its first two. <c>SQLDATE</c> is the event's day (the
/// first publication date when no report dates it); <c>FractionDate</c> is year + (day of year − 1) / days in year.
/// <c>ActionGeo_*</c> come from the event's gazetteer place (<see cref="CorpusEventSummary.Place"/>: geo type, full name,
/// FIPS country, ADM1, latitude, longitude, feature id); without one, <c>ActionGeo_FullName</c> is the place's text and its
/// FIPS country code is filled when the place is a known corpus place (GPE, LOC or FAC) with a country. <c>DATEADDED</c> is the first publication date at 00:00:00, <c>SOURCEURL</c> the
/// link of the earliest report (its URL, else its source). Left empty: the ethnic, religion and known-group codes unless a
/// CAMEO code gives a group, <c>IsRootEvent</c>, <c>AvgTone</c>, actor geography and ADM2 codes. Tabs and line breaks inside fields become spaces.
/// </remarks>
public sealed class GdeltExporter : TextExporter
{
    /// <summary>The eight fields of each geography block (declared before <see cref="Columns"/>, which uses them).</summary>
    private static readonly string[] GeoFields = ["Type", "FullName", "CountryCode", "ADM1Code", "ADM2Code", "Lat", "Long", "FeatureID"];

    /// <summary>The GDELT 2.0 event table columns, in file order (61).</summary>
    /// <remarks>
    ///  1 GLOBALEVENTID, 2 SQLDATE, 3 MonthYear, 4 Year, 5 FractionDate,
    ///  6 Actor1Code, 7 Actor1Name, 8 Actor1CountryCode, 9 Actor1KnownGroupCode, 10 Actor1EthnicCode,
    /// 11 Actor1Religion1Code, 12 Actor1Religion2Code, 13 Actor1Type1Code, 14 Actor1Type2Code, 15 Actor1Type3Code,
    /// 16–25 the same ten for Actor2,
    /// 26 IsRootEvent, 27 EventCode, 28 EventBaseCode, 29 EventRootCode, 30 QuadClass, 31 GoldsteinScale,
    /// 32 NumMentions, 33 NumSources, 34 NumArticles, 35 AvgTone,
    /// 36 Actor1Geo_Type, 37 Actor1Geo_FullName, 38 Actor1Geo_CountryCode, 39 Actor1Geo_ADM1Code, 40 Actor1Geo_ADM2Code,
    /// 41 Actor1Geo_Lat, 42 Actor1Geo_Long, 43 Actor1Geo_FeatureID, 44–51 the same eight for Actor2Geo_,
    /// 52–59 the same eight for ActionGeo_, 60 DATEADDED, 61 SOURCEURL.
    /// </remarks>
    public static IReadOnlyList<string> Columns { get; } = BuildColumns();

    /// <summary>CAMEO actor type (role) codes, as they follow a country or group code.</summary>
    private static readonly FrozenSet<string> TypeCodes = FrozenSet.ToFrozenSet(
    [
        "COP", "GOV", "INS", "JUD", "MIL", "OPP", "REB", "SEP", "SPY", "UAF", "AGR", "BUS", "CRM", "CVL", "DEV", "EDU",
        "ELI", "ENV", "HLH", "HRI", "LAB", "LEG", "MED", "REF", "MOD", "RAD", "MNC", "NGM", "SET", "IGO", "NGO", "IMG",
    ], StringComparer.OrdinalIgnoreCase);

    /// <summary>First segments of CAMEO actor codes that are not countries: international and transnational actors.</summary>
    private static readonly FrozenSet<string> NonCountryPrefixes = FrozenSet.ToFrozenSet(
        ["IGO", "NGO", "IMG", "MNC", "NGM", "UIS", "INT", "REB", "SPY", "CRM", "BUS", "MED", "HRI", "REF"], StringComparer.OrdinalIgnoreCase);

    private static readonly FrozenSet<string> PlaceTypes = FrozenSet.ToFrozenSet([EntityTypes.Gpe, EntityTypes.Location, EntityTypes.Facility], StringComparer.Ordinal);

    public override string Format => "gdelt";

    public override string Description => "the GDELT 2.0 event table: 61 tab-separated columns, no header";

    public override string RecordName => "events";

    protected override async Task<long> WriteAsync(IDocumentStore store, ICorpusQueries corpus, ExportOptions options, TextWriter output, ICollection<string> skipped, CancellationToken cancellationToken)
    {
        var entities = await StorePages.EntityIndexAsync(corpus, cancellationToken).ConfigureAwait(false);
        var places = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        var urls = new Dictionary<string, string?>(StringComparer.Ordinal);
        long count = 0;
        await foreach (var e in StorePages.EventsAsync(corpus, options.MinConfidence, cancellationToken).ConfigureAwait(false))
        {
            string? placeCountry = null;
            if (!string.IsNullOrWhiteSpace(e.Location) && !places.TryGetValue(e.Location, out placeCountry))
            {
                var place = await corpus.GetEntityAsync(e.Location, mentionSamples: 0, cancellationToken).ConfigureAwait(false);
                placeCountry = place is { } p && PlaceTypes.Contains(p.Entity.Type) ? p.Entity.Country : null;
                places[e.Location] = placeCountry;
            }

            string? url = null;
            var first = e.Evidence.Count > 0 ? e.Evidence[0] : null;
            if (first is not null && !urls.TryGetValue(first.DocumentId, out url))
            {
                var document = await store.GetAsync(first.DocumentId, cancellationToken).ConfigureAwait(false);
                url = document?.Metadata.Url ?? document?.Metadata.Source;
                urls[first.DocumentId] = url;
            }

            var row = Row(e, entities, placeCountry, url);
            await output.WriteAsync(string.Join('\t', row).AsMemory(), cancellationToken).ConfigureAwait(false);
            await output.WriteAsync('\n').ConfigureAwait(false);
            count++;
        }

        return count;
    }

    /// <summary>
    /// The eight ActionGeo_ fields: from the event's gazetteer place when it has one (type 1 country, 2 US state, 3 US city or
    /// landmark, 4 world city or landmark, 5 world division; full name "place, division"; FIPS country; ADM1 as FIPS country +
    /// GeoNames division code; latitude, longitude; the gazetteer id), else the place's text and the corpus place's country.
    /// </summary>
    private static string?[] ActionGeo(CorpusEventSummary e, string? placeCountry)
    {
        if (e.Place is not { } p)
        {
            return [null, e.Location, FipsCountryCodes.FromIso3(placeCountry), null, null, null, null, null];
        }

        var fips = FipsCountryCodes.FromIso3(p.Country ?? placeCountry);
        var fullName = p.Admin1 is { Length: > 0 } a && p.FeatureClass is not (PlaceClasses.Admin1 or PlaceClasses.Country) && a != p.Name
            ? p.Name + ", " + a
            : p.Name;
        var adm1 = p.FeatureClass is PlaceClasses.Country or PlaceClasses.Region ? fips
            : fips is not null && p.Admin1Code is { Length: > 0 } code ? fips + code : null;
        return
        [
            PlaceClasses.GdeltGeoType(p).ToString(CultureInfo.InvariantCulture), fullName, fips, adm1, null,
            p.Latitude.ToString("0.####", CultureInfo.InvariantCulture), p.Longitude.ToString("0.####", CultureInfo.InvariantCulture), p.GazetteerId,
        ];
    }

    /// <summary>The 61 fields of one corpus event.</summary>
    /// <param name="entities">Corpus entities by id, for actor countries and sectors.</param>
    /// <param name="placeCountry">ISO alpha-3 country of the event's place, or null.</param>
    /// <param name="sourceUrl">The earliest report's link, or null.</param>
    public static string[] Row(CorpusEventSummary e, IReadOnlyDictionary<long, CorpusEntitySummary> entities, string? placeCountry, string? sourceUrl)
    {
        ArgumentNullException.ThrowIfNull(e);
        ArgumentNullException.ThrowIfNull(entities);
        var row = new List<string?>(Columns.Count)
        {
            e.Id.ToString(CultureInfo.InvariantCulture),
            e.Day?.ToString("yyyyMMdd", CultureInfo.InvariantCulture),
            e.Day?.ToString("yyyyMM", CultureInfo.InvariantCulture),
            e.Day?.ToString("yyyy", CultureInfo.InvariantCulture),
            e.Day is { } day ? FractionDate(day) : null,
        };
        row.AddRange(ActorFields(e.Source.Count > 0 ? e.Source[0] : null, entities));
        row.AddRange(ActorFields(e.Target.Count > 0 ? e.Target[0] : null, entities));
        var cameo = e.Cameo.Trim();
        row.AddRange(
        [
            null, // IsRootEvent: not known
            cameo,
            cameo.Length >= 3 ? cameo[..3] : cameo,
            cameo.Length >= 2 ? cameo[..2] : cameo,
            e.QuadClass.ToString(CultureInfo.InvariantCulture),
            CsvExporter.Number(e.Goldstein),
            e.NumMentions.ToString(CultureInfo.InvariantCulture),
            e.NumSources.ToString(CultureInfo.InvariantCulture),
            e.NumArticles.ToString(CultureInfo.InvariantCulture),
            null, // AvgTone
        ]);
        row.AddRange(new string?[GeoFields.Length]); // Actor1Geo_*
        row.AddRange(new string?[GeoFields.Length]); // Actor2Geo_*
        row.AddRange(ActionGeo(e, placeCountry)); // ActionGeo_*
        var added = e.Evidence.Select(v => v.Published).Where(p => p is not null).Min() ?? e.Day;
        row.Add(added?.ToString("yyyyMMdd", CultureInfo.InvariantCulture) + (added is null ? "" : "000000"));
        row.Add(sourceUrl);
        if (row.Count != Columns.Count)
        {
            throw new InvalidOperationException($"GDELT row has {row.Count} fields, expected {Columns.Count}.");
        }

        return [.. row.Select(Clean)];
    }

    /// <summary>Code, Name, CountryCode, KnownGroupCode, EthnicCode, Religion1Code, Religion2Code, Type1Code–Type3Code.</summary>
    private static string?[] ActorFields(CorpusActor? actor, IReadOnlyDictionary<long, CorpusEntitySummary> entities)
    {
        var fields = new string?[10];
        if (actor is null)
        {
            return fields;
        }

        CorpusEntitySummary? entity = actor.EntityId is { } id && entities.TryGetValue(id, out var found) ? found : null;
        var code = (actor.Code ?? entity?.Code)?.Trim().ToUpperInvariant();
        var (codeCountry, group, types) = ParseActorCode(code);
        var sector = entity?.Sector?.Trim().ToUpperInvariant();
        if (!string.IsNullOrEmpty(sector) && TypeCodes.Contains(sector) && !types.Contains(sector))
        {
            types.Insert(0, sector);
        }

        fields[0] = code;
        fields[1] = actor.Name;
        fields[2] = entity?.Country?.Trim().ToUpperInvariant() ?? codeCountry;
        fields[3] = group;
        for (var i = 0; i < Math.Min(3, types.Count); i++)
        {
            fields[7 + i] = types[i];
        }

        return fields;
    }

    /// <summary>Splits a CAMEO actor code into 3-letter segments: a leading country (unless it is an international or
    /// transnational prefix such as IGO), a known group (the segment after IGO/NGO/IMG/MNC that is no type), and types.</summary>
    internal static (string? Country, string? Group, List<string> Types) ParseActorCode(string? code)
    {
        var types = new List<string>();
        if (string.IsNullOrEmpty(code) || code.Length < 3 || code.Length % 3 != 0 || !code.All(char.IsAsciiLetterOrDigit))
        {
            return (null, null, types);
        }

        string? country = null;
        string? group = null;
        var segments = Enumerable.Range(0, code.Length / 3).Select(i => code.Substring(i * 3, 3)).ToList();
        var start = 0;
        if (!NonCountryPrefixes.Contains(segments[0]) && !TypeCodes.Contains(segments[0]))
        {
            country = segments[0];
            start = 1;
        }

        for (var i = start; i < segments.Count; i++)
        {
            if (TypeCodes.Contains(segments[i]))
            {
                types.Add(segments[i]);
                if (group is null && segments[i] is "IGO" or "NGO" or "IMG" or "MNC" && i + 1 < segments.Count && !TypeCodes.Contains(segments[i + 1]))
                {
                    group = segments[++i];
                }
            }
        }

        return (country, group, types);
    }

    /// <summary>Year + (day of year − 1) / days in year, four decimals (2025-01-01 → 2025.0000).</summary>
    internal static string FractionDate(DateOnly day)
    {
        var days = DateTime.IsLeapYear(day.Year) ? 366.0 : 365.0;
        return (day.Year + ((day.DayOfYear - 1) / days)).ToString("0.0000", CultureInfo.InvariantCulture);
    }

    private static string Clean(string? field) =>
        string.IsNullOrEmpty(field) ? "" : field.Replace('\t', ' ').Replace('\r', ' ').Replace('\n', ' ');

    private static string[] BuildColumns()
    {
        var columns = new List<string> { "GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate" };
        foreach (var actor in new[] { "Actor1", "Actor2" })
        {
            columns.AddRange(new[] { "Code", "Name", "CountryCode", "KnownGroupCode", "EthnicCode", "Religion1Code", "Religion2Code", "Type1Code", "Type2Code", "Type3Code" }
                .Select(c => actor + c));
        }

        columns.AddRange(["IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale", "NumMentions", "NumSources", "NumArticles", "AvgTone"]);
        foreach (var geo in new[] { "Actor1Geo_", "Actor2Geo_", "ActionGeo_" })
        {
            columns.AddRange(GeoFields.Select(f => geo + f));
        }

        columns.AddRange(["DATEADDED", "SOURCEURL"]);
        return [.. columns];
    }
}
