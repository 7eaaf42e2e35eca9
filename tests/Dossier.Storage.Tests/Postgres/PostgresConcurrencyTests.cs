using Dossier.Core.Documents;
using Dossier.Storage.Corpus;
using Dossier.Storage.Postgres;
using static Dossier.Storage.Tests.Corpus.CorpusSamples;

namespace Dossier.Storage.Tests.Postgres;

/// <summary>Writers in separate sessions (as separate processes are) adding documents about the same people at the
/// same moment: the corpus must come out as one writer alone makes it.</summary>
public sealed class PostgresConcurrencyTests : IDisposable
{
    private static readonly DateOnly Day = new(2026, 2, 10);
    private readonly TestStore _db = new(StoreKind.Postgres);

    public void Dispose() => _db.Dispose();

    /// <summary>Two reports, by two outlets, of one meeting between two invented people.</summary>
    private static (Document First, Document Second) Reports(int i)
    {
        var (host, guest) = ($"Maren Quist{i}", $"Tobias Ekwall{i}");
        var first = Build($"Quist{i} meets Ekwall{i}", $"{host} met {guest} in Tallinn on Tuesday. Quist{i} said the talks went well.",
            Day, $"https://one.example.org/{i}",
            [Person("e1", host, "EST", $"Quist{i}"), Person("e2", guest, "SWE")],
            [Event("v1", "CONSULT", "e1", "e2", "2026-02-10")]);
        var second = Build($"Ekwall{i} visits Tallinn", $"{guest} travelled to Tallinn, where {host} received him on Tuesday.",
            Day.AddDays(1), $"https://two.example.net/{i}",
            [Person("e1", guest, "SWE", $"Ekwall{i}"), Person("e2", host, "EST")],
            [Event("v1", "CONSULT", "e2", "e1", "2026-02-10")]);
        return (first, second);
    }

    [SkippableFact]
    public async Task ConcurrentWriters_ReportsOfTheSameMeeting_OneCorpusEntityPerPersonAndOneEventPerMeeting()
    {
        const int Meetings = 12;
        await using var one = _db.Open();
        await using var two = _db.Open(); // its own connection pool: another session, as another process has
        var reports = Enumerable.Range(0, Meetings).Select(Reports).ToList();

        using var start = new Barrier(2);
        var firstWriter = Task.Run(async () =>
        {
            start.SignalAndWait();
            foreach (var (first, _) in reports)
            {
                Assert.Equal(AddOutcome.Added, await one.AddAsync(first));
            }
        });
        var secondWriter = Task.Run(async () =>
        {
            start.SignalAndWait();
            foreach (var (_, second) in reports)
            {
                Assert.Equal(AddOutcome.Added, await two.AddAsync(second));
            }
        });
        await Task.WhenAll(firstWriter, secondWriter);

        Assert.Equal(2 * Meetings, _db.Count("documents"));
        Assert.Equal(2 * Meetings, _db.Count("corpus_entities"));
        Assert.Equal(Meetings, _db.Count("corpus_events"));
        var events = await one.ListEventsAsync(new CorpusEventFilter(), 100);
        Assert.All(events, e => Assert.Equal((2L, 2L), (e.NumArticles, e.NumSources)));
        var host = (await one.GetEntityAsync("Maren Quist3"))!;
        Assert.Equal(2, host.Entity.Documents);
    }

    [SkippableFact]
    public async Task ConcurrentWriters_TheSameDocument_StoredOnceAndTheOtherIsADuplicate()
    {
        await using var one = _db.Open();
        await using var two = _db.Open();
        var (document, _) = Reports(1);

        var outcomes = await Task.WhenAll(Task.Run(() => one.AddAsync(document)), Task.Run(() => two.AddAsync(document)));

        Assert.Equal([AddOutcome.Added, AddOutcome.Duplicate], outcomes.Order());
        Assert.Equal(1, _db.Count("documents"));
        Assert.Equal(2, _db.Count("corpus_entities"));
        Assert.Equal(1, _db.Count("corpus_events"));
    }

    [SkippableFact]
    public async Task Add_WhileAnotherWriterHoldsTheCorpusLock_StoresItsDocumentRowWithoutWaitingAndLinksAfter()
    {
        await using var one = _db.Open();
        await using var two = _db.Open();
        var (first, second) = Reports(3);
        var before = await one.GetVersionAsync();
        using var holding = new SemaphoreSlim(0);
        using var release = new SemaphoreSlim(0);
        using var secondStored = new SemaphoreSlim(0);
        one.AfterStage = stage =>
        {
            if (stage == "corpus")
            {
                holding.Release();
                release.Wait();
            }
        };
        two.AfterStage = stage =>
        {
            if (stage == "document")
            {
                secondStored.Release();
            }
        };

        var writeOne = Task.Run(() => one.AddAsync(first));
        bool reached;
        Task<AddOutcome> writeTwo;
        try
        {
            Assert.True(await holding.WaitAsync(TimeSpan.FromSeconds(30)), "the first writer never reached its corpus stage");
            writeTwo = Task.Run(() => two.AddAsync(second));
            reached = await secondStored.WaitAsync(TimeSpan.FromSeconds(20));
        }
        finally
        {
            release.Release();
        }

        var outcomes = await Task.WhenAll(writeOne, writeTwo);

        Assert.True(reached, "the second writer's document row waited for the first writer's transaction");
        Assert.Equal([AddOutcome.Added, AddOutcome.Added], outcomes);
        Assert.Equal(2, _db.Count("corpus_entities"));
        Assert.Equal(1, _db.Count("corpus_events"));
        Assert.Equal(before + 2, await one.GetVersionAsync());
    }

