using System.Collections.Frozen;

namespace Dossier.Core.Data;

/// <summary>One data row of a TSV file: where it stands and its trimmed columns.</summary>
/// <param name="File">The file's path, for messages.</param>
/// <param name="Line">The 1-based line number.</param>
/// <param name="Columns">The tab-separated columns, each trimmed; at least the minimum asked for.</param>
public sealed record TsvRow(string File, int Line, string[] Columns)
{
    /// <summary>A <see cref="DataFileException"/> for this row: <c>FILE:LINE: reason</c>. It is returned, not thrown.</summary>
    /// <param name="reason">What is wrong with the row, in lower case.</param>
    public DataFileException Error(string reason) => new(File, Line, reason);
}

/// <summary>
/// Reads the project's hand-written TSV data files: one row a line, columns separated by tabs, empty lines and
/// lines whose first non-blank character is <c>#</c> skipped. Every failure is a <see cref="DataFileException"/>
/// naming <c>FILE:LINE</c>. Word lists are TSV files whose first column is the word (further columns are notes).
/// </summary>
/// <remarks>
/// A line of spaces or tabs only is not skipped: its first column is empty, so it is reported as a short row.
/// Line numbers count every line, comments and empty lines included. Stateless and thread-safe.
/// </remarks>
public static class TsvFile
{
    /// <summary>The data rows of <paramref name="path"/>, each with at least <paramref name="minColumns"/> columns and a non-empty first one.</summary>
    /// <param name="path">The file to read, as UTF-8 (a byte order mark is honoured); also the name used in messages.</param>
    /// <param name="minColumns">The fewest columns a data row may have.</param>
    /// <returns>The rows in file order, read lazily: the file is opened by this call and read as the rows are enumerated.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="path"/> is null.</exception>
    /// <exception cref="DataFileException">The file is missing or cannot be opened (thrown by this call), or a row is
    /// short (thrown when that row is reached).</exception>
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
    /// <param name="path">The name that messages give the text; it is not opened.</param>
    /// <param name="lines">The lines, without line ends; the first is line 1.</param>
    /// <param name="minColumns">The fewest columns a data row may have.</param>
    /// <returns>The rows in order, produced lazily: nothing is checked, not even <paramref name="lines"/>, until enumeration.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="lines"/> is null (on enumeration).</exception>
    /// <exception cref="DataFileException">A row is short or has an empty first column (on enumeration).</exception>
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

    /// <summary>The words of a word list (first column, as written), compared ordinally; a repeated word counts once.</summary>
    /// <param name="path">The word list to read.</param>
    /// <exception cref="DataFileException">The file is missing or malformed.</exception>
    public static FrozenSet<string> ReadWords(string path) =>
        Read(path).Select(r => r.Columns[0]).ToFrozenSet(StringComparer.Ordinal);

    /// <summary>A two-column table (key → value), keys compared ordinally; a repeated key is an error and columns after the second are ignored.</summary>
    /// <param name="path">The table to read.</param>
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
