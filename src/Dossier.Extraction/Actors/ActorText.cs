using System.Buffers;
using System.Globalization;
using System.Text;

namespace Dossier.Extraction.Actors;

/// <summary>The one normal form every name takes before a knowledge-base look-up.</summary>
public static class ActorText
{
    /// <summary>
    /// Lower case, curly apostrophes straightened, full stops and underscores dropped or spaced,
    /// runs of white space collapsed, a leading "the " removed: "The U.S." and "US" both give "us";
    /// "WHITE_HOUSE_" gives "white house".
    /// </summary>
    public static string Normalize(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var source = name.Normalize(NormalizationForm.FormC);

        // The result is never longer than the source: written into a stack buffer, one string at the end (the name itself
        // when nothing changed); called for every name of the knowledge base at start-up and for every look-up.
        char[]? rented = null;
        Span<char> buffer = source.Length <= 256 ? stackalloc char[256] : (rented = ArrayPool<char>.Shared.Rent(source.Length));
        var length = 0;
        var space = false;
        foreach (var raw in source)
        {
            var c = raw switch
            {
                '\u2019' or '\u2018' or '`' => '\'',
                '\u2010' or '\u2011' or '\u2012' or '\u2013' => '-',
                _ => raw,
            };
            if (c == '.') continue;
            if (c == '_' || char.IsWhiteSpace(c))
            {
                space = length > 0;
                continue;
            }

            if (space)
            {
                buffer[length++] = ' ';
                space = false;
            }

            buffer[length++] = char.ToLowerInvariant(c);
        }

        ReadOnlySpan<char> result = buffer[..length];
        if (result.StartsWith("the ", StringComparison.Ordinal)) result = result[4..];
        var text = result.SequenceEqual(name) ? name : result.ToString();
        if (rented is not null) ArrayPool<char>.Shared.Return(rented);
        return text;
    }

    /// <summary>The key with diacritics removed ("elysée" → "elysee"), for a second look-up.</summary>
    public static string Fold(string key)
    {
        var decomposed = key.Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark) builder.Append(c);
        }

        return builder.ToString().Normalize(NormalizationForm.FormC);
    }

    /// <summary>A crude singular for regular English plurals ("officials" → "official", "authorities" → "authority").</summary>
    public static string Singular(string word)
    {
        if (word.Length > 4 && word.EndsWith("ies", StringComparison.Ordinal)) return word[..^3] + "y";
        if (word.Length > 4 && (word.EndsWith("ches", StringComparison.Ordinal) || word.EndsWith("shes", StringComparison.Ordinal) || word.EndsWith("sses", StringComparison.Ordinal))) return word[..^2];
        if (word.Length > 3 && word.EndsWith('s') && !word.EndsWith("ss", StringComparison.Ordinal) && !word.EndsWith("us", StringComparison.Ordinal)) return word[..^1];
        if (word.EndsWith("men", StringComparison.Ordinal) && word.Length > 4) return word[..^3] + "man";
        return word;
    }

    /// <summary>Title case for names read from the upper-case dictionaries: "VLADIMIR_V._PUTIN_" → "Vladimir V. Putin".</summary>
    public static string Display(string dictionaryName)
    {
        var words = dictionaryName.Replace('_', ' ').Split(' ', StringSplitOptions.RemoveEmptyEntries);
        for (var i = 0; i < words.Length; i++)
        {
            var w = words[i];
            if (w.Length <= 1 || w.All(c => !char.IsLetter(c) || char.IsUpper(c)) && w.Count(char.IsLetter) <= 1)
            {
                continue;
            }

            var lower = w.ToLowerInvariant();
            var chars = lower.ToCharArray();
            var start = true;
            for (var j = 0; j < chars.Length; j++)
            {
                if (start && char.IsLetter(chars[j])) chars[j] = char.ToUpperInvariant(chars[j]);
                start = chars[j] is '-' or '\'' or '.' or '(';
            }

            words[i] = (i > 0 && lower is "of" or "the" or "and" or "for" or "de" or "al" or "bin") ? lower : new string(chars);
        }

        return string.Join(' ', words);
    }
}
