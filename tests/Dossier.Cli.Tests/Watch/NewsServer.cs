using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Dossier.Cli.Tests.Watch;

/// <summary>
/// A local news site on 127.0.0.1 for the watcher's tests: RSS feeds whose items change between polls (answering 304
/// to a matching <c>If-None-Match</c>), article pages, fixed routes (errors, slow and oversized answers, redirects) and
/// a webhook receiver that fails its first deliveries. It counts every request by path and status.
/// </summary>
internal sealed class NewsServer : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly Lock _lock = new();
    private readonly Dictionary<string, Feed> _feeds = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Answer> _routes = new(StringComparer.Ordinal);
    private readonly Task _loop;
    private int _hookCalls;

    public NewsServer()
    {
        for (var attempt = 0; ; attempt++)
        {
            var probe = new TcpListener(IPAddress.Loopback, 0);
            probe.Start();
            var port = ((IPEndPoint)probe.LocalEndpoint).Port;
            probe.Stop();
            BaseUrl = $"http://127.0.0.1:{port}/";
            _listener.Prefixes.Clear();
            _listener.Prefixes.Add(BaseUrl);
            try
            {
                _listener.Start();
                break;
            }
            catch (HttpListenerException) when (attempt < 5)
            {
            }
        }

        _loop = Task.Run(ServeAsync);
    }

    public string BaseUrl { get; private set; }

    /// <summary>How many webhook POSTs the receiver answers 500 before it accepts.</summary>
    public int HookFailures { get; set; }

    /// <summary>Every request: path, status answered, and the validators it sent.</summary>
    public ConcurrentQueue<(string Path, int Status, string? IfNoneMatch)> Log { get; } = new();

    /// <summary>Webhook POSTs accepted: delivery header, signature header, body.</summary>
    public ConcurrentQueue<(string Delivery, string? Signature, byte[] Body)> Accepted { get; } = new();

    public int Requests(string path) => Log.Count(l => l.Path == "/" + path);

    public int Answered(string path, int status) => Log.Count(l => l.Path == "/" + path && l.Status == status);

    /// <summary>Adds an empty RSS feed at <paramref name="path"/>.</summary>
    public string AddFeed(string path)
    {
        lock (_lock)
        {
            _feeds["/" + path] = new Feed();
        }

        return BaseUrl + path;
    }

    /// <summary>Publishes an article: its page at <paramref name="articlePath"/> and a new item at the top of the feed,
    /// which keeps only its <paramref name="window"/> newest items.</summary>
    public string Publish(string feedPath, string articlePath, string title, string sentence, DateOnly published, int window = 4, TimeSpan delay = default)
    {
        var paragraphs = string.Concat(Enumerable.Range(1, 3).Select(i => $"<p>{WebUtility.HtmlEncode(sentence)}</p>"));
        var html = $"<!DOCTYPE html><html><head><title>{WebUtility.HtmlEncode(title)}</title>"
            + $"<meta property=\"article:published_time\" content=\"{published:yyyy-MM-dd}T08:00:00Z\"></head>"
            + $"<body><article><h1>{WebUtility.HtmlEncode(title)}</h1>{paragraphs}</article></body></html>";
        Route("/" + articlePath, 200, "text/html; charset=utf-8", Encoding.UTF8.GetBytes(html), delay);
        lock (_lock)
        {
            var feed = _feeds["/" + feedPath];
            feed.Items.Insert(0, (title, BaseUrl + articlePath, published));
            if (feed.Items.Count > window)
            {
                feed.Items.RemoveAt(feed.Items.Count - 1);
            }

            feed.Version++;
        }

        return BaseUrl + articlePath;
    }

    /// <summary>A fixed answer at <paramref name="path"/>.</summary>
    public string Route(string path, int status, string contentType, byte[] body, TimeSpan delay = default, string? location = null)
    {
        var key = path.StartsWith('/') ? path : "/" + path;
        lock (_lock)
        {
            _routes[key] = new Answer(status, contentType, body, delay, location);
        }

        return BaseUrl + key[1..];
    }

    private async Task ServeAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            _ = Task.Run(() => AnswerAsync(context));
        }
    }

    private async Task AnswerAsync(HttpListenerContext context)
    {
        var path = context.Request.Url!.AbsolutePath;
        var ifNoneMatch = context.Request.Headers["If-None-Match"];
        var status = 404;
        var logged = false;

        // Logged before the answer is sent, never after: a client that has its answer may count the requests at once.
        void Record()
        {
            if (!logged)
            {
                logged = true;
                Log.Enqueue((path, status, ifNoneMatch));
            }
        }

        try
        {
            Feed? feed;
            Answer? route;
            string? feedXml = null;
            string? etag = null;
            lock (_lock)
            {
                _feeds.TryGetValue(path, out feed);
                _routes.TryGetValue(path, out route);
                if (feed is not null)
                {
                    etag = $"\"v{feed.Version}\"";
                    feedXml = feed.Render(BaseUrl + path[1..]);
                }
            }

            var response = context.Response;
            if (path == "/hook" && context.Request.HttpMethod == "POST")
            {
                using var body = new MemoryStream();
                await context.Request.InputStream.CopyToAsync(body);
                if (Interlocked.Increment(ref _hookCalls) <= HookFailures)
                {
                    status = 500;
                }
                else
                {
                    status = 200;
                    Accepted.Enqueue((context.Request.Headers["X-Dossier-Delivery"] ?? "", context.Request.Headers["X-Dossier-Signature"], body.ToArray()));
                }

                Record();
                response.StatusCode = status;
                response.Close();
                return;
            }

            if (feedXml is not null)
            {
                response.Headers["ETag"] = etag;
                if (ifNoneMatch == etag)
                {
                    status = 304;
                    Record();
                    response.StatusCode = status;
                    response.Close();
                    return;
                }

                status = 200;
                Record();
                await WriteAsync(response, status, "application/rss+xml; charset=utf-8", Encoding.UTF8.GetBytes(feedXml));
                return;
            }

            if (route is not null)
            {
                if (route.Delay > TimeSpan.Zero)
                {
                    await Task.Delay(route.Delay, _stop.Token);
                }

                status = route.Status;
                if (route.Location is not null)
                {
                    response.RedirectLocation = route.Location;
                }

                Record();
                await WriteAsync(response, status, route.ContentType, route.Body);
                return;
            }

            Record();
            response.StatusCode = 404;
            response.Close();
        }
        catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or OperationCanceledException or IOException or InvalidOperationException)
        {
            // The client went away (a timeout) or the server is stopping.
        }
        finally
        {
            Record();
        }
    }

    private static async Task WriteAsync(HttpListenerResponse response, int status, string contentType, byte[] body)
    {
        response.StatusCode = status;
        response.ContentType = contentType;
        response.ContentLength64 = body.Length;
        await response.OutputStream.WriteAsync(body);
        response.Close();
    }

    public void Dispose()
    {
        _stop.Cancel();
        _listener.Close();
        try
        {
            _loop.Wait(TimeSpan.FromSeconds(5));
        }
        catch (AggregateException)
        {
        }

        _stop.Dispose();
    }

    private sealed record Answer(int Status, string ContentType, byte[] Body, TimeSpan Delay, string? Location);

    private sealed class Feed
    {
        public List<(string Title, string Link, DateOnly Published)> Items { get; } = [];

        public int Version { get; set; }

        public string Render(string self)
        {
            var items = string.Concat(Items.Select(i =>
                $"<item><title>{WebUtility.HtmlEncode(i.Title)}</title><link>{i.Link}</link><guid>{i.Link}</guid>"
                + $"<pubDate>{i.Published.ToDateTime(new TimeOnly(8, 0), DateTimeKind.Utc).ToString("R", CultureInfo.InvariantCulture)}</pubDate>"
                + "<description>A report.</description></item>"));
            return $"<?xml version=\"1.0\" encoding=\"utf-8\"?><rss version=\"2.0\"><channel><title>Local news</title><link>{self}</link>"
                + $"<description>Test feed</description>{items}</channel></rss>";
        }
    }
}

/// <summary>A clock the test moves by hand.</summary>
internal sealed class ManualTime(DateTimeOffset start) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = start;

    public override DateTimeOffset GetUtcNow() => Now;

    public void Advance(TimeSpan by) => Now += by;
}
