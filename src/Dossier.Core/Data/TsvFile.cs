using System.Collections.Frozen;

namespace Dossier.Core.Data;

/// <summary>One data row of a TSV file: where it stands and its trimmed columns.</summary>
/// <param name="File">The file's path, for messages.</param>
/// <param name="Line">The 1-based line number.</param>
/// <param name="Columns">The tab-separated columns, each trimmed; at least the minimum asked for.</param>
public sealed record TsvRow(string File, int Line, string[] Columns)
{
    /// <summary>A <see cref="DataFileException"/> for this row: <c>FILE:LINE: reason</c>.</summary>
    public DataFileException Error(string reason) => new(File, Line, reason);
}

/// <summary>
/// Reads the project's hand-written TSV data files: one row a line, columns separated by tabs, blank lines and
/// lines starting with <c>#</c> skipped. Every failure is a <see cref="DataFileException"/> naming
/// <c>FILE:LINE</c>. Word lists are TSV files whose first column is the word (further columns are notes).
/// </summary>
public static class TsvFile
{
    /// <summary>The data rows of <paramref name="path"/>, each with at least <paramref name="minColumns"/> columns and a non-empty first one.</summary>
    /// <exception cref="DataFileException">The file is missing or unreadable, or a row is short.</exception>
    public static IEnumerable<TsvRow> Read(string path, int minColumns = 1)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!File.Exists(path))
        {
            throw new DataFileException(path, "the file is missing");
        }

        return ReadLines(path, minColumns);
    }

    /// <summary>The rows of TSV text already in memory (a user's file, a test), named <paramref name="path"/> in messages.</summary>
    public static IEnumerable<TsvRow> Parse(string path, IEnumerable<string> lines, int minColumns = 1)
    {
        ArgumentNullException.ThrowIfNull(lines);
        var n = 0;
        foreach (var raw in lines)
        {
            n++;
            if (raw.Length == 0 || raw.TrimStart().StartsWith('#'))
            {
                continue;
            }

            var columns = raw.Split('\t').Select(c => c.Trim()).ToArray();
            if (columns.Length < minColumns || columns[0].Length == 0)
            {
                throw new DataFileException(path, n, $"expected at least {minColumns} tab-separated columns");
            }

            yield return new TsvRow(path, n, columns);
        }
    }

    /// <summary>The words of a word list (first column, as written), compared ordinally.</summary>
    /// <exception cref="DataFileException">The file is missing or malformed.</exception>
    public static FrozenSet<string> ReadWords(string path) =>
        Read(path).Select(r => r.Columns[0]).ToFrozenSet(StringComparer.Ordinal);

    /// <summary>A two-column table (key → value); a repeated key is an error.</summary>
    /// <exception cref="DataFileException">The file is missing or malformed, or a key repeats.</exception>
    public static FrozenDictionary<string, string> ReadMap(string path)
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var row in Read(path, 2))
        {
            if (!map.TryAdd(row.Columns[0], row.Columns[1]))
            {
                throw row.Error($"\"{row.Columns[0]}\" is listed twice");
            }
        }

        return map.ToFrozenDictionary(StringComparer.Ordinal);
    }

    private static IEnumerable<TsvRow> ReadLines(string path, int minColumns)
    {
        IEnumerable<string> lines;
        try
        {
            lines = File.ReadLines(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new DataFileException(path, "the file cannot be read: " + e.Message, e);
        }

        return Parse(path, lines, minColumns);
    }
}
