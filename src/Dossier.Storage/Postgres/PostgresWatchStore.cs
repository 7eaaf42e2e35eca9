using System.Data.Common;
using System.Net.Sockets;
using Dossier.Storage.Watch;
using Npgsql;
using NpgsqlTypes;

namespace Dossier.Storage.Postgres;

/// <summary>
/// The watcher's and the follows' tables (schema version 8) in a PostgreSQL store, over the document store's connection
/// pool; the queries are <see cref="WatchStore"/>'s, shared with SQLite. Any number of watchers, in any processes, may use
/// one store at once: claims lock the rows they take with <c>FOR UPDATE SKIP LOCKED</c> and move them on by a lease, and
/// follow evaluation locks the follows, so no source is polled, no item fetched and no webhook sent by two at once.
/// Thread-safe (a pooled connection per operation). Does not own the document store.
/// </summary>
public sealed class PostgresWatchStore(PostgresDocumentStore store) : WatchStore
{
    /// <summary>Opens the watch tables of the store at <paramref name="url"/> (a document store of its own, disposed with this one).</summary>
    /// <exception cref="StoreException">When the store cannot be opened.</exception>
    public static PostgresWatchStore Open(string url) => new(PostgresDocumentStore.Open(url)) { _owned = true };

    private bool _owned;

    /// <inheritdoc />
    protected override string SkipLocked(string? of = null) => of is null ? " FOR UPDATE SKIP LOCKED" : $" FOR UPDATE OF {of} SKIP LOCKED";

    /// <inheritdoc />
    protected override string ForUpdate => " FOR UPDATE";

    /// <summary>Disposes the document store when this one opened it.</summary>
    public override void Dispose()
    {
        if (_owned)
        {
            store.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }
    }

    /// <inheritdoc />
    protected override async Task<T> ReadAsync<T>(Func<DbConnection, Task<T>> read, CancellationToken cancellationToken)
    {
        try
        {
            await using var connection = await store.DataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
            return await read(connection).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is NpgsqlException or SocketException or TimeoutException)
        {
            throw new StoreException($"The watch tables of {store.Name} cannot be read: {OneLine(ex)}", ex);
        }
    }

    /// <inheritdoc />
    protected override async Task<T> WriteAsync<T>(Func<DbConnection, DbTransaction, Task<T>> write, CancellationToken cancellationToken)
    {
        try
        {
            await using var connection = await store.DataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            var result = await write(connection, transaction).ConfigureAwait(false);
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            return result;
        }
        catch (Exception ex) when (ex is NpgsqlException or SocketException or TimeoutException)
        {
            throw new StoreException($"The watch tables of {store.Name} cannot be written: {OneLine(ex)}", ex);
        }
    }

    /// <inheritdoc />
    protected override void AddParameter(DbCommand command, string name, object? value) =>
        ((NpgsqlCommand)command).Parameters.Add(value is null
            ? new NpgsqlParameter(name.TrimStart('@'), NpgsqlDbType.Text) { Value = DBNull.Value }
            : new NpgsqlParameter(name.TrimStart('@'), value));

    private static string OneLine(Exception ex) => (ex is PostgresException p ? p.MessageText : ex.Message).ReplaceLineEndings(" ");
}
