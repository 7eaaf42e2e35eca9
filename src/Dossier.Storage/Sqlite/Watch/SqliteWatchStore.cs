using System.Data.Common;
using Dossier.Storage.Watch;
using Microsoft.Data.Sqlite;

namespace Dossier.Storage.Sqlite.Watch;

/// <summary>
/// The watcher's and the follows' tables (schema version 8) in a Dossier SQLite store, on a connection of their own
/// beside <see cref="SqliteDocumentStore"/>'s; the queries are <see cref="WatchStore"/>'s, shared with PostgreSQL.
/// Thread-safe: one operation at a time; each write is one <c>BEGIN IMMEDIATE</c> transaction, so another process's
/// writer waits for it up to the busy timeout.
/// </summary>
public sealed class SqliteWatchStore : WatchStore
{
    private readonly SqliteConnection _connection;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private bool _disposed;

    private SqliteWatchStore(SqliteConnection connection) => _connection = connection;

    /// <summary>Opens the watch tables of the store at <paramref name="path"/>, creating or migrating the store first when needed.</summary>
    /// <exception cref="StoreException">When the store cannot be opened.</exception>
    public static SqliteWatchStore Open(string path, TimeSpan? busyTimeout = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        // The document store creates the file, checks it is a Dossier store and runs the migrations.
        SqliteDocumentStore.Open(path, busyTimeout).Dispose();
        var timeout = busyTimeout ?? SqliteDocumentStore.DefaultBusyTimeout;
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = Path.GetFullPath(path),
            Mode = SqliteOpenMode.ReadWrite,
            Pooling = false,
            DefaultTimeout = Math.Max(1, (int)Math.Ceiling(timeout.TotalSeconds)),
        }.ToString());
        try
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = $"PRAGMA busy_timeout = {(long)timeout.TotalMilliseconds}; PRAGMA foreign_keys = ON; PRAGMA synchronous = NORMAL;";
            command.ExecuteNonQuery();
            return new SqliteWatchStore(connection);
        }
        catch (SqliteException ex)
        {
            connection.Dispose();
            throw new StoreException($"Cannot open the watch tables of '{path}': {ex.Message}", ex);
        }
    }

    // ---- plumbing ------------------------------------------------------------------------------------------------

    /// <summary>Closes the connection.</summary>
    public override void Dispose()
    {
        _gate.Wait();
        try
        {
            if (!_disposed)
            {
                _disposed = true;
                _connection.Dispose();
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <inheritdoc />
    protected override async Task<T> ReadAsync<T>(Func<DbConnection, Task<T>> read, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            return await read(_connection).ConfigureAwait(false);
        }
        catch (SqliteException ex)
        {
            throw new StoreException($"The watch tables cannot be read: {ex.Message}", ex);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <inheritdoc />
    protected override async Task<T> WriteAsync<T>(Func<DbConnection, DbTransaction, Task<T>> write, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            using var transaction = _connection.BeginTransaction(deferred: false);
            var result = await write(_connection, transaction).ConfigureAwait(false);
            transaction.Commit();
            return result;
        }
        catch (SqliteException ex)
        {
            throw new StoreException($"The watch tables cannot be written: {ex.Message}", ex);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <inheritdoc />
    protected override void AddParameter(DbCommand command, string name, object? value) =>
        ((SqliteCommand)command).Parameters.AddWithValue(name, value ?? DBNull.Value);
}
