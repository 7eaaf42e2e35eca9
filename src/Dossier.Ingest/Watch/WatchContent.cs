using Dossier.Ingest.Decoding;
using Dossier.Ingest.Html;
using Dossier.Ingest.Readers;
using CodeHollowFeed = CodeHollow.FeedReader;

namespace Dossier.Ingest.Watch;

/// <summary>One item of a polled feed.</summary>
/// <param name="Key">Its article URL (absolute), else <c>SOURCE#id=ID</c>.</param>
/// <param name="Link">The article page, or null when the item has none.</param>
public sealed record FeedEntry(string Key, string? Link, string? Title);

/// <summary>What a polled body is: a feed with its items, a page, or something unreadable.</summary>
public sealed record PolledContent(string? Text, IReadOnlyList<FeedEntry>? Entries, string? Error)
{
    /// <summary>Whether it is a feed.</summary>
    public bool IsFeed => Entries is not null;
}

/// <summary>Reads what the watcher fetched, with the readers of <c>dossier ingest</c>: feeds by the feed reader's
/// parser, article pages by the HTML reader (readable text, title, date).</summary>
public static class WatchContent
{
    /// <summary>Decodes a polled body and, when it is a feed, lists its items.</summary>
    public static PolledContent ReadPolled(string sourceUrl, FetchResponse response)
    {
        ArgumentNullException.ThrowIfNull(sourceUrl);
        ArgumentNullException.ThrowIfNull(response);
        var decoded = TextDecoder.Decode(response.Body ?? []);
        if (decoded.Text is null)
        {
            return new PolledContent(null, null, decoded.Error);
        }

        if (!FeedReader.LooksLikeFeed(decoded.Text))
        {
            return new PolledContent(decoded.Text, null, null);
        }

        CodeHollowFeed.Feed feed;
        try
        {
            feed = CodeHollowFeed.FeedReader.ReadFromString(decoded.Text);
        }
#pragma warning disable CA1031 // The parser throws many kinds of exception on bad XML; all mean "not a feed".
        catch (Exception)
#pragma warning restore CA1031
        {
            return new PolledContent(null, null, Core.Errors.DossierErrors.MalformedFeed);
        }

        var entries = new List<FeedEntry>();
        foreach (var item in feed?.Items ?? [])
        {
            var link = Uri.TryCreate(response.FinalUri, item.Link?.Trim() ?? "", out var uri) && uri.Scheme is "http" or "https" && !string.IsNullOrWhiteSpace(item.Link)
                ? uri.AbsoluteUri
                : null;
            var key = link ?? (string.IsNullOrWhiteSpace(item.Id) ? null : $"{sourceUrl}#id={item.Id.Trim()}");
            if (key is not null)
            {
                entries.Add(new FeedEntry(key, link, string.IsNullOrWhiteSpace(item.Title) ? null : HtmlText.FromHtml(item.Title)));
            }
        }

        return new PolledContent(decoded.Text, entries, null);
    }

    /// <summary>Reads a fetched article page (or a polled page) into a document, as <c>dossier ingest URL</c> would.</summary>
    public static ReadResult ReadPage(string url, FetchResponse response, ReadOptions options)
    {
        ArgumentNullException.ThrowIfNull(url);
        ArgumentNullException.ThrowIfNull(response);
        ArgumentNullException.ThrowIfNull(options);
        var decoded = TextDecoder.Decode(response.Body ?? []);
        if (response.Body is not { Length: > 0 })
        {
            return ReadResult.Failure(url, ReadFailureKind.Empty, Core.Errors.DossierErrors.Empty);
        }

        if (decoded.Text is null)
        {
            return ReadResult.Failure(url, ReadFailureKind.Undecodable, decoded.Error!);
        }

        var kind = SourceKinds.FromMediaType(response.MediaType) is { } declared && declared != SourceKind.Feed ? declared : SourceKinds.Sniff(decoded.Text);
        if (kind == SourceKind.Feed || FeedReader.LooksLikeFeed(decoded.Text))
        {
            return ReadResult.Failure(url, ReadFailureKind.Unsupported, "is a feed, not an article page");
        }

        var results = ContentReader.Read(url, decoded.Text, kind, response.FinalUri.AbsoluteUri, options);
        return results.Count == 1 ? results[0] : ReadResult.Failure(url, ReadFailureKind.Unsupported, "holds several documents, not one article");
    }
}
