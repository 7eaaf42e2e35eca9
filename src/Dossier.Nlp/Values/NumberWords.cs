using System.Globalization;

namespace Dossier.Nlp.Values;

/// <summary>
/// Reads English numbers written in words, digits or both: "two hundred and five", "twenty-one",
/// "a dozen", "two dozen", "1,200", "2.5", "2.5 million", "5 1/2", "a half". Shared by the value and
/// time stages. Never throws for bad input: amounts that overflow <see cref="decimal"/> are
/// reported as not parsed. Stateless and thread-safe.
/// </summary>
public static class NumberWords
{
    private static readonly Dictionary<string, int> Units = new(StringComparer.OrdinalIgnoreCase)
    {
        ["zero"] = 0, ["one"] = 1, ["two"] = 2, ["three"] = 3, ["four"] = 4, ["five"] = 5, ["six"] = 6,
        ["seven"] = 7, ["eight"] = 8, ["nine"] = 9, ["ten"] = 10, ["eleven"] = 11, ["twelve"] = 12,
        ["thirteen"] = 13, ["fourteen"] = 14, ["fifteen"] = 15, ["sixteen"] = 16, ["seventeen"] = 17,
        ["eighteen"] = 18, ["nineteen"] = 19, ["twenty"] = 20, ["thirty"] = 30, ["forty"] = 40,
        ["fourty"] = 40, ["fifty"] = 50, ["sixty"] = 60, ["seventy"] = 70, ["eighty"] = 80, ["ninety"] = 90,
    };

    private static readonly Dictionary<string, decimal> Scales = new(StringComparer.OrdinalIgnoreCase)
    {
        ["hundred"] = 100m, ["thousand"] = 1_000m, ["million"] = 1_000_000m, ["billion"] = 1_000_000_000m,
        ["trillion"] = 1_000_000_000_000m, ["mn"] = 1_000_000m, ["bn"] = 1_000_000_000m,
        ["m"] = 1_000_000m, ["b"] = 1_000_000_000m, ["k"] = 1_000m, ["tn"] = 1_000_000_000_000m,
        ["mln"] = 1_000_000m, ["bln"] = 1_000_000_000m, ["trn"] = 1_000_000_000_000m,
        ["lakh"] = 100_000m, ["lakhs"] = 100_000m, ["crore"] = 10_000_000m, ["crores"] = 10_000_000m,
    };

    private static readonly Dictionary<string, int> OrdinalWords = new(StringComparer.OrdinalIgnoreCase)
    {
        ["first"] = 1, ["second"] = 2, ["third"] = 3, ["fourth"] = 4, ["fifth"] = 5, ["sixth"] = 6,
        ["seventh"] = 7, ["eighth"] = 8, ["ninth"] = 9, ["tenth"] = 10, ["eleventh"] = 11, ["twelfth"] = 12,
        ["thirteenth"] = 13, ["fourteenth"] = 14, ["fifteenth"] = 15, ["sixteenth"] = 16,
        ["seventeenth"] = 17, ["eighteenth"] = 18, ["nineteenth"] = 19, ["twentieth"] = 20,
        ["thirtieth"] = 30, ["fortieth"] = 40, ["fiftieth"] = 50, ["sixtieth"] = 60, ["seventieth"] = 70,
        ["eightieth"] = 80, ["ninetieth"] = 90, ["hundredth"] = 100, ["thousandth"] = 1000,
        ["millionth"] = 1_000_000, ["last"] = -1,
    };

    /// <summary>True for a word that can be part of a spelled-out number ("twenty", "hundred", "dozen", "and").</summary>
    public static bool IsNumberWord(string word) =>
        Units.ContainsKey(word) || Scales.ContainsKey(word) && word.Length > 2 ||
        word.Equals("dozen", StringComparison.OrdinalIgnoreCase) || word.Equals("half", StringComparison.OrdinalIgnoreCase);

    /// <summary>True for a word that alone is a spelled-out number ("six", "twenty", "dozen").</summary>
    public static bool IsCardinalWord(string word) => Units.ContainsKey(word) || word.Equals("dozen", StringComparison.OrdinalIgnoreCase);

    /// <summary>True for a scale word ("hundred", "million", "bn", "m").</summary>
    public static bool IsScale(string word) => Scales.ContainsKey(word);

    /// <summary>The factor of a scale word, e.g. 1,000,000 for "million" or "m".</summary>
    public static bool TryScale(string word, out decimal factor) => Scales.TryGetValue(word, out factor);

