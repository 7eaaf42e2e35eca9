using System.Runtime.InteropServices;
using System.Text;
using Dossier.Nlp.Models;

namespace Dossier.Nlp.Entities;

/// <summary>
/// The gazetteer through the cache folder (<see cref="ModelCache"/>): <c>gazetteer-v1-{SHA-256 of the file}.bin</c> holds
/// the entries in its header and, in blocks, the names (sorted, one UTF-16 block, found by binary search: no string per
/// name), the token-sequence hashes with their entries and the prefix hashes, so a start inflates, splits, folds, parses
/// and hashes nothing (issue 15, cold start: docs/evaluation.md, "speed11").
/// </summary>
internal sealed partial class Gazetteer
{
    internal const string CacheKind = "gazetteer";
    internal const int CacheVersion = 1;

    private Gazetteer(byte[] raw, GazetteerNames names, Dictionary<ulong, GazEntry> byTokens, HashSet<ulong> prefixes, int maxTokens)
    {
        Raw = raw;
        _cachedNames = names;
        _byTokens = byTokens;
        _prefixes = prefixes;
        MaxTokens = maxTokens;
    }

    /// <summary>
    /// The gazetteer of the file at <paramref name="path"/> as <see cref="Load(string)"/> reads it, through the cache in
    /// <paramref name="cacheDirectory"/> when given (read from a valid cache file of this file, else read from the file and
    /// written there). The same matches and look-ups either way.
    /// </summary>
    /// <exception cref="NerModelLoadException">The file is missing or corrupt; the message names it.</exception>
    public static Gazetteer Load(string path, string? cacheDirectory) =>
        cacheDirectory is null
            ? Load(path)
            : ModelCache.Load(cacheDirectory, CacheKind, CacheVersion, [path], (cachePath, hash) => TryReadCache(cachePath, hash, path), () => Load(path),
                (gazetteer, cachePath, hash) => gazetteer.TryWriteCache(cachePath, hash));

    /// <summary>The gazetteer cached at <paramref name="cachePath"/> (its file, for <see cref="Raw"/>, at <paramref name="path"/>), or null when the cache is missing, stale or damaged.</summary>
    internal static Gazetteer? TryReadCache(string cachePath, byte[] hash, string path)
    {
        if (!BitConverter.IsLittleEndian) return null;
        using var file = ModelCache.TryOpen(cachePath, CacheKind, CacheVersion, hash);
        if (file is null) return null;
        try
        {
            using var r = file.Header();
            var texts = new string[ModelCacheFile.ReadCount(r)];
            for (var i = 0; i < texts.Length; i++) texts[i] = r.ReadString();
            var entries = new GazEntry[ModelCacheFile.ReadCount(r)];
            for (var i = 0; i < entries.Length; i++)
            {
                var kinds = r.ReadInt32();
                var placeCountry = r.ReadInt32();
                var rank = r.ReadInt32();
                var population = r.ReadInt64();
                var demonymCountry = r.ReadInt32();
                entries[i] = new GazEntry
                {
                    Kinds = (GazKind)kinds,
                    PlaceCountry = placeCountry < 0 ? null : texts[placeCountry],
                    PlaceRank = rank,
                    Population = population,
                    DemonymCountry = demonymCountry < 0 ? null : texts[demonymCountry],
                    AcronymOnly = r.ReadBoolean(),
                };
            }

            var maxTokens = r.ReadInt32();
            int chars = ModelCacheFile.ReadCount(r), names = ModelCacheFile.ReadCount(r), tokens = ModelCacheFile.ReadCount(r), prefixes = ModelCacheFile.ReadCount(r);
            if (r.BaseStream.Position != r.BaseStream.Length || maxTokens < 0) return null;
            var nameIndex = new GazetteerNames(MemoryMarshal.Cast<byte, char>(file.BlockBytes(checked(chars * sizeof(char)))).ToArray(), file.BlockInts(names + 1), file.BlockInts(names), entries);
            var tokenHashes = MemoryMarshal.Cast<byte, ulong>(file.BlockBytes(checked(tokens * sizeof(ulong))));
            var tokenEntries = MemoryMarshal.Cast<byte, int>(file.BlockBytes(checked(tokens * sizeof(int))));
            var byTokens = new Dictionary<ulong, GazEntry>(tokens);
            for (var i = 0; i < tokens; i++)
            {
                if (!byTokens.TryAdd(tokenHashes[i], entries[tokenEntries[i]])) return null;
            }

            var prefixSet = new HashSet<ulong>(prefixes);
            foreach (var prefix in MemoryMarshal.Cast<byte, ulong>(file.BlockBytes(checked(prefixes * sizeof(ulong))))) prefixSet.Add(prefix);
            if (!file.AtEnd || !nameIndex.Check()) return null;
            return new Gazetteer(File.ReadAllBytes(path), nameIndex, byTokens, prefixSet, maxTokens);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidDataException or FormatException or DecoderFallbackException
                                      or ArgumentException or OverflowException or IndexOutOfRangeException or OutOfMemoryException)
        {
            return null; // truncated, corrupt or unreadable: read from the gazetteer file
        }
    }

