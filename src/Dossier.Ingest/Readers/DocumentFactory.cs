using Dossier.Core.Documents;
using Dossier.Ingest.Languages;

namespace Dossier.Ingest.Readers;

/// <summary>Builds the document of one successful read: metadata, default date, detected language.</summary>
internal static class DocumentFactory
{
    public static ReadResult Success(string input, string text, string? title, string source, DateOnly? published, string? url, ReadOptions options)
    {
        var metadata = new DocumentMetadata(CleanTitle(title), source, published ?? options.DefaultPublished, string.IsNullOrWhiteSpace(url) ? null : url.Trim());
        var document = new Document(text, metadata, LanguageDetector.Detect(text));
        return ReadResult.Success(input, document);
    }

    /// <summary>A title on one line, white space collapsed; null when nothing is left.</summary>
    public static string? CleanTitle(string? title)
    {
        if (string.IsNullOrWhiteSpace(title))
        {
            return null;
        }

        return string.Join(' ', title.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
    }
}
