using System.Runtime.CompilerServices;
using Dossier.Nlp.Models;

namespace Dossier.Nlp.Syntax;

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

    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // not precompiled: compiled at first use, fully optimised (docs/evaluation.md, branch speed13)
    public static WordInfo Compute(ReadOnlySpan<char> w)
    {
        // FeatureHash.Lower(x) is FeatureHash.Chars of x lower-cased character by character: the word is
        // lower-cased once (on the stack when short) and its affixes hashed as slices of that.
        Span<char> buffer = w.Length <= 256 ? stackalloc char[w.Length] : new char[w.Length];
        for (var i = 0; i < w.Length; i++) buffer[i] = char.ToLowerInvariant(w[i]);
        ReadOnlySpan<char> lower = buffer;
        var info = new WordInfo
        {
            Form = FeatureHash.Chars(w),
            Lower = FeatureHash.Chars(lower),
            Suffix1 = FeatureHash.Chars(lower[Math.Max(0, w.Length - 1)..]),
            Suffix2 = FeatureHash.Chars(lower[Math.Max(0, w.Length - 2)..]),
            Suffix3 = FeatureHash.Chars(lower[Math.Max(0, w.Length - 3)..]),
            Suffix4 = FeatureHash.Chars(lower[Math.Max(0, w.Length - 4)..]),
            Prefix1 = FeatureHash.Chars(w[..Math.Min(1, w.Length)]),
            Prefix2 = FeatureHash.Chars(lower[..Math.Min(2, w.Length)]),
            Prefix3 = FeatureHash.Chars(lower[..Math.Min(3, w.Length)]),
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
