using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Dossier.Ingest.Tests;

/// <summary>A tiny HTTP server on 127.0.0.1 that answers fixed routes, for reading URLs in tests.</summary>
public sealed class LocalHttpServer : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly Dictionary<string, (int Status, string ContentType, byte[] Body, TimeSpan Delay)> _routes = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;

    public LocalHttpServer()
    {
        // Find a free port, then listen on it (retrying in the rare case it was taken in between).
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

    public string Add(string path, string contentType, string body, int status = 200, TimeSpan delay = default)
    {
        _routes["/" + path] = (status, contentType, Encoding.UTF8.GetBytes(body), delay);
        return BaseUrl + path;
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
            catch (Exception) when (_stop.IsCancellationRequested)
            {
                return;
            }
            catch (HttpListenerException)
            {
                return;
            }
            catch (ObjectDisposedException)
            {
                return;
            }

            _ = Task.Run(() => AnswerAsync(context));
        }
    }

    private async Task AnswerAsync(HttpListenerContext context)
    {
        try
        {
            var path = context.Request.Url!.AbsolutePath;
            if (!_routes.TryGetValue(path, out var route))
            {
                route = (404, "text/plain", Encoding.UTF8.GetBytes("not found"), TimeSpan.Zero);
            }

            if (route.Delay > TimeSpan.Zero)
            {
                await Task.Delay(route.Delay, _stop.Token);
            }

            context.Response.StatusCode = route.Status;
            context.Response.ContentType = route.ContentType;
            context.Response.ContentLength64 = route.Body.Length;
            await context.Response.OutputStream.WriteAsync(route.Body, _stop.Token);
            context.Response.Close();
        }
        catch (Exception)
        {
            // The client went away, or the server is stopping.
            context.Response.Abort();
        }
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
}
