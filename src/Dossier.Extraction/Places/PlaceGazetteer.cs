using System.Collections.Frozen;
using System.Globalization;
using System.IO.Compression;
using System.Text;
using Dossier.Core.Data;
using Dossier.Core.Documents;
using Dossier.Core.Labels;
using Dossier.Nlp.Models;

namespace Dossier.Extraction.Places;

/// <summary>One place of the gazetteer.</summary>
/// <param name="Id">GeoNames id of a city, ISO 3166 code of a country ("UA") or division ("US-MD").</param>
/// <param name="Class">One of <see cref="PlaceClasses"/>: country, admin1 or city.</param>
/// <param name="Code">A country's ISO 3166-1 alpha-3 code; a city's GeoNames feature code (PPLC a capital, PPLA a division's seat).</param>
/// <param name="Country">ISO 3166-1 alpha-2 code.</param>
/// <param name="Admin1Code">The division's code within the country (GeoNames admin1), or "".</param>
/// <param name="Admin1Name">The division's name, or "" when the gazetteer has none.</param>
internal sealed record GazetteerPlace(string Id, string Class, string Code, string Country, string Admin1Code, string Admin1Name,
    double Latitude, double Longitude, long Population, string Name)
{
    public bool IsCapital => Class == PlaceClasses.City && Code == "PPLC";

    public bool IsDivisionSeat => Class == PlaceClasses.City && Code.StartsWith("PPLA", StringComparison.Ordinal);

    public Place ToPlace(string? iso3) => new(Name, Class, Country, Admin1Name.Length == 0 ? null : Admin1Name, Latitude, Longitude, Id)
    {
        Population = Population,
        Country = iso3,
        Admin1Code = Admin1Code.Length == 0 ? null : Admin1Code,
    };
}

/// <summary>
/// The places gazetteer (<c>models/places/gazetteer.tsv.gz</c>, built by <c>tools/places/build.mjs</c> from GeoNames data):
/// countries, first-level divisions and cities, looked up by any of their names folded by <see cref="Key"/>, and cities
/// also by their alternate names (<see cref="FindAlternate"/>, a separate look-up that never overrides a name).
/// Immutable and thread-safe after load.
/// </summary>
internal sealed partial class PlaceGazetteer
{
    public const string FileName = "gazetteer.tsv.gz";

    /// <summary>Abbreviations in place names and their expansions (<c>models/places/name-abbreviations.tsv</c>).</summary>
    public const string AbbreviationsFileName = "name-abbreviations.tsv";

    /// <summary>Articles that begin place names (<c>models/places/name-articles.tsv</c>).</summary>
    public const string ArticlesFileName = "name-articles.tsv";

    private static readonly Lazy<PlaceGazetteer> Shared = new(() =>
    {
        var folder = ModelDirectory.LocateFolder("places", FileName);
        return Load(Path.Combine(folder, FileName), Path.Combine(folder, AbbreviationsFileName), Path.Combine(folder, ArticlesFileName), ModelCache.DefaultDirectory);
    });

    private readonly GazetteerPlace[] _places; // in file order
    private readonly IReadOnlyList<string> _alternates; // each place's alternate names (a cached gazetteer's made when first asked for)

    private FrozenDictionary<string, string[]> _abbreviations = FrozenDictionary<string, string[]>.Empty;
    private FrozenSet<string> _articles = FrozenSet<string>.Empty;
    private IReadOnlyDictionary<string, GazetteerPlace[]> _byNameWithoutArticle = FrozenDictionary<string, GazetteerPlace[]>.Empty;

    private readonly Dictionary<string, GazetteerPlace[]>? _byName; // read from the file: a plain dictionary (a frozen one of ~48,000 names costs more to build than its lookups save)
    private readonly CachedPlaceNames? _cachedNames; // or read from the cache folder: the keys sorted in one block (PlaceGazetteer.Cache.cs)
    private readonly Lazy<Dictionary<string, GazetteerPlace[]>> _byAlternateName; // built on the first look-up: most documents need none
    private readonly FrozenDictionary<string, GazetteerPlace> _countryByIso2;
    private readonly FrozenDictionary<string, GazetteerPlace> _countryByIso3;
    private readonly FrozenDictionary<string, GazetteerPlace> _capitalByIso2;
    private readonly FrozenDictionary<string, GazetteerPlace> _divisionById;

