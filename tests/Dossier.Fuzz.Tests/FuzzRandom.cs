namespace Dossier.Fuzz.Tests;

/// <summary>
/// A tiny seeded generator (SplitMix64), the same on every runtime version, so that a seed printed in a
/// failure message reproduces the same input anywhere.
/// </summary>
public sealed class FuzzRandom(ulong seed)
{
    private ulong _state = seed;

    public ulong Next()
    {
        var z = _state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>Uniform in [0, n).</summary>
    public int Int(int n) => (int)(Next() % (ulong)n);

    /// <summary>Uniform in [min, max].</summary>
    public int Between(int min, int max) => min + Int(max - min + 1);

    /// <summary>True with probability <paramref name="p"/>.</summary>
    public bool Chance(double p) => (Next() >> 11) * (1.0 / (1UL << 53)) < p;

    public T Pick<T>(IReadOnlyList<T> items) => items[Int(items.Count)];

    public byte[] Bytes(int count)
    {
        var bytes = new byte[count];
        for (var i = 0; i < count; i++)
        {
            bytes[i] = (byte)Next();
        }

        return bytes;
    }
}
