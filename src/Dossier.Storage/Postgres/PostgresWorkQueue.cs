using Npgsql;

namespace Dossier.Storage.Postgres;

/// <summary>One input of the work queue (<c>work_queue</c>).</summary>
/// <param name="Input">A file path or a URL, as given to <c>dossier ingest</c>.</param>
/// <param name="State"><c>pending</c>, <c>leased</c>, <c>done</c> or <c>failed</c>.</param>
/// <param name="Attempts">How many times a worker has taken it.</param>
public sealed record WorkItem(long Id, string Input, string State, int Attempts, string? Worker, DateTimeOffset? LeaseUntil, int Added, int Duplicates, string? Error);

/// <summary>How many items are in each state.</summary>
public sealed record WorkQueueCounts(long Pending, long Leased, long Done, long Failed);

/// <summary>
/// The work queue of a PostgreSQL store: inputs that <c>dossier enqueue</c> records and <c>dossier worker</c> processes take.
/// An input is recorded once (its text is unique), so nothing is read twice. A worker takes the oldest pending item, or
/// a leased one whose lease has run out, with <c>FOR UPDATE SKIP LOCKED</c> (workers never wait for each other nor take
/// the same item), and holds it under a lease that it renews while it works; a worker that dies (SIGKILL, a lost
/// machine) stops renewing, the lease runs out and another worker takes the item again. The document transaction of the
/// dead worker was never committed, and one it did commit is a duplicate the second time, so nothing is lost or stored twice.
/// </summary>
public sealed class PostgresWorkQueue(PostgresDocumentStore store)
{
    /// <summary>After this many takes an item that never finished (its workers died each time) is failed.</summary>
    public const int MaxAttempts = 5;

    private NpgsqlDataSource Source => store.DataSource;

    /// <summary>The store the queue's inputs are ingested into.</summary>
    public PostgresDocumentStore Store => store;

    /// <summary>Records inputs; those already recorded (in any state) are left alone.</summary>
    /// <returns>How many were new.</returns>
    public async Task<int> EnqueueAsync(IEnumerable<string> inputs, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        var list = inputs.Distinct(StringComparer.Ordinal).ToArray();
        return await RunAsync(async c =>
        {
            var added = 0;
            foreach (var chunk in list.Chunk(1000))
            {
                added += await Pg.ExecuteAsync(c, null, """
                    INSERT INTO work_queue (input) SELECT unnest(@inputs) ORDER BY 1 ON CONFLICT (input) DO NOTHING
                    """, cancellationToken, ("@inputs", chunk)).ConfigureAwait(false);
            }

            return added;
        }, "enqueue into").ConfigureAwait(false);
    }

    /// <summary>Takes the oldest pending item (or one whose lease ran out) for <paramref name="worker"/>, or null when none is free.</summary>
    public Task<WorkItem?> TakeAsync(string worker, TimeSpan lease, CancellationToken cancellationToken = default) =>
        RunAsync(async c =>
        {
            await using var transaction = await c.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            // Items whose workers died too often are failed, so that one input that kills workers cannot stop the queue.
            await Pg.ExecuteAsync(c, transaction, """
                UPDATE work_queue SET state = 'failed', finished_at = now(), lease_until = NULL,
                       error = 'gave up after ' || attempts || ' attempts: the workers that took it stopped before finishing it'
                WHERE state = 'leased' AND lease_until < now() AND attempts >= @max
                """, cancellationToken, ("@max", MaxAttempts)).ConfigureAwait(false);
            var items = await Pg.ReadAllAsync(c, transaction, $"""
                UPDATE work_queue AS w SET state = 'leased', worker = @worker, attempts = w.attempts + 1,
                       lease_until = now() + make_interval(secs => @lease)
                WHERE w.item_id = (
                    SELECT item_id FROM work_queue
                    WHERE state = 'pending' OR (state = 'leased' AND lease_until < now())
                    ORDER BY item_id
                    FOR UPDATE SKIP LOCKED
                    LIMIT 1)
                RETURNING {Columns}
                """, Read, cancellationToken, ("@worker", worker), ("@lease", lease.TotalSeconds)).ConfigureAwait(false);
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            return items.FirstOrDefault();
        }, "take work from");

