using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Dossier.Nlp.Models;

namespace Dossier.Nlp.Entities;

/// <summary>Scores a token's hashed feature buckets for every class.</summary>
internal interface INerScorer
{
    void Score(ReadOnlySpan<int> buckets, Span<float> scores);
}

/// <summary>
/// Averaged perceptron under training over a fixed array of 2^bits hashed feature buckets, each a
/// dense row of one weight per class. Averaging uses the usual trick: <c>avg = w - u / c</c> where
/// <c>u</c> sums <c>c × delta</c> and <c>c</c> counts the examples seen.
/// </summary>
internal sealed class NerTrainingWeights : INerScorer
{
    private readonly float[] _w;
    private readonly double[] _u;
    private long _c = 1;

    public NerTrainingWeights(int bits, int classes)
    {
        Bits = bits;
        Classes = classes;
        _w = new float[(1 << bits) * classes];
        _u = new double[(1 << bits) * classes];
    }

    public int Bits { get; }

    public int Classes { get; }

    public void Score(ReadOnlySpan<int> buckets, Span<float> scores)
    {
        var w = _w;
        var k = Classes;
        foreach (var b in buckets)
        {
            var row = w.AsSpan(b * k, k);
            for (var c = 0; c < k; c++) scores[c] += row[c];
        }
    }

    public void Tick() => _c++;

    public void Update(ReadOnlySpan<int> buckets, int truth, int guess)
    {
        if (truth == guess) return;
        var k = Classes;
        foreach (var b in buckets)
        {
            _w[b * k + truth] += 1f;
            _u[b * k + truth] += _c;
            _w[b * k + guess] -= 1f;
            _u[b * k + guess] -= _c;
        }
    }

    /// <summary>The averaged weights, dropping those below <paramref name="prune"/> in magnitude.</summary>
    public NerLinearModel Compile(float prune)
    {
        var k = Classes;
        var buckets = new List<int>();
        var starts = new List<int> { 0 };
        var cls = new List<byte>();
        var weights = new List<float>();
        for (var b = 0; b < 1 << Bits; b++)
        {
            var before = cls.Count;
            for (var c = 0; c < k; c++)
            {
                var i = b * k + c;
                if (_w[i] == 0 && _u[i] == 0) continue;
                var avg = (float)(_w[i] - _u[i] / _c);
                if (Math.Abs(avg) < prune || avg == 0) continue;
                cls.Add((byte)c);
                weights.Add(avg);
            }

            if (cls.Count > before)
            {
                buckets.Add(b);
                starts.Add(cls.Count);
            }
        }

        return new NerLinearModel(Bits, k, buckets.ToArray(), starts.ToArray(), cls.ToArray(), weights.ToArray());
    }
}

/// <summary>
/// The compiled, immutable and thread-safe linear model: for each used bucket a contiguous block
/// of (class, weight) pairs, found through a dense bucket → row index. Weights are half floats on disk.
/// A model read from the cache folder (<see cref="ReadLayout"/>) holds no arrays: its bucket index, row starts, classes
/// and weights are read-only blocks of the memory-mapped cache file, scored in place (issue 15, cold start:
/// docs/evaluation.md, "speed12"); the same scores either way.
/// </summary>
internal sealed class NerLinearModel : INerScorer
{
    private readonly int[] _rowOf; // bucket -> row + 1, 0 when unused
    private int[]? _buckets; // of a mapped model: derived from the bucket index when first asked for
    private readonly int[] _starts;
    private readonly byte[] _cls;
    private readonly float[] _w;

    // A model read from its cached layout: the blocks' addresses in the mapped file, kept mapped by _owner.
    private readonly nint _rowOfAt, _startsAt, _clsAt, _wAt;
    private readonly object? _owner;
    private readonly int _rows;
    private readonly int _weights; // of a mapped model