    [SkippableFact]
    public async Task Add_TheSameDocumentWhileTheFirstWriterIsInsideItsTransaction_WaitsAndIsADuplicate()
    {
        await using var one = _db.Open();
        await using var two = _db.Open();
        var (document, _) = Reports(4);
        using var holding = new SemaphoreSlim(0);
        using var release = new SemaphoreSlim(0);
        one.AfterStage = stage =>
        {
            if (stage == "corpus")
            {
                holding.Release();
                release.Wait();
            }
        };

        var writeOne = Task.Run(() => one.AddAsync(document));
        Task<AddOutcome> writeTwo;
        bool waited;
        try
        {
            Assert.True(await holding.WaitAsync(TimeSpan.FromSeconds(30)), "the first writer never reached its corpus stage");
            writeTwo = Task.Run(() => two.AddAsync(document));
            waited = await Task.WhenAny(writeTwo, Task.Delay(TimeSpan.FromSeconds(2))) != writeTwo;
        }
        finally
        {
            release.Release();
        }

        Assert.Equal((AddOutcome.Added, AddOutcome.Duplicate), (await writeOne, await writeTwo));
        Assert.True(waited, "the second writer of the same document did not wait for the first");
        Assert.Equal(1, _db.Count("documents"));
        Assert.Equal(2, _db.Count("corpus_entities"));
        Assert.Equal(1, _db.Count("corpus_events"));
    }

    [SkippableFact]
    public async Task Version_AddByAnotherWriter_MovesOnForEveryReader()
    {
        await using var reader = _db.Open();
        await using var writer = _db.Open();
        var before = await reader.GetVersionAsync();

        await writer.AddAsync(Reports(2).First);

        Assert.True(await reader.GetVersionAsync() > before);
    }
}

/// <summary>The work queue: leases, SKIP LOCKED, expiry and what a worker that lost its lease may still do.</summary>
public sealed class PostgresWorkQueueTests : IDisposable
{
    private static readonly TimeSpan Long = TimeSpan.FromMinutes(5);
    private readonly TestStore _db = new(StoreKind.Postgres);

    public void Dispose() => _db.Dispose();

    private PostgresWorkQueue Queue(StoreUnderTest store) => new((PostgresDocumentStore)store.Inner);

    [SkippableFact]
    public async Task Enqueue_SameInputTwice_RecordedOnce()
    {
        await using var store = _db.Open();
        var queue = Queue(store);

        Assert.Equal(2, await queue.EnqueueAsync(["/data/a.txt", "/data/b.txt", "/data/a.txt"]));
        Assert.Equal(0, await queue.EnqueueAsync(["/data/b.txt"]));

        Assert.Equal(new WorkQueueCounts(2, 0, 0, 0), await queue.CountsAsync());
    }

    [SkippableFact]
    public async Task Take_ManyWorkersAtOnce_EachItemTakenByExactlyOne()
    {
        await using var store = _db.Open();
        var queue = Queue(store);
        await queue.EnqueueAsync(Enumerable.Range(0, 40).Select(i => $"/data/{i:D2}.txt"));

        var taken = await Task.WhenAll(Enumerable.Range(0, 8).Select(w => Task.Run(async () =>
        {
            var mine = new List<string>();
            while (await queue.TakeAsync($"w{w}", Long) is { } item)
            {
                mine.Add(item.Input);
            }

            return mine;
        })));

        var all = taken.SelectMany(t => t).ToList();
        Assert.Equal(40, all.Count);
        Assert.Equal(40, all.Distinct().Count());
        Assert.Equal(new WorkQueueCounts(0, 40, 0, 0), await queue.CountsAsync());
    }

    [SkippableFact]
    public async Task Take_LeaseRunOut_AnotherWorkerTakesItAndTheFirstCannotFinishIt()
    {
        await using var store = _db.Open();
        var queue = Queue(store);
        await queue.EnqueueAsync(["/data/only.txt"]);

        var first = (await queue.TakeAsync("dead", TimeSpan.FromSeconds(1)))!;
        Assert.Null(await queue.TakeAsync("other", Long)); // still leased
        await Task.Delay(TimeSpan.FromSeconds(1.5));
        var again = await queue.TakeAsync("other", Long);

        Assert.NotNull(again);
        Assert.Equal((first.Id, 2), (again.Id, again.Attempts));
        Assert.False(await queue.RenewAsync(first.Id, "dead", Long));
        Assert.False(await queue.FinishAsync(first.Id, "dead", 1, 0, null));
        Assert.True(await queue.FinishAsync(again.Id, "other", 1, 0, null));
        Assert.Equal(new WorkQueueCounts(0, 0, 1, 0), await queue.CountsAsync());
    }

    [SkippableFact]
    public async Task Finish_WithAnError_ShowsTheItemAsFailedWithIt()
    {
        await using var store = _db.Open();
        var queue = Queue(store);
        await queue.EnqueueAsync(["/data/broken.txt"]);
        var item = (await queue.TakeAsync("w", Long))!;

        await queue.FinishAsync(item.Id, "w", 0, 0, "/data/broken.txt: no such file or directory");

        var failed = Assert.Single(await queue.ListAsync("failed", 10));
        Assert.Equal("/data/broken.txt: no such file or directory", failed.Error);
    }
}
