using System.Collections.Immutable;
using System.Runtime.InteropServices;
using System.Text;

namespace Dossier.Extraction.Actors;

/// <summary>
/// The knowledge base's actors by normalized name (<see cref="ActorText.Normalize"/>): built in memory from the model
/// files (<see cref="InMemory"/>), read from the cache folder (<see cref="CachedActorNames"/>), or a user's actors in
/// front of another index (<see cref="UserActorNames"/>). Immutable once made; safe to read from any thread.
/// </summary>
internal abstract class ActorNameIndex
{
    /// <summary>Number of names that resolve to at least one actor.</summary>
    public abstract int Count { get; }

    /// <summary>The actors of a normalized name, in order of precedence.</summary>
    public abstract bool TryGet(string key, out ImmutableArray<KnownActor> actors);

    /// <summary>Every name with its actors (for writing the cache and for tests; not in any promised order).</summary>
    public abstract IEnumerable<KeyValuePair<string, ImmutableArray<KnownActor>>> Entries();

    public static ActorNameIndex InMemory(Dictionary<string, ImmutableArray<KnownActor>> actors) => new DictionaryActorNames(actors);

    private sealed class DictionaryActorNames(Dictionary<string, ImmutableArray<KnownActor>> actors) : ActorNameIndex
    {
        public override int Count => actors.Count;

        public override bool TryGet(string key, out ImmutableArray<KnownActor> list) => actors.TryGetValue(key, out list);

        public override IEnumerable<KeyValuePair<string, ImmutableArray<KnownActor>>> Entries() => actors;
    }
}

/// <summary>A user's actors in front of the built-in ones: a user entry replaces every built-in actor of that name.</summary>
internal sealed class UserActorNames : ActorNameIndex
{
    private readonly Dictionary<string, ImmutableArray<KnownActor>> _user;
    private readonly ActorNameIndex _builtIn;
    private readonly int _count;

    public UserActorNames(Dictionary<string, ImmutableArray<KnownActor>> user, ActorNameIndex builtIn)
    {
        _user = user;
        _builtIn = builtIn;
        _count = builtIn.Count;
        foreach (var key in user.Keys)
        {
            if (!builtIn.TryGet(key, out _)) _count++;
        }
    }

    public override int Count => _count;

    public override bool TryGet(string key, out ImmutableArray<KnownActor> actors) => _user.TryGetValue(key, out actors) || _builtIn.TryGet(key, out actors);

    public override IEnumerable<KeyValuePair<string, ImmutableArray<KnownActor>>> Entries() =>
        _user.Concat(_builtIn.Entries().Where(e => !_user.ContainsKey(e.Key)));
}

/// <summary>
/// The actors as the cache file holds them (<see cref="ActorKnowledgeBase"/>'s <c>actors-v1-….bin</c>): every text once
/// in one UTF-8 block, the names sorted by their UTF-8 bytes (found by binary search over spans), each name's actors as
/// numbers, and each actor as a run of numbers. An actor and a name's list become objects on their first look-up only,
/// once each (the same <see cref="KnownActor"/> instance under every name of it, as in the index built from the files).
/// </summary>
internal sealed class CachedActorNames : ActorNameIndex
{
    private readonly byte[] _text;
    private readonly int[] _textStarts; // text i is _text[_textStarts[i].._textStarts[i + 1]]
    private readonly int[] _keys; // the text of each name, in UTF-8 byte order
    private readonly int[] _listStarts; // the actors of name k are _lists[_listStarts[k].._listStarts[k + 1]]
    private readonly int[] _lists;
    private readonly int[] _actorStarts; // actor a is _actorData[_actorStarts[a].._actorStarts[a + 1]]
    private readonly int[] _actorData;
    private readonly KnownActor?[] _actors;
    private readonly KnownActor[]?[] _found;

    /// <summary>The blocks of the cache file; <see cref="Check"/> says whether they hold together.</summary>
    public CachedActorNames(byte[] text, int[] textStarts, int[] keys, int[] listStarts, int[] lists, int[] actorStarts, int[] actorData)
    {
        _text = text;
        _textStarts = textStarts;
        _keys = keys;
        _listStarts = listStarts;
        _lists = lists;
        _actorStarts = actorStarts;
        _actorData = actorData;
        _actors = new KnownActor?[Math.Max(0, actorStarts.Length - 1)];
        _found = new KnownActor[]?[keys.Length];
    }

    public override int Count => _keys.Length;

