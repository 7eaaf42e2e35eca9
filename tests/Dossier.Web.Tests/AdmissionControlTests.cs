using System.Net;
using System.Net.Sockets;
using System.Reflection;
using System.Text;
using System.Text.Json;
using Dossier.Storage.Corpus;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace Dossier.Web.Tests;

/// <summary>Admission control (<see cref="RequestAdmission"/>, branch pg7): at most N requests run at once, the others
/// wait oldest first, a full queue gets 503 with Retry-After, static assets never wait. A gate in the event list's store
/// query holds each request that reaches the store until the test lets it go, and the limiter's own counts say when a
/// request waits, so no test depends on how fast the machine is.</summary>
[Collection(WebCollection.Name)]
public class AdmissionControlTests(WebAppFixture fixture)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task EventList_ThreeConcurrentRequestsWithLimitTwo_TwoRunAndTheThirdWaitsUntilOneFinishes()
    {
        var gate = new Gate();
        var (app, client) = await StartAsync(gate, limit: 2, queue: 10);
        await using (app)
        using (client)
        {
            var admission = app.Services.GetRequiredService<RequestAdmission>();
            var requests = Enumerable.Range(1, 3).Select(i => client.GetAsync($"/api/events?limit={i}")).ToList();
            await WaitUntilAsync(() => gate.Entered.Count == 2 && admission.Queued == 1);
            Assert.Equal(2, gate.Entered.Count);
            Assert.Equal(2, admission.Running);

            gate.Release(1);
            await WaitUntilAsync(() => gate.Entered.Count == 3);
            gate.Release(2);
            foreach (var response in await Task.WhenAll(requests))
            {
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            }

            Assert.Equal(2, gate.MostAtOnce);
        }
    }

    [Fact]
    public async Task EventList_RequestsQueuedBehindOneRunning_AreLetInOldestFirst()
    {
        var gate = new Gate();
        var (app, client) = await StartAsync(gate, limit: 1, queue: 10);
        await using (app)
        using (client)
        {
            var admission = app.Services.GetRequiredService<RequestAdmission>();
            var requests = new List<Task<HttpResponseMessage>> { client.GetAsync("/api/events?limit=1") };
            await WaitUntilAsync(() => gate.Entered.Count == 1);
            // Each request is sent only once the one before it waits, so the queue's order is the sending order.
            foreach (var limit in new[] { 4, 2, 5, 3 })
            {
                var queued = admission.Queued;
                requests.Add(client.GetAsync($"/api/events?limit={limit}"));
                await WaitUntilAsync(() => admission.Queued == queued + 1);
            }

            for (var i = 0; i < 4; i++)
            {
                gate.Release(1);
                await WaitUntilAsync(() => gate.Entered.Count == i + 2);
            }

            gate.Release(1);
            await Task.WhenAll(requests);
            // The store sees limit + 1 (the page probes for one more).
            Assert.Equal(new[] { 2, 5, 3, 6, 4 }, gate.Entered);
        }
    }

    [Fact]
    public async Task FullQueue_OneMoreRequest_Gets503WithRetryAfterWhileAssetsAreStillServed()
    {
        var gate = new Gate();
        var (app, client) = await StartAsync(gate, limit: 1, queue: 1);
        await using (app)
        using (client)
        {
            var admission = app.Services.GetRequiredService<RequestAdmission>();
            var running = client.GetAsync("/api/events?limit=1");
            await WaitUntilAsync(() => gate.Entered.Count == 1);
            var waiting = client.GetAsync("/api/events?limit=2");
            await WaitUntilAsync(() => admission.Queued == 1);

            using var refused = await client.GetAsync("/api/events?limit=3");
            Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
            Assert.Equal((TimeSpan?)TimeSpan.FromSeconds(RequestAdmission.RetryAfterSeconds), refused.Headers.RetryAfter?.Delta);
            Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
            using (var problem = JsonDocument.Parse(await refused.Content.ReadAsStringAsync()))
            {
                Assert.Equal(503, problem.RootElement.GetProperty("status").GetInt32());
            }

            using var page = await client.GetAsync("/");
            Assert.Equal(HttpStatusCode.ServiceUnavailable, page.StatusCode);
            Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);

            using var css = await client.GetAsync("/assets/site.css");
            Assert.Equal(HttpStatusCode.OK, css.StatusCode);

            gate.Release(2);
            Assert.Equal(HttpStatusCode.OK, (await running).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await waiting).StatusCode);
            Assert.Equal(2, gate.Entered.Count);
        }
    }

    [Fact]
    public async Task QueuedRequest_ClientGoesAway_LeavesTheQueueWithoutReachingTheStore()
    {
        var gate = new Gate();
        var (app, client) = await StartAsync(gate, limit: 1, queue: 10);
        await using (app)
        using (client)
        {
            var admission = app.Services.GetRequiredService<RequestAdmission>();
            var running = client.GetAsync("/api/events?limit=1");
            await WaitUntilAsync(() => gate.Entered.Count == 1);
            var address = new Uri(app.Urls.Single());
            using (var tcp = new TcpClient())
            {
                await tcp.ConnectAsync(address.Host, address.Port);
                await tcp.GetStream().WriteAsync(Encoding.ASCII.GetBytes($"GET /api/events?limit=7 HTTP/1.1\r\nHost: {address.Authority}\r\n\r\n"));
                await WaitUntilAsync(() => admission.Queued == 1);
            }

            await WaitUntilAsync(() => admission.Queued == 0);
            gate.Release(1);
            Assert.Equal(HttpStatusCode.OK, (await running).StatusCode);
            Assert.Equal(new[] { 2 }, gate.Entered);
        }
    }

    [Fact]
    public async Task NoLimit_ThreeConcurrentRequests_AllReachTheStoreAtOnce()
    {
        var gate = new Gate();
        var (app, client) = await StartAsync(gate, limit: 0, queue: 10);
        await using (app)
        using (client)
        {
            Assert.Null(app.Services.GetService<RequestAdmission>());
            var requests = Enumerable.Range(1, 3).Select(i => client.GetAsync($"/api/events?limit={i}")).ToList();
            await WaitUntilAsync(() => gate.Entered.Count == 3);
            gate.Release(3);
            await Task.WhenAll(requests);
            Assert.Equal(3, gate.MostAtOnce);
        }
    }

    [Fact]
    public void Build_NegativeLimit_IsRefused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => DossierWebApp.Build([], new DossierWebOptions(fixture.DbPath) { MaxConcurrentRequests = -1 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => DossierWebApp.Build([], new DossierWebOptions(fixture.DbPath) { RequestQueueLimit = -1 }));
    }

    [Fact]
    public void DefaultOptions_AdmissionOn_WithTheDocumentedDefaultLimit()
    {
        var options = new DossierWebOptions(fixture.DbPath);
        Assert.True(options.MaxConcurrentRequests >= 1, "admission control is on by default");
        Assert.Equal(DossierWebOptions.DefaultMaxConcurrentRequests, options.MaxConcurrentRequests);
        Assert.Equal(DossierWebOptions.DefaultRequestQueueLimit, options.RequestQueueLimit);
    }

    private async Task<(WebApplication App, HttpClient Client)> StartAsync(Gate gate, int limit, int queue)
    {
        var options = new DossierWebOptions(fixture.DbPath)
        {
            CacheResponses = false,
            MaxConcurrentRequests = limit,
            RequestQueueLimit = queue,
            CorpusQueries = inner => GatedQueries.Wrap(inner, gate),
        };
        var (app, address) = await WebAppFixture.StartAsync(options);
        return (app, new HttpClient { BaseAddress = address, Timeout = Patience });
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "the server did not get there in time");
            await Task.Delay(10);
        }
    }

    /// <summary>Holds every event-list query until released, and records the order and the most held at once.</summary>
    internal sealed class Gate
    {
        private readonly SemaphoreSlim _release = new(0);
        private readonly object _lock = new();
        private readonly List<int> _entered = [];
        private int _held;

        /// <summary>The limit each query reached the store with, in the order they came.</summary>
        public IReadOnlyList<int> Entered
        {
            get
            {
                lock (_lock)
                {
                    return [.. _entered];
                }
            }
        }

        public int MostAtOnce { get; private set; }

        public void Release(int count) => _release.Release(count);

        public void Pass(int limit)
        {
            lock (_lock)
            {
                _entered.Add(limit);
                MostAtOnce = Math.Max(MostAtOnce, ++_held);
            }

            try
            {
                Assert.True(_release.Wait(Patience), "the test never released the gate");
            }
            finally
            {
                lock (_lock)
                {
                    _held--;
                }
            }
        }
    }

    /// <summary>The store's corpus queries with <see cref="Gate.Pass"/> before each event list (a blocking wait: the
    /// tests hold a few requests at most).</summary>
    public class GatedQueries : DispatchProxy
    {
        private ICorpusQueries _inner = null!;
        private Gate _gate = null!;

        internal static ICorpusQueries Wrap(ICorpusQueries inner, Gate gate)
        {
            var proxy = Create<ICorpusQueries, GatedQueries>();
            var gated = (GatedQueries)(object)proxy;
            gated._inner = inner;
            gated._gate = gate;
            return proxy;
        }

        protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
        {
            if (targetMethod!.Name == nameof(ICorpusQueries.ListEventsAsync))
            {
                _gate.Pass((int)args![1]!);
            }

            try
            {
                return targetMethod.Invoke(_inner, args);
            }
            catch (TargetInvocationException e) when (e.InnerException is not null)
            {
                System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(e.InnerException).Throw();
                throw;
            }
        }
    }
}