    /// <param name="places">The places in file order, with their names and alternate names.</param>
    private PlaceGazetteer(List<(GazetteerPlace Place, string[] Names, string Alternates)> places)
    {
        var byName = new Dictionary<string, List<GazetteerPlace>>(StringComparer.Ordinal);
        var keys = new List<string>();
        _places = new GazetteerPlace[places.Count];
        var alternates = new string[places.Count];
        for (var i = 0; i < places.Count; i++)
        {
            var (p, names, alternateNames) = places[i];
            _places[i] = p;
            alternates[i] = alternateNames;

            // Each distinct non-empty key of the place's names once, in the order of its first name.
            keys.Clear();
            foreach (var name in names)
            {
                var key = Key(name);
                if (key.Length == 0 || keys.IndexOf(key) >= 0) continue; // string equality: ordinal
                keys.Add(key);
                if (!byName.TryGetValue(key, out var list)) byName[key] = list = [];
                list.Add(p);
            }
        }

        _alternates = alternates;
        _byName = byName.ToDictionary(kv => kv.Key, kv => kv.Value.ToArray(), StringComparer.Ordinal);
        (_countryByIso2, _countryByIso3, _capitalByIso2, _divisionById) = Tables(_places);
        _byAlternateName = new(AlternateIndex, LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>A gazetteer read from the cache folder: its places in file order, their alternate names and its name index.</summary>
    private PlaceGazetteer(GazetteerPlace[] places, IReadOnlyList<string> alternates, CachedPlaceNames names)
    {
        _places = places;
        _alternates = alternates;
        _cachedNames = names;
        (_countryByIso2, _countryByIso3, _capitalByIso2, _divisionById) = Tables(_places);
        _byAlternateName = new(AlternateIndex, LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>The countries by their alpha-2 and alpha-3 codes, each country's most populous capital, the divisions by id.</summary>
    private static (FrozenDictionary<string, GazetteerPlace>, FrozenDictionary<string, GazetteerPlace>, FrozenDictionary<string, GazetteerPlace>,
        FrozenDictionary<string, GazetteerPlace>) Tables(GazetteerPlace[] places)
    {
        var c2 = new Dictionary<string, GazetteerPlace>(StringComparer.Ordinal);
        var c3 = new Dictionary<string, GazetteerPlace>(StringComparer.Ordinal);
        var capitals = new Dictionary<string, GazetteerPlace>(StringComparer.Ordinal);
        var divisions = new Dictionary<string, GazetteerPlace>(StringComparer.Ordinal);
        foreach (var p in places)
        {
            if (p.Class == PlaceClasses.Admin1) divisions[p.Id] = p;
            if (p.Class == PlaceClasses.Country)
            {
                c2[p.Country] = p;
                if (p.Code.Length == 3) c3[p.Code] = p;
            }
            else if (p.IsCapital && (!capitals.TryGetValue(p.Country, out var old) || old.Population < p.Population))
            {
                capitals[p.Country] = p;
            }
        }

        return (c2.ToFrozenDictionary(StringComparer.Ordinal), c3.ToFrozenDictionary(StringComparer.Ordinal), capitals.ToFrozenDictionary(StringComparer.Ordinal),
            divisions.ToFrozenDictionary(StringComparer.Ordinal));
    }

    /// <summary>The places of a key (<see cref="Key"/>), or null.</summary>
    private GazetteerPlace[]? ByName(string key) => _byName is not null ? _byName.GetValueOrDefault(key) : _cachedNames!.Find(key);

    /// <summary>The number of keys in the name index.</summary>
    private int NameCount => _byName?.Count ?? _cachedNames!.Count;

    /// <summary>The keys of the name index whose first word is one of <paramref name="words"/> (in no particular order).</summary>
    private List<string> KeysBeginningWith(FrozenSet<string> words)
    {
        var first = words.GetAlternateLookup<ReadOnlySpan<char>>();
        var found = new List<string>();
        if (_byName is not null)
        {
            foreach (var key in _byName.Keys)
            {
                var space = key.IndexOf(' ', StringComparison.Ordinal);
                if (space > 0 && first.Contains(key.AsSpan(0, space))) found.Add(key);
            }
        }
        else
        {
            for (var i = 0; i < _cachedNames!.Count; i++)
            {
                var key = _cachedNames.Key(i);
                var space = key.IndexOf(' ');
                if (space > 0 && first.Contains(key[..space])) found.Add(key.ToString());
            }
        }

        return found;
    }

    /// <summary>
    /// The places by their alternate names (also keys that some place bears as a name: <see cref="FindAlternate"/> leaves
    /// those out, <see cref="FindAlternateAny"/> does not). The file holds
    /// the names as their keys (<see cref="Key"/>, folded by <c>tools/places/build.mjs</c>), so only a name that is not a key
    /// of its own (a hand-edited file) is folded here: the ~67,000 names of the shipped file cost no normalisation.
    /// </summary>
    private Dictionary<string, GazetteerPlace[]> AlternateIndex()
    {
        var withAlternates = 0;
        for (var i = 0; i < _places.Length; i++)
        {
            if (_alternates[i].Length > 0) withAlternates++;
        }

        var byKey = new Dictionary<string, GazetteerPlace[]>(withAlternates * 3, StringComparer.Ordinal);
        for (var i = 0; i < _places.Length; i++)
        {
            var (p, alternates) = (_places[i], _alternates[i]);
            if (alternates.Length == 0) continue;
            foreach (var name in alternates.Split('|'))
            {
                var key = IsKey(name) ? name : Key(name);
                if (key.Length == 0) continue;
                if (!byKey.TryGetValue(key, out var list)) byKey[key] = [p];
                else if (!list.Contains(p)) byKey[key] = [.. list, p]; // few keys are shared
            }
        }

        return byKey;
    }

    /// <summary>The shipped gazetteer, loaded once per process.</summary>
    /// <exception cref="DataFileException">When the file is missing or malformed.</exception>
    public static PlaceGazetteer Default => Shared.Value;

    public int Count => _places.Length;

    /// <summary>
    /// Every place one of whose names folds to the same key as <paramref name="name"/>, or as the name with an abbreviation
    /// spelled out ("St Anne": "Saint Anne", "Sainte Anne"); when none, as the name without its article or with one
    /// ("Al Mukalla": Mukalla, "Gosier": Le Gosier).
    /// </summary>
    public IReadOnlyList<GazetteerPlace> Find(string name)
    {
        var key = Key(name);
        var found = ByName(key) ?? [];
        if (found.Length == 0 && _articles.Count > 0 && key.Length > 0) found = WithOrWithoutArticle(key);
        if (_abbreviations.Count == 0) return found;
        var words = key.Split(' ');
        List<GazetteerPlace>? more = null;
        for (var i = 0; i < words.Length; i++)
        {
            if (!_abbreviations.TryGetValue(words[i], out var expansions)) continue;
            foreach (var expansion in expansions)
            {
                var expanded = string.Join(' ', words.Select((w, j) => j == i ? expansion : w));
                if (ByName(expanded) is not { } hits) continue;
                more ??= [.. found];
                more.AddRange(hits.Where(h => !more.Contains(h)));
            }
        }

        return more ?? (IReadOnlyList<GazetteerPlace>)found;
    }

    /// <summary>
    /// Every place one of whose alternate names (GeoNames' other and historical names of a city: "Bombay", "Trivandrum")
    /// folds to the key of <paramref name="name"/>; never a name that <see cref="Find"/> knows, which always wins. For a name
    /// <see cref="Find"/> finds nothing for.
    /// </summary>
    public IReadOnlyList<GazetteerPlace> FindAlternate(string name)
    {
        var key = Key(name);
        return ByName(key) is null && _byAlternateName.Value.TryGetValue(key, out var list) ? list : [];
    }

    /// <summary>
    /// Every place one of whose alternate names folds to the key of <paramref name="name"/>, also when another place bears
    /// that name as its own ("Antioch": Antakya, whose name Antioch, California bears). For a rule with other evidence.
    /// </summary>
    public IReadOnlyList<GazetteerPlace> FindAlternateAny(string name) =>
        _byAlternateName.Value.TryGetValue(Key(name), out var list) ? list : [];

    private GazetteerPlace[] WithOrWithoutArticle(string key)
    {
        var space = key.IndexOf(' ', StringComparison.Ordinal);
        if (space > 0 && _articles.Contains(key[..space]) && ByName(key[(space + 1)..]) is { } without) return without;
        return _byNameWithoutArticle.TryGetValue(key, out var with) ? with : [];
    }

    public GazetteerPlace? CountryByIso2(string iso2) => _countryByIso2.GetValueOrDefault(iso2);

    public GazetteerPlace? CountryByIso3(string? iso3) => iso3 is null ? null : _countryByIso3.GetValueOrDefault(iso3);

    /// <summary>The record of <paramref name="p"/>, with its country's alpha-3 code.</summary>
    public Place ToPlace(GazetteerPlace p) => p.ToPlace(CountryByIso2(p.Country)?.Code is { Length: 3 } iso3 ? iso3 : null);

    public GazetteerPlace? CapitalOf(string iso2) => _capitalByIso2.GetValueOrDefault(iso2);

    /// <summary>The first-level division of country <paramref name="iso2"/> whose ISO 3166-2 code is <paramref name="code"/> ("US", "NJ"), or null.</summary>
    public GazetteerPlace? DivisionByCode(string iso2, string code) => _divisionById.GetValueOrDefault(iso2 + "-" + code);

    /// <summary>
    /// The lookup key of a name: letters and digits without their accents, lower-cased, every run of other characters
    /// (spaces, hyphens) one space, dots and apostrophes (also the ʻokina) dropped, a leading "the" dropped: "the U.S." and "US" are one key, so are
    /// "Kraków" and "Krakow".
    /// </summary>
    public static string Key(string name)
    {
        var d = System.Text.Ascii.IsValid(name) ? name : name.Normalize(NormalizationForm.FormKD); // ASCII is its own NFKD form

        // Never longer than the decomposed name: built in a stack buffer when short, one string at the end (the name
        // itself when it is its own key); called for every name of the gazetteer at start-up.
        char[]? rented = null;
        Span<char> buffer = d.Length <= 256 ? stackalloc char[256] : (rented = System.Buffers.ArrayPool<char>.Shared.Rent(d.Length));
        var length = 0;
        var pendingSpace = false;
        foreach (var ch in d)
        {
            var cat = CharUnicodeInfo.GetUnicodeCategory(ch);
            if (cat == UnicodeCategory.NonSpacingMark) continue;
            if (ch is '.' or '\'' or '’' or 'ʻ' or 'ʼ') continue; // "U.S." -> "us", "Côte d'Ivoire" -> "cote divoire", the ʻokina of "Hawaiʻi"
            if (char.IsLetterOrDigit(ch))
            {
                if (pendingSpace && length > 0) buffer[length++] = ' ';
                pendingSpace = false;
                buffer[length++] = char.ToLowerInvariant(ch);
            }
            else
            {
                pendingSpace = true;
            }
        }

        ReadOnlySpan<char> key = buffer[..length];
        if (key.StartsWith("the ", StringComparison.Ordinal)) key = key[4..];
        var result = key.SequenceEqual(name) ? name : key.ToString();
        if (rented is not null) System.Buffers.ArrayPool<char>.Shared.Return(rented);
        return result;
    }

    /// <summary>Whether <paramref name="s"/> is already a key: lower-case ASCII letters and digits, single spaces between them, no leading "the".</summary>
    internal static bool IsKey(string s)
    {
        if (s.Length == 0 || s[0] == ' ' || s[^1] == ' ' || s.StartsWith("the ", StringComparison.Ordinal)) return false;
        for (var i = 0; i < s.Length; i++)
        {
            var ch = s[i];
            if (ch is (>= 'a' and <= 'z') or (>= '0' and <= '9')) continue;
            if (ch == ' ' && s[i - 1] != ' ') continue;
            return false;
        }

        return true;
    }

    /// <summary>Reads a gazetteer file and, when given, the abbreviations of place names and the articles that begin them.</summary>
    /// <exception cref="DataFileException">When a file is missing, not gzip, truncated or has a malformed row.</exception>
    /// <param name="cacheDirectory">The cache folder (<see cref="ModelCache"/>): the places and their name index are read
    /// from their cached form there when a valid one is (named after the gazetteer file's SHA-256), else read from the file
    /// and written there; null: from the file only. The same gazetteer either way.</param>
    public static PlaceGazetteer Load(string path, string? abbreviationsPath = null, string? articlesPath = null, string? cacheDirectory = null)
    {
        var gazetteer = cacheDirectory is null ? LoadPlaces(path) : LoadPlaces(path, cacheDirectory);
        if (articlesPath is not null)
        {
            var articles = TsvFile.ReadWords(articlesPath);
            gazetteer._articles = articles;

            // The names that begin with an article, by the rest of the name ("le gosier" under "gosier"), article order.
            // Only the few keys that begin with an article are sorted (the order decides the order of the places).
            var withArticle = gazetteer.KeysBeginningWith(articles);
            withArticle.Sort(StringComparer.Ordinal);
            var without = new Dictionary<string, List<GazetteerPlace>>(StringComparer.Ordinal);
            foreach (var key in withArticle)
            {
                var rest = key[(key.IndexOf(' ', StringComparison.Ordinal) + 1)..];
                if (!without.TryGetValue(rest, out var list)) without[rest] = list = [];
                foreach (var p in gazetteer.ByName(key)!)
                {
                    if (!list.Any(q => ReferenceEquals(q, p))) list.Add(p);
                }
            }

            gazetteer._byNameWithoutArticle = without.ToDictionary(kv => kv.Key, kv => kv.Value.ToArray(), StringComparer.Ordinal);
        }
        if (abbreviationsPath is not null)
        {
            gazetteer._abbreviations = TsvFile.Read(abbreviationsPath, 2)
                .ToFrozenDictionary(r => Key(r.Columns[0]), r => r.Columns[1].Split('|').Select(Key).ToArray(), StringComparer.Ordinal);
        }

        return gazetteer;
    }

    private static PlaceGazetteer LoadPlaces(string path)
    {
        if (!File.Exists(path)) throw new DataFileException(path, "the places gazetteer is missing; build it with `node tools/places/build.mjs`");
        var places = new List<(GazetteerPlace, string[], string)>();
        var ended = false;
        string text;
        try
        {
            using var stream = new GZipStream(File.OpenRead(path), CompressionMode.Decompress);
            using var buffer = new MemoryStream(1 << 22);
            stream.CopyTo(buffer);
            var bytes = buffer.GetBuffer().AsSpan(0, (int)buffer.Length);
            if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF])) bytes = bytes[3..];
            text = Encoding.UTF8.GetString(bytes);
        }
        catch (InvalidDataException e)
        {
            throw new DataFileException(path, "not a gzip file: " + e.Message);
        }

        // The whole file as one string, cut into lines (as a reader cuts them: \n, \r or \r\n) and columns as spans; the
        // short columns that repeat (class, code, country, division code) are shared strings (start-up cost:
        // docs/evaluation.md, "Issue 15: cold start", speed8).
        var shared = new SpanInterner();
        Span<Range> c = stackalloc Range[13];
        var n = 0;
        foreach (var line in new TextLines(text))
        {
            n++;
            if (line.StartsWith("# end ", StringComparison.Ordinal)) { ended = true; continue; }
            if (line.Length == 0 || line[0] == '#') continue;
            var columns = line.Split(c, '\t');
            if (columns < 10
                || !double.TryParse(line[c[6]], NumberStyles.Float, CultureInfo.InvariantCulture, out var lat)
                || !double.TryParse(line[c[7]], NumberStyles.Float, CultureInfo.InvariantCulture, out var lon)
                || !long.TryParse(line[c[8]], NumberStyles.Integer, CultureInfo.InvariantCulture, out var pop))
            {
                throw new DataFileException(path, n, "expected id, class, code, country, admin1 code and name, latitude, longitude, population, name, other names, alternate names");
            }

            var name = line[c[9]].ToString();
            var p = new GazetteerPlace(line[c[0]].ToString(), shared.Get(line[c[1]]), shared.Get(line[c[2]]), shared.Get(line[c[3]]), shared.Get(line[c[4]]),
                line[c[5]].ToString(), lat, lon, pop, name);
            string[] names = columns > 10 && !line[c[10]].IsEmpty ? Names(name, line[c[10]]) : [name];
            places.Add((p, names, columns > 11 ? line[c[11]].ToString() : ""));
        }

        if (!ended) throw new DataFileException(path, "the file is truncated (no '# end' line)");
        return new PlaceGazetteer(places);
    }
    /// <summary>The name, then the other names split at <c>|</c> (empty ones kept, as <c>Split</c> keeps them).</summary>
    private static string[] Names(string name, ReadOnlySpan<char> others)
    {
        var count = 2;
        foreach (var ch in others)
        {
            if (ch == '|') count++;
        }

        var names = new string[count];
        names[0] = name;
        for (var i = 1; i < count; i++)
        {
            var bar = others.IndexOf('|');
            names[i] = (bar < 0 ? others : others[..bar]).ToString();
            others = bar < 0 ? [] : others[(bar + 1)..];
        }

        return names;
    }

    /// <summary>Equal short texts as one string: a small open-addressing table (a text past its capacity is a new string).</summary>
    private sealed class SpanInterner
    {
        private readonly string?[] _slots = new string?[4096];
        private int _count;

        public string Get(ReadOnlySpan<char> text)
        {
            if (text.IsEmpty) return "";
            if (text.Length > 16 || _count >= _slots.Length / 2) return text.ToString();
            var slot = (int)((uint)string.GetHashCode(text) % (uint)_slots.Length);
            while (_slots[slot] is { } existing)
            {
                if (text.SequenceEqual(existing)) return existing;
                slot = (slot + 1) % _slots.Length;
            }

            _count++;
            return _slots[slot] = text.ToString();
        }
    }
}