    /// <summary>
    /// True when every offset and number lies in its block (the tables ascend and end at their block's end, every name
    /// and actor refers to texts and actors that exist), so that no look-up can run out of a block.
    /// </summary>
    public bool Check()
    {
        var texts = _textStarts.Length - 1;
        var actors = _actorStarts.Length - 1;
        if (texts < 0 || actors < 0 || _listStarts.Length != _keys.Length + 1) return false;
        if (!Ascends(_textStarts, _text.Length) || !Ascends(_listStarts, _lists.Length) || !Ascends(_actorStarts, _actorData.Length)) return false;
        foreach (var k in _keys)
        {
            if ((uint)k >= (uint)texts) return false;
        }

        foreach (var a in _lists)
        {
            if ((uint)a >= (uint)actors) return false;
        }

        for (var a = 0; a < actors; a++)
        {
            if (!CheckActor(_actorStarts[a], _actorStarts[a + 1], texts)) return false;
        }

        for (var k = 1; k < _keys.Length; k++)
        {
            if (Text(_keys[k - 1]).SequenceCompareTo(Text(_keys[k])) >= 0) return false; // sorted, no name twice
        }

        return true;

        static bool Ascends(int[] starts, int end)
        {
            if (starts[0] != 0 || starts[^1] != end) return false;
            for (var i = 1; i < starts.Length; i++)
            {
                if (starts[i] < starts[i - 1]) return false;
            }

            return true;
        }
    }

    private bool CheckActor(int at, int end, int texts)
    {
        // kind, name, alias count (-1: none at all), aliases, code count, then per code: code, from, to, title (-1: none).
        if (end - at < 4 || (uint)_actorData[at] > (uint)ActorKind.Building || (uint)_actorData[at + 1] >= (uint)texts) return false;
        var p = at + 2;
        var aliases = _actorData[p++];
        if (aliases < -1 || aliases > end - p) return false;
        for (var i = 0; i < aliases; i++)
        {
            if ((uint)_actorData[p++] >= (uint)texts) return false;
        }

        if (p >= end) return false;
        var codes = _actorData[p++];
        if (codes < -1 || (long)codes * 4 != end - p && !(codes == -1 && p == end)) return false;
        for (var i = 0; i < codes; i++, p += 4)
        {
            if ((uint)_actorData[p] >= (uint)texts || !Day(_actorData[p + 1]) || !Day(_actorData[p + 2]) || _actorData[p + 3] < -1 || _actorData[p + 3] >= texts) return false;
        }

        return true;

        static bool Day(int day) => day == -1 || (uint)day <= (uint)DateOnly.MaxValue.DayNumber;
    }

    public override bool TryGet(string key, out ImmutableArray<KnownActor> actors)
    {
        actors = default;
        var k = Find(key);
        if (k < 0) return false;
        var found = Volatile.Read(ref _found[k]);
        if (found is null)
        {
            var start = _listStarts[k];
            found = new KnownActor[_listStarts[k + 1] - start];
            for (var i = 0; i < found.Length; i++) found[i] = Actor(_lists[start + i]);
            found = Interlocked.CompareExchange(ref _found[k], found, null) ?? found;
        }

        actors = ImmutableCollectionsMarshal.AsImmutableArray(found);
        return true;
    }

    public override IEnumerable<KeyValuePair<string, ImmutableArray<KnownActor>>> Entries()
    {
        for (var k = 0; k < _keys.Length; k++)
        {
            var key = String(_keys[k]);
            TryGet(key, out var actors);
            yield return new(key, actors);
        }
    }

    /// <summary>The number of the name <paramref name="key"/>, or -1.</summary>
    private int Find(string key)
    {
        var max = Encoding.UTF8.GetMaxByteCount(key.Length);
        Span<byte> bytes = max <= 512 ? stackalloc byte[512] : new byte[max];
        var sought = bytes[..Encoding.UTF8.GetBytes(key, bytes)];
        int low = 0, high = _keys.Length - 1;
        while (low <= high)
        {
            var mid = (int)((uint)(low + high) >> 1);
            var order = Text(_keys[mid]).SequenceCompareTo(sought);
            if (order == 0) return mid;
            if (order < 0) low = mid + 1;
            else high = mid - 1;
        }

        return -1;
    }

    private ReadOnlySpan<byte> Text(int i) => _text.AsSpan(_textStarts[i], _textStarts[i + 1] - _textStarts[i]);

    private string String(int i) => Encoding.UTF8.GetString(Text(i));

    private KnownActor Actor(int a)
    {
        var actor = Volatile.Read(ref _actors[a]);
        if (actor is not null) return actor;
        var d = _actorData;
        var p = _actorStarts[a];
        var kind = (ActorKind)d[p++];
        var name = String(d[p++]);
        var aliasCount = d[p++];
        var aliases = default(ImmutableArray<string>);
        if (aliasCount >= 0)
        {
            var list = new string[aliasCount];
            for (var i = 0; i < list.Length; i++) list[i] = String(d[p++]);
            aliases = ImmutableCollectionsMarshal.AsImmutableArray(list);
        }

        var codeCount = d[p++];
        var codes = default(ImmutableArray<DatedCode>);
        if (codeCount >= 0)
        {
            var list = new DatedCode[codeCount];
            for (var i = 0; i < list.Length; i++, p += 4)
            {
                list[i] = new DatedCode(String(d[p]), Day(d[p + 1]), Day(d[p + 2]), d[p + 3] < 0 ? null : String(d[p + 3]));
            }

            codes = ImmutableCollectionsMarshal.AsImmutableArray(list);
        }

        actor = new KnownActor(name, kind, aliases, codes);
        return Interlocked.CompareExchange(ref _actors[a], actor, null) ?? actor;

        static DateOnly? Day(int day) => day < 0 ? null : DateOnly.FromDayNumber(day);
    }
}
