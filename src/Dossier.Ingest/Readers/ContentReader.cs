using Dossier.Ingest.Html;

namespace Dossier.Ingest.Readers;

/// <summary>Sends decoded content to the reader of its format.</summary>
internal static class ContentReader
{
    /// <param name="input">The name of the input (path or URL).</param>
    /// <param name="text">The decoded content.</param>
    /// <param name="kind">Its format.</param>
    /// <param name="pageUri">An absolute URI for the content (file: or http:), which HTML extraction needs.</param>
    /// <param name="options">Read settings.</param>
    public static IReadOnlyList<ReadResult> Read(string input, string text, SourceKind kind, string pageUri, ReadOptions options)
    {
        return kind switch
        {
            SourceKind.Html => [HtmlReader.Read(input, text, pageUri, options)],
            SourceKind.Feed => FeedReader.Read(input, text, options),
            SourceKind.JsonLines => JsonLinesReader.Read(input, text, options),
            _ => [PlainTextReader.Read(input, text, options)],
        };
    }
}
