using Dossier.Nlp.Values;

namespace Dossier.Nlp.Time;

/// <summary>
/// Decides which tokens of one sentence form time expressions and their TIMEX3 type: left to right, at each token
/// the longest match of every span rule (calendar dates, decades, deictic expressions, quarters and seasons,
/// durations and sets, clock times, holidays), also after leading modifiers ("about", "early", "the end of").
/// The rules take their values from <see cref="RelativeDateResolver"/>, which afterwards also turns "a year
/// earlier" into a quarter in results reporting.
/// </summary>
internal sealed class TimexSpanFinder
{
    private readonly SentenceWords _s;
    private readonly NumberWords _numbers;
    private readonly RelativeDateResolver _resolve;
    private readonly bool _quarterContext;
    private readonly CalendarDateSpans _calendar;
    private readonly DecadeAndCenturySpans _eras;
    private readonly DeicticSpans _deictic;
    private readonly QuarterAndSeasonSpans _quarters;
    private readonly DurationAndSetSpans _durations;
    private readonly ClockTimeSpans _clock;
    private readonly HolidaySpans _holidays;

    /// <param name="sentence">The sentence's readers.</param>
    /// <param name="quarterContext">True when this or the two sentences before mention a quarter.</param>
    public TimexSpanFinder(TimexSentence sentence, bool quarterContext)
    {
        _s = sentence.Words;
        _numbers = sentence.Lexicon.Numbers;
        _resolve = sentence.Resolve;
        _quarterContext = quarterContext;
        _calendar = new CalendarDateSpans(sentence);
        _eras = new DecadeAndCenturySpans(sentence);
        _deictic = new DeicticSpans(sentence);
        _quarters = new QuarterAndSeasonSpans(sentence);
        _durations = new DurationAndSetSpans(sentence);
        _clock = new ClockTimeSpans(sentence, _calendar, _deictic);
        _holidays = new HolidaySpans(sentence);
    }

    /// <summary>The expressions of the sentence, in text order, not overlapping.</summary>
    public List<TimexMatch> Run()
    {
        var list = new List<TimexMatch>();
        var i = 0;
        while (i < _s.Count)
        {
            var m = MatchAt(i);
            if (m is { } x && x.End > i)
            {
                list.Add(x);
                i = x.End;
            }
            else
            {
                i++;
            }
        }

        _resolve.YearAgoQuarters(list, _s, _quarterContext);
        return list;
    }

    private string W(int i) => _s.W(i);

    private TimexMatch? MatchAt(int i)
    {
        TimexMatch? best;
        try
        {
            best = Core(i);
            var j = SkipModifiers(i, out var approximate);
            if (j > i)
            {
                var c = Core(j);
                if (c is { } cc && (best is null || cc.End > best.Value.End) && (!approximate || IsQuantityStart(j)))
                {
                    best = cc with { First = i };
                }
            }
        }
        catch (Exception e) when (e is ArgumentOutOfRangeException or OverflowException or FormatException)
        {
            best = null;
        }

        return best;
    }

    private bool IsQuantityStart(int j)
    {
        var w = W(j);
        if (w.Length > 0 && char.IsAsciiDigit(w[0])) return true;
        if (w is "a" or "an" or "the" or "half" or "several" or "few") return true;
        return _numbers.IsNumberWord(w);
    }

    /// <summary>Skips "about", "more than", "early", "the end of" … before an expression; <paramref name="approximate"/> for the amount modifiers.</summary>
    private int SkipModifiers(int i, out bool approximate)
    {
        approximate = false;
        var j = i;
        for (var guard = 0; guard < 3; guard++)
        {
            var w = W(j);
            if (w is "about" or "around" or "nearly" or "almost" or "roughly" or "approximately" or "some" or "just" or "only")
            {
                approximate = true;
                j++;
                continue;
            }

            if (w is "more" or "less" or "fewer" && W(j + 1) == "than" || w == "at" && W(j + 1) is "least" or "most")
            {
                approximate = true;
                j += 2;
                continue;
            }

            if (w is "early" or "late" or "mid" or "earlier" or "later" or "mid-")
            {
                j++;
                if (W(j) == "-") j++;
                continue;
            }

            if (w == "the" && W(j + 1) is "end" or "beginning" or "start" or "middle" or "turn" && W(j + 2) == "of")
            {
                j += 3;
                continue;
            }

            if (w is "end" or "beginning" or "start" or "middle" && W(j + 1) == "of")
            {
                j += 2;
                continue;
            }

            break;
        }

        return j;
    }

    /// <summary>The longest match of all rules at <paramref name="j"/>; on a tie the first rule in this order wins.</summary>
    private TimexMatch? Core(int j)
    {
        TimexMatch? best = null;
        void Take(TimexMatch? m)
        {
            if (m is { } x && (best is null || x.End > best.Value.End)) best = x;
        }

        Take(_calendar.NumericDate(j));
        Take(_calendar.MonthDate(j));
        Take(_calendar.DayMonth(j));
        Take(_calendar.Weekday(j));
        Take(_calendar.YearRule(j));
        Take(_eras.Decade(j));
        Take(_eras.Century(j));
        Take(_deictic.Relative(j));
        Take(_deictic.Deictic(j));
        Take(_quarters.QuarterRule(j));
        Take(_quarters.Season(j));
        Take(_durations.Quantity(j));
        Take(_durations.BarePlural(j));
        Take(_clock.ClockTime(j));
        Take(_durations.SetRule(j));
        Take(_holidays.Holiday(j));
        Take(_eras.WordYear(j));
        Take(_deictic.EarlierIn(j));
        return best;
    }
}
