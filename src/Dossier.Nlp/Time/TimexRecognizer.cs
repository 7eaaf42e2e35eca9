using System.Globalization;
using Dossier.Core.Documents;
using Dossier.Nlp.Values;
using static Dossier.Nlp.Time.TimexCalendar;

namespace Dossier.Nlp.Time;

internal enum Tense
{
    Unknown,
    Past,
    Future,
}

/// <summary>One recognised expression: tokens <c>[First, End)</c> of a sentence.</summary>
internal readonly record struct TimexMatch(int First, int End, string Type, string? Value);

/// <summary>
/// Rule-based TIMEX3 recognition over the tokens of one sentence, left to right, longest match
/// first. Values are resolved against the anchor (publication date) and the tense around the
/// expression; when the anchor is unknown, anchor-relative values are null.
/// </summary>
internal sealed class TimexRecognizer
{
    private readonly string[] _w;
    private readonly string[] _o;
    private readonly Token[] _t;
    private readonly int _n;
    private readonly DateOnly? _anchor;
    private readonly bool _caseless;
    private readonly bool _quarterContext;

    public TimexRecognizer(Document document, Sentence sentence, DateOnly? anchor, bool quarterContext = false)
    {
        _quarterContext = quarterContext;
        var tokens = document.TokensOf(sentence);
        _n = tokens.Length;
        _w = new string[_n];
        _o = new string[_n];
        _t = tokens.ToArray();
        var upper = 0;
        var lower = 0;
        for (var i = 0; i < _n; i++)
        {
            _o[i] = document.TextOf(tokens[i]);
            _w[i] = _o[i].ToLowerInvariant().Replace('\u2019', '\'');
            foreach (var c in _o[i])
            {
                if (char.IsUpper(c)) upper++;
                else if (char.IsLower(c)) lower++;
            }
        }

        _anchor = anchor;
        _caseless = upper == 0 || lower == 0 || upper > lower;
    }

    public List<TimexMatch> Run()
    {
        var list = new List<TimexMatch>();
        var i = 0;
        while (i < _n)
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

        YearAgoQuarters(list);
        return list;
    }

    /// <summary>
    /// In results reporting, "a year earlier" and "year-ago" compare quarters: when the sentence
    /// names a quarter, they mean that quarter a year before.
    /// </summary>
    private void YearAgoQuarters(List<TimexMatch> list)
    {
        string? reference = null;
        foreach (var m in list)
        {
            if (m.Value is { Length: 7 } v && v[4] == '-' && v[5] == 'Q') reference = v;
        }

        if (reference is null)
        {
            var mentionsQuarter = _quarterContext;
            for (var i = 0; i < _n; i++) mentionsQuarter |= _w[i] is "quarter" or "quarterly";
            if (!mentionsQuarter || _anchor is null) return;
            reference = PreviousQuarter();
            if (reference is null) return;
        }

        var year = int.Parse(reference[..4], CultureInfo.InvariantCulture);
        var q = reference[6] - '0';
        for (var i = 0; i < list.Count; i++)
        {
            var m = list[i];
            var words = string.Join(" ", _w[m.First..m.End]);
            if (words is "a year ago" or "a year earlier" or "year - earlier" or "year - ago" && m.Value is { Length: 4 })
            {
                list[i] = m with { Value = TimexCalendar.Quarter(year - 1, q) };
            }
        }
    }

    // ----- token helpers -----
    private string W(int i) => i >= 0 && i < _n ? _w[i] : "";

    /// <summary>Lower case without a final period ("oct." → "oct").</summary>
    private string M(int i)
    {
        var w = W(i);
        return w.Length > 1 && w[^1] == '.' ? w[..^1] : w;
    }

    private bool Capitalised(int i) => _caseless || i >= 0 && i < _n && _o[i].Length > 0 && char.IsUpper(_o[i][0]);

    private static bool IsDigits(string w, int min, int max)
    {
        if (w.Length < min || w.Length > max) return false;
        foreach (var c in w)
        {
            if (!char.IsAsciiDigit(c)) return false;
        }

        return true;
    }

    private static int ParseInt(string w) => int.Parse(w, NumberStyles.None, CultureInfo.InvariantCulture);

