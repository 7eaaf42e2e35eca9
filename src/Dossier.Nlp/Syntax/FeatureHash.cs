using System.Numerics;
using System.Runtime.CompilerServices;

namespace Dossier.Nlp.Syntax;

/// <summary>
/// Stable 64-bit hashing of strings and feature tuples. Never uses <see cref="string.GetHashCode()"/>
/// (randomised per process): model files store features by these hashes.
/// </summary>
internal static class FeatureHash
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

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong F(int template, ulong a, ulong b, ulong c, ulong d) => Fmix(Mix(Mix(Mix(Mix((ulong)template * 0xD6E8FEB86659FD93UL + 1, a), b), c), d));

    /// <summary>FNV-1a over the characters, finalised.</summary>
    public static ulong Chars(ReadOnlySpan<char> s)
    {
        var h = FnvOffset;
        foreach (var c in s)
        {
            h = (h ^ c) * FnvPrime;
        }

        return Fmix(h ^ (ulong)s.Length);
    }

    /// <summary>FNV-1a over the lower-cased characters, finalised.</summary>
    public static ulong Lower(ReadOnlySpan<char> s)
    {
        var h = FnvOffset;
        foreach (var c in s)
        {
            h = (h ^ char.ToLowerInvariant(c)) * FnvPrime;
        }

        return Fmix(h ^ (ulong)s.Length);
    }

    public static ulong String(string s) => Chars(s.AsSpan());
}

/// <summary>SplitMix64: a tiny deterministic generator, identical on every runtime version.</summary>
internal sealed class SplitMix64(ulong seed)
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
    public int NextInt(int n) => (int)(Next() % (ulong)n);

    /// <summary>Uniform in [0, 1).</summary>
    public double NextDouble() => (Next() >> 11) * (1.0 / (1UL << 53));

    public void Shuffle<T>(T[] items)
    {
        for (var i = items.Length - 1; i > 0; i--)
        {
            var j = NextInt(i + 1);
            (items[i], items[j]) = (items[j], items[i]);
        }
    }
}

/// <summary>Hashes of one word's surface properties, computed once per token and shared by the tagger and parser.</summary>
internal struct WordInfo
{
    public ulong Form;
    public ulong Lower;
    public ulong Shape;
    public ulong Suffix1;
    public ulong Suffix2;
    public ulong Suffix3;
    public ulong Suffix4;
    public ulong Prefix1;
    public ulong Prefix2;
    public ulong Prefix3;
    public ulong Flags;

    public static WordInfo Compute(ReadOnlySpan<char> w)
    {
        var info = new WordInfo
        {
            Form = FeatureHash.Chars(w),
            Lower = FeatureHash.Lower(w),
            Suffix1 = FeatureHash.Lower(w[Math.Max(0, w.Length - 1)..]),
            Suffix2 = FeatureHash.Lower(w[Math.Max(0, w.Length - 2)..]),
            Suffix3 = FeatureHash.Lower(w[Math.Max(0, w.Length - 3)..]),
            Suffix4 = FeatureHash.Lower(w[Math.Max(0, w.Length - 4)..]),
            Prefix1 = FeatureHash.Chars(w[..Math.Min(1, w.Length)]),
            Prefix2 = FeatureHash.Lower(w[..Math.Min(2, w.Length)]),
            Prefix3 = FeatureHash.Lower(w[..Math.Min(3, w.Length)]),
        };

        // Shape: X upper, x lower, d digit, other characters as themselves; runs capped at 3.
        var h = 14695981039346656037UL;
        var previous = '\0';
        var run = 0;
        bool hasDigit = false, hasUpper = false, hasLower = false, hasHyphen = false, hasOther = false;
        foreach (var c in w)
        {
            char k;
            if (char.IsUpper(c)) { k = 'X'; hasUpper = true; }
            else if (char.IsLower(c)) { k = 'x'; hasLower = true; }
            else if (char.IsDigit(c)) { k = 'd'; hasDigit = true; }
            else if (char.IsLetter(c)) { k = 'x'; hasLower = true; }
            else
            {
                k = c;
                if (c == '-') hasHyphen = true; else hasOther = true;
            }

            run = k == previous ? run + 1 : 1;
            previous = k;
            if (run <= 3)
            {
                h = (h ^ k) * 1099511628211UL;
            }
        }

        info.Shape = FeatureHash.Fmix(h);
        var flags = 0UL;
        if (hasDigit) flags |= 1;
        if (hasUpper) flags |= 2;
        if (hasLower) flags |= 4;
        if (hasHyphen) flags |= 8;
        if (hasOther) flags |= 16;
        if (hasUpper && !hasLower) flags |= 32;
        if (w.Length > 0 && char.IsUpper(w[0])) flags |= 64;
        if (w.Contains("://", StringComparison.Ordinal) || w.StartsWith("www.", StringComparison.OrdinalIgnoreCase)) flags |= 128;
        if (w.Contains('@')) flags |= 256;
        flags |= (ulong)Math.Min(w.Length, 12) << 10;
        info.Flags = flags;
        return info;
    }
}
