using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Runtime.InteropServices;
using System.Text;
using Dossier.Nlp.Models;

namespace Dossier.Extraction.Actors;

/// <summary>
/// The knowledge base through the cache folder (<see cref="ModelCache"/>): <c>actors-v1-{SHA-256 of the six files}.bin</c>
/// holds the countries, titles and groups in its header and the actors by name in seven blocks
/// (<see cref="CachedActorNames"/>), so a start parses no line, normalizes no name and makes no actor until a look-up asks
/// for it (issue 15, cold start: docs/evaluation.md, "speed11").
/// </summary>
public sealed partial class ActorKnowledgeBase
{
    internal const string CacheKind = "actors";
    internal const int CacheVersion = 1;

    /// <summary>
    /// Loads the knowledge base from <paramref name="directory"/> as <see cref="Load(string)"/> does, through the cache in
    /// <paramref name="cacheDirectory"/> when given: read from a valid cache file of these files, else built from the files
    /// and written there (quietly not, when the folder cannot be written). The same look-ups either way.
    /// </summary>
    /// <exception cref="ActorKnowledgeBaseLoadException">A file is missing or malformed; the message names it.</exception>
    public static ActorKnowledgeBase Load(string directory, string? cacheDirectory)
    {
        ArgumentNullException.ThrowIfNull(directory);
        if (cacheDirectory is null) return Load(directory);
        var sources = new string[FileNames.Count];
        for (var i = 0; i < sources.Length; i++) sources[i] = Path.Combine(directory, FileNames[i]);
        return ModelCache.Load(cacheDirectory, CacheKind, CacheVersion, sources, TryReadCache, () => Load(directory), (kb, path, hash) => kb.TryWriteCache(path, hash));
    }

    /// <summary>The knowledge base cached at <paramref name="cachePath"/>, or null when that file is missing, stale, truncated or corrupt.</summary>
    internal static ActorKnowledgeBase? TryReadCache(string cachePath, byte[] hash)
    {
        if (!BitConverter.IsLittleEndian) return null; // the blocks are little-endian numbers
        using var file = ModelCache.TryOpen(cachePath, CacheKind, CacheVersion, hash);
        if (file is null) return null;
        try
        {
            using var r = file.Header();
            var infos = new CountryInfo[ModelCacheFile.ReadCount(r)];
            for (var i = 0; i < infos.Length; i++) infos[i] = new CountryInfo(r.ReadString(), r.ReadString(), r.ReadString());
            var countries = ReadCountries(r, infos);
            var byCode = ReadCountries(r, infos);
            var demonyms = ReadCountries(r, infos);
            var capitals = ReadCountries(r, infos);
            var places = ReadCountries(r, infos);
            var titles = new Dictionary<string, TitleInfo>(StringComparer.Ordinal);
            for (var i = ModelCacheFile.ReadCount(r); i > 0; i--) titles.Add(r.ReadString(), new TitleInfo(r.ReadString(), r.ReadString(), r.ReadBoolean()));
            var groups = new Dictionary<string, string>(StringComparer.Ordinal);
            for (var i = ModelCacheFile.ReadCount(r); i > 0; i--) groups.Add(r.ReadString(), r.ReadString());
            int textBytes = ModelCacheFile.ReadCount(r), texts = ModelCacheFile.ReadCount(r), keys = ModelCacheFile.ReadCount(r), lists = ModelCacheFile.ReadCount(r), actors = ModelCacheFile.ReadCount(r), actorData = ModelCacheFile.ReadCount(r);
            if (r.BaseStream.Position != r.BaseStream.Length) return null;
            var index = new CachedActorNames(file.BlockBytes(textBytes).ToArray(), file.BlockInts(texts + 1), file.BlockInts(keys), file.BlockInts(keys + 1),
                file.BlockInts(lists), file.BlockInts(actors + 1), file.BlockInts(actorData));
            if (!file.AtEnd || !index.Check()) return null;
            return new ActorKnowledgeBase(
                countries,
                byCode,
                demonyms,
                capitals,
                places,
                titles,
                groups,
                index);
        }
        catch (Exception e) when (e is IOException or InvalidDataException or FormatException or DecoderFallbackException or ArgumentException
                                      or OverflowException or IndexOutOfRangeException or OutOfMemoryException)
        {
            return null; // truncated or corrupt: rebuilt from the model files
        }

        static Dictionary<string, CountryInfo> ReadCountries(BinaryReader r, CountryInfo[] infos)
        {
            var map = new Dictionary<string, CountryInfo>(StringComparer.Ordinal);
            for (var i = ModelCacheFile.ReadCount(r); i > 0; i--) map.Add(r.ReadString(), infos[r.ReadInt32()]);
            return map;
        }
    }

