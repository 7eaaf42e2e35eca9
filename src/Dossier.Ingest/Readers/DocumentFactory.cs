using Dossier.Core.Documents;
using Dossier.Core.Errors;
using Dossier.Ingest.Languages;

namespace Dossier.Ingest.Readers;

/// <summary>
/// Builds the document of one successful read: metadata, default date, detected language. Every reader builds its
/// documents here, so this is where text enters: characters no store can hold are removed (<see cref="TextHygiene"/>)
/// from the text, title, source and URL, and the result says so in a warning.
/// </summary>
internal static class DocumentFactory
{
    public static ReadResult Success(string input, string text, string? title, string source, DateOnly? published, string? url, ReadOptions options)
    {
        text = TextHygiene.Clean(text, out var removed);
        title = Clean(title, ref removed);
        source = TextHygiene.Clean(source, out var fromSource);
        url = Clean(url, ref removed);
        removed += fromSource;
        if (string.IsNullOrWhiteSpace(text))
        {
            return ReadResult.Failure(input, ReadFailureKind.Empty, DossierErrors.NoText);
        }

        var metadata = new DocumentMetadata(CleanTitle(title), source, published ?? options.DefaultPublished, string.IsNullOrWhiteSpace(url) ? null : url.Trim());
        var document = new Document(text, metadata, LanguageDetector.Detect(text));
        var result = ReadResult.Success(input, document);
        return removed == 0 ? result : result.WithWarnings([DossierErrors.ControlCharactersRemoved(removed)]);
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

    private static string? Clean(string? value, ref int removed)
    {
        if (value is null)
        {
            return null;
        }

        var clean = TextHygiene.Clean(value, out var count);
        removed += count;
        return clean;
    }
}
