using Dossier.Core.Labels;
using Dossier.Nlp.Values;
using static Dossier.Nlp.Time.TimexCalendar;

namespace Dossier.Nlp.Time;

/// <summary>
/// Span rules for parts of a year: quarters ("Q3 2025", "the third quarter", "last year's fourth quarter",
/// "the year-ago quarter"), halves ("the first half of 2025") and seasons ("summer 2025", "in the winter").
/// Values without a stated year come from <see cref="RelativeDateResolver"/>.
/// </summary>
internal sealed class QuarterAndSeasonSpans
{
    private readonly SentenceWords _s;
    private readonly TimeLexicon _lexicon;
    private readonly DateTokens _dates;
    private readonly TenseCues _tense;
    private readonly RelativeDateResolver _resolve;

    public QuarterAndSeasonSpans(TimexSentence sentence)
    {
        (_s, _lexicon, _dates, _tense, _resolve) = sentence;
    }

    private string W(int i) => _s.W(i);

    /// <summary>Quarters and halves of a year.</summary>
    public TimexMatch? QuarterRule(int j)
    {
        var k = j;
        var the = W(k) == "the";
        if (the) k++;
        int? yearRel = null;
        if (W(k) is "this" or "last" or "next" && W(k + 1) == "year" && W(k + 2) == "'s")
        {
            yearRel = W(k) == "this" ? 0 : W(k) == "last" ? -1 : 1;
            k += 3;
        }

        int? statedYear = null;
        if (the && _dates.IsYearToken(k, out var sy, lenient: false))
        {
            statedYear = sy;
            k++;
        }

        if (W(k) == "fiscal")
        {
            k++;
            if (W(k) == "-") k++;
        }

        if (statedYear is { } sty && W(k) is "quarter" or "period")
        {
            return new TimexMatch(j, k + 1, TimeTypes.Date, _resolve.StatedYearQuarter(sty));
        }

        var w = W(k);
        // "Q3", "Q3 2025"
        if (w.Length == 2 && w[0] == 'q' && w[1] is >= '1' and <= '4')
        {
            var q = w[1] - '0';
            if (_dates.IsYearToken(k + 1, out var qy, lenient: false)) return new TimexMatch(j, k + 2, TimeTypes.Date, Quarter(qy, q));
            return new TimexMatch(j, k + 1, TimeTypes.Date, QuarterInYear(q, yearRel, j, k + 1));
        }

        if (_lexicon.Numbers.TryParseOrdinal(w, out var ord) && ord is >= 1 and <= 4)
        {
            return OrdinalQuarterOrHalf(j, k, ord, the, yearRel, statedYear);
        }

        // "the latest quarter", "the year-ago quarter", "the quarter"
        var m = k;
        var shift = 0;
        var named = false;
        if (W(m) is "latest" or "last" or "recent" or "most" or "comparable" or "same")
        {
            if (W(m) == "most" && W(m + 1) == "recent") m++;
            m++;
            named = true;
        }

        if (W(m) == "comparable") m++;
        if (W(m) == "year" && W(m + 1) == "-" && W(m + 2) is "ago" or "earlier")
        {
            shift = -1;
            m += 3;
            named = true;
        }
        else if (W(m) is "year-ago" or "year-earlier")
        {
            shift = -1;
            m++;
            named = true;
        }

        if (W(m) == "fiscal") m++;
        if (W(m) is "quarter" or "period" && (the || named))
        {
            if (W(m) == "period" && !named) return null;
            if (!the && shift == 0) return null;
            return new TimexMatch(j, m + 1, TimeTypes.Date, _resolve.PreviousQuarter(shift));
        }

        if (shift == -1 && !the)
        {
            // "year-earlier" as an adjective on its own: the year before the anchor.
            return new TimexMatch(j, m, TimeTypes.Date, _resolve.YearBefore());
        }

        return null;
    }

    /// <summary>"(the) third (fiscal) quarter (of 2025 / of last year)", "the first half".</summary>
    private TimexMatch? OrdinalQuarterOrHalf(int j, int k, int ord, bool the, int? yearRel, int? statedYear)
    {
        var u = k + 1;
        if (W(u) == "-") u++;
        if (W(u) == "fiscal") u++;
        var unit = W(u);
        if (unit is not ("quarter" or "half")) return null;
        if (unit == "half" && ord > 2) return null;
        var end = u + 1;
        int? year = null;
        if (W(end) == "of" && W(end + 1) == "fiscal" && _dates.IsYearToken(end + 2, out var fy1, false)) { year = fy1; end += 3; }
        else if (W(end) == "of" && _dates.IsYearToken(end + 1, out var y1, false)) { year = y1; end += 2; }
        else if (W(end) == "of" && W(end + 1) is "this" or "last" or "next" && W(end + 2) == "year")
        {
            yearRel = W(end + 1) == "this" ? 0 : W(end + 1) == "last" ? -1 : 1;
            end += 3;
        }
        else if (_dates.IsYearToken(end, out var y2, false) && W(end + 1) != "'s") { year = y2; end += 1; }

        if (unit == "half")
        {
            if (!the && W(j - 1) is not ("in" or "for" or "during" or "of") && year is null && yearRel is null) return null;
            string? hv;
            if (year is { } hy) hv = $"{Year(hy)}-H{ord}";
            else hv = _resolve.Anchor is null ? null : _resolve.HalfInYear(ord, yearRel, _tense.Around(j, end));
            return new TimexMatch(j, end, TimeTypes.Date, hv);
        }

        year ??= statedYear;
        if (year is { } qyy) return new TimexMatch(j, end, TimeTypes.Date, Quarter(qyy, ord));
        return new TimexMatch(j, end, TimeTypes.Date, QuarterInYear(ord, yearRel, j, end));
    }

    private string? QuarterInYear(int q, int? yearRel, int first, int end) =>
        _resolve.Anchor is null ? null : _resolve.QuarterInYear(q, yearRel, _tense.Around(first, end));

    /// <summary>"summer 2025", "the summer of 2025", "in (the) summer".</summary>
    public TimexMatch? Season(int j)
    {
        var k = j;
        var the = W(k) == "the";
        if (the) k++;
        if (!_lexicon.Seasons.TryGetValue(W(k), out var code)) return null;
        var end = k + 1;
        int? year = null;
        if (W(end) == "of" && _dates.IsYearToken(end + 1, out var y1, false)) { year = y1; end += 2; }
        else if (_dates.IsYearToken(end, out var y2, false)) { year = y2; end++; }
        if (year is null)
        {
            var prev = W(j - 1);
            var cue = the || prev is "in" or "during" or "since" or "until" or "through" or "over" or "early" or "late" or "mid" or "this" or "last" or "next" or "by";
            if (!cue) return null;
            if (W(end) == "of") return null;
            if (code == "FA" && !the && prev is not ("in" or "this" or "last" or "next" or "early" or "late" or "by" or "since" or "until")) return null;
            if (code is "FA" or "SP" && W(end) is not ("," or "." or "" or "and" or "when" or "to" or "after" or "before" or "session" or "semester" or "term" or "season" or "'s")) return null;
        }

        string? value;
        if (year is { } y) value = $"{Year(y)}-{code}";
        else value = _resolve.Anchor is null ? null : _resolve.Season(code, _tense.Around(j, end));
        return new TimexMatch(j, end, TimeTypes.Date, value);
    }
}
