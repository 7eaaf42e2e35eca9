using Dossier.Nlp.Syntax;

namespace Dossier.Nlp.Tests.Syntax;

/// <summary>
/// <see cref="LinearModel"/> lays its rows out for speed at load time (hash table, packed entries,
/// dense rows); its scores must stay bit-identical to a plain loop over the (class, weight) pairs.
/// </summary>
public sealed class LinearModelTests
{
    private sealed record Reference(int Classes, uint[] Keys, int[] Starts, ushort[] Cls, float[] Weights)
    {
        public float[] Score(ReadOnlySpan<ulong> features)
        {
            var rows = new Dictionary<uint, int>();
            for (var r = 0; r < Keys.Length; r++) rows[Keys[r]] = r;
            var scores = new float[Classes];
            foreach (var f in features)
            {
                if (!rows.TryGetValue(LinearModel.Key(f == 0 ? 1 : f), out var r)) continue;
                for (var e = Starts[r]; e < Starts[r + 1]; e++) scores[Cls[e]] += Weights[e];
            }

            return scores;
        }

        public LinearModel Model() => new(Classes, Keys, Starts, Cls, Weights);
    }

    private static Reference RandomModel(int seed, int classes, int rows, bool halves)
    {
        var rng = new Random(seed);
        var keys = new SortedSet<uint>();
        while (keys.Count < rows) keys.Add((uint)rng.Next(1, int.MaxValue) * 2u + (uint)rng.Next(2));
        var starts = new List<int> { 0 };
        var cls = new List<ushort>();
        var weights = new List<float>();
        foreach (var _ in keys)
        {
            // Mostly short rows, some long enough to be stored dense.
            var length = rng.Next(4) == 0 ? rng.Next(1, classes + 1) : rng.Next(1, Math.Min(classes, 4) + 1);
            foreach (var c in Enumerable.Range(0, classes).OrderBy(_ => rng.Next()).Take(length).Order())
            {
                var w = (float)(rng.NextDouble() * 8 - 4);
                cls.Add((ushort)c);
                weights.Add(halves ? (float)(Half)w : w);
            }

            starts.Add(cls.Count);
        }

        return new Reference(classes, keys.ToArray(), starts.ToArray(), cls.ToArray(), weights.ToArray());
    }

    private static ulong[] RandomFeatures(Random rng, Reference model, int count) =>
        Enumerable.Range(0, count).Select(_ => rng.Next(3) switch
        {
            0 => (ulong)model.Keys[rng.Next(model.Keys.Length)],                  // present (high half zero)
            1 => ((ulong)(uint)rng.Next() << 32) ^ model.Keys[rng.Next(model.Keys.Length)] ^ (uint)rng.Next(), // almost surely absent
            _ => (ulong)rng.NextInt64(),
        }).ToArray();

    [Theory]
    [InlineData(1, 109, 5000, true)]
    [InlineData(2, 103, 20000, true)]
    [InlineData(3, 3, 50, true)]
    [InlineData(4, 17, 3000, false)] // weights not exact halves: the unpacked layout
    [InlineData(5, 300, 2000, true)]
    public void Score_RandomModelsAndFeatures_BitIdenticalToPlainLoop(int seed, int classes, int rows, bool halves)
    {
        var reference = RandomModel(seed, classes, rows, halves);
        var model = reference.Model();
        var rng = new Random(seed * 7919);
        for (var trial = 0; trial < 200; trial++)
        {
            var features = RandomFeatures(rng, reference, rng.Next(0, 120));
            var expected = reference.Score(features);

            var exact = new float[classes];
            model.Score(features, exact);
            var padded = new float[model.Stride];
            model.Score(features, padded);
            for (var c = 0; c < classes; c++)
            {
                Assert.Equal(BitConverter.SingleToInt32Bits(expected[c]), BitConverter.SingleToInt32Bits(exact[c]));
                Assert.Equal(BitConverter.SingleToInt32Bits(expected[c]), BitConverter.SingleToInt32Bits(padded[c]));
            }
        }
    }

    [Fact]
    public void Score_MissingKeysAndZeroFeature_AddNothingExceptKeyOne()
    {
        var model = new LinearModel(4, [1u, 7u], [0, 1, 3], [2, 0, 3], [0.5f, 1.5f, -2f]);
        var scores = new float[4];
        model.Score([0UL, 2UL, 3UL, 5UL, 0x0000_0001_0000_0006UL], scores); // 0 → key 1; 2, 3, 5 absent; key 6 ^ 1 = 7
        Assert.Equal([1.5f, 0f, 0.5f, -2f], scores);
        Assert.Throws<ArgumentException>(() => model.Score([1UL], new float[3]));
    }

