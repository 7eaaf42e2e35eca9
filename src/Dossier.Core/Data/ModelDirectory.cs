namespace Dossier.Core.Data;

/// <summary>
/// The one place that finds the <c>models</c> folder: <c>AppContext.BaseDirectory/models</c> when it holds the
/// file asked for (programs get a copy of <c>models/</c> at build time), else the <c>models</c> folder beside
/// <c>Dossier.slnx</c> found walking up from the base directory (tests and <c>dotnet run</c> in the repository).
/// </summary>
public static class ModelDirectory
{
    /// <summary>The name of the folder that holds every model, lexicon and word list.</summary>
    public const string FolderName = "models";

    /// <summary>
    /// The <c>models</c> folder that holds <paramref name="marker"/> (a path relative to it, such as
    /// <c>syntax-en-tagger.bin.gz</c>); <c>AppContext.BaseDirectory/models</c> when none does, so that the
    /// missing-file error names the place a published program looks in.
    /// </summary>
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

    /// <summary>The sub-folder <paramref name="name"/> of the <c>models</c> folder that holds <c>name/marker</c>.</summary>
    public static string LocateFolder(string name, string marker)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        return Path.Combine(Locate(Path.Combine(name, marker)), name);
    }
}