    /// <summary>Writes the gazetteer (read from its file) to <paramref name="cachePath"/>; false when it cannot.</summary>
    internal bool TryWriteCache(string cachePath, byte[] hash)
    {
        if (_byName is null || !BitConverter.IsLittleEndian) return false;
        var texts = new Dictionary<string, int>(StringComparer.Ordinal);
        int Text(string? s)
        {
            if (s is null) return -1;
            if (!texts.TryGetValue(s, out var i)) texts.Add(s, i = texts.Count);
            return i;
        }

        var entries = new Dictionary<GazEntry, int>(ReferenceEqualityComparer.Instance);
        foreach (var entry in _byName.Values) entries.TryAdd(entry, entries.Count);
        var rows = entries.Keys.Select(e => (Place: Text(e.PlaceCountry), Demonym: Text(e.DemonymCountry))).ToList();
        var names = _byName.Keys.ToList();
        names.Sort(StringComparer.Ordinal);
        var (allChars, starts) = SortedKeys.Layout(names);
        var nameEntries = new int[names.Count];
        for (var i = 0; i < names.Count; i++) nameEntries[i] = entries[_byName[names[i]]];

        var tokenHashes = new ulong[_byTokens.Count];
        var tokenEntries = new int[_byTokens.Count];
        var t = 0;
        foreach (var (h, entry) in _byTokens)
        {
            if (!entries.TryGetValue(entry, out var index)) return false;
            tokenHashes[t] = h;
            tokenEntries[t++] = index;
        }

        var prefixes = _prefixes.ToArray();
        return ModelCache.TryWrite(cachePath, CacheKind, CacheVersion, hash, (header, block) =>
        {
            header.Write(texts.Count);
            foreach (var text in texts.Keys) header.Write(text); // in the order of their numbers
            header.Write(entries.Count);
            var i = 0;
            foreach (var entry in entries.Keys)
            {
                header.Write((int)entry.Kinds);
                header.Write(rows[i].Place);
                header.Write(entry.PlaceRank);
                header.Write(entry.Population);
                header.Write(rows[i++].Demonym);
                header.Write(entry.AcronymOnly);
            }

            header.Write(MaxTokens);
            header.Write(allChars.Length);
            header.Write(names.Count);
            header.Write(tokenHashes.Length);
            header.Write(prefixes.Length);
            block(MemoryMarshal.AsBytes(allChars.AsSpan()));
            block(MemoryMarshal.AsBytes(starts.AsSpan()));
            block(MemoryMarshal.AsBytes(nameEntries.AsSpan()));
            block(MemoryMarshal.AsBytes(tokenHashes.AsSpan()));
            block(MemoryMarshal.AsBytes(tokenEntries.AsSpan()));
            block(MemoryMarshal.AsBytes(prefixes.AsSpan()));
        });
    }

    /// <summary>
    /// True when both hold the same file, the same names with the same entries (every field), the same token-sequence
    /// hashes with the same entries, the same prefixes and the same longest name (for tests of the cache).
    /// </summary>
    internal bool SameAs(Gazetteer other)
    {
        if (!Raw.AsSpan().SequenceEqual(other.Raw) || Count != other.Count || MaxTokens != other.MaxTokens
            || _byTokens.Count != other._byTokens.Count || !_prefixes.SetEquals(other._prefixes))
        {
            return false;
        }

        foreach (var (h, entry) in _byTokens)
        {
            if (!other._byTokens.TryGetValue(h, out var o) || !Same(entry, o)) return false;
        }

        foreach (var (name, entry) in Names())
        {
            if (other.Lookup(name) is not { } o || !Same(entry, o)) return false;
        }

        return true;

        static bool Same(GazEntry a, GazEntry b) =>
            a.Kinds == b.Kinds && a.PlaceCountry == b.PlaceCountry && a.PlaceRank == b.PlaceRank && a.Population == b.Population
            && a.DemonymCountry == b.DemonymCountry && a.AcronymOnly == b.AcronymOnly;
    }

    private IEnumerable<KeyValuePair<string, GazEntry>> Names() => _byName ?? _cachedNames!.All();
}

/// <summary>The gazetteer's names as its cache file holds them: sorted (ordinal), one block of characters, found by binary search.</summary>
internal sealed class GazetteerNames(char[] chars, int[] starts, int[] entryOf, GazEntry[] entries)
{
    private readonly SortedKeys _names = new(chars, starts);

    public int Count => entryOf.Length;

    /// <summary>True when the offsets ascend to the end of the block, every entry exists and the names are sorted with none twice.</summary>
    public bool Check()
    {
        if (_names.Count != entryOf.Length || !_names.Check()) return false;
        foreach (var e in entryOf)
        {
            if ((uint)e >= (uint)entries.Length) return false;
        }

        return true;
    }

    /// <summary>The entry of a key (<see cref="Gazetteer.Key(string)"/>), or null.</summary>
    public GazEntry? Find(ReadOnlySpan<char> key) => _names.IndexOf(key) is >= 0 and var i ? entries[entryOf[i]] : null;

    public IEnumerable<KeyValuePair<string, GazEntry>> All()
    {
        for (var i = 0; i < entryOf.Length; i++) yield return new(_names[i].ToString(), entries[entryOf[i]]);
    }
}
