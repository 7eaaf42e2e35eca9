using System.Runtime.InteropServices;
using Dossier.Nlp.Models;

namespace Dossier.Extraction.Places;

/// <summary>
/// The places gazetteer through the cache folder (<see cref="ModelCache"/>): <c>places-v2-{SHA-256 of the file}.bin</c>
/// holds, in blocks, the distinct texts of the places (one block of characters with their offsets), the places in file
/// order (columns as text numbers, coordinates and population as numbers), their alternate names (made into strings only
/// when the alternate-name index is first built) and the name index: its keys sorted in one block of characters, found by
/// binary search over spans (<see cref="SortedKeys"/>), each key's places as numbers, made into an array on the key's first
/// look-up. A start folds no name, parses no number and makes no string per key (issue 15, cold start: docs/evaluation.md,
/// "speed10" and "speed12").
/// </summary>
internal sealed partial class PlaceGazetteer
{
    /// <summary>The kind of its cache files (<see cref="ModelCache"/>): <c>places-v2-….bin</c>.</summary>
    internal const string CacheKind = "places";

    /// <summary>The cached form's format: raised whenever <see cref="TryWriteCache"/> writes another shape (2: the name index and texts in blocks).</summary>
    internal const int CacheVersion = 2;

    private const int Columns = 7; // Id, Class, Code, Country, Admin1Code, Admin1Name, Name

    /// <summary>The places of the file at <paramref name="path"/> through the cache in <paramref name="cacheDirectory"/>.</summary>
    private static PlaceGazetteer LoadPlaces(string path, string cacheDirectory) =>
        ModelCache.Load(cacheDirectory, CacheKind, CacheVersion, [path], TryReadCache, () => LoadPlaces(path), (gazetteer, cachePath, hash) => gazetteer.TryWriteCache(cachePath, hash));

    /// <summary>
    /// The places cached at <paramref name="cachePath"/> (<see cref="TryWriteCache"/>), or null when that file is missing,
    /// stale, truncated or corrupt (every offset and number checked to stay in range, the keys to be sorted).
    /// </summary>
    internal static PlaceGazetteer? TryReadCache(string cachePath, byte[] hash)
    {
        if (!BitConverter.IsLittleEndian) return null;
        using var file = ModelCache.TryOpen(cachePath, CacheKind, CacheVersion, hash);
        if (file is null) return null;
        try
        {
            using var r = file.Header();
            int textChars = ModelCacheFile.ReadCount(r), texts = ModelCacheFile.ReadCount(r), count = ModelCacheFile.ReadCount(r), alternateChars = ModelCacheFile.ReadCount(r);
            int keyChars = ModelCacheFile.ReadCount(r), keys = ModelCacheFile.ReadCount(r), listed = ModelCacheFile.ReadCount(r);
            if (r.BaseStream.Position != r.BaseStream.Length) return null;
            var textBlock = Chars(file, textChars);
            var textStarts = file.BlockInts(texts + 1);
            var columns = file.BlockInts(checked(count * Columns));
            var coordinates = MemoryMarshal.Cast<byte, double>(file.BlockBytes(checked(count * 2 * sizeof(double))));
            var population = MemoryMarshal.Cast<byte, long>(file.BlockBytes(checked(count * sizeof(long))));
            var alternates = new CachedTexts(Chars(file, alternateChars), file.BlockInts(count + 1));
            var names = new SortedKeys(Chars(file, keyChars), file.BlockInts(keys + 1));
            var listStarts = file.BlockInts(keys + 1);
            var listPlaces = file.BlockInts(listed);
            if (!file.AtEnd || !Ascending(textStarts, textChars) || !alternates.Check() || !names.Check() || !Ascending(listStarts, listed)
                || columns.AsSpan().IndexOfAnyExceptInRange(0, texts - 1) >= 0 || (listed > 0 && listPlaces.AsSpan().IndexOfAnyExceptInRange(0, count - 1) >= 0))
            {
                return null;
            }

            var strings = new string[texts];
            for (var i = 0; i < texts; i++) strings[i] = new string(textBlock.AsSpan(textStarts[i], textStarts[i + 1] - textStarts[i]));
            var places = new GazetteerPlace[count];
            for (var i = 0; i < count; i++)
            {
                var c = columns.AsSpan(i * Columns, Columns);
                places[i] = new GazetteerPlace(strings[c[0]], strings[c[1]], strings[c[2]], strings[c[3]], strings[c[4]], strings[c[5]],
                    coordinates[2 * i], coordinates[2 * i + 1], population[i], strings[c[6]]);
            }

            return new PlaceGazetteer(places, alternates, new CachedPlaceNames(names, listStarts, listPlaces, places));
        }
        catch (Exception e) when (e is IOException or InvalidDataException or EndOfStreamException or ArgumentException or OverflowException
                                      or IndexOutOfRangeException or OutOfMemoryException)
        {
            return null; // truncated or corrupt: rebuilt from the gazetteer file
        }
    }

