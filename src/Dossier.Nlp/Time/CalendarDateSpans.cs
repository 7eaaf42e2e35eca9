using Dossier.Core.Labels;
using static Dossier.Nlp.Time.DateTokens;
using static Dossier.Nlp.Time.TimexCalendar;

namespace Dossier.Nlp.Time;

/// <summary>
/// Span rules for calendar dates: "2025-10-17", "10/17/25", "Oct. 17, 2025", "17 October", "March 2025", "in March",
/// "Tuesday", "Tuesday morning", "in 1994", "fiscal 2025", "FY25". Values of dates without a year come from
/// <see cref="RelativeDateResolver"/>.
/// </summary>
internal sealed class CalendarDateSpans
{
    private readonly SentenceWords _s;
    private readonly TimeLexicon _lexicon;
    private readonly DateTokens _dates;
    private readonly TenseCues _tense;
    private readonly RelativeDateResolver _resolve;

    public CalendarDateSpans(TimexSentence sentence)
    {
        (_s, _lexicon, _dates, _tense, _resolve) = sentence;
    }

    private string W(int i) => _s.W(i);

    /// <summary>"2025-10-17", "10/17/2025", "10/17/25".</summary>
    public TimexMatch? NumericDate(int j)
    {
        var w = W(j);
        var dash = w.Split('-');
        if (dash.Length == 3 && IsDigits(dash[0], 4, 4) && IsDigits(dash[1], 1, 2) && IsDigits(dash[2], 1, 2))
        {
            return new TimexMatch(j, j + 1, TimeTypes.Date, Day(ParseInt(dash[0]), ParseInt(dash[1]), ParseInt(dash[2])));
        }

        var slash = w.Split('/');
        if (slash.Length == 3 && IsDigits(slash[0], 1, 2) && IsDigits(slash[1], 1, 2) && (IsDigits(slash[2], 4, 4) || IsDigits(slash[2], 2, 2)))
        {
            int m = ParseInt(slash[0]), d = ParseInt(slash[1]), y = ParseInt(slash[2]);
            if (m > 12 && d <= 12) (m, d) = (d, m);
            if (slash[2].Length == 2)
            {
                y = _resolve.ExpandTwoDigitYear(y);
            }

            return new TimexMatch(j, j + 1, TimeTypes.Date, Day(y, m, d));
        }

        return null;
    }

    /// <summary>"mid-October", "Oct. 17(, 2025)", "October (of) 2025", "(in) March".</summary>
    public TimexMatch? MonthDate(int j)
    {
        var dashAt = W(j).IndexOf('-', StringComparison.Ordinal);
        if (dashAt > 0 && W(j)[..dashAt] is "mid" or "late" or "early" && _lexicon.Months.TryGetValue(W(j)[(dashAt + 1)..], out var midMonth) && W(j).Length - dashAt > 4)
        {
            return new TimexMatch(j, j + 1, TimeTypes.Date, _resolve.NamedMonthOrUnanchored(midMonth, _tense.Around(j, j + 1)));
        }

        if (!_dates.IsMonthAt(j, out var month)) return null;
        var k = j + 1;
        if (_dates.IsDayToken(k, out var day, out var afterDay))
        {
            var ky = W(afterDay) == "," ? afterDay + 1 : afterDay;
            if (_dates.IsYearToken(ky, out var year, lenient: true))
            {
                return new TimexMatch(j, ky + 1, TimeTypes.Date, Day(year, month, day));
            }

            return new TimexMatch(j, afterDay, TimeTypes.Date, _resolve.MonthDay(month, day, _tense.Around(j, afterDay)));
        }

        var kyear = W(k) is "of" or "," ? k + 1 : k;
        if (_dates.IsYearToken(kyear, out var y2, lenient: false))
        {
            return new TimexMatch(j, kyear + 1, TimeTypes.Date, TimexCalendar.Month(y2, month));
        }

        // A month alone: "in March". "May" and "March" are also words.
        var m = _s.M(j);
        if (m is "may" or "march")
        {
            var prev = W(j - 1);
            if (!(prev is "in" or "since" or "until" or "by" or "early" or "late" or "mid" or "mid-" or "last" or "next" or "this" or "of" or "through" or "from" or "during" or "before" or "after" or "-" or "till" or "that" or "until" or "end" or "beginning")) return null;
            if (m == "may" && W(j - 1) is not "in" and not "since" and not "until" and not "early" and not "late" and not "mid" and not "last" and not "next" and not "this" and not "through" and not "during" and not "-" and not "till" and not "of" and not "by") return null;
        }

        if (!char.IsUpper(_s.Original(j)[0]) && !_s.Caseless) return null;
        return new TimexMatch(j, j + 1, TimeTypes.Date, _resolve.NamedMonthOrUnanchored(month, _tense.Around(j, j + 1)));
    }

