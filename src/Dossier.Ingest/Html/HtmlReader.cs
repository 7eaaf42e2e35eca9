using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Dossier.Core.Errors;
using Dossier.Ingest.Readers;

namespace Dossier.Ingest.Html;

/// <summary>
/// Reads a news article from an HTML page: SmartReader finds the main content and the headline,
/// the publication date comes from the page's meta data, and the content becomes plain text with
/// one paragraph per block, paragraphs separated by a blank line.
/// </summary>
internal static class HtmlReader
{
    /// <summary>
    /// SmartReader flags short pages as "not readable" before it extracts them, yet still finds their
    /// text. Such a page is kept when the text it gives is at least this long (a short news brief);
    /// shorter scraps (a menu, a cookie notice) mean no article was found.
    /// </summary>
    public const int MinUnflaggedLength = 80;

    public static ReadResult Read(string input, string html, string pageUri, ReadOptions options)
    {
        string text;
        string? title;
        DateOnly? published;
        try
        {
            var document = new HtmlParser().ParseDocument(html);
            published = HtmlDates.Find(document);
            var pageTitle = MetaTitle(document);

            // SmartReader rewrites the DOM it is given, so the meta data is read first.
            using var reader = new SmartReader.Reader(pageUri, document);
            var article = reader.GetArticle();
            text = string.IsNullOrWhiteSpace(article.Content) ? string.Empty : HtmlText.FromHtml(article.Content);
            if (!article.IsReadable && text.Length < MinUnflaggedLength)
            {
                return ReadResult.Failure(input, ReadFailureKind.Malformed, DossierErrors.MalformedHtml);
            }

            title = string.IsNullOrWhiteSpace(article.Title) ? pageTitle : article.Title;
            published ??= article.PublicationDate is { } date ? DateOnly.FromDateTime(date) : null;
        }
#pragma warning disable CA1031 // A page that breaks the extractor is a failure of that input, never a crash.
        catch (Exception)
#pragma warning restore CA1031
        {
            return ReadResult.Failure(input, ReadFailureKind.Malformed, DossierErrors.MalformedHtml);
        }

        if (string.IsNullOrWhiteSpace(text))
        {
            return ReadResult.Failure(input, ReadFailureKind.Malformed, DossierErrors.MalformedHtml);
        }

        // The page's own address is kept only when it differs from the input (after a redirect).
        var url = pageUri.StartsWith("http", StringComparison.OrdinalIgnoreCase) && pageUri != input ? pageUri : null;
        return DocumentFactory.Success(input, text, title, input, published, url, options);
    }

    private static string? MetaTitle(IDocument document)
    {
        var og = document.QuerySelector("meta[property='og:title']")?.GetAttribute("content");
        return string.IsNullOrWhiteSpace(og) ? document.Title : og;
    }
}
