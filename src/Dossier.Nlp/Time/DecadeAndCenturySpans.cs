using System.Globalization;
using Dossier.Core.Labels;
using Dossier.Nlp.Values;
using static Dossier.Nlp.Time.DateTokens;
using static Dossier.Nlp.Time.TimexCalendar;

namespace Dossier.Nlp.Time;

/// <summary>Span rules for decades, centuries and spelled-out years: "the 1990s", "the '90s", "mid-1990", "the sixties", "the 19th century", "nineteen eighty-four".</summary>
internal sealed class DecadeAndCenturySpans
{
    private readonly SentenceWords _s;
    private readonly TimeLexicon _lexicon;
    private readonly RelativeDateResolver _resolve;

    public DecadeAndCenturySpans(TimexSentence sentence)
    {
        _s = sentence.Words;
        _lexicon = sentence.Lexicon;
        _resolve = sentence.Resolve;
    }

    private string W(int i) => _s.W(i);

    /// <summary>"1990s", "mid-1990", "'90s", "the 80s", "the sixties".</summary>
    public TimexMatch? Decade(int j)
    {
        var w = W(j);
        var mid = w.StartsWith("mid-", StringComparison.Ordinal);
        if (mid) w = w[4..];
        if (mid && IsDigits(w, 4, 4)) return new TimexMatch(j, j + 1, TimeTypes.Date, w);
        if (w.Length == 5 && w[4] == 's' && IsDigits(w[..4], 4, 4) && w[3] == '0')
        {
            return new TimexMatch(j, j + 1, TimeTypes.Date, w[..3]);
        }

        var bare = w.TrimStart('\'');
        if (bare.Length == 3 && bare[2] == 's' && bare[1] == '0' && char.IsAsciiDigit(bare[0]) &&
            (w[0] == '\'' || mid || W(j - 1) is "the" or "early" or "late" or "mid" or "-"))
        {
            var x = bare[0] - '0';
            var century = _resolve.DecadeCentury(x);
            return new TimexMatch(j, j + 1, TimeTypes.Date, $"{century:D2}{x}");
        }

        if (w == "the")
        {
            var tens = _lexicon.DecadeWords.TryGetValue(W(j + 1), out var t) ? t : -1;
            if (tens >= 0) return new TimexMatch(j, j + 2, TimeTypes.Date, "19" + tens.ToString(CultureInfo.InvariantCulture));
        }

        return null;
    }

    /// <summary>"the 19th century", "the twenty-first century".</summary>
    public TimexMatch? Century(int j)
    {
        var k = j;
        if (W(k) == "the") k++;
        if (!_lexicon.Numbers.TryParseOrdinal(W(k), out var n) || n is < 1 or > 99) return null;
        var u = k + 1;
        if (W(u) == "-") u++;
        if (W(u) != "century") return null;
        return new TimexMatch(j, u + 1, TimeTypes.Date, (n - 1).ToString("D2", CultureInfo.InvariantCulture));
    }

    /// <summary>"nineteen eighty(-four)".</summary>
    public TimexMatch? WordYear(int j)
    {
        if (W(j) != "nineteen") return null;
        var tens = _lexicon.SpelledYearTens.TryGetValue(W(j + 1), out var t) ? t : -1;
        if (tens < 0) return null;
        var end = j + 2;
        var k = W(end) == "-" ? end + 1 : end;
        if (_lexicon.Numbers.TryParse([W(k)], out var unit) && unit is >= 1 and <= 9 && W(k) is not ("a" or "an"))
        {
            tens += (int)unit;
            end = k + 1;
        }

        return new TimexMatch(j, end, TimeTypes.Date, Year(1900 + tens));
    }
}
