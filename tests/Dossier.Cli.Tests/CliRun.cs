namespace Dossier.Cli.Tests;

/// <summary>Runs <c>dossier</c> in-process with captured output, against a database in a temporary folder.</summary>
internal sealed class CliRun : IDisposable
{
    public CliRun()
    {
        Directory = System.IO.Directory.CreateTempSubdirectory("dossier-cli-").FullName;
        Database = Path.Combine(Directory, "test.db");
    }

    public string Directory { get; }

    public string Database { get; }

    public static string Samples => Path.Combine(Testing.SharedData.RepositoryRoot, "samples");

    public async Task<(int Exit, string Out, string Err)> RunAsync(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exit = await DossierCli.RunAsync(args, output, error);
        return (exit, output.ToString(), error.ToString());
    }

    /// <summary>Runs a store command with <c>--db</c> pointing at this run's database.</summary>
    public Task<(int Exit, string Out, string Err)> RunWithDbAsync(params string[] args) => RunAsync([.. args, "--db", Database]);

    public string Write(string name, string content)
    {
        var path = Path.Combine(Directory, name);
        File.WriteAllText(path, content);
        return path;
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless.
        }
    }
}
