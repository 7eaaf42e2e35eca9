using System.Globalization;
using static Dossier.Nlp.Time.TimexCalendar;

namespace Dossier.Nlp.Time;

/// <summary>
/// Resolves found time expressions to TIMEX3 values against the anchor (the publication date): relative dates
/// ("next Tuesday", "last month", "two years ago", "the weekend"), dates named without a year ("March 3",
/// "Christmas", "the third quarter"), which are placed before or after the anchor by the tense of the sentence,
/// and two-digit years and decades. Date arithmetic and formatting are <see cref="TimexCalendar"/>'s. Without an
/// anchor every anchor-relative value is null, never guessed.
/// </summary>
internal sealed class RelativeDateResolver
{
    public RelativeDateResolver(DateOnly? anchor)
    {
        Anchor = anchor;
    }

    /// <summary>The date relative expressions are resolved against; null when unknown.</summary>
    public DateOnly? Anchor { get; }

    /// <summary>"2025-10-14TMO": a day and a part of the day, null without the day.</summary>
    public static string? WithPartOfDay(DateOnly? date, string part) => date is null ? null : Day(date) + "T" + part;

    /// <summary>The anchor moved by <paramref name="days"/> ("yesterday" −1, "tomorrow" +1).</summary>
    public DateOnly? ShiftDays(int days) => Anchor is { } a ? AddDays(a, days) : null;

    /// <summary>"tonight": the anchor's night.</summary>
    public string? Tonight() => Anchor is { } a ? Day(a) + "TNI" : null;

    /// <summary>The day a clock time without a date belongs to: the anchor, or XXXX-XX-XX.</summary>
    public string ClockDay() => Anchor is { } a ? Day(a)! : "XXXX-XX-XX";

    /// <summary>A month and day without a year: the nearest such date, or the next one for the future (within 270 days).</summary>
    public string? MonthDay(int month, int day, Tense tense)
    {
        if (month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(2000, month)) return null;
        if (Anchor is not { } a) return $"XXXX-{month:D2}-{day:D2}";
        DateOnly? best = null;
        for (var y = a.Year - 1; y <= a.Year + 1; y++)
        {
            if (!IsValidDay(y, month, day)) continue;
            var d = new DateOnly(y, month, day);
            if (tense == Tense.Future)
            {
                if (d >= a && (best is null || d < best)) best = d;
            }
            else if (best is null || Math.Abs(d.DayNumber - a.DayNumber) < Math.Abs(best.Value.DayNumber - a.DayNumber))
            {
                best = d;
            }
        }

        if (tense == Tense.Future && best is { } f && f.DayNumber - a.DayNumber > 270) return MonthDay(month, day, Tense.Unknown);
        return Day(best);
    }

    /// <summary>A month without a year ("in March", "last March" with <paramref name="relGiven"/>): its year by tense or by "last"/"next".</summary>
    public string? NamedMonth(int month, Tense tense, int rel = 0, bool relGiven = false)
    {
        if (Anchor is not { } a) return null;
        var y = a.Year;
        if (relGiven)
        {
            if (rel < 0) y = month < a.Month ? a.Year : a.Year - 1;
            else if (rel > 0) y = month > a.Month ? a.Year : a.Year + 1;
        }
        else if (tense == Tense.Future)
        {
            y = month >= a.Month ? a.Year : a.Year + 1;
        }
        else if (tense == Tense.Past)
        {
            y = month <= a.Month ? a.Year : a.Year - 1;
        }
        else
        {
            var diff = month - a.Month;
            if (diff > 6) y--;
            else if (diff < -6) y++;
        }

        return TimexCalendar.Month(y, month);
    }

    /// <summary>A month alone: <see cref="NamedMonth"/>, or XXXX-MM without an anchor.</summary>
    public string? NamedMonthOrUnanchored(int month, Tense tense) => Anchor is null ? $"XXXX-{month:D2}" : NamedMonth(month, tense);

    /// <summary>"this/last/next March": this year's, or the nearest before or after the anchor.</summary>
    public string? RelativeMonth(int month, int rel) =>
        Anchor is not { } a ? null : rel == 0 ? TimexCalendar.Month(a.Year, month) : NamedMonth(month, Tense.Unknown, rel, relGiven: true);

