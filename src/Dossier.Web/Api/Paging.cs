using System.Buffers.Text;
using System.Globalization;
using System.Text;

namespace Dossier.Web.Api;

/// <summary>One page of a list and the cursor of the next page (null on the last page).</summary>
public sealed record Page<T>(IReadOnlyList<T> Items, string? NextCursor);

/// <summary>
/// <c>limit</c> and <c>cursor</c> query parameters. A cursor is an opaque token (base64url of a versioned offset);
/// clients pass back the <see cref="Page{T}.NextCursor"/> they were given and never build one.
/// </summary>
public readonly record struct Paging(int Limit, int Offset)
{
    public const int DefaultLimit = 50;
    public const int MaxLimit = 200;

    /// <summary>How deep a cursor may reach; deeper pages are refused (narrow the query instead).</summary>
    public const int MaxOffset = 100_000;

    private const string Prefix = "o1:";

    /// <summary>Parses the query values; on failure returns false with a one-line reason for a 400.</summary>
    public static bool TryParse(string? limit, string? cursor, out Paging paging, out string? error)
    {
        paging = new Paging(DefaultLimit, 0);
        error = null;
        var size = DefaultLimit;
        if (!string.IsNullOrWhiteSpace(limit)
            && (!int.TryParse(limit, NumberStyles.None, CultureInfo.InvariantCulture, out size) || size < 1 || size > MaxLimit))
        {
            error = $"'limit' must be a whole number from 1 to {MaxLimit}.";
            return false;
        }

        var offset = 0;
        if (!string.IsNullOrEmpty(cursor) && !TryDecode(cursor, out offset))
        {
            error = "'cursor' is not a cursor this server gave out.";
            return false;
        }

        paging = new Paging(size, offset);
        return true;
    }

    public static string Encode(int offset) =>
        Base64Url.EncodeToString(Encoding.ASCII.GetBytes(Prefix + offset.ToString(CultureInfo.InvariantCulture)));

    private static bool TryDecode(string cursor, out int offset)
    {
        offset = 0;
        if (cursor.Length > 32)
        {
            return false;
        }

        byte[] bytes;
        try
        {
            bytes = Base64Url.DecodeFromChars(cursor);
        }
        catch (FormatException)
        {
            return false;
        }

        var text = Encoding.ASCII.GetString(bytes);
        return text.StartsWith(Prefix, StringComparison.Ordinal)
            && int.TryParse(text.AsSpan(Prefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out offset)
            && offset is > 0 and <= MaxOffset;
    }

    /// <summary>How many rows to ask the store for: one more than the page, to know whether another follows.</summary>
    public int Probe => Limit + 1;

    /// <summary>Cuts the probe result to a page and sets its next cursor.</summary>
    public Page<T> ToPage<T>(IReadOnlyList<T> rows)
    {
        if (rows.Count <= Limit)
        {
            return new Page<T>(rows, null);
        }

        var next = Offset + Limit;
        return new Page<T>([.. rows.Take(Limit)], next <= MaxOffset ? Encode(next) : null);
    }
}
