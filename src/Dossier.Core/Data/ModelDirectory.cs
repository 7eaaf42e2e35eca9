namespace Dossier.Core.Data;

/// <summary>
/// The one place that finds the <c>models</c> folder: <c>AppContext.BaseDirectory/models</c> when it holds the
/// file asked for (programs get a copy of <c>models/</c> at build time), else the <c>models</c> folder beside
/// <c>Dossier.slnx</c> found walking up from the base directory (tests and <c>dotnet run</c> in the repository).
/// </summary>
/// <remarks>
/// Nothing is cached: each call probes the file system again. The methods only find a folder; loading and
/// reporting a missing file is left to the caller (a <see cref="Errors.ModelFileException"/> naming the path).
/// Thread-safe.
/// </remarks>
public static class ModelDirectory
{
    /// <summary>The name of the folder that holds every model, lexicon and word list.</summary>
    public const string FolderName = "models";

    /// <summary>
    /// The <c>models</c> folder to load <paramref name="marker"/> from: <c>AppContext.BaseDirectory/models</c> when
    /// the file is there; else the first <c>models</c> folder beside a <c>Dossier.slnx</c>, walking up from the base
    /// directory (whether or not it holds the file); else <c>AppContext.BaseDirectory/models</c>, so that the
    /// missing-file error names the place a published program looks in.
    /// </summary>
    /// <param name="marker">A file path relative to the <c>models</c> folder, such as <c>syntax-en-tagger.bin.gz</c>.</param>
    /// <returns>An absolute folder path; it may not exist.</returns>
    /// <exception cref="ArgumentException"><paramref name="marker"/> is empty.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="marker"/> is null.</exception>
    public static string Locate(string marker)
    {
        ArgumentException.ThrowIfNullOrEmpty(marker);
        var local = Path.Combine(AppContext.BaseDirectory, FolderName);
        if (File.Exists(Path.Combine(local, marker)))
        {
            return local;
        }

        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var models = Path.Combine(dir.FullName, FolderName);
            if (File.Exists(Path.Combine(dir.FullName, "Dossier.slnx")) && Directory.Exists(models))
            {
                return models;
            }
        }

        return local;
    }

    /// <summary>
    /// The sub-folder <paramref name="name"/> of the <c>models</c> folder that <see cref="Locate"/> picks for
    /// <c>name/marker</c>.
    /// </summary>
    /// <param name="name">The sub-folder of <c>models</c>, such as <c>time</c>.</param>
    /// <param name="marker">A file inside that sub-folder whose presence decides between the candidate folders.</param>
    /// <returns>An absolute folder path; it may not exist.</returns>
    /// <exception cref="ArgumentException"><paramref name="name"/> is empty.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="name"/> or <paramref name="marker"/> is null.</exception>
    public static string LocateFolder(string name, string marker)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        return Path.Combine(Locate(Path.Combine(name, marker)), name);
    }
}
