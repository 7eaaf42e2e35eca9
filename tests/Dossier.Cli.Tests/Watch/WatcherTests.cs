using System.Globalization;
using System.Text;
using System.Text.Json;
using Dossier.Engine.Watch;
using Dossier.Storage.Corpus;
using Dossier.Storage.Watch;

namespace Dossier.Cli.Tests.Watch;

/// <summary>Issue 19: the watcher against a local news site (never an outside address).</summary>
public sealed class WatcherTests : IDisposable
{
    private readonly NewsServer _server = new();
    // A timeout generous enough for a loaded CI machine (a 1 s timeout failed feed polls there); the slow page is far slower.
    private readonly WatchRig _rig = new(timeout: TimeSpan.FromSeconds(4), maxBytes: 100_000);

    public void Dispose()
    {
        _rig.Dispose();
        _server.Dispose();
    }

    private static string Sentence(int n) =>
        $"Officials of the river town number {n} gathered on Tuesday to approve harbour plan {n}, which widens quay {n} and dredges the channel.";

    [Fact]
    public async Task Watch_TwentyPollsOfFiveChangingFeeds_EveryItemStoredOnceNothingFetchedTwiceAnd304sHonoured()
    {
        const int Feeds = 5;
        const int Polls = 20;
        var feeds = Enumerable.Range(0, Feeds).Select(f => _server.AddFeed($"feed{f}.xml")).ToList();
        await _rig.WatchStore.SyncSourcesAsync([.. feeds.Select(f => (f, TimeSpan.FromSeconds(1)))]);
        var articles = new List<string>();
        var expectedNotModified = 0;
        for (var poll = 0; poll < Polls; poll++)
        {
            for (var f = 0; f < Feeds; f++)
            {
                // Each feed changes on about one poll in three (always on the first); the others must be answered 304.
                if (poll == 0 || (poll * 7 + f) % 3 == 0)
                {
                    var n = articles.Count;
                    _server.Publish($"feed{f}.xml", $"a/{n}.html", $"Harbour plan {n} approved", Sentence(n), new DateOnly(2026, 5, 1).AddDays(n % 20));
                    articles.Add($"a/{n}.html");
                }
                else
                {
                    expectedNotModified++;
                }
            }

            var pass = await _rig.Watcher.RunOnceAsync(CancellationToken.None);
            Assert.Equal(Feeds, pass.Polled);
            Assert.Equal(0, pass.PollFailures);
            _rig.Time.Advance(TimeSpan.FromSeconds(2));
        }

        var stats = await _rig.Store.GetStatisticsAsync();
        Assert.Equal(articles.Count, stats.Documents);
        Assert.All(articles, a => Assert.Equal(1, _server.Requests(a)));
        Assert.Equal(expectedNotModified, Enumerable.Range(0, Feeds).Sum(f => _server.Answered($"feed{f}.xml", 304)));
        Assert.All(Enumerable.Range(0, Feeds), f => Assert.Equal(Polls, _server.Requests($"feed{f}.xml")));
        var sources = await _rig.WatchStore.ListSourcesAsync();
        Assert.Equal(expectedNotModified, sources.Sum(s => s.NotModified));
        Assert.Equal(new WatchItemCounts(0, articles.Count, 0), await _rig.WatchStore.CountItemsAsync());
    }

    [Fact]
    public async Task Watch_FeedAnswering500_BacksOffDoublingAndKeepsTheError()
    {
        var url = _server.Route("broken.xml", 500, "text/plain", "down"u8.ToArray());
        await _rig.WatchStore.SyncSourcesAsync([(url, TimeSpan.FromMinutes(10))]);

        await _rig.Watcher.RunOnceAsync(CancellationToken.None);
        var first = Assert.Single(await _rig.WatchStore.ListSourcesAsync());
        _rig.Time.Now = first.NextPoll;
        await _rig.Watcher.RunOnceAsync(CancellationToken.None);
        var second = Assert.Single(await _rig.WatchStore.ListSourcesAsync());

        Assert.Equal(1, first.Failures);
        Assert.Contains("HTTP 500", first.LastError, StringComparison.Ordinal);
        Assert.Equal(TimeSpan.FromMinutes(20), first.NextPoll - first.LastPolled!.Value);
        Assert.Equal(2, second.Failures);
        Assert.Equal(TimeSpan.FromMinutes(40), second.NextPoll - second.LastPolled!.Value);
        Assert.Equal(2, _server.Requests("broken.xml"));
    }

