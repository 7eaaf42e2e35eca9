namespace Dossier.Storage;

/// <summary>Where the store lives when a command needs one.</summary>
public enum StoreLocationSource
{
    /// <summary>The <c>--db PATH</c> option.</summary>
    Option,

    /// <summary>The <see cref="StoreLocator.EnvironmentVariable"/> environment variable.</summary>
    Environment,

    /// <summary><see cref="StoreLocator.DefaultFileName"/> in the current directory.</summary>
    Default,
}

/// <summary>A resolved store path and what chose it (for messages such as "using dossier.db (DOSSIER_DB)").</summary>
public sealed record StoreLocation(string Path, StoreLocationSource Source);

/// <summary>
/// Resolves the database path: the explicit <c>--db PATH</c> value if given, else the <c>DOSSIER_DB</c>
/// environment variable, else <c>dossier.db</c> in the current directory. Blank values count as absent.
/// Relative paths are made absolute against the current directory. Pure and thread-safe.
/// </summary>
public static class StoreLocator
{
    public const string EnvironmentVariable = "DOSSIER_DB";

    public const string DefaultFileName = "dossier.db";

    /// <summary>The full path of the store.</summary>
    /// <param name="explicitPath">The value of <c>--db</c>, or null when the option was not given.</param>
    public static string Resolve(string? explicitPath = null) => Locate(explicitPath).Path;

    /// <summary>The full path of the store and where it came from.</summary>
    /// <param name="explicitPath">The value of <c>--db</c>, or null when the option was not given.</param>
    /// <param name="getEnvironmentVariable">Reads an environment variable; <see cref="System.Environment.GetEnvironmentVariable(string)"/> when null.</param>
    /// <param name="currentDirectory">The directory relative paths are resolved against; the process's current directory when null.</param>
    public static StoreLocation Locate(string? explicitPath, Func<string, string?>? getEnvironmentVariable = null, string? currentDirectory = null)
    {
        var baseDirectory = currentDirectory ?? System.Environment.CurrentDirectory;
        if (!string.IsNullOrWhiteSpace(explicitPath))
        {
            return new StoreLocation(Full(explicitPath.Trim(), baseDirectory), StoreLocationSource.Option);
        }

        var fromEnvironment = (getEnvironmentVariable ?? System.Environment.GetEnvironmentVariable)(EnvironmentVariable);
        if (!string.IsNullOrWhiteSpace(fromEnvironment))
        {
            return new StoreLocation(Full(fromEnvironment.Trim(), baseDirectory), StoreLocationSource.Environment);
        }

        return new StoreLocation(Full(DefaultFileName, baseDirectory), StoreLocationSource.Default);
    }

    private static string Full(string path, string baseDirectory) => Path.GetFullPath(path, baseDirectory);
}
