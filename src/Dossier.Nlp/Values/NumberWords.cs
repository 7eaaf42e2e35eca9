using System.Collections.Frozen;
using System.Globalization;
using Dossier.Core.Data;

namespace Dossier.Nlp.Values;

/// <summary>
/// Reads English numbers written in words, digits or both: "two hundred and five", "twenty-one",
/// "a dozen", "two dozen", "1,200", "2.5", "2.5 million", "5 1/2", "a half". Shared by the value and
/// time stages, which load the word lists from <c>models/time/</c>. Never throws for bad input: amounts that overflow <see cref="decimal"/> are
/// reported as not parsed. Immutable and thread-safe.
/// </summary>
public sealed class NumberWords
{
    private readonly FrozenDictionary<string, int> _units;
    private readonly FrozenDictionary<string, decimal> _scales;
    private readonly FrozenDictionary<string, int> _ordinalWords;

    private NumberWords(string directory)
    {
        _units = Read(Path.Combine(directory, "number-words.tsv"), c => int.Parse(c, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture));
        _scales = Read(Path.Combine(directory, "number-scales.tsv"), c => decimal.Parse(c, NumberStyles.None, CultureInfo.InvariantCulture));
        _ordinalWords = Read(Path.Combine(directory, "ordinal-words.tsv"), c => int.Parse(c, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture));
    }

    /// <summary>Reads <c>number-words.tsv</c>, <c>number-scales.tsv</c> and <c>ordinal-words.tsv</c> from <paramref name="directory"/> (a <c>models/time</c> folder).</summary>
    /// <exception cref="DataFileException">A file is missing or malformed (FILE:LINE).</exception>
    public static NumberWords Load(string directory)
    {
        ArgumentNullException.ThrowIfNull(directory);
        return new NumberWords(directory);
    }

    /// <summary>Reads the number words from the <c>models/time</c> folder found by <see cref="ModelDirectory"/>.</summary>
    /// <exception cref="DataFileException">A file is missing or malformed (FILE:LINE).</exception>
    public static NumberWords LoadDefault() => Load(ModelDirectory.LocateFolder("time", "number-words.tsv"));

    private static FrozenDictionary<string, T> Read<T>(string path, Func<string, T> parse)
    {
        var map = new Dictionary<string, T>(StringComparer.OrdinalIgnoreCase);
        foreach (var row in TsvFile.Read(path, 2))
        {
            T value;
            try
            {
                value = parse(row.Columns[1]);
            }
            catch (Exception e) when (e is FormatException or OverflowException)
            {
                throw row.Error($"\"{row.Columns[1]}\" is not a number");
            }

            if (!map.TryAdd(row.Columns[0], value)) throw row.Error($"\"{row.Columns[0]}\" is listed twice");
        }

        return map.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>True for a word that can be part of a spelled-out number ("twenty", "hundred", "dozen", "and").</summary>
    public bool IsNumberWord(string word) =>
        _units.ContainsKey(word) || _scales.ContainsKey(word) && word.Length > 2 ||
        word.Equals("dozen", StringComparison.OrdinalIgnoreCase) || word.Equals("half", StringComparison.OrdinalIgnoreCase);

    /// <summary>True for a word that alone is a spelled-out number ("six", "twenty", "dozen").</summary>
    public bool IsCardinalWord(string word) => _units.ContainsKey(word) || word.Equals("dozen", StringComparison.OrdinalIgnoreCase);

    /// <summary>True for a scale word ("hundred", "million", "bn", "m").</summary>
    public bool IsScale(string word) => _scales.ContainsKey(word);

    /// <summary>The factor of a scale word, e.g. 1,000,000 for "million" or "m".</summary>
    public bool TryScale(string word, out decimal factor) => _scales.TryGetValue(word, out factor);

    /// <summary>Parses a whole phrase such as "two hundred and five", "twenty-one", "2.5 million" or "a dozen".</summary>
    public bool TryParse(string? text, out decimal value)
    {
        value = 0;
        if (string.IsNullOrWhiteSpace(text)) return false;
        var words = text.Split([' ', '-', '\u2010', '\t', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries);
        return TryParse(words, out value);
    }

    /// <summary>Parses a phrase already split into words (hyphens dropped or kept as "-").</summary>
    public bool TryParse(IReadOnlyList<string> words, out decimal value)
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

                if (_units.TryGetValue(w, out var u))
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

                if (_scales.TryGetValue(w, out var scale) && any && (w.Length > 2 || i == words.Count - 1))
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
    public bool TryParseOrdinal(string? text, out int value)
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
            return _ordinalWords.TryGetValue(parts[0], out value) && value > 0;
        }

        if (parts.Length == 2 && _units.TryGetValue(parts[0], out var tens) && tens >= 20 && tens % 10 == 0 &&
            _ordinalWords.TryGetValue(parts[1], out var ones) && ones is > 0 and < 10)
        {
            value = tens + ones;
            return true;
        }

        return false;
    }

    /// <summary>True for an ordinal word ("first" … "twentieth", "hundredth"); "last" is not one.</summary>
    public bool IsOrdinalWord(string word) => _ordinalWords.TryGetValue(word, out var v) && v > 0;
}
