using System.Collections.Immutable;
using Dossier.Core.Documents;
using Dossier.Core.Labels;
using Dossier.Core.Data;
using Dossier.Core.Pipeline;
using Dossier.Nlp.Time;

namespace Dossier.Nlp.Values;

/// <summary>
/// Finds amounts in the text: MONEY with an ISO 4217 currency ("$2.5 million" → 2,500,000 USD,
/// "£600m", "C$200 million", "5 million euros"), PERCENT ("4.5 per cent" → 4.5 "%"), QUANTITY with
/// a unit ("5,000 tonnes" → 5000 "t"), CARDINAL ("six witnesses" → 6, "two dozen" → 24, "hundreds"
/// → null amount) and ORDINAL ("21st" → 21). Numbers inside time expressions
/// (<see cref="Document.Times"/>, filled by the time stage that runs first) and years are skipped.
/// Amounts that overflow <see cref="decimal"/> keep their text with a null amount. Stateless and thread-safe.
/// </summary>
public sealed class ValueStage : IStage
{
    private readonly TimeLexicon _times;
    private readonly ValueLexicon _values;

    /// <summary>
    /// A stage that reads the time word lists of <c>models/time/</c> (number words; count nouns that make a number no year)
    /// and the shipped currency and unit lists of <c>models/values/</c>.
    /// </summary>
    /// <exception cref="DataFileException">A word list is missing or malformed.</exception>
    public ValueStage()
        : this(TimeLexicon.LoadDefault())
    {
    }

    /// <summary>A stage that shares the time stage's word lists, with the shipped lists of <c>models/values/</c> (read once per process).</summary>
    /// <exception cref="DataFileException">A word list of <c>models/values/</c> is missing or malformed.</exception>
    public ValueStage(TimeLexicon times)
        : this(times, ValueLexicon.Default)
    {
    }

    /// <summary>A stage that shares the time stage's word lists and reads currencies and units from <paramref name="values"/>.</summary>
    public ValueStage(TimeLexicon times, ValueLexicon values)
    {
        ArgumentNullException.ThrowIfNull(times);
        ArgumentNullException.ThrowIfNull(values);
        _times = times;
        _values = values;
    }

    public string Name => "values";

    /// <inheritdoc/>
    public Layers Needs => Layers.Tokens;

    /// <inheritdoc/>
    public Layers Uses => Layers.Times;

    /// <inheritdoc/>
    public Layers Adds => Layers.Values;

    public Document Process(Document document)
    {
        ArgumentNullException.ThrowIfNull(document);
        if (document.Tokens.IsDefaultOrEmpty || document.Sentences.IsDefaultOrEmpty) return document with { Values = [] };
        var values = ImmutableArray.CreateBuilder<ValueMention>();
        var times = document.Times.IsDefault ? [] : document.Times;
        var inTime = TokensInTimes(document, times);
        for (var s = 0; s < document.Sentences.Length; s++)
        {
            var sentence = document.Sentences[s];
            if (sentence.TokenCount <= 0) continue;
            var scanner = new Scanner(document, sentence, inTime, !times.IsEmpty, _times, _values);
            foreach (var v in scanner.Run())
            {
                var first = document.Tokens[sentence.FirstToken + v.First];
                var last = document.Tokens[sentence.FirstToken + v.End - 1];
                values.Add(new ValueMention(document.Slice(first.Start, last.End), v.Type, Normalise(v.Amount), v.Unit, first.Start, last.End, s));
            }
        }

        return document with { Values = values.ToImmutable() };
    }

    /// <summary>Which tokens overlap a time expression: one pass over the times, each found by binary search,
    /// so the cost stays linear in the document (a scan of every time for every token was quadratic).</summary>
    private static bool[] TokensInTimes(Document document, ImmutableArray<TimeExpression> times)
    {
        var tokens = document.Tokens;
        var inTime = new bool[tokens.Length];
        foreach (var time in times)
        {
            var lo = 0;
            var hi = tokens.Length - 1;
            while (lo <= hi)
            {
                var mid = (lo + hi) >>> 1;
                if (tokens[mid].End <= time.Start) lo = mid + 1;
                else hi = mid - 1;
            }

            for (var i = lo; i < tokens.Length && tokens[i].Start < time.End; i++)
            {
                if (time.Start < tokens[i].End) inTime[i] = true;
            }
        }

        return inTime;
    }

