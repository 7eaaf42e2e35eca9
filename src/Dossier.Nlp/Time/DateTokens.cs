using System.Globalization;
using Dossier.Nlp.Values;

namespace Dossier.Nlp.Time;

/// <summary>
/// Which single tokens of a sentence are a month name, a day of the month or a year, as the span rules need to know
/// before they decide how far an expression runs ("Oct. 3, 2025", "the 3rd of March", "in 1994").
/// </summary>
internal sealed class DateTokens
{
    private readonly SentenceWords _s;
    private readonly TimeLexicon _lexicon;

    public DateTokens(SentenceWords words, TimeLexicon lexicon)
    {
        _s = words;
        _lexicon = lexicon;
    }

    /// <summary>True when <paramref name="w"/> is <paramref name="min"/>–<paramref name="max"/> ASCII digits.</summary>
    public static bool IsDigits(string w, int min, int max)
    {
        if (w.Length < min || w.Length > max) return false;
        foreach (var c in w)
        {
            if (!char.IsAsciiDigit(c)) return false;
        }

        return true;
    }

    /// <summary>The value of a string of digits.</summary>
    public static int ParseInt(string w) => int.Parse(w, NumberStyles.None, CultureInfo.InvariantCulture);

    /// <summary>A capitalised month name at <paramref name="j"/>; an ambiguous abbreviation without period only before a day or year.</summary>
    public bool IsMonthAt(int j, out int month)
    {
        month = 0;
        var m = _s.M(j);
        if (!_lexicon.Months.TryGetValue(m, out month)) return false;
        if (!_s.Capitalised(j)) return false;
        if (_lexicon.AmbiguousMonthAbbreviations.Contains(m) && m == _s.W(j))
        {
            // "Jan" without a period: accept only before a day or year.
            return IsDayToken(j + 1, out _, out _) || IsDigits(_s.W(j + 1), 4, 4);
        }

        return true;
    }

    /// <summary>A day of the month at <paramref name="k"/> ("3", "3rd", "3 rd"); <paramref name="next"/> is the token after it.</summary>
    public bool IsDayToken(int k, out int day, out int next)
    {
        day = 0;
        next = k + 1;
        var w = _s.W(k);
        if (IsDigits(w, 1, 2))
        {
            day = ParseInt(w);
            if (_s.W(k + 1) is "st" or "nd" or "rd" or "th") next = k + 2;
        }
        else if (w.Length is 3 or 4 && IsDigits(w[..^2], 1, 2) && w[^2..] is "st" or "nd" or "rd" or "th")
        {
            day = ParseInt(w[..^2]);
        }
        else
        {
            return false;
        }

        if (day is < 1 or > 31) return false;
        var after = _s.W(next);
        if (after is "%" or "percent" or "per" or "million" or "billion" or "-" or ":" || _lexicon.Units.ContainsKey(after) && after is not ("day" or "days")) return false;
        return true;
    }

    /// <summary>A year at <paramref name="k"/>: four digits 1000–2999 (lenient: 4–6 digits, any value), not followed by a count noun or "%".</summary>
    public bool IsYearToken(int k, out int year, bool lenient)
    {
        year = 0;
        var w = _s.W(k);
        if (!IsDigits(w, 4, lenient ? 6 : 4)) return false;
        year = int.Parse(w, NumberStyles.None, CultureInfo.InvariantCulture);
        if (!lenient && year is < 1000 or > 2999) return false;
        var next = _s.W(k + 1);
        return !(next is "%" or "percent" || _lexicon.CountNouns.Contains(next) || _lexicon.Numbers.IsScale(next) && next.Length > 2);
    }
}
