using System.Buffers.Binary;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Dossier.Nlp.Syntax;

/// <summary>
/// Averaged perceptron under training: hashed features (64-bit keys, open addressing) each own a
/// sparse list of (class, weight) entries, so only the classes a feature was ever updated for cost
/// memory. Averaging is lazy (Collins 2002 / Daumé's trick with time stamps).
/// </summary>
internal sealed class PerceptronTrainer
{
    private readonly int _classes;
    private ulong[] _keys;
    private int[] _rowStart;
    private int[] _rowCount;
    private int[] _rowCapacity;
    private int _mask;
    private int _features;

    // Entry pool: each row owns a contiguous block that moves to the end of the pool (doubling) when full.
    private ushort[] _cls;
    private float[] _w;
    private double[] _total;
    private int[] _stamp;
    private int _used;
    private int _entries;
    private int _step = 1;

    public PerceptronTrainer(int classes, int initialCapacity = 1 << 16)
    {
        if (classes > ushort.MaxValue) throw new ArgumentOutOfRangeException(nameof(classes));
        _classes = classes;
        var capacity = 1 << 10;
        while (capacity < initialCapacity * 2) capacity <<= 1;
        AllocateTable(capacity);
        _cls = new ushort[initialCapacity * 4];
        _w = new float[initialCapacity * 4];
        _total = new double[initialCapacity * 4];
        _stamp = new int[initialCapacity * 4];
    }

    public int Classes => _classes;

    public int FeatureCount => _features;

    public int EntryCount => _entries;

    /// <summary>Adds the current weights of <paramref name="features"/> into <paramref name="scores"/>.</summary>
    public void Score(ReadOnlySpan<ulong> features, Span<float> scores)
    {
        var keys = _keys;
        var mask = _mask;
        var cls = _cls;
        var w = _w;
        foreach (var raw in features)
        {
            var f = raw == 0 ? 1 : raw;
            var slot = (int)(f & (ulong)mask);
            while (true)
            {
                var k = keys[slot];
                if (k == f)
                {
                    var start = _rowStart[slot];
                    var end = start + _rowCount[slot];
                    for (var e = start; e < end; e++)
                    {
                        scores[cls[e]] += w[e];
                    }

                    break;
                }

                if (k == 0) break;
                slot = (slot + 1) & mask;
            }
        }
    }

    /// <summary>Advances the averaging clock by one training example.</summary>
    public void Tick() => _step++;

    /// <summary>The usual perceptron step: reward <paramref name="truth"/>, penalise <paramref name="guess"/>.</summary>
    public void Update(ReadOnlySpan<ulong> features, int truth, int guess)
    {
        if (truth == guess) return;
        foreach (var raw in features)
        {
            var slot = FindOrAdd(raw == 0 ? 1 : raw);
            Add(slot, truth, 1f);
            Add(slot, guess, -1f);
        }
    }

    private void Add(int slot, int cls, float delta)
    {
        var start = _rowStart[slot];
        var count = _rowCount[slot];
        var e = start;
        var end = start + count;
        while (e < end && _cls[e] != cls) e++;
        if (e == end)
        {
            if (count == _rowCapacity[slot])
            {
                var capacity = count == 0 ? 2 : count * 2;
                if (capacity > _classes) capacity = Math.Max(_classes, count + 1);
                EnsurePool(_used + capacity);
                Array.Copy(_cls, start, _cls, _used, count);
                Array.Copy(_w, start, _w, _used, count);
                Array.Copy(_total, start, _total, _used, count);
                Array.Copy(_stamp, start, _stamp, _used, count);
                _rowStart[slot] = start = _used;
                _rowCapacity[slot] = capacity;
                _used += capacity;
                e = start + count;
            }

            _cls[e] = (ushort)cls;
            _w[e] = 0;
            _total[e] = 0;
            _stamp[e] = _step;
            _rowCount[slot] = count + 1;
            _entries++;
        }

        _total[e] += (double)(_step - _stamp[e]) * _w[e];
        _w[e] += delta;
        _stamp[e] = _step;
    }

    private void EnsurePool(int size)
    {
        if (size <= _cls.Length) return;
        var n = _cls.Length;
        while (n < size) n *= 2;
        Array.Resize(ref _cls, n);
        Array.Resize(ref _w, n);
        Array.Resize(ref _total, n);
        Array.Resize(ref _stamp, n);
    }

    private int FindOrAdd(ulong f)
    {
        var slot = (int)(f & (ulong)_mask);
        while (true)
        {
            var k = _keys[slot];
            if (k == f) return slot;
            if (k == 0) break;
            slot = (slot + 1) & _mask;
        }

        if ((_features + 1) * 2 > _keys.Length)
        {
            GrowTable();
            return FindOrAdd(f);
        }

        _keys[slot] = f;
        _rowStart[slot] = 0;
        _rowCount[slot] = 0;
        _rowCapacity[slot] = 0;
        _features++;
        return slot;
    }

