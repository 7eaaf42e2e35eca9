using Dossier.Storage.Corpus;
using System.Net;
using Dossier.Ingest.Web;
using Microsoft.Extensions.DependencyInjection;

namespace Dossier.Web;

/// <summary>How <see cref="DossierWebApp.Build"/> sets up the server. Immutable once built.</summary>
public sealed record DossierWebOptions
{
    /// <summary>The environment variable that, when set, turns the write endpoints on and holds their bearer token.</summary>
    public const string ApiTokenVariable = "DOSSIER_API_TOKEN";

    /// <summary>Where the server listens unless told otherwise: loopback only.</summary>
    public const string DefaultUrl = "http://127.0.0.1:5080";

    /// <summary>The largest request body accepted (5 MiB); larger ones get 413.</summary>
    public const long DefaultMaxRequestBodyBytes = 5L * 1024 * 1024;

    /// <summary>Requests that wait for a place when <see cref="MaxConcurrentRequests"/> run (see <see cref="RequestQueueLimit"/>).</summary>
    public const int DefaultRequestQueueLimit = 1000;

    /// <summary>How many requests to the API and the pages run at once unless told otherwise: four for each processor this
    /// process may use. Chosen on 2 cores with PostgreSQL on the same machine (docs/evaluation.md, branch pg7 and the lead's
    /// merged build of 2026-12-07, late morning): on a quiet machine 8 gave a lower p95 than 16 and no limit in each of three
    /// rounds (under heavy outside load 16 did better); far fewer running at once costs more CPU a request (each answer
    /// wakes the server, the store and the client alone).</summary>
    public static int DefaultMaxConcurrentRequests => 4 * Environment.ProcessorCount;

    /// <param name="dbPath">The SQLite store; created when missing (its directory must exist).</param>
    public DossierWebOptions(string dbPath)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(dbPath);
        DbPath = dbPath;
    }

    public string DbPath { get; }

    /// <summary>A PostgreSQL store URL (<c>postgres://USER:PASSWORD@HOST:PORT/DB</c>) served instead of <see cref="DbPath"/>; null for SQLite.</summary>
    public string? StoreUrl { get; init; }

    /// <summary>The addresses to listen on; <see cref="DefaultUrl"/> when empty. <c>http://127.0.0.1:0</c> picks a free port.</summary>
    public IReadOnlyList<string> Urls { get; init; } = [DefaultUrl];

    /// <summary>The bearer token that write endpoints require; null or blank turns them off (403).
    /// The server does not read <see cref="ApiTokenVariable"/> itself: its caller does (see <see cref="FromEnvironment"/>).</summary>
    public string? ApiToken { get; init; }

    /// <summary>TSV of actors to add to the knowledge base for documents posted to the API; when null,
    /// <c>actors.tsv</c> beside the database is used if present (as <c>dossier ingest</c> does).</summary>
    public string? ActorsPath { get; init; }

    public long MaxRequestBodyBytes { get; init; } = DefaultMaxRequestBodyBytes;

    /// <summary>The confidence an event needs to be listed (events, agenda, network, timelines) when a request does
    /// not give <c>minConfidence</c>; 0 lists all. <c>dossier serve</c> sets the event model's threshold.</summary>
    public double MinConfidence { get; init; }

    /// <summary>Wraps the store's corpus queries, e.g. to answer the aggregate views from an analytics cluster
    /// (<c>dossier serve --analytics</c>); null serves the store's own.</summary>
    public Func<ICorpusQueries, ICorpusQueries>? CorpusQueries { get; init; }

    /// <summary>Networks that <c>POST /api/documents {"url": …}</c> may fetch from although they are not public
    /// (<c>--allow-fetch-from</c>); by default none: loopback, private, link-local, shared, multicast and unspecified
    /// addresses are refused, after DNS resolution and on every redirect (see <see cref="FetchAddressPolicy"/>).</summary>
    public IReadOnlyList<IPNetwork> AllowFetchFrom { get; init; } = [];

    /// <summary>For tests: changes to the services after the app's own registrations (replace one to observe it).</summary>
    internal Action<IServiceCollection>? ConfigureServices { get; init; }

    /// <summary>Whether successful GET responses are kept in memory and served again while the store has not changed
    /// (see <see cref="DossierWebApp"/>); on by default.</summary>
    public bool CacheResponses { get; init; } = true;

    /// <summary>Admission control: at most this many requests to the API and the pages run at once, the others wait their
    /// turn, oldest first (see <see cref="RequestAdmission"/>; static assets are never held back); 0 lets every request
    /// run at once, as before branch pg7.</summary>
    public int MaxConcurrentRequests { get; init; } = DefaultMaxConcurrentRequests;

    /// <summary>How many requests may wait for a place; one more is answered 503 with <c>Retry-After</c>.</summary>
    public int RequestQueueLimit { get; init; } = DefaultRequestQueueLimit;

    /// <summary>The options for <paramref name="dbPath"/> with <see cref="ApiToken"/> read from <see cref="ApiTokenVariable"/>.</summary>
    public static DossierWebOptions FromEnvironment(string dbPath, IReadOnlyList<string>? urls = null)
    {
        var token = Environment.GetEnvironmentVariable(ApiTokenVariable);
        return new DossierWebOptions(dbPath)
        {
            Urls = urls is { Count: > 0 } ? urls : [DefaultUrl],
            ApiToken = string.IsNullOrWhiteSpace(token) ? null : token.Trim(),
        };
    }
}