    public NerLinearModel(int bits, int classes, int[] buckets, int[] starts, byte[] cls, float[] weights)
    {
        if (bits is < 8 or > 26) throw new InvalidDataException("bad hash size");
        if (classes is <= 0 or > 255) throw new InvalidDataException("bad class count");
        if (starts.Length != buckets.Length + 1 || starts[^1] != cls.Length || cls.Length != weights.Length) throw new InvalidDataException("rows do not add up");
        Bits = bits;
        Classes = classes;
        _buckets = buckets;
        _rows = buckets.Length;
        _starts = starts;
        _cls = cls;
        _w = weights;
        _rowOf = new int[1 << bits];
        for (var r = 0; r < buckets.Length; r++)
        {
            var b = buckets[r];
            if ((uint)b >= (uint)_rowOf.Length || _rowOf[b] != 0) throw new InvalidDataException("bad bucket");
            _rowOf[b] = r + 1;
        }

        foreach (var c in cls)
        {
            if (c >= classes) throw new InvalidDataException("class index out of range");
        }
    }

    private NerLinearModel(int bits, int classes, int rows, int weights, nint rowOfAt, nint startsAt, nint clsAt, nint wAt, object owner)
    {
        Bits = bits;
        Classes = classes;
        _rows = rows;
        _rowOfAt = rowOfAt;
        _startsAt = startsAt;
        _clsAt = clsAt;
        _wAt = wAt;
        _owner = owner;
        _rowOf = [];
        _starts = [];
        _cls = [];
        _w = [];
        _weights = weights;
    }

    public int Bits { get; }

    public int Classes { get; }

    public int FeatureCount => _rows;

    public int WeightCount => _wAt == 0 ? _w.Length : _weights;

    private ReadOnlySpan<int> RowOf => _rowOfAt == 0 ? _rowOf : Mapped<int>(_rowOfAt, 1 << Bits);

    private ReadOnlySpan<int> Starts => _startsAt == 0 ? _starts : Mapped<int>(_startsAt, _rows + 1);

    private ReadOnlySpan<byte> Cls => _clsAt == 0 ? _cls : Mapped<byte>(_clsAt, WeightCount);

    private ReadOnlySpan<float> W => _wAt == 0 ? _w : Mapped<float>(_wAt, WeightCount);

    private static unsafe ReadOnlySpan<T> Mapped<T>(nint address, int length) where T : unmanaged => new((void*)address, length);