    /// <summary>
    /// Writes the knowledge base to <paramref name="cachePath"/> (<see cref="ModelCache.TryWrite"/>): the small tables in the
    /// header, the actors by name in blocks (<see cref="CachedActorNames"/>); false when it cannot, or when a text would not
    /// come back the same from UTF-8 (then every start builds from the files, as without a cache).
    /// </summary>
    internal bool TryWriteCache(string cachePath, byte[] hash)
    {
        if (!BitConverter.IsLittleEndian) return false;
        var infos = new Dictionary<CountryInfo, int>(ReferenceEqualityComparer.Instance);
        FrozenDictionary<string, CountryInfo>[] countryMaps = [_countries, _countriesByCode, _demonyms, _capitals, _places];
        foreach (var map in countryMaps)
        {
            foreach (var info in map.Values) infos.TryAdd(info, infos.Count);
        }

        // Every text once (UTF-8), the names sorted by their bytes, the actors numbered in the order the names meet them.
        var texts = new Dictionary<string, int>(StringComparer.Ordinal);
        var textBytes = new List<byte[]>();
        var entries = new List<(byte[] Key, ImmutableArray<KnownActor> Value)>(_actors.Count);
        foreach (var (key, value) in _actors.Entries())
        {
            if (Utf8(key) is not { } bytes) return false;
            entries.Add((bytes, value));
        }

        entries.Sort((a, b) => a.Key.AsSpan().SequenceCompareTo(b.Key));
        int Text(string s)
        {
            if (texts.TryGetValue(s, out var i)) return i;
            var bytes = Utf8(s) ?? throw new InvalidDataException("a text that UTF-8 does not keep");
            texts.Add(s, i = texts.Count);
            textBytes.Add(bytes);
            return i;
        }

        var keys = new List<int>();
        var listStarts = new List<int> { 0 };
        var lists = new List<int>();
        var actorIds = new Dictionary<KnownActor, int>(ReferenceEqualityComparer.Instance);
        var actorStarts = new List<int> { 0 };
        var actorData = new List<int>();
        try
        {
            foreach (var (key, list) in entries)
            {
                keys.Add(Text(Encoding.UTF8.GetString(key)));
                foreach (var actor in list)
                {
                    if (!actorIds.TryGetValue(actor, out var id))
                    {
                        if (actor.FromUser) return false; // only built-in actors are cached
                        actorIds.Add(actor, id = actorIds.Count);
                        actorData.Add((int)actor.Kind);
                        actorData.Add(Text(actor.Name));
                        actorData.Add(actor.Aliases.IsDefault ? -1 : actor.Aliases.Length);
                        if (!actor.Aliases.IsDefault)
                        {
                            foreach (var alias in actor.Aliases) actorData.Add(Text(alias));
                        }

                        actorData.Add(actor.Codes.IsDefault ? -1 : actor.Codes.Length);
                        if (!actor.Codes.IsDefault)
                        {
                            foreach (var code in actor.Codes)
                            {
                                actorData.Add(Text(code.Code));
                                actorData.Add(code.From?.DayNumber ?? -1);
                                actorData.Add(code.To?.DayNumber ?? -1);
                                actorData.Add(code.Title is null ? -1 : Text(code.Title));
                            }
                        }

                        actorStarts.Add(actorData.Count);
                    }

                    lists.Add(id);
                }

                listStarts.Add(lists.Count);
            }
        }
        catch (InvalidDataException)
        {
            return false;
        }

        var textStarts = new int[textBytes.Count + 1];
        for (var i = 0; i < textBytes.Count; i++) textStarts[i + 1] = textStarts[i] + textBytes[i].Length;
        var allText = new byte[textStarts[^1]];
        for (var i = 0; i < textBytes.Count; i++) textBytes[i].CopyTo(allText, textStarts[i]);

        return ModelCache.TryWrite(cachePath, CacheKind, CacheVersion, hash, (header, block) =>
        {
            var ordered = infos.OrderBy(p => p.Value).Select(p => p.Key).ToList();
            header.Write(ordered.Count);
            foreach (var info in ordered)
            {
                header.Write(info.Iso3);
                header.Write(info.CameoCode);
                header.Write(info.Name);
            }

            foreach (var map in countryMaps)
            {
                header.Write(map.Count);
                foreach (var (name, info) in map)
                {
                    header.Write(name);
                    header.Write(infos[info]);
                }
            }

            header.Write(_titles.Count);
            foreach (var (key, title) in _titles)
            {
                header.Write(key);
                header.Write(title.Title);
                header.Write(title.Sector);
                header.Write(title.IsLeader);
            }

            header.Write(_groups.Count);
            foreach (var (noun, sector) in _groups)
            {
                header.Write(noun);
                header.Write(sector);
            }

            header.Write(allText.Length);
            header.Write(textBytes.Count);
            header.Write(keys.Count);
            header.Write(lists.Count);
            header.Write(actorIds.Count);
            header.Write(actorData.Count);
            block(allText);
            block(MemoryMarshal.AsBytes(textStarts.AsSpan()));
            block(MemoryMarshal.AsBytes(CollectionsMarshal.AsSpan(keys)));
            block(MemoryMarshal.AsBytes(CollectionsMarshal.AsSpan(listStarts)));
            block(MemoryMarshal.AsBytes(CollectionsMarshal.AsSpan(lists)));
            block(MemoryMarshal.AsBytes(CollectionsMarshal.AsSpan(actorStarts)));
            block(MemoryMarshal.AsBytes(CollectionsMarshal.AsSpan(actorData)));
        });

        static byte[]? Utf8(string s)
        {
            var bytes = Encoding.UTF8.GetBytes(s);
            return Encoding.UTF8.GetString(bytes) == s ? bytes : null; // a lone surrogate would not come back
        }
    }

