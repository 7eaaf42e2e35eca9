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
    private readonly HttpClient _http = new(new SocketsHttpHandler { PooledConnectionIdleTimeout = TimeSpan.FromSeconds(30) }) { Timeout = TimeSpan.FromHours(1) };
    private IReadOnlyList<Shard>? _shards;
    private bool _shardsRead;

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

    /// <summary>Inserts rows into a table of <see cref="AnalyticsSchema.Tables"/>: straight into each shard's local table
    /// when the cluster's layout allows it (<see cref="LoadAsync{T}"/>), else through the <c>Distributed</c> table.</summary>
    /// <param name="parallelism">Batches serialised and sent at once on the <c>Distributed</c> path.</param>
    /// <returns>How many rows were sent.</returns>
    public async Task<long> InsertAsync(string table, IReadOnlyList<(string Name, string Type)> columns, IEnumerable<object[]> rows, CancellationToken cancellationToken = default, int parallelism = 1)
    {
        ArgumentNullException.ThrowIfNull(columns);
        var shardColumn = AnalyticsSchema.ShardColumnOf(table);
        var key = shardColumn is null ? -1 : columns.Select(c => c.Name).ToList().IndexOf(shardColumn);
        if (key >= 0 && await ShardsAsync(cancellationToken).ConfigureAwait(false) is not null)
        {
            var types = columns.Select(c => c.Type).ToArray();
            return await LoadAsync(table, columns, rows, row => CityHash.Of(row[key]), (row, writer) =>
            {
                for (var i = 0; i < types.Length; i++)
                {
                    writer.Value(types[i], row[i]);
                }
            }, cancellationToken).ConfigureAwait(false);
        }

        return await InsertDistributedAsync(table, columns, rows, cancellationToken, parallelism).ConfigureAwait(false);
    }

    /// <summary>Inserts rows through the <c>Distributed</c> table with the driver (RowBinary, column types given, so no
    /// schema query the old server cannot answer); the server splits them over the shards.</summary>
    /// <param name="parallelism">Batches serialised and sent at once.</param>
    /// <returns>How many rows were sent.</returns>
    public async Task<long> InsertDistributedAsync(string table, IReadOnlyList<(string Name, string Type)> columns, IEnumerable<object[]> rows, CancellationToken cancellationToken = default, int parallelism = 1)
    {
        ArgumentNullException.ThrowIfNull(columns);
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

    /// <summary>
    /// Loads rows straight into each shard's local table (<c>{table}_local</c>), one HTTP stream per shard at once: the
    /// rows are put on shards as the <c>Distributed</c> table would put them (<paramref name="shardHash"/> is the value of
    /// its shard key, e.g. <see cref="CityHash"/>; shard by weight slots, in shard order), written as RowBinary into
    /// blocks of about <see cref="LoadBlockBytes"/> by one producer task, and each block is sent while the next ones are
    /// written (at most a few blocks wait per shard, so memory stays bounded). Needs <see cref="ShardsAsync"/>; a <see cref="StoreException"/> when the cluster does not
    /// allow it.
    /// </summary>
    /// <param name="table">The Distributed table's name; the rows go to <c>{table}_local</c> on each shard.</param>
    /// <param name="columns">The columns in the order <paramref name="write"/> writes them.</param>
    /// <param name="rows">The rows, read once.</param>
    /// <param name="shardHash">The shard key's value of a row.</param>
    /// <param name="write">Writes one row's values (not <see cref="RowBinaryWriter.EndRow"/>: the loader counts rows).</param>
    /// <param name="cancellationToken">Stops the load (what was sent stays).</param>
    /// <returns>How many rows were sent.</returns>
    public async Task<long> LoadAsync<T>(string table, IReadOnlyList<(string Name, string Type)> columns, IEnumerable<T> rows, Func<T, ulong> shardHash, Action<T, RowBinaryWriter> write, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(columns);
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(shardHash);
        ArgumentNullException.ThrowIfNull(write);
        var shards = await ShardsAsync(cancellationToken).ConfigureAwait(false)
            ?? throw new StoreException($"ClickHouse at {Address.Host}:{Address.Port}: the cluster {Address.Cluster} has a shard that is not one node of the address's nodes=…; insert through the Distributed table instead.");
        var slots = shards.SelectMany((s, i) => Enumerable.Repeat(i, s.Weight)).ToArray();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var pool = new System.Collections.Concurrent.ConcurrentBag<RowBinaryWriter>();
        var channels = shards.Select(_ => System.Threading.Channels.Channel.CreateBounded<RowBinaryWriter>(
            new System.Threading.Channels.BoundedChannelOptions(LoadQueueBlocks) { SingleReader = true, SingleWriter = true })).ToArray();
        var query = $"INSERT INTO {Database}.{table}_local ({string.Join(", ", columns.Select(c => c.Name))}) FORMAT RowBinary";
        var uploads = shards.Select((shard, i) => UploadAsync(shard, query, channels[i].Reader, pool, stop)).ToArray();
        var produce = Task.Run(async () =>
        {
            long count = 0;
            var blocks = new RowBinaryWriter?[shards.Count];
            try
            {
                foreach (var row in rows)
                {
                    var shard = slots[(int)(shardHash(row) % (ulong)slots.Length)];
                    var block = blocks[shard] ??= Rent(pool);
                    write(row, block);
                    block.EndRow();
                    count++;
                    if (block.Length >= LoadBlockBytes)
                    {
                        blocks[shard] = null;
                        await channels[shard].Writer.WriteAsync(block, stop.Token).ConfigureAwait(false);
                    }
                }

                for (var i = 0; i < blocks.Length; i++)
                {
                    if (blocks[i] is { Rows: > 0 } block)
                    {
                        await channels[i].Writer.WriteAsync(block, stop.Token).ConfigureAwait(false);
                    }
                }

                return count;
            }
            catch
            {
                stop.Cancel();
                throw;
            }
            finally
            {
                foreach (var channel in channels)
                {
                    channel.Writer.TryComplete();
                }
            }
        }, CancellationToken.None);
        try
        {
            await Task.WhenAll(uploads.Append(produce)).ConfigureAwait(false);
        }
        catch (Exception) when (uploads.FirstOrDefault(u => u.IsFaulted)?.Exception?.InnerException is StoreException failure)
        {
            // A shard refused or broke off: its reason, not the producer's cancellation that followed.
            throw failure;
        }

        return produce.Result;

        static RowBinaryWriter Rent(System.Collections.Concurrent.ConcurrentBag<RowBinaryWriter> pool) =>
            pool.TryTake(out var block) ? block : new RowBinaryWriter(LoadBlockBytes + (LoadBlockBytes >> 2));
    }

    /// <summary>About how many bytes of rows go into one block before it is sent (1 MiB).</summary>
    public const int LoadBlockBytes = 1 << 20;

    /// <summary>Rows a server gathers from a load's stream into one block (one part per partition) before writing it:
    /// larger blocks make fewer parts to write and merge, and take more of the server's memory (about 200 bytes a row of
    /// <c>event_mentions</c>). Default 2,097,152 (ClickHouse's own is 1,048,576).</summary>
    public int LoadServerBlockRows { get; init; } = 2_097_152;

    /// <summary>Blocks waiting per shard while one is being sent; the producer waits beyond that (bounded memory).</summary>
    private const int LoadQueueBlocks = 8;

    /// <summary>A shard of the cluster and the node (of the address's <c>nodes</c>) that holds it.</summary>
    /// <param name="Number">The shard's <c>shard_num</c>.</param>
    /// <param name="Weight">Its weight (slots of the shard key's remainder).</param>
    /// <param name="Host">The node's HTTP host.</param>
    /// <param name="Port">The node's HTTP port.</param>
    public sealed record Shard(int Number, int Weight, string Host, int Port);

    /// <summary>The shards of the cluster in shard order, each with the node of the address that holds it, or null when
    /// a shard has more than one replica or none of the listed nodes holds it (then only the <c>Distributed</c> table can
    /// insert). Read once from <c>system.clusters</c> (<c>is_local</c> on each node) and kept.</summary>
    public async Task<IReadOnlyList<Shard>?> ShardsAsync(CancellationToken cancellationToken = default)
    {
        if (_shardsRead)
        {
            return _shards;
        }

        var cluster = Sql.String(Address.Cluster);
        var layout = await QueryAsync(
            $"SELECT shard_num, any(shard_weight), count() FROM system.clusters WHERE cluster = {cluster} GROUP BY shard_num ORDER BY shard_num",
            cancellationToken).ConfigureAwait(false);
        var nodeOf = new Dictionary<int, (string Host, int Port)>();
        for (var i = 0; i < _nodes.Count; i++)
        {
            List<string[]> local;
            try
            {
                using var result = await _nodes[i].ExecuteRawResultAsync(
                    $"SELECT shard_num FROM system.clusters WHERE cluster = {cluster} AND is_local\nFORMAT TabSeparated", null!, cancellationToken).ConfigureAwait(false);
                local = Sql.ParseTabSeparated(await result.ReadAsStringAsync().ConfigureAwait(false));
            }
            catch (Exception e) when (IsServerFailure(e))
            {
                throw Fail(Address.Nodes[i].Host, Address.Nodes[i].Port, e);
            }

            foreach (var row in local)
            {
                nodeOf.TryAdd(int.Parse(row[0], System.Globalization.CultureInfo.InvariantCulture), Address.Nodes[i]);
            }
        }

        List<Shard>? shards = [];
        foreach (var row in layout)
        {
            var number = int.Parse(row[0], System.Globalization.CultureInfo.InvariantCulture);
            if (row[2] != "1" || !nodeOf.TryGetValue(number, out var node))
            {
                shards = null;
                break;
            }

            shards.Add(new Shard(number, int.Parse(row[1], System.Globalization.CultureInfo.InvariantCulture), node.Host, node.Port));
        }

        _shards = shards is { Count: > 0 } && shards.Sum(s => s.Weight) > 0 ? shards : null;
        _shardsRead = true;
        return _shards;
    }

    private async Task UploadAsync(Shard shard, string query, System.Threading.Channels.ChannelReader<RowBinaryWriter> blocks,
        System.Collections.Concurrent.ConcurrentBag<RowBinaryWriter> pool, CancellationTokenSource stop)
    {
        try
        {
            // Larger blocks than the default 1,048,576 rows: fewer, larger parts for the server to write and merge.
            using var request = new HttpRequestMessage(HttpMethod.Post, $"http://{shard.Host}:{shard.Port}/?max_insert_block_size={LoadServerBlockRows}&query={Uri.EscapeDataString(query)}")
            {
                Content = new BlockContent(blocks, pool),
            };
            request.Headers.TransferEncodingChunked = true;
            request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue(
                "Basic", Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(Address.User + ":" + Address.Password)));
            using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseContentRead, stop.Token).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                var body = await response.Content.ReadAsStringAsync(stop.Token).ConfigureAwait(false);
                throw new StoreException($"ClickHouse at {shard.Host}:{shard.Port}: {OneLine(body.Length > 0 ? body : response.ReasonPhrase ?? response.StatusCode.ToString())}");
            }
        }
        catch (Exception e) when (e is not StoreException && IsServerFailure(e))
        {
            stop.Cancel();
            throw Fail(shard.Host, shard.Port, e);
        }
        catch (StoreException)
        {
            stop.Cancel();
            throw;
        }
    }

    /// <summary>The request body of one shard's insert: the blocks as the producer hands them over, until it is done.</summary>
    private sealed class BlockContent(System.Threading.Channels.ChannelReader<RowBinaryWriter> blocks, System.Collections.Concurrent.ConcurrentBag<RowBinaryWriter> pool) : HttpContent
    {
        protected override Task SerializeToStreamAsync(Stream stream, System.Net.TransportContext? context) =>
            SerializeToStreamAsync(stream, context, CancellationToken.None);

        protected override async Task SerializeToStreamAsync(Stream stream, System.Net.TransportContext? context, CancellationToken cancellationToken)
        {
            await foreach (var block in blocks.ReadAllAsync(cancellationToken).ConfigureAwait(false))
            {
                await stream.WriteAsync(block.Written, cancellationToken).ConfigureAwait(false);
                block.Clear();
                pool.Add(block);
            }
        }

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _http.Dispose();
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
        return new StoreException($"ClickHouse at {host}:{port}: {OneLine(reason)}", e);
    }

    private static string OneLine(string reason)
    {
        var line = reason.ReplaceLineEndings(" ").Trim();
        return line.Length > 300 ? line[..300] + "…" : line;
    }
}
