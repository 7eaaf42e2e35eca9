using Dossier.Storage.Postgres;
using Npgsql;

namespace Dossier.Cli.Tests;

/// <summary>
/// A fresh database on the test server named by <c>DOSSIER_TEST_POSTGRES</c> (started by <c>.ci/servers/postgres.sh</c>),
/// dropped on dispose; <see cref="Create"/> skips the test, saying why, when there is no server to use.
/// </summary>
internal sealed class PostgresTestDatabase : IDisposable
{
    private const string Variable = "DOSSIER_TEST_POSTGRES";
    private readonly string _admin;
    private readonly string _name;

    private PostgresTestDatabase(string admin, string name, string url)
    {
        _admin = admin;
        _name = name;
        Url = url;
    }

    /// <summary>The database's <c>postgres://</c> URL.</summary>
    public string Url { get; }

    /// <summary>Creates a database named <paramref name="prefix"/> and a random suffix, or skips the test.</summary>
    public static PostgresTestDatabase Create(string prefix)
    {
        var server = Environment.GetEnvironmentVariable(Variable);
        Skip.If(string.IsNullOrWhiteSpace(server), $"{Variable} is not set: no PostgreSQL server to test against (.ci/servers/postgres.sh starts one).");
        var admin = PostgresUrl.Parse(server.Trim()).ConnectionString;
        var name = prefix + Guid.NewGuid().ToString("N")[..16];
        try
        {
            using var connection = new NpgsqlConnection(admin);
            connection.Open();
            using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            create.ExecuteNonQuery();
        }
        catch (NpgsqlException ex)
        {
            Skip.If(true, $"{Variable} ({PostgresUrl.Redact(server.Trim())}) cannot be reached: {ex.Message.ReplaceLineEndings(" ")}");
        }

        var uri = new UriBuilder(server.Trim()) { Path = "/" + name };
        return new PostgresTestDatabase(admin, name, uri.Uri.GetComponents(UriComponents.AbsoluteUri, UriFormat.UriEscaped));
    }

    /// <summary>Drops the database, closing the pools' connections to it first.</summary>
    public void Dispose()
    {
        NpgsqlConnection.ClearAllPools();
        using var connection = new NpgsqlConnection(_admin);
        connection.Open();
        using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_name}\" WITH (FORCE)", connection);
        drop.ExecuteNonQuery();
    }
}