    /// <summary>An empty open-addressing table of <paramref name="size"/> slots (a power of two).</summary>
    [System.Diagnostics.CodeAnalysis.MemberNotNull(nameof(_keys), nameof(_rowStart), nameof(_rowCount), nameof(_rowCapacity))]
    private void AllocateTable(int size)
    {
        _keys = new ulong[size];
        _rowStart = new int[size];
        _rowCount = new int[size];
        _rowCapacity = new int[size];
        _mask = size - 1;
    }

    private void GrowTable()
    {
        var oldKeys = _keys;
        var oldStart = _rowStart;
        var oldCount = _rowCount;
        var oldCapacity = _rowCapacity;
        AllocateTable(oldKeys.Length * 2);
        for (var i = 0; i < oldKeys.Length; i++)
        {
            var k = oldKeys[i];
            if (k == 0) continue;
            var slot = (int)(k & (ulong)_mask);
            while (_keys[slot] != 0) slot = (slot + 1) & _mask;
            _keys[slot] = k;
            _rowStart[slot] = oldStart[i];
            _rowCount[slot] = oldCount[i];
            _rowCapacity[slot] = oldCapacity[i];
        }
    }

    /// <summary>
    /// The averaged weights as an immutable model; entries whose averaged magnitude is below
    /// <paramref name="prune"/> are dropped, features left without entries too.
    /// </summary>
    public LinearModel Compile(float prune)
    {
        var rows = new List<(uint Key, int Slot)>(_features);
        for (var i = 0; i < _keys.Length; i++)
        {
            if (_keys[i] != 0) rows.Add((LinearModel.Key(_keys[i]), i));
        }

        rows.Sort((a, b) => a.Key != b.Key ? a.Key.CompareTo(b.Key) : _keys[a.Slot].CompareTo(_keys[b.Slot]));
        var keys = new List<uint>(rows.Count);
        var starts = new List<int>(rows.Count + 1);
        var cls = new List<ushort>();
        var weights = new List<float>();
        var dense = new float[_classes];
        var touched = new bool[_classes];
        var steps = (double)_step;
        for (var r = 0; r < rows.Count;)
        {
            var key = rows[r].Key;
            Array.Clear(dense);
            Array.Clear(touched);
            for (; r < rows.Count && rows[r].Key == key; r++)
            {
                var slot = rows[r].Slot;
                for (var e = _rowStart[slot]; e < _rowStart[slot] + _rowCount[slot]; e++)
                {
                    var avg = (_total[e] + (_step - _stamp[e]) * (double)_w[e]) / steps;
                    dense[_cls[e]] += (float)avg;
                    touched[_cls[e]] = true;
                }
            }

            var start = cls.Count;
            for (var c = 0; c < _classes; c++)
            {
                if (touched[c] && Math.Abs(dense[c]) >= prune && dense[c] != 0)
                {
                    cls.Add((ushort)c);
                    weights.Add(dense[c]);
                }
            }

            if (cls.Count > start)
            {
                keys.Add(key);
                starts.Add(start);
            }
        }

        starts.Add(cls.Count);
        return new LinearModel(_classes, keys.ToArray(), starts.ToArray(), cls.ToArray(), weights.ToArray());
    }
}

/// <summary>
/// Immutable, thread-safe linear model: 32-bit feature keys in an open-addressing table, each row
/// a contiguous block of (class, weight) pairs. Weights are stored as half floats on disk.
/// </summary>
internal sealed class LinearModel
{
    // In-memory layout, built at load time (the file format does not depend on it): an open-addressing
    // table of 8-byte slots (32-bit key, row reference). Weights read from a file are half floats, so their
    // float bit patterns have the low 13 mantissa bits clear: a "packed entry" keeps the class in those
    // bits, and one 32-bit word holds a whole (class, weight) pair. A sparse row is a header word (its
    // entry count) followed by its packed entries in _pool; a row with weights for many classes is a dense
    // row: in _halves (Stride half floats, zero past the row's classes) when every weight is an exact half,
    // else in _dense (Stride floats), added with SIMD. Dense rows are the model's most frequent features and
    // most of the bytes a score reads: half floats halve that traffic, and widening a half to a float is
    // exact, so the sums do not change. The dense adds put
    // +0 into the classes a row lacks: scores start at +0 and never become -0, so that changes no bit.
    // Models whose weights are not all exact halves (during training)
    // keep their sparse rows as (class, weight) pairs in _wide instead. The additions into each class
    // happen in feature order, then row order, as in a plain loop, so the scores are bit-identical to it.
    private const int ClassBits = 13;
    private const uint ClassMask = (1u << ClassBits) - 1;
    private const double LoadFactor = 0.5;
    private const int Pad = 64;

