using System.Globalization;
using Dossier.Core.Errors;
using Dossier.Ingest.Web;
using Dossier.Storage;
using Dossier.Storage.Corpus;
using Dossier.Storage.Sqlite;
using Dossier.Storage.Watch;
using Dossier.Web.Api;
using Dossier.Web.Ui;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Dossier.Web;

/// <summary>
/// The Dossier web server: the JSON API under <c>/api</c> and the server-rendered pages, over one SQLite store.
/// </summary>
/// <remarks>
/// The store is opened once, when the app is built, and shared by every request (reads run in parallel on its pool
/// of read connections, writes one at a time); it is closed when the app is disposed. Successful GET responses are
/// cached in memory (ASP.NET Core output caching), keyed by URL, the store's version and the date, so a response is
/// served again only while nothing has been added to the store; <see cref="DossierWebOptions.CacheResponses"/> turns
/// that off. The environment is always Production: errors never show stack traces.
/// </remarks>
public sealed class DossierWebApp
{
    /// <summary>How long a cached response may be served while the store stays the same.</summary>
    private static readonly TimeSpan ResponseCacheLifetime = TimeSpan.FromMinutes(5);

    /// <summary>The most memory cached responses take (64 MiB).</summary>
    private const long ResponseCacheBytes = 64L * 1024 * 1024;

    /// <summary>The longest request target (path and query, as sent) answered; longer ones get a 414 problem.</summary>
    public const int MaxUrlLength = 8 * 1024;

    /// <summary>Kestrel's own request-line limit, above <see cref="MaxUrlLength"/> so that the app, not Kestrel, answers
    /// most over-long URLs. Kestrel answers lines longer than this itself (a bare 414, see docs/api.md).</summary>
    private const int KestrelMaxRequestLine = 64 * 1024;

    private DossierWebApp()
    {
    }