    /// <summary>"17 October(, 2025)", "the 17th of October".</summary>
    public TimexMatch? DayMonth(int j)
    {
        var k = j;
        if (W(k) == "the") k++;
        if (!_dates.IsDayToken(k, out var day, out var after)) return null;
        if (W(after) == "of") after++;
        if (!_dates.IsMonthAt(after, out var month)) return null;
        if (k > j && W(k + 1) is not ("of" or "st" or "nd" or "rd" or "th") && !W(k).EndsWith("th", StringComparison.Ordinal) && !W(k).EndsWith("st", StringComparison.Ordinal) && !W(k).EndsWith("nd", StringComparison.Ordinal) && !W(k).EndsWith("rd", StringComparison.Ordinal)) return null;
        var ky = after + 1;
        if (W(ky) == ",") ky++;
        if (_dates.IsYearToken(ky, out var year, lenient: true))
        {
            return new TimexMatch(j, ky + 1, TimeTypes.Date, Day(year, month, day));
        }

        return new TimexMatch(j, after + 1, TimeTypes.Date, _resolve.MonthDay(month, day, _tense.Around(j, after + 1)));
    }

    /// <summary>"Tuesday", "Tuesday, Oct. 14", "Tuesday morning", "Mondays" (a SET).</summary>
    public TimexMatch? Weekday(int j)
    {
        var w = W(j);
        if (_lexicon.WeekdayPlurals.TryGetValue(w, out var setDay))
        {
            return new TimexMatch(j, j + 1, TimeTypes.Set, $"XXXX-WXX-{setDay}");
        }

        if (!_lexicon.Weekdays.TryGetValue(w, out var isoDay))
        {
            if (!_lexicon.WeekdayAbbreviations.TryGetValue(w, out isoDay) || !char.IsUpper(_s.Original(j)[0])) return null;
            var nextIsDate = W(j + 1) == "," ? j + 2 : j + 1;
            if (!_dates.IsMonthAt(nextIsDate, out _)) return null;
        }

        var k = W(j + 1) == "," ? j + 2 : j + 1;
        if (MonthDate(k) is { } md && md.End > k + 1) return md with { First = j };
        if (DayMonth(k) is { } dm) return dm with { First = j };
        var tense = W(j + 1) == "'s" ? Tense.Past : _tense.Around(j, j + 1);
        var date = _resolve.NamedWeekday(isoDay, tense);
        if (_lexicon.PartsOfDay.TryGetValue(W(j + 1), out var part))
        {
            return new TimexMatch(j, j + 2, TimeTypes.Time, RelativeDateResolver.WithPartOfDay(date, part));
        }

        return new TimexMatch(j, j + 1, TimeTypes.Date, Day(date));
    }

    /// <summary>"1994" where it is a year, "fiscal (year) 2025", "calendar 2024", "FY25", "FY2025".</summary>
    public TimexMatch? YearRule(int j)
    {
        var w = W(j);
        if (w.Length is 4 or 6 && w.StartsWith("fy", StringComparison.Ordinal) && IsDigits(w[2..], 2, 4))
        {
            var fy = ParseInt(w[2..]);
            if (w.Length == 4) fy += fy < 50 ? 2000 : 1900;
            return new TimexMatch(j, j + 1, TimeTypes.Date, Year(fy));
        }

        var start = j;
        var k = j;
        if (w is "fiscal" or "fy" or "calendar")
        {
            k++;
            if (W(k) == "year") k++;
        }

        if (!_dates.IsYearToken(k, out var year, lenient: false)) return null;
        var prev = W(start - 1);
        if (k == j)
        {
            if (_lexicon.AmountCues.Contains(prev)) return null;
            var strong = prev is "in" or "since" or "until" or "till" or "before" or "after" or "during" or "circa" or "year" or "early" or "late" or "mid" or "mid-" or "through" or "summer" or "spring" or "winter" or "autumn" or "fall";
            if (!strong && (year < 1800 || year > 2099)) return null;
            var next = W(k + 1);
            if (!strong && next.Length > 3 && next[^1] == 's' && next[^2] != 's' && next[^2] != '\'' && char.IsLower(_s.Original(k + 1)[0]) &&
                !_lexicon.NotPluralAfterYear.Contains(next))
            {
                return null;
            }

            if (next is "," && IsDigits(W(k + 2), 3, 3)) return null;
            if (prev is "," && k >= 2 && char.IsAsciiDigit(W(k - 2).Length > 0 ? W(k - 2)[0] : 'x') && !_dates.IsMonthAt(k - 3, out _)) return null;
        }

        return new TimexMatch(start, k + 1, TimeTypes.Date, Year(year));
    }
}
