namespace Dossier.Core.Errors;

/// <summary>
/// A model file is missing, truncated, corrupt or of an unknown version. Each model family throws
/// its own subclass, whose message names the file and, for a built model, the command that rebuilds it
/// (<see cref="Data.DataFileException"/>, for hand-written data files, names <c>FILE:LINE</c> instead);
/// surfaces catch this base type to report any of them in one line.
/// </summary>
public abstract class ModelFileException : Exception
{
    /// <summary>Initialises the exception for <paramref name="path"/> with a message ready to show.</summary>
    /// <param name="path">The file that could not be loaded; becomes <see cref="FilePath"/>.</param>
    /// <param name="message">The whole one-line message, file name included.</param>
    /// <param name="innerException">The error behind the failure, or null.</param>
    protected ModelFileException(string path, string message, Exception? innerException)
        : base(message, innerException)
    {
        FilePath = path;
    }

    /// <summary>The model file that could not be loaded.</summary>
    public string FilePath { get; }
}
