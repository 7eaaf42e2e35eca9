using Dossier.Core.Errors;

namespace Dossier.Ingest.Readers;

/// <summary>
/// Reads a plain-text report. The first line is the headline when a blank line follows it (and it
/// is short enough to be one); the text is then the body after the blank lines. Otherwise the whole
/// content is the text and there is no title. The text is kept as decoded; only trailing white
/// space at the end is trimmed.
/// </summary>
internal static class PlainTextReader
{
    /// <summary>A first line longer than this is a paragraph, not a headline, and stays in the text.</summary>
    public const int MaxTitleLength = 300;

    public static ReadResult Read(string input, string content, ReadOptions options)
    {
        var (title, text) = Split(content);
        if (string.IsNullOrWhiteSpace(text))
        {
            return ReadResult.Failure(input, ReadFailureKind.Empty, DossierErrors.Empty);
        }

        return DocumentFactory.Success(input, text, title, input, null, null, options);
    }

    /// <summary>The title (trimmed) and the text of a plain-text report.</summary>
    public static (string? Title, string Text) Split(string content)
    {
        ArgumentNullException.ThrowIfNull(content);
        content = content.TrimEnd();
        var firstEnd = content.IndexOf('\n', StringComparison.Ordinal);
        if (firstEnd < 0)
        {
            return (null, content);
        }

        var firstLine = content.AsSpan(0, firstEnd).Trim();
        if (firstLine.IsEmpty || firstLine.Length > MaxTitleLength)
        {
            return (null, content);
        }

        // At least one blank line must follow, then the body starts at the first non-blank line.
        var position = firstEnd + 1;
        var blankLines = 0;
        while (position < content.Length)
        {
            var lineEnd = content.IndexOf('\n', position);
            var line = content.AsSpan(position, (lineEnd < 0 ? content.Length : lineEnd) - position);
            if (!line.IsWhiteSpace())
            {
                break;
            }

            blankLines++;
            position = lineEnd < 0 ? content.Length : lineEnd + 1;
        }

        if (blankLines == 0 || position >= content.Length)
        {
            return (null, content);
        }

        return (firstLine.ToString(), content[position..]);
    }
}
