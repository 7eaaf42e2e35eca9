using Dossier.Storage.Corpus;
using Dossier.Storage.Postgres;
using Dossier.Storage.Sqlite;

namespace Dossier.Storage;

/// <summary>Where a command's store is and which kind it is: the one place that chooses between SQLite and PostgreSQL.</summary>
/// <param name="Target">A PostgreSQL URL, or the full path of a SQLite file.</param>
/// <param name="IsPostgres">Whether <paramref name="Target"/> is a PostgreSQL URL.</param>
public sealed record StoreChoice(string Target, bool IsPostgres)
{
    /// <summary>For messages: the URL without its password, or the path.</summary>
    public string Display => IsPostgres ? PostgresUrl.Redact(Target) : Target;
}

/// <summary>
/// Opens the store a command asks for: <c>--store URL</c>, else the <see cref="EnvironmentVariable"/> environment
/// variable, names a PostgreSQL database (<c>postgres://USER:PASSWORD@HOST:PORT/DB</c>); without either, the SQLite file
/// of <see cref="StoreLocator"/> (<c>--db</c>, <c>DOSSIER_DB</c>, <c>dossier.db</c>). A <c>--store</c> value that is not a
/// URL is a SQLite path. Both stores implement <see cref="IDocumentStore"/> and <see cref="ICorpusQueries"/>.
/// </summary>
public static class StoreFactory
{
    /// <summary>The environment variable that names the store when <c>--store</c> is not given.</summary>
    public const string EnvironmentVariable = "DOSSIER_STORE";

    /// <summary>Which store a command uses.</summary>
    /// <param name="store">The value of <c>--store</c>, or null.</param>
    /// <param name="databasePath">The value of <c>--db</c>, or null.</param>
    /// <param name="getEnvironmentVariable">Reads an environment variable; the process's when null.</param>
    public static StoreChoice Choose(string? store, string? databasePath = null, Func<string, string?>? getEnvironmentVariable = null)
    {
        var read = getEnvironmentVariable ?? Environment.GetEnvironmentVariable;
        if (!string.IsNullOrWhiteSpace(store))
        {
            return PostgresUrl.IsPostgres(store.Trim())
                ? new StoreChoice(store.Trim(), true)
                : new StoreChoice(StoreLocator.Locate(store, read).Path, false);
        }

        if (string.IsNullOrWhiteSpace(databasePath) && read(EnvironmentVariable) is { } fromEnvironment && !string.IsNullOrWhiteSpace(fromEnvironment))
        {
            return PostgresUrl.IsPostgres(fromEnvironment.Trim())
                ? new StoreChoice(fromEnvironment.Trim(), true)
                : new StoreChoice(StoreLocator.Locate(fromEnvironment, read).Path, false);
        }

        return new StoreChoice(StoreLocator.Locate(databasePath, read).Path, false);
    }

    /// <summary>Opens the chosen store.</summary>
    /// <exception cref="StoreException">When it cannot be opened (a one-line reason).</exception>
    public static IDocumentStore Open(StoreChoice choice, StoreAccess access = StoreAccess.ReadWrite)
    {
        ArgumentNullException.ThrowIfNull(choice);
        return choice.IsPostgres ? PostgresDocumentStore.Open(choice.Target, access) : SqliteDocumentStore.Open(choice.Target, access: access);
    }

    /// <summary>The watch and follow tables of an open store, SQLite or PostgreSQL (dispose it before the store).</summary>
    /// <exception cref="StoreException">When they cannot be opened.</exception>
    public static Watch.WatchStore OpenWatch(IDocumentStore store) => store switch
    {
        SqliteDocumentStore sqlite => Sqlite.Watch.SqliteWatchStore.Open(sqlite.Path),
        PostgresDocumentStore postgres => new PostgresWatchStore(postgres),
        _ => throw new ArgumentException($"No watch tables for a store of type {store?.GetType().Name}.", nameof(store)),
    };

    /// <summary>Opens the store of <c>--store</c> / <c>--db</c> / the environment (see <see cref="Choose"/>).</summary>
    public static IDocumentStore Open(string? store, string? databasePath, StoreAccess access = StoreAccess.ReadWrite) =>
        Open(Choose(store, databasePath), access);
}
