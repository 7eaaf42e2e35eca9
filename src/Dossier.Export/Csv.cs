using System.Text;

namespace Dossier.Export;

/// <summary>RFC 4180 fields: quoted when they hold a comma, a double quote, CR or LF (or start or end with white space),
/// with inner quotes doubled; records end with CRLF.</summary>
public static class Csv
{
    public const string RecordEnd = "\r\n";

    public static string Field(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return "";
        }

        var quote = value.AsSpan().IndexOfAny(",\"\r\n") >= 0 || char.IsWhiteSpace(value[0]) || char.IsWhiteSpace(value[^1]);
        return quote ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
    }

    public static string Record(IEnumerable<string?> fields)
    {
        var builder = new StringBuilder();
        var first = true;
        foreach (var field in fields)
        {
            if (!first)
            {
                builder.Append(',');
            }

            builder.Append(Field(field));
            first = false;
        }

        return builder.Append(RecordEnd).ToString();
    }
}