    /// <summary>The used buckets, ascending (row order).</summary>
    private int[] Buckets
    {
        get
        {
            if (_buckets is { } buckets) return buckets;
            buckets = new int[_rows];
            var rowOf = RowOf;
            for (var b = 0; b < rowOf.Length; b++)
            {
                if (rowOf[b] != 0) buckets[rowOf[b] - 1] = b;
            }

            GC.KeepAlive(_owner);
            return _buckets = buckets;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Score(ReadOnlySpan<int> buckets, Span<float> scores)
    {
        var rowOf = RowOf;
        var starts = Starts;
        var cls = Cls;
        var w = W;
        foreach (var b in buckets)
        {
            var r = rowOf[b];
            if (r == 0) continue;
            for (int e = starts[r - 1], end = starts[r]; e < end; e++) scores[cls[e]] += w[e];
        }

        GC.KeepAlive(_owner); // the mapped blocks stay mapped until the last read
    }

    public void Write(BinaryWriter writer)
    {
        var starts = Starts;
        writer.Write(Bits);
        writer.Write(Classes);
        writer.Write(_rows);
        writer.Write(WeightCount);
        var previous = 0;
        foreach (var b in Buckets)
        {
            writer.Write7BitEncodedInt(b - previous);
            previous = b;
        }

        for (var r = 0; r < _rows; r++) writer.Write7BitEncodedInt(starts[r + 1] - starts[r]);
        writer.Write(Cls);
        foreach (var v in W) writer.Write((Half)v);
        GC.KeepAlive(_owner);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static NerLinearModel Read(BinaryReader reader)
    {
        var bits = reader.ReadInt32();
        var classes = reader.ReadInt32();
        var rows = reader.ReadInt32();
        var weights = reader.ReadInt32();
        if (bits is < 8 or > 26 || classes is <= 0 or > 255 || rows < 0 || rows > 1 << bits || weights < 0 || weights > (long)rows * classes)
        {
            throw new InvalidDataException("bad linear model header");
        }

        var buckets = new int[rows];
        var previous = 0;
        for (var r = 0; r < rows; r++)
        {
            previous += reader.Read7BitEncodedInt();
            buckets[r] = previous;
        }

        var starts = new int[rows + 1];
        for (var r = 0; r < rows; r++) starts[r + 1] = starts[r] + reader.Read7BitEncodedInt();
        var cls = reader.ReadBytes(weights);
        if (cls.Length != weights) throw new EndOfStreamException();
        var w = new float[weights];
        for (var i = 0; i < weights; i++) w[i] = (float)reader.ReadHalf();
        return new NerLinearModel(bits, classes, buckets, starts, cls, w);
    }

    /// <summary>
    /// Writes the sizes to <paramref name="header"/> and the bucket index, row starts, classes and weights (floats) as
    /// four blocks, as <see cref="ReadLayout"/> scores from them (<see cref="ModelCache.TryWrite"/>).
    /// </summary>
    public void WriteLayout(BinaryWriter header, Action<ReadOnlySpan<byte>> block)
    {
        header.Write(Bits);
        header.Write(Classes);
        header.Write(_rows);
        header.Write(WeightCount);
        block(MemoryMarshal.AsBytes(RowOf));
        block(MemoryMarshal.AsBytes(Starts));
        block(Cls);
        block(MemoryMarshal.AsBytes(W));
        GC.KeepAlive(_owner);
    }

    /// <summary>
    /// The model <see cref="WriteLayout"/> wrote, scored in place from <paramref name="file"/>'s blocks (kept mapped by its
    /// owner), after checks that every read stays inside them: buckets point at existing rows, rows ascend to the number of
    /// weights, classes are below <see cref="Classes"/>.
    /// </summary>
    /// <exception cref="InvalidDataException">A size or an index is out of range.</exception>
    public static NerLinearModel ReadLayout(BinaryReader header, ModelCacheFile file)
    {
        var bits = header.ReadInt32();
        var classes = header.ReadInt32();
        var rows = header.ReadInt32();
        var weights = header.ReadInt32();
        if (bits is < 8 or > 26 || classes is <= 0 or > 255 || rows < 0 || rows > 1 << bits || weights < 0 || weights > (long)rows * classes)
        {
            throw new InvalidDataException("bad cached linear model sizes");
        }

        if (!BitConverter.IsLittleEndian) throw new InvalidDataException("the cached layout is little-endian");
        var rowOfAt = file.Block(4L << bits);
        var startsAt = file.Block(4L * (rows + 1));
        var clsAt = file.Block(weights);
        var wAt = file.Block(4L * weights);
        if (Mapped<int>(rowOfAt, 1 << bits).IndexOfAnyExceptInRange(0, rows) >= 0) throw new InvalidDataException("a bucket points past the rows");
        var starts = Mapped<int>(startsAt, rows + 1);
        if (starts[0] != 0 || starts[rows] != weights) throw new InvalidDataException("the rows do not add up");
        for (var r = 0; r < rows; r++)
        {
            if (starts[r + 1] < starts[r]) throw new InvalidDataException("the rows do not ascend");
        }

        if (Mapped<byte>(clsAt, weights).IndexOfAnyExceptInRange((byte)0, (byte)(classes - 1)) >= 0) throw new InvalidDataException("class index out of range");
        return new NerLinearModel(bits, classes, rows, weights, rowOfAt, startsAt, clsAt, wAt, file.Owner);
    }

    /// <summary>Rounds weights through half precision, as a saved and reloaded model has them.</summary>
    public NerLinearModel Quantised()
    {
        var source = W;
        var w = new float[source.Length];
        for (var i = 0; i < w.Length; i++) w[i] = (float)(Half)source[i];
        return new NerLinearModel(Bits, Classes, Buckets, Starts.ToArray(), Cls.ToArray(), w);
    }

    public bool SameAs(NerLinearModel other) =>
        Bits == other.Bits && Classes == other.Classes && Buckets.AsSpan().SequenceEqual(other.Buckets)
        && Starts.SequenceEqual(other.Starts) && Cls.SequenceEqual(other.Cls) && W.SequenceEqual(other.W);
}
