using System.Runtime.CompilerServices;

using System.IO.Compression;
using System.Text;
using Dossier.Core.Data;
using Dossier.Nlp.Models;

namespace Dossier.Nlp.Entities;

/// <summary>What a gazetteer name is known as; one name can be several (Georgia: a country and a US state).</summary>
[Flags]
internal enum GazKind
{
    None = 0,
    Country = 1,
    Capital = 2,
    City = 4,
    State = 8,
    Place = 16,
    Demonym = 32,
    Norp = 64,
    Org = 128,
    BigCity = 256,

    AnyPlace = Country | Capital | City | State | Place,
    AnyGroup = Demonym | Norp,
}

/// <summary>One gazetteer name with everything it is known as.</summary>
internal sealed class GazEntry
{
    public GazKind Kinds;

    /// <summary>ISO 3166 alpha-3 of the place: country, then capital, state, other place, largest city.</summary>
    public string? PlaceCountry;

    public int PlaceRank = int.MaxValue;

    public long Population = -1;

    /// <summary>ISO 3166 alpha-3 of the country a demonym names.</summary>
    public string? DemonymCountry;

    /// <summary>Written in capitals in the list (an acronym such as NATO): only matches a word in capitals.</summary>
    public bool AcronymOnly = true;
}

/// <summary>A run of tokens that the gazetteer knows.</summary>
internal readonly record struct GazMatch(int Start, int End, GazEntry Entry);

/// <summary>
/// Places, nationalities and international organisations (built by <c>tools/gazetteer/build.js</c>;
/// sources in <c>models/ner/SOURCES.md</c>): a gzipped TSV of <c>name, kind, ISO3, population</c>.
/// Names are matched over tokens, case-insensitively, but only where the words are capitalised (or the
/// whole sentence is in capitals), so that common words that are also city names ("Reading") count
/// only when written as names. Immutable and thread-safe.
/// </summary>
internal sealed partial class Gazetteer
{
    public const string FileName = "gazetteer.tsv.gz";
    private const ulong Seed = 0x5EED5EED5EED5EEDUL;

    private static readonly HashSet<string> Connectors = new(StringComparer.Ordinal)
    {
        "of", "and", "the", "de", "du", "da", "del", "la", "le", "for", "on", "in", "al", "el", "&",
    };

    private readonly Dictionary<ulong, GazEntry> _byTokens;
    private readonly HashSet<ulong> _prefixes;
    private readonly Dictionary<string, GazEntry>? _byName; // built from the file
    private readonly GazetteerNames? _cachedNames; // or read from the cache folder (Gazetteer.Cache.cs)

    private Gazetteer(byte[] raw, Dictionary<string, GazEntry> byName)
    {
        Raw = raw;
        _byName = byName;
        _byTokens = [];
        _prefixes = [];
        foreach (var (name, entry) in byName)
        {
            // The words of the name (split at spaces, empty ones skipped), hashed in place.
            var words = 0;
            var h = Seed;
            for (var rest = name.AsSpan(); !rest.IsEmpty;)
            {
                var space = rest.IndexOf(' ');
                var word = space < 0 ? rest : rest[..space];
                rest = space < 0 ? [] : rest[(space + 1)..];
                if (word.IsEmpty) continue;
                words++;
                h = FeatureHash.Mix(h, FeatureHash.LowerFolded(word));
                _prefixes.Add(h);
            }

            if (words == 0) continue;
            MaxTokens = Math.Max(MaxTokens, words);
            _byTokens[h] = entry;
        }
    }

    /// <summary>The gzipped file as read, so that a model can be saved again byte for byte.</summary>
    public byte[] Raw { get; }

    public int Count => _byName?.Count ?? _cachedNames!.Count;

    public int MaxTokens { get; }

    public static Gazetteer Empty { get; } = new([], []);

