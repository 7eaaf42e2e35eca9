using Npgsql;
using NpgsqlTypes;

namespace Dossier.Storage.Postgres;

/// <summary>
/// Statements of one transaction sent in few round trips: writes whose results nobody reads are queued
/// (<see cref="Queue"/>) and go to the server with the next read (<see cref="ReadAsync"/>) or <see cref="FlushAsync"/>,
/// as one <see cref="NpgsqlBatch"/>, in the order they were queued. A read therefore sees every write queued before it,
/// as if each statement had been sent alone; only the number of round trips changes. An error in a queued write
/// surfaces at the next read or flush (the transaction is lost either way). A parameter value that is an
/// <see cref="NpgsqlParameter"/> is sent as it is (with its type); a null one is a NULL of type text.
/// </summary>
internal sealed class PgBatch(NpgsqlConnection connection, NpgsqlTransaction? transaction, CancellationToken cancellationToken)
{
    private readonly List<NpgsqlBatchCommand> _pending = [];

    /// <summary>Round trips so far (batches sent), for tests and measurements.</summary>
    public int RoundTrips { get; private set; }

    /// <summary>Statements sent so far.</summary>
    public int Statements { get; private set; }

    /// <summary>Queues a statement that returns no rows.</summary>
    public void Queue(string sql, params (string Name, object? Value)[] parameters) => _pending.Add(Command(sql, parameters));

    /// <summary>Sends the queued statements, if any.</summary>
    public async Task FlushAsync()
    {
        if (_pending.Count == 0)
        {
            return;
        }

        await using var batch = Take([]);
        await batch.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Sends the queued statements and <paramref name="sql"/> (which must return columns) in one round trip and reads its rows.</summary>
    public async Task<List<T>> ReadAllAsync<T>(string sql, Func<NpgsqlDataReader, T> read, params (string Name, object? Value)[] parameters)
    {
        var rows = new List<T>();
        await ReadAsync(new PgRead(sql, parameters, r => rows.Add(read(r)))).ConfigureAwait(false);
        return rows;
    }

    /// <summary>Sends the queued statements and the <paramref name="reads"/> (each must return columns) in one round trip,
    /// calling each read's row callback on its rows, in order.</summary>
    public async Task ReadAsync(params PgRead[] reads)
    {
        await using var batch = Take(reads.Select(r => Command(r.Sql, r.Parameters)).ToList());
        await using var reader = await batch.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        for (var i = 0; i < reads.Length; i++)
        {
            // Statements that return no columns (the queued writes) are skipped, whether or not the reader shows them.
            while (reader.FieldCount == 0)
            {
                if (!await reader.NextResultAsync(cancellationToken).ConfigureAwait(false))
                {
                    throw new InvalidOperationException("A batched read returned no result set.");
                }
            }

            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                reads[i].Row(reader);
            }

            if (i < reads.Length - 1 && !await reader.NextResultAsync(cancellationToken).ConfigureAwait(false))
            {
                throw new InvalidOperationException("A batched read returned no result set.");
            }
        }
    }

    private NpgsqlBatch Take(List<NpgsqlBatchCommand> reads)
    {
        var batch = new NpgsqlBatch(connection, transaction);
        foreach (var command in _pending.Concat(reads))
        {
            batch.BatchCommands.Add(command);
        }

        RoundTrips++;
        Statements += batch.BatchCommands.Count;
        _pending.Clear();
        return batch;
    }

    private static NpgsqlBatchCommand Command(string sql, (string Name, object? Value)[] parameters)
    {
        var command = new NpgsqlBatchCommand(sql);
        foreach (var (name, value) in parameters)
        {
            if (value is NpgsqlParameter typed)
            {
                typed.ParameterName = name.TrimStart('@');
                command.Parameters.Add(typed);
                continue;
            }

            command.Parameters.Add(value is null
                ? new NpgsqlParameter(name.TrimStart('@'), NpgsqlDbType.Text) { Value = DBNull.Value }
                : new NpgsqlParameter(name.TrimStart('@'), value));
        }

        return command;
    }
}

/// <summary>One read of a <see cref="PgBatch"/>: its SQL, parameters and what to do with each row.</summary>
internal sealed record PgRead(string Sql, (string Name, object? Value)[] Parameters, Action<NpgsqlDataReader> Row);
