using System.Numerics;
using System.Runtime.CompilerServices;

namespace Dossier.Nlp.Models;

/// <summary>
/// Stable 64-bit hashing of strings and feature tuples, shared by every model of Dossier.Nlp. Never
/// uses <see cref="string.GetHashCode()"/> (randomised per process): model files store features by
/// these hashes, so changing any function here invalidates the shipped models.
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

    /// <summary>FNV-1a over the characters after <see cref="Fold"/> (lower case, digits as 0, curly quotes and dashes plain), finalised.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static ulong LowerFolded(ReadOnlySpan<char> s)
    {
        var h = FnvOffset;
        foreach (var c in s)
        {
            h = (h ^ Fold(c)) * FnvPrime;
        }

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