    public static Gazetteer Load(string path)
    {
        if (!File.Exists(path)) throw new NerModelLoadException(path, "the gazetteer file does not exist (build it with tools/gazetteer/build.js)");
        byte[] raw;
        try
        {
            raw = File.ReadAllBytes(path);
            return Parse(raw);
        }
        catch (Exception e) when (e is InvalidDataException or EndOfStreamException or IOException or FormatException or DecoderFallbackException)
        {
            throw new NerModelLoadException(path, $"the gazetteer file is corrupt or truncated ({e.Message})", e);
        }
    }

    public static Gazetteer Parse(byte[] raw)
    {
        var byName = new Dictionary<string, GazEntry>(StringComparer.Ordinal);

        // The whole file as one string, cut into lines (as a reader cuts them: \n, \r or \r\n) and columns as spans:
        // only the keys and country codes the gazetteer keeps become strings (start-up cost: docs/evaluation.md, speed8).
        string text;
        using (var gzip = new GZipStream(new MemoryStream(raw), CompressionMode.Decompress))
        using (var buffer = new MemoryStream(raw.Length * 4))
        {
            gzip.CopyTo(buffer);
            var bytes = buffer.GetBuffer().AsSpan(0, (int)buffer.Length);
            if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF])) bytes = bytes[3..];
            text = StrictUtf8.GetString(bytes);
        }

        var lineNumber = 0;
        var names = 0;
        var complete = false;
        Span<Range> parts = stackalloc Range[5];
        foreach (var line in new TextLines(text))
        {
            lineNumber++;
            if (complete) throw new InvalidDataException($"line {lineNumber} follows the end line");
            if (line.StartsWith("# end ", StringComparison.Ordinal))
            {
                if (!line.SequenceEqual("# end " + names.ToString(System.Globalization.CultureInfo.InvariantCulture))) throw new InvalidDataException($"the end line says {line[6..]} names, the file has {names}");
                complete = true;
                continue;
            }

            if (line.Length == 0 || line[0] == '#') continue;
            names++;
            if (line.Split(parts, '\t') != 4 || line[parts[0]].IsEmpty) throw new InvalidDataException($"line {lineNumber} does not have 4 columns");
            var name = line[parts[0]];
            var key = Key(name);
            if (!byName.TryGetValue(key, out var entry))
            {
                entry = new GazEntry();
                byName[key] = entry;
            }

            var isoText = line[parts[2]];
            var iso = isoText.SequenceEqual("-") ? null : isoText.ToString();
            var population = long.Parse(line[parts[3]], System.Globalization.CultureInfo.InvariantCulture);
            var kindText = line[parts[1]];
            var kind = kindText switch
            {
                "COUNTRY" => GazKind.Country,
                "CAPITAL" => GazKind.Capital,
                "CITY" => GazKind.City,
                "STATE" => GazKind.State,
                "GPE" => GazKind.Place,
                "DEMONYM" => GazKind.Demonym,
                "NORP" => GazKind.Norp,
                "ORG" => GazKind.Org,
                _ => throw new InvalidDataException($"line {lineNumber}: unknown kind {kindText}"),
            };
            entry.Kinds |= kind;
            if (!IsCapitals(name)) entry.AcronymOnly = false;
            if ((kind & GazKind.AnyPlace) != 0)
            {
                var rank = kind switch { GazKind.Country => 0, GazKind.Capital => 1, GazKind.State => 2, GazKind.Place => 3, _ => 4 };
                if (rank < entry.PlaceRank || (rank == entry.PlaceRank && population > entry.Population))
                {
                    entry.PlaceRank = rank;
                    entry.PlaceCountry = iso ?? entry.PlaceCountry;
                    entry.Population = population;
                }

                if (population >= 100_000 || kind is GazKind.Capital or GazKind.Country or GazKind.State) entry.Kinds |= GazKind.BigCity;
            }

            if (kind == GazKind.Demonym && iso is not null) entry.DemonymCountry ??= iso;
        }

        if (!complete) throw new InvalidDataException("the end line is missing");
        return new Gazetteer(raw, byName);
    }

    private static readonly UTF8Encoding StrictUtf8 = new(false, true);

    private static bool IsCapitals(ReadOnlySpan<char> name)
    {
        var letters = 0;
        foreach (var c in name)
        {
            if (char.IsLower(c)) return false;
            if (char.IsLetter(c)) letters++;
        }

        return letters > 0 && !name.Contains(' ');
    }

    /// <summary>The lookup key of a name: folded to lower case, whitespace collapsed.</summary>
    public static string Key(string name) => Key(name.AsSpan());

    /// <inheritdoc cref="Key(string)"/>
    public static string Key(ReadOnlySpan<char> name)
    {
        // Never longer than the name (a space only replaces white space): built in a stack buffer when short.
        char[]? rented = null;
        Span<char> buffer = name.Length <= 256 ? stackalloc char[256] : (rented = System.Buffers.ArrayPool<char>.Shared.Rent(name.Length));
        var length = 0;
        var space = false;
        foreach (var c in name)
        {
            if (char.IsWhiteSpace(c))
            {
                space = length > 0;
                continue;
            }

            if (space) buffer[length++] = ' ';
            space = false;
            buffer[length++] = FeatureHash.Fold(c);
        }

        var key = buffer[..length].ToString();
        if (rented is not null) System.Buffers.ArrayPool<char>.Shared.Return(rented);
        return key;
    }

    /// <summary>The entry of a name written out, or null.</summary>
    public GazEntry? Lookup(string name) => _byName is not null ? _byName.GetValueOrDefault(Key(name)) : _cachedNames!.Find(Key(name));

    /// <summary>
    /// Longest matches, left to right, without overlap. <paramref name="lower"/> holds each token's
    /// <see cref="FeatureHash.Lower"/> hash; a match needs capitalised words unless <paramref name="allCaps"/>.
    /// With <paramref name="lowerOnly"/>, the matches are of words written all in lower case instead (web text that
    /// does not capitalise names: a feature the tagger learns to trust as far as it deserves).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Match(IReadOnlyList<string> words, ReadOnlySpan<ulong> lower, bool allCaps, List<GazMatch> matches, bool lowerOnly = false)
    {
        matches.Clear();
        if (_byTokens.Count == 0) return;
        var n = words.Count;
        for (var i = 0; i < n;)
        {
            if (lowerOnly ? !IsLower(words[i]) : !StartsName(words[i]))
            {
                i++;
                continue;
            }

            var h = Seed;
            GazEntry? best = null;
            var bestEnd = i;
            for (var j = i; j < n && j - i < MaxTokens; j++)
            {
                h = FeatureHash.Mix(h, lower[j]);
                if (!_prefixes.Contains(h)) break;
                if (lowerOnly)
                {
                    if (!IsLower(words[j])) break;
                    if (_byTokens.TryGetValue(h, out var low) && !low.AcronymOnly && !Connectors.Contains(words[j]))
                    {
                        best = low;
                        bestEnd = j + 1;
                    }

                    continue;
                }

                if (j > i && !StartsName(words[j]) && !Connectors.Contains(words[j])) break;
                if (_byTokens.TryGetValue(h, out var entry) && StartsName(words[j]))
                {
                    if (entry.AcronymOnly && !allCaps && !AllCaps(words[i])) continue;
                    best = entry;
                    bestEnd = j + 1;
                }
            }

            if (best is null)
            {
                i++;
                continue;
            }

            matches.Add(new GazMatch(i, bestEnd, best));
            i = bestEnd;
        }
    }

    /// <summary>A word of letters in lower case only ("paris", not "Paris" or "x-ray2").</summary>
    internal static bool IsLower(string word)
    {
        if (word.Length == 0) return false;
        foreach (var c in word)
        {
            if (!char.IsLower(c) && c != '-' && c != '.' && c != '\'') return false;
        }

        return true;
    }

    internal static bool StartsName(string word) => word.Length > 0 && (char.IsUpper(word[0]) || char.IsDigit(word[0]));

    internal static bool AllCaps(string word)
    {
        var letters = 0;
        foreach (var c in word)
        {
            if (char.IsLower(c)) return false;
            if (char.IsLetter(c)) letters++;
        }

        return letters > 0;
    }
}
