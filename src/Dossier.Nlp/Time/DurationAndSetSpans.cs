using Dossier.Core.Labels;
using Dossier.Nlp.Values;
using static Dossier.Nlp.Time.DateTokens;
using static Dossier.Nlp.Time.TimexCalendar;

namespace Dossier.Nlp.Time;

/// <summary>
/// Span rules for amounts of time and repetitions: durations ("three weeks", "a two-hour meeting", "the past five
/// years", "for years"), offsets from the anchor ("two days ago", "a year from now", whose dates come from
/// <see cref="RelativeDateResolver"/>) and sets ("weekly", "every other month", "$5 a day", "each Monday").
/// </summary>
internal sealed class DurationAndSetSpans
{
    private readonly SentenceWords _s;
    private readonly TimeLexicon _lexicon;
    private readonly RelativeDateResolver _resolve;

    public DurationAndSetSpans(TimexSentence sentence)
    {
        _s = sentence.Words;
        _lexicon = sentence.Lexicon;
        _resolve = sentence.Resolve;
    }

    private string W(int i) => _s.W(i);

    /// <summary>Reads a count at <paramref name="k"/>: digits, words, "a", "several"; null amount for vague counts.</summary>
    public bool TryQuantity(int k, out decimal? amount, out int next, out bool article)
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
        while (e < _s.Count && (_lexicon.Numbers.IsNumberWord(W(e)) || W(e) is "-" or "and" && e > k && _lexicon.Numbers.IsNumberWord(W(e + 1)) && W(e + 1) != "half"))
        {
            if (W(e) == "half") break;
            words.Add(W(e));
            e++;
        }

        while (words.Count > 0 && _lexicon.Numbers.IsScale(words[^1]) && !words[^1].Equals("hundred", StringComparison.Ordinal) && !words[^1].Equals("thousand", StringComparison.Ordinal))
        {
            words.RemoveAt(words.Count - 1);
            e--;
        }

        if (words.Count == 0 || !_lexicon.Numbers.TryParse(words, out var v)) return false;
        amount = v;
        next = e;
        if (W(next) == "and" && W(next + 1) == "a" && W(next + 2) == "half") { amount += 0.5m; next += 3; }
        return true;
    }

    /// <summary>A count and a unit: a duration, an offset ("ago", "later", "from now") or a rate ("a year" after a number).</summary>
    public TimexMatch? Quantity(int j)
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

        if (the && lead is null && !IsDigits(W(k), 1, 3) && !_lexicon.Numbers.IsCardinalWord(W(k))) return null;
        if (!TryQuantity(k, out var amount, out var u, out var article)) return null;
        if (IsDigits(W(k), 4, 4) && amount is >= 1000 and < 3000) return null;
        if (article && (the || lead is not null)) return null;
        if (W(u) == "more" || W(u) == "additional" || W(u) == "straight" || W(u) == "consecutive") u++;
        var hyphen = W(u) == "-";
        if (hyphen) u++;
        var unitWord = W(u);
        if (!_lexicon.Units.TryGetValue(unitWord, out var unit) || unitWord is "weekend" or "weekends") return null;
        var end = u + 1;
        var after = W(end);
        if (unitWord == "second" && after is not ("ago" or "later" or "earlier" or "-")) return null;
        if (unitWord is "quarter" or "quarters" && (hyphen || amount is null or < 2)) return null;
        if (after == "old" || after == "-" && W(end + 1) is "old" or "earlier" or "ago") return null;
        if (unitWord is "hour" or "day" or "week" or "month" or "year" && article && IsRateContext(j) && after is not ("ago" or "earlier" or "later"))
        {
            return new TimexMatch(j, end, TimeTypes.Set, Duration(1, unit.Letter, unit.IsTime, unit.Factor));
        }

        if (unit.Letter == 'Q') unit = new TimeUnit('M', false, 3);
        if (hyphen && W(end) == "-" && W(end + 1) is "long") end += 2;
        var vague = amount is null;
        if (lead is null && after is "ago" or "earlier" or "before" or "later" or "after" or "hence" || lead is null && after == "from" && W(end + 1) == "now")
        {
            var sign = after is "ago" or "earlier" or "before" ? -1 : 1;
            var stop = after == "from" ? end + 2 : end + 1;
            if (after is "later" || after is "before" or "after" && W(stop) is not ("." or "," or "")) return new TimexMatch(j, end, TimeTypes.Duration, Duration(amount, unit.Letter, unit.IsTime, unit.Factor));
            string? value = null;
            if (vague) value = sign < 0 ? "PAST_REF" : "FUTURE_REF";
            else if (after is not ("later" or "after")) value = _resolve.Offset(amount, sign, unit);
            return new TimexMatch(j, stop, TimeTypes.Date, value);
        }

        return new TimexMatch(j, end, TimeTypes.Duration, Duration(amount, unit.Letter, unit.IsTime, unit.Factor));
    }

    /// <summary>"$5 a day", "twice a year", "10% a year": the article means "per".</summary>
    private bool IsRateContext(int j)
    {
        var p = W(j - 1);
        if (_lexicon.RateWords.Contains(p)) return true;
        return p.Length > 0 && char.IsAsciiDigit(p[^1]);
    }

    /// <summary>"years ago", "months-long", "for decades".</summary>
    public TimexMatch? BarePlural(int j)
    {
        var w = W(j);
        if (w is not ("years" or "months" or "weeks" or "days" or "decades" or "centuries" or "hours" or "minutes")) return null;
        var unit = _lexicon.Units[w];
        if (W(j + 1) == "ago") return new TimexMatch(j, j + 2, TimeTypes.Date, "PAST_REF");
        if (W(j + 1) == "-" && W(j + 2) is "long" or "old") return new TimexMatch(j, j + 3, TimeTypes.Duration, Duration(null, unit.Letter, unit.IsTime, 1));
        if (W(j - 1) == "for" && W(j + 1) is not ("of" or "to")) return new TimexMatch(j, j + 1, TimeTypes.Duration, Duration(null, unit.Letter, unit.IsTime, 1));
        return null;
    }

    /// <summary>"weekly", "every (other / three) month(s)", "per year", "each Monday", "every morning".</summary>
    public TimexMatch? SetRule(int j)
    {
        var w = W(j);
        if (_lexicon.Sets.TryGetValue(w, out var value)) return new TimexMatch(j, j + 1, TimeTypes.Set, value);
        if (w is "every" or "each" or "per")
        {
            var k = j + 1;
            decimal? n = 1;
            if (W(k) == "other") { n = 2; k++; }
            else if (w != "per" && TryQuantity(k, out var q, out var next, out _) && q is not null && next > k && _lexicon.Units.ContainsKey(W(next)))
            {
                n = q;
                k = next;
            }

            if (_lexicon.Units.TryGetValue(W(k), out var unit) && W(k) is not ("weekend" or "weekends" or "quarter" or "second"))
            {
                return new TimexMatch(j, k + 1, TimeTypes.Set, Duration(n, unit.Letter, unit.IsTime, unit.Factor));
            }

            if (w != "per" && _lexicon.Weekdays.TryGetValue(W(k), out var iso))
            {
                return new TimexMatch(j, k + 1, TimeTypes.Set, $"XXXX-WXX-{iso}");
            }

            if (w != "per" && _lexicon.PartsOfDay.TryGetValue(W(k), out var part))
            {
                return new TimexMatch(j, k + 1, TimeTypes.Set, "XXXX-XX-XXT" + part);
            }
        }

        return null;
    }
}
