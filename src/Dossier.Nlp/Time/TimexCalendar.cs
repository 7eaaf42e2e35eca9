using System.Globalization;

namespace Dossier.Nlp.Time;

/// <summary>Calendar arithmetic and TIMEX3 value formatting; every method returns null instead of throwing.</summary>
internal static class TimexCalendar
{
    private static readonly DateOnly Min = new(1, 1, 8);
    private static readonly DateOnly Max = new(9999, 12, 24);

    public static DateOnly? AddDays(DateOnly d, long days)
    {
        if (days is > 3_000_000 or < -3_000_000) return null;
        var target = (long)d.DayNumber + days;
        return target < Min.DayNumber || target > Max.DayNumber ? null : DateOnly.FromDayNumber((int)target);
    }

    public static string? Day(DateOnly? d) => d is { } x ? x.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : null;

    public static string? Day(int year, int month, int day)
    {
        if (year is < 1 or > 9999 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month)) return null;
        return $"{year:D4}-{month:D2}-{day:D2}";
    }

    public static bool IsValidDay(int year, int month, int day) =>
        year is >= 1 and <= 9999 && month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month);

    public static string? Week(DateOnly? d)
    {
        if (d is not { } x || x < Min || x > Max) return null;
        var dt = x.ToDateTime(TimeOnly.MinValue);
        return $"{ISOWeek.GetYear(dt):D4}-W{ISOWeek.GetWeekOfYear(dt):D2}";
    }

    public static string? Year(long year) => year is >= 0 and <= 9999 ? ((int)year).ToString("D4", CultureInfo.InvariantCulture) : null;

    public static string? Month(long year, long month)
    {
        var index = year * 12 + (month - 1);
        var y = Math.DivRem(index, 12, out var m);
        if (m < 0) { m += 12; y--; }
        return y is >= 0 and <= 9999 ? $"{y:D4}-{m + 1:D2}" : null;
    }

    public static string? Quarter(long year, long quarter)
    {
        var index = year * 4 + (quarter - 1);
        var y = Math.DivRem(index, 4, out var q);
        if (q < 0) { q += 4; y--; }
        return y is >= 0 and <= 9999 ? $"{y:D4}-Q{q + 1}" : null;
    }

    public static int QuarterOf(DateOnly d) => (d.Month - 1) / 3 + 1;

    /// <summary>ISO weekday, Monday 1 … Sunday 7.</summary>
    public static int IsoDay(DateOnly d) => d.DayOfWeek == DayOfWeek.Sunday ? 7 : (int)d.DayOfWeek;

    /// <summary>Season index within a year: WI 0 (Jan–Feb), SP 1, SU 2, FA 3, and December counts as the next winter (4).</summary>
    public static int SeasonIndex(string code) => code switch { "WI" => 0, "SP" => 1, "SU" => 2, "FA" => 3, _ => 0 };

    public static int SeasonOf(DateOnly d) => d.Month switch { 1 or 2 => 0, <= 5 => 1, <= 8 => 2, <= 11 => 3, _ => 4 };

    /// <summary>Western Easter Sunday (anonymous Gregorian algorithm).</summary>
    public static DateOnly? Easter(int year)
    {
        if (year is < 1583 or > 9999) return null;
        int a = year % 19, b = year / 100, c = year % 100, d = b / 4, e = b % 4, f = (b + 8) / 25, g = (b - f + 1) / 3;
        var h = (19 * a + b - d - g + 15) % 30;
        int i = c / 4, k = c % 4;
        var l = (32 + 2 * e + 2 * i - h - k) % 7;
        var m = (a + 11 * h + 22 * l) / 451;
        var month = (h + l - 7 * m + 114) / 31;
        var day = (h + l - 7 * m + 114) % 31 + 1;
        return new DateOnly(year, month, day);
    }

    /// <summary>The <paramref name="n"/>th <paramref name="isoDay"/> of a month; n = -1 for the last one.</summary>
    public static DateOnly? NthWeekday(int year, int month, int isoDay, int n)
    {
        if (year is < 1 or > 9999) return null;
        if (n > 0)
        {
            var first = new DateOnly(year, month, 1);
            var offset = (isoDay - IsoDay(first) + 7) % 7 + (n - 1) * 7;
            return first.AddDays(offset);
        }

        var last = new DateOnly(year, month, DateTime.DaysInMonth(year, month));
        return last.AddDays(-((IsoDay(last) - isoDay + 7) % 7));
    }

    /// <summary>Formats a duration: P3D, PT2H, P10Y, PXY; fractions of hours become minutes (PT5H30M).</summary>
    public static string Duration(decimal? amount, char letter, bool isTime, int factor)
    {
        var prefix = isTime ? "PT" : "P";
        if (amount is not { } n) return prefix + "X" + letter;
        n *= factor;
        if (n != decimal.Truncate(n))
        {
            if (letter == 'H' && isTime)
            {
                var whole = decimal.Truncate(n);
                var minutes = decimal.Round((n - whole) * 60);
                return whole == 0 ? $"PT{minutes.ToString(CultureInfo.InvariantCulture)}M" : $"PT{whole.ToString(CultureInfo.InvariantCulture)}H{minutes.ToString(CultureInfo.InvariantCulture)}M";
            }

            if (letter == 'Y' && !isTime && n * 12 == decimal.Truncate(n * 12)) return $"P{(n * 12).ToString("0", CultureInfo.InvariantCulture)}M";
            if (letter == 'D' && !isTime && n * 24 == decimal.Truncate(n * 24)) return $"PT{(n * 24).ToString("0", CultureInfo.InvariantCulture)}H";
        }

        return prefix + n.ToString("0.##", CultureInfo.InvariantCulture) + letter;
    }
}
