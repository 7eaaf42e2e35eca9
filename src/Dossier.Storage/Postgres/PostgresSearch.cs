using System.Text;

namespace Dossier.Storage.Postgres;

/// <summary>Maps the documented search syntax (SQLite's FTS5: words, "phrases", AND/OR/NOT, prefix*, column:word) onto
/// <c>websearch_to_tsquery</c>: AND is dropped (the default), NOT becomes <c>-</c>, a column filter and a trailing
/// <c>*</c> are dropped (the stem of the prefix is searched), parentheses are dropped.</summary>
internal static class PostgresSearch
{
    /// <exception cref="StoreException">When the query has an unclosed quote, a column other than <c>title</c> or
    /// <c>text</c>, or no word to search (FTS5 refuses the same queries).</exception>
    public static string ToWebSearch(string query)
    {
        if (query.Count(c => c == '"') % 2 == 1)
        {
            throw Invalid(query, "a quotation mark is not closed");
        }

        var output = new StringBuilder();
        var words = 0;
        var negate = false;
        foreach (var token in Tokens(query))
        {
            if (token.StartsWith('"'))
            {
                words++;
                Append(output, (negate ? "-" : "") + token);
                negate = false;
                continue;
            }

            var word = token.Trim('(', ')');
            var colon = word.IndexOf(':', StringComparison.Ordinal);
            if (colon > 0 && colon < word.Length - 1)
            {
                var column = word[..colon];
                if (column is not ("title" or "text"))
                {
                    throw Invalid(query, $"no such column: {column}");
                }

                word = word[(colon + 1)..];
            }

            word = word.TrimEnd('*');
            switch (word)
            {
                case "":
                case "AND":
                    continue;
                case "NOT":
                    negate = true;
                    continue;
                case "OR":
                    Append(output, "OR");
                    continue;
            }

            words++;
            Append(output, (negate ? "-" : "") + word);
            negate = false;
        }

        if (words == 0)
        {
            throw Invalid(query, "it has no word to search for");
        }

        return output.ToString();
    }

    private static StoreException Invalid(string query, string reason) =>
        new($"The search query '{query.ReplaceLineEndings(" ").Trim()}' is not valid: {reason}.");

    private static void Append(StringBuilder output, string token)
    {
        if (output.Length > 0)
        {
            output.Append(' ');
        }

        output.Append(token);
    }

    private static IEnumerable<string> Tokens(string query)
    {
        var i = 0;
        while (i < query.Length)
        {
            if (char.IsWhiteSpace(query[i]))
            {
                i++;
                continue;
            }

            var start = i;
            if (query[i] == '"')
            {
                var end = query.IndexOf('"', i + 1);
                i = end < 0 ? query.Length : end + 1;
                var phrase = query[start..i];
                yield return phrase.EndsWith('"') && phrase.Length > 1 ? phrase : phrase + "\"";
                continue;
            }

            while (i < query.Length && !char.IsWhiteSpace(query[i]) && query[i] != '"')
            {
                i++;
            }

            yield return query[start..i];
        }
    }
}