    /// <summary>Drops trailing zeros of the scale: 2.5 × 1,000,000 is 2500000, not 2500000.0.</summary>
    private static decimal? Normalise(decimal? amount) => amount is { } a ? a / 1.0000000000000000000000000000m : null;

    private readonly record struct Found(int First, int End, string Type, decimal? Amount, string? Unit);

    private readonly record struct Number(int End, decimal? Amount, bool Vague);

    /// <summary>Scans the tokens of one sentence.</summary>
    private sealed class Scanner
    {
        private readonly string[] _w;
        private readonly string[] _o;
        private readonly Token[] _t;
        private readonly bool[] _blocked;
        private readonly int _n;
        private readonly bool _timesKnown;
        private readonly TimeLexicon _timeWords;
        private readonly NumberWords _numbers;
        private readonly ValueLexicon _lexicon;

        public Scanner(Document document, Sentence sentence, bool[] inTime, bool timesKnown, TimeLexicon timeWords, ValueLexicon lexicon)
        {
            _lexicon = lexicon;
            _timeWords = timeWords;
            _numbers = timeWords.Numbers;
            var tokens = document.TokensOf(sentence);
            _n = tokens.Length;
            _t = tokens.ToArray();
            _w = new string[_n];
            _o = new string[_n];
            _blocked = new bool[_n];
            _timesKnown = timesKnown;
            for (var i = 0; i < _n; i++)
            {
                _o[i] = document.TextOf(_t[i]);
                _w[i] = _o[i].ToLowerInvariant();
                _blocked[i] = inTime[sentence.FirstToken + i];
            }
        }

        public List<Found> Run()
        {
            var found = new List<Found>();
            var i = 0;
            while (i < _n)
            {
                if (_blocked[i])
                {
                    i++;
                    continue;
                }

                var f = Money(i) ?? Percent(i) ?? Quantity(i) ?? Ordinal(i) ?? Cardinal(i);
                if (f is { } x && x.End > i && !Blocked(x.First, x.End))
                {
                    found.Add(x);
                    i = x.End;
                }
                else
                {
                    i++;
                }
            }

            return found;
        }

        private bool Blocked(int first, int end)
        {
            for (var k = first; k < end; k++)
            {
                if (_blocked[k]) return true;
            }

            return false;
        }

        private string W(int i) => i >= 0 && i < _n ? _w[i] : "";

        private bool Adjacent(int a, int b) => a >= 0 && b < _n && b == a + 1 && _t[a].End == _t[b].Start;

        private static bool LooksNumeric(string w)
        {
            if (w.Length == 0 || !char.IsAsciiDigit(w[0])) return false;
            foreach (var c in w)
            {
                if (!char.IsAsciiDigit(c) && c is not ',' and not '.') return false;
            }

            return char.IsAsciiDigit(w[^1]);
        }

        private static decimal? Multiply(decimal? a, decimal b)
        {
            if (a is not { } x) return null;
            try
            {
                return x * b;
            }
            catch (OverflowException)
            {
                return null;
            }
        }

        /// <summary>A number at <paramref name="i"/>: digits, words, "a million", with a scale; vague for "hundreds".</summary>
        private Number? ParseNumber(int i)
        {
            var w = W(i);
            int end;
            decimal? amount;
            if (LooksNumeric(w))
            {
                amount = NumberWords.TryParseDigits(w, out var d) ? d : null;
                end = i + 1;
                if (W(end).Contains('/') && NumberWords.TryParseDigits(W(end), out var frac) && frac < 1)
                {
                    amount = amount is { } a ? a + frac : null;
                    end++;
                }
            }
            else if (w is "a" or "an" && (W(i + 1) is "dozen" or "hundred" or "thousand" or "million" or "billion" or "trillion"))
            {
                amount = W(i + 1) == "dozen" ? 12 : _numbers.TryScale(W(i + 1), out var sc) ? sc : null;
                end = i + 2;
                return new Number(Scale(ref end, amount, out var scaled) ? end : end, scaled, false);
            }
            else if (w is "hundreds" or "thousands" or "millions" or "billions" or "dozens" or "scores" or "tens")
            {
                end = i + 1;
                if (W(end) == "of" && W(end + 1) is "thousands" or "millions" or "billions") end += 2;
                return new Number(end, null, true);
            }
            else if (_numbers.IsNumberWord(w) && w != "half" && !(w is "m" or "b" or "k"))
            {
                var words = new List<string>();
                end = i;
                while (end < _n && (_numbers.IsNumberWord(W(end)) && W(end) != "half" || W(end) is "-" or "and" && end > i && _numbers.IsNumberWord(W(end + 1)) && W(end + 1) != "half"))
                {
                    words.Add(W(end));
                    end++;
                }

                while (words.Count > 0 && words[^1] is "-" or "and")
                {
                    words.RemoveAt(words.Count - 1);
                    end--;
                }

                if (words.Count == 0) return null;
                if (words.Count == 1 && _numbers.IsScale(words[0]) && words[0] is not ("dozen")) return null;
                amount = _numbers.TryParse(words, out var v) ? v : null;
                if (amount is null && words.Count > 1)
                {
                    // "one two" is two numbers: take the first word only.
                    end = i + 1;
                    amount = _numbers.TryParse([w], out var one) ? one : null;
                }

                if (W(end) == "dozen" && amount is { } dz)
                {
                    amount = dz * 12;
                    end++;
                }

                return new Number(end, amount, false);
            }
            else
            {
                return null;
            }

            Scale(ref end, amount, out var result);
            return new Number(end, result, false);
        }

