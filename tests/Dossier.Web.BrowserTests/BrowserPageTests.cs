using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Dossier.Web.BrowserTests;

/// <summary>
/// The server-rendered pages in a real headless Chromium: what a reader sees and clicks. Each test saves a full-page
/// screenshot under <see cref="BrowserFixture.ScreenshotDirectory"/> and fails on any console error or page error
/// (a Content-Security-Policy violation shows up as one).
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class BrowserPageTests(BrowserFixture fixture, ITestOutputHelper output) : IAsyncLifetime
{
    private const string HarbourTitle = "Ministers agree to reopen harbour talks after two-day meeting";

    /// <summary>Runs before any script of a page (Playwright's init scripts are exempt from its CSP) and records every
    /// Content-Security-Policy violation the page causes in <c>window.__cspViolations</c>.</summary>
    private const string CspWatch = """
        window.__cspViolations = [];
        document.addEventListener('securitypolicyviolation', e =>
            window.__cspViolations.push(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`));
        """;

    private readonly List<string> _errors = [];
    private IPage? _page;

    private IPage Page => _page!;

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        if (_page is not null)
        {
            await _page.Context.CloseAsync();
        }
    }

    [SkippableFact]
    public async Task HomePage_Opened_ListsSamplesAndOpensADocument()
    {
        await OpenAsync("/");

        await Assertions.Expect(Page).ToHaveTitleAsync("Home · Dossier");
        await Assertions.Expect(Page.Locator("section.hero h1")).ToHaveTextAsync("Dossier");
        await Assertions.Expect(Page.Locator("section.hero input[name=q]")).ToBeFocusedAsync();
        var items = Page.Locator("ul.documents > li");
        Assert.Equal(Math.Min(20, fixture.DocumentIds.Count), await items.CountAsync());
        await Shoot("home");

        await Page.GetByRole(AriaRole.Link, new() { Name = HarbourTitle, Exact = true }).ClickAsync();

        await Assertions.Expect(Page).ToHaveURLAsync(new Regex("/documents/" + Regex.Escape(fixture.IdsByTitle[HarbourTitle]) + "$"));
        await Assertions.Expect(Page.Locator("main h1")).ToHaveTextAsync(HarbourTitle);
        await Assertions.Expect(Page.Locator(".doctext")).ToContainTextAsync("met German Chancellor Friedrich Merz in Berlin");
        await Shoot("home-document");
        AssertNoErrors();
    }

    [SkippableFact]
    public async Task DocumentPage_HarbourTalks_HighlightsEntitiesTimesValuesAndEventsByType()
    {
        await OpenAsync("/documents/" + fixture.IdsByTitle[HarbourTitle]);

        var text = Page.Locator(".doctext");
        await Assertions.Expect(text.Locator("mark.ent-PERSON", new() { HasText = "Claire Dubois" })).ToHaveAttributeAsync("title", "PERSON: Claire Dubois");
        await Assertions.Expect(text.Locator("mark.ent-PERSON", new() { HasText = "Friedrich Merz" }).First).ToBeVisibleAsync();
        await Assertions.Expect(text.Locator("mark.ent-GPE", new() { HasText = "Berlin" })).ToBeVisibleAsync();
        Assert.True(await text.Locator("mark.ent-PERSON").CountAsync() >= 3);
        Assert.True(await text.Locator("mark.ent-GPE").CountAsync() >= 3);
        Assert.True(await text.Locator("mark[class^='time-']").CountAsync() >= 2);
        await Assertions.Expect(text.Locator("mark.val-MONEY")).ToHaveTextAsync("€1.2 billion");
        Assert.True(await text.Locator("a[href^='#event-'] > mark.evt").CountAsync() >= 1);

        // Each entity type is painted its own colour, and every highlight stays on one line of readable text.
        var person = await BackgroundAsync(text.Locator("mark.ent-PERSON").First);
        var place = await BackgroundAsync(text.Locator("mark.ent-GPE").First);
        var money = await BackgroundAsync(text.Locator("mark.val-MONEY"));
        Assert.Equal(3, new[] { person, place, money }.Distinct().Count());
        Assert.DoesNotContain("rgba(0, 0, 0, 0)", new[] { person, place, money });

        // An event trigger links to its row in the Events list below.
        var trigger = text.Locator("a[href^='#event-']").First;
        var anchor = await trigger.GetAttributeAsync("href");
        await trigger.ClickAsync();
        await Assertions.Expect(Page.Locator(anchor!)).ToBeInViewportAsync();
        await Shoot("document-highlights", fullPage: true, scrollTop: true);
        AssertNoErrors();
    }

    [SkippableFact]
    public async Task DocumentPage_EntityHighlightClicked_OpensEntityPageWithNameAliasesAndRoles()
    {
        await OpenAsync("/documents/" + fixture.IdsByTitle[HarbourTitle]);

        await Page.Locator(".doctext a", new() { Has = Page.Locator("mark.ent-PERSON", new() { HasText = "Claire Dubois" }) }).ClickAsync();

        await Assertions.Expect(Page).ToHaveURLAsync(new Regex("/entities/Claire%20Dubois$"));
        await Assertions.Expect(Page.Locator("main h1")).ToHaveTextAsync("Claire Dubois");
        await Assertions.Expect(Page.Locator("main p.meta .tag")).ToHaveTextAsync("PERSON");
        await Assertions.Expect(Page.Locator("ul.aliases > li")).ToContainTextAsync(["Dubois"]);
        await Assertions.Expect(Page.Locator("table.roles tbody tr").First).ToContainTextAsync("Foreign Minister");
        await Shoot("entity-dubois");
        AssertNoErrors();
    }

    [SkippableFact]
    public async Task EntityPage_Merz_ShowsTimelineWithPastAndPlannedEvents()
    {
        await OpenAsync("/entities/Friedrich%20Merz");

        await Assertions.Expect(Page.Locator("main h1")).ToHaveTextAsync("Friedrich Merz");
        var heading = Page.Locator("main h2", new() { HasTextRegex = new Regex("^Timeline$") });
        await Assertions.Expect(heading).ToBeVisibleAsync();
        var timeline = heading.Locator("xpath=following-sibling::ul[1]");
        await Assertions.Expect(timeline).ToHaveClassAsync(new Regex(@"\bevents\b"));
        var events = timeline.Locator("> li");
        Assert.True(await events.CountAsync() >= 2, "Merz acts in the harbour talks and in the planned Paris meeting");
        await Assertions.Expect(events.Filter(new() { HasText = BrowserFixture.FutureDay })).ToHaveCountAsync(1);
        await Assertions.Expect(events.Filter(new() { HasText = BrowserFixture.FutureDay }).Locator(".tag.status-planned")).ToBeVisibleAsync();
        await Assertions.Expect(events.GetByRole(AriaRole.Link, new() { Name = HarbourTitle, Exact = true }).First).ToBeVisibleAsync();
        await Assertions.Expect(events.GetByRole(AriaRole.Link, new() { Name = BrowserFixture.HostileTitle, Exact = true })).ToBeVisibleAsync();
        await Assertions.Expect(Page.Locator("ul.connected > li").First).ToBeVisibleAsync();
        await Shoot("entity-merz-timeline");

        var planned = events.Filter(new() { HasText = BrowserFixture.FutureDay });
        await planned.Locator("a.tag.type").ClickAsync();
        await Assertions.Expect(Page).ToHaveURLAsync(new Regex(@"/events/\d+$"));
        await Assertions.Expect(Page.Locator("main h1")).ToContainTextAsync("Merz");
        await Assertions.Expect(Page.Locator("table.facts")).ToContainTextAsync(BrowserFixture.FutureDay);
        await Assertions.Expect(Page.Locator("ul.reports > li").First.Locator("blockquote strong")).ToBeVisibleAsync();
        await Shoot("event-planned");
        AssertNoErrors();
    }

    [SkippableFact]
    public async Task EventsPage_FilterFormSubmitted_ShowsOnlyMatchingEvents()
    {
        await OpenAsync("/events");
        var rows = Page.Locator("ul.events > li");
        var all = await rows.AllInnerTextsAsync();
        Assert.True(all.Count >= 3, $"expected several events, found {all.Count}");
        output.WriteLine($"/events lists {all.Count} events");

        var form = Page.Locator("form.filters");
        await form.Locator("select[name=status]").SelectOptionAsync("planned");
        await form.GetByRole(AriaRole.Button, new() { Name = "Filter" }).ClickAsync();

        await Assertions.Expect(Page).ToHaveURLAsync(new Regex(@"[?&]status=planned(&|$)"));
        await Assertions.Expect(form.Locator("select[name=status]")).ToHaveValueAsync("planned");
        var planned = await rows.CountAsync();
        Assert.InRange(planned, 1, all.Count - 1);
        await Assertions.Expect(rows.Locator(".tag.status-planned")).ToHaveCountAsync(planned);
        await Assertions.Expect(rows.Filter(new() { HasText = BrowserFixture.FutureDay })).ToHaveCountAsync(1);
        await Shoot("events-planned");

        await form.Locator("select[name=status]").SelectOptionAsync("");
        await form.Locator("input[name=type]").FillAsync("CONSULT");
        await form.Locator("input[name=type]").PressAsync("Enter");

        await Assertions.Expect(Page).ToHaveURLAsync(new Regex(@"[?&]type=CONSULT(&|$)"));
        await Assertions.Expect(form.Locator("input[name=type]")).ToHaveValueAsync("CONSULT");
        var consult = await rows.CountAsync();
        Assert.InRange(consult, 1, all.Count - 1);
        var types = await rows.Locator("> a.tag.type").AllInnerTextsAsync();
        Assert.Equal(consult, types.Count);
        Assert.All(types, t => Assert.Equal("CONSULT", t));

        await form.Locator("input[name=type]").FillAsync("NO_SUCH_TYPE");
        await form.GetByRole(AriaRole.Button, new() { Name = "Filter" }).ClickAsync();
        await Assertions.Expect(Page.Locator("main")).ToContainTextAsync("No events.");
        await Assertions.Expect(rows).ToHaveCountAsync(0);
        await Shoot("events-none");
        AssertNoErrors();
    }

    [SkippableFact]
    public async Task NetworkPage_Opened_RendersSvgWithNodesAndEdges()
    {
        await OpenAsync("/network");

        var svg = Page.Locator("svg.network");
        await Assertions.Expect(svg).ToBeVisibleAsync();
        var box = await svg.BoundingBoxAsync();
        Assert.True(box is { Width: > 300, Height: > 300 }, $"the graph is drawn too small: {box?.Width}x{box?.Height}");
        var nodes = svg.Locator("g.nodes circle");
        var edges = svg.Locator("g.edges line");
        var nodeCount = await nodes.CountAsync();
        var edgeCount = await edges.CountAsync();
        output.WriteLine($"network: {nodeCount} nodes, {edgeCount} edges");
        Assert.True(nodeCount >= 2, $"{nodeCount} nodes");
        Assert.True(edgeCount >= 1, $"{edgeCount} edges");
        Assert.Equal(nodeCount, await svg.Locator("g.nodes text").CountAsync());
        await Assertions.Expect(svg.Locator("g.nodes text", new() { HasText = "Friedrich Merz" })).ToBeVisibleAsync();
        Assert.Equal(edgeCount, await Page.Locator("main table tbody tr").CountAsync());
        // Every edge is coloured by its quad class, with a legend of the classes above the graph.
        Assert.Equal(edgeCount, await svg.Locator("g.edges line[class^='q']").CountAsync());
        var colours = await svg.Locator("g.edges line").EvaluateAllAsync<string[]>("lines => lines.map(l => getComputedStyle(l).stroke)");
        Assert.DoesNotContain(colours, c => c is "none" or "" or "rgb(0, 0, 0)");
        await Assertions.Expect(Page.Locator("ul.network-legend > li")).ToHaveTextAsync(
            ["Verbal cooperation", "Material cooperation", "Verbal conflict", "Material conflict", "No quad class"]);
        var swatches = await Page.Locator("ul.network-legend .swatch").EvaluateAllAsync<string[]>("s => s.map(e => getComputedStyle(e).backgroundColor)");
        Assert.Equal(5, swatches.Distinct().Count());
        await Assertions.Expect(svg).ToHaveClassAsync(new Regex(@"\binteractive\b"));
        Assert.Empty(await Page.EvaluateAsync<string[]>("() => window.__cspViolations"));
        await Shoot("network");

        await svg.Locator("g.nodes a", new() { Has = Page.Locator("text", new() { HasText = "Friedrich Merz" }) }).ClickAsync();
        await Assertions.Expect(Page).ToHaveURLAsync(new Regex(@"/entities/\d+$"));
        await Assertions.Expect(Page.Locator("main h1")).ToHaveTextAsync("Friedrich Merz");
        AssertNoErrors();
    }

    [SkippableFact]
    public async Task MapPage_Opened_DrawsCountriesAndMarkersInsideTheirCountryAndOpensTheEvent()
    {
        await OpenAsync("/map");

        var svg = Page.Locator("svg.world-map");
        await Assertions.Expect(svg).ToBeVisibleAsync();
        var box = await svg.BoundingBoxAsync();
        Assert.True(box is { Width: > 600, Height: > 300 }, $"the map is drawn too small: {box?.Width}x{box?.Height}");
        Assert.True(await svg.Locator("g.countries path").CountAsync() > 150, "too few country outlines");
        var markers = svg.Locator("g.markers circle.marker");
        var count = await markers.CountAsync();
        output.WriteLine($"map: {count} markers");
        Assert.True(count >= 1, "no marker on the map");

        // Each marker lies inside the outline of its place's country (or within 3 units, 1.5 degrees, of its edge: the
        // 1:110m outlines cut coasts).
        var misplaced = await Page.EvaluateAsync<string[]>("""
            () => [...document.querySelectorAll('svg.world-map circle.marker')].flatMap(c => {
              const x = c.cx.baseVal.value, y = c.cy.baseVal.value, country = c.dataset.country;
              const outlines = [...document.querySelectorAll(`svg.world-map g.countries path[data-country="${country}"]`)];
              if (outlines.length === 0) return [`${country}: no outline`];
              const point = new DOMPoint(x, y);
              const inside = outlines.some(p => {
                if (p.isPointInFill(point)) return true;
                p.setAttribute('stroke-width', '6');
                const near = p.isPointInStroke(point);
                p.removeAttribute('stroke-width');
                return near;
              });
              const under = [...document.querySelectorAll('svg.world-map g.countries path')].filter(p => p.isPointInFill(point)).map(p => p.dataset.country);
              return inside ? [] : [`${country} marker ${c.dataset.event} at ${x},${y} lies in ${under.join('/') || 'the sea'}`];
            })
            """);
        Assert.Empty(misplaced);
        Assert.Empty(await Page.EvaluateAsync<string[]>("() => window.__cspViolations"));
        await Shoot("map");

        var top = markers.Last; // drawn last: on top of any marker at the same place
        var eventId = await top.GetAttributeAsync("data-event");
        await svg.Locator($"g.markers a[href='/events/{eventId}']").ClickAsync();
        await Assertions.Expect(Page).ToHaveURLAsync(new Regex($@"/events/{eventId}$"));
        await Assertions.Expect(Page.Locator("table.facts")).ToContainTextAsync("map");
        AssertNoErrors();
    }

    [SkippableFact]
    public async Task MapPage_FilteredByAnActorWithoutEvents_ShowsNoMarker()
    {
        await OpenAsync("/map?actor=" + Uri.EscapeDataString("Nobody Of That Name"));

        await Assertions.Expect(Page.Locator("svg.world-map")).ToBeVisibleAsync();
        Assert.Equal(0, await Page.Locator("svg.world-map circle.marker").CountAsync());
        await Assertions.Expect(Page.Locator("main p.meta").First).ToContainTextAsync("0 events with a place");
        AssertNoErrors();
    }

    [SkippableFact]
    public async Task NetworkPage_NodeDraggedBackgroundPannedWheelZoomedThenReset_MovesThenRestoresTheView()
    {
        await OpenAsync("/network");
        var svg = Page.Locator("svg.network");
        await Assertions.Expect(svg).ToHaveClassAsync(new Regex(@"\binteractive\b")); // the script ran
        await Assertions.Expect(Page.Locator("script[src='/assets/network.js']")).ToHaveCountAsync(1);
        var home = await svg.GetAttributeAsync("viewBox");
        Assert.NotNull(home);
        var box = (await svg.BoundingBoxAsync())!;

        // Drag a node: Merz's circle, or whichever node lies on top of its centre.
        var merz = svg.Locator("g.node", new() { Has = Page.Locator("text", new() { HasText = "Friedrich Merz" }) });
        var circle = (await merz.Locator("circle").BoundingBoxAsync())!;
        var (cx, cy) = (circle.X + (circle.Width / 2.0), circle.Y + (circle.Height / 2.0));
        var number = await Page.EvaluateAsync<string>(
            "([x, y]) => document.elementFromPoint(x, y).closest('[data-node]').dataset.node", new[] { cx, cy });
        var node = svg.Locator($"g.node[data-node='{number}']");
        var placed = await node.GetAttributeAsync("transform");
        var label = (await node.Locator("text").BoundingBoxAsync())!;
        await Page.Mouse.MoveAsync((float)cx, (float)cy);
        await Page.Mouse.DownAsync();
        await Page.Mouse.MoveAsync((float)cx + 80, (float)cy + 50, new() { Steps = 8 });
        await Page.Mouse.UpAsync();

        await Assertions.Expect(node).Not.ToHaveAttributeAsync("transform", placed!);
        await Page.WaitForTimeoutAsync(300);
        Assert.EndsWith("/network", Page.Url); // a drag is not a click: the node's link is not followed
        var moved = (await node.Locator("circle").BoundingBoxAsync())!;
        Assert.InRange(moved.X - circle.X, 78, 82);
        Assert.InRange(moved.Y - circle.Y, 48, 52);
        var movedLabel = (await node.Locator("text").BoundingBoxAsync())!;
        Assert.InRange(movedLabel.X - label.X, 78, 82);
        var at = Numbers(Regex.Match((await node.GetAttributeAsync("transform"))!, @"translate\(([^)]*)\)").Groups[1].Value);
        var starts = await svg.Locator($"line[data-from='{number}']").EvaluateAllAsync<string[]>("ls => ls.map(l => l.getAttribute('x1') + ' ' + l.getAttribute('y1'))");
        var ends = await svg.Locator($"line[data-to='{number}']").EvaluateAllAsync<string[]>("ls => ls.map(l => l.getAttribute('x2') + ' ' + l.getAttribute('y2'))");
        Assert.NotEmpty(starts.Concat(ends));
        Assert.All(starts.Concat(ends), end => Assert.Equal(at, Numbers(end)));
        Assert.Equal(home, await svg.GetAttributeAsync("viewBox"));

        // Pan: drag the empty top-left corner of the graph.
        var (px, py) = (box.X + 6.0, box.Y + 6.0);
        Assert.True(await Page.EvaluateAsync<bool>(
            "([x, y]) => !document.elementFromPoint(x, y).closest('[data-node]')", new[] { px, py }), "the corner is not empty");
        await Page.Mouse.MoveAsync((float)px, (float)py);
        await Page.Mouse.DownAsync();
        await Page.Mouse.MoveAsync((float)px + 100, (float)py + 60, new() { Steps = 5 });
        await Page.Mouse.UpAsync();
        await Assertions.Expect(svg).Not.ToHaveAttributeAsync("viewBox", home!);
        var start = Numbers(home!);
        var pannedBox = (await svg.GetAttributeAsync("viewBox"))!;
        var panned = Numbers(pannedBox);
        Assert.True(panned[0] < start[0] && panned[1] < start[1], $"{home} panned to {string.Join(' ', panned)}");
        Assert.Equal(start[2..], panned[2..]);

        // Zoom in with the wheel: the view box shrinks about the pointer, whose graph point stays put.
        var (zx, zy) = (box.X + (box.Width / 2.0), box.Y + (box.Height / 2.0));
        var under = await GraphPointAsync(zx, zy);
        await Page.Mouse.MoveAsync((float)zx, (float)zy);
        await Page.Mouse.WheelAsync(0, -240);
        await Assertions.Expect(svg).Not.ToHaveAttributeAsync("viewBox", pannedBox);
        var zoomed = Numbers((await svg.GetAttributeAsync("viewBox"))!);
        Assert.True(zoomed[2] < panned[2] && zoomed[3] < panned[3], $"not zoomed in: {string.Join(' ', zoomed)}");
        var still = await GraphPointAsync(zx, zy);
        Assert.InRange(still[0] - under[0], -1, 1);
        Assert.InRange(still[1] - under[1], -1, 1);
        await Shoot("network-zoomed", fullPage: false);

        await Page.GetByRole(AriaRole.Button, new() { Name = "Reset view" }).ClickAsync();
        await Assertions.Expect(svg).ToHaveAttributeAsync("viewBox", home!);
        await Assertions.Expect(node).ToHaveAttributeAsync("transform", placed!);
        Assert.EndsWith("/network", Page.Url);
        Assert.Empty(await Page.EvaluateAsync<string[]>("() => window.__cspViolations"));
        AssertNoErrors();
    }

    [SkippableFact]
    public async Task AgendaPage_Opened_ListsFutureDatedPlannedEvent()
    {
        await OpenAsync("/agenda");

        var rows = Page.Locator("ul.events > li");
        var texts = await rows.AllInnerTextsAsync();
        output.WriteLine($"agenda from today: {texts.Count} events");
        foreach (var text in texts)
        {
            output.WriteLine("  " + text.ReplaceLineEndings(" | "));
        }

        var meeting = rows.Filter(new() { HasText = BrowserFixture.FutureDay });
        await Assertions.Expect(meeting).ToHaveCountAsync(1);
        await Assertions.Expect(meeting.Locator(".tag.status-planned")).ToHaveTextAsync("planned");
        await Assertions.Expect(meeting.GetByRole(AriaRole.Link, new() { Name = "Claire Dubois" })).ToBeVisibleAsync();
        await Assertions.Expect(meeting.Locator("blockquote")).ToContainTextAsync(BrowserFixture.FutureSentence);
        await Assertions.Expect(Page.Locator("h2.day", new() { HasText = BrowserFixture.FutureDay })).ToBeVisibleAsync();
        await Shoot("agenda");

        // From the samples' own dates: the feed (5 September 2025) announces a meeting on 20 October 2025.
        await Page.Locator("form.filters input[name=from]").FillAsync("2025-09-05");
        await Page.Locator("form.filters").GetByRole(AriaRole.Button, new() { Name = "Show" }).ClickAsync();
        await Assertions.Expect(Page).ToHaveURLAsync(new Regex(@"[?&]from=2025-09-05"));
        var samplesMeeting = rows.Filter(new() { HasText = "2025-10-20" });
        await Assertions.Expect(samplesMeeting.GetByRole(AriaRole.Link, new() { Name = "Chile and Argentina hold border talks" })).ToBeVisibleAsync();
        await Assertions.Expect(rows.Filter(new() { HasText = BrowserFixture.FutureDay })).ToHaveCountAsync(1);
        await Shoot("agenda-from-2025-09-05");

        // The agenda starts at the chosen day: after the meeting there is nothing left.
        await Page.Locator("form.filters input[name=from]").FillAsync($"{BrowserFixture.FutureYear}-03-04");
        await Page.Locator("form.filters").GetByRole(AriaRole.Button, new() { Name = "Show" }).ClickAsync();
        await Assertions.Expect(Page).ToHaveURLAsync(new Regex($"[?&]from={BrowserFixture.FutureYear}-03-04"));
        await Assertions.Expect(rows).ToHaveCountAsync(0);
        await Assertions.Expect(Page.Locator("main")).ToContainTextAsync($"Nothing on the agenda from {BrowserFixture.FutureYear}-03-04.");
        await Assertions.Expect(Page.Locator("h2.day")).ToHaveCountAsync(0);
        AssertNoErrors();
    }

    [SkippableFact]
    public async Task DocumentPage_HostileText_RendersInert()
    {
        var dialogs = new List<string>();
        await OpenAsync("/documents/" + fixture.HostileDocumentId, page => page.Dialog += async (_, dialog) =>
        {
            dialogs.Add(dialog.Message);
            await dialog.DismissAsync();
        });

        Assert.True(await Page.EvaluateAsync<bool>("() => typeof window.__pwned === 'undefined'"), "the document's script ran");
        Assert.Equal(0, await Page.Locator("script").CountAsync());
        var doctext = Page.Locator(".doctext");
        await Assertions.Expect(doctext).ToContainTextAsync("<script>window.__pwned = true</script>");
        await Assertions.Expect(doctext).ToContainTextAsync("<a href=\"javascript:alert(1)\">click here</a>");
        await Assertions.Expect(doctext).ToContainTextAsync("paste javascript:alert(1) into");

        // Every link on the page goes to this server over http; none carries a javascript: URL.
        Assert.Equal(0, await Page.Locator("a[href^='javascript:' i], [href*='javascript:' i], [src*='javascript:' i]").CountAsync());
        var protocols = await Page.EvaluateAsync<string[]>("() => [...document.querySelectorAll('a[href]')].map(a => a.protocol)");
        Assert.NotEmpty(protocols);
        Assert.All(protocols, p => Assert.Equal("http:", p));
        var around = await Page.EvaluateAsync<string[]>("""
            () => [...document.querySelectorAll('.doctext *')]
                .filter(e => e.closest('a') && e.textContent.includes('javascript:'))
                .map(e => e.outerHTML)
            """);
        Assert.Empty(around);

        // Clicking the would-be link text does nothing: no navigation, no dialog, still no script.
        var url = Page.Url;
        await doctext.GetByText("click here", new() { Exact = false }).First.ClickAsync();
        await Page.WaitForTimeoutAsync(200);
        Assert.Equal(url, Page.Url);
        Assert.Empty(dialogs);
        Assert.True(await Page.EvaluateAsync<bool>("() => typeof window.__pwned === 'undefined'"));
        await Shoot("hostile-document");
        AssertNoErrors();
    }

    private async Task OpenAsync(string path, Action<IPage>? before = null)
    {
        _page = await fixture.NewPageAsync();
        _page.Console += (_, message) =>
        {
            if (message.Type == "error" && !message.Location.Contains("favicon", StringComparison.Ordinal))
            {
                _errors.Add($"console: {message.Text} ({message.Location})");
            }
        };
        _page.PageError += (_, error) => _errors.Add($"page error: {error}");
        await _page.AddInitScriptAsync(CspWatch);
        before?.Invoke(_page);
        var response = await _page.GotoAsync(path);
        Assert.NotNull(response);
        Assert.Equal(200, response!.Status);
    }

    private async Task Shoot(string name, bool fullPage = true, bool scrollTop = false)
    {
        if (scrollTop)
        {
            await Page.EvaluateAsync("() => window.scrollTo(0, 0)");
        }

        var path = Path.Combine(BrowserFixture.ScreenshotDirectory, name + ".png");
        await Page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = fullPage });
        output.WriteLine($"screenshot: {path}");
    }

    /// <summary>The network graph's own coordinates (its view box's) of a point on the screen.</summary>
    private Task<double[]> GraphPointAsync(double x, double y) => Page.EvaluateAsync<double[]>("""
        ([x, y]) => {
            const svg = document.querySelector('svg.network');
            const p = new DOMPoint(x, y).matrixTransform(svg.getScreenCTM().inverse());
            return [p.x, p.y];
        }
        """, new[] { x, y });

    private static double[] Numbers(string text) =>
        [.. text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(n => double.Parse(n, System.Globalization.CultureInfo.InvariantCulture))];

    private static Task<string> BackgroundAsync(ILocator element) =>
        element.EvaluateAsync<string>("e => getComputedStyle(e).backgroundColor");

    private void AssertNoErrors() => Assert.True(_errors.Count == 0, string.Join(Environment.NewLine, _errors));
}
