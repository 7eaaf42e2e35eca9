using System.Globalization;
using System.Text.RegularExpressions;

namespace Dossier.Extraction.Actors;

/// <summary>One block of a TABARI/PETRARCH actor dictionary: its names and its (dated) codes.</summary>
internal sealed record PetrarchEntry(List<string> Names, List<DatedCode> Codes, bool FromCountryInfo, int Line);

/// <summary>
/// Reads the TABARI/PETRARCH <c>.actors</c> format used by the Phoenix dictionaries:
/// <code>
/// VLADIMIR_PUTIN_  # CountryInfo.txt      a name starts a block (words joined by _)
/// +PRESIDENT_PUTIN_                       + adds a synonym
///     [RUSGOV 991231-080507]              a code, optionally dated yymmdd-yymmdd, &gt;yymmdd (from) or &lt;yymmdd (until)
///     [RUSELI]                            an undated code: the default
/// UKRAINE_ [UKR]                          codes may follow the name on its line
/// </code>
/// Name lines without codes share the codes of the next block that has some (PETRARCH's rule), except
/// the one-person-per-line CountryInfo entries, which stand alone.
/// </summary>
internal static partial class PetrarchDictionary
{
    [GeneratedRegex(@"\[([^\]]*)\]")]
    private static partial Regex CodePattern();

    public static List<PetrarchEntry> Read(string path)
    {
        var entries = new List<PetrarchEntry>();
        PetrarchEntry? current = null;
        var lineNumber = 0;
        foreach (var raw in File.ReadLines(path))
        {
            lineNumber++;
            var line = raw.TrimEnd();
            var trimmed = line.TrimStart();
            if (trimmed.Length == 0 || trimmed[0] == '#') continue;
            var hash = trimmed.IndexOf('#', StringComparison.Ordinal);
            var comment = hash >= 0 ? trimmed[hash..] : "";
            var body = hash >= 0 ? trimmed[..hash] : trimmed;
            var codes = new List<DatedCode>();
            foreach (Match m in CodePattern().Matches(body))
            {
                if (ParseCode(m.Groups[1].Value) is { } code) codes.Add(code);
            }

            var name = CodePattern().Replace(body, " ").Trim();
            if (body.TrimStart().StartsWith('[') || name.Length == 0)
            {
                if (current is not null) current.Codes.AddRange(codes);
                continue;
            }

            if (name[0] == '+')
            {
                if (current is null) continue;
                AddName(current.Names, name[1..]);
                current.Codes.AddRange(codes);
                continue;
            }

            var countryInfo = comment.Contains("CountryInfo", StringComparison.OrdinalIgnoreCase) || comment.Contains("rulers", StringComparison.OrdinalIgnoreCase);
            if (current is not null && current.Codes.Count == 0 && !current.FromCountryInfo && !countryInfo)
            {
                // A name line without codes: it shares the codes that follow.
                AddName(current.Names, name);
                current.Codes.AddRange(codes);
                continue;
            }

            if (current is not null && current.Codes.Count > 0) entries.Add(current);
            current = new PetrarchEntry([], codes, countryInfo, lineNumber);
            AddName(current.Names, name);
        }

        if (current is not null && current.Codes.Count > 0) entries.Add(current);
        return entries;
    }

    private static void AddName(List<string> names, string raw)
    {
        var name = raw.Trim().Trim('_').Trim();
        if (name.Length == 0 || name.Contains('{') || name.Contains('!')) return;
        names.Add(name);
    }

    /// <summary>"RUSGOV 991231-080507", "UKR &gt;911221", "USRUKR &lt;910824", "IGOUNO" → a dated code; "---" or "~GOV" → null.</summary>
    internal static DatedCode? ParseCode(string text)
    {
        var parts = text.Split((char[])[' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length == 0) return null;
        var code = parts[0].Trim();
        if (code.Length < 3 || !code.All(c => c is >= 'A' and <= 'Z')) return null;
        DateOnly? from = null, to = null;
        if (parts.Length > 1)
        {
            var span = string.Concat(parts[1..]);
            if (span.StartsWith('>')) from = ParseDate(span[1..]);
            else if (span.StartsWith('<')) to = ParseDate(span[1..]);
            else if (span.Split('-') is [var a, var b])
            {
                from = ParseDate(a);
                to = ParseDate(b);
            }
        }

        return new DatedCode(code, from, to);
    }

    /// <summary>yymmdd (yy ≤ 30 → 20yy) or yyyymmdd; null when malformed.</summary>
    internal static DateOnly? ParseDate(string text)
    {
        text = text.Trim();
        if (!text.All(char.IsAsciiDigit)) return null;
        int year, month, day;
        if (text.Length == 6)
        {
            var yy = int.Parse(text[..2], CultureInfo.InvariantCulture);
            year = yy <= 30 ? 2000 + yy : 1900 + yy;
            month = int.Parse(text[2..4], CultureInfo.InvariantCulture);
            day = int.Parse(text[4..6], CultureInfo.InvariantCulture);
        }
        else if (text.Length == 8)
        {
            year = int.Parse(text[..4], CultureInfo.InvariantCulture);
            month = int.Parse(text[4..6], CultureInfo.InvariantCulture);
            day = int.Parse(text[6..8], CultureInfo.InvariantCulture);
        }
        else
        {
            return null;
        }

        if (month is < 1 or > 12) return null;
        day = Math.Clamp(day, 1, DateTime.DaysInMonth(year, month));
        return new DateOnly(year, month, day);
    }
}
