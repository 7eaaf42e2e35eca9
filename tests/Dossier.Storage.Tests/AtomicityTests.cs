using Dossier.Core.Documents;

namespace Dossier.Storage.Tests;

/// <summary>A document is stored whole or not at all.</summary>
public sealed class AtomicityTests : IDisposable
{
    private static readonly string[] LayerTables =
        ["documents", "entities", "entity_roles", "mentions", "times", "value_mentions", "events", "event_actors", "event_attributes"];

    private readonly TempDatabase _db = new();

    public void Dispose() => _db.Dispose();

    [Theory]
    [InlineData("document")]
    [InlineData("entities")]
    [InlineData("events")]
    public async Task Add_ExceptionMidTransaction_LeavesNoRows(string failingStage)
    {
        var document = SampleDocuments.Full();
        await using var store = _db.Open();
        store.AfterStage = stage =>
        {
            if (stage == failingStage)
            {
                throw new InvalidOperationException("injected failure");
            }
        };

        var ex = await Assert.ThrowsAsync<InvalidOperationException>(() => store.AddAsync(document));

        Assert.Equal("injected failure", ex.Message);
        await AssertNothingStored(store, document);

        // The store is still usable and the same document can be added afterwards.
        store.AfterStage = null;
        Assert.Equal(AddOutcome.Added, await store.AddAsync(document));
        Assert.Equal(4, _db.Count("entities"));
    }

    [Fact]
    public async Task Add_CancelledMidTransaction_RollsBack()
    {
        var document = SampleDocuments.Full();
        using var cancellation = new CancellationTokenSource();
        await using var store = _db.Open();
        var stagesSeen = new List<string>();
        store.AfterStage = stage =>
        {
            stagesSeen.Add(stage);
            if (stage == "entities")
            {
                cancellation.Cancel();
            }
        };

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => store.AddAsync(document, cancellation.Token));

        Assert.Equal(["document", "entities"], stagesSeen);
        await AssertNothingStored(store, document);
    }

    [Fact]
    public async Task Add_AlreadyCancelled_WritesNothing()
    {
        await using var store = _db.Open();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => store.AddAsync(SampleDocuments.Full(), new CancellationToken(canceled: true)));

        Assert.Equal(0, _db.Count("documents"));
    }

    [Fact]
    public async Task Add_DuplicateEntityIds_ThrowsStoreExceptionAndLeavesNoRows()
    {
        var full = SampleDocuments.Full();
        var broken = full with { Entities = [.. full.Entities, new Entity("e1", "Someone Else", "PERSON")] };
        await using var store = _db.Open();

        var ex = await Assert.ThrowsAsync<StoreException>(() => store.AddAsync(broken));

        Assert.Contains(broken.Id, ex.Message);
        Assert.Contains("entities", ex.Message);
        await AssertNothingStored(store, broken);
    }

    private async Task AssertNothingStored(IDocumentStore store, Document document)
    {
        foreach (var table in LayerTables)
        {
            Assert.True(_db.Count(table) == 0, $"{table} has rows after a failed add");
        }

        Assert.False(await store.ContainsAsync(document.Id));
        Assert.Empty(await store.SearchAsync("Zelensky", 10));
        Assert.Equal(0, (await store.GetStatisticsAsync()).Documents);
    }
}