    private readonly Slot[] _table;
    private readonly ulong _capacity;
    private readonly bool _packed;
    private readonly uint[] _pool;
    private readonly float[] _dense;
    private readonly ushort[] _halves;
    private readonly Entry[] _wide;
    private readonly uint[] _rowKeys;
    private readonly int[] _rowStart;
    private readonly ushort[] _cls;
    private float[]? _w; // null when loaded from a file until asked for: then decoded from _halfWeights
    private readonly ushort[]? _halfWeights; // the weights as read from a file (half floats), else null

    // A model read from its cached layout (ReadLayout) has the table, pool and dense rows only: its rows (keys, lengths,
    // classes, weights), which only Write, SameAs, Pruned and Quantised read, come from the model file on first use.
    private readonly Func<LinearModel>? _source;
    private LinearModel? _text;

    // A model read from its cached layout has no arrays of its own: its table, pool and dense rows are read-only blocks of
    // the memory-mapped cache file (addresses and lengths here), kept mapped by _owner (the file's view) while it lives.
    private readonly nint _tableAt, _poolAt, _halvesAt;
    private readonly int _tableLength, _poolLength, _halvesLength;
    private readonly object? _owner;
    private readonly int _featureCount;
    private readonly int _weightCount;

    private struct Slot
    {
        public uint Key; // 0: empty
        public int Row;  // ≥ 0: the row's header in _pool (or _wide); < 0: ~offset of a dense row in _halves (or _dense)
    }

    private struct Entry
    {
        public int Class;
        public float Weight;
    }

    public LinearModel(int classes, uint[] rowKeys, int[] rowStart, ushort[] cls, float[] weights)
    {
        if (classes <= 0) throw new ArgumentOutOfRangeException(nameof(classes));
        Classes = classes;
        _rowKeys = rowKeys;
        _rowStart = rowStart;
        _cls = cls;
        _w = weights;
        var packed = classes <= (int)ClassMask;
        for (var i = 0; i < weights.Length && packed; i++)
        {
            if ((BitConverter.SingleToUInt32Bits(weights[i]) & ClassMask) != 0) packed = false;
        }

        for (var i = 0; i < cls.Length; i++)
        {
            if (cls[i] >= classes) throw new InvalidDataException("class index out of range");
        }

        _packed = packed;
        var (denseMin, sparseSize, denseSize) = Sizes(classes, rowKeys.Length, rowStart);
        _pool = packed ? new uint[sparseSize] : [];
        _wide = packed ? [] : new Entry[sparseSize];
        Stride = (classes + 15) & ~15;
        var halves = true;
        foreach (var w in weights)
        {
            if (BitConverter.SingleToUInt32Bits((float)(Half)w) != BitConverter.SingleToUInt32Bits(w))
            {
                halves = false;
                break;
            }
        }

        _dense = halves ? [] : new float[denseSize];
        _halves = halves ? new ushort[denseSize] : [];
        var capacity = Math.Max(16, (long)(rowKeys.Length / LoadFactor) + 1);
        if (capacity > int.MaxValue / 2) throw new InvalidDataException("too many features");
        _capacity = (ulong)capacity;
        var table = new Slot[capacity + Pad];
        int at = 0, dense = 0;
        for (var r = 0; r < rowKeys.Length; r++)
        {
            var k = rowKeys[r];
            var slot = Claim(ref table, k, _capacity); // may grow the table: index it after
            ref var t = ref table[slot];
            t.Key = k;
            int from = rowStart[r], to = rowStart[r + 1];
            if (to - from >= denseMin)
            {
                t.Row = ~dense;
                for (var i = from; i < to; i++)
                {
                    if (halves) _halves[dense + cls[i]] = BitConverter.HalfToUInt16Bits((Half)weights[i]);
                    else _dense[dense + cls[i]] = weights[i];
                }

                dense += Stride;
            }
            else if (packed)
            {
                t.Row = at;
                _pool[at++] = (uint)(to - from);
                for (var i = from; i < to; i++) _pool[at++] = BitConverter.SingleToUInt32Bits(weights[i]) | cls[i];
            }
            else
            {
                t.Row = at;
                _wide[at++] = new Entry { Class = to - from };
                for (var i = from; i < to; i++) _wide[at++] = new Entry { Class = cls[i], Weight = weights[i] };
            }
        }

        _table = table;
    }

