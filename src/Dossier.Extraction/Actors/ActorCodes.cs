namespace Dossier.Extraction.Actors;

/// <summary>Splits and builds CAMEO-style actor codes: a country or international prefix, then three-letter sectors.</summary>
public static class ActorCodes
{
    private static readonly HashSet<string> NonStatePrefixes = ["IGO", "NGO", "MNC", "IMG", "UIS", "NGM"];

    /// <summary>True for 3 to 15 upper-case ASCII letters in groups of three ("USAGOV", "IGOWSTNAT").</summary>
    public static bool IsValid(string code) =>
        code.Length is >= 3 and <= 15 && code.Length % 3 == 0 && code.All(char.IsAsciiLetterUpper);

    /// <summary>The country part of a code (first three letters) unless it is a non-state prefix such as IGO.</summary>
    public static string? CountryOf(string code)
    {
        if (code.Length < 3) return null;

        // A multinational's home country follows its prefix: MNCUSA.
        if (code.StartsWith("MNC", StringComparison.Ordinal)) return code.Length >= 6 ? code[3..6] : null;
        return NonStatePrefixes.Contains(code[..3]) ? null : code[..3];
    }

    /// <summary>The first sector of a code: "USAGOVLEG" → "GOV", "IGOWSTNAT" → "IGO", "USA" → null.</summary>
    public static string? SectorOf(string code)
    {
        if (code.Length < 3) return null;
        if (NonStatePrefixes.Contains(code[..3])) return code[..3];
        return code.Length >= 6 ? code[3..6] : null;
    }

    /// <summary>Country + sector, either of which may be missing.</summary>
    public static string? Combine(string? country, string? sector) =>
        country is null && sector is null ? null : (country ?? "") + (sector ?? "");
}
