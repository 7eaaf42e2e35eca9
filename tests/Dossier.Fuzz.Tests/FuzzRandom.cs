namespace Dossier.Fuzz.Tests;

/// <summary>
/// The project's seeded generator (<see cref="Nlp.Models.SplitMix64"/>), the same on every runtime version, so that a
/// seed printed in a failure message reproduces the same input anywhere; with the draws the generators need.
/// </summary>
internal sealed class FuzzRandom(ulong seed)
{
    private readonly Nlp.Models.SplitMix64 _random = new(seed);

    public ulong Next() => _random.Next();

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
