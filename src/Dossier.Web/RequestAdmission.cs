using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Http;

namespace Dossier.Web;

/// <summary>
/// Admission control for the API and the pages: at most <see cref="Limit"/> requests run at once, the rest wait in one
/// queue and are let in oldest first; when <see cref="QueueLimit"/> requests already wait, a new one is answered 503
/// with <c>Retry-After</c> at once. The static assets (<c>/assets/…</c>, served from memory) are never held back.
/// </summary>
/// <remarks>
/// Why: when the machine's CPU is saturated (a loaded server, the store on the same cores), letting every request run
/// makes them all share the cores, and the operating system, the thread pool and the store's backends decide which of
/// them finishes first: the median stays near the mean but the tail grows (docs/evaluation.md, branch pg7). With a few
/// running and the rest queued oldest first, each request waits about the same time. One
/// <see cref="ConcurrencyLimiter"/> (from <c>System.Threading.RateLimiting</c>) rather than ASP.NET Core's rate-limiting
/// middleware: one limiter whose counts can be read (tests), no partitions recycled when idle, and the rejection
/// written as the app writes its other problems.
/// </remarks>
internal sealed class RequestAdmission : IDisposable
{
    /// <summary>Seconds a refused client is told to wait (<c>Retry-After</c>): at hundreds of requests a second a full
    /// queue empties well within it.</summary>
    public const int RetryAfterSeconds = 1;

    private readonly ConcurrencyLimiter _limiter;

    public RequestAdmission(int limit, int queueLimit)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(queueLimit);
        Limit = limit;
        QueueLimit = queueLimit;
        _limiter = new ConcurrencyLimiter(new ConcurrencyLimiterOptions
        {
            PermitLimit = limit,
            QueueLimit = queueLimit,
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
        });
    }

    public int Limit { get; }

    public int QueueLimit { get; }

    /// <summary>Requests running now (admitted and not finished).</summary>
    public long Running => Limit - (_limiter.GetStatistics()?.CurrentAvailablePermits ?? Limit);

    /// <summary>Requests waiting now.</summary>
    public long Queued => _limiter.GetStatistics()?.CurrentQueuedCount ?? 0;

    /// <summary>Whether a request is held back by the limit: everything but the static assets.</summary>
    public static bool Applies(HttpContext context) =>
        !context.Request.Path.StartsWithSegments("/assets", StringComparison.OrdinalIgnoreCase);

    /// <summary>The middleware: waits for a place (or the client going away), runs the rest of the pipeline in it, and
    /// answers 503 with <c>Retry-After</c> when the queue is full.</summary>
    public async Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        if (!Applies(context))
        {
            await next(context);
            return;
        }

        RateLimitLease lease;
        try
        {
            lease = await _limiter.AcquireAsync(1, context.RequestAborted);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            // The client went away while its request waited: nothing to answer.
            return;
        }

        using (lease)
        {
            if (!lease.IsAcquired)
            {
                context.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
                await DossierWebApp.WriteErrorAsync(context, StatusCodes.Status503ServiceUnavailable, "Service unavailable",
                    "The server is busy: too many requests are waiting. Try again in a second.");
                return;
            }

            await next(context);
        }
    }

    public void Dispose() => _limiter.Dispose();
}
