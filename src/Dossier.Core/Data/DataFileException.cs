using Dossier.Core.Errors;

namespace Dossier.Core.Data;

/// <summary>A hand-written data file (a word list or a table) is missing or malformed; the message is <c>FILE:LINE: reason</c>.</summary>
public sealed class DataFileException : ModelFileException
{
    /// <summary>A failure of the whole file (missing, unreadable).</summary>
    public DataFileException(string path, string reason, Exception? inner = null)
        : base(path, $"{path}: {reason}", inner)
    {
    }

    /// <summary>A failure on one line (1-based).</summary>
    public DataFileException(string path, int line, string reason)
        : base(path, $"{path}:{line}: {reason}", null)
    {
        Line = line;
    }

    /// <summary>The 1-based line at fault, or 0 for the whole file.</summary>
    public int Line { get; }
}