    /// <summary>A weekday: "last"/"next" (<paramref name="rel"/>) skip to the week before or after, else the tense picks the side.</summary>
    public DateOnly? NamedWeekday(int isoDay, Tense tense, int rel = 0)
    {
        if (Anchor is not { } a) return null;
        var ad = IsoDay(a);
        int offset;
        if (rel < 0) offset = -((ad - isoDay + 6) % 7 + 1);
        else if (rel > 0) offset = (isoDay - ad + 6) % 7 + 1;
        else if (tense == Tense.Future) offset = (isoDay - ad + 7) % 7;
        else offset = -((ad - isoDay + 7) % 7);
        return AddDays(a, offset);
    }

    /// <summary>"the weekend": the coming one in the future, else the last one.</summary>
    public string? TheWeekend(Tense tense)
    {
        if (Anchor is not { } a) return null;
        var past = tense != Tense.Future;
        var day = past && IsoDay(a) < 6 ? AddDays(a, -7) : a;
        return Week(day) + "-WE";
    }

    /// <summary>
    /// "this/last/next week, month, year, quarter, weekend, decade, century": the anchor's unit moved by
    /// <paramref name="rel"/>; <paramref name="tense"/> decides "this weekend" in a past sentence.
    /// </summary>
    public string? RelativeUnit(string unit, int rel, Tense tense)
    {
        if (Anchor is not { } a) return null;
        return unit switch
        {
            "week" => Week(AddDays(a, 7 * rel)),
            "month" => TimexCalendar.Month(a.Year, a.Month + rel),
            "year" => Year(a.Year + rel),
            "quarter" => Quarter(a.Year, QuarterOf(a) + rel),
            "weekend" => rel == 0 && tense == Tense.Past && IsoDay(a) < 6 ? Week(AddDays(a, -7)) + "-WE" : Week(AddDays(a, 7 * rel)) + "-WE",
            "decade" => (a.Year / 10 + rel).ToString("D3", CultureInfo.InvariantCulture),
            "century" => (a.Year / 100 + rel).ToString("D2", CultureInfo.InvariantCulture),
            _ => null,
        };
    }

    /// <summary>"this/last/next summer": the season of the anchor's year, or the one before or after it; a winter is named by the year it starts in.</summary>
    public string? RelativeSeason(string season, int rel)
    {
        if (Anchor is not { } a) return null;
        var idx = SeasonIndex(season);
        var cur = SeasonOf(a);
        var y = a.Year;
        if (season == "WI")
        {
            // A winter is named by the year it starts in: January 2026 is in 2025-WI.
            var current = a.Month <= 2 ? a.Year - 1 : a.Year;
            var inWinter = a.Month is <= 2 or 12;
            y = rel < 0 ? current - 1 : rel > 0 && inWinter ? current + 1 : current;
        }
        else if (rel < 0) y = idx < cur ? a.Year : a.Year - 1;
        else if (rel > 0) y = idx > cur ? a.Year : a.Year + 1;
        return $"{Year(y)}-{season}";
    }

    /// <summary>"in the summer": this year's season, the previous year's in the past if it has not come yet, the next year's in the future if it is over.</summary>
    public string? Season(string code, Tense tense)
    {
        if (Anchor is not { } a) return null;
        var idx = SeasonIndex(code);
        var cur = SeasonOf(a);
        var yr = a.Year;
        if (tense == Tense.Past && idx > cur) yr--;
        else if (tense == Tense.Future && idx < cur) yr++;
        return $"{Year(yr)}-{code}";
    }

    /// <summary>The quarter before the anchor's, moved by <paramref name="yearShift"/> years ("the year-ago quarter").</summary>
    public string? PreviousQuarter(int yearShift = 0) => Anchor is { } a ? Quarter(a.Year + yearShift, QuarterOf(a) - 1) : null;

    /// <summary>"the 2024 quarter": the quarter before the anchor's (Q4 in the first quarter) in the stated year.</summary>
    public string? StatedYearQuarter(int year) =>
        Anchor is not { } a ? null : Quarter(year, QuarterOf(a) - 1 < 1 ? 4 : QuarterOf(a) - 1);

    /// <summary>"the third quarter" without a year: this year's, or last year's when it is still to come and the sentence is not future.</summary>
    public string? QuarterInYear(int quarter, int? yearRel, Tense tense)
    {
        if (Anchor is not { } a) return null;
        if (yearRel is { } r) return Quarter(a.Year + r, quarter);
        var year = quarter > QuarterOf(a) && tense != Tense.Future ? a.Year - 1 : a.Year;
        return Quarter(year, quarter);
    }

    /// <summary>"the first half" without a year: this year's, or last year's when it is still to come and the sentence is not future.</summary>
    public string? HalfInYear(int half, int? yearRel, Tense tense)
    {
        if (Anchor is not { } a) return null;
        var year = yearRel is { } r ? a.Year + r : (half > (a.Month - 1) / 6 + 1 && tense != Tense.Future ? a.Year - 1 : a.Year);
        return $"{Year(year)}-H{half}";
    }

