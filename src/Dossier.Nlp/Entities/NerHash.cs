using System.Numerics;
using System.Runtime.CompilerServices;

namespace Dossier.Nlp.Entities;

/// <summary>
/// Stable 64-bit hashing of strings and feature tuples (never <see cref="string.GetHashCode()"/>,
/// which is randomised per process): model files store features by these hashes.
/// </summary>
internal static class NerHash
{
    private const ulong FnvOffset = 14695981039346656037UL;
    private const ulong FnvPrime = 1099511628211UL;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Fmix(ulong h)
    {
        h ^= h >> 33;
        h *= 0xFF51AFD7ED558CCDUL;
        h ^= h >> 33;
        h *= 0xC4CEB9FE1A85EC53UL;
        h ^= h >> 33;
        return h;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Mix(ulong h, ulong v) => BitOperations.RotateLeft(h ^ (v * 0x9E3779B97F4A7C15UL), 29) * 0xBF58476D1CE4E5B9UL + 0x94D049BB133111EBUL;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong F(int template, ulong a) => Fmix(Mix((ulong)template * 0xD6E8FEB86659FD93UL + 1, a));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong F(int template, ulong a, ulong b) => Fmix(Mix(Mix((ulong)template * 0xD6E8FEB86659FD93UL + 1, a), b));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong F(int template, ulong a, ulong b, ulong c) => Fmix(Mix(Mix(Mix((ulong)template * 0xD6E8FEB86659FD93UL + 1, a), b), c));

    /// <summary>FNV-1a over the characters, finalised.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static ulong Chars(ReadOnlySpan<char> s)
    {
        var h = FnvOffset;
        foreach (var c in s) h = (h ^ c) * FnvPrime;
        return Fmix(h ^ (ulong)s.Length);
    }

    /// <summary>FNV-1a over the lower-cased characters with every digit read as 0, finalised.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static ulong Lower(ReadOnlySpan<char> s)
    {
        var h = FnvOffset;
        foreach (var c in s) h = (h ^ Fold(c)) * FnvPrime;
        return Fmix(h ^ (ulong)s.Length);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static char Fold(char c) => c switch
    {
        >= '0' and <= '9' => '0',
        '\u2019' or '\u2018' or '`' => '\'',
        '\u201C' or '\u201D' => '"',
        '\u2013' or '\u2014' => '-',
        _ => char.ToLowerInvariant(c),
    };
}

/// <summary>SplitMix64: a tiny deterministic generator, identical on every runtime version.</summary>
internal sealed class NerRandom(ulong seed)
{
    private ulong _state = seed;

    public ulong Next()
    {
        var z = _state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    public int NextInt(int n) => (int)(Next() % (ulong)n);

    public void Shuffle<T>(T[] items)
    {
        for (var i = items.Length - 1; i > 0; i--)
        {
            var j = NextInt(i + 1);
            (items[i], items[j]) = (items[j], items[i]);
        }
    }
}
