using System.Security.Cryptography;
using System.Text;

namespace Dossier.Core.Documents;

/// <summary>
/// Computes a document's identifier: the first 128 bits of the SHA-256 of its normalised text,
/// as 32 lower-case hex digits. Normalisation is Unicode NFKC, case-folded, with every run of
/// white space collapsed to one space and the ends trimmed, so that the same article read from
/// a file with CRLF line ends, a BOM or different wrapping gets the same id.
/// </summary>
public static class DocumentId
{
    public static string Compute(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var normalised = Normalise(text);
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes(normalised), hash);
        return Convert.ToHexStringLower(hash[..16]);
    }

    /// <summary>The normalised form that is hashed.</summary>
    public static string Normalise(string text)
    {
        var folded = text.Normalize(NormalizationForm.FormKC).ToLowerInvariant();
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
}
