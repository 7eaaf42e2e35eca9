using System.Runtime.CompilerServices;

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
/// </summary>
internal sealed class NerLinearModel : INerScorer
{
    private readonly int[] _rowOf; // bucket -> row + 1, 0 when unused
    private readonly int[] _buckets;
    private readonly int[] _starts;
    private readonly byte[] _cls;
    private readonly float[] _w;

    public NerLinearModel(int bits, int classes, int[] buckets, int[] starts, byte[] cls, float[] weights)
    {
        if (bits is < 8 or > 26) throw new InvalidDataException("bad hash size");
        if (classes is <= 0 or > 255) throw new InvalidDataException("bad class count");
        if (starts.Length != buckets.Length + 1 || starts[^1] != cls.Length || cls.Length != weights.Length) throw new InvalidDataException("rows do not add up");
        Bits = bits;
        Classes = classes;
        _buckets = buckets;
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

    public int Bits { get; }

    public int Classes { get; }

    public int FeatureCount => _buckets.Length;

    public int WeightCount => _w.Length;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Score(ReadOnlySpan<int> buckets, Span<float> scores)
    {
        var rowOf = _rowOf;
        var starts = _starts;
        var cls = _cls;
        var w = _w;
        foreach (var b in buckets)
        {
            var r = rowOf[b];
            if (r == 0) continue;
            for (int e = starts[r - 1], end = starts[r]; e < end; e++) scores[cls[e]] += w[e];
        }
    }

    public void Write(BinaryWriter writer)
    {
        writer.Write(Bits);
        writer.Write(Classes);
        writer.Write(_buckets.Length);
        writer.Write(_w.Length);
        var previous = 0;
        foreach (var b in _buckets)
        {
            writer.Write7BitEncodedInt(b - previous);
            previous = b;
        }

        for (var r = 0; r < _buckets.Length; r++) writer.Write7BitEncodedInt(_starts[r + 1] - _starts[r]);
        writer.Write(_cls);
        foreach (var v in _w) writer.Write((Half)v);
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

    /// <summary>Rounds weights through half precision, as a saved and reloaded model has them.</summary>
    public NerLinearModel Quantised()
    {
        var w = new float[_w.Length];
        for (var i = 0; i < w.Length; i++) w[i] = (float)(Half)_w[i];
        return new NerLinearModel(Bits, Classes, _buckets, _starts, _cls, w);
    }

    public bool SameAs(NerLinearModel other) =>
        Bits == other.Bits && Classes == other.Classes && _buckets.AsSpan().SequenceEqual(other._buckets)
        && _starts.AsSpan().SequenceEqual(other._starts) && _cls.AsSpan().SequenceEqual(other._cls) && _w.AsSpan().SequenceEqual(other._w);
}