    [Fact]
    public async Task Watch_SlowOversizedAndRedirectLoopArticles_FailWithReasonsOthersStored()
    {
        var feed = _server.AddFeed("mixed.xml");
        _server.Publish("mixed.xml", "ok.html", "Quay works begin", Sentence(1), new DateOnly(2026, 5, 2));
        _server.Publish("mixed.xml", "slow.html", "Slow page", Sentence(2), new DateOnly(2026, 5, 2), delay: TimeSpan.FromSeconds(10));
        _server.Publish("mixed.xml", "big.html", "Big page", Sentence(3), new DateOnly(2026, 5, 2));
        _server.Route("big.html", 200, "text/html", new byte[300_000]);
        _server.Publish("mixed.xml", "loop.html", "Loop", Sentence(4), new DateOnly(2026, 5, 2));
        _server.Route("loop.html", 302, "text/html", [], location: _server.BaseUrl + "loop.html");
        await _rig.WatchStore.SyncSourcesAsync([(feed, TimeSpan.FromMinutes(5))]);

        var pass = await _rig.Watcher.RunOnceAsync(CancellationToken.None);

        Assert.Equal(1, pass.Stored);
        Assert.Equal(3, pass.ItemFailures);
        Assert.Equal(1, (await _rig.Store.GetStatisticsAsync()).Documents);
        Assert.Equal(new WatchItemCounts(3, 1, 0), await _rig.WatchStore.CountItemsAsync());
        Assert.Equal(4, _server.Requests("loop.html")); // the first request and three redirects, then it stops

        // Retried after the back-off, and given up after the third attempt; the stored article is not fetched again.
        for (var i = 0; i < 3; i++)
        {
            _rig.Time.Advance(TimeSpan.FromMinutes(1));
            await _rig.Watcher.RunOnceAsync(CancellationToken.None);
        }

        Assert.Equal(new WatchItemCounts(0, 1, 3), await _rig.WatchStore.CountItemsAsync());
        Assert.Equal(1, _server.Requests("ok.html"));
        Assert.Equal(3, _server.Requests("big.html"));
    }

    [Fact]
    public async Task Follow_WebhookFailingFirstTwoDeliveries_EachAlertDeliveredExactlyOnceSigned()
    {
        _server.HookFailures = 2;
        var feed = _server.AddFeed("news.xml");
        await _rig.WatchStore.SyncSourcesAsync([(feed, TimeSpan.FromSeconds(30))]);
        var follow = await _rig.WatchStore.AddFollowAsync("harbour", new FollowQuery(null, null, "occurred", null), _server.BaseUrl + "hook", "s3cret", _rig.Time.Now);
        for (var n = 0; n < 3; n++)
        {
            _server.Publish("news.xml", $"m/{n}.html", $"Mayors meet {n}",
                $"The mayor of Bergen, Ingrid Solheim {n}, met the mayor of Valparaiso, Tomas Rojas {n}, in Bergen on Monday.", new DateOnly(2026, 5, 4));
        }

        var alerts = 0;
        for (var pass = 0; pass < 6; pass++)
        {
            alerts += (await _rig.Watcher.RunOnceAsync(CancellationToken.None)).Alerts;
            _rig.Time.Advance(TimeSpan.FromMinutes(5));
        }

        var stored = await _rig.WatchStore.AlertsAsync(follow.Id, 100);
        Assert.True(stored.Count >= 3, $"{stored.Count} alerts");
        Assert.Equal(stored.Count, alerts);
        var delivered = _server.Accepted.ToList();
        Assert.Equal(stored.Select(a => a.Id.ToString(CultureInfo.InvariantCulture)).Order(), delivered.Select(d => d.Delivery).Order());
        Assert.Equal(stored.Count + 2, _server.Requests("hook"));
        Assert.All(delivered, d =>
        {
            Assert.Equal(WebhookSender.Sign(d.Body, "s3cret"), d.Signature);
            using var json = JsonDocument.Parse(d.Body);
            Assert.Equal(d.Delivery, json.RootElement.GetProperty("alert").GetInt64().ToString(CultureInfo.InvariantCulture));
        });
    }