    /// <summary>
    /// The model of a file, built straight from its half-float weights: the same layout, bit for bit, as the float
    /// constructor gives for those weights widened to floats (every weight is then an exact half and packable), without
    /// the float copy or its checks; start-up cost (docs/evaluation.md, "Issue 15: cold start"). The float weights are
    /// decoded only if <see cref="Write"/>, <see cref="SameAs"/>, <see cref="Pruned"/> or <see cref="Quantised"/> needs them.
    /// </summary>
    private LinearModel(int classes, uint[] rowKeys, int[] rowStart, ushort[] cls, ushort[] halfWeights)
    {
        Classes = classes;
        _rowKeys = rowKeys;
        _rowStart = rowStart;
        _cls = cls;
        _halfWeights = halfWeights;
        _packed = true;
        var (denseMin, sparseSize, denseSize) = Sizes(classes, rowKeys.Length, rowStart);
        _pool = GC.AllocateUninitializedArray<uint>((int)sparseSize);
        _wide = [];
        Stride = (classes + 15) & ~15;
        _dense = [];
        _halves = new ushort[denseSize]; // zero past each dense row's classes
        var capacity = Math.Max(16, (long)(rowKeys.Length / LoadFactor) + 1);
        if (capacity > int.MaxValue / 2) throw new InvalidDataException("too many features");
        _capacity = (ulong)capacity;
        var table = new Slot[capacity + Pad];
        var floatBits = HalfToFloatBits.Value;
        int at = 0, dense = 0;
        for (var r = 0; r < rowKeys.Length; r++)
        {
            var k = rowKeys[r];
            var slot = Claim(ref table, k, _capacity); // may grow the table: index it after
            ref var t = ref table[slot];
            t.Key = k;
            int from = rowStart[r], to = rowStart[r + 1];
            if (to - from >= denseMin)
            {
                t.Row = ~dense;
                for (var i = from; i < to; i++) _halves[dense + cls[i]] = halfWeights[i];
                dense += Stride;
            }
            else
            {
                t.Row = at;
                _pool[at++] = (uint)(to - from);
                for (var i = from; i < to; i++) _pool[at++] = floatBits[halfWeights[i]] | cls[i];
            }
        }

        _table = table;
    }

    /// <summary>The float bits of every half float, by its bits: one look-up instead of a conversion per weight.</summary>
    private static readonly Lazy<uint[]> HalfToFloatBits = new(() =>
    {
        var bits = GC.AllocateUninitializedArray<uint>(1 << 16);
        for (var h = 0; h < bits.Length; h++) bits[h] = BitConverter.SingleToUInt32Bits((float)BitConverter.UInt16BitsToHalf((ushort)h));
        return bits;
    });

    /// <summary>The weights as floats, row after row (decoded from the half floats of a file on first use).</summary>
    private float[] Weights
    {
        get
        {
            if (_w is { } w) return w;
            var halves = _halfWeights!;
            var floats = new float[halves.Length];
            for (var i = 0; i < floats.Length; i++) floats[i] = (float)BitConverter.UInt16BitsToHalf(halves[i]);
            return _w = floats;
        }
    }

    public int Classes { get; }

    /// <summary><see cref="Classes"/> rounded up to a multiple of 16: a scores buffer this long is scored without a copy.</summary>
    public int Stride { get; }

    public int FeatureCount => _source is null ? _rowKeys.Length : _featureCount;

    public int WeightCount => _source is null ? _halfWeights?.Length ?? _w!.Length : _weightCount;

    private ReadOnlySpan<Slot> Table => _tableAt == 0 ? _table : Mapped<Slot>(_tableAt, _tableLength);

    private ReadOnlySpan<uint> Pool => _poolAt == 0 ? _pool : Mapped<uint>(_poolAt, _poolLength);

    private ReadOnlySpan<ushort> Halves => _halvesAt == 0 ? _halves : Mapped<ushort>(_halvesAt, _halvesLength);

    private static unsafe ReadOnlySpan<T> Mapped<T>(nint address, int length) where T : unmanaged => new((void*)address, length);

