using System.Collections.Frozen;
using Dossier.Core.Data;

namespace Dossier.Nlp.Tokenization;

/// <summary>
/// The word lists of the tokenizer, read once from <c>models/tokens/</c> (one TSV file per concept): abbreviations
/// that keep their final period ("Mr.", "Jan.", "Inc."), prefixes that keep their hyphen ("e-mail", "non-profit"),
/// capitalised sentence starters, contractions written without an apostrophe, units glued to a number and the
/// words after which "its" is "it is". Lookups take a span, do not allocate and are safe from several threads.
/// Words made of one- or two-letter dotted segments ("U.S", "e.g", "Ph.D") and single capital initials are
/// recognised by shape in <see cref="Tokenizer"/>, not listed here; clitics after an apostrophe are decided by
/// <see cref="WordSplits"/>.
/// </summary>
public sealed class TokenizerLexicon
{
    /// <summary>The sub-folder of <c>models</c> that holds the files.</summary>
    public const string FolderName = "tokens";

    private static readonly Lazy<TokenizerLexicon> Shipped = new(LoadDefault, LazyThreadSafetyMode.ExecutionAndPublication);

    private static readonly byte[] LetS = [3, 1];

    private readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> _anyCase;
    private readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> _exactCase;
    private readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> _terminal;
    private readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> _numbered;
    private readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> _hyphenPrefixes;
    private readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> _sentenceStarters;
    private readonly FrozenDictionary<string, byte[]>.AlternateLookup<ReadOnlySpan<char>> _fused;
    private readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> _units;
    private readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> _afterItIs;

