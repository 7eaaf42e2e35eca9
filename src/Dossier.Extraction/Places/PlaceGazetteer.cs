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
internal sealed class PlaceGazetteer
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

    /// <summary>The kind of its cache files (<see cref="ModelCache"/>): <c>places-v1-….bin</c>.</summary>
    internal const string CacheKind = "places";

    /// <summary>The cached form's format: raised whenever <see cref="TryWriteCache"/> writes another shape.</summary>
    internal const int CacheVersion = 1;

    private readonly List<(GazetteerPlace Place, string Alternates)> _places; // in file order, for the cache

    private FrozenDictionary<string, string[]> _abbreviations = FrozenDictionary<string, string[]>.Empty;
    private FrozenSet<string> _articles = FrozenSet<string>.Empty;
    private IReadOnlyDictionary<string, GazetteerPlace[]> _byNameWithoutArticle = FrozenDictionary<string, GazetteerPlace[]>.Empty;

    private readonly Dictionary<string, GazetteerPlace[]> _byName; // a plain dictionary: a frozen one of ~48,000 names costs more to build than its lookups save
    private readonly Lazy<Dictionary<string, GazetteerPlace[]>> _byAlternateName; // built on the first look-up: most documents need none
    private readonly FrozenDictionary<string, GazetteerPlace> _countryByIso2;
    private readonly FrozenDictionary<string, GazetteerPlace> _countryByIso3;
    private readonly FrozenDictionary<string, GazetteerPlace> _capitalByIso2;
    private readonly FrozenDictionary<string, GazetteerPlace> _divisionById;

    /// <param name="places">The places in file order, with their names and alternate names.</param>
    /// <param name="byNameCached">The places by the keys of their names, as this constructor builds it from the names
    /// (read from the cache: the names are then not read).</param>
    private PlaceGazetteer(List<(GazetteerPlace Place, string[] Names, string Alternates)> places, Dictionary<string, GazetteerPlace[]>? byNameCached = null)
    {
        var byName = new Dictionary<string, List<GazetteerPlace>>(StringComparer.Ordinal);
        var c2 = new Dictionary<string, GazetteerPlace>(StringComparer.Ordinal);
        var c3 = new Dictionary<string, GazetteerPlace>(StringComparer.Ordinal);
        var capitals = new Dictionary<string, GazetteerPlace>(StringComparer.Ordinal);
        var divisions = new Dictionary<string, GazetteerPlace>(StringComparer.Ordinal);
        var keys = new List<string>();
        _places = new(places.Count);
        foreach (var (p, names, alternates) in places)
        {
            _places.Add((p, alternates));
            if (p.Class == PlaceClasses.Admin1) divisions[p.Id] = p;

            // Each distinct non-empty key of the place's names once, in the order of its first name.
            keys.Clear();
            foreach (var name in byNameCached is null ? names : [])
            {
                var key = Key(name);
                if (key.Length == 0 || keys.IndexOf(key) >= 0) continue; // string equality: ordinal
                keys.Add(key);
                if (!byName.TryGetValue(key, out var list)) byName[key] = list = [];
                list.Add(p);
            }

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

        _byName = byNameCached ?? byName.ToDictionary(kv => kv.Key, kv => kv.Value.ToArray(), StringComparer.Ordinal);
        _countryByIso2 = c2.ToFrozenDictionary(StringComparer.Ordinal);
        _countryByIso3 = c3.ToFrozenDictionary(StringComparer.Ordinal);
        _capitalByIso2 = capitals.ToFrozenDictionary(StringComparer.Ordinal);
        _divisionById = divisions.ToFrozenDictionary(StringComparer.Ordinal);
        Count = places.Count;
        var withAlternates = places.Where(p => p.Alternates.Length > 0).Select(p => (p.Place, p.Alternates)).ToList();
        _byAlternateName = new(() => AlternateIndex(withAlternates), LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>
    /// The places by their alternate names (also keys that some place bears as a name: <see cref="FindAlternate"/> leaves
    /// those out, <see cref="FindAlternateAny"/> does not). The file holds
    /// the names as their keys (<see cref="Key"/>, folded by <c>tools/places/build.mjs</c>), so only a name that is not a key
    /// of its own (a hand-edited file) is folded here: the ~67,000 names of the shipped file cost no normalisation.
    /// </summary>
    private Dictionary<string, GazetteerPlace[]> AlternateIndex(List<(GazetteerPlace Place, string Alternates)> places)
    {
        var byKey = new Dictionary<string, GazetteerPlace[]>(places.Count * 3, StringComparer.Ordinal);
        foreach (var (p, alternates) in places)
        {
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

    public int Count { get; }

    /// <summary>
    /// Every place one of whose names folds to the same key as <paramref name="name"/>, or as the name with an abbreviation
    /// spelled out ("St Anne": "Saint Anne", "Sainte Anne"); when none, as the name without its article or with one
    /// ("Al Mukalla": Mukalla, "Gosier": Le Gosier).
    /// </summary>
    public IReadOnlyList<GazetteerPlace> Find(string name)
    {
        var key = Key(name);
        var found = _byName.TryGetValue(key, out var list) ? list : [];
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
                if (!_byName.TryGetValue(expanded, out var hits)) continue;
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
        return !_byName.ContainsKey(key) && _byAlternateName.Value.TryGetValue(key, out var list) ? list : [];
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
        if (space > 0 && _articles.Contains(key[..space]) && _byName.TryGetValue(key[(space + 1)..], out var without)) return without;
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
            var withArticle = new List<string>();
            foreach (var key in gazetteer._byName.Keys)
            {
                var space = key.IndexOf(' ', StringComparison.Ordinal);
                if (space > 0 && articles.Contains(key[..space])) withArticle.Add(key);
            }

            withArticle.Sort(StringComparer.Ordinal);
            var without = new Dictionary<string, List<GazetteerPlace>>(StringComparer.Ordinal);
            foreach (var key in withArticle)
            {
                var rest = key[(key.IndexOf(' ', StringComparison.Ordinal) + 1)..];
                if (!without.TryGetValue(rest, out var list)) without[rest] = list = [];
                foreach (var p in gazetteer._byName[key])
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

    /// <summary>The places of the file at <paramref name="path"/> through the cache in <paramref name="cacheDirectory"/>.</summary>
    private static PlaceGazetteer LoadPlaces(string path, string cacheDirectory) =>
        ModelCache.Load(cacheDirectory, CacheKind, CacheVersion, [path], TryReadCache, () => LoadPlaces(path), (gazetteer, cachePath, hash) => gazetteer.TryWriteCache(cachePath, hash));

    /// <summary>
    /// The places cached at <paramref name="cachePath"/> (<see cref="TryWriteCache"/>), or null when that file is missing,
    /// stale, truncated or corrupt: no names folded, no numbers parsed, each distinct text one string.
    /// </summary>
    internal static PlaceGazetteer? TryReadCache(string cachePath, byte[] hash)
    {
        using var file = ModelCache.TryOpen(cachePath, CacheKind, CacheVersion, hash);
        if (file is null) return null;
        try
        {
            using var r = file.Header();
            var texts = new string[r.ReadInt32()];
            for (var i = 0; i < texts.Length; i++) texts[i] = r.ReadString();
            var count = r.ReadInt32();
            if (count < 0 || count > texts.Length * 16L) return null;
            var places = new List<(GazetteerPlace, string[], string)>(count); // as the file's reader makes it (no other generic code to compile)
            for (var i = 0; i < count; i++)
            {
                var p = new GazetteerPlace(texts[r.ReadInt32()], texts[r.ReadInt32()], texts[r.ReadInt32()], texts[r.ReadInt32()], texts[r.ReadInt32()],
                    texts[r.ReadInt32()], r.ReadDouble(), r.ReadDouble(), r.ReadInt64(), texts[r.ReadInt32()]);
                places.Add((p, [], texts[r.ReadInt32()]));
            }

            var keys = r.ReadInt32();
            if (keys < 0 || keys > texts.Length) return null;
            var byName = new Dictionary<string, GazetteerPlace[]>(keys, StringComparer.Ordinal);
            for (var k = 0; k < keys; k++)
            {
                var key = texts[r.ReadInt32()];
                var list = new GazetteerPlace[r.ReadInt32()];
                for (var j = 0; j < list.Length; j++) list[j] = places[r.ReadInt32()].Item1;
                if (!byName.TryAdd(key, list)) return null;
            }

            if (r.BaseStream.Position != r.BaseStream.Length || !file.AtEnd) return null;
            return new PlaceGazetteer(places, byName);
        }
        catch (Exception e) when (e is IOException or InvalidDataException or FormatException or DecoderFallbackException or ArgumentException
                                      or OverflowException or IndexOutOfRangeException or OutOfMemoryException)
        {
            return null; // truncated or corrupt: rebuilt from the gazetteer file
        }
    }

    /// <summary>
    /// Writes the places (in file order) and the name index (in its order) to <paramref name="cachePath"/>, every distinct
    /// text once in a table they refer to (<see cref="ModelCache.TryWrite"/>); false when it cannot.
    /// </summary>
    internal bool TryWriteCache(string cachePath, byte[] hash)
    {
        var texts = new Dictionary<string, int>(StringComparer.Ordinal);
        int Text(string s)
        {
            if (!texts.TryGetValue(s, out var i)) texts.Add(s, i = texts.Count);
            return i;
        }

        var index = new Dictionary<GazetteerPlace, int>(ReferenceEqualityComparer.Instance);
        var rows = new List<int[]>(_places.Count);
        foreach (var (p, alternates) in _places)
        {
            index.Add(p, index.Count);
            rows.Add([Text(p.Id), Text(p.Class), Text(p.Code), Text(p.Country), Text(p.Admin1Code), Text(p.Admin1Name), Text(p.Name), Text(alternates)]);
        }

        var keys = _byName.Select(kv => (Text(kv.Key), kv.Value)).ToList();
        return ModelCache.TryWrite(cachePath, CacheKind, CacheVersion, hash, (header, _) =>
        {
            header.Write(texts.Count);
            foreach (var text in texts.Keys) header.Write(text); // in the order of their numbers
            header.Write(_places.Count);
            for (var i = 0; i < _places.Count; i++)
            {
                var p = _places[i].Place;
                var row = rows[i];
                for (var c = 0; c < 6; c++) header.Write(row[c]);
                header.Write(p.Latitude);
                header.Write(p.Longitude);
                header.Write(p.Population);
                header.Write(row[6]);
                header.Write(row[7]);
            }

            header.Write(keys.Count);
            foreach (var (key, list) in keys)
            {
                header.Write(key);
                header.Write(list.Length);
                foreach (var p in list) header.Write(index[p]);
            }
        });
    }

    /// <summary>
    /// True when both hold the same places (every column, alternate names included) in the same order and the same name
    /// index (the same keys in the same order, each with the same places in the same order).
    /// </summary>
    internal bool SameAs(PlaceGazetteer other)
    {
        if (Count != other.Count || !_places.SequenceEqual(other._places) || _byName.Count != other._byName.Count) return false;
        var position = new Dictionary<GazetteerPlace, int>(ReferenceEqualityComparer.Instance);
        var otherPosition = new Dictionary<GazetteerPlace, int>(ReferenceEqualityComparer.Instance);
        for (var i = 0; i < _places.Count; i++)
        {
            position.Add(_places[i].Place, i);
            otherPosition.Add(other._places[i].Place, i);
        }

        return _byName.Zip(other._byName).All(pair => pair.First.Key == pair.Second.Key
            && pair.First.Value.Select(p => position[p]).SequenceEqual(pair.Second.Value.Select(p => otherPosition[p])));
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
