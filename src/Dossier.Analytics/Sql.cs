using System.Globalization;
using System.Text;

namespace Dossier.Analytics;

/// <summary>Literals for ClickHouse SQL (the HTTP interface of 18.16 takes no query parameters through the driver):
/// strings quoted with every backslash and quote escaped, numbers and dates in invariant forms.</summary>
internal static class Sql
{
    /// <summary>A single-quoted string literal: backslash and quote escaped, control characters as escapes.</summary>
    public static string String(string value)
    {
        var builder = new StringBuilder(value.Length + 2).Append('\'');
        foreach (var c in value)
        {
            switch (c)
            {
                case '\\': builder.Append("\\\\"); break;
                case '\'': builder.Append("\\'"); break;
                case '\n': builder.Append("\\n"); break;
                case '\r': builder.Append("\\r"); break;
                case '\t': builder.Append("\\t"); break;
                case '\0': builder.Append("\\0"); break;
                default:
                    if (char.IsControl(c))
                    {
                        builder.Append("\\x").Append(((int)c).ToString("x2", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        builder.Append(c);
                    }

                    break;
            }
        }

        return builder.Append('\'').ToString();
    }

    public static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);

    public static string Number(double value) => double.IsFinite(value) ? value.ToString("R", CultureInfo.InvariantCulture) : throw new ArgumentOutOfRangeException(nameof(value));

    public static string Date(DateOnly value) => "toDate(" + String(value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)) + ")";

    /// <summary>Reads TabSeparated output: one array of unescaped fields per line.</summary>
    public static List<string[]> ParseTabSeparated(string text)
    {
        var rows = new List<string[]>();
        foreach (var line in text.Split('\n'))
        {
            if (line.Length == 0)
            {
                continue;
            }

            var fields = line.Split('\t');
            for (var i = 0; i < fields.Length; i++)
            {
                fields[i] = Unescape(fields[i]);
            }

            rows.Add(fields);
        }

        return rows;
    }

    private static string Unescape(string field)
    {
        if (field.IndexOf('\\') < 0)
        {
            return field;
        }

        var builder = new StringBuilder(field.Length);
        for (var i = 0; i < field.Length; i++)
        {
            var c = field[i];
            if (c != '\\' || i + 1 == field.Length)
            {
                builder.Append(c);
                continue;
            }

            var next = field[++i];
            builder.Append(next switch
            {
                'n' => '\n',
                't' => '\t',
                'r' => '\r',
                '0' => '\0',
                'b' => '\b',
                'f' => '\f',
                _ => next,
            });
        }

        return builder.ToString();
    }
}
