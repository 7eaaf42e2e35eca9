using Dossier.Nlp.Models;

namespace Dossier.Nlp.Tests.Models;

/// <summary>The hash table a cache file holds as it is (<see cref="UInt64Table"/>).</summary>
public sealed class UInt64TableTests
{
    private static Dictionary<ulong, int> Pairs()
    {
        var pairs = new Dictionary<ulong, int> { [0] = 7, [ulong.MaxValue] = -3, [1] = 1 };
        var random = new Random(20261207);
        while (pairs.Count < 1_000) pairs.TryAdd((ulong)random.NextInt64() * 3, random.Next(0, 100));
        return pairs;
    }

    private static void AssertSameLookups(Dictionary<ulong, int> expected, UInt64Table table)
    {
        Assert.Equal(expected.Count, table.Count);
        foreach (var (key, value) in expected)
        {
            Assert.True(table.TryGetValue(key, out var found));
            Assert.Equal(value, found);
        }

        for (ulong key = 2; key < 2_000; key += 3) Assert.Equal(expected.ContainsKey(key), table.ContainsKey(key)); // absent keys too
        Assert.Equal(expected.OrderBy(p => p.Key), table.Pairs().OrderBy(p => p.Key));
    }

    [Fact]
    public void Build_KeysWithZeroAndTheLargest_FindsEveryValueAndNoOtherKey()
    {
        var pairs = Pairs();
        AssertSameLookups(pairs, UInt64Table.Build(pairs));
        var empty = UInt64Table.Build([]);
        Assert.False(empty.TryGetValue(0, out _));
        Assert.False(empty.TryGetValue(5, out _));
    }

    [Fact]
    public void Build_KeyTwice_Throws()
    {
        Assert.Throws<ArgumentException>(() => UInt64Table.Build([new(5, 1), new(5, 2)]));
        Assert.Throws<ArgumentException>(() => UInt64Table.Build([new(0, 1), new(0, 1)]));
    }

    [Fact]
    public void Read_TableWrittenToACacheFile_LooksUpAsTheBuiltTable()
    {
        var folder = Path.Combine(Path.GetTempPath(), "dossier-table-" + Guid.NewGuid().ToString("N"));
        try
        {
            var pairs = Pairs();
            var built = UInt64Table.Build(pairs);
            var hash = new byte[32];
            var path = ModelCache.PathOf(folder, "table", 1, hash);
            Assert.True(ModelCache.TryWrite(path, "table", 1, hash, built.Write));
            using var file = ModelCache.TryOpen(path, "table", 1, hash);
            Assert.NotNull(file);
            using var header = file.Header();
            var read = UInt64Table.Read(header, file, -3, 99);
            Assert.True(file.AtEnd);
            AssertSameLookups(pairs, read);

            // A value outside the range the reader allows is refused.
            using var again = ModelCache.TryOpen(path, "table", 1, hash)!;
            using var header2 = again.Header();
            Assert.Throws<InvalidDataException>(() => UInt64Table.Read(header2, again, 0, 99));
        }
        finally
        {
            if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
        }
    }
}