    /// <summary>Parses a whole phrase such as "two hundred and five", "twenty-one", "2.5 million" or "a dozen".</summary>
    public static bool TryParse(string? text, out decimal value)
    {
        value = 0;
        if (string.IsNullOrWhiteSpace(text)) return false;
        var words = text.Split([' ', '-', '\u2010', '\t', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries);
        return TryParse(words, out value);
    }

    /// <summary>Parses a phrase already split into words (hyphens dropped or kept as "-").</summary>
    public static bool TryParse(IReadOnlyList<string> words, out decimal value)
    {
        ArgumentNullException.ThrowIfNull(words);
        value = 0;
        decimal total = 0, current = 0;
        var any = false;
        var lastWasScale = false;
        try
        {
            for (var i = 0; i < words.Count; i++)
            {
                var w = words[i].Trim();
                if (w.Length == 0 || w is "-" or "\u2010") continue;
                if (w.Equals("and", StringComparison.OrdinalIgnoreCase))
                {
                    if (!any || i == words.Count - 1) return false;
                    continue;
                }

                if ((w.Equals("a", StringComparison.OrdinalIgnoreCase) || w.Equals("an", StringComparison.OrdinalIgnoreCase)) && !any)
                {
                    current = 1;
                    any = true;
                    lastWasScale = false;
                    continue;
                }

                if (Units.TryGetValue(w, out var u))
                {
                    // "twenty one" adds; "one two" is not a number.
                    if (any && current % 10 != 0 && !lastWasScale && current != 0) return false;
                    if (any && current >= 20 && current % 10 == 0 && u >= 10) return false;
                    current += u;
                    any = true;
                    lastWasScale = false;
                    continue;
                }

                if (w.Equals("dozen", StringComparison.OrdinalIgnoreCase))
                {
                    current = (any ? current : 1) * 12;
                    any = true;
                    lastWasScale = true;
                    continue;
                }

                if (w.Equals("half", StringComparison.OrdinalIgnoreCase) && any)
                {
                    current = current == 1 ? 0.5m : current + 0.5m;
                    continue;
                }

                if (Scales.TryGetValue(w, out var scale) && any && (w.Length > 2 || i == words.Count - 1))
                {
                    if (scale == 100m)
                    {
                        current *= scale;
                    }
                    else
                    {
                        total += current * scale;
                        current = 0;
                    }

                    lastWasScale = true;
                    continue;
                }

                if (TryParseDigits(w, out var d))
                {
                    if (any && !lastWasScale)
                    {
                        // "5 1/2": a whole number followed by a fraction.
                        if (w.Contains('/') && d < 1) { current += d; continue; }
                        return false;
                    }

                    current += d;
                    any = true;
                    lastWasScale = false;
                    continue;
                }

                return false;
            }

            if (!any) return false;
            value = total + current;
            return true;
        }
        catch (OverflowException)
        {
            value = 0;
            return false;
        }
    }

    /// <summary>Parses digits with thousands separators, decimals or a simple fraction: "1,200", "2.5", "1/2".</summary>
    public static bool TryParseDigits(string text, out decimal value)
    {
        value = 0;
        if (string.IsNullOrEmpty(text) || text.Length > 60) return false;
        var slash = text.IndexOf('/');
        if (slash > 0)
        {
            if (decimal.TryParse(text[..slash], NumberStyles.None, CultureInfo.InvariantCulture, out var n) &&
                decimal.TryParse(text[(slash + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var dd) && dd != 0 && n < dd)
            {
                value = n / dd;
                return true;
            }

            return false;
        }

        if (!char.IsAsciiDigit(text[0]) && !(text[0] == '.' && text.Length > 1 && char.IsAsciiDigit(text[1]))) return false;
        foreach (var c in text)
        {
            if (!char.IsAsciiDigit(c) && c is not ',' and not '.') return false;
        }

        // Thousands separators must come in groups of three: "1,200" but not "1,2".
        var comma = text.IndexOf(',');
        if (comma >= 0)
        {
            var dot = text.IndexOf('.');
            var intPart = dot >= 0 ? text[..dot] : text;
            var groups = intPart.Split(',');
            if (groups[0].Length is 0 or > 3) return false;
            for (var g = 1; g < groups.Length; g++)
            {
                if (groups[g].Length != 3) return false;
            }

            if (dot >= 0 && text[(dot + 1)..].Contains(',')) return false;
        }

        return decimal.TryParse(text, NumberStyles.AllowThousands | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value);
    }

    /// <summary>Reads an ordinal: "third" → 3, "21st" → 21, "twenty-first" → 21, "100th" → 100.</summary>
    public static bool TryParseOrdinal(string? text, out int value)
    {
        value = 0;
        if (string.IsNullOrWhiteSpace(text)) return false;
        var w = text.Trim();
        if (w.Length > 2 && char.IsAsciiDigit(w[0]))
        {
            var suffix = w[^2..].ToLowerInvariant();
            if (suffix is "st" or "nd" or "rd" or "th" && int.TryParse(w[..^2], NumberStyles.None, CultureInfo.InvariantCulture, out value))
            {
                var lastTwo = value % 100;
                var expected = lastTwo is >= 11 and <= 13 ? "th" : (value % 10) switch { 1 => "st", 2 => "nd", 3 => "rd", _ => "th" };
                return suffix == expected;
            }

            return false;
        }

        var parts = w.Split(['-', ' ', '\u2010'], StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length == 1)
        {
            return OrdinalWords.TryGetValue(parts[0], out value) && value > 0;
        }

        if (parts.Length == 2 && Units.TryGetValue(parts[0], out var tens) && tens >= 20 && tens % 10 == 0 &&
            OrdinalWords.TryGetValue(parts[1], out var ones) && ones is > 0 and < 10)
        {
            value = tens + ones;
            return true;
        }

        return false;
    }

    /// <summary>True for an ordinal word ("first" … "twentieth", "hundredth"); "last" is not one.</summary>
    public static bool IsOrdinalWord(string word) => OrdinalWords.TryGetValue(word, out var v) && v > 0;
}