    private TokenizerLexicon(string directory)
    {
        string P(string file) => Path.Combine(directory, file);
        var beforeNumber = ReadList(P("abbreviations-before-number.tsv"));
        _anyCase = Lookup(ReadList(P("abbreviations-any-case.tsv")), StringComparer.OrdinalIgnoreCase);
        _exactCase = Lookup(ReadList(P("abbreviations-exact-case.tsv")).Concat(beforeNumber), StringComparer.Ordinal);
        _terminal = Lookup(ReadList(P("abbreviations-ending-sentences.tsv")), StringComparer.OrdinalIgnoreCase);
        _numbered = Lookup(beforeNumber, StringComparer.Ordinal);
        _hyphenPrefixes = Lookup(ReadList(P("hyphen-prefixes.tsv")), StringComparer.OrdinalIgnoreCase);
        _sentenceStarters = Lookup(ReadList(P("sentence-starters.tsv")), StringComparer.Ordinal);
        _fused = ReadFused(P("fused-contractions.tsv")).GetAlternateLookup<ReadOnlySpan<char>>();
        _units = Lookup(ReadList(P("number-units.tsv")), StringComparer.Ordinal);
        _afterItIs = Lookup(ReadList(P("after-its.tsv")), StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>The lists of the <c>models/tokens</c> folder found by <see cref="ModelDirectory"/>, read once per process.</summary>
    /// <exception cref="DataFileException">A file is missing or malformed (FILE:LINE).</exception>
    public static TokenizerLexicon Default => Shipped.Value;

    /// <summary>Reads the lists from <paramref name="directory"/> (a <c>models/tokens</c> folder).</summary>
    /// <exception cref="DataFileException">A file is missing or malformed (FILE:LINE).</exception>
    public static TokenizerLexicon Load(string directory)
    {
        ArgumentNullException.ThrowIfNull(directory);
        return new TokenizerLexicon(directory);
    }

    /// <summary>Reads the lists from the <c>models/tokens</c> folder found by <see cref="ModelDirectory"/>.</summary>
    /// <exception cref="DataFileException">A file is missing or malformed (FILE:LINE).</exception>
    public static TokenizerLexicon LoadDefault() => Load(ModelDirectory.LocateFolder(FolderName, "abbreviations-any-case.tsv"));

    /// <summary>
    /// True when <paramref name="word"/> (without its period) is a listed abbreviation that keeps
    /// its period in any context. Abbreviations that need a following number are excluded; see
    /// <see cref="IsBeforeNumber"/>.
    /// </summary>
    public bool IsAbbreviation(ReadOnlySpan<char> word) =>
        word.Length > 0 && (_anyCase.Contains(word) || (_exactCase.Contains(word) && !_numbered.Contains(word)));

    /// <summary>True for abbreviations such as "No" and "Vol" that keep their period only before a number.</summary>
    public bool IsBeforeNumber(ReadOnlySpan<char> word) => _numbered.Contains(word);

    /// <summary>
    /// True for abbreviations that often end a sentence ("etc", "Inc", "p.m"). Dotted acronyms
    /// such as "U.S" are treated the same way by the tokenizer.
    /// </summary>
    public bool MayEnd(ReadOnlySpan<char> word) => _terminal.Contains(word);

    /// <summary>True when a hyphen after <paramref name="segment"/> stays inside the word ("e-mail", "non-stop").</summary>
    public bool IsHyphenPrefix(ReadOnlySpan<char> segment) => _hyphenPrefixes.Contains(segment);

    /// <summary>True when <paramref name="word"/> is a listed capitalised sentence starter ("The", "He", "But").</summary>
    public bool IsSentenceStarter(ReadOnlySpan<char> word) => _sentenceStarters.Contains(word);

    /// <summary>
    /// Whether a bare "its" followed by <paramref name="nextWord"/> is the contraction "it|s"
    /// (UD EWT's analysis of "its a ...", "its not ...").
    /// </summary>
    public bool IsItIs(ReadOnlySpan<char> word, ReadOnlySpan<char> nextWord) =>
        word.Length == 3 && word.Equals("its", StringComparison.OrdinalIgnoreCase) && _afterItIs.Contains(nextWord);

    /// <summary>
    /// The lengths of the parts of an apostrophe-less contraction ("gonna" → 3, 2), or an empty span when
    /// <paramref name="word"/> is not one. Two-letter all-capital words ("IM") are never split.
    /// </summary>
    public ReadOnlySpan<byte> FusedParts(ReadOnlySpan<char> word)
    {
        if (word.Length < 2 || word.Length > 8) return default;
        if (word.Length == 2 && CharClass.IsUpper(word[1])) return default;
        if (word is "Lets") return LetS;
        return _fused.TryGetValue(word, out var parts) ? parts : default;
    }

    /// <summary>True when <paramref name="suffix"/> (letters after a number) is a unit UD splits off ("5|pm", "600|m").</summary>
    public bool IsUnit(ReadOnlySpan<char> suffix) => suffix.Length <= 4 && _units.Contains(suffix);

    private static List<string> ReadList(string path) => TsvFile.Read(path).Select(r => r.Columns[0]).ToList();

    private static FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> Lookup(IEnumerable<string> words, StringComparer comparer) =>
        words.ToFrozenSet(comparer).GetAlternateLookup<ReadOnlySpan<char>>();

    private static FrozenDictionary<string, byte[]> ReadFused(string path)
    {
        var map = new Dictionary<string, byte[]>(StringComparer.OrdinalIgnoreCase);
        foreach (var row in TsvFile.Read(path, 2))
        {
            var word = row.Columns[0];
            var parts = row.Columns[1].Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var lengths = new byte[parts.Length];
            var total = 0;
            for (var i = 0; i < parts.Length; i++)
            {
                if (!byte.TryParse(parts[i], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out lengths[i]) || lengths[i] == 0)
                {
                    throw row.Error($"\"{parts[i]}\" is not a part length");
                }

                total += lengths[i];
            }

            if (parts.Length < 2 || total != word.Length) throw row.Error($"the part lengths of \"{word}\" should add up to its {word.Length} letters");
            if (!map.TryAdd(word, lengths)) throw row.Error($"\"{word}\" is listed twice");
        }

        return map.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);
    }
}
