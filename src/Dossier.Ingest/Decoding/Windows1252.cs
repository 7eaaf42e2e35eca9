namespace Dossier.Ingest.Decoding;

/// <summary>
/// Windows-1252 without a code-page provider: Latin-1, except the 0x80–0x9F block, which holds
/// curly quotes, dashes, the euro sign and a few letters. Five bytes of that block are undefined.
/// </summary>
internal static class Windows1252
{
    private const char Undefined = '\uFFFF';

    private static readonly char[] HighControlBlock =
    [
        '\u20AC', Undefined, '\u201A', '\u0192', '\u201E', '\u2026', '\u2020', '\u2021', // 80-87
        '\u02C6', '\u2030', '\u0160', '\u2039', '\u0152', Undefined, '\u017D', Undefined, // 88-8F
        Undefined, '\u2018', '\u2019', '\u201C', '\u201D', '\u2022', '\u2013', '\u2014', // 90-97
        '\u02DC', '\u2122', '\u0161', '\u203A', '\u0153', Undefined, '\u017E', '\u0178', // 98-9F
    ];

    /// <summary>False when the bytes hold one that Windows-1252 leaves undefined (0x81, 0x8D, 0x8F, 0x90, 0x9D).</summary>
    public static bool IsPlausible(ReadOnlySpan<byte> bytes)
    {
        foreach (var b in bytes)
        {
            if (b is >= 0x80 and <= 0x9F && HighControlBlock[b - 0x80] == Undefined)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The character of one byte; undefined bytes give U+FFFD.</summary>
    public static char ToChar(byte b) => b switch
    {
        < 0x80 or > 0x9F => (char)b,
        _ => HighControlBlock[b - 0x80] == Undefined ? '\uFFFD' : HighControlBlock[b - 0x80],
    };

    public static string GetString(ReadOnlySpan<byte> bytes)
    {
        var chars = new char[bytes.Length];
        for (var i = 0; i < bytes.Length; i++)
        {
            chars[i] = ToChar(bytes[i]);
        }

        return new string(chars);
    }
}
