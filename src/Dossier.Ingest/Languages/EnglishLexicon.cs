using System.Collections.Frozen;
using Dossier.Core.Data;

namespace Dossier.Ingest.Languages;

/// <summary>
/// English words by their frequency in the UD English Web Treebank train split (<c>models/languages/english-words.tsv</c>,
/// built by <c>tools/languages/build-english-words.sh</c>): evidence that a short text is English that does not
/// depend on the text being prose. Loaded once per process; immutable and thread-safe.
/// </summary>
internal sealed class EnglishLexicon
{
    /// <summary>The file, relative to the <c>models</c> folder.</summary>
    public const string FileName = "english-words.tsv";

    /// <summary>The sub-folder of <c>models</c> that holds it.</summary>
    public const string Folder = "languages";

    private static readonly Lazy<EnglishLexicon> LazyDefault = new(() => Load(Path.Combine(ModelDirectory.LocateFolder(Folder, FileName), FileName)));

    private readonly FrozenDictionary<string, int> _counts;
    private readonly FrozenDictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    private EnglishLexicon(FrozenDictionary<string, int> counts)
    {
        _counts = counts;
        _lookup = counts.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>The shipped lexicon, loaded on first use.</summary>
    /// <exception cref="Core.Errors.ModelFileException">The file is missing or malformed (a <see cref="DataFileException"/>).</exception>
    public static EnglishLexicon Default => LazyDefault.Value;

    /// <summary>How many words it holds.</summary>
    public int Size => _counts.Count;

    /// <summary>Reads a lexicon: one lower-case word a row, then its count.</summary>
    /// <exception cref="DataFileException">The file is missing, or a row has no count or a count below 1.</exception>
    public static EnglishLexicon Load(string path)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var row in TsvFile.Read(path, 2))
        {
            if (!int.TryParse(row.Columns[1], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) || n < 1)
            {
                throw row.Error($"\"{row.Columns[1]}\" is not a count");
            }

            counts[row.Columns[0]] = n;
        }

        return new EnglishLexicon(counts.ToFrozenDictionary(StringComparer.Ordinal));
    }

    /// <summary>
    /// What the words of <paramref name="text"/> say about its language (words are runs of letters and apostrophes,
    /// at most <paramref name="maxWords"/>; the words of a web address, handle or hashtag are left out, see
    /// <see cref="WithoutWebTokens"/>): how many there are, how many are English words (in the lexicon in lower case,
    /// or by the part before an apostrophe, "France's"), how many look like names (capitalised Latin-script words, not
    /// all capitals unless the whole text is in capitals, that are not English words), and how many letters the rest have, the words that are evidence of another language.
    /// </summary>
    public WordEvidence Count(string text, int maxWords = 200)
    {
        var span = WithoutWebTokens(text).AsSpan();
        var shouted = IsShouted(span);
        Span<char> lower = stackalloc char[48];
        int words = 0, english = 0, names = 0, foreignLetters = 0;
        var i = 0;
        while (i < span.Length && words < maxWords)
        {
            if (!char.IsLetter(span[i]))
            {
                i++;
                continue;
            }

            var start = i;
            while (i < span.Length && (char.IsLetter(span[i]) || IsApostrophe(span[i]))) i++;
            var word = span[start..i].TrimEnd(['\'', '\u2019']);
            words++;
            if (IsEnglish(word, lower))
            {
                english++;
            }
            else if (word[0] < LatinEnd && char.IsUpper(word[0]) && (shouted || HasLower(word)))
            {
                names++;
            }
            else
            {
                foreignLetters += word.Length;
            }
        }

        return new WordEvidence(words, english, names, foreignLetters);
    }

    /// <summary>
    /// The text without its web addresses (anything with <c>://</c>, or starting <c>www.</c>), e-mail addresses, handles
    /// (<c>@name</c>), hashtags (<c>#topic</c>) and identifiers with underscores (<c>cover_letter.doc</c>): they are
    /// written the same in every language.
    /// </summary>
    public static string WithoutWebTokens(string text)
    {
        if (text.IndexOfAny(['@', '#', '/', '.', '_']) < 0) return text;
        var parts = text.Split([' ', '\t', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries);
        var kept = parts.Where(p => !(p.Contains("://", StringComparison.Ordinal) || p.StartsWith("www.", StringComparison.OrdinalIgnoreCase)
            || p.Contains('@', StringComparison.Ordinal) || p.StartsWith('#') || p.Contains('_', StringComparison.Ordinal)));
        return string.Join(' ', kept);
    }

    private bool IsEnglish(ReadOnlySpan<char> word, Span<char> buffer)
    {
        if (word.Length > buffer.Length) return false;
        var length = word.ToLowerInvariant(buffer);
        var w = buffer[..length];
        w.Replace('\u2019', '\'');
        if (_lookup.ContainsKey(w)) return true;
        var apostrophe = w.IndexOf('\'');
        return apostrophe > 0 && _lookup.ContainsKey(w[..apostrophe]);
    }

    /// <summary>
    /// A text in capitals ("TRUCKERS BLOCKADE PORT"): four in five of its cased letters upper case. Case then tells no
    /// name from another word, so every capitalised word that is not English is taken for a name.
    /// </summary>
    private static bool IsShouted(ReadOnlySpan<char> text)
    {
        int upper = 0, lower = 0;
        foreach (var c in text)
        {
            if (char.IsUpper(c)) upper++;
            else if (char.IsLower(c)) lower++;
        }

        return upper >= 8 && upper >= 4 * lower;
    }

    private static bool HasLower(ReadOnlySpan<char> word)
    {
        foreach (var c in word)
        {
            if (char.IsLower(c)) return true;
        }

        return false;
    }

    /// <summary>Latin script up to Latin Extended-B: a capitalised word of another script is no name of English text.</summary>
    private const char LatinEnd = '\u0250';

    private static bool IsApostrophe(char c) => c is '\'' or '\u2019';
}

/// <summary>What the words of a text say about its language (<see cref="EnglishLexicon.Count"/>).</summary>
/// <param name="Words">How many words.</param>
/// <param name="English">How many are English words.</param>
/// <param name="Names">How many look like names: capitalised words that are not English words.</param>
/// <param name="ForeignLetters">The letters of the other words: what evidence there is of another language.</param>
internal readonly record struct WordEvidence(int Words, int English, int Names, int ForeignLetters);
