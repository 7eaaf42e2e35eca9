using System.Collections.Frozen;

namespace Dossier.Ingest.Languages;

/// <summary>
/// A fast path for the common case: English news prose, where a quarter or more of the words are
/// English function words ("the", "of", "and" …) and almost every letter is ASCII. Such a text is
/// English without asking Lingua, whose per-document cost dominated ingest. Anything that does not
/// clearly pass (other languages, short or mixed texts) goes to Lingua.
/// </summary>
internal static class EnglishFunctionWords
{
    /// <summary>How much of the text's start is examined.</summary>
    public const int SampleLength = 800;

    /// <summary>Fewer words than this and the share means little.</summary>
    public const int MinimumWords = 25;

    /// <summary>Share of function words from which a text counts as English (English news prose is at 0.35–0.5; French, German, Dutch and Spanish prose stay under 0.1).</summary>
    public const double MinimumShare = 0.25;

    private static readonly FrozenSet<string> Words = FrozenSet.Create(StringComparer.Ordinal,
    [
        "the", "of", "and", "to", "in", "a", "is", "that", "for", "on", "was", "with", "he", "it", "as",
        "at", "by", "said", "his", "be", "from", "are", "have", "has", "had", "not", "but", "were",
        "they", "which", "this", "will", "an", "would", "its", "their", "been", "who", "after", "we",
        "you", "she", "her", "more", "than", "there", "also", "or", "can", "could", "up", "about",
        "into", "out", "when", "what", "all", "new", "one", "two", "last", "year", "people", "i",
    ]);

    /// <summary>True when the start of <paramref name="text"/> is clearly English prose.</summary>
    public static bool IsClearlyEnglish(string text)
    {
        var sample = text.AsSpan(0, Math.Min(text.Length, SampleLength));
        var lookup = Words.GetAlternateLookup<ReadOnlySpan<char>>();
        Span<char> lower = stackalloc char[32];
        int words = 0, hits = 0, letters = 0, nonAscii = 0;
        var i = 0;
        while (i < sample.Length)
        {
            if (!char.IsLetter(sample[i]))
            {
                i++;
                continue;
            }

            var start = i;
            while (i < sample.Length && (char.IsLetter(sample[i]) || sample[i] == '\''))
            {
                nonAscii += sample[i] > 0x7F ? 1 : 0;
                i++;
            }

            letters += i - start;
            words++;
            var word = sample[start..i];
            if (word.Length <= lower.Length)
            {
                var length = word.ToLowerInvariant(lower);
                hits += lookup.Contains(lower[..length]) ? 1 : 0;
            }
        }

        return words >= MinimumWords && (double)hits / words >= MinimumShare && nonAscii * 50 < letters;
    }
}
