using System.Globalization;
using System.Text.RegularExpressions;

namespace Dossier.Ingest.Readers;

/// <summary>
/// Reads the dates that news sources carry (ISO 8601, RFC 822 as in RSS, and the common written
/// forms) as the calendar date the publisher wrote, without moving it to another time zone.
/// </summary>
internal static partial class DateParser
{
    private static readonly string[] Months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

    public static DateOnly? Parse(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        value = value.Trim();
        var iso = IsoDate().Match(value);
        if (iso.Success)
        {
            return Make(iso.Groups["y"].Value, iso.Groups["m"].Value, iso.Groups["d"].Value);
        }

        var rfc = DayMonthYear().Match(value);
        if (rfc.Success)
        {
            var month = Array.IndexOf(Months, rfc.Groups["m"].Value[..3].ToLowerInvariant()) + 1;
            var year = rfc.Groups["y"].Value;
            if (year.Length == 2)
            {
                year = "20" + year;
            }

            return month > 0 ? Make(year, month.ToString(CultureInfo.InvariantCulture), rfc.Groups["d"].Value) : null;
        }

        return DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces, out var parsed)
            ? DateOnly.FromDateTime(parsed.DateTime)
            : null;
    }

    private static DateOnly? Make(string year, string month, string day)
    {
        var y = int.Parse(year, CultureInfo.InvariantCulture);
        var m = int.Parse(month, CultureInfo.InvariantCulture);
        var d = int.Parse(day, CultureInfo.InvariantCulture);
        return y is >= 1 and <= 9999 && m is >= 1 and <= 12 && d >= 1 && d <= DateTime.DaysInMonth(y, m)
            ? new DateOnly(y, m, d)
            : null;
    }

    [GeneratedRegex(@"^(?<y>\d{4})-(?<m>\d{1,2})-(?<d>\d{1,2})(?![\d])", RegexOptions.CultureInvariant)]
    private static partial Regex IsoDate();

    [GeneratedRegex(@"^(?:[A-Za-z]{3,9},?\s+)?(?<d>\d{1,2})\s+(?<m>(?i:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?)\s+(?<y>\d{4}|\d{2})\b", RegexOptions.CultureInvariant)]
    private static partial Regex DayMonthYear();
}