        /// <summary>Applies a scale word after a number: "million", "bn", or "m" glued to the digits.</summary>
        private bool Scale(ref int end, decimal? amount, out decimal? result)
        {
            result = amount;
            var s = W(end);
            if (!_numbers.TryScale(s, out var factor)) return false;
            if (s is "m" or "b" or "k" && !Adjacent(end - 1, end)) return false;
            if (s is "hundred" or "thousand" && W(end + 1) is "million" or "billion" or "trillion" && _numbers.TryScale(W(end + 1), out var f2))
            {
                result = Multiply(Multiply(amount, factor), f2);
                end += 2;
                return true;
            }

            result = Multiply(amount, factor);
            end++;
            return true;
        }

        private Found? Money(int i)
        {
            string? currency = null;
            var j = i;
            if (_lexicon.DollarPrefixes.TryGetValue(W(i), out var prefixed) && W(i + 1) == "$" && Adjacent(i, i + 1) && char.IsUpper(_o[i][0]))
            {
                currency = prefixed;
                j = i + 2;
            }
            else if (_lexicon.Symbols.TryGetValue(W(i), out var symbol) && (W(i) is not ("rs" or "rs.") || char.IsUpper(_o[i][0])))
            {
                currency = symbol;
                j = i + 1;
            }
            else if (_lexicon.IsoCodes.Contains(W(i)) && _o[i].All(char.IsUpper))
            {
                currency = W(i) == "rmb" ? "CNY" : W(i).ToUpperInvariant();
                j = i + 1;
            }

            if (currency is not null)
            {
                if (ParseNumber(j) is not { Vague: false } number) return null;
                var end = number.End;
                // "$5 million dollars", "US$ 5 million (USD)": a currency word after is part of it.
                if (W(end) is "dollars" or "usd" && currency.EndsWith('D')) end++;
                return new Found(i, end, ValueTypes.Money, number.Amount, currency);
            }

            if (ParseNumber(i) is not { } n) return null;
            var k = n.End;
            if (n.Vague && W(k) == "of") k++;
            string? code = null;
            var w = W(k);
            if (_lexicon.DollarAdjectives.TryGetValue(w, out var adjective) && W(k + 1) is "dollars" or "dollar" or "pounds" or "francs" or "rupees" or "pesos" or "lira")
            {
                code = adjective;
                k++;
            }
            else if (w is "hong" or "new" or "sri" && W(k + 1) is "kong" or "zealand" or "lankan" && W(k + 2) is "dollars" or "rupees")
            {
                code = w == "hong" ? "HKD" : w == "new" ? "NZD" : "LKR";
                k += 2;
            }

            w = W(k);
            if (w is "pounds" or "pound")
            {
                if (W(k + 1) != "sterling" && code is null) return null;
                code ??= "GBP";
                var end = W(k + 1) == "sterling" ? k + 2 : k + 1;
                return new Found(i, end, ValueTypes.Money, n.Amount, code);
            }

            if (_lexicon.Words.TryGetValue(w, out var word))
            {
                if (w == "p" && !Adjacent(k - 1, k)) return null;
                if (w is "real" or "won" or "rand" && n.Amount is null) return null;
                var amount = n.Amount;
                if (w is "cent" or "cents" or "pence" or "p") amount = amount is { } a ? a / 100 : null;
                return new Found(i, k + 1, ValueTypes.Money, amount, code ?? word);
            }

            if (_lexicon.IsoCodes.Contains(w) && k < _n && _o[k].All(char.IsUpper) && !n.Vague)
            {
                return new Found(i, k + 1, ValueTypes.Money, n.Amount, w == "rmb" ? "CNY" : w.ToUpperInvariant());
            }

            return null;
        }

