using Dossier.Core.Labels;
using static Dossier.Nlp.Time.TimexCalendar;

namespace Dossier.Nlp.Time;

/// <summary>
/// Span rules for expressions that point from the publication date: "today", "yesterday evening", "tonight",
/// "now", "recently", "the future", "the weekend", "last week", "next Tuesday", "this summer", "the past decade",
/// "(the end of) the year", "earlier in the week". Their values come from <see cref="RelativeDateResolver"/>.
/// </summary>
internal sealed class DeicticSpans
{
    private readonly SentenceWords _s;
    private readonly TimeLexicon _lexicon;
    private readonly TenseCues _tense;
    private readonly RelativeDateResolver _resolve;

    public DeicticSpans(TimexSentence sentence)
    {
        _s = sentence.Words;
        _lexicon = sentence.Lexicon;
        _tense = sentence.Tense;
        _resolve = sentence.Resolve;
    }

    private string W(int i) => _s.W(i);

    /// <summary>Single deictic words: "today", "tomorrow morning", "tonight", "now", "recently", "coming years", "the future", "the weekend".</summary>
    public TimexMatch? Relative(int j)
    {
        var w = W(j);
        switch (w)
        {
            case "today":
            case "yesterday":
            case "tomorrow":
            {
                var shift = w == "today" ? 0 : w == "yesterday" ? -1 : 1;
                var date = _resolve.ShiftDays(shift);
                if (_lexicon.PartsOfDay.TryGetValue(W(j + 1), out var part))
                {
                    return new TimexMatch(j, j + 2, TimeTypes.Time, RelativeDateResolver.WithPartOfDay(date, part));
                }

                return new TimexMatch(j, j + 1, TimeTypes.Date, Day(date));
            }

            case "tonight":
                return new TimexMatch(j, j + 1, TimeTypes.Time, _resolve.Tonight());
            case "now":
            case "currently":
            case "nowadays":
            case "presently":
                return new TimexMatch(j, j + 1, TimeTypes.Date, "PRESENT_REF");
            case "current":
                if (_lexicon.NotAfterCurrent.Contains(W(j + 1)) || W(j + 1) is "," or "." || _lexicon.Units.ContainsKey(W(j + 1))) return null;
                return new TimexMatch(j, j + 1, TimeTypes.Date, "PRESENT_REF");
            case "recently":
            case "lately":
                return new TimexMatch(j, j + 1, TimeTypes.Date, "PAST_REF");
            case "recent" or "coming" when W(j + 1) is "years" or "months" or "weeks" or "days" or "decades" or "quarters":
            {
                var unit = _lexicon.Units[W(j + 1)];
                return new TimexMatch(j, j + 2, TimeTypes.Duration, unit.Letter == 'Q' ? "PXM" : Duration(null, unit.Letter, unit.IsTime, 1));
            }

            case "future":
                return new TimexMatch(j, j + 1, TimeTypes.Date, "FUTURE_REF");
            case "these":
                return W(j + 1) == "days" ? new TimexMatch(j, j + 2, TimeTypes.Date, "PRESENT_REF") : null;
            case "the":
                switch (W(j + 1))
                {
                    case "future":
                        return new TimexMatch(j, j + 2, TimeTypes.Date, "FUTURE_REF");
                    case "near" or "foreseeable" or "distant" when W(j + 2) == "future":
                        return new TimexMatch(j, j + 3, TimeTypes.Date, "FUTURE_REF");
                    case "past":
                        return new TimexMatch(j, j + 2, TimeTypes.Date, "PAST_REF");
                    case "present":
                        return new TimexMatch(j, j + 2, TimeTypes.Date, "PRESENT_REF");
                    case "weekend":
                        return new TimexMatch(j, j + 2, TimeTypes.Date, _resolve.Anchor is null ? null : _resolve.TheWeekend(_tense.Around(j, j + 2)));
                }

                return null;
        }

        return null;
    }

