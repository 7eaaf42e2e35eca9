using System.Security.Cryptography;
using System.Text;

namespace Dossier.Core.Documents;

/// <summary>
/// Computes a document's identifier: the first 128 bits of the SHA-256 of its normalised title and
/// text, as 32 lower-case hex digits. Normalisation is Unicode NFKC, case-folded, with every run of
/// white space collapsed to one space and the ends trimmed, so that the same article read from
/// a file with CRLF line ends, a BOM or different wrapping gets the same id. The title takes part:
/// wire services re-issue one body under a revised headline, and those are kept as two documents.
/// </summary>
/// <remarks>
/// "Case-folded" here is <see cref="string.ToLowerInvariant"/>, not full Unicode case folding (<c>ß</c> stays
/// <c>ß</c>). Unpaired surrogates become U+FFFD before normalisation. Stateless and thread-safe.
/// </remarks>
public static class DocumentId
{
    /// <summary>The identifier of a document: 32 lower-case hex digits.</summary>
    /// <param name="title">The title, or null; a null or white-space title leaves only <paramref name="text"/> hashed,
    /// otherwise the title and the text are hashed joined by a line break (which normalises to one space).</param>
    /// <param name="text">The document's text.</param>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is null.</exception>
    public static string Compute(string? title, string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var normalised = Normalise(string.IsNullOrWhiteSpace(title) ? text : title + "\n" + text);
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes(normalised), hash);
        return Convert.ToHexStringLower(hash[..16]);
    }

    /// <summary>The normalised form that is hashed: NFKC, lower case (invariant), white space runs collapsed to one space, ends trimmed.</summary>
    /// <param name="text">Any text; unpaired surrogates are replaced by U+FFFD first.</param>
    public static string Normalise(string text)
    {
        var folded = WithoutLoneSurrogates(text).Normalize(NormalizationForm.FormKC).ToLowerInvariant();
        var builder = new StringBuilder(folded.Length);
        var pendingSpace = false;
        foreach (var c in folded)
        {
            if (char.IsWhiteSpace(c))
            {
                pendingSpace = builder.Length > 0;
                continue;
            }

            if (pendingSpace)
            {
                builder.Append(' ');
                pendingSpace = false;
            }

            builder.Append(c);
        }

        return builder.ToString();
    }

    /// <summary>Unicode normalisation rejects unpaired surrogates; for hashing only, they become U+FFFD.</summary>
    private static string WithoutLoneSurrogates(string text)
    {
        char[]? copy = null;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
                continue;
            }

            if (char.IsSurrogate(c))
            {
                copy ??= text.ToCharArray();
                copy[i] = '\uFFFD';
            }
        }

        return copy is null ? text : new string(copy);
    }
}
