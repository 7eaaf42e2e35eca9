using Dossier.Core.Errors;

namespace Dossier.Core.Data;

/// <summary>A hand-written data file (a word list or a table) is missing or malformed; the message is <c>FILE:LINE: reason</c>.</summary>
public sealed class DataFileException : ModelFileException
{
    /// <summary>A failure of the whole file (missing, unreadable); <see cref="Line"/> is 0.</summary>
    /// <param name="path">The data file, as given to the reader; it starts the message and becomes <see cref="ModelFileException.FilePath"/>.</param>
    /// <param name="reason">What is wrong, in lower case, such as <c>the file is missing</c>.</param>
    /// <param name="inner">The I/O error behind the failure, or null.</param>
    public DataFileException(string path, string reason, Exception? inner = null)
        : base(path, $"{path}: {reason}", inner)
    {
    }

    /// <summary>A failure on one line: the message is <c>FILE:LINE: reason</c>.</summary>
    /// <param name="path">The data file, as given to the reader; it starts the message and becomes <see cref="ModelFileException.FilePath"/>.</param>
    /// <param name="line">The 1-based line number at fault, counting blank and comment lines.</param>
    /// <param name="reason">What is wrong with the line, in lower case.</param>
    public DataFileException(string path, int line, string reason)
        : base(path, $"{path}:{line}: {reason}", null)
    {
        Line = line;
    }

    /// <summary>The 1-based line at fault, or 0 for the whole file.</summary>
    public int Line { get; }
}
