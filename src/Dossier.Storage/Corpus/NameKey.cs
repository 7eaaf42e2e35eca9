using System.Globalization;
using System.Text;

namespace Dossier.Storage.Corpus;

/// <summary>
/// The comparison form of a name: case-folded, without diacritics, without a leading "the", with dots and
/// apostrophes dropped ("U.S." = "US", "O'Brien" = "OBrien") and every other run of punctuation or white space
/// collapsed to one space ("Jean-Luc" = "Jean Luc"). Pure and thread-safe.
/// </summary>
public static class NameKey
{
    public static string Normalise(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return "";
        }

        var decomposed = name.Normalize(NormalizationForm.FormKD);
        var builder = new StringBuilder(decomposed.Length);
        var pendingSpace = false;
        foreach (var c in decomposed)
        {
            var category = CharUnicodeInfo.GetUnicodeCategory(c);
            if (category is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark)
            {
                continue;
            }

            if (c is '.' or '\'' or '\u2019' or '\u2018' or '`' or '\u00B4')
            {
                continue;
            }

            if (char.IsLetterOrDigit(c))
            {
                if (pendingSpace && builder.Length > 0)
                {
                    builder.Append(' ');
                }

                pendingSpace = false;
                builder.Append(char.ToLowerInvariant(c));
            }
            else
            {
                pendingSpace = true;
            }
        }

        var key = builder.ToString();
        return key.StartsWith("the ", StringComparison.Ordinal) && key.Length > 4 ? key[4..] : key;
    }

    /// <summary>How many words the normalised name has.</summary>
    public static int WordCount(string normalised) =>
        normalised.Length == 0 ? 0 : normalised.Count(c => c == ' ') + 1;

    /// <summary>The last word of a normalised name ("donald trump" → "trump").</summary>
    public static string LastWord(string normalised)
    {
        var space = normalised.LastIndexOf(' ');
        return space < 0 ? normalised : normalised[(space + 1)..];
    }
}
