using System.Collections.Frozen;

namespace Dossier.Export;

/// <summary>ISO 3166-1 alpha-3 → FIPS 10-4 country codes, which GDELT uses in its <c>*Geo_CountryCode</c> columns
/// (actor country codes stay CAMEO, i.e. alpha-3). Sovereign states and a few territories; a country not listed gives
/// no geo country code. Palestine is left out: FIPS splits it into the West Bank (WE) and Gaza (GZ).</summary>
public static class FipsCountryCodes
{
    private static readonly FrozenDictionary<string, string> ByIso3 = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        // North America, Central America and the Caribbean
        ["USA"] = "US", ["CAN"] = "CA", ["MEX"] = "MX", ["GTM"] = "GT", ["BLZ"] = "BH", ["HND"] = "HO", ["SLV"] = "ES",
        ["NIC"] = "NU", ["CRI"] = "CS", ["PAN"] = "PM", ["CUB"] = "CU", ["HTI"] = "HA", ["DOM"] = "DR", ["JAM"] = "JM",
        ["TTO"] = "TD", ["BHS"] = "BF", ["BRB"] = "BB",
        // South America
        ["BRA"] = "BR", ["ARG"] = "AR", ["CHL"] = "CI", ["URY"] = "UY", ["PRY"] = "PA", ["BOL"] = "BL", ["PER"] = "PE",
        ["ECU"] = "EC", ["COL"] = "CO", ["VEN"] = "VE", ["GUY"] = "GY", ["SUR"] = "NS",
        // Europe
        ["GBR"] = "UK", ["IRL"] = "EI", ["FRA"] = "FR", ["DEU"] = "GM", ["ITA"] = "IT", ["ESP"] = "SP", ["PRT"] = "PO",
        ["NLD"] = "NL", ["BEL"] = "BE", ["LUX"] = "LU", ["CHE"] = "SZ", ["AUT"] = "AU", ["DNK"] = "DA", ["NOR"] = "NO",
        ["SWE"] = "SW", ["FIN"] = "FI", ["ISL"] = "IC", ["POL"] = "PL", ["CZE"] = "EZ", ["SVK"] = "LO", ["HUN"] = "HU",
        ["ROU"] = "RO", ["BGR"] = "BU", ["GRC"] = "GR", ["CYP"] = "CY", ["MLT"] = "MT", ["SVN"] = "SI", ["HRV"] = "HR",
        ["BIH"] = "BK", ["SRB"] = "RI", ["MNE"] = "MJ", ["MKD"] = "MK", ["ALB"] = "AL", ["XKX"] = "KV", ["KOS"] = "KV",
        ["MDA"] = "MD", ["UKR"] = "UP", ["BLR"] = "BO", ["RUS"] = "RS", ["EST"] = "EN", ["LVA"] = "LG", ["LTU"] = "LH",
        ["VAT"] = "VT", ["MCO"] = "MN", ["AND"] = "AN", ["LIE"] = "LS", ["SMR"] = "SM",
        // Caucasus, Central and South Asia
        ["GEO"] = "GG", ["ARM"] = "AM", ["AZE"] = "AJ", ["TUR"] = "TU", ["KAZ"] = "KZ", ["UZB"] = "UZ", ["TKM"] = "TX",
        ["KGZ"] = "KG", ["TJK"] = "TI", ["AFG"] = "AF", ["PAK"] = "PK", ["IND"] = "IN", ["BGD"] = "BG", ["LKA"] = "CE",
        ["NPL"] = "NP", ["BTN"] = "BT", ["MDV"] = "MV",
        // East and South-East Asia, Oceania
        ["CHN"] = "CH", ["TWN"] = "TW", ["HKG"] = "HK", ["MNG"] = "MG", ["PRK"] = "KN", ["KOR"] = "KS", ["JPN"] = "JA",
        ["VNM"] = "VM", ["LAO"] = "LA", ["KHM"] = "CB", ["THA"] = "TH", ["MMR"] = "BM", ["MYS"] = "MY", ["SGP"] = "SN",
        ["IDN"] = "ID", ["PHL"] = "RP", ["BRN"] = "BX", ["TLS"] = "TT", ["AUS"] = "AS", ["NZL"] = "NZ", ["PNG"] = "PP",
        ["FJI"] = "FJ",
        // Middle East and North Africa
        ["IRN"] = "IR", ["IRQ"] = "IZ", ["SYR"] = "SY", ["LBN"] = "LE", ["ISR"] = "IS", ["JOR"] = "JO", ["SAU"] = "SA",
        ["YEM"] = "YM", ["OMN"] = "MU", ["ARE"] = "AE", ["QAT"] = "QA", ["BHR"] = "BA", ["KWT"] = "KU", ["EGY"] = "EG",
        ["LBY"] = "LY", ["TUN"] = "TS", ["DZA"] = "AG", ["MAR"] = "MO",
        // Sub-Saharan Africa
        ["SDN"] = "SU", ["SSD"] = "OD", ["ETH"] = "ET", ["ERI"] = "ER", ["DJI"] = "DJ", ["SOM"] = "SO", ["KEN"] = "KE",
        ["UGA"] = "UG", ["RWA"] = "RW", ["BDI"] = "BY", ["TZA"] = "TZ", ["MOZ"] = "MZ", ["MWI"] = "MI", ["ZMB"] = "ZA",
        ["ZWE"] = "ZI", ["AGO"] = "AO", ["NAM"] = "WA", ["BWA"] = "BC", ["ZAF"] = "SF", ["LSO"] = "LT", ["SWZ"] = "WZ",
        ["MDG"] = "MA", ["MUS"] = "MP", ["NGA"] = "NI", ["NER"] = "NG", ["TCD"] = "CD", ["CMR"] = "CM", ["CAF"] = "CT",
        ["COD"] = "CG", ["COG"] = "CF", ["GAB"] = "GB", ["GNQ"] = "EK", ["GHA"] = "GH", ["CIV"] = "IV", ["BFA"] = "UV",
        ["MLI"] = "ML", ["SEN"] = "SG", ["GMB"] = "GA", ["GIN"] = "GV", ["GNB"] = "PU", ["SLE"] = "SL", ["LBR"] = "LI",
        ["TGO"] = "TO", ["BEN"] = "BN", ["MRT"] = "MR", ["CPV"] = "CV",
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    /// <returns>The FIPS 10-4 code, or null when the country is unknown or not listed.</returns>
    public static string? FromIso3(string? iso3) =>
        iso3 is not null && ByIso3.TryGetValue(iso3.Trim(), out var fips) ? fips : null;
}
