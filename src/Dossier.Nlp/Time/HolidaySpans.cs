using Dossier.Core.Labels;
using static Dossier.Nlp.Time.TimexCalendar;

namespace Dossier.Nlp.Time;

/// <summary>
/// The span rule for named holidays: fixed ones ("Christmas (Eve)", "New Year's Day", "Halloween", "Independence
/// Day") and movable ones ("Thanksgiving", "Easter", "Labor Day", "Memorial Day"), with an optional year; without
/// one, the year comes from <see cref="RelativeDateResolver"/> by the tense of the sentence.
/// </summary>
internal sealed class HolidaySpans
{
    private readonly SentenceWords _s;
    private readonly DateTokens _dates;
    private readonly TenseCues _tense;
    private readonly RelativeDateResolver _resolve;

    public HolidaySpans(TimexSentence sentence)
    {
        _s = sentence.Words;
        _dates = sentence.Dates;
        _tense = sentence.Tense;
        _resolve = sentence.Resolve;
    }

    private string W(int i) => _s.W(i);

    /// <summary>A holiday name at <paramref name="j"/>.</summary>
    public TimexMatch? Holiday(int j)
    {
        var w = W(j);
        int month = 0, day = 0;
        var end = j + 1;
        Func<int, DateOnly?>? computed = null;
        switch (w)
        {
            case "christmas":
                (month, day) = (12, 25);
                if (W(end) == "eve") { day = 24; end++; }
                else if (W(end) == "day") end++;
                break;
            case "new" when W(j + 1) == "year" && W(j + 2) == "'s" && W(j + 3) is "day" or "eve":
                (month, day) = W(j + 3) == "day" ? (1, 1) : (12, 31);
                end = j + 4;
                break;
            case "halloween":
                (month, day) = (10, 31);
                break;
            case "independence" when W(j + 1) == "day" && _s.Capitalised(j):
                (month, day) = (7, 4);
                end++;
                break;
            case "thanksgiving":
                computed = y => NthWeekday(y, 11, 4, 4);
                if (W(end) == "day") end++;
                break;
            case "easter":
                computed = Easter;
                if (W(end) == "sunday") end++;
                break;
            case "labor" or "labour" when W(j + 1) == "day" && _s.Capitalised(j):
                computed = y => NthWeekday(y, 9, 1, 1);
                end++;
                break;
            case "memorial" when W(j + 1) == "day" && _s.Capitalised(j):
                computed = y => NthWeekday(y, 5, 1, -1);
                end++;
                break;
            default:
                return null;
        }

        if (!_s.Capitalised(j)) return null;
        int? year = null;
        if (_dates.IsYearToken(end, out var y1, false)) { year = y1; end++; }
        if (computed is null)
        {
            if (year is { } fy) return new TimexMatch(j, end, TimeTypes.Date, Day(fy, month, day));
            return new TimexMatch(j, end, TimeTypes.Date, _resolve.MonthDay(month, day, _tense.Around(j, end)));
        }

        if (year is { } cy) return new TimexMatch(j, end, TimeTypes.Date, Day(computed(cy)));
        return new TimexMatch(j, end, TimeTypes.Date, _resolve.Anchor is null ? null : _resolve.Holiday(computed, _tense.Around(j, end)));
    }
}
