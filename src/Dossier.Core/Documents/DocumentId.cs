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
public static class DocumentId
{
    public static string Compute(string? title, string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var normalised = Normalise(string.IsNullOrWhiteSpace(title) ? text : title + "\n" + text);
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes(normalised), hash);
        return Convert.ToHexStringLower(hash[..16]);
    }

    /// <summary>The normalised form that is hashed.</summary>
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
