using Xunit;

namespace Dossier.Testing;

/// <summary>
/// Finds <c>../shared</c> (the corpora beside the repository). Tests that need it call
/// <see cref="Require"/>, which skips the test with a clear message when it is absent.
/// </summary>
public static class SharedData
{
    private static readonly Lazy<string?> Root = new(Locate);

    /// <summary>The shared folder, or null when there is none beside the repository.</summary>
    public static string? Directory => Root.Value;

    /// <summary>The full path of <paramref name="relative"/> under shared/; skips the test when missing.</summary>
    public static string Require(string relative)
    {
        var root = Root.Value;
        Skip.If(root is null, "../shared is absent: this test needs the shared corpora beside the repository.");
        var path = Path.Combine(root!, relative);
        Skip.IfNot(File.Exists(path) || System.IO.Directory.Exists(path), $"../shared/{relative} is absent.");
        return path;
    }

    /// <summary>The repository root (the folder holding Dossier.slnx).</summary>
    public static string RepositoryRoot
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "Dossier.slnx")))
                {
                    return dir.FullName;
                }
            }

            throw new InvalidOperationException("Dossier.slnx not found above " + AppContext.BaseDirectory);
        }
    }

    private static string? Locate()
    {
        var env = Environment.GetEnvironmentVariable("DOSSIER_SHARED");
        if (!string.IsNullOrEmpty(env) && System.IO.Directory.Exists(env))
        {
            return env;
        }

        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Dossier.slnx")))
            {
                var shared = Path.Combine(dir.Parent?.FullName ?? dir.FullName, "shared");
                return System.IO.Directory.Exists(shared) ? shared : null;
            }
        }

        return null;
    }
}