    /// <summary>"(the) this/last/past/previous/next/coming/current" + a unit, month, weekday, part of day or season.</summary>
    public TimexMatch? Deictic(int j)
    {
        var k = j;
        var the = false;
        if (W(k) == "the")
        {
            the = true;
            k++;
        }

        int rel;
        switch (W(k))
        {
            case "this":
                rel = 0;
                if (W(k + 1) == "past") { rel = -1; k++; }
                else if (W(k + 1) == "coming") { rel = 1; k++; }
                break;
            case "last":
            case "past":
            case "previous":
                rel = -1;
                break;
            case "next":
            case "coming":
                rel = 1;
                break;
            case "current":
            case "present":
                rel = 0;
                break;
            default:
                return null;
        }

        if (the && W(k) is "this" or "next") return null;
        var u = k + 1;
        var unit = W(u);
        if (unit == "fiscal" && W(u + 1) == "year") { u++; unit = "year"; }
        if (unit == "calendar" && W(u + 1) == "year") { u++; unit = "year"; }
        var end = u + 1;
        string? value;
        var type = TimeTypes.Date;
        switch (unit)
        {
            case "week":
                if (the && W(k) is "last" or "past" && W(j - 1) is "over" or "in" or "during" or "for") return new TimexMatch(j, end, TimeTypes.Duration, "P1W");
                value = _resolve.RelativeUnit(unit, rel, Tense.Unknown);
                break;
            case "month" or "year" or "quarter":
                value = _resolve.RelativeUnit(unit, rel, Tense.Unknown);
                break;
            case "weekend":
                value = _resolve.RelativeUnit(unit, rel, _resolve.Anchor is not null && rel == 0 ? _tense.Around(j, end) : Tense.Unknown);
                break;
            case "decade":
                if (rel < 0 && the) return new TimexMatch(j, end, TimeTypes.Duration, "P10Y");
                value = _resolve.RelativeUnit(unit, rel, Tense.Unknown);
                break;
            case "century":
                if (rel < 0 && the) return new TimexMatch(j, end, TimeTypes.Duration, "P100Y");
                value = _resolve.RelativeUnit(unit, rel, Tense.Unknown);
                break;
            case "morning" or "afternoon" or "evening" or "night":
            {
                if (the) return null;
                var part = _lexicon.PartsOfDay[unit];
                if (rel > 0) return null;
                var day = _resolve.ShiftDays(rel < 0 && unit == "night" ? -1 : 0);
                if (rel < 0 && unit != "night") return null;
                type = TimeTypes.Time;
                value = RelativeDateResolver.WithPartOfDay(day, part);
                break;
            }

            default:
                if (_lexicon.Months.TryGetValue(unit, out var month) && unit.Length > 3 && !the && _s.Capitalised(u))
                {
                    value = _resolve.RelativeMonth(month, rel);
                    break;
                }

                if (_lexicon.Weekdays.TryGetValue(unit, out var isoDay) && !the)
                {
                    var date = _resolve.NamedWeekday(isoDay, rel == 0 ? _tense.Around(j, end) : Tense.Unknown, rel);
                    if (_lexicon.PartsOfDay.TryGetValue(W(end), out var p2))
                    {
                        return new TimexMatch(j, end + 1, TimeTypes.Time, RelativeDateResolver.WithPartOfDay(date, p2));
                    }

                    value = Day(date);
                    break;
                }

                if (_lexicon.Seasons.TryGetValue(unit, out var season))
                {
                    value = _resolve.RelativeSeason(season, rel);
                    break;
                }

                return null;
        }

        return new TimexMatch(j, end, type, value);
    }

    /// <summary>"year-end", "(the end of) the year", "earlier in the week".</summary>
    public TimexMatch? EarlierIn(int j)
    {
        // "year-end", "year end"
        if (W(j) == "year" && (W(j + 1) == "-" && W(j + 2) == "end" || W(j + 1) == "end") && W(j - 1) is "at" or "by" or "the" or "before" or "after" or "until" or "since")
        {
            return new TimexMatch(j, W(j + 1) == "-" ? j + 3 : j + 2, TimeTypes.Date, _resolve.CurrentUnit("year"));
        }

        // "(the end of) the year", "(the beginning of) the month"
        if (W(j) == "the" && W(j - 1) == "of" && W(j - 2) is "end" or "beginning" or "start" or "middle" or "rest" or "remainder" or "turn" &&
            W(j + 1) is "year" or "month" or "week" or "day" or "quarter" or "century" or "decade")
        {
            return new TimexMatch(j, j + 2, TimeTypes.Date, _resolve.CurrentUnit(W(j + 1)));
        }

        if (W(j) is "earlier" or "later" or "early" or "late" && W(j + 1) == "in" && W(j + 2) == "the" && W(j + 3) is "day" or "week" or "month" or "year")
        {
            return new TimexMatch(j, j + 4, TimeTypes.Date, _resolve.CurrentUnit(W(j + 3)));
        }

        return null;
    }
}