    private static char[] Chars(ModelCacheFile file, int count) => MemoryMarshal.Cast<byte, char>(file.BlockBytes(checked(count * sizeof(char)))).ToArray();

    /// <summary>True when <paramref name="starts"/> (one or more) begins at 0 and ascends to <paramref name="end"/>.</summary>
    private static bool Ascending(int[] starts, int end)
    {
        if (starts.Length == 0 || starts[0] != 0 || starts[^1] != end) return false;
        for (var i = 1; i < starts.Length; i++)
        {
            if (starts[i] < starts[i - 1]) return false;
        }

        return true;
    }

    /// <summary>
    /// Writes the places (in file order) and the name index (keys sorted) to <paramref name="cachePath"/>, every distinct
    /// text of the places once in a table they refer to (<see cref="ModelCache.TryWrite"/>); false when it cannot.
    /// </summary>
    internal bool TryWriteCache(string cachePath, byte[] hash)
    {
        if (!BitConverter.IsLittleEndian) return false;
        var texts = new Dictionary<string, int>(StringComparer.Ordinal);
        int Text(string s)
        {
            if (!texts.TryGetValue(s, out var i)) texts.Add(s, i = texts.Count);
            return i;
        }

        var index = new Dictionary<GazetteerPlace, int>(ReferenceEqualityComparer.Instance);
        var columns = new int[_places.Length * Columns];
        var coordinates = new double[_places.Length * 2];
        var population = new long[_places.Length];
        for (var i = 0; i < _places.Length; i++)
        {
            var p = _places[i];
            index.Add(p, i);
            int[] row = [Text(p.Id), Text(p.Class), Text(p.Code), Text(p.Country), Text(p.Admin1Code), Text(p.Admin1Name), Text(p.Name)];
            row.CopyTo(columns, i * Columns);
            (coordinates[2 * i], coordinates[2 * i + 1], population[i]) = (p.Latitude, p.Longitude, p.Population);
        }

        var (textChars, textStarts) = SortedKeys.Layout([.. texts.Keys]); // in the order of their numbers (not sorted: the layout only)
        var (alternateChars, alternateStarts) = SortedKeys.Layout([.. _alternates]);
        var keys = NameIndex().Select(kv => kv.Key).ToList();
        keys.Sort(StringComparer.Ordinal);
        var (keyChars, keyStarts) = SortedKeys.Layout(keys);
        var listStarts = new int[keys.Count + 1];
        var listPlaces = new List<int>();
        for (var k = 0; k < keys.Count; k++)
        {
            foreach (var p in ByName(keys[k])!) listPlaces.Add(index[p]);
            listStarts[k + 1] = listPlaces.Count;
        }

        return ModelCache.TryWrite(cachePath, CacheKind, CacheVersion, hash, (header, block) =>
        {
            header.Write(textChars.Length);
            header.Write(texts.Count);
            header.Write(_places.Length);
            header.Write(alternateChars.Length);
            header.Write(keyChars.Length);
            header.Write(keys.Count);
            header.Write(listPlaces.Count);
            block(MemoryMarshal.AsBytes(textChars.AsSpan()));
            block(MemoryMarshal.AsBytes(textStarts.AsSpan()));
            block(MemoryMarshal.AsBytes(columns.AsSpan()));
            block(MemoryMarshal.AsBytes(coordinates.AsSpan()));
            block(MemoryMarshal.AsBytes(population.AsSpan()));
            block(MemoryMarshal.AsBytes(alternateChars.AsSpan()));
            block(MemoryMarshal.AsBytes(alternateStarts.AsSpan()));
            block(MemoryMarshal.AsBytes(keyChars.AsSpan()));
            block(MemoryMarshal.AsBytes(keyStarts.AsSpan()));
            block(MemoryMarshal.AsBytes(listStarts.AsSpan()));
            block(MemoryMarshal.AsBytes(CollectionsMarshal.AsSpan(listPlaces)));
        });
    }