    // ----- driver -----
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
        return NumberWords.IsNumberWord(w);
    }

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

    private TimexMatch? Core(int j)
    {
        TimexMatch? best = null;
        void Take(TimexMatch? m)
        {
            if (m is { } x && (best is null || x.End > best.Value.End)) best = x;
        }

        Take(NumericDate(j));
        Take(MonthDate(j));
        Take(DayMonth(j));
        Take(Weekday(j));
        Take(YearRule(j));
        Take(Decade(j));
        Take(Century(j));
        Take(Relative(j));
        Take(Deictic(j));
        Take(QuarterRule(j));
        Take(Season(j));
        Take(Quantity(j));
        Take(BarePlural(j));
        Take(ClockTime(j));
        Take(SetRule(j));
        Take(Holiday(j));
        Take(WordYear(j));
        Take(EarlierIn(j));
        return best;
    }

    // ----- tense -----
    private Tense TenseAround(int first, int end)
    {
        for (var k = first - 1; k >= 0 && k >= first - 15; k--)
        {
            var c = Cue(k);
            if (c != Tense.Unknown) return c;
        }

        for (var k = end; k < _n && k < end + 15; k++)
        {
            var c = Cue(k);
            if (c != Tense.Unknown) return c;
        }

        return Tense.Unknown;
    }

    private Tense Cue(int k)
    {
        var w = W(k);
        var xpos = _t[k].Xpos;
        if (w is "will" or "'ll" or "shall" or "would" or "scheduled" or "upcoming" or "slated" or "forthcoming") return Tense.Future;
        if (w == "wo" && W(k + 1) == "n't") return Tense.Future;
        if (w is "next" or "coming" && (TimeLexicon.Units.ContainsKey(W(k + 1)) || TimeLexicon.Weekdays.ContainsKey(W(k + 1)) || TimeLexicon.Months.ContainsKey(M(k + 1)) || TimeLexicon.Seasons.ContainsKey(W(k + 1)))) return Tense.Future;
        if (w == "as" && W(k - 1) is "soon" or "early" && W(k - 2) == "as") return Tense.Future;
        if (w == "expected" && W(k + 1) == "to" && W(k - 1) is "is" or "are" or "'s" or "'re" or "be") return Tense.Future;
        if (w == "to" && k + 1 < _n && IsInfinitive(k + 1)) return Tense.Future;
        if (w == "due" && W(k - 1) is "is" or "are" or "was" or "were" or "'s" or "'re") return Tense.Future;
        if (W(k + 1) == "to" && TimeLexicon.FutureBeforeTo.Contains(w)) return Tense.Future;
        if (w is "going" && W(k + 1) == "to") return Tense.Future;
        if (w is "ago" or "yesterday" or "last" or "earlier" or "previously") return Tense.Past;
        bool past;
        if (xpos is not null)
        {
            past = xpos is "VBD" or "VBN";
            if (!past && xpos == "MD") return w is "will" or "would" or "shall" or "'ll" ? Tense.Future : Tense.Unknown;
        }
        else
        {
            past = TimeLexicon.IsPastForm(w);
        }

        if (!past) return Tense.Unknown;
        // "will be held", "to be signed": a participle after a modal or "to be" is not past.
        if (W(k - 1) == "be" && W(k - 2) is "will" or "would" or "'ll" or "shall" or "to" or "could" or "might" or "may" or "must" or "should" or "not") return Tense.Future;
        return Tense.Past;
    }

    /// <summary>True when the token after "to" looks like a bare verb: "to resume", "to be".</summary>
    private bool IsInfinitive(int k)
    {
        var x = _t[k].Xpos;
        if (x is not null) return x == "VB";
        var w = W(k);
        if (w.Length < 2 || !char.IsLower(_o[k][0]) || w.EndsWith("ing", StringComparison.Ordinal) || w.EndsWith("ed", StringComparison.Ordinal)) return false;
        foreach (var c in w)
        {
            if (c is < 'a' or > 'z') return false;
        }

        return w is not ("the" or "a" or "an" or "his" or "her" or "its" or "their" or "our" or "my" or "your" or "this" or "that" or "these" or "those"
            or "some" or "all" or "any" or "each" or "every" or "no" or "him" or "them" or "us" or "me" or "it" or "date" or "record" or "about" or "around"
            or "nearly" or "more" or "less" or "than" or "one" or "two" or "three" or "four" or "five" or "what" or "which" or "whom" or "where" or "now"
            or "and" or "or" or "power" or "office" or "court" or "death" or "prison" or "jail" or "work" or "school" or "market" or "date");
    }

    // ----- resolution -----
    private string? ResolveMonthDay(int month, int day, Tense tense)
    {
        if (month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(2000, month)) return null;
        if (_anchor is not { } a) return $"XXXX-{month:D2}-{day:D2}";
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

        if (tense == Tense.Future && best is { } f && f.DayNumber - a.DayNumber > 270) return ResolveMonthDay(month, day, Tense.Unknown);
        return Day(best);
    }

    private string? ResolveMonth(int month, Tense tense, int rel = 0, bool relGiven = false)
    {
        if (_anchor is not { } a) return null;
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

    private DateOnly? ResolveWeekday(int isoDay, Tense tense, int rel = 0)
    {
        if (_anchor is not { } a) return null;
        var ad = IsoDay(a);
        int offset;
        if (rel < 0) offset = -((ad - isoDay + 6) % 7 + 1);
        else if (rel > 0) offset = (isoDay - ad + 6) % 7 + 1;
        else if (tense == Tense.Future) offset = (isoDay - ad + 7) % 7;
        else offset = -((ad - isoDay + 7) % 7);
        return AddDays(a, offset);
    }

    private string? PreviousQuarter(int yearShift = 0)
    {
        if (_anchor is not { } a) return null;
        return Quarter(a.Year + yearShift, QuarterOf(a) - 1);
    }

    private bool IsMonthAt(int j, out int month)
    {
        month = 0;
        var m = M(j);
        if (!TimeLexicon.Months.TryGetValue(m, out month)) return false;
        if (!Capitalised(j)) return false;
        if (TimeLexicon.AmbiguousMonthAbbreviations.Contains(m) && m == W(j))
        {
            // "Jan" without a period: accept only before a day or year.
            return IsDayToken(j + 1, out _, out _) || IsDigits(W(j + 1), 4, 4);
        }

        return true;
    }

    private bool IsDayToken(int k, out int day, out int next)
    {
        day = 0;
        next = k + 1;
        var w = W(k);
        if (IsDigits(w, 1, 2))
        {
            day = ParseInt(w);
            if (W(k + 1) is "st" or "nd" or "rd" or "th") next = k + 2;
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
        var after = W(next);
        if (after is "%" or "percent" or "per" or "million" or "billion" or "-" or ":" || TimeLexicon.Units.ContainsKey(after) && after is not ("day" or "days")) return false;
        return true;
    }

    private bool IsYearToken(int k, out int year, bool lenient)
    {
        year = 0;
        var w = W(k);
        if (!IsDigits(w, 4, lenient ? 6 : 4)) return false;
        year = int.Parse(w, NumberStyles.None, CultureInfo.InvariantCulture);
        if (!lenient && year is < 1000 or > 2999) return false;
        var next = W(k + 1);
        return !(next is "%" or "percent" || TimeLexicon.CountNouns.Contains(next) || NumberWords.IsScale(next) && next.Length > 2);
    }

    // ----- rules -----
    private TimexMatch? NumericDate(int j)
    {
        var w = W(j);
        var dash = w.Split('-');
        if (dash.Length == 3 && IsDigits(dash[0], 4, 4) && IsDigits(dash[1], 1, 2) && IsDigits(dash[2], 1, 2))
        {
            return new TimexMatch(j, j + 1, "DATE", Day(ParseInt(dash[0]), ParseInt(dash[1]), ParseInt(dash[2])));
        }

        var slash = w.Split('/');
        if (slash.Length == 3 && IsDigits(slash[0], 1, 2) && IsDigits(slash[1], 1, 2) && (IsDigits(slash[2], 4, 4) || IsDigits(slash[2], 2, 2)))
        {
            int m = ParseInt(slash[0]), d = ParseInt(slash[1]), y = ParseInt(slash[2]);
            if (m > 12 && d <= 12) (m, d) = (d, m);
            if (slash[2].Length == 2)
            {
                var pivot = _anchor is { } a ? a.Year % 100 + 10 : 50;
                y += y <= pivot ? (_anchor is { } b ? b.Year / 100 * 100 : 2000) : (_anchor is { } c ? c.Year / 100 * 100 - 100 : 1900);
            }

            return new TimexMatch(j, j + 1, "DATE", Day(y, m, d));
        }

        return null;
    }

    private TimexMatch? MonthDate(int j)
    {
        var dashAt = W(j).IndexOf('-', StringComparison.Ordinal);
        if (dashAt > 0 && W(j)[..dashAt] is "mid" or "late" or "early" && TimeLexicon.Months.TryGetValue(W(j)[(dashAt + 1)..], out var midMonth) && W(j).Length - dashAt > 4)
        {
            return new TimexMatch(j, j + 1, "DATE", _anchor is null ? $"XXXX-{midMonth:D2}" : ResolveMonth(midMonth, TenseAround(j, j + 1)));
        }

        if (!IsMonthAt(j, out var month)) return null;
        var k = j + 1;
        if (IsDayToken(k, out var day, out var afterDay))
        {
            var ky = W(afterDay) == "," ? afterDay + 1 : afterDay;
            if (IsYearToken(ky, out var year, lenient: true))
            {
                return new TimexMatch(j, ky + 1, "DATE", Day(year, month, day));
            }

            return new TimexMatch(j, afterDay, "DATE", ResolveMonthDay(month, day, TenseAround(j, afterDay)));
        }

        var kyear = W(k) is "of" or "," ? k + 1 : k;
        if (IsYearToken(kyear, out var y2, lenient: false))
        {
            return new TimexMatch(j, kyear + 1, "DATE", TimexCalendar.Month(y2, month));
        }

        // A month alone: "in March". "May" and "March" are also words.
        var m = M(j);
        if (m is "may" or "march")
        {
            var prev = W(j - 1);
            if (!(prev is "in" or "since" or "until" or "by" or "early" or "late" or "mid" or "mid-" or "last" or "next" or "this" or "of" or "through" or "from" or "during" or "before" or "after" or "-" or "till" or "that" or "until" or "end" or "beginning")) return null;
            if (m == "may" && W(j - 1) is not "in" and not "since" and not "until" and not "early" and not "late" and not "mid" and not "last" and not "next" and not "this" and not "through" and not "during" and not "-" and not "till" and not "of" and not "by") return null;
        }

        if (!char.IsUpper(_o[j][0]) && !_caseless) return null;
        return new TimexMatch(j, j + 1, "DATE", _anchor is null ? $"XXXX-{month:D2}" : ResolveMonth(month, TenseAround(j, j + 1)));
    }

    private TimexMatch? DayMonth(int j)
    {
        var k = j;
        if (W(k) == "the") k++;
        if (!IsDayToken(k, out var day, out var after)) return null;
        if (W(after) == "of") after++;
        if (!IsMonthAt(after, out var month)) return null;
        if (k > j && W(k + 1) is not ("of" or "st" or "nd" or "rd" or "th") && !W(k).EndsWith("th", StringComparison.Ordinal) && !W(k).EndsWith("st", StringComparison.Ordinal) && !W(k).EndsWith("nd", StringComparison.Ordinal) && !W(k).EndsWith("rd", StringComparison.Ordinal)) return null;
        var ky = after + 1;
        if (W(ky) == ",") ky++;
        if (IsYearToken(ky, out var year, lenient: true))
        {
            return new TimexMatch(j, ky + 1, "DATE", Day(year, month, day));
        }

        return new TimexMatch(j, after + 1, "DATE", ResolveMonthDay(month, day, TenseAround(j, after + 1)));
    }

    private TimexMatch? Weekday(int j)
    {
        var w = W(j);
        if (TimeLexicon.WeekdayPlurals.TryGetValue(w, out var setDay))
        {
            return new TimexMatch(j, j + 1, "SET", $"XXXX-WXX-{setDay}");
        }

        if (!TimeLexicon.Weekdays.TryGetValue(w, out var isoDay))
        {
            if (!TimeLexicon.WeekdayAbbreviations.TryGetValue(w, out isoDay) || !char.IsUpper(_o[j][0])) return null;
            var nextIsDate = W(j + 1) == "," ? j + 2 : j + 1;
            if (!IsMonthAt(nextIsDate, out _)) return null;
        }

        var k = W(j + 1) == "," ? j + 2 : j + 1;
        if (MonthDate(k) is { } md && md.End > k + 1) return md with { First = j };
        if (DayMonth(k) is { } dm) return dm with { First = j };
        var tense = W(j + 1) == "'s" ? Tense.Past : TenseAround(j, j + 1);
        var date = ResolveWeekday(isoDay, tense);
        if (TimeLexicon.PartsOfDay.TryGetValue(W(j + 1), out var part))
        {
            return new TimexMatch(j, j + 2, "TIME", date is null ? null : Day(date) + "T" + part);
        }

        return new TimexMatch(j, j + 1, "DATE", Day(date));
    }

    private TimexMatch? YearRule(int j)
    {
        var w = W(j);
        if (w.Length is 4 or 6 && w.StartsWith("fy", StringComparison.Ordinal) && IsDigits(w[2..], 2, 4))
        {
            var fy = ParseInt(w[2..]);
            if (w.Length == 4) fy += fy < 50 ? 2000 : 1900;
            return new TimexMatch(j, j + 1, "DATE", Year(fy));
        }

        var start = j;
        var k = j;
        if (w is "fiscal" or "fy" or "calendar")
        {
            k++;
            if (W(k) == "year") k++;
        }

        if (!IsYearToken(k, out var year, lenient: false)) return null;
        var prev = W(start - 1);
        if (k == j)
        {
            if (TimeLexicon.AmountCues.Contains(prev)) return null;
            var strong = prev is "in" or "since" or "until" or "till" or "before" or "after" or "during" or "circa" or "year" or "early" or "late" or "mid" or "mid-" or "through" or "summer" or "spring" or "winter" or "autumn" or "fall";
            if (!strong && (year < 1800 || year > 2099)) return null;
            var next = W(k + 1);
            if (!strong && next.Length > 3 && next[^1] == 's' && next[^2] != 's' && next[^2] != '\'' && char.IsLower(_o[k + 1][0]) &&
                next is not ("this" or "thus" or "says" or "was" or "has" or "does" or "goes" or "plus" or "versus" or "whereas" or "perhaps" or "always" or "unless" or "across" or "marks" or "sees" or "makes" or "looks" or "seems" or "remains"))
            {
                return null;
            }

            if (next is "," && IsDigits(W(k + 2), 3, 3)) return null;
            if (prev is "," && k >= 2 && char.IsAsciiDigit(W(k - 2).Length > 0 ? W(k - 2)[0] : 'x') && !IsMonthAt(k - 3, out _)) return null;
        }

        return new TimexMatch(start, k + 1, "DATE", Year(year));
    }

    private TimexMatch? Decade(int j)
    {
        var w = W(j);
        var mid = w.StartsWith("mid-", StringComparison.Ordinal);
        if (mid) w = w[4..];
        if (mid && IsDigits(w, 4, 4)) return new TimexMatch(j, j + 1, "DATE", w);
        if (w.Length == 5 && w[4] == 's' && IsDigits(w[..4], 4, 4) && w[3] == '0')
        {
            return new TimexMatch(j, j + 1, "DATE", w[..3]);
        }

        var bare = w.TrimStart('\'');
        if (bare.Length == 3 && bare[2] == 's' && bare[1] == '0' && char.IsAsciiDigit(bare[0]) &&
            (w[0] == '\'' || mid || W(j - 1) is "the" or "early" or "late" or "mid" or "-"))
        {
            var x = bare[0] - '0';
            int century;
            if (_anchor is { } a) century = a.Year / 100 * 100 + x * 10 <= a.Year ? a.Year / 100 : a.Year / 100 - 1;
            else century = x >= 3 ? 19 : 20;
            return new TimexMatch(j, j + 1, "DATE", $"{century:D2}{x}");
        }

        if (w == "the")
        {
            var tens = W(j + 1) switch
            {
                "twenties" => 2, "thirties" => 3, "forties" => 4, "fifties" => 5, "sixties" => 6, "seventies" => 7, "eighties" => 8, "nineties" => 9, _ => -1,
            };
            if (tens >= 0) return new TimexMatch(j, j + 2, "DATE", "19" + tens.ToString(CultureInfo.InvariantCulture));
        }

        return null;
    }

    private TimexMatch? Century(int j)
    {
        var k = j;
        if (W(k) == "the") k++;
        if (!NumberWords.TryParseOrdinal(W(k), out var n) || n is < 1 or > 99) return null;
        var u = k + 1;
        if (W(u) == "-") u++;
        if (W(u) != "century") return null;
        return new TimexMatch(j, u + 1, "DATE", (n - 1).ToString("D2", CultureInfo.InvariantCulture));
    }

    private TimexMatch? Relative(int j)
    {
        var w = W(j);
        var a = _anchor;
        switch (w)
        {
            case "today":
            case "yesterday":
            case "tomorrow":
            {
                var shift = w == "today" ? 0 : w == "yesterday" ? -1 : 1;
                var date = a is { } x ? AddDays(x, shift) : null;
                if (TimeLexicon.PartsOfDay.TryGetValue(W(j + 1), out var part))
                {
                    return new TimexMatch(j, j + 2, "TIME", date is null ? null : Day(date) + "T" + part);
                }

                return new TimexMatch(j, j + 1, "DATE", Day(date));
            }

            case "tonight":
                return new TimexMatch(j, j + 1, "TIME", a is null ? null : Day(a) + "TNI");
            case "now":
            case "currently":
            case "nowadays":
            case "presently":
                return new TimexMatch(j, j + 1, "DATE", "PRESENT_REF");
            case "current":
                if (W(j + 1) is "account" or "accounts" or "affairs" or "events" or "electric" or "electrical" or "," or "." || TimeLexicon.Units.ContainsKey(W(j + 1))) return null;
                return new TimexMatch(j, j + 1, "DATE", "PRESENT_REF");
            case "recently":
            case "lately":
                return new TimexMatch(j, j + 1, "DATE", "PAST_REF");
            case "recent" or "coming" when W(j + 1) is "years" or "months" or "weeks" or "days" or "decades" or "quarters":
            {
                var unit = TimeLexicon.Units[W(j + 1)];
                return new TimexMatch(j, j + 2, "DURATION", unit.Letter == 'Q' ? "PXM" : Duration(null, unit.Letter, unit.IsTime, 1));
            }

            case "future":
                return new TimexMatch(j, j + 1, "DATE", "FUTURE_REF");
            case "these":
                return W(j + 1) == "days" ? new TimexMatch(j, j + 2, "DATE", "PRESENT_REF") : null;
            case "the":
                switch (W(j + 1))
                {
                    case "future":
                        return new TimexMatch(j, j + 2, "DATE", "FUTURE_REF");
                    case "near" or "foreseeable" or "distant" when W(j + 2) == "future":
                        return new TimexMatch(j, j + 3, "DATE", "FUTURE_REF");
                    case "past":
                        return new TimexMatch(j, j + 2, "DATE", "PAST_REF");
                    case "present":
                        return new TimexMatch(j, j + 2, "DATE", "PRESENT_REF");
                    case "weekend":
                    {
                        if (a is not { } wa) return new TimexMatch(j, j + 2, "DATE", null);
                        var past = TenseAround(j, j + 2) != Tense.Future;
                        var day = past && IsoDay(wa) < 6 ? AddDays(wa, -7) : wa;
                        return new TimexMatch(j, j + 2, "DATE", Week(day) + "-WE");
                    }
                }

                return null;
        }

        return null;
    }

    private TimexMatch? Deictic(int j)
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
        var a = _anchor;
        var end = u + 1;
        string? value;
        var type = "DATE";
        switch (unit)
        {
            case "week":
                if (the && W(k) is "last" or "past" && W(j - 1) is "over" or "in" or "during" or "for") return new TimexMatch(j, end, "DURATION", "P1W");
                value = a is { } aw ? Week(AddDays(aw, 7 * rel)) : null;
                break;
            case "month":
                value = a is { } am ? TimexCalendar.Month(am.Year, am.Month + rel) : null;
                break;
            case "year":
                value = a is { } ay ? Year(ay.Year + rel) : null;
                break;
            case "quarter":
                value = a is { } aq ? Quarter(aq.Year, QuarterOf(aq) + rel) : null;
                break;
            case "weekend":
                value = a is { } ae ? Week(AddDays(ae, 7 * rel)) + "-WE" : null;
                if (a is { } ae2 && rel == 0 && TenseAround(j, end) == Tense.Past && IsoDay(ae2) < 6) value = Week(AddDays(ae2, -7)) + "-WE";
                break;
            case "decade":
                if (rel < 0 && the) return new TimexMatch(j, end, "DURATION", "P10Y");
                value = a is { } ad ? (ad.Year / 10 + rel).ToString("D3", CultureInfo.InvariantCulture) : null;
                break;
            case "century":
                if (rel < 0 && the) return new TimexMatch(j, end, "DURATION", "P100Y");
                value = a is { } ac ? (ac.Year / 100 + rel).ToString("D2", CultureInfo.InvariantCulture) : null;
                break;
            case "morning" or "afternoon" or "evening" or "night":
            {
                if (the) return null;
                var part = TimeLexicon.PartsOfDay[unit];
                if (rel > 0) return null;
                var day = a is { } ap ? AddDays(ap, rel < 0 && unit == "night" ? -1 : 0) : null;
                if (rel < 0 && unit != "night") return null;
                type = "TIME";
                value = day is null ? null : Day(day) + "T" + part;
                break;
            }

            default:
                if (TimeLexicon.Months.TryGetValue(unit, out var month) && unit.Length > 3 && !the && Capitalised(u))
                {
                    value = a is not { } amo ? null : rel == 0 ? TimexCalendar.Month(amo.Year, month) : ResolveMonth(month, Tense.Unknown, rel, relGiven: true);
                    break;
                }

                if (TimeLexicon.Weekdays.TryGetValue(unit, out var isoDay) && !the)
                {
                    var date = ResolveWeekday(isoDay, rel == 0 ? TenseAround(j, end) : Tense.Unknown, rel);
                    if (TimeLexicon.PartsOfDay.TryGetValue(W(end), out var p2))
                    {
                        return new TimexMatch(j, end + 1, "TIME", date is null ? null : Day(date) + "T" + p2);
                    }

                    value = Day(date);
                    break;
                }

                if (TimeLexicon.Seasons.TryGetValue(unit, out var season))
                {
                    if (a is not { } asn)
                    {
                        value = null;
                        break;
                    }

                    var idx = SeasonIndex(season);
                    var cur = SeasonOf(asn);
                    var y = asn.Year;
                    if (season == "WI")
                    {
                        // A winter is named by the year it starts in: January 2026 is in 2025-WI.
                        var current = asn.Month <= 2 ? asn.Year - 1 : asn.Year;
                        var inWinter = asn.Month is <= 2 or 12;
                        y = rel < 0 ? current - 1 : rel > 0 && inWinter ? current + 1 : current;
                    }
                    else if (rel < 0) y = idx < cur ? asn.Year : asn.Year - 1;
                    else if (rel > 0) y = idx > cur ? asn.Year : asn.Year + 1;
                    value = $"{Year(y)}-{season}";
                    break;
                }

                return null;
        }

        return new TimexMatch(j, end, type, value);
    }

    private TimexMatch? QuarterRule(int j)
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
        if (the && IsYearToken(k, out var sy, lenient: false))
        {
            statedYear = sy;
            k++;
        }

        if (W(k) == "fiscal")
        {
            k++;
            if (W(k) == "-") k++;
        }

        var a = _anchor;
        if (statedYear is { } sty && W(k) is "quarter" or "period")
        {
            return new TimexMatch(j, k + 1, "DATE", a is not { } qa ? null : TimexCalendar.Quarter(sty, QuarterOf(qa) - 1 < 1 ? 4 : QuarterOf(qa) - 1));
        }
        var w = W(k);
        // "Q3", "Q3 2025"
        if (w.Length == 2 && w[0] == 'q' && w[1] is >= '1' and <= '4')
        {
            var q = w[1] - '0';
            if (IsYearToken(k + 1, out var qy, lenient: false)) return new TimexMatch(j, k + 2, "DATE", TimexCalendar.Quarter(qy, q));
            return new TimexMatch(j, k + 1, "DATE", QuarterYear(q, yearRel, j, k + 1));
        }

        if (NumberWords.TryParseOrdinal(w, out var ord) && ord is >= 1 and <= 4)
        {
            var u = k + 1;
            if (W(u) == "-") u++;
            if (W(u) == "fiscal") u++;
            var unit = W(u);
            if (unit is not ("quarter" or "half")) return null;
            if (unit == "half" && ord > 2) return null;
            var end = u + 1;
            int? year = null;
            if (W(end) == "of" && W(end + 1) == "fiscal" && IsYearToken(end + 2, out var fy1, false)) { year = fy1; end += 3; }
            else if (W(end) == "of" && IsYearToken(end + 1, out var y1, false)) { year = y1; end += 2; }
            else if (W(end) == "of" && W(end + 1) is "this" or "last" or "next" && W(end + 2) == "year")
            {
                yearRel = W(end + 1) == "this" ? 0 : W(end + 1) == "last" ? -1 : 1;
                end += 3;
            }
            else if (IsYearToken(end, out var y2, false) && W(end + 1) != "'s") { year = y2; end += 1; }

            if (unit == "half")
            {
                if (!the && W(j - 1) is not ("in" or "for" or "during" or "of") && year is null && yearRel is null) return null;
                string? hv;
                if (year is { } hy) hv = $"{Year(hy)}-H{ord}";
                else if (a is { } ha)
                {
                    var hyr = yearRel is { } r ? ha.Year + r : (ord > (ha.Month - 1) / 6 + 1 && TenseAround(j, end) != Tense.Future ? ha.Year - 1 : ha.Year);
                    hv = $"{Year(hyr)}-H{ord}";
                }
                else hv = null;

                return new TimexMatch(j, end, "DATE", hv);
            }

            year ??= statedYear;
            if (year is { } qyy) return new TimexMatch(j, end, "DATE", TimexCalendar.Quarter(qyy, ord));
            return new TimexMatch(j, end, "DATE", QuarterYear(ord, yearRel, j, end));
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
            return new TimexMatch(j, m + 1, "DATE", PreviousQuarter(shift));
        }

        if (shift == -1 && !the)
        {
            // "year-earlier" as an adjective on its own: the year before the anchor.
            return new TimexMatch(j, m, "DATE", a is { } ya ? Year(ya.Year - 1) : null);
        }

        return null;
    }

    private string? QuarterYear(int q, int? yearRel, int first, int end)
    {
        if (_anchor is not { } a) return null;
        if (yearRel is { } r) return TimexCalendar.Quarter(a.Year + r, q);
        var year = q > QuarterOf(a) && TenseAround(first, end) != Tense.Future ? a.Year - 1 : a.Year;
        return TimexCalendar.Quarter(year, q);
    }

    private TimexMatch? Season(int j)
    {
        var k = j;
        var the = W(k) == "the";
        if (the) k++;
        if (!TimeLexicon.Seasons.TryGetValue(W(k), out var code)) return null;
        var end = k + 1;
        int? year = null;
        if (W(end) == "of" && IsYearToken(end + 1, out var y1, false)) { year = y1; end += 2; }
        else if (IsYearToken(end, out var y2, false)) { year = y2; end++; }
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
        else if (_anchor is { } a)
        {
            var tense = TenseAround(j, end);
            var idx = SeasonIndex(code);
            var cur = SeasonOf(a);
            var yr = a.Year;
            if (tense == Tense.Past && idx > cur) yr--;
            else if (tense == Tense.Future && idx < cur) yr++;
            value = $"{Year(yr)}-{code}";
        }
        else value = null;

        return new TimexMatch(j, end, "DATE", value);
    }

    /// <summary>Reads a count at <paramref name="k"/>: digits, words, "a", "several"; null amount for vague counts.</summary>
    private bool TryQuantity(int k, out decimal? amount, out int next, out bool article)
    {
        amount = null;
        next = k;
        article = false;
        var w = W(k);
        if (w is "a" or "an")
        {
            if (W(k + 1) is "few" or "couple")
            {
                next = k + 2;
                if (W(next) == "of") next++;
                if (W(k + 1) == "couple") amount = 2;
                return true;
            }

            if (W(k + 1) == "dozen") { amount = 12; next = k + 2; return true; }
            if (W(k + 1) == "half" && W(k + 2) == "-") { amount = 0.5m; next = k + 3; return true; }
            article = true;
            amount = 1;
            next = k + 1;
            return true;
        }

        if (w is "several" or "few" or "many" or "some" or "couple")
        {
            next = k + 1;
            if (W(next) == "of") next++;
            return true;
        }

        if (w is "half" && W(k + 1) is "a" or "an") { amount = 0.5m; next = k + 2; return true; }
        if (NumberWords.TryParseDigits(w, out var d))
        {
            if (d > 100000) return false;
            next = k + 1;
            if (NumberWords.TryParseDigits(W(k + 1), out var frac) && W(k + 1).Contains('/')) { d += frac; next++; }
            amount = d;
            return true;
        }

        var words = new List<string>();
        var e = k;
        while (e < _n && (NumberWords.IsNumberWord(W(e)) || W(e) is "-" or "and" && e > k && NumberWords.IsNumberWord(W(e + 1)) && W(e + 1) != "half"))
        {
            if (W(e) == "half") break;
            words.Add(W(e));
            e++;
        }

        while (words.Count > 0 && NumberWords.IsScale(words[^1]) && !words[^1].Equals("hundred", StringComparison.Ordinal) && !words[^1].Equals("thousand", StringComparison.Ordinal))
        {
            words.RemoveAt(words.Count - 1);
            e--;
        }

        if (words.Count == 0 || !NumberWords.TryParse(words, out var v)) return false;
        amount = v;
        next = e;
        if (W(next) == "and" && W(next + 1) == "a" && W(next + 2) == "half") { amount += 0.5m; next += 3; }
        return true;
    }

    private TimexMatch? Quantity(int j)
    {
        var k = j;
        var the = W(k) == "the";
        if (the) k++;
        string? lead = null;
        if (W(k) is "past" or "last" or "next" or "first" or "latest" or "previous" or "coming" or "final" or "full" or "entire" or "whole" or "initial" or "following" or "recent")
        {
            lead = W(k);
            k++;
        }

        if (the && lead is null && !IsDigits(W(k), 1, 3) && !NumberWords.IsCardinalWord(W(k))) return null;
        if (!TryQuantity(k, out var amount, out var u, out var article)) return null;
        if (IsDigits(W(k), 4, 4) && amount is >= 1000 and < 3000) return null;
        if (article && (the || lead is not null)) return null;
        if (W(u) == "more" || W(u) == "additional" || W(u) == "straight" || W(u) == "consecutive") u++;
        var hyphen = W(u) == "-";
        if (hyphen) u++;
        var unitWord = W(u);
        if (!TimeLexicon.Units.TryGetValue(unitWord, out var unit) || unitWord is "weekend" or "weekends") return null;
        var end = u + 1;
        var after = W(end);
        if (unitWord == "second" && after is not ("ago" or "later" or "earlier" or "-")) return null;
        if (unitWord is "quarter" or "quarters" && (hyphen || amount is null or < 2)) return null;
        if (after == "old" || after == "-" && W(end + 1) is "old" or "earlier" or "ago") return null;
        if (unitWord is "hour" or "day" or "week" or "month" or "year" && article && IsRateContext(j) && after is not ("ago" or "earlier" or "later"))
        {
            return new TimexMatch(j, end, "SET", Duration(1, unit.Letter, unit.IsTime, unit.Factor));
        }

        if (unit.Letter == 'Q') unit = ('M', false, 3);
        if (hyphen && W(end) == "-" && W(end + 1) is "long") end += 2;
        var vague = amount is null;
        if (lead is null && after is "ago" or "earlier" or "before" or "later" or "after" or "hence" || lead is null && after == "from" && W(end + 1) == "now")
        {
            var sign = after is "ago" or "earlier" or "before" ? -1 : 1;
            var stop = after == "from" ? end + 2 : end + 1;
            if (after is "later" || after is "before" or "after" && W(stop) is not ("." or "," or "")) return new TimexMatch(j, end, "DURATION", Duration(amount, unit.Letter, unit.IsTime, unit.Factor));
            string? value = null;
            if (vague) value = sign < 0 ? "PAST_REF" : "FUTURE_REF";
            else if (after is not ("later" or "after") && _anchor is { } a && amount is { } n && n == decimal.Truncate(n) && n < 100000)
            {
                var count = (long)n * unit.Factor * sign;
                value = unit.Letter switch
                {
                    _ when unit.IsTime => null,
                    'D' => Day(AddDays(a, count)),
                    'W' => Week(AddDays(a, 7 * count)),
                    'M' => TimexCalendar.Month(a.Year, a.Month + count),
                    'Q' => TimexCalendar.Quarter(a.Year, QuarterOf(a) + count),
                    'Y' => Year(a.Year + count),
                    _ => null,
                };
            }

            return new TimexMatch(j, stop, "DATE", value);
        }

        return new TimexMatch(j, end, "DURATION", Duration(amount, unit.Letter, unit.IsTime, unit.Factor));
    }

    /// <summary>"$5 a day", "twice a year", "10% a year": the article means "per".</summary>
    private bool IsRateContext(int j)
    {
        var p = W(j - 1);
        if (p is "times" or "twice" or "once" or "thrice" or "%" or "percent" or "million" or "billion" or "cents" or "dollars" or "hours" or "miles" or "barrels" or "tons") return true;
        return p.Length > 0 && char.IsAsciiDigit(p[^1]);
    }

    private TimexMatch? BarePlural(int j)
    {
        var w = W(j);
        if (w is not ("years" or "months" or "weeks" or "days" or "decades" or "centuries" or "hours" or "minutes")) return null;
        var unit = TimeLexicon.Units[w];
        if (W(j + 1) == "ago") return new TimexMatch(j, j + 2, "DATE", "PAST_REF");
        if (W(j + 1) == "-" && W(j + 2) is "long" or "old") return new TimexMatch(j, j + 3, "DURATION", Duration(null, unit.Letter, unit.IsTime, 1));
        if (W(j - 1) == "for" && W(j + 1) is not ("of" or "to")) return new TimexMatch(j, j + 1, "DURATION", Duration(null, unit.Letter, unit.IsTime, 1));
        return null;
    }

    private static int AmPm(string w) => w switch
    {
        "a.m." or "a.m" or "am" => 1,
        "p.m." or "p.m" or "pm" => 2,
        _ => 0,
    };

    private TimexMatch? ClockTime(int j)
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
            else if (colon < 0 || !(W(j - 1) is "at" or "by" or "until" or "till" or "from" or "before" or "after" or "around" or "about" or "since" or "to" or "between" || TimeLexicon.TimeZones.Contains(W(k))))
            {
                return null;
            }
        }

        if (TimeLexicon.TimeZones.Contains(W(k)) && (W(k) != "local" || W(k + 1) == "time"))
        {
            k++;
            if (W(k) == "time") k++;
        }

        // The day it belongs to: "3 p.m. Tuesday", "10 a.m. yesterday", "5 p.m. EST, Nov. 6".
        var dk = W(k) == "," ? k + 1 : k;
        string? date = _anchor is { } a ? Day(a) : "XXXX-XX-XX";
        var end = k;
        TimexMatch? day = null;
        if (W(dk) is "today" or "yesterday" or "tomorrow") day = Relative(dk);
        else if (TimeLexicon.Weekdays.ContainsKey(W(dk)) || IsMonthAt(dk, out _)) day = Weekday(dk) ?? MonthDate(dk);
        if (day is { } dm && dm.Type == "DATE" && dm.Value is { Length: >= 10 } dv && dv[4] == '-' && dv[7] == '-')
        {
            date = dv[..10];
            end = dm.End;
        }
        else if (day is { Type: "DATE" } && _anchor is null)
        {
            end = day.Value.End;
        }

        var time = minute == 0 && w is not "noon" and not "midnight" and not "midday" && !w.Contains(':') ? $"{hour:D2}:00" : $"{hour:D2}:{minute:D2}";
        return new TimexMatch(j, end, "TIME", date is null ? null : date + "T" + time);
    }

    private TimexMatch? SetRule(int j)
    {
        var w = W(j);
        if (TimeLexicon.Sets.TryGetValue(w, out var value)) return new TimexMatch(j, j + 1, "SET", value);
        if (w is "every" or "each" or "per")
        {
            var k = j + 1;
            decimal? n = 1;
            if (W(k) == "other") { n = 2; k++; }
            else if (w != "per" && TryQuantity(k, out var q, out var next, out _) && q is not null && next > k && TimeLexicon.Units.ContainsKey(W(next)))
            {
                n = q;
                k = next;
            }

            if (TimeLexicon.Units.TryGetValue(W(k), out var unit) && W(k) is not ("weekend" or "weekends" or "quarter" or "second"))
            {
                return new TimexMatch(j, k + 1, "SET", Duration(n, unit.Letter, unit.IsTime, unit.Factor));
            }

            if (w != "per" && TimeLexicon.Weekdays.TryGetValue(W(k), out var iso))
            {
                return new TimexMatch(j, k + 1, "SET", $"XXXX-WXX-{iso}");
            }

            if (w != "per" && TimeLexicon.PartsOfDay.TryGetValue(W(k), out var part))
            {
                return new TimexMatch(j, k + 1, "SET", "XXXX-XX-XXT" + part);
            }
        }

        return null;
    }

    private TimexMatch? Holiday(int j)
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
            case "independence" when W(j + 1) == "day" && Capitalised(j):
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
            case "labor" or "labour" when W(j + 1) == "day" && Capitalised(j):
                computed = y => NthWeekday(y, 9, 1, 1);
                end++;
                break;
            case "memorial" when W(j + 1) == "day" && Capitalised(j):
                computed = y => NthWeekday(y, 5, 1, -1);
                end++;
                break;
            default:
                return null;
        }

        if (!Capitalised(j)) return null;
        int? year = null;
        if (IsYearToken(end, out var y1, false)) { year = y1; end++; }
        if (computed is null)
        {
            if (year is { } fy) return new TimexMatch(j, end, "DATE", Day(fy, month, day));
            return new TimexMatch(j, end, "DATE", ResolveMonthDay(month, day, TenseAround(j, end)));
        }

        if (year is { } cy) return new TimexMatch(j, end, "DATE", Day(computed(cy)));
        if (_anchor is not { } a) return new TimexMatch(j, end, "DATE", null);
        var tense = TenseAround(j, end);
        var date = computed(a.Year);
        if (date is { } dd)
        {
            if (tense == Tense.Future && dd < a) date = computed(a.Year + 1);
            else if (tense == Tense.Past && dd > a) date = computed(a.Year - 1);
        }

        return new TimexMatch(j, end, "DATE", Day(date));
    }

    private TimexMatch? WordYear(int j)
    {
        if (W(j) != "nineteen") return null;
        var tens = W(j + 1) switch
        {
            "twenty" => 20, "thirty" => 30, "forty" => 40, "fifty" => 50, "sixty" => 60, "seventy" => 70, "eighty" => 80, "ninety" => 90, _ => -1,
        };
        if (tens < 0) return null;
        var end = j + 2;
        var k = W(end) == "-" ? end + 1 : end;
        if (NumberWords.TryParse([W(k)], out var unit) && unit is >= 1 and <= 9 && W(k) is not ("a" or "an"))
        {
            tens += (int)unit;
            end = k + 1;
        }

        return new TimexMatch(j, end, "DATE", Year(1900 + tens));
    }

    private TimexMatch? EarlierIn(int j)
    {
        var a = _anchor;
        // "year-end", "year end"
        if (W(j) == "year" && (W(j + 1) == "-" && W(j + 2) == "end" || W(j + 1) == "end") && W(j - 1) is "at" or "by" or "the" or "before" or "after" or "until" or "since")
        {
            return new TimexMatch(j, W(j + 1) == "-" ? j + 3 : j + 2, "DATE", a is { } ya ? Year(ya.Year) : null);
        }

        // "(the end of) the year", "(the beginning of) the month"
        if (W(j) == "the" && W(j - 1) == "of" && W(j - 2) is "end" or "beginning" or "start" or "middle" or "rest" or "remainder" or "turn" &&
            W(j + 1) is "year" or "month" or "week" or "day" or "quarter" or "century" or "decade")
        {
            return new TimexMatch(j, j + 2, "DATE", UnitValue(W(j + 1)));
        }

        if (W(j) is "earlier" or "later" or "early" or "late" && W(j + 1) == "in" && W(j + 2) == "the" && W(j + 3) is "day" or "week" or "month" or "year")
        {
            return new TimexMatch(j, j + 4, "DATE", UnitValue(W(j + 3)));
        }

        return null;
    }

    private string? UnitValue(string unit)
    {
        if (_anchor is not { } a) return null;
        return unit switch
        {
            "day" => Day(a),
            "week" => Week(a),
            "month" => TimexCalendar.Month(a.Year, a.Month),
            "year" => Year(a.Year),
            "quarter" => TimexCalendar.Quarter(a.Year, QuarterOf(a)),
            "century" => (a.Year / 100).ToString("D2", CultureInfo.InvariantCulture),
            "decade" => (a.Year / 10).ToString("D3", CultureInfo.InvariantCulture),
            _ => null,
        };
    }
}
