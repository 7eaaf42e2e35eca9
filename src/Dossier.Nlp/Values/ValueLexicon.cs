using System.Collections.Frozen;
using Dossier.Core.Data;

namespace Dossier.Nlp.Values;

/// <summary>
/// The word lists of the value stage, read once from <c>models/values/</c> (one TSV file per concept): currency
/// symbols, codes, words and adjectives, units of measure and the words that make "one" a pronoun. Keys are
/// lower-case token text, compared ordinally. Immutable and thread-safe.
/// </summary>
public sealed class ValueLexicon
{
    /// <summary>The sub-folder of <c>models</c> that holds the files.</summary>
    public const string FolderName = "values";

    private static readonly Lazy<ValueLexicon> Shipped = new(LoadDefault, LazyThreadSafetyMode.ExecutionAndPublication);

    private ValueLexicon(string directory)
    {
        string P(string file) => Path.Combine(directory, file);
        Symbols = TsvFile.ReadMap(P("currency-symbols.tsv"));
        DollarPrefixes = TsvFile.ReadMap(P("dollar-prefixes.tsv"));
        IsoCodes = TsvFile.ReadWords(P("currency-codes.tsv"));
        Words = TsvFile.ReadMap(P("currency-words.tsv"));
        DollarAdjectives = TsvFile.ReadMap(P("currency-adjectives.tsv"));
        Units = ReadUnits(P("units.tsv"), P("unit-prefixes.tsv"));
        PronounOneBefore = TsvFile.ReadWords(P("pronoun-one-before.tsv"));
    }

    /// <summary>Currency symbols written before the amount → ISO 4217 code (<c>currency-symbols.tsv</c>).</summary>
    internal FrozenDictionary<string, string> Symbols { get; }

    /// <summary>Letters glued before "$": "US$", "C$", "A$", "HK$" → ISO 4217 code (<c>dollar-prefixes.tsv</c>).</summary>
    internal FrozenDictionary<string, string> DollarPrefixes { get; }

    /// <summary>ISO codes accepted before or after an amount ("USD 5 million", "5 million EUR"; <c>currency-codes.tsv</c>).</summary>
    internal FrozenSet<string> IsoCodes { get; }

    /// <summary>Currency words after the amount → ISO 4217 code (<c>currency-words.tsv</c>).</summary>
    internal FrozenDictionary<string, string> Words { get; }

    /// <summary>Adjectives that change the currency of "dollars"/"pounds"/"francs"/"rupees" (<c>currency-adjectives.tsv</c>).</summary>
    internal FrozenDictionary<string, string> DollarAdjectives { get; }

    /// <summary>Units of measure → the symbol they are reported with (<c>units.tsv</c>); "square" and "cubic" map to "" (<c>unit-prefixes.tsv</c>).</summary>
    internal FrozenDictionary<string, string> Units { get; }

    /// <summary>Words that make a following "one" a pronoun, not a count (<c>pronoun-one-before.tsv</c>).</summary>
    internal FrozenSet<string> PronounOneBefore { get; }

    /// <summary>The lists of the <c>models/values</c> folder found by <see cref="ModelDirectory"/>, read once per process.</summary>
    /// <exception cref="DataFileException">A file is missing or malformed (FILE:LINE).</exception>
    public static ValueLexicon Default => Shipped.Value;

    /// <summary>Reads the lists from <paramref name="directory"/> (a <c>models/values</c> folder).</summary>
    /// <exception cref="DataFileException">A file is missing or malformed (FILE:LINE).</exception>
    public static ValueLexicon Load(string directory)
    {
        ArgumentNullException.ThrowIfNull(directory);
        return new ValueLexicon(directory);
    }

    /// <summary>Reads the lists from the <c>models/values</c> folder found by <see cref="ModelDirectory"/>.</summary>
    /// <exception cref="DataFileException">A file is missing or malformed (FILE:LINE).</exception>
    public static ValueLexicon LoadDefault() => Load(ModelDirectory.LocateFolder(FolderName, "units.tsv"));

    private static FrozenDictionary<string, string> ReadUnits(string unitsPath, string prefixesPath)
    {
        var map = new Dictionary<string, string>(TsvFile.ReadMap(unitsPath), StringComparer.Ordinal);
        foreach (var row in TsvFile.Read(prefixesPath))
        {
            if (!map.TryAdd(row.Columns[0], "")) throw row.Error($"\"{row.Columns[0]}\" is also a unit in units.tsv");
        }

        return map.ToFrozenDictionary(StringComparer.Ordinal);
    }
}
