using System.Buffers.Binary;
using System.Numerics;
using System.Text;

namespace Dossier.Analytics;

/// <summary>
/// ClickHouse's <c>cityHash64</c>: CityHash64 version 1.0.2 (the version ClickHouse ships, not Google's later ones) for
/// strings, and ClickHouse's integer hash for unsigned integers (as it hashes a number column). With it the client puts
/// each row on the shard a <c>Distributed(…, cityHash64(key))</c> table would choose, and inserts into that shard's local
/// table itself.
/// </summary>
public static class CityHash
{
    private const ulong K0 = 0xc3a5c85c97cb3127UL;
    private const ulong K1 = 0xb492b66fbe98f273UL;
    private const ulong K2 = 0x9ae16a3b2f90404fUL;
    private const ulong K3 = 0xc949d7c7509e6557UL;

    /// <summary><c>cityHash64(s)</c> of a string column: the hash of its UTF-8 bytes.</summary>
    public static ulong Hash64(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var length = Encoding.UTF8.GetByteCount(value);
        if (length <= 256)
        {
            Span<byte> bytes = stackalloc byte[length];
            Encoding.UTF8.GetBytes(value, bytes);
            return Hash64(bytes);
        }

        return Hash64(Encoding.UTF8.GetBytes(value));
    }

    /// <summary><c>cityHash64(n)</c> of a UInt64 column (ClickHouse applies its <c>IntHash64Impl</c> to numbers: the
    /// murmur finaliser of the value xor a constant).</summary>
    public static ulong Hash64(ulong value)
    {
        value ^= 0x4CF2D2BAAE6DA887UL;
        value ^= value >> 33;
        value *= 0xff51afd7ed558ccdUL;
        value ^= value >> 33;
        value *= 0xc4ceb9fe1a85ec53UL;
        value ^= value >> 33;
        return value;
    }

    /// <summary><c>cityHash64(v)</c> of a column value as the loader holds it: a string or an unsigned number.</summary>
    public static ulong Of(object value) => value switch
    {
        string text => Hash64(text),
        ulong number => Hash64(number),
        uint number => Hash64(number),
        ushort number => Hash64(number),
        byte number => Hash64(number),
        _ => throw new ArgumentException($"No cityHash64 for a {value?.GetType().Name ?? "null"} shard key.", nameof(value)),
    };

    /// <summary>CityHash64 1.0.2 of bytes.</summary>
    public static ulong Hash64(ReadOnlySpan<byte> s)
    {
        var len = s.Length;
        if (len <= 32)
        {
            return len <= 16 ? HashLen0To16(s) : HashLen17To32(s);
        }

        if (len <= 64)
        {
            return HashLen33To64(s);
        }

        var x = Fetch64(s, 0);
        var y = Fetch64(s, len - 16) ^ K1;
        var z = Fetch64(s, len - 56) ^ K0;
        var v = WeakHashLen32WithSeeds(s, len - 64, (ulong)len, y);
        var w = WeakHashLen32WithSeeds(s, len - 32, (ulong)len * K1, K0);
        z += ShiftMix(v.Second) * K1;
        x = Rotate(z + x, 39) * K1;
        y = Rotate(y, 33) * K1;
        var left = (len - 1) & ~63;
        var at = 0;
        do
        {
            x = Rotate(x + y + v.First + Fetch64(s, at + 16), 37) * K1;
            y = Rotate(y + v.Second + Fetch64(s, at + 48), 42) * K1;
            x ^= w.Second;
            y ^= v.First;
            z = Rotate(z ^ w.First, 33);
            v = WeakHashLen32WithSeeds(s, at, v.Second * K1, x + w.First);
            w = WeakHashLen32WithSeeds(s, at + 32, z + w.Second, y);
            (z, x) = (x, z);
            at += 64;
            left -= 64;
        }
        while (left != 0);

        return HashLen16(HashLen16(v.First, w.First) + (ShiftMix(y) * K1) + z, HashLen16(v.Second, w.Second) + x);
    }

    private static ulong Fetch64(ReadOnlySpan<byte> s, int at) => BinaryPrimitives.ReadUInt64LittleEndian(s[at..]);

    private static ulong Fetch32(ReadOnlySpan<byte> s, int at) => BinaryPrimitives.ReadUInt32LittleEndian(s[at..]);

    private static ulong Rotate(ulong value, int shift) => shift == 0 ? value : BitOperations.RotateRight(value, shift);

    private static ulong ShiftMix(ulong value) => value ^ (value >> 47);

    private static ulong HashLen16(ulong u, ulong v)
    {
        const ulong mul = 0x9ddfea08eb382d69UL;
        var a = (u ^ v) * mul;
        a ^= a >> 47;
        var b = (v ^ a) * mul;
        b ^= b >> 47;
        return b * mul;
    }

    private static ulong HashLen0To16(ReadOnlySpan<byte> s)
    {
        var len = s.Length;
        if (len > 8)
        {
            var a = Fetch64(s, 0);
            var b = Fetch64(s, len - 8);
            return HashLen16(a, BitOperations.RotateRight(b + (ulong)len, len)) ^ b;
        }

        if (len >= 4)
        {
            var a = Fetch32(s, 0);
            return HashLen16((ulong)len + (a << 3), Fetch32(s, len - 4));
        }

        if (len > 0)
        {
            uint a = s[0], b = s[len >> 1], c = s[len - 1];
            var y = a + (b << 8);
            var z = (uint)len + (c << 2);
            return ShiftMix(((ulong)y * K2) ^ ((ulong)z * K3)) * K2;
        }

        return K2;
    }

    private static ulong HashLen17To32(ReadOnlySpan<byte> s)
    {
        var len = s.Length;
        var a = Fetch64(s, 0) * K1;
        var b = Fetch64(s, 8);
        var c = Fetch64(s, len - 8) * K2;
        var d = Fetch64(s, len - 16) * K0;
        return HashLen16(Rotate(a - b, 43) + Rotate(c, 30) + d, a + Rotate(b ^ K3, 20) - c + (ulong)len);
    }

    private static ulong HashLen33To64(ReadOnlySpan<byte> s)
    {
        var len = s.Length;
        var z = Fetch64(s, 24);
        var a = Fetch64(s, 0) + (((ulong)len + Fetch64(s, len - 16)) * K0);
        var b = Rotate(a + z, 52);
        var c = Rotate(a, 37);
        a += Fetch64(s, 8);
        c += Rotate(a, 7);
        a += Fetch64(s, 16);
        var vf = a + z;
        var vs = b + Rotate(a, 31) + c;
        a = Fetch64(s, 16) + Fetch64(s, len - 32);
        z = Fetch64(s, len - 8);
        b = Rotate(a + z, 52);
        c = Rotate(a, 37);
        a += Fetch64(s, len - 24);
        c += Rotate(a, 7);
        a += Fetch64(s, len - 16);
        var wf = a + z;
        var ws = b + Rotate(a, 31) + c;
        var r = ShiftMix(((vf + ws) * K2) + ((wf + vs) * K0));
        return ShiftMix((r * K0) + vs) * K2;
    }

    private static (ulong First, ulong Second) WeakHashLen32WithSeeds(ReadOnlySpan<byte> s, int at, ulong a, ulong b)
    {
        var w = Fetch64(s, at);
        var x = Fetch64(s, at + 8);
        var y = Fetch64(s, at + 16);
        var z = Fetch64(s, at + 24);
        a += w;
        b = Rotate(b + a + z, 21);
        var c = a;
        a += x;
        a += y;
        b += Rotate(a, 44);
        return (a + z, b + c);
    }
}
