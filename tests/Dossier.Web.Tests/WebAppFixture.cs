using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Dossier.Engine;
using Dossier.Ingest;
using Dossier.Storage.Sqlite;
using Microsoft.AspNetCore.Builder;

namespace Dossier.Web.Tests;

/// <summary>
/// A temporary store with three hand-written reports ingested through <see cref="DocumentRunner"/> and the default
/// pipeline, served by the real app on Kestrel at 127.0.0.1 on a free port. The library has no entry point for
/// WebApplicationFactory, and a real socket also tests Kestrel's limits. Shared by every test class (one collection).
/// </summary>
public sealed class WebAppFixture : IAsyncLifetime
{
    public const string Token = "test-token-7f3a";

    public const string MeetingTitle = "Finance ministers agree on aid package";
    public const string SummitTitle = "Leaders plan summit in Lisbon";
    public const string HostileTitle = "Council statement <script>alert(1)</script>";

    private static readonly (string Title, string Published, string Text)[] Reports =
    [
        (MeetingTitle, "2025-10-13",
            "Finance Minister Maria Santos of Portugal met German Chancellor Friedrich Merz in Berlin on Monday. "
            + "Santos said Portugal would contribute $2.5 million to the reconstruction fund. "
            + "Merz praised the agreement and said the talks were productive."),
        (SummitTitle, "2025-10-16",
            "Maria Santos will host a summit with Friedrich Merz in Lisbon on March 3, 2031. "
            + "The Portuguese minister said the meeting would focus on energy prices, which rose 4 percent last year."),
        (HostileTitle, "2025-10-15",
            "The city council met in Paris on Tuesday. <script>alert(1)</script> "
            + "Read the <a href=\"javascript:alert(2)\">full statement</a> or open javascript:alert(3) for details."),
    ];

    /// <summary>The one network the shared server may fetch from although it is not public: the tests' own
    /// upstream servers listen there.</summary>
    public static readonly IPNetwork LoopbackOnly = IPNetwork.Parse("127.0.0.1/32");

    private WebApplication? _app;

    public string Directory { get; } = System.IO.Directory.CreateTempSubdirectory("dossier-web-tests-").FullName;

    public string DbPath => Path.Combine(Directory, "dossier.db");

    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>Ids of the ingested reports, in the order of <see cref="Reports"/>.</summary>
    public IReadOnlyList<string> DocumentIds { get; private set; } = [];

    public async Task InitializeAsync()
    {
        var input = Path.Combine(Directory, "reports.jsonl");
        await File.WriteAllLinesAsync(input, Reports.Select(r => JsonSerializer.Serialize(new { title = r.Title, published = r.Published, text = r.Text })));
        await using (var store = SqliteDocumentStore.Open(DbPath))
        {
            var summary = await new IngestService(DefaultPipeline.Create(), store).IngestAsync([input], new ReadOptions());
            Assert.True(summary.Failures.IsEmpty, string.Join("; ", summary.Failures));
            DocumentIds = summary.DocumentIds;
        }

        (_app, BaseAddress) = await StartAsync(new DossierWebOptions(DbPath) { ApiToken = Token, AllowFetchFrom = [LoopbackOnly] });
    }

    /// <summary>Starts another server over the same store, e.g. with other options.</summary>
    public static async Task<(WebApplication App, Uri Address)> StartAsync(DossierWebOptions options)
    {
        var app = DossierWebApp.Build([], options with { Urls = ["http://127.0.0.1:0"] });
        await app.StartAsync();
        return (app, new Uri(app.Urls.Single()));
    }

    public HttpClient CreateClient(string? token = null)
    {
        var client = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(60) };
        if (token is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return client;
    }

    public async Task DisposeAsync()
    {
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
public sealed class WebCollection : ICollectionFixture<WebAppFixture>
{
    public const string Name = "web";
}