    /// <summary>Extends the lease of an item this worker holds.</summary>
    /// <returns>False when the item is no longer this worker's (its lease ran out and another worker took it).</returns>
    public Task<bool> RenewAsync(long id, string worker, TimeSpan lease, CancellationToken cancellationToken = default) =>
        RunAsync(async c => await Pg.ExecuteAsync(c, null, """
            UPDATE work_queue SET lease_until = now() + make_interval(secs => @lease)
            WHERE item_id = @id AND state = 'leased' AND worker = @worker
            """, cancellationToken, ("@id", id), ("@worker", worker), ("@lease", lease.TotalSeconds)).ConfigureAwait(false) == 1, "renew a lease in");

    /// <summary>Marks an item done (or failed, with <paramref name="error"/>) if this worker still holds it.</summary>
    public Task<bool> FinishAsync(long id, string worker, int added, int duplicates, string? error, CancellationToken cancellationToken = default) =>
        RunAsync(async c => await Pg.ExecuteAsync(c, null, """
            UPDATE work_queue SET state = @state, finished_at = now(), lease_until = NULL, added = added + @added,
                   duplicates = duplicates + @duplicates, error = @error
            WHERE item_id = @id AND state = 'leased' AND worker = @worker
            """, cancellationToken, ("@id", id), ("@worker", worker), ("@state", error is null ? "done" : "failed"),
            ("@added", added), ("@duplicates", duplicates), ("@error", error)).ConfigureAwait(false) == 1, "finish work in");

    /// <summary>How many items are in each state.</summary>
    public Task<WorkQueueCounts> CountsAsync(CancellationToken cancellationToken = default) =>
        RunAsync(async c => (await Pg.ReadAllAsync(c, null, """
            SELECT count(*) FILTER (WHERE state = 'pending'), count(*) FILTER (WHERE state = 'leased'),
                   count(*) FILTER (WHERE state = 'done'), count(*) FILTER (WHERE state = 'failed')
            FROM work_queue
            """, r => new WorkQueueCounts(r.GetInt64(0), r.GetInt64(1), r.GetInt64(2), r.GetInt64(3)), cancellationToken).ConfigureAwait(false))[0], "read");

    /// <summary>Items in one state (or all when null), oldest first.</summary>
    public Task<List<WorkItem>> ListAsync(string? state, int limit, CancellationToken cancellationToken = default) =>
        RunAsync(c => Pg.ReadAllAsync(c, null, $"""
            SELECT {Columns} FROM work_queue WHERE @state::text IS NULL OR state = @state ORDER BY item_id LIMIT @limit
            """, Read, cancellationToken, ("@state", state), ("@limit", limit)), "read");

    private const string Columns = "item_id, input, state, attempts, worker, lease_until, added, duplicates, error";

    private static WorkItem Read(NpgsqlDataReader r) => new(
        r.GetInt64(0), r.GetString(1), r.GetString(2), r.GetInt32(3), Pg.Text(r, 4),
        r.IsDBNull(5) ? null : r.GetFieldValue<DateTimeOffset>(5), r.GetInt32(6), r.GetInt32(7), Pg.Text(r, 8));

    private async Task<T> RunAsync<T>(Func<NpgsqlConnection, Task<T>> body, string action)
    {
        try
        {
            await using var connection = await Source.OpenConnectionAsync().ConfigureAwait(false);
            return await body(connection).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is NpgsqlException or System.Net.Sockets.SocketException or TimeoutException)
        {
            throw PostgresDocumentStore.Describe(ex, store.Name, action + " the work queue of");
        }
    }
}
