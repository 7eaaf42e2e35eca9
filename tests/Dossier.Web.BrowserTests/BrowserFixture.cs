using System.Text.Json;
using Dossier.Engine;
using Dossier.Ingest;
using Dossier.Storage.Sqlite;
using Dossier.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.Playwright;

namespace Dossier.Web.BrowserTests;

/// <summary>
/// One store, one server and one headless Chromium for every browser test. The store holds the repository's
/// <c>samples/</c> folder and one hand-written hostile report, ingested through <see cref="IngestService"/> and the
/// default pipeline; the server is the real app on Kestrel at 127.0.0.1 on a free port; the browser is Debian's
/// Chromium at <see cref="ChromiumPath"/> (<c>/usr/bin/chromium</c> unless <c>DOSSIER_CHROMIUM</c> names another), driven by
/// Playwright, whose own browser download is never used.
/// When that Chromium is absent the tests skip with <see cref="SkipReason"/>.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    /// <summary>Set to another Chromium binary to use it instead of <see cref="DefaultChromiumPath"/>.</summary>
    public const string ChromiumVariable = "DOSSIER_CHROMIUM";

    public const string DefaultChromiumPath = "/usr/bin/chromium";

    public static string ChromiumPath { get; } =
        Environment.GetEnvironmentVariable(ChromiumVariable) is { Length: > 0 } path ? path : DefaultChromiumPath;

    public const string HostileTitle = "Ministers to meet again in Paris";

    /// <summary>A planned meeting years ahead, so that the agenda (which starts today) always lists it.</summary>
    public static readonly int FutureYear = DateTime.UtcNow.Year + 5;

    /// <summary>The day of that meeting, as the pages print it.</summary>
    public static readonly string FutureDay = $"{FutureYear}-03-03";

    public static readonly string FutureSentence = $"Foreign Minister Claire Dubois will meet Chancellor Friedrich Merz in Paris on March 3, {FutureYear}.";

    public static readonly string HostileText =
        FutureSentence + " "
        + "Officials posted a note that read <script>window.__pwned = true</script> before it was taken down. "
        + "Readers were told to <a href=\"javascript:alert(1)\">click here</a> or to paste javascript:alert(1) into the address bar.";

    private static readonly string[] LaunchArgs =
    [
        "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run", "--disable-quic",
    ];

    private WebApplication? _app;
    private IPlaywright? _playwright;

    public string Directory { get; } = System.IO.Directory.CreateTempSubdirectory("dossier-browser-tests-").FullName;

    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>Ids of the ingested documents, in input order (the samples, then the hostile report last).</summary>
    public IReadOnlyList<string> DocumentIds { get; private set; } = [];

    /// <summary>The hostile report's id; skips the test when there is no browser (nothing was ingested).</summary>
    public string HostileDocumentId
    {
        get
        {
            Skip.If(Browser is null, SkipReason);
            return DocumentIds[^1];
        }
    }

    /// <summary>Document ids by title (titles in the samples are unique); skips the test when there is no browser.</summary>
    public IReadOnlyDictionary<string, string> IdsByTitle
    {
        get
        {
            Skip.If(Browser is null, SkipReason);
            return _idsByTitle;
        }
    }

    private IReadOnlyDictionary<string, string> _idsByTitle = new Dictionary<string, string>();

    /// <summary>The shared browser; null when the tests must skip (see <see cref="SkipReason"/>).</summary>
    public IBrowser? Browser { get; private set; }

    public string? SkipReason { get; private set; }

    /// <summary>Where the tests save their full-page screenshots: <c>TestResults/screenshots/</c> beside the test binary.</summary>
    public static string ScreenshotDirectory { get; } = Path.Combine(AppContext.BaseDirectory, "TestResults", "screenshots");

    public async Task InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            SkipReason = $"{ChromiumPath} is absent: the browser tests need Debian's Chromium (apt-get install chromium) "
                + $"or {ChromiumVariable} set to a Chromium binary.";
            return;
        }

        System.IO.Directory.CreateDirectory(ScreenshotDirectory);
        var samples = Path.Combine(SharedData.RepositoryRoot, "samples");
        var hostile = Path.Combine(Directory, "hostile.jsonl");
        await File.WriteAllTextAsync(hostile, JsonSerializer.Serialize(new { title = HostileTitle, published = "2025-10-20", text = HostileText }) + "\n");

        var dbPath = Path.Combine(Directory, "dossier.db");
        await using (var store = SqliteDocumentStore.Open(dbPath))
        {
            var summary = await new IngestService(DefaultPipeline.Create(), store).IngestAsync([samples, hostile], new ReadOptions());
            Assert.True(summary.Failures.IsEmpty, string.Join("; ", summary.Failures));
            DocumentIds = summary.DocumentIds;
            var titles = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var id in DocumentIds)
            {
                var document = await store.GetAsync(id);
                titles.TryAdd(document?.Metadata.Title ?? id, id);
            }

            _idsByTitle = titles;
        }

        _app = DossierWebApp.Build([], new DossierWebOptions(dbPath) { Urls = ["http://127.0.0.1:0"] });
        await _app.StartAsync();
        BaseAddress = new Uri(_app.Urls.Single());

        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = LaunchArgs,
            Timeout = 30_000,
        });
    }

    /// <summary>A fresh context (own cookies and cache) and page on the server, with short timeouts.</summary>
    public async Task<IPage> NewPageAsync()
    {
        Skip.If(Browser is null, SkipReason);
        var context = await Browser!.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = 1280, Height = 900 },
            Locale = "en-GB",
        });
        context.SetDefaultTimeout(10_000);
        context.SetDefaultNavigationTimeout(15_000);
        return await context.NewPageAsync();
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.CloseAsync();
        }

        _playwright?.Dispose();
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }

        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "browser";
}
