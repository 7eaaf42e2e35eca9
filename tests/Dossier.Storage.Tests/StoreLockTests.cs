using System.Globalization;
using System.Text.RegularExpressions;
using Dossier.Storage.Sqlite;
using Microsoft.Data.Sqlite;

namespace Dossier.Storage.Tests;

/// <summary>Issue 14, item 6: readers never wait for another process's write; a writer that gives up says how long it waited.</summary>
public sealed class StoreLockTests : IDisposable
{
    private readonly TempDatabase _db = new();

    public void Dispose() => _db.Dispose();

    [Fact]
    public async Task OpenReadOnly_WhileAnotherConnectionHoldsAWriteTransaction_ReadsWithoutNeedingTheLock()
    {
        var document = SampleDocuments.Full();
        await using (var setup = _db.Open())
        {
            await setup.AddAsync(document);
        }

        using var writer = HoldWriteLock();

        // A busy timeout of zero: any step that wanted the write lock would fail at once instead of waiting.
        var store = SqliteDocumentStore.Open(_db.FilePath, TimeSpan.Zero, StoreAccess.ReadOnly);
        Assert.True(store.IsReadOnly);
        Assert.Single(await store.ListAsync(10));
        Assert.NotNull(await store.GetAsync(document.Id));
        Assert.Equal(1, (await store.GetStatisticsAsync()).Documents);
        Assert.NotEmpty(await store.ListEntitiesAsync(null, null, 10));
        store.Dispose();

        // The holder's transaction is untouched and still the only writer.
        using var commit = writer.CreateCommand();
        commit.CommandText = "COMMIT";
        commit.ExecuteNonQuery();
    }

    [Fact]
    public async Task OpenReadOnly_Store_RefusesToAddDocuments()
    {
        await using (_db.Open())
        {
        }

        await using var store = SqliteDocumentStore.Open(_db.FilePath, access: StoreAccess.ReadOnly);

        await Assert.ThrowsAsync<InvalidOperationException>(() => store.AddAsync(SampleDocuments.Simple("Not stored.")));
        Assert.Equal(0, _db.Count("documents"));
    }

    [Fact]
    public async Task OpenReadOnly_MissingFile_IsCreatedAsAnEmptyStore()
    {
        await using var store = SqliteDocumentStore.Open(_db.FilePath, access: StoreAccess.ReadOnly);

        Assert.Empty(await store.ListAsync(10));
        Assert.Equal(SqliteSchema.LatestVersion, _db.Scalar("PRAGMA user_version"));
    }

    [Fact]
    public async Task OpenReadOnly_DocumentsNotYetLinkedIntoTheCorpus_LinksThemFirst()
    {
        await using (var setup = _db.Open())
        {
            await setup.AddAsync(SampleDocuments.Full());
        }

        using (var connection = _db.Connect())
        using (var command = connection.CreateCommand())
        {
            command.CommandText = "UPDATE events SET corpus_event_id = NULL; DELETE FROM corpus_events; UPDATE entities SET corpus_id = NULL; DELETE FROM corpus_entities; UPDATE documents SET corpus_linked = 0";
            command.ExecuteNonQuery();
        }

        await using var store = SqliteDocumentStore.Open(_db.FilePath, access: StoreAccess.ReadOnly);

        Assert.NotEmpty(await store.ListEntitiesAsync(null, null, 10));
        Assert.Equal(0, _db.Scalar("SELECT count(*) FROM documents WHERE corpus_linked = 0"));
    }

    [Fact]
    public async Task Add_WhileAnotherConnectionHoldsTheWriteLock_SaysLockedByAnotherProcessAndHowLongItWaited()
    {
        await using var store = _db.Open(busyTimeout: TimeSpan.FromMilliseconds(300));
        using var writer = HoldWriteLock();

        var ex = await Assert.ThrowsAsync<StoreException>(() => store.AddAsync(SampleDocuments.Simple("Blocked write.")));

        Assert.StartsWith($"{_db.FilePath}: the database is locked by another process (waited ", ex.Message);
        var waited = double.Parse(Regex.Match(ex.Message, @"waited (\d+\.\d) s\)$").Groups[1].Value, CultureInfo.InvariantCulture);
        Assert.True(waited >= 0.2, $"it must have waited at least the busy timeout: {ex.Message}");
    }

    /// <summary>A second connection that has begun a write transaction and written, so it holds the write lock.</summary>
    private SqliteConnection HoldWriteLock()
    {
        var other = _db.Connect();
        using var begin = other.CreateCommand();
        begin.CommandText = "BEGIN IMMEDIATE; UPDATE store_version SET version = version + 1 WHERE id = 1;";
        begin.ExecuteNonQuery();
        return other;
    }
}