    /// <summary>This model with its rows: itself, or for a model read from its cached layout the model of its file.</summary>
    private LinearModel Text
    {
        get
        {
            if (_source is null) return this;
            if (_text is { } text) return text;
            text = _source();
            if (text._source is not null || text.Classes != Classes || text.FeatureCount != _featureCount || text.WeightCount != _weightCount)
            {
                throw new InvalidDataException("the model file no longer matches its cached layout");
            }

            return _text = text;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static uint Key(ulong feature)
    {
        var k = (uint)(feature ^ (feature >> 32));
        return k == 0 ? 1u : k;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    /// <summary>The shortest row stored dense, and the sizes of the sparse pool and the dense block for these rows.</summary>
    private static (int DenseMin, long Sparse, long Dense) Sizes(int classes, int rows, int[] rowStart)
    {
        var denseMin = Math.Max(8, classes / 4);
        long sparseSize = 0, denseSize = 0;
        for (var r = 0; r < rows; r++)
        {
            var length = rowStart[r + 1] - rowStart[r];
            if (length >= denseMin) denseSize += (classes + 15) & ~15;
            else sparseSize += length + 1;
        }

        if (sparseSize > int.MaxValue || denseSize > int.MaxValue) throw new InvalidDataException("model too large");
        return (denseMin, sparseSize, denseSize);
    }

    private static int Home(uint key, ulong capacity) => (int)((key * capacity) >> 32);

    /// <summary>The free slot of <paramref name="table"/> where <paramref name="key"/> goes (linear probing from its home
    /// slot; the table grows so that an empty slot always ends it); a zero or repeated key is invalid data.</summary>
    private static int Claim(ref Slot[] table, uint key, ulong capacity)
    {
        if (key == 0) throw new InvalidDataException("zero feature key");
        var slot = Home(key, capacity);
        while (table[slot].Key != 0)
        {
            if (table[slot].Key == key) throw new InvalidDataException("duplicate feature key");
            slot++;
            if (slot == table.Length - 1) Array.Resize(ref table, table.Length * 2); // keeps an empty slot at the end
        }

        return slot;
    }

    /// <summary>
    /// Adds the weights of <paramref name="features"/> into <paramref name="scores"/>, at least <see cref="Classes"/>
    /// long; one <see cref="Stride"/> long or longer is faster (the entries past <see cref="Classes"/> then get +0).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // not precompiled: compiled at first use, fully optimised (docs/evaluation.md, branch speed13)
    public void Score(ReadOnlySpan<ulong> features, Span<float> scores)
    {
        var classes = Classes;
        if (scores.Length < Stride)
        {
            if (scores.Length < classes) throw new ArgumentException("scores shorter than the class count", nameof(scores));
            Span<float> padded = Stride <= 1024 ? stackalloc float[Stride] : new float[Stride];
            scores[..classes].CopyTo(padded);
            Score(features, padded);
            padded[..classes].CopyTo(scores);
            return;
        }

        var table = Table;
        var capacity = _capacity;
        var n = features.Length;
        Span<int> rows = n <= 256 ? stackalloc int[n] : new int[n];

        // 1. Touch every feature's home slot with independent loads so that the cache misses overlap
        //    (a software prefetch); the probes below then mostly hit the cache.
        var touch = 0u;
        for (var j = 0; j < n; j++)
        {
            var f = features[j];
            var home = Home(Key(f == 0 ? 1 : f), capacity);
            rows[j] = home;
            touch ^= table[home].Key;
        }

        // 2. Probe; keep the rows found, in feature order, and touch their first entries.
        var pool = _packed ? Pool : [];
        var dense = _dense;
        var halves = Halves;
        var half = halves.Length > 0;
        var m = 0;
        for (var j = 0; j < n; j++)
        {
            var f = features[j];
            var k = Key(f == 0 ? 1 : f);
            var slot = rows[j];
            while (true)
            {
                ref readonly var t = ref table[slot];
                if (t.Key == k)
                {
                    var row = t.Row;
                    rows[m++] = row;
                    touch ^= row >= 0 ? (_packed ? pool[row] : (uint)_wide[row].Class) : half ? halves[~row] : BitConverter.SingleToUInt32Bits(dense[~row]);
                    break;
                }

                if (t.Key == 0) break;
                slot++;
            }
        }

        if (touch == 0x9E3779B9u) Volatile.Write(ref _sink, touch); // consumes the touched values so the loads stay

        // 3. Add, in feature order.
        ref var s = ref MemoryMarshal.GetReference(scores);
        for (var j = 0; j < m; j++)
        {
            var row = rows[j];
            if (row < 0)
            {
                if (half) AddDense(scores[..Stride], halves.Slice(~row, Stride));
                else AddDense(scores[..Stride], dense.AsSpan(~row, Stride));
            }
            else if (_packed)
            {
                var end = row + 1 + (int)pool[row];
                for (var e = row + 1; e < end; e++)
                {
                    var entry = pool[e];
                    Unsafe.Add(ref s, (int)(entry & ClassMask)) += BitConverter.UInt32BitsToSingle(entry & ~ClassMask);
                }
            }
            else
            {
                var end = row + 1 + _wide[row].Class;
                for (var e = row + 1; e < end; e++) scores[_wide[e].Class] += _wide[e].Weight;
            }
        }

        GC.KeepAlive(_owner); // the mapped blocks stay mapped until the last read
    }

    private static uint _sink;

    /// <summary>scores += row, element-wise; both as long as <see cref="Stride"/>, a multiple of 16.</summary>
    private static void AddDense(Span<float> scores, ReadOnlySpan<float> row)
    {
        ref var s = ref MemoryMarshal.GetReference(scores);
        ref var r = ref MemoryMarshal.GetReference(row);
        var length = (nuint)row.Length;
        if (scores.Length != row.Length) throw new ArgumentException("length mismatch", nameof(row));
        if (Vector512.IsHardwareAccelerated)
        {
            for (nuint i = 0; i < length; i += 16) (Vector512.LoadUnsafe(ref s, i) + Vector512.LoadUnsafe(ref r, i)).StoreUnsafe(ref s, i);
        }
        else if (Vector256.IsHardwareAccelerated)
        {
            for (nuint i = 0; i < length; i += 8) (Vector256.LoadUnsafe(ref s, i) + Vector256.LoadUnsafe(ref r, i)).StoreUnsafe(ref s, i);
        }
        else if (Vector128.IsHardwareAccelerated)
        {
            for (nuint i = 0; i < length; i += 4) (Vector128.LoadUnsafe(ref s, i) + Vector128.LoadUnsafe(ref r, i)).StoreUnsafe(ref s, i);
        }
        else
        {
            for (var i = 0; i < row.Length; i++) scores[i] += row[i];
        }
    }

    /// <summary>scores += row widened from half floats, element-wise; both as long as <see cref="Stride"/>, a multiple of 16.</summary>
    private static void AddDense(Span<float> scores, ReadOnlySpan<ushort> row)
    {
        if (scores.Length != row.Length) throw new ArgumentException("length mismatch", nameof(row));
        if (Avx2.IsSupported)
        {
            // A half s|e(5)|m(10), zero-extended, shifted left 16 then arithmetically right 3 and masked, becomes the
            // float bits s|000e|m|0…: the half's value times 2^-112, exactly (a denormal float when e = 0). Times
            // 2^112 gives the half's value exactly, as (float)Half does; a zero stays a zero of the same sign.
            ref var s = ref MemoryMarshal.GetReference(scores);
            ref var r = ref MemoryMarshal.GetReference(row);
            var length = (nuint)row.Length;
            var mask = Vector256.Create(unchecked((int)0x8FFF_E000u));
            var scale = Vector256.Create(BitConverter.UInt32BitsToSingle((127u + 112u) << 23));
            for (nuint i = 0; i < length; i += 8)
            {
                var h = Avx2.ConvertToVector256Int32(Vector128.LoadUnsafe(ref r, i));
                var bits = Avx2.And(Avx2.ShiftRightArithmetic(Avx2.ShiftLeftLogical(h, 16), 3), mask);
                (Vector256.LoadUnsafe(ref s, i) + (bits.AsSingle() * scale)).StoreUnsafe(ref s, i);
            }
        }
        else
        {
            for (var i = 0; i < row.Length; i++) scores[i] += (float)BitConverter.UInt16BitsToHalf(row[i]);
        }
    }

    public void Write(BinaryWriter writer)
    {
        if (_source is not null)
        {
            Text.Write(writer);
            return;
        }

        writer.Write(Classes);
        writer.Write(_rowKeys.Length);
        writer.Write(WeightCount);
        var wide = Classes > 256;
        // Keys ascending: delta coded.
        var previous = 0u;
        foreach (var k in _rowKeys)
        {
            writer.Write7BitEncodedInt((int)(k - previous));
            previous = k;
        }

        for (var r = 0; r < _rowKeys.Length; r++)
        {
            writer.Write7BitEncodedInt(_rowStart[r + 1] - _rowStart[r]);
        }

        foreach (var c in _cls)
        {
            if (wide) writer.Write(c); else writer.Write((byte)c);
        }

        foreach (var v in Weights)
        {
            writer.Write((Half)v);
        }
    }

    public static LinearModel Read(BinaryReader reader)
    {
        var classes = reader.ReadInt32();
        var rows = reader.ReadInt32();
        var weights = reader.ReadInt32();
        if (classes <= 0 || classes > ushort.MaxValue || rows < 0 || weights < 0 || rows > 100_000_000 || weights > 200_000_000)
        {
            throw new InvalidDataException("bad linear model header");
        }

        // The rest is read in bulk: the delta-coded keys and the row lengths decoded from a buffer of the stream, the
        // class indices and half-float weights (fixed-size, little-endian) straight into their arrays.
        var wide = classes > 256;
        var input = new BulkInput(reader.BaseStream, varints: 2L * rows, tail: (wide ? 2L : 1L) * weights + 2L * weights);
        var keys = GC.AllocateUninitializedArray<uint>(rows);
        var previous = 0u;
        for (var r = 0; r < rows; r++)
        {
            var delta = input.Read7BitEncoded();
            if (delta == 0 && r > 0) throw new InvalidDataException("feature keys out of order");
            previous += delta;
            keys[r] = previous;
        }

        var starts = GC.AllocateUninitializedArray<int>(rows + 1);
        starts[0] = 0;
        for (var r = 0; r < rows; r++)
        {
            var length = (int)input.Read7BitEncoded();
            if (length <= 0 || length > classes) throw new InvalidDataException("bad row length");
            starts[r + 1] = starts[r] + length;
        }

        if (starts[rows] != weights) throw new InvalidDataException("row lengths do not add up");
        var cls = GC.AllocateUninitializedArray<ushort>(weights);
        if (wide)
        {
            input.ReadExactly(MemoryMarshal.AsBytes(cls.AsSpan()));
            if (!BitConverter.IsLittleEndian) BinaryPrimitives.ReverseEndianness(cls, cls);
        }
        else
        {
            var bytes = GC.AllocateUninitializedArray<byte>(weights);
            input.ReadExactly(bytes);
            for (var i = 0; i < weights; i++) cls[i] = bytes[i];
        }

        foreach (var c in cls)
        {
            if (c >= classes) throw new InvalidDataException("class index out of range");
        }

        var halves = GC.AllocateUninitializedArray<ushort>(weights);
        input.ReadExactly(MemoryMarshal.AsBytes(halves.AsSpan()));
        if (!BitConverter.IsLittleEndian) BinaryPrimitives.ReverseEndianness(halves, halves);
        if (classes <= (int)ClassMask)
        {
            return new LinearModel(classes, keys, starts, cls, halves);
        }

        var w = new float[weights];
        for (var i = 0; i < weights; i++) w[i] = (float)BitConverter.UInt16BitsToHalf(halves[i]);
        return new LinearModel(classes, keys, starts, cls, w);
    }

    /// <summary>
    /// Reads a model's <paramref name="varints"/> 7-bit encoded integers (as <see cref="BinaryReader.Read7BitEncodedInt"/>
    /// reads them, as unsigned), then blocks of <paramref name="tail"/> bytes in all, through a buffer of its own. It never
    /// takes more from the stream than the model can still hold (one byte per integer left, and the blocks), and
    /// <see cref="ReadExactly"/> takes the buffered bytes first: once the blocks are read the stream is right after them.
    /// </summary>
    private sealed class BulkInput(Stream stream, long varints, long tail)
    {
        private readonly byte[] _buffer = new byte[1 << 16];
        private int _at;
        private int _end;
        private long _varints = varints;

        public uint Read7BitEncoded()
        {
            var result = 0u;
            for (var shift = 0; shift < 35; shift += 7)
            {
                if (_at == _end) Fill();
                var b = _buffer[_at++];
                if (shift == 28 && b > 0b1111) throw new FormatException("bad 7-bit encoded integer");
                result |= (uint)(b & 0x7F) << shift;
                if (b < 0x80)
                {
                    _varints--;
                    return result;
                }
            }

            throw new FormatException("bad 7-bit encoded integer");
        }

        public void ReadExactly(Span<byte> into)
        {
            var buffered = Math.Min(into.Length, _end - _at);
            _buffer.AsSpan(_at, buffered).CopyTo(into);
            _at += buffered;
            stream.ReadExactly(into[buffered..]);
        }

        private void Fill()
        {
            if (_varints <= 0) throw new InvalidDataException("more integers than announced");
            _at = 0;
            _end = stream.Read(_buffer, 0, (int)Math.Min(_buffer.Length, _varints + tail));
            if (_end == 0) throw new EndOfStreamException();
        }
    }

    /// <summary>
    /// Whether <see cref="WriteLayout"/> can write this model: the layout of a model read from a file (packed sparse rows,
    /// half-float dense rows), not that of a model under training.
    /// </summary>
    public bool HasFileLayout => _packed && _dense.Length == 0 && _wide.Length == 0;

    /// <summary>
    /// Writes the in-memory layout as it is, for <see cref="SyntaxModelCache"/>: the sizes into <paramref name="header"/>,
    /// the table, the sparse pool and the dense rows (raw little-endian arrays) through <paramref name="block"/>.
    /// </summary>
    public void WriteLayout(BinaryWriter header, Action<ReadOnlySpan<byte>> block)
    {
        if (!HasFileLayout) throw new InvalidOperationException("only the layout of a model read from a file is cached");
        header.Write(Classes);
        header.Write(Stride);
        header.Write(_capacity);
        header.Write(FeatureCount);
        header.Write(WeightCount);
        header.Write(Table.Length);
        header.Write(Pool.Length);
        header.Write(Halves.Length);
        block(MemoryMarshal.AsBytes(Table));
        block(MemoryMarshal.AsBytes(Pool));
        block(MemoryMarshal.AsBytes(Halves));
        GC.KeepAlive(_owner);
    }

    /// <summary>
    /// The model <see cref="WriteLayout"/> wrote: the sizes from <paramref name="header"/> (checked against each other),
    /// each array a read-only block of mapped memory that <paramref name="block"/> gives for its byte length (it checks
    /// that the block lies inside the mapping), kept mapped by <paramref name="owner"/>. Its rows, for <see cref="Write"/>,
    /// <see cref="SameAs"/>, <see cref="Pruned"/> and <see cref="Quantised"/>, are <paramref name="source"/>'s, loaded on first use.
    /// </summary>
    public static LinearModel ReadLayout(BinaryReader header, Func<long, nint> block, object owner, Func<LinearModel> source)
    {
        var classes = header.ReadInt32();
        var stride = header.ReadInt32();
        var capacity = header.ReadUInt64();
        var features = header.ReadInt32();
        var weights = header.ReadInt32();
        var tableLength = header.ReadInt32();
        var poolLength = header.ReadInt32();
        var halvesLength = header.ReadInt32();
        if (classes <= 0 || classes > (int)ClassMask || stride != ((classes + 15) & ~15) || features < 0 || weights < 0
            || capacity < 16 || capacity > int.MaxValue / 2 || tableLength < (long)capacity + Pad || poolLength < 0 || halvesLength < 0
            || halvesLength % stride != 0)
        {
            throw new InvalidDataException("bad cached layout sizes");
        }

        if (!BitConverter.IsLittleEndian) throw new PlatformNotSupportedException("the cached layout is little-endian");
        var table = block(8L * tableLength);
        var pool = block(4L * poolLength);
        var halves = block(2L * halvesLength);
        return new LinearModel(classes, capacity, (table, tableLength), (pool, poolLength), (halves, halvesLength), features, weights, owner, source);
    }

    private LinearModel(
        int classes, ulong capacity, (nint At, int Length) table, (nint At, int Length) pool, (nint At, int Length) halves,
        int features, int weights, object owner, Func<LinearModel> source)
    {
        if (table.At == 0 || pool.At == 0 || halves.At == 0) throw new ArgumentException("a mapped block has no address");
        Classes = classes;
        Stride = (classes + 15) & ~15;
        _capacity = capacity;
        (_tableAt, _tableLength) = table;
        (_poolAt, _poolLength) = pool;
        (_halvesAt, _halvesLength) = halves;
        _owner = owner;
        _table = [];
        _pool = [];
        _halves = [];
        _packed = true;
        _dense = [];
        _wide = [];
        _rowKeys = [];
        _rowStart = [0];
        _cls = [];
        _featureCount = features;
        _weightCount = weights;
        _source = source;
    }

    /// <summary>A copy without the weights smaller than <paramref name="threshold"/> in magnitude.</summary>
    public LinearModel Pruned(float threshold)
    {
        if (_source is not null) return Text.Pruned(threshold);
        var keys = new List<uint>();
        var starts = new List<int> { 0 };
        var cls = new List<ushort>();
        var w = new List<float>();
        for (var r = 0; r < _rowKeys.Length; r++)
        {
            var before = cls.Count;
            for (var e = _rowStart[r]; e < _rowStart[r + 1]; e++)
            {
                if (Math.Abs(Weights[e]) < threshold) continue;
                cls.Add(_cls[e]);
                w.Add(Weights[e]);
            }

            if (cls.Count > before)
            {
                keys.Add(_rowKeys[r]);
                starts.Add(cls.Count);
            }
        }

        return new LinearModel(Classes, keys.ToArray(), starts.ToArray(), cls.ToArray(), w.ToArray());
    }

    /// <summary>Rounds weights through half precision, as a saved and reloaded model has them.</summary>
    public LinearModel Quantised()
    {
        if (_source is not null) return Text.Quantised();
        var weights = Weights;
        var w = new float[weights.Length];
        for (var i = 0; i < w.Length; i++) w[i] = (float)(Half)weights[i];
        return new LinearModel(Classes, _rowKeys, _rowStart, _cls, w);
    }

    public bool SameAs(LinearModel other) =>
        _source is not null || other._source is not null ? Text.SameAs(other.Text) :
        Classes == other.Classes && _rowKeys.AsSpan().SequenceEqual(other._rowKeys) && _rowStart.AsSpan().SequenceEqual(other._rowStart)
        && _cls.AsSpan().SequenceEqual(other._cls) && Weights.AsSpan().SequenceEqual(other.Weights);
}
