using System.Collections.Frozen;

namespace Dossier.Nlp.Tokenization;

/// <summary>
/// Where UD English splits a single written word into several syntactic words: clitics after an
/// apostrophe ("do|n't", "Bush|'s", "I|'m"), contractions written without one ("can|not",
/// "gon|na", "do|nt") and a number glued to a unit ("5|pm", "600|m"). Allocation-free.
/// </summary>
internal static class WordSplits
{
    // Contractions written without an apostrophe, with the lengths of their parts (EWT's analyses).
    private static readonly FrozenDictionary<string, byte[]>.AlternateLookup<ReadOnlySpan<char>> Fused =
        new Dictionary<string, byte[]>(StringComparer.OrdinalIgnoreCase)
        {
            ["cannot"] = [3, 3], ["gonna"] = [3, 2], ["wanna"] = [3, 2], ["gotta"] = [3, 2], ["outta"] = [3, 2],
            ["dunno"] = [2, 1, 2], ["dont"] = [2, 2], ["didnt"] = [3, 2], ["doesnt"] = [4, 2], ["cant"] = [2, 2],
            ["wont"] = [2, 2], ["isnt"] = [2, 2], ["wasnt"] = [3, 2], ["arent"] = [3, 2], ["werent"] = [4, 2],
            ["couldnt"] = [5, 2], ["wouldnt"] = [5, 2], ["shouldnt"] = [6, 2], ["havent"] = [4, 2], ["hasnt"] = [3, 2],
            ["hadnt"] = [3, 2], ["aint"] = [2, 2], ["im"] = [1, 1], ["ive"] = [1, 2], ["youre"] = [3, 2],
            ["theyre"] = [4, 2], ["thats"] = [4, 1], ["whats"] = [4, 1], ["theres"] = [5, 1], ["heres"] = [4, 1],
        }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase).GetAlternateLookup<ReadOnlySpan<char>>();

    // Units split from a number written against them: "5pm" -> "5" "pm", "600m" -> "600" "m".
    // Case matters: "10MM" (million, finance) and "3G" stay whole.
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> Units =
        new[]
        {
            "am", "pm", "AM", "PM", "a.m", "p.m", "k", "K", "m", "M", "mm", "cm", "km", "kg", "g", "mg", "lb", "lbs",
            "ft", "mph", "kph", "x", "bn", "b", "mn", "mb", "MB", "gb", "GB", "kb", "KB", "TB", "GHz", "MHz", "Hz", "kW",
            "MW", "GW", "kWh", "MWh", "oz", "ml", "yrs", "yr", "hrs", "hr", "min", "mins", "sec", "secs", "ms", "mi",
            "bbl", "tons", "pts", "sq",
        }.ToFrozenSet(StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();

    // Words after which a bare "its" is "it|s" (it is), never the possessive: "its a", "its not".
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> AfterItIs =
        new[]
        {
            "a", "an", "the", "not", "really", "simply", "very", "all", "like", "still", "kind", "just", "also", "only",
            "been", "getting", "definitely", "probably", "always", "never", "too", "gonna", "going", "pretty", "quite",
            "no", "nothing", "ok", "okay", "sort", "about",
        }.ToFrozenSet(StringComparer.OrdinalIgnoreCase).GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>
    /// Whether a bare "its" followed by <paramref name="nextWord"/> is the contraction "it|s"
    /// (UD EWT's analysis of "its a ...", "its not ...").
    /// </summary>
    public static bool IsItIs(ReadOnlySpan<char> word, ReadOnlySpan<char> nextWord) =>
        word.Length == 3 && word.Equals("its", StringComparison.OrdinalIgnoreCase) && AfterItIs.Contains(nextWord);

    private static readonly byte[] LetS = [3, 1];

    /// <summary>
    /// The lengths of the parts of an apostrophe-less contraction, or an empty span when
    /// <paramref name="word"/> is not one. Two-letter all-capital words ("IM") are never split.
    /// </summary>
    public static ReadOnlySpan<byte> FusedParts(ReadOnlySpan<char> word)
    {
        if (word.Length < 2 || word.Length > 8) return default;
        if (word.Length == 2 && CharClass.IsUpper(word[1])) return default;
        if (word is "Lets") return LetS;
        return Fused.TryGetValue(word, out var parts) ? parts : default;
    }

    /// <summary>
    /// The offset within <paramref name="word"/> where a clitic begins ("n't", "'s", "'re", "'ll",
    /// "'m", "'ve", "'d", straight or curly apostrophe, any case), or -1. The stem is never empty.
    /// </summary>
    public static int CliticStart(ReadOnlySpan<char> word)
    {
        var n = word.Length;
        if (n < 3) return -1;
        var last = (char)(word[n - 1] | 0x20);
        if (last == 't' && n >= 4 && CharClass.IsApostrophe(word[n - 2]) && (word[n - 3] | 0x20) == 'n')
        {
            return n - 3;
        }

        if (CharClass.IsApostrophe(word[n - 2]) && last is 's' or 'm' or 'd')
        {
            return n - 2;
        }

        if (n >= 4 && CharClass.IsApostrophe(word[n - 3]))
        {
            var prev = (char)(word[n - 2] | 0x20);
            if ((prev == 'r' && last == 'e') || (prev == 'v' && last == 'e') || (prev == 'l' && last == 'l'))
            {
                return n - 3;
            }
        }

        return -1;
    }

    /// <summary>True when <paramref name="suffix"/> (letters after a number) is a unit UD splits off.</summary>
    public static bool IsUnit(ReadOnlySpan<char> suffix) => suffix.Length <= 4 && Units.Contains(suffix);
}
