using Dossier.Core.Labels;
using static Dossier.Nlp.Time.DateTokens;

namespace Dossier.Nlp.Time;

/// <summary>
/// The span rule for times of day: "3 p.m.", "10:30", "noon", "9 o'clock", "8 in the evening", with a time zone
/// ("5 p.m. EST") and the day they belong to ("3 p.m. Tuesday", "10 a.m. yesterday", "5 p.m. EST, Nov. 6"),
/// which defaults to the anchor.
/// </summary>
internal sealed class ClockTimeSpans
{
    private readonly SentenceWords _s;
    private readonly TimeLexicon _lexicon;
    private readonly DateTokens _dates;
    private readonly RelativeDateResolver _resolve;
    private readonly CalendarDateSpans _calendar;
    private readonly DeicticSpans _deictic;

    public ClockTimeSpans(TimexSentence sentence, CalendarDateSpans calendar, DeicticSpans deictic)
    {
        _s = sentence.Words;
        _lexicon = sentence.Lexicon;
        _dates = sentence.Dates;
        _resolve = sentence.Resolve;
        _calendar = calendar;
        _deictic = deictic;
    }

    private string W(int i) => _s.W(i);

    private static int AmPm(string w) => w switch
    {
        "a.m." or "a.m" or "am" => 1,
        "p.m." or "p.m" or "pm" => 2,
        _ => 0,
    };

    /// <summary>A clock time at <paramref name="j"/>, with its zone and day.</summary>
    public TimexMatch? ClockTime(int j)
    {
        var w = W(j);
        int hour, minute = 0;
        var k = j + 1;
        if (w is "noon" or "midday" or "midnight")
        {
            hour = w == "midnight" ? 24 : 12;
        }
        else
        {
            var colon = w.IndexOf(':');
            if (colon > 0 && IsDigits(w[..colon], 1, 2) && IsDigits(w[(colon + 1)..], 2, 2))
            {
                hour = ParseInt(w[..colon]);
                minute = ParseInt(w[(colon + 1)..]);
                if (hour > 24 || minute > 59) return null;
            }
            else if (IsDigits(w, 1, 2))
            {
                hour = ParseInt(w);
                if (hour is < 1 or > 12) return null;
            }
            else
            {
                return null;
            }

            var ap = AmPm(W(k));
            if (ap > 0)
            {
                if (hour > 12) return null;
                if (ap == 2 && hour < 12) hour += 12;
                if (ap == 1 && hour == 12) hour = 0;
                k++;
            }
            else if (W(k) is "o'clock")
            {
                k++;
            }
            else if (W(k) == "in" && W(k + 1) == "the" && W(k + 2) is "morning" or "afternoon" or "evening")
            {
                if (W(k + 2) != "morning" && hour < 12) hour += 12;
                k += 3;
            }
            else if (colon < 0 || !(W(j - 1) is "at" or "by" or "until" or "till" or "from" or "before" or "after" or "around" or "about" or "since" or "to" or "between" || _lexicon.TimeZones.Contains(W(k))))
            {
                return null;
            }
        }

        if (_lexicon.TimeZones.Contains(W(k)) && (W(k) != "local" || W(k + 1) == "time"))
        {
            k++;
            if (W(k) == "time") k++;
        }

        // The day it belongs to: "3 p.m. Tuesday", "10 a.m. yesterday", "5 p.m. EST, Nov. 6".
        var dk = W(k) == "," ? k + 1 : k;
        string? date = _resolve.ClockDay();
        var end = k;
        TimexMatch? day = null;
        if (W(dk) is "today" or "yesterday" or "tomorrow") day = _deictic.Relative(dk);
        else if (_lexicon.Weekdays.ContainsKey(W(dk)) || _dates.IsMonthAt(dk, out _)) day = _calendar.Weekday(dk) ?? _calendar.MonthDate(dk);
        if (day is { } dm && dm.Type == TimeTypes.Date && dm.Value is { Length: >= 10 } dv && dv[4] == '-' && dv[7] == '-')
        {
            date = dv[..10];
            end = dm.End;
        }
        else if (day is { Type: TimeTypes.Date } && _resolve.Anchor is null)
        {
            end = day.Value.End;
        }

        var time = minute == 0 && w is not "noon" and not "midnight" and not "midday" && !w.Contains(':') ? $"{hour:D2}:00" : $"{hour:D2}:{minute:D2}";
        return new TimexMatch(j, end, TimeTypes.Time, date is null ? null : date + "T" + time);
    }
}