    /// <summary>Builds the app; start it with <c>RunAsync</c>/<c>StartAsync</c> and dispose it when done.</summary>
    /// <param name="args">Command-line arguments for ASP.NET Core's configuration (logging levels and the like).</param>
    /// <exception cref="StoreException">When the store cannot be opened.</exception>
    public static WebApplication Build(string[] args, DossierWebOptions options)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfNegative(options.MaxConcurrentRequests, nameof(options.MaxConcurrentRequests));
        ArgumentOutOfRangeException.ThrowIfNegative(options.RequestQueueLimit, nameof(options.RequestQueueLimit));

        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            Args = args,
            EnvironmentName = Environments.Production,
            ApplicationName = typeof(DossierWebApp).Assembly.GetName().Name,
            ContentRootPath = AppContext.BaseDirectory,
        });

        builder.WebHost.UseUrls([.. options.Urls.Count > 0 ? options.Urls : [DossierWebOptions.DefaultUrl]]);
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Limits.MaxRequestBodySize = options.MaxRequestBodyBytes;
            kestrel.Limits.MaxRequestLineSize = KestrelMaxRequestLine;
        });
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        // The caller says where the server listens; the host's own start-up lines would repeat it.
        builder.Logging.AddFilter("Microsoft.Hosting.Lifetime", LogLevel.Warning);

        // The one place the store kind is chosen (StoreFactory): SQLite at DbPath, or PostgreSQL when StoreUrl is set.
        var store = options.StoreUrl is { } storeUrl ? StoreFactory.Open(storeUrl, null) : SqliteDocumentStore.Open(options.DbPath);
        try
        {
            var services = builder.Services;
            services.AddProblemDetails();
            // The API's answers through source-generated metadata (ApiJsonContext), not the reflection-based converters;
            // the reflection-based resolver stays behind it for anything else (the OpenAPI document's request bodies).
            services.ConfigureHttpJsonOptions(json => json.SerializerOptions.TypeInfoResolverChain.Insert(0, ApiJsonContext.Default));
            services.AddOpenApi(); // served at /openapi/v1.json
            services.AddRouting();
            // Registered by factory so that the container owns (and disposes) the store.
            services.AddSingleton(_ => store);
            services.AddSingleton<ICorpusQueries>(sp => options.CorpusQueries is { } wrap
                ? wrap((ICorpusQueries)sp.GetRequiredService<IDocumentStore>())
                : (ICorpusQueries)sp.GetRequiredService<IDocumentStore>());
            services.AddSingleton(options);
            services.AddSingleton(new WriteAccess(options.ApiToken));
            if (options.MaxConcurrentRequests > 0)
            {
                services.AddSingleton(_ => new RequestAdmission(options.MaxConcurrentRequests, options.RequestQueueLimit));
            }

            // Follows and the status history they keep, in the store's own tables (SQLite or PostgreSQL).
            services.AddSingleton<IFollowStore>(_ => StoreFactory.OpenWatch(store));

            services.AddSingleton(sp => new DocumentIngestor(
                sp.GetRequiredService<IDocumentStore>(),
                DocumentIngestor.CreatePipeline(options.ActorsPath, options.DbPath),
                FetchAddressPolicy.PublicOnly(options.AllowFetchFrom)));
            services.TryAddSingleton(TimeProvider.System);
            services.AddOutputCache(cache =>
            {
                cache.SizeLimit = ResponseCacheBytes;
                cache.AddBasePolicy(policy => policy.Expire(ResponseCacheLifetime).VaryByValue(StoreStateAsync));
            });

            options.ConfigureServices?.Invoke(services);
            var app = builder.Build();
            _ = app.Services.GetRequiredService<IDocumentStore>();
            Configure(app);
            return app;
        }
        catch
        {
            store.Dispose();
            throw;
        }
    }

    private static void Configure(WebApplication app)
    {
        // First, so that every answer the app writes carries the headers: those of the exception handler too, which
        // clears the response's headers before it writes its problem (OnStarting callbacks survive that).
        app.Use(async (context, next) =>
        {
            context.Response.OnStarting(SetSecurityHeaders, context.Response);
            await next(context);
        });
        app.UseExceptionHandler(new ExceptionHandlerOptions { ExceptionHandler = HandleExceptionAsync });
        app.UseStatusCodePages(new StatusCodePagesOptions { HandleAsync = HandleStatusCodeAsync });
        app.Use(async (context, next) =>
        {
            if (context.Features.Get<IHttpRequestFeature>()?.RawTarget is { Length: > MaxUrlLength })
            {
                // Answered here rather than by Kestrel (whose request-line limit is set higher), so that it is a
                // problem with the usual headers; the status code pages write the body.
                context.Response.StatusCode = StatusCodes.Status414UriTooLong;
                return;
            }

            await next(context);
        });

        if (app.Services.GetRequiredService<DossierWebOptions>().CacheResponses)
        {
            app.UseOutputCache();
        }

        // Admission control (after the cache, so that a cached answer never waits): a few requests run at once, the
        // rest wait oldest first, and a full queue is answered 503 with Retry-After.
        if (app.Services.GetService<RequestAdmission>() is { } admission)
        {
            app.Use(admission.InvokeAsync);
        }

        app.MapOpenApi();
        app.MapDocumentsApi();
        app.MapEntitiesApi();
        app.MapEventsApi();
        app.MapCountsApi();
        app.MapSearchApi();
        app.MapPages();
        if (app.Services.GetService<IServiceProviderIsService>()?.IsService(typeof(IFollowStore)) == true)
        {
            app.MapFollowPages();
        }
        else
        {
            app.MapFollowPagesUnavailable();
        }
    }

    /// <summary>What a cached response depends on besides its URL: the store's version, which any committed change
    /// moves on (in this process or another), and today's date, which the agenda starts from by default.</summary>
    private static async ValueTask<KeyValuePair<string, string>> StoreStateAsync(HttpContext context, CancellationToken cancellationToken)
    {
        var version = await context.RequestServices.GetRequiredService<IDocumentStore>().GetVersionAsync(cancellationToken);
        var today = DateOnly.FromDateTime(context.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime);
        return new("store", string.Create(CultureInfo.InvariantCulture, $"{version}@{today:yyyy-MM-dd}"));
    }

    private static Task SetSecurityHeaders(object state)
    {
        var headers = ((HttpResponse)state).Headers;
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = "no-referrer";
        headers.XFrameOptions = "DENY";
        headers.ContentSecurityPolicy = "default-src 'none'; style-src 'self'; script-src 'self'; img-src 'self'; "
            + "connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";
        return Task.CompletedTask;
    }

    private static bool IsApi(HttpContext context) => context.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase);

    /// <summary>Unhandled exceptions: logged in full, answered with one line and no internals.</summary>
    private static async Task HandleExceptionAsync(HttpContext context)
    {
        var exception = context.Features.Get<IExceptionHandlerFeature>()?.Error;
        var (status, title, detail) = exception switch
        {
            StoreException => (StatusCodes.Status503ServiceUnavailable, "Service unavailable", "The store cannot be read or written just now; try again."),
            ModelFileException => (StatusCodes.Status503ServiceUnavailable, "Service unavailable", "The analysis models cannot be loaded; see the server log."),
            BadHttpRequestException bad => (bad.StatusCode, "Bad request", "The request cannot be read."),
            _ => (StatusCodes.Status500InternalServerError, "Internal server error", "Something went wrong on the server; see its log."),
        };
        await WriteErrorAsync(context, status, title, detail);
    }

    /// <summary>An error answer as the app writes them: a problem (JSON) under <c>/api</c>, a page elsewhere.</summary>
    internal static async Task WriteErrorAsync(HttpContext context, int status, string title, string detail)
    {
        context.Response.StatusCode = status;
        if (IsApi(context))
        {
            var problems = context.RequestServices.GetRequiredService<IProblemDetailsService>();
            await problems.WriteAsync(new ProblemDetailsContext
            {
                HttpContext = context,
                ProblemDetails = { Status = status, Title = title, Detail = detail },
            });
        }
        else
        {
            await PageResult.WriteErrorAsync(context, status, title, detail);
        }
    }

    /// <summary>Bodiless error statuses (unknown routes, wrong methods, Kestrel's refusals) get a body too.</summary>
    private static async Task HandleStatusCodeAsync(StatusCodeContext statusContext)
    {
        var context = statusContext.HttpContext;
        var status = context.Response.StatusCode;
        var title = status switch
        {
            StatusCodes.Status404NotFound => "Not found",
            StatusCodes.Status405MethodNotAllowed => "Method not allowed",
            StatusCodes.Status413PayloadTooLarge => "Payload too large",
            StatusCodes.Status414UriTooLong => "URI too long",
            StatusCodes.Status415UnsupportedMediaType => "Unsupported media type",
            _ when status < 500 => "Bad request",
            _ => "Error",
        };
        var detail = status switch
        {
            StatusCodes.Status404NotFound => "There is nothing at this address.",
            StatusCodes.Status405MethodNotAllowed => "This address does not take this method.",
            StatusCodes.Status414UriTooLong => string.Create(CultureInfo.InvariantCulture, $"The address is longer than {MaxUrlLength} characters."),
            _ => null,
        };
        if (IsApi(context))
        {
            var problems = context.RequestServices.GetRequiredService<IProblemDetailsService>();
            await problems.WriteAsync(new ProblemDetailsContext
            {
                HttpContext = context,
                ProblemDetails = { Status = status, Title = title, Detail = detail },
            });
        }
        else
        {
            await PageResult.WriteErrorAsync(context, status, title, detail ?? title + ".");
        }
    }
}
