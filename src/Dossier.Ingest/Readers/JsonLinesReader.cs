using System.Text.Json;
using Dossier.Core.Errors;

namespace Dossier.Ingest.Readers;

/// <summary>
/// Reads JSON Lines: one object per line with <c>text</c> (required), <c>title</c>, <c>published</c>
/// and <c>url</c>. Blank lines are skipped; a bad line fails as <c>path#line=N</c> and the others go on.
/// </summary>
internal static class JsonLinesReader
{
    public static IReadOnlyList<ReadResult> Read(string input, string content, ReadOptions options)
    {
        var results = new List<ReadResult>();
        var lineNumber = 0;
        foreach (var rawLine in content.AsSpan().EnumerateLines())
        {
            lineNumber++;
            if (rawLine.IsWhiteSpace())
            {
                continue;
            }

            var source = $"{input}#line={lineNumber}";
            results.Add(ReadLine(source, rawLine.ToString(), options));
        }

        if (results.Count == 0)
        {
            results.Add(ReadResult.Failure(input, ReadFailureKind.Empty, DossierErrors.Empty));
        }

        return results;
    }

    private static ReadResult ReadLine(string source, string line, ReadOptions options)
    {
        JsonDocument json;
        try
        {
            json = JsonDocument.Parse(line);
        }
        catch (JsonException ex)
        {
            return ReadResult.Failure(source, ReadFailureKind.Malformed, $"{DossierErrors.NotJson} ({Describe(ex)})");
        }

        using (json)
        {
            var root = json.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return ReadResult.Failure(source, ReadFailureKind.Malformed, $"{DossierErrors.NotJson} (found {Kind(root.ValueKind)})");
            }

            if (!root.TryGetProperty("text", out var textElement) || textElement.ValueKind != JsonValueKind.String)
            {
                return ReadResult.Failure(source, ReadFailureKind.Malformed, DossierErrors.MissingText);
            }

            var published = root.TryGetProperty("published", out var publishedElement) && publishedElement.ValueKind != JsonValueKind.Null
                ? publishedElement.ValueKind == JsonValueKind.String ? publishedElement.GetString()! : publishedElement.GetRawText()
                : null;
            return ReadRecord(source, textElement.GetString()!, StringField(root, "title"), published, StringField(root, "url"), options);
        }
    }

    /// <summary>One record's fields, as a JSON Lines line gives them: the text is required, the date must parse.</summary>
    public static ReadResult ReadRecord(string source, string text, string? title, string? published, string? url, ReadOptions options)
    {
        text = text.TrimEnd();
        if (string.IsNullOrWhiteSpace(text))
        {
            return ReadResult.Failure(source, ReadFailureKind.Empty, DossierErrors.NoText);
        }

        DateOnly? date = null;
        if (published is not null)
        {
            date = DateParser.Parse(published);
            if (date is null)
            {
                return ReadResult.Failure(source, ReadFailureKind.Malformed, DossierErrors.BadDate(published));
            }
        }

        return DocumentFactory.Success(source, text, title, source, date, url, options);
    }

    private static string? StringField(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    /// <summary>The parser's message without its position suffix (the line number is in the input name).</summary>
    private static string Describe(JsonException ex)
    {
        var message = ex.Message;
        var position = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        if (position > 0)
        {
            message = message[..position];
        }

        if (ex.BytePositionInLine is { } column)
        {
            message = $"{message.TrimEnd('.', ' ')}, at byte {column + 1}";
        }

        return message.ReplaceLineEndings(" ").Trim();
    }

    private static string Kind(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        _ => "null",
    };
}
