using System.Globalization;
using System.Runtime.CompilerServices;

namespace Dossier.Nlp.Tokenization;

/// <summary>
/// Character classification used by the tokenizer and the sentence splitter. ASCII is answered
/// from a table; other characters from their Unicode category. All methods are allocation-free.
/// </summary>
internal static class CharClass
{
    private const byte Word = 1;
    private const byte Space = 2;
    private const byte Upper = 4;
    private const byte Lower = 8;
    private const byte Digit = 16;

    private static readonly byte[] Ascii = BuildAscii();

    private static byte[] BuildAscii()
    {
        var table = new byte[128];
        for (var c = 0; c < 128; c++)
        {
            var ch = (char)c;
            if (char.IsWhiteSpace(ch)) table[c] |= Space;
            if (ch is >= 'a' and <= 'z') table[c] |= Word | Lower;
            if (ch is >= 'A' and <= 'Z') table[c] |= Word | Upper;
            if (ch is >= '0' and <= '9') table[c] |= Word | Digit;
            if (ch == '_') table[c] |= Word;
        }

        return table;
    }

    /// <summary>True for characters that separate tokens: Unicode white space and the zero-width space, word joiner and BOM.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsSpace(char c) => c < 128 ? (Ascii[c] & Space) != 0 : IsSpaceSlow(c);

    private static bool IsSpaceSlow(char c) => char.IsWhiteSpace(c) || c is '\u200B' or '\u2060' or '\uFEFF';

    /// <summary>True for letters, digits, combining marks, the underscore and the soft hyphen (BMP only; surrogates are not word characters).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsWord(char c) => c < 128 ? (Ascii[c] & Word) != 0 : IsWordSlow(c);

    private static bool IsWordSlow(char c)
    {
        if (char.IsSurrogate(c)) return false;
        switch (char.GetUnicodeCategory(c))
        {
            case UnicodeCategory.UppercaseLetter:
            case UnicodeCategory.LowercaseLetter:
            case UnicodeCategory.TitlecaseLetter:
            case UnicodeCategory.ModifierLetter:
            case UnicodeCategory.OtherLetter:
            case UnicodeCategory.DecimalDigitNumber:
            case UnicodeCategory.LetterNumber:
            case UnicodeCategory.OtherNumber:
            case UnicodeCategory.NonSpacingMark:
            case UnicodeCategory.SpacingCombiningMark:
            case UnicodeCategory.EnclosingMark:
            case UnicodeCategory.ConnectorPunctuation:
                return true;
            default:
                return c == '\u00AD';
        }
    }

    /// <summary>True for letters (any script, BMP).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsLetter(char c) => c < 128 ? (Ascii[c] & (Upper | Lower)) != 0 : !char.IsSurrogate(c) && char.IsLetter(c);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsDigit(char c) => c < 128 ? (Ascii[c] & Digit) != 0 : char.IsDigit(c);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsUpper(char c) => c < 128 ? (Ascii[c] & Upper) != 0 : char.IsUpper(c);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsLower(char c) => c < 128 ? (Ascii[c] & Lower) != 0 : char.IsLower(c);

    /// <summary>Apostrophes: the straight one and the right single quotation mark.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsApostrophe(char c) => c is '\'' or '\u2019';

    /// <summary>Marks that continue the preceding symbol: combining marks, variation selectors, keycap.</summary>
    public static bool IsContinuation(char c) =>
        c is '\uFE0F' or '\uFE0E' or '\u20E3'
        || (c >= 128 && !char.IsSurrogate(c) && char.GetUnicodeCategory(c) is UnicodeCategory.NonSpacingMark or UnicodeCategory.EnclosingMark or UnicodeCategory.SpacingCombiningMark);

    /// <summary>Characters that end a sentence when they stand as (or make up) a token.</summary>
    public static bool IsTerminal(char c) => c is '.' or '!' or '?' or '\u2026' or '\u203C' or '\u2047' or '\u2048' or '\u2049';

    /// <summary>Quotes and brackets that may close a sentence after its terminal punctuation.</summary>
    public static bool IsCloser(char c) => c is '"' or '\'' or ')' or ']' or '}' or '\u201D' or '\u2019' or '\u00BB' or '\u203A';

    /// <summary>Closers that cannot also open (curly right quotes and closing brackets).</summary>
    public static bool IsUnambiguousCloser(char c) => c is ')' or ']' or '}' or '\u201D' or '\u2019' or '\u00BB' or '\u203A';

    /// <summary>Opening quotes and brackets.</summary>
    public static bool IsOpener(char c) => c is '"' or '\'' or '(' or '[' or '{' or '\u201C' or '\u2018' or '\u00AB' or '\u2039' or '`';
}