        private Found? Percent(int i)
        {
            if (ParseNumber(i) is not { Vague: false } n) return null;
            var k = n.End;
            if (W(k) is "%" or "percent" or "pct" or "pct.") return new Found(i, k + 1, ValueTypes.Percent, n.Amount, "%");
            if (W(k) == "per" && W(k + 1) == "cent") return new Found(i, k + 2, ValueTypes.Percent, n.Amount, "%");
            if (W(k) is "percentage" && W(k + 1) is "point" or "points") return new Found(i, k + 2, ValueTypes.Percent, n.Amount, "pp");
            return null;
        }

        private Found? Quantity(int i)
        {
            if (ParseNumber(i) is not { Vague: false } n) return null;
            var k = n.End;
            if (W(k) == "-") k++;
            var w = W(k);
            if (!_lexicon.Units.TryGetValue(w, out var unit)) return null;
            if (w is "square" or "cubic")
            {
                if (!_lexicon.Units.TryGetValue(W(k + 1), out var inner) || inner.Length == 0) return null;
                return new Found(i, k + 2, ValueTypes.Quantity, n.Amount, (w == "square" ? "sq " : "cu ") + inner);
            }

            if (w == "degrees" && W(k + 1) is "celsius" or "centigrade" or "fahrenheit" or "c" or "f")
            {
                return new Found(i, k + 2, ValueTypes.Quantity, n.Amount, W(k + 1) is "fahrenheit" or "f" ? "°F" : "°C");
            }

            return new Found(i, k + 1, ValueTypes.Quantity, n.Amount, unit);
        }

        private Found? Ordinal(int i)
        {
            var w = W(i);
            if (_numbers.TryParseOrdinal(w, out var v))
            {
                if (w == "second" && W(i - 1) is "a" or "per" or "one" && W(i + 1) is "." or "," or "later" or "ago" or "") return null;
                return new Found(i, i + 1, ValueTypes.Ordinal, v, null);
            }

            // "twenty-first", "21" "st"
            if (_numbers.IsCardinalWord(w) && W(i + 1) == "-" && _numbers.TryParseOrdinal(w + "-" + W(i + 2), out var compound))
            {
                return new Found(i, i + 3, ValueTypes.Ordinal, compound, null);
            }

            if (LooksNumeric(w) && W(i + 1) is "st" or "nd" or "rd" or "th" && Adjacent(i, i + 1) && _numbers.TryParseOrdinal(w + W(i + 1), out var split))
            {
                return new Found(i, i + 2, ValueTypes.Ordinal, split, null);
            }

            return null;
        }

        private Found? Cardinal(int i)
        {
            var w = W(i);
            if (w == "one" && _lexicon.PronounOneBefore.Contains(W(i - 1))) return null;
            if (w is "a" or "an" && W(i + 1) is not ("dozen" or "hundred" or "thousand" or "million" or "billion" or "trillion")) return null;
            if (ParseNumber(i) is not { } n) return null;
            if (LooksNumeric(w) && IsLikelyYear(i, n)) return null;
            return new Found(i, n.End, ValueTypes.Cardinal, n.Amount, null);
        }

        /// <summary>A four-digit number read as a year when the time stage has not run or missed it.</summary>
        private bool IsLikelyYear(int i, Number n)
        {
            var w = W(i);
            if (w.Length != 4 || n.End != i + 1 || n.Amount is not { } y || y < 1800 || y > 2099) return false;
            if (_timesKnown && !(W(i - 1) is "in" or "since" or "until" or "by" or "of" or "during" or "from" or "before" or "after")) return false;
            var next = W(i + 1);
            if (_timeWords.CountNouns.Contains(next)) return false;
            if (next.Length > 2 && char.IsLower(next[0]) && next.EndsWith('s') && !(next is "was" or "has" or "is" or "this" or "as")) return false;
            return !(W(i - 1) is "about" or "nearly" or "some" or "over" or "than" or "only" or "just" or "almost" or "approximately" or "roughly");
        }
    }
}
