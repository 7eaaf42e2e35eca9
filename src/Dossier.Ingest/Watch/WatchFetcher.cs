using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using Dossier.Core.Errors;

namespace Dossier.Ingest.Watch;

/// <summary>Settings of <see cref="WatchFetcher"/>.</summary>
public sealed record WatchFetchOptions
{
    /// <summary>How long one request may take, headers and body together.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>The largest body read; a larger one is a failure.</summary>
    public long MaxBytes { get; init; } = 5L * 1024 * 1024;

    /// <summary>How many requests may be open to one host at once.</summary>
    public int PerHostConcurrency { get; init; } = 2;

    /// <summary>The least time between the starts of two requests to one host.</summary>
    public TimeSpan PerHostDelay { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>How many redirects one request may follow.</summary>
    public int MaxRedirects { get; init; } = 5;
}

/// <summary>What one GET gave.</summary>
/// <param name="Status">The HTTP status, or null when no answer came.</param>
/// <param name="Body">The body of a 2xx answer.</param>
/// <param name="FinalUri">The address after redirects.</param>
/// <param name="Error">Null for a 2xx or 304, else a one-line reason.</param>
public sealed record FetchResponse(int? Status, byte[]? Body, string? MediaType, Uri FinalUri, string? ETag, string? LastModified, string? Error)
{
    /// <summary>Whether the server said the content is unchanged since the validators sent.</summary>
    public bool NotModified => Status == (int)HttpStatusCode.NotModified;

    /// <summary>Whether a body came.</summary>
    public bool Succeeded => Error is null && Body is not null;
}

/// <summary>
/// Polite HTTP GETs for the watcher: conditional requests (<c>If-None-Match</c>, <c>If-Modified-Since</c>), a limit of
/// open requests and a least delay per host, a timeout and a size limit per request, and redirects bounded by the
/// handler (<see cref="CreateHandler"/>). Thread-safe. Every failure is a <see cref="FetchResponse"/> with a reason, never an exception
/// (cancellation by the caller's token aside).
/// </summary>
public sealed class WatchFetcher : IDisposable
{
    private const int BufferSize = 81920;

    private readonly HttpClient _client;
    private readonly bool _ownsClient;
    private readonly WatchFetchOptions _options;
    private readonly TimeProvider _time;
    private readonly ConcurrentDictionary<string, HostSlot> _hosts = new(StringComparer.OrdinalIgnoreCase);

    /// <param name="handler">The handler requests go through (tests point one at a local server); null for <see cref="CreateHandler"/>.</param>
    public WatchFetcher(WatchFetchOptions options, HttpMessageHandler? handler = null, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.PerHostConcurrency, 1, nameof(options));
        _options = options;
        _time = time ?? TimeProvider.System;
        _client = new HttpClient(handler ?? CreateHandler(options.MaxRedirects), disposeHandler: true) { Timeout = System.Threading.Timeout.InfiniteTimeSpan };
        _ownsClient = true;
        _client.DefaultRequestHeaders.UserAgent.Add(new ProductInfoHeaderValue("Dossier-Watch", "1.0"));
        _client.DefaultRequestHeaders.Accept.ParseAdd("application/rss+xml, application/atom+xml, application/xml;q=0.9, text/html;q=0.8, */*;q=0.5");
    }

    /// <summary>A handler that follows at most <paramref name="maxRedirects"/> redirects and decompresses.</summary>
    public static HttpMessageHandler CreateHandler(int maxRedirects) => new SocketsHttpHandler
    {
        AutomaticDecompression = DecompressionMethods.All,
        PooledConnectionLifetime = TimeSpan.FromMinutes(5),
        AllowAutoRedirect = maxRedirects > 0,
        MaxAutomaticRedirections = Math.Max(1, maxRedirects),
    };

    /// <summary>GETs <paramref name="uri"/>, sending the validators given.</summary>
    /// <exception cref="OperationCanceledException">When <paramref name="cancellationToken"/> is cancelled.</exception>
    public async Task<FetchResponse> GetAsync(Uri uri, string? etag = null, string? lastModified = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(uri);
        var slot = _hosts.GetOrAdd(uri.Authority, _ => new HostSlot(_options.PerHostConcurrency));
        await slot.Gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await slot.WaitTurnAsync(_options.PerHostDelay, _time, cancellationToken).ConfigureAwait(false);
            return await SendAsync(uri, etag, lastModified, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            slot.Gate.Release();
        }
    }

