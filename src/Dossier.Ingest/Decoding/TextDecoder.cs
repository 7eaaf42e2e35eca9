using System.Text;
using Dossier.Core.Errors;

namespace Dossier.Ingest.Decoding;

/// <summary>
/// Turns a file's bytes into text: UTF-8 (with or without BOM), UTF-16 LE/BE with BOM, and
/// Windows-1252 when the bytes are not UTF-8. Refuses binary files, empty files and bytes
/// that are no plausible text in any of these encodings. The BOM is dropped; nothing else changes,
/// except that bytes which are mostly UTF-8 (<see cref="IsMostlyUtf8"/>) are decoded as UTF-8 with
/// U+FFFD for each invalid sequence, and the result carries a warning saying how many.
/// </summary>
internal static class TextDecoder
{
    /// <summary>How many leading bytes are examined for signs of a binary file.</summary>
    public const int SniffLength = 8192;

    /// <summary>Invalid UTF-8 sequences may be at most one in this many bytes for the bytes to count as mostly UTF-8.</summary>
    public const int MaxInvalidUtf8Share = 100;

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
    private static readonly UTF8Encoding LenientUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: false);
    private static readonly UnicodeEncoding StrictUtf16Le = new(bigEndian: false, byteOrderMark: false, throwOnInvalidBytes: true);
    private static readonly UnicodeEncoding StrictUtf16Be = new(bigEndian: true, byteOrderMark: false, throwOnInvalidBytes: true);

    public static DecodedText Decode(ReadOnlySpan<byte> bytes)
    {
        if (bytes.IsEmpty)
        {
            return DecodedText.Fail(DossierErrors.Empty);
        }

        string? text;
        string? warning = null;
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            text = TryDecode(StrictUtf8, bytes[3..]);
            if (text is null && IsMostlyUtf8(bytes[3..], mustOutweigh1252: false, out var invalid))
            {
                text = LenientUtf8.GetString(bytes[3..]);
                warning = DossierErrors.InvalidUtf8Replaced(invalid);
            }
        }
        else if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]))
        {
            text = TryDecode(StrictUtf16Le, bytes[2..]);
        }
        else if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            text = TryDecode(StrictUtf16Be, bytes[2..]);
        }
        else
        {
            if (LooksBinary(bytes))
            {
                return DecodedText.Fail(DossierErrors.Binary);
            }

            text = TryDecode(StrictUtf8, bytes);
            if (text is null)
            {
                var plausible1252 = Windows1252.IsPlausible(bytes);
                if (IsMostlyUtf8(bytes, mustOutweigh1252: plausible1252, out var invalid))
                {
                    text = LenientUtf8.GetString(bytes);
                    warning = DossierErrors.InvalidUtf8Replaced(invalid);
                }
                else if (plausible1252)
                {
                    text = Windows1252.GetString(bytes);
                }
            }
        }

        if (text is null)
        {
            return DecodedText.Fail(DossierErrors.InvalidEncoding);
        }

        if (string.IsNullOrWhiteSpace(text))
        {
            return DecodedText.Fail(DossierErrors.Empty);
        }

        if (LooksBinary(text))
        {
            return DecodedText.Fail(DossierErrors.Binary);
        }

        return DecodedText.Ok(text, warning);
    }

    /// <summary>
    /// Whether bytes that are not valid UTF-8 are still UTF-8 with a few stray bytes: the invalid sequences are at
    /// most one in <see cref="MaxInvalidUtf8Share"/> bytes (at least one is allowed), and, when the bytes would also
    /// read as Windows-1252 (<paramref name="mustOutweigh1252"/>), valid multi-byte UTF-8 sequences are at least as
    /// many as invalid ones, so one accented letter in a Windows-1252 file is still read as Windows-1252.
    /// </summary>
    /// <param name="invalid">How many invalid sequences there are (each becomes one U+FFFD).</param>
    public static bool IsMostlyUtf8(ReadOnlySpan<byte> bytes, bool mustOutweigh1252, out int invalid)
    {
        invalid = 0;
        var multiByte = 0;
        var rest = bytes;
        while (!rest.IsEmpty)
        {
            var ascii = rest.IndexOfAnyInRange((byte)0x80, (byte)0xFF);
            if (ascii < 0)
            {
                break;
            }

            rest = rest[ascii..];
            if (System.Text.Rune.DecodeFromUtf8(rest, out _, out var consumed) == System.Buffers.OperationStatus.Done)
            {
                multiByte++;
            }
            else
            {
                invalid++;
            }

            rest = rest[Math.Max(1, consumed)..];
        }

        var fewInvalid = invalid <= Math.Max(1, bytes.Length / MaxInvalidUtf8Share);
        return invalid > 0 && fewInvalid && (!mustOutweigh1252 || multiByte >= invalid);
    }

    /// <summary>A NUL byte, or more than one byte in ten a control character, in the first 8 KB.</summary>
    public static bool LooksBinary(ReadOnlySpan<byte> bytes)
    {
        var sample = bytes.Length > SniffLength ? bytes[..SniffLength] : bytes;
        if (sample.Contains((byte)0))
        {
            return true;
        }

        var controls = 0;
        foreach (var b in sample)
        {
            if (IsBinaryControl(b))
            {
                controls++;
            }
        }

        return controls * 10 > sample.Length;
    }

    /// <summary>The same test on decoded text (for UTF-16, where the bytes say little).</summary>
    private static bool LooksBinary(string text)
    {
        var sample = text.AsSpan(0, Math.Min(text.Length, SniffLength));
        var controls = 0;
        foreach (var c in sample)
        {
            if (c == '\0')
            {
                return true;
            }

            if (c < 0x80 && IsBinaryControl((byte)c))
            {
                controls++;
            }
        }

        return controls * 10 > sample.Length;
    }

    private static bool IsBinaryControl(byte b) =>
        b is < 0x20 and not ((byte)'\t' or (byte)'\n' or (byte)'\r' or 0x0B or 0x0C or 0x1B) || b == 0x7F;

    private static string? TryDecode(Encoding encoding, ReadOnlySpan<byte> bytes)
    {
        try
        {
            return encoding.GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            return null;
        }
        catch (ArgumentException)
        {
            return null;
        }
    }
}