    /// <summary>
    /// True when both give the same countries, titles and groups and the same actors under the same names, each list in
    /// the same order and each actor with the same name, kind, aliases and dated codes (for tests of the cache).
    /// </summary>
    internal bool SameAs(ActorKnowledgeBase other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (!SameMap(_countries, other._countries) || !SameMap(_countriesByCode, other._countriesByCode) || !SameMap(_demonyms, other._demonyms)
            || !SameMap(_capitals, other._capitals) || !SameMap(_places, other._places) || !SameMap(_titles, other._titles) || !SameMap(_groups, other._groups)
            || MaxTitleWords != other.MaxTitleWords || _actors.Count != other._actors.Count)
        {
            return false;
        }

        foreach (var (key, list) in _actors.Entries())
        {
            if (!other._actors.TryGet(key, out var others) || list.Length != others.Length) return false;
            for (var i = 0; i < list.Length; i++)
            {
                if (!SameActor(list[i], others[i])) return false;
            }
        }

        return true;

        static bool SameMap<T>(FrozenDictionary<string, T> a, FrozenDictionary<string, T> b) =>
            a.Count == b.Count && a.All(p => b.TryGetValue(p.Key, out var v) && EqualityComparer<T>.Default.Equals(p.Value, v));

        static bool SameActor(KnownActor a, KnownActor b) =>
            a.Name == b.Name && a.Kind == b.Kind && a.FromUser == b.FromUser && a.Aliases.IsDefault == b.Aliases.IsDefault && a.Codes.IsDefault == b.Codes.IsDefault
            && (a.Aliases.IsDefault || a.Aliases.SequenceEqual(b.Aliases, StringComparer.Ordinal))
            && (a.Codes.IsDefault || a.Codes.SequenceEqual(b.Codes));
    }
}