    private async Task<FetchResponse> SendAsync(Uri uri, string? etag, string? lastModified, CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(_options.Timeout);
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, uri);
            if (!string.IsNullOrEmpty(etag) && EntityTagHeaderValue.TryParse(etag, out var tag))
            {
                request.Headers.IfNoneMatch.Add(tag);
            }

            if (!string.IsNullOrEmpty(lastModified) && DateTimeOffset.TryParse(lastModified, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var since))
            {
                request.Headers.IfModifiedSince = since;
            }

            using var response = await _client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, deadline.Token).ConfigureAwait(false);
            var final = response.RequestMessage?.RequestUri ?? uri;
            var status = (int)response.StatusCode;
            var newTag = response.Headers.ETag?.ToString();
            var modified = response.Content.Headers.LastModified?.ToString("R", CultureInfo.InvariantCulture);
            if (response.StatusCode == HttpStatusCode.NotModified)
            {
                return new FetchResponse(status, null, null, final, newTag ?? etag, modified ?? lastModified, null);
            }

            if (!response.IsSuccessStatusCode)
            {
                var reason = string.Create(CultureInfo.InvariantCulture, $"HTTP {status} {response.ReasonPhrase}").Trim();
                return new FetchResponse(status, null, null, final, null, null, DossierErrors.Unreachable(reason));
            }

            if (response.Content.Headers.ContentLength is { } length && length > _options.MaxBytes)
            {
                return new FetchResponse(status, null, null, final, null, null, DossierErrors.TooLarge(length, _options.MaxBytes));
            }

            var stream = await response.Content.ReadAsStreamAsync(deadline.Token).ConfigureAwait(false);
            await using (stream.ConfigureAwait(false))
            {
                using var buffer = new MemoryStream();
                var chunk = new byte[BufferSize];
                long total = 0;
                int read;
                while ((read = await stream.ReadAsync(chunk, deadline.Token).ConfigureAwait(false)) > 0)
                {
                    total += read;
                    if (total > _options.MaxBytes)
                    {
                        return new FetchResponse(status, null, null, final, null, null, DossierErrors.TooLarge(total, _options.MaxBytes));
                    }

                    buffer.Write(chunk, 0, read);
                }

                return new FetchResponse(status, buffer.ToArray(), response.Content.Headers.ContentType?.MediaType, final, newTag, modified, null);
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            var seconds = _options.Timeout.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture);
            return new FetchResponse(null, null, null, uri, null, null, DossierErrors.Unreachable($"no answer within {seconds} s"));
        }
        catch (HttpRequestException ex)
        {
            var reason = ex.InnerException is SocketException socket ? socket.SocketErrorCode.ToString() : ex.Message;
            return new FetchResponse(null, null, null, uri, null, null, DossierErrors.Unreachable(OneLine(reason)));
        }
        catch (IOException ex)
        {
            return new FetchResponse(null, null, null, uri, null, null, DossierErrors.Unreachable(OneLine(ex.Message)));
        }
    }

    private static string OneLine(string text) => text.ReplaceLineEndings(" ").Trim();

    /// <summary>Closes the client.</summary>
    public void Dispose()
    {
        if (_ownsClient)
        {
            _client.Dispose();
        }

        foreach (var slot in _hosts.Values)
        {
            slot.Gate.Dispose();
        }
    }

    /// <summary>One host's open-request limit and the earliest time of its next request.</summary>
    private sealed class HostSlot(int concurrency)
    {
        private readonly Lock _lock = new();
        private DateTimeOffset _next = DateTimeOffset.MinValue;

        public SemaphoreSlim Gate { get; } = new(concurrency, concurrency);

        public async Task WaitTurnAsync(TimeSpan delay, TimeProvider time, CancellationToken cancellationToken)
        {
            TimeSpan wait;
            lock (_lock)
            {
                var now = time.GetUtcNow();
                var start = _next > now ? _next : now;
                _next = start + delay;
                wait = start - now;
            }

            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait, time, cancellationToken).ConfigureAwait(false);
            }
        }
    }
}