    [Fact]
    public async Task StatusChange_PlannedMeetingThenReportItTookPlace_OneEventPlannedThenOccurredWithBothEvidences()
    {
        var feed = _server.AddFeed("diplomacy.xml");
        await _rig.WatchStore.SyncSourcesAsync([(feed, TimeSpan.FromSeconds(30))]);
        var follow = await _rig.WatchStore.AddFollowAsync("lindqvist", new FollowQuery("Anna Lindqvist", null, null, null), null, null, _rig.Time.Now);
        _server.Publish("diplomacy.xml", "plan.html", "Fishing talks planned",
            "The foreign minister of Norway, Anna Lindqvist, plans to meet the Chilean president Carlos Medina in Oslo on 14 May 2026 to discuss fishing rights.",
            new DateOnly(2026, 5, 2));
        await _rig.Watcher.RunOnceAsync(CancellationToken.None);
        _rig.Time.Advance(TimeSpan.FromMinutes(1));
        _server.Publish("diplomacy.xml", "held.html", "Fishing talks held",
            "The foreign minister of Norway, Anna Lindqvist, met the Chilean president Carlos Medina in Oslo on 14 May 2026 to discuss fishing rights.",
            new DateOnly(2026, 5, 15));
        await _rig.Watcher.RunOnceAsync(CancellationToken.None);

        var consults = await ((ICorpusQueries)_rig.Store).ListEventsAsync(new CorpusEventFilter(Type: "CONSULT", Domain: "all"), 10);
        var meeting = Assert.Single(consults);
        Assert.Equal("occurred", meeting.Status);
        Assert.Equal(2, meeting.NumArticles);
        var history = await _rig.WatchStore.StatusHistoryAsync(meeting.Id);
        Assert.Equal(["planned", "occurred"], history.Select(h => h.Status));
        Assert.Equal(["Fishing talks planned", "Fishing talks held"], history.Select(h => h.Title));
        Assert.All(history, h => Assert.Contains("Anna Lindqvist", h.Evidence, StringComparison.Ordinal));

        var alerts = await _rig.WatchStore.AlertsAsync(follow.Id, 10);
        var change = Assert.Single(alerts, a => a.CorpusEventId == meeting.Id && a.Kind == FollowAlertKinds.Status);
        Assert.Equal(("occurred", "planned"), (change.Status, change.PreviousStatus));
        Assert.Contains(alerts, a => a.CorpusEventId == meeting.Id && a.Kind == FollowAlertKinds.New && a.Status == "planned");
    }

    [Fact]
    public async Task StatusChange_WillMeetCodedAsIntentThenMet_OneEventOfTheIntendedTypePlannedThenOccurred()
    {
        var feed = _server.AddFeed("intent.xml");
        await _rig.WatchStore.SyncSourcesAsync([(feed, TimeSpan.FromSeconds(30))]);
        _server.Publish("intent.xml", "will.html", "Fishing talks ahead",
            "The foreign minister of Norway, Anna Lindqvist, will meet the Chilean president Carlos Medina in Oslo on 14 May 2026 to discuss fishing rights.",
            new DateOnly(2026, 5, 2));
        await _rig.Watcher.RunOnceAsync(CancellationToken.None);
        _rig.Time.Advance(TimeSpan.FromMinutes(1));
        _server.Publish("intent.xml", "met.html", "Fishing talks held",
            "The foreign minister of Norway, Anna Lindqvist, met the Chilean president Carlos Medina in Oslo on 14 May 2026 to discuss fishing rights.",
            new DateOnly(2026, 5, 15));
        await _rig.Watcher.RunOnceAsync(CancellationToken.None);

        // "will meet" is coded as CAMEO 036 (an AGREE: intent to meet) and "met" as 04x CONSULT: one event, keyed by the act intended.
        var consults = await ((ICorpusQueries)_rig.Store).ListEventsAsync(new CorpusEventFilter(Type: "CONSULT", Domain: "all"), 10);
        var meeting = Assert.Single(consults);
        Assert.Equal(2, meeting.NumArticles);
        var history = await _rig.WatchStore.StatusHistoryAsync(meeting.Id);
        Assert.Equal(["planned", "occurred"], history.Select(h => h.Status));
        Assert.Equal(["Fishing talks ahead", "Fishing talks held"], history.Select(h => h.Title));
    }

