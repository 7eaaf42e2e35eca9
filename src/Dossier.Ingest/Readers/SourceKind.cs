namespace Dossier.Ingest.Readers;

/// <summary>The format of an input, which picks its reader.</summary>
internal enum SourceKind
{
    Text,
    Html,
    Feed,
    JsonLines,
}

/// <summary>Tells the format from a file extension, a media type or the first characters.</summary>
internal static class SourceKinds
{
    /// <summary>The format an extension names, or null when it names none we know (then sniff).</summary>
    public static SourceKind? FromExtension(string path)
    {
        return Path.GetExtension(path).ToLowerInvariant() switch
        {
            ".html" or ".htm" or ".xhtml" => SourceKind.Html,
            ".xml" or ".rss" or ".atom" => SourceKind.Feed,
            ".jsonl" or ".ndjson" => SourceKind.JsonLines,
            ".txt" or ".text" => SourceKind.Text,
            _ => null,
        };
    }

    /// <summary>The format a Content-Type names, or null when it names none we know (then sniff).</summary>
    public static SourceKind? FromMediaType(string? mediaType)
    {
        return mediaType?.Trim().ToLowerInvariant() switch
        {
            "text/html" or "application/xhtml+xml" => SourceKind.Html,
            "application/rss+xml" or "application/atom+xml" or "application/rdf+xml" or "application/xml" or "text/xml" => SourceKind.Feed,
            "application/x-ndjson" or "application/jsonl" or "application/x-jsonlines" => SourceKind.JsonLines,
            _ => null,
        };
    }

    /// <summary>The format of decoded content: a feed, an HTML page, or (by default) plain text.</summary>
    public static SourceKind Sniff(string text)
    {
        if (FeedReader.LooksLikeFeed(text))
        {
            return SourceKind.Feed;
        }

        var head = text.AsSpan(0, Math.Min(text.Length, 1024)).TrimStart();
        return head.StartsWith("<!doctype html", StringComparison.OrdinalIgnoreCase) || head.StartsWith("<html", StringComparison.OrdinalIgnoreCase)
            ? SourceKind.Html
            : SourceKind.Text;
    }
}
