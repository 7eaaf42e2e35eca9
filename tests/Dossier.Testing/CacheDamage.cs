namespace Dossier.Testing;

/// <summary>Damages a model cache file the three ways the cache tests check a load refuses: cut in half, one byte flipped
/// in the middle, or emptied.</summary>
public static class CacheDamage
{
    /// <summary>The kinds of damage, for <c>[InlineData]</c>: <c>truncated</c>, <c>flipped byte</c>, <c>empty</c>.</summary>
    public const string Truncated = "truncated", FlippedByte = "flipped byte", Empty = "empty";

    /// <summary>Rewrites <paramref name="path"/> with <paramref name="damage"/> and returns its bytes as they were.</summary>
    public static byte[] Apply(string path, string damage)
    {
        var good = File.ReadAllBytes(path);
        var bad = damage switch
        {
            Truncated => good[..(good.Length / 2)],
            Empty => [],
            FlippedByte => (byte[])good.Clone(),
            _ => throw new ArgumentOutOfRangeException(nameof(damage), damage, "no such damage"),
        };
        if (damage == FlippedByte) bad[bad.Length / 2] ^= 0x04;
        File.WriteAllBytes(path, bad);
        return good;
    }
}