    /// <summary>Every key of the name index with its places (a dictionary's order, or the cache's sorted order).</summary>
    private IEnumerable<KeyValuePair<string, GazetteerPlace[]>> NameIndex() => _byName ?? _cachedNames!.All();

    /// <summary>
    /// True when both hold the same places (every column, alternate names included) in the same order and the same name
    /// index (the same keys, each with the same places in the same order).
    /// </summary>
    internal bool SameAs(PlaceGazetteer other)
    {
        if (Count != other.Count || !_places.SequenceEqual(other._places) || !_alternates.SequenceEqual(other._alternates) || NameCount != other.NameCount) return false;
        var position = new Dictionary<GazetteerPlace, int>(ReferenceEqualityComparer.Instance);
        var otherPosition = new Dictionary<GazetteerPlace, int>(ReferenceEqualityComparer.Instance);
        for (var i = 0; i < _places.Length; i++)
        {
            position.Add(_places[i], i);
            otherPosition.Add(other._places[i], i);
        }

        return NameIndex().All(kv => other.ByName(kv.Key) is { } list && kv.Value.Select(p => position[p]).SequenceEqual(list.Select(p => otherPosition[p])));
    }

    /// <summary>Texts one after another in a block of characters, each made into a string when first asked for.</summary>
    private sealed class CachedTexts(char[] chars, int[] starts) : IReadOnlyList<string>
    {
        private readonly string?[] _made = new string?[Math.Max(starts.Length - 1, 0)];

        public int Count => _made.Length;

        public string this[int index] => _made[index] ??= new string(chars.AsSpan(starts[index], starts[index + 1] - starts[index]));

        public bool Check() => Ascending(starts, chars.Length);

        public IEnumerator<string> GetEnumerator()
        {
            for (var i = 0; i < Count; i++) yield return this[i];
        }

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
    }

    /// <summary>The name index as the cache holds it: the keys sorted, each key's places as numbers, made into an array on its first look-up.</summary>
    private sealed class CachedPlaceNames(SortedKeys keys, int[] listStarts, int[] listPlaces, GazetteerPlace[] places)
    {
        private readonly GazetteerPlace[]?[] _lists = new GazetteerPlace[]?[keys.Count];

        public int Count => keys.Count;

        public ReadOnlySpan<char> Key(int i) => keys[i];

        public GazetteerPlace[]? Find(ReadOnlySpan<char> key) => keys.IndexOf(key) is >= 0 and var i ? List(i) : null;

        public IEnumerable<KeyValuePair<string, GazetteerPlace[]>> All()
        {
            for (var i = 0; i < keys.Count; i++) yield return new(keys[i].ToString(), List(i));
        }

        private GazetteerPlace[] List(int i)
        {
            if (Volatile.Read(ref _lists[i]) is { } list) return list;
            var made = new GazetteerPlace[listStarts[i + 1] - listStarts[i]];
            for (var j = 0; j < made.Length; j++) made[j] = places[listPlaces[listStarts[i] + j]];
            return Interlocked.CompareExchange(ref _lists[i], made, null) ?? made; // one array per key, whichever thread made it first
        }
    }
}
