using Dossier.Storage.Sqlite;
using Microsoft.Data.Sqlite;

namespace Dossier.Storage.Tests;

/// <summary>Reads on the pooled read-only connections: they run beside a write, see only what is committed, and cannot write.</summary>
public sealed class ReaderPoolTests : IDisposable
{
    private readonly TempDatabase _db = new();

    public void Dispose() => _db.Dispose();

    [Fact]
    public async Task Read_WhileAWriteIsInsideItsTransaction_CompletesAndSeesOnlyCommittedDocuments()
    {
        await using var store = _db.Open();
        await store.AddAsync(SampleDocuments.Simple("The first document."));
        using var inside = new SemaphoreSlim(0);
        using var release = new SemaphoreSlim(0);
        store.AfterStage = stage =>
        {
            if (stage == "corpus")
            {
                inside.Release();
                release.Wait();
            }
        };

        var write = Task.Run(() => store.AddAsync(SampleDocuments.Simple("The second document.")));
        Assert.True(await inside.WaitAsync(TimeSpan.FromSeconds(30)), "the write never reached its last stage");
        var during = store.GetStatisticsAsync();
        var finished = await Task.WhenAny(during, Task.Delay(TimeSpan.FromSeconds(30)));
        release.Release();
        await write;
        store.AfterStage = null;

        Assert.Same(during, finished);
        Assert.Equal(1, (await during).Documents);
        Assert.Equal(2, (await store.GetStatisticsAsync()).Documents);
    }

    [Fact]
    public async Task Store_ManyConcurrentReadsAndWrites_AllSucceedAndReadsSeeEveryWrite()
    {
        await using var store = _db.Open();
        var documents = Enumerable.Range(0, 20).Select(i => SampleDocuments.Simple($"Document number {i} of the mix.")).ToList();

        var writes = documents.Select(d => Task.Run(() => store.AddAsync(d))).ToList();
        var reads = Enumerable.Range(0, 40).Select(_ => Task.Run(async () => (await store.ListAsync(100)).Count)).ToList();
        await Task.WhenAll(writes);
        var counts = await Task.WhenAll(reads);

        Assert.All(counts, c => Assert.InRange(c, 0, 20));
        foreach (var document in documents)
        {
            Assert.True(await store.ContainsAsync(document.Id));
        }
    }

    [Fact]
    public async Task Rent_PooledConnection_RefusesToWrite()
    {
        await using (_db.Open())
        {
        }

        var connectionString = new SqliteConnectionStringBuilder { DataSource = _db.FilePath, Pooling = false }.ToString();
        using var pool = new ReaderPool(connectionString, TimeSpan.FromSeconds(1), size: 2);
        using var lease = await pool.RentAsync(CancellationToken.None);
        using var command = lease.Connection.CreateCommand();
        command.CommandText = "DELETE FROM documents";

        var error = Assert.Throws<SqliteException>(() => command.ExecuteNonQuery());
        Assert.Equal(8, error.SqliteErrorCode); // SQLITE_READONLY
    }

    [Fact]
    public async Task Rent_AllConnectionsLent_WaitsUntilOneComesBack()
    {
        await using (_db.Open())
        {
        }

        var connectionString = new SqliteConnectionStringBuilder { DataSource = _db.FilePath, Pooling = false }.ToString();
        using var pool = new ReaderPool(connectionString, TimeSpan.FromSeconds(1), size: 1);
        var first = await pool.RentAsync(CancellationToken.None);
        var second = pool.RentAsync(CancellationToken.None).AsTask();
        await Task.Delay(100);
        Assert.False(second.IsCompleted);

        first.Dispose();
        using var lease = await second.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Same(first.Connection, lease.Connection);
    }
}

/// <summary>The store version that caches key on.</summary>
public sealed class StoreVersionTests : IDisposable
{
    private readonly TempDatabase _db = new();

    public void Dispose() => _db.Dispose();

    [Fact]
    public async Task GetVersion_AfterAddsAndDuplicates_MovesOnOnlyWhenADocumentIsStored()
    {
        await using var store = _db.Open();
        var empty = await store.GetVersionAsync();
        var document = SampleDocuments.Simple("A document that changes the store.");

        await store.AddAsync(document);
        var afterAdd = await store.GetVersionAsync();
        await store.AddAsync(document);
        var afterDuplicate = await store.GetVersionAsync();

        Assert.NotEqual(empty, afterAdd);
        Assert.Equal(afterAdd, afterDuplicate);
    }

    [Fact]
    public async Task GetVersion_DocumentAddedByAnotherStoreOnTheSameFile_MovesOn()
    {
        await using var reader = _db.Open();
        var before = await reader.GetVersionAsync();

        await using (var writer = _db.Open())
        {
            await writer.AddAsync(SampleDocuments.Simple("Written by another process."));
        }

        Assert.NotEqual(before, await reader.GetVersionAsync());
    }
}

/// <summary>Prepared statements kept per pooled connection.</summary>
public sealed class ReadSessionTests : IDisposable
{
    private readonly TempDatabase _db = new();

    public void Dispose() => _db.Dispose();

    [Fact]
    public void Command_SameSqlTwice_IsTheSameCommandWithTheNewValues()
    {
        using var session = new ReadSession(_db.Connect());

        var first = session.Command("SELECT $a + 1", ("$a", 1));
        var firstValue = first.ExecuteScalar();
        var second = session.Command("SELECT $a + 1", ("$a", 41));

        Assert.Same(first, second);
        Assert.Equal((2L, 42L), ((long)firstValue!, (long)second.ExecuteScalar()!));
        Assert.IsType<DBNull>(session.Command("SELECT $a", ("$a", null)).ExecuteScalar());
    }

    [Fact]
    public void Command_BeyondCapacity_RunsAndIsNotKept()
    {
        using var session = new ReadSession(_db.Connect());
        for (var i = 0; i < ReadSession.Capacity; i++)
        {
            session.Command($"SELECT {i}");
        }

        var extra = session.Command("SELECT 'one more'");
        Assert.Equal("one more", extra.ExecuteScalar());
        Assert.NotSame(extra, session.Command("SELECT 'one more'"));
        session.Release();
        Assert.Same(session.Command("SELECT 0"), session.Command("SELECT 0"));
    }
}