    [Fact]
    public async Task StatusChange_PlannedMeetingThenPostponedThenCalledOff_HistoryRecordsEachChangeAndFollowsFire()
    {
        var feed = _server.AddFeed("plans.xml");
        await _rig.WatchStore.SyncSourcesAsync([(feed, TimeSpan.FromSeconds(30))]);
        var follow = await _rig.WatchStore.AddFollowAsync("lindqvist", new FollowQuery("Anna Lindqvist", null, null, null), null, null, _rig.Time.Now);
        _server.Publish("plans.xml", "plan.html", "Fishing talks planned",
            "The foreign minister of Norway, Anna Lindqvist, plans to meet the Chilean president Carlos Medina in Oslo on 14 May 2026 to discuss fishing rights.",
            new DateOnly(2026, 5, 2));
        await _rig.Watcher.RunOnceAsync(CancellationToken.None);
        _rig.Time.Advance(TimeSpan.FromMinutes(1));
        _server.Publish("plans.xml", "later.html", "Fishing talks put off",
            "The foreign minister of Norway, Anna Lindqvist, postponed her meeting with the Chilean president Carlos Medina.",
            new DateOnly(2026, 5, 10));
        await _rig.Watcher.RunOnceAsync(CancellationToken.None);
        _rig.Time.Advance(TimeSpan.FromMinutes(1));
        _server.Publish("plans.xml", "off.html", "Fishing talks off",
            "The foreign minister of Norway, Anna Lindqvist, called off her meeting with the Chilean president Carlos Medina.",
            new DateOnly(2026, 5, 12));
        await _rig.Watcher.RunOnceAsync(CancellationToken.None);

        var consults = await ((ICorpusQueries)_rig.Store).ListEventsAsync(new CorpusEventFilter(Type: "CONSULT", Domain: "all"), 10);
        var meeting = Assert.Single(consults);
        Assert.Equal("cancelled", meeting.Status);
        var history = await _rig.WatchStore.StatusHistoryAsync(meeting.Id);
        Assert.Equal(["planned", "postponed", "cancelled"], history.Select(h => h.Status));
        Assert.Equal(["Fishing talks planned", "Fishing talks put off", "Fishing talks off"], history.Select(h => h.Title));
        Assert.Contains("postponed", history[1].Evidence, StringComparison.Ordinal);
        // The change of plan is the meeting's status, not an act of its own: no event on "postponed" or "called (off)".
        foreach (var step in history.Skip(1))
        {
            var report = await _rig.Store.GetAsync(step.DocumentId);
            Assert.NotNull(report);
            Assert.DoesNotContain(report.Events, e => e.Trigger.Text is "postponed" or "called");
        }


        var alerts = await _rig.WatchStore.AlertsAsync(follow.Id, 10);
        Assert.Contains(alerts, a => a.CorpusEventId == meeting.Id && a.Kind == FollowAlertKinds.Status && a.Status == "postponed" && a.PreviousStatus == "planned");
        Assert.Contains(alerts, a => a.CorpusEventId == meeting.Id && a.Kind == FollowAlertKinds.Status && a.Status == "cancelled" && a.PreviousStatus == "postponed");
    }

    [Fact]
    public async Task Follow_NewSinceLastVisit_CountsAlertsAfterTheMark()
    {
        var feed = _server.AddFeed("v.xml");
        await _rig.WatchStore.SyncSourcesAsync([(feed, TimeSpan.FromSeconds(1))]);
        var follow = await _rig.WatchStore.AddFollowAsync("any", new FollowQuery(null, null, "occurred", null), null, null, _rig.Time.Now);
        _server.Publish("v.xml", "v1.html", "Mayors meet", "The mayor of Bergen, Ingrid Solheim, met the mayor of Valparaiso, Tomas Rojas, in Bergen on Monday.", new DateOnly(2026, 5, 4));
        await _rig.Watcher.RunOnceAsync(CancellationToken.None);
        var before = (await _rig.WatchStore.GetFollowAsync(follow.Id))!.NewAlerts;

        await _rig.WatchStore.MarkSeenAsync(follow.Id);

        Assert.True(before > 0);
        Assert.Equal(0, (await _rig.WatchStore.GetFollowAsync(follow.Id))!.NewAlerts);
    }

    [Fact]
    public async Task WebhookSender_Sign_IsHmacSha256OfTheBody()
    {
        var body = Encoding.UTF8.GetBytes("{\"alert\":1}");
        using var hmac = new System.Security.Cryptography.HMACSHA256(Encoding.UTF8.GetBytes("k"));

        var signature = WebhookSender.Sign(body, "k");

        Assert.Equal("sha256=" + Convert.ToHexStringLower(hmac.ComputeHash(body)), signature);
        await Task.CompletedTask;
    }
}
