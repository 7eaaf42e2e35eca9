using System.Collections.Concurrent;
using Microsoft.Data.Sqlite;

namespace Dossier.Storage.Sqlite;

/// <summary>
/// Read-only connections to one store file, lent one caller at a time. In WAL mode readers never block each other
/// or the writer, so queries run in parallel on as many connections as the pool holds, while writes keep to the
/// store's single writing connection. Each connection is opened on first need and kept until the pool is disposed;
/// each sees the database as of the start of its statement, i.e. every committed write. Each connection keeps its
/// prepared statements (<see cref="ReadSession"/>): planning a query costs about as much as running it.
/// </summary>
/// <remarks>Thread-safe. <see cref="Dispose"/> waits for every lent connection to come back.</remarks>
internal sealed class ReaderPool : IDisposable
{
    private readonly string _connectionString;
    private readonly long _busyTimeoutMs;
    private readonly SemaphoreSlim _slots;
    private readonly ConcurrentBag<ReadSession> _idle = [];
    private readonly int _size;
    private int _disposed;

    /// <param name="connectionString">The store's connection string (no pooling: the pool keeps its own).</param>
    /// <param name="size">How many connections may be lent at once.</param>
    public ReaderPool(string connectionString, TimeSpan busyTimeout, int size)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(size, 1);
        _connectionString = connectionString;
        _busyTimeoutMs = (long)busyTimeout.TotalMilliseconds;
        _size = size;
        _slots = new SemaphoreSlim(size, size);
    }

    /// <summary>How much of the database file a reader maps into memory (256 MiB).</summary>
    public const long MemoryMapBytes = 256L * 1024 * 1024;

    /// <summary>A pool as large as the machine has cores, from 2 to 8.</summary>
    public static int DefaultSize => Math.Clamp(Environment.ProcessorCount, 2, 8);

    /// <summary>Waits for a free connection and lends it; dispose the lease to give it back.</summary>
    /// <exception cref="ObjectDisposedException">When the pool is disposed.</exception>
    /// <exception cref="SqliteException">When a new connection cannot be opened.</exception>
    public async ValueTask<Lease> RentAsync(CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        await _slots.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
            return new Lease(this, _idle.TryTake(out var session) ? session : new ReadSession(Open()));
        }
        catch
        {
            _slots.Release();
            throw;
        }
    }

    /// <summary>Waits for every lent connection, then closes them all.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        for (var i = 0; i < _size; i++)
        {
            _slots.Wait();
        }

        while (_idle.TryTake(out var session))
        {
            session.Dispose();
        }
    }

    private SqliteConnection Open()
    {
        var connection = new SqliteConnection(_connectionString);
        try
        {
            connection.Open();
            using var command = connection.CreateCommand();
            // query_only: a bug that writes through a reader fails instead of racing the writer. mmap_size: pages are read
            // through a memory map (shared by every connection through the OS page cache) instead of a read() per page.
            command.CommandText = $"PRAGMA busy_timeout = {_busyTimeoutMs}; PRAGMA query_only = 1; PRAGMA mmap_size = {MemoryMapBytes};";
            command.ExecuteNonQuery();
            return connection;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    private void Return(ReadSession session)
    {
        session.Release();
        _idle.Add(session);
        _slots.Release();
    }

    /// <summary>One lent connection with its prepared statements.</summary>
    public readonly struct Lease(ReaderPool pool, ReadSession session) : IDisposable
    {
        public ReadSession Session { get; } = session;

        public SqliteConnection Connection => Session.Connection;

        public void Dispose() => pool.Return(Session);
    }
}
