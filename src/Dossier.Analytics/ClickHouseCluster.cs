using System.Net.Http;
using ClickHouse.Driver;
using ClickHouse.Driver.Copy;
using Dossier.Storage;

namespace Dossier.Analytics;

/// <summary>
/// The analytics cluster over ClickHouse's HTTP interface, through ClickHouse.Driver in the subset that works from
/// ClickHouse 18.16 to current servers: statements with <c>ExecuteNonQueryAsync</c>, reads as TabSeparated text
/// (<c>ExecuteRawResultAsync</c>), inserts as RowBinary with the column types given (<c>InsertBinaryAsync</c>). Literals
/// are quoted by <see cref="Sql"/>: no query parameters. Every failure surfaces as a one-line <see cref="StoreException"/>.
/// </summary>
public sealed class ClickHouseCluster : IDisposable
{
    private readonly ClickHouseClient _client;
    private readonly List<ClickHouseClient> _nodes = [];

    /// <summary>Connects (lazily: nothing is sent until the first query).</summary>
    public ClickHouseCluster(ClickHouseAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        Address = address;
        _client = new ClickHouseClient(address.ConnectionString(address.Host, address.Port));
        foreach (var (host, port) in address.Nodes)
        {
            _nodes.Add(host == address.Host && port == address.Port ? _client : new ClickHouseClient(address.ConnectionString(host, port)));
        }
    }

    /// <summary>The address connected to.</summary>
    public ClickHouseAddress Address { get; }

    /// <summary>The database of the address, as an identifier.</summary>
    public string Database => Address.Database;

    /// <summary>Runs a statement on the node of the address.</summary>
    public Task ExecuteAsync(string sql, CancellationToken cancellationToken = default) => ExecuteOnAsync(_client, Address.Host, Address.Port, sql, cancellationToken);

    /// <summary>Runs a statement on every node listed in the address (DDL: 18.16 has no <c>ON CLUSTER</c> without ZooKeeper).</summary>
    public async Task ExecuteOnEachNodeAsync(string sql, CancellationToken cancellationToken = default)
    {
        for (var i = 0; i < _nodes.Count; i++)
        {
            await ExecuteOnAsync(_nodes[i], Address.Nodes[i].Host, Address.Nodes[i].Port, sql, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Runs a query and returns its rows as text fields (TabSeparated, unescaped).</summary>
    public async Task<List<string[]>> QueryAsync(string sql, CancellationToken cancellationToken = default)
    {
        try
        {
            using var result = await _client.ExecuteRawResultAsync(sql + "\nFORMAT TabSeparated", null!, cancellationToken).ConfigureAwait(false);
            return Sql.ParseTabSeparated(await result.ReadAsStringAsync().ConfigureAwait(false));
        }
        catch (Exception e) when (IsServerFailure(e))
        {
            throw Fail(Address.Host, Address.Port, e);
        }
    }

    /// <summary>One number from a query.</summary>
    public async Task<long> ScalarAsync(string sql, CancellationToken cancellationToken = default)
    {
        var rows = await QueryAsync(sql, cancellationToken).ConfigureAwait(false);
        return rows.Count == 0 || rows[0].Length == 0 || rows[0][0] is "" or "\\N" ? 0 : long.Parse(rows[0][0], System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>Inserts rows (RowBinary; column types given, so no schema query the old server cannot answer).</summary>
    /// <param name="parallelism">Batches serialised and sent at once.</param>
    /// <returns>How many rows were sent.</returns>
    public async Task<long> InsertAsync(string table, IReadOnlyList<(string Name, string Type)> columns, IEnumerable<object[]> rows, CancellationToken cancellationToken = default, int parallelism = 1)
    {
        var options = new InsertOptions
        {
            ColumnTypes = columns.ToDictionary(c => c.Name, c => c.Type),
            Format = RowBinaryFormat.RowBinary,
            Compressor = null!,
            BatchSize = 200_000,
            MaxDegreeOfParallelism = parallelism,
        };
        try
        {
            return await _client.InsertBinaryAsync($"{Database}.{table}", columns.Select(c => c.Name), rows, options, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (IsServerFailure(e))
        {
            throw Fail(Address.Host, Address.Port, e);
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        foreach (var node in _nodes.Distinct())
        {
            node.Dispose();
        }

        if (!_nodes.Contains(_client))
        {
            _client.Dispose();
        }
    }

    private static async Task ExecuteOnAsync(ClickHouseClient client, string host, int port, string sql, CancellationToken cancellationToken)
    {
        try
        {
            await client.ExecuteNonQueryAsync(sql, null!, null!, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (IsServerFailure(e))
        {
            throw Fail(host, port, e);
        }
    }

    /// <summary>Whether a driver exception is the server's or the network's failure (an HTTP time-out included), not the
    /// caller's cancellation or a programming error.</summary>
    private static bool IsServerFailure(Exception e) =>
        e is TaskCanceledException { InnerException: TimeoutException } || (e is not OperationCanceledException and not ArgumentException and not StoreException);

    private static StoreException Fail(string host, int port, Exception e)
    {
        var reason = e is HttpRequestException { InnerException: { } inner } ? inner.Message : e.Message;
        var line = reason.ReplaceLineEndings(" ").Trim();
        if (line.Length > 300)
        {
            line = line[..300] + "…";
        }

        return new StoreException($"ClickHouse at {host}:{port}: {line}", e);
    }
}