    [Fact]
    public void Constructor_DuplicateOrZeroKey_Throws()
    {
        Assert.Throws<InvalidDataException>(() => new LinearModel(2, [5u, 5u], [0, 1, 2], [0, 1], [1f, 1f]));
        Assert.Throws<InvalidDataException>(() => new LinearModel(2, [0u], [0, 1], [0], [1f]));
        Assert.Throws<InvalidDataException>(() => new LinearModel(2, [3u], [0, 1], [2], [1f]));
    }

    [Fact]
    public void WriteRead_RoundTrip_SameModelAndScores()
    {
        var reference = RandomModel(11, 51, 4000, halves: true);
        var model = reference.Model();
        using var stream = new MemoryStream();
        using (var writer = new BinaryWriter(stream, System.Text.Encoding.UTF8, leaveOpen: true)) model.Write(writer);
        stream.Position = 0;
        using var reader = new BinaryReader(stream);
        var loaded = LinearModel.Read(reader);
        Assert.True(loaded.SameAs(model));
        var features = RandomFeatures(new Random(3), reference, 500);
        var a = new float[model.Stride];
        var b = new float[loaded.Stride];
        model.Score(features, a);
        loaded.Score(features, b);
        Assert.Equal(a, b);
    }

    [Fact]
    public void Read_ModelsBackToBack_EachWholeAndTheStreamRightAfterIt()
    {
        // The reader decodes through a buffer of its own: it must not take bytes that belong to what follows a model.
        var small = RandomModel(5, 7, 30, halves: true).Model();
        var wide = RandomModel(6, 300, 2000, halves: true).Model(); // class indices of two bytes
        using var stream = new MemoryStream();
        using (var writer = new BinaryWriter(stream, System.Text.Encoding.UTF8, leaveOpen: true))
        {
            small.Write(writer);
            wide.Write(writer);
            small.Write(writer);
            writer.Write(0x5EED);
        }

        stream.Position = 0;
        using var reader = new BinaryReader(stream);
        Assert.True(LinearModel.Read(reader).SameAs(small));
        Assert.True(LinearModel.Read(reader).SameAs(wide));
        Assert.True(LinearModel.Read(reader).SameAs(small));
        Assert.Equal(0x5EED, reader.ReadInt32());
    }

    [Fact]
    public void Read_Truncated_ThrowsEndOfStream()
    {
        var model = RandomModel(8, 20, 500, halves: true).Model();
        using var whole = new MemoryStream();
        using (var writer = new BinaryWriter(whole, System.Text.Encoding.UTF8, leaveOpen: true)) model.Write(writer);
        using var reader = new BinaryReader(new MemoryStream(whole.ToArray()[..^10]));
        Assert.Throws<EndOfStreamException>(() => LinearModel.Read(reader));
    }

    /// <summary>The rows of a model as its file stores them (the format <see cref="LinearModel.Write"/> documents by code).</summary>
    private static Reference Rows(LinearModel model)
    {
        using var stream = new MemoryStream();
        using (var writer = new BinaryWriter(stream, System.Text.Encoding.UTF8, leaveOpen: true)) model.Write(writer);
        stream.Position = 0;
        using var reader = new BinaryReader(stream);
        var classes = reader.ReadInt32();
        var rows = reader.ReadInt32();
        var weights = reader.ReadInt32();
        var keys = new uint[rows];
        var previous = 0u;
        for (var r = 0; r < rows; r++) keys[r] = previous += (uint)reader.Read7BitEncodedInt();
        var starts = new int[rows + 1];
        for (var r = 0; r < rows; r++) starts[r + 1] = starts[r] + reader.Read7BitEncodedInt();
        var cls = new ushort[weights];
        for (var i = 0; i < weights; i++) cls[i] = classes > 256 ? reader.ReadUInt16() : reader.ReadByte();
        var w = new float[weights];
        for (var i = 0; i < weights; i++) w[i] = (float)reader.ReadHalf();
        return new Reference(classes, keys, starts, cls, w);
    }

    [SkippableFact]
    public void Score_ShippedModels_BitIdenticalToPlainLoop()
    {
        var models = Path.Combine(Dossier.Testing.SharedData.RepositoryRoot, "models");
        Skip.IfNot(File.Exists(Path.Combine(models, SyntaxModel.ParserFileName)), "models/ has no syntax models yet");
        var model = SyntaxModel.Load(models);
        var rng = new Random(17);
        foreach (var linear in new[] { model.Tagger.Model, model.Tagger.First?.Model ?? model.Tagger.Model, model.Parser.Model })
        {
            var reference = Rows(linear);
            for (var trial = 0; trial < 300; trial++)
            {
                var features = RandomFeatures(rng, reference, rng.Next(1, 100));
                var expected = reference.Score(features);
                var actual = new float[linear.Stride];
                linear.Score(features, actual);
                for (var c = 0; c < linear.Classes; c++)
                {
                    Assert.Equal(BitConverter.SingleToInt32Bits(expected[c]), BitConverter.SingleToInt32Bits(actual[c]));
                }
            }
        }
    }
}
