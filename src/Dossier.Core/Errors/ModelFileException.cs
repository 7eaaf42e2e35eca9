namespace Dossier.Core.Errors;

/// <summary>
/// A model file is missing, truncated, corrupt or of an unknown version. Each model family throws
/// its own subclass, whose message names the file and the command that rebuilds it; surfaces
/// catch this base type to report any of them in one line.
/// </summary>
public abstract class ModelFileException : Exception
{
    protected ModelFileException(string path, string message, Exception? innerException)
        : base(message, innerException)
    {
        FilePath = path;
    }

    /// <summary>The model file that could not be loaded.</summary>
    public string FilePath { get; }
}
