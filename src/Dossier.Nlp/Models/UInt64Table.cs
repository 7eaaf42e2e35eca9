using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Dossier.Nlp.Models;

/// <summary>
/// A read-only table of 64-bit keys (feature and name hashes) to 32-bit values, laid out so that a cache file holds it as
/// two blocks and a model looks keys up straight in the mapped file (<see cref="ModelCache"/>): open addressing with linear
/// probing over a power-of-two number of slots, at most half of them used; key 0 marks an empty slot, so the value of key 0
/// itself is kept apart. Built once from the pairs of a model read from its files (<see cref="Build"/>); a look-up gives the
/// same answer as the dictionary it was built from. Immutable and thread-safe (issue 15, cold start: docs/evaluation.md,
/// "speed12").
/// </summary>
internal sealed class UInt64Table
{
    private const ulong Golden = 0x9E3779B97F4A7C15UL;

    private readonly ulong[] _keys;
    private readonly int[] _values;
    private readonly nint _keysAt, _valuesAt; // a mapped table's blocks (0: the arrays above)
    private readonly object? _owner; // keeps the mapping while the table lives
    private readonly int _mask;
    private readonly int _shift;
    private readonly bool _hasZero;
    private readonly int _zeroValue;

    private UInt64Table(ulong[] keys, int[] values, nint keysAt, nint valuesAt, object? owner, int capacity, int count, bool hasZero, int zeroValue)
    {
        _keys = keys;
        _values = values;
        _keysAt = keysAt;
        _valuesAt = valuesAt;
        _owner = owner;
        _mask = capacity - 1;
        _shift = 64 - BitOperations.Log2((uint)capacity);
        Count = count;
        _hasZero = hasZero;
        _zeroValue = zeroValue;
    }

    /// <summary>The number of keys.</summary>
    public int Count { get; }

    private int Capacity => _mask + 1;

    private ReadOnlySpan<ulong> Keys => _keysAt == 0 ? _keys : Mapped<ulong>(_keysAt, Capacity);

    private ReadOnlySpan<int> Values => _valuesAt == 0 ? _values : Mapped<int>(_valuesAt, Capacity);

    private static unsafe ReadOnlySpan<T> Mapped<T>(nint address, int length) where T : unmanaged => new((void*)address, length);

    /// <summary>The table of <paramref name="pairs"/> (keys distinct).</summary>
    /// <exception cref="ArgumentException">A key occurs twice.</exception>
    public static UInt64Table Build(IReadOnlyCollection<KeyValuePair<ulong, int>> pairs)
    {
        ArgumentNullException.ThrowIfNull(pairs);
        var capacity = 16;
        while (capacity < pairs.Count * 2L) capacity *= 2;
        var keys = new ulong[capacity];
        var values = new int[capacity];
        var shift = 64 - BitOperations.Log2((uint)capacity);
        bool hasZero = false;
        var zeroValue = 0;
        foreach (var (key, value) in pairs)
        {
            if (key == 0)
            {
                if (hasZero) throw new ArgumentException("key 0 occurs twice", nameof(pairs));
                (hasZero, zeroValue) = (true, value);
                continue;
            }

            var slot = (int)((key * Golden) >> shift);
            while (keys[slot] != 0)
            {
                if (keys[slot] == key) throw new ArgumentException($"key {key} occurs twice", nameof(pairs));
                slot = (slot + 1) & (capacity - 1);
            }

            keys[slot] = key;
            values[slot] = value;
        }

        return new UInt64Table(keys, values, 0, 0, null, capacity, pairs.Count, hasZero, zeroValue);
    }

    /// <summary>The value of <paramref name="key"/>, if the table has it.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool TryGetValue(ulong key, out int value)
    {
        if (key == 0)
        {
            value = _zeroValue;
            return _hasZero;
        }

        var keys = Keys;
        var slot = (int)((key * Golden) >> _shift);
        while (true)
        {
            var k = keys[slot];
            if (k == key)
            {
                value = Values[slot];
                GC.KeepAlive(_owner);
                return true;
            }

            if (k == 0)
            {
                value = 0;
                GC.KeepAlive(_owner);
                return false;
            }

            slot = (slot + 1) & _mask;
        }
    }

    /// <summary>True when the table has <paramref name="key"/>.</summary>
    public bool ContainsKey(ulong key) => TryGetValue(key, out _);

    /// <summary>Every key with its value, in slot order (key 0 first when present).</summary>
    public IEnumerable<KeyValuePair<ulong, int>> Pairs()
    {
        if (_hasZero) yield return new(0, _zeroValue);
        for (var i = 0; i < Capacity; i++)
        {
            var key = Keys[i];
            if (key != 0) yield return new(key, Values[i]);
        }
    }

    /// <summary>Writes the sizes to <paramref name="header"/> and the slots as two blocks (<see cref="ModelCache.TryWrite"/>).</summary>
    public void Write(BinaryWriter header, Action<ReadOnlySpan<byte>> block)
    {
        ArgumentNullException.ThrowIfNull(header);
        ArgumentNullException.ThrowIfNull(block);
        header.Write(Capacity);
        header.Write(Count);
        header.Write(_hasZero);
        header.Write(_zeroValue);
        block(MemoryMarshal.AsBytes(Keys));
        block(MemoryMarshal.AsBytes(Values));
        GC.KeepAlive(_owner);
    }

    /// <summary>
    /// The table <see cref="Write"/> wrote, its slots read in place from <paramref name="file"/>'s next two blocks (kept
    /// mapped by <see cref="ModelCacheFile.Owner"/>), every value checked to lie in [<paramref name="minValue"/>,
    /// <paramref name="maxValue"/>] and the number of used slots against the count.
    /// </summary>
    /// <exception cref="InvalidDataException">The sizes, the slots or a value are out of range.</exception>
    public static UInt64Table Read(BinaryReader header, ModelCacheFile file, int minValue, int maxValue)
    {
        ArgumentNullException.ThrowIfNull(header);
        ArgumentNullException.ThrowIfNull(file);
        var capacity = header.ReadInt32();
        var count = header.ReadInt32();
        var hasZero = header.ReadBoolean();
        var zeroValue = header.ReadInt32();
        if (capacity < 16 || !BitOperations.IsPow2(capacity) || capacity > 1 << 28 || count < 0 || count * 2L > capacity
            || (hasZero && (zeroValue < minValue || zeroValue > maxValue)))
        {
            throw new InvalidDataException("bad hash table sizes");
        }

        if (!BitConverter.IsLittleEndian) throw new InvalidDataException("the cached table is little-endian");
        var keysAt = file.Block(8L * capacity);
        var valuesAt = file.Block(4L * capacity);
        var keys = Mapped<ulong>(keysAt, capacity);
        var values = Mapped<int>(valuesAt, capacity);
        if (capacity - keys.Count(0UL) != count - (hasZero ? 1 : 0)) throw new InvalidDataException("the hash table's count does not match its slots");
        for (var i = 0; i < capacity; i++)
        {
            if (keys[i] != 0 && (values[i] < minValue || values[i] > maxValue)) throw new InvalidDataException("a hash table value out of range");
        }

        return new UInt64Table([], [], keysAt, valuesAt, file.Owner, capacity, count, hasZero, zeroValue);
    }
}
