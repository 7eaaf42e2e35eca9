using System.Text.Json;
using Dossier.Core.Errors;

namespace Dossier.Ingest.Readers;

/// <summary>
/// Reads JSON Lines: one object per line with <c>text</c> (required), <c>title</c>, <c>published</c>
/// and <c>url</c>. Blank lines are skipped; a bad line fails as <c>path#line=N</c> and the others go on.
/// Lines end at '\n' only (a '\r' before it is dropped): U+2028, U+0085 and the other characters .NET
/// counts as line ends are valid inside a JSON string, and many JSON writers leave them raw.
/// </summary>
internal static class JsonLinesReader
{
    public static IReadOnlyList<ReadResult> Read(string input, string content, ReadOptions options)
    {
        var results = new List<ReadResult>();
        var lineNumber = 0;
        var rest = content.AsSpan();
        while (!rest.IsEmpty)
        {
            var end = rest.IndexOf('\n');
            var rawLine = end < 0 ? rest : rest[..end];
            rest = end < 0 ? [] : rest[(end + 1)..];
            if (rawLine.EndsWith('\r'))
            {
                rawLine = rawLine[..^1];
            }

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

            if (!root.TryGetProperty("text", out var textElement) || textElement.ValueKind == JsonValueKind.Null)
            {
                return ReadResult.Failure(source, ReadFailureKind.Malformed, DossierErrors.MissingText);
            }

            if (textElement.ValueKind != JsonValueKind.String)
            {
                return ReadResult.Failure(source, ReadFailureKind.Malformed, DossierErrors.TextNotString(Kind(textElement.ValueKind)));
            }

            var published = root.TryGetProperty("published", out var publishedElement) && publishedElement.ValueKind != JsonValueKind.Null
                ? publishedElement.ValueKind == JsonValueKind.String ? GetString(publishedElement) : publishedElement.GetRawText()
                : null;
            return ReadRecord(source, GetString(textElement), StringField(root, "title"), published, StringField(root, "url"), options);
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
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? GetString(value) : null;

    /// <summary>
    /// A string value. JSON may escape a lone surrogate (<c>"\ud800"</c>), which System.Text.Json refuses to turn
    /// into a string; such a value is unescaped here instead, and the lone surrogate is then removed with the other
    /// disallowed characters when the document is built.
    /// </summary>
    private static string GetString(JsonElement value)
    {
        try
        {
            return value.GetString()!;
        }
        catch (InvalidOperationException)
        {
            return Unescape(value.GetRawText());
        }
    }

    /// <summary>The characters of a raw JSON string token (quotes included), escapes resolved one by one.</summary>
    private static string Unescape(string raw)
    {
        var text = new System.Text.StringBuilder(raw.Length);
        for (var i = 1; i < raw.Length - 1; i++)
        {
            var c = raw[i];
            if (c != '\\' || i + 1 >= raw.Length - 1)
            {
                text.Append(c);
                continue;
            }

            var escape = raw[++i];
            switch (escape)
            {
                case 'b': text.Append('\b'); break;
                case 'f': text.Append('\f'); break;
                case 'n': text.Append('\n'); break;
                case 'r': text.Append('\r'); break;
                case 't': text.Append('\t'); break;
                case 'u' when i + 4 < raw.Length
                    && int.TryParse(raw.AsSpan(i + 1, 4), System.Globalization.NumberStyles.AllowHexSpecifier, System.Globalization.CultureInfo.InvariantCulture, out var code):
                    text.Append((char)code);
                    i += 4;
                    break;
                default: text.Append(escape); break;
            }
        }

        return text.ToString();
    }

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
        JsonValueKind.Object => "an object",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        _ => "null",
    };
}
