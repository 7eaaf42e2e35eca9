using Dossier.Core.Errors;
using Dossier.Ingest.Html;
using CodeHollowFeed = CodeHollow.FeedReader;

namespace Dossier.Ingest.Readers;

/// <summary>
/// Reads an RSS or Atom feed: each item becomes a document whose text is the item's content (or
/// its description) with the HTML removed, titled by the item's title, dated by its date, with the
/// item's link as its URL. Items are named <c>feed#item=N</c>, counting from 1.
/// </summary>
internal static class FeedReader
{
    public static IReadOnlyList<ReadResult> Read(string input, string xml, ReadOptions options)
    {
        CodeHollowFeed.Feed feed;
        try
        {
            feed = CodeHollowFeed.FeedReader.ReadFromString(xml);
        }
#pragma warning disable CA1031 // The parser throws many kinds of exception on bad XML; all mean "not a feed".
        catch (Exception)
#pragma warning restore CA1031
        {
            return [ReadResult.Failure(input, ReadFailureKind.Malformed, DossierErrors.MalformedFeed)];
        }

        if (feed is null || feed.Type == CodeHollowFeed.FeedType.Unknown)
        {
            return [ReadResult.Failure(input, ReadFailureKind.Malformed, DossierErrors.MalformedFeed)];
        }

        if (feed.Items is null || feed.Items.Count == 0)
        {
            return [ReadResult.Failure(input, ReadFailureKind.Empty, DossierErrors.EmptyFeed)];
        }

        var results = new List<ReadResult>(feed.Items.Count);
        var number = 0;
        foreach (var item in feed.Items)
        {
            number++;
            var source = $"{input}#item={number}";
            results.Add(ReadItem(source, item, options));
        }

        return results;
    }

    /// <summary>Whether text that came without a telling extension is a feed.</summary>
    public static bool LooksLikeFeed(string text)
    {
        var head = text.AsSpan(0, Math.Min(text.Length, 2048)).TrimStart();
        if (head.StartsWith("<rss", StringComparison.OrdinalIgnoreCase) || head.StartsWith("<feed", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        return head.StartsWith("<?xml", StringComparison.OrdinalIgnoreCase)
            && (head.Contains("<rss", StringComparison.OrdinalIgnoreCase)
                || head.Contains("<feed", StringComparison.OrdinalIgnoreCase)
                || head.Contains("<rdf:RDF", StringComparison.OrdinalIgnoreCase));
    }

    private static ReadResult ReadItem(string source, CodeHollowFeed.FeedItem item, ReadOptions options)
    {
        try
        {
            var body = string.IsNullOrWhiteSpace(item.Content) ? item.Description : item.Content;
            var text = string.IsNullOrWhiteSpace(body) ? string.Empty : HtmlText.FromHtml(body);
            if (string.IsNullOrWhiteSpace(text))
            {
                return ReadResult.Failure(source, ReadFailureKind.Empty, DossierErrors.NoText);
            }

            var title = string.IsNullOrWhiteSpace(item.Title) ? null : HtmlText.FromHtml(item.Title);
            var published = DateParser.Parse(item.PublishingDateString)
                ?? (item.PublishingDate is { } date ? DateOnly.FromDateTime(date) : null);
            return DocumentFactory.Success(source, text, title, source, published, item.Link, options);
        }
#pragma warning disable CA1031 // One odd item must not lose the others.
        catch (Exception)
#pragma warning restore CA1031
        {
            return ReadResult.Failure(source, ReadFailureKind.Malformed, DossierErrors.MalformedFeed);
        }
    }
}