    /// <summary>"year-earlier" on its own: the year before the anchor.</summary>
    public string? YearBefore() => Anchor is { } a ? Year(a.Year - 1) : null;

    /// <summary>"three days ago", "two years from now": the anchor moved by <paramref name="sign"/> × amount units; null for clock units or fractions.</summary>
    public string? Offset(decimal? amount, int sign, TimeUnit unit)
    {
        if (Anchor is not { } a || amount is not { } n || n != decimal.Truncate(n) || n >= 100000) return null;
        var count = (long)n * unit.Factor * sign;
        return unit.Letter switch
        {
            _ when unit.IsTime => null,
            'D' => Day(AddDays(a, count)),
            'W' => Week(AddDays(a, 7 * count)),
            'M' => TimexCalendar.Month(a.Year, a.Month + count),
            'Q' => Quarter(a.Year, QuarterOf(a) + count),
            'Y' => Year(a.Year + count),
            _ => null,
        };
    }

    /// <summary>"the end of the year", "earlier in the week": the anchor's unit itself.</summary>
    public string? CurrentUnit(string unit)
    {
        if (Anchor is not { } a) return null;
        return unit switch
        {
            "day" => Day(a),
            "week" => Week(a),
            "month" => TimexCalendar.Month(a.Year, a.Month),
            "year" => Year(a.Year),
            "quarter" => Quarter(a.Year, QuarterOf(a)),
            "century" => (a.Year / 100).ToString("D2", CultureInfo.InvariantCulture),
            "decade" => (a.Year / 10).ToString("D3", CultureInfo.InvariantCulture),
            _ => null,
        };
    }

    /// <summary>A movable feast without a year ("Easter"): this year's, or the next/previous one by tense.</summary>
    public string? Holiday(Func<int, DateOnly?> dateIn, Tense tense)
    {
        if (Anchor is not { } a) return null;
        var date = dateIn(a.Year);
        if (date is { } dd)
        {
            if (tense == Tense.Future && dd < a) date = dateIn(a.Year + 1);
            else if (tense == Tense.Past && dd > a) date = dateIn(a.Year - 1);
        }

        return Day(date);
    }

    /// <summary>The century of a decade written "'90s", "the 80s": the latest one not after the anchor (without one: 1930s–1990s, 2000s–2020s).</summary>
    public int DecadeCentury(int tensDigit)
    {
        if (Anchor is { } a) return a.Year / 100 * 100 + tensDigit * 10 <= a.Year ? a.Year / 100 : a.Year / 100 - 1;
        return tensDigit >= 3 ? 19 : 20;
    }

    /// <summary>A two-digit year ("10/3/25"): this century up to ten years past the anchor, else the previous one.</summary>
    public int ExpandTwoDigitYear(int y)
    {
        var pivot = Anchor is { } a ? a.Year % 100 + 10 : 50;
        return y + (y <= pivot ? (Anchor is { } b ? b.Year / 100 * 100 : 2000) : (Anchor is { } c ? c.Year / 100 * 100 - 100 : 1900));
    }

    /// <summary>
    /// In results reporting, "a year earlier" and "year-ago" compare quarters: when the sentence names a quarter
    /// (or it or the two before mention one, <paramref name="quarterContext"/>), they mean that quarter a year before.
    /// </summary>
    public void YearAgoQuarters(List<TimexMatch> list, SentenceWords words, bool quarterContext)
    {
        string? reference = null;
        foreach (var m in list)
        {
            if (m.Value is { Length: 7 } v && v[4] == '-' && v[5] == 'Q') reference = v;
        }

        if (reference is null)
        {
            var mentionsQuarter = quarterContext;
            for (var i = 0; i < words.Count; i++) mentionsQuarter |= words.W(i) is "quarter" or "quarterly";
            if (!mentionsQuarter || Anchor is null) return;
            reference = PreviousQuarter();
            if (reference is null) return;
        }

        var year = int.Parse(reference[..4], CultureInfo.InvariantCulture);
        var q = reference[6] - '0';
        for (var i = 0; i < list.Count; i++)
        {
            var m = list[i];
            var phrase = words.Join(m.First, m.End);
            if (phrase is "a year ago" or "a year earlier" or "year - earlier" or "year - ago" && m.Value is { Length: 4 })
            {
                list[i] = m with { Value = Quarter(year - 1, q) };
            }
        }
    }
}
