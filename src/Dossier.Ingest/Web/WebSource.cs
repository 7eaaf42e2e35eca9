using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using Dossier.Core.Errors;
using Dossier.Ingest.Decoding;
using Dossier.Ingest.Readers;

namespace Dossier.Ingest.Web;

/// <summary>
/// Reads an http(s) URL: downloads it within <see cref="ReadOptions.Timeout"/> and
/// <see cref="ReadOptions.MaxBytes"/>, then reads it as a feed, an HTML page, JSON Lines or text
/// by its Content-Type (or its first characters). A URL that cannot be fetched gives one failure.
/// </summary>
internal static class WebSource
{
    private const int BufferSize = 81920;

    private static readonly TimeSpan MaxTimeout = TimeSpan.FromDays(24);

    private static readonly HttpClient Client = CreateClient();

    public static bool IsWebUrl(string input, out Uri uri)
    {
        if (Uri.TryCreate(input, UriKind.Absolute, out var parsed) && (parsed.Scheme == Uri.UriSchemeHttp || parsed.Scheme == Uri.UriSchemeHttps))
        {
            uri = parsed;
            return true;
        }

        uri = null!;
        return false;
    }

    /// <summary>Whether the input is a URL of a scheme other than http(s), such as ftp:// (not a path).</summary>
    public static bool HasOtherScheme(string input)
    {
        var separator = input.IndexOf("://", StringComparison.Ordinal);
        return separator > 1 && input[..separator].All(c => char.IsAsciiLetterOrDigit(c) || c is '+' or '-' or '.');
    }

    public static async Task<IReadOnlyList<ReadResult>> ReadAsync(string input, Uri uri, ReadOptions options, CancellationToken ct)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(ct);
        if (options.Timeout > TimeSpan.Zero)
        {
            // Zero or negative means no limit; past ~24 days CancelAfter would refuse it.
            deadline.CancelAfter(options.Timeout < MaxTimeout ? options.Timeout : MaxTimeout);
        }
        byte[] bytes;
        string? mediaType;
        Uri finalUri;
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, uri);
            var client = options.FetchPolicy?.Client ?? Client;
            using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, deadline.Token).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                var status = string.Create(CultureInfo.InvariantCulture, $"HTTP {(int)response.StatusCode} {response.ReasonPhrase}").Trim();
                return [Unreachable(input, status)];
            }

            if (response.Content.Headers.ContentLength is { } length && length > options.MaxBytes)
            {
                return [ReadResult.Failure(input, ReadFailureKind.TooLarge, DossierErrors.TooLarge(length, options.MaxBytes))];
            }

            var stream = await response.Content.ReadAsStreamAsync(deadline.Token).ConfigureAwait(false);
            await using (stream.ConfigureAwait(false))
            {
                var (body, total) = await ReadCappedAsync(stream, options.MaxBytes, deadline.Token).ConfigureAwait(false);
                if (body is null)
                {
                    return [ReadResult.Failure(input, ReadFailureKind.TooLarge, DossierErrors.TooLarge(total, options.MaxBytes))];
                }

                bytes = body;
            }

            mediaType = response.Content.Headers.ContentType?.MediaType;
            finalUri = response.RequestMessage?.RequestUri ?? uri;
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            var seconds = options.Timeout.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture);
            return [Unreachable(input, $"no answer within {seconds} s")];
        }
        catch (HttpRequestException ex) when (ex.InnerException is FetchRefusedException refused)
        {
            return [ReadResult.Failure(input, ReadFailureKind.Unsupported, refused.Message)];
        }
        catch (HttpRequestException ex)
        {
            return [Unreachable(input, Describe(ex))];
        }
        catch (IOException ex)
        {
            return [Unreachable(input, FileSource.OneLine(ex.Message))];
        }

        if (bytes.Length == 0)
        {
            return [ReadResult.Failure(input, ReadFailureKind.Empty, DossierErrors.Empty)];
        }

        var decoded = TextDecoder.Decode(bytes);
        if (decoded.Text is null)
        {
            return [ReadResult.Failure(input, ReadFailureKind.Undecodable, decoded.Error!)];
        }

        return ContentReader.Read(input, decoded.Text, KindOf(mediaType, finalUri, decoded.Text), finalUri.AbsoluteUri, options);
    }

    /// <summary>
    /// The format: a feed whenever the content is one (servers often label feeds text/html or
    /// text/xml); else what the Content-Type says; else what the URL's extension says; else sniffed.
    /// </summary>
    private static SourceKind KindOf(string? mediaType, Uri uri, string text)
    {
        if (FeedReader.LooksLikeFeed(text))
        {
            return SourceKind.Feed;
        }

        if (SourceKinds.FromMediaType(mediaType) is { } declared && declared != SourceKind.Feed)
        {
            return declared;
        }

        return SourceKinds.FromExtension(uri.AbsolutePath) is { } named && named != SourceKind.Feed
            ? named
            : SourceKinds.Sniff(text);
    }

    private static ReadResult Unreachable(string input, string reason) => ReadResult.Failure(input, ReadFailureKind.Unreachable, DossierErrors.Unreachable(reason));

    /// <summary>The body, or null with the count read so far when it passes the limit.</summary>
    private static async Task<(byte[]? Body, long Read)> ReadCappedAsync(Stream stream, long limit, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[BufferSize];
        long total = 0;
        while (true)
        {
            var read = await stream.ReadAsync(chunk, ct).ConfigureAwait(false);
            if (read == 0)
            {
                return (buffer.ToArray(), total);
            }

            total += read;
            if (total > limit)
            {
                return (null, total);
            }

            buffer.Write(chunk, 0, read);
        }
    }

    /// <summary>A short reason: the socket error (refused, DNS) when there is one, else the message.</summary>
    private static string Describe(HttpRequestException ex)
    {
        if (ex.InnerException is SocketException socket)
        {
            return socket.SocketErrorCode switch
            {
                SocketError.ConnectionRefused => "connection refused",
                SocketError.HostNotFound or SocketError.NoData or SocketError.TryAgain => "host not found",
                SocketError.TimedOut => "connection timed out",
                SocketError.NetworkUnreachable or SocketError.HostUnreachable => "network unreachable",
                _ => FileSource.OneLine(socket.Message),
            };
        }

        return FileSource.OneLine(ex.Message);
    }

    /// <summary>The client for downloads: any address when <paramref name="policy"/> is null, else only those it
    /// allows, connected through its callback (which sees every connection, redirects included) and with no proxy.</summary>
    internal static HttpClient CreateClient(FetchAddressPolicy? policy = null)
    {
        var handler = new SocketsHttpHandler
        {
            AutomaticDecompression = DecompressionMethods.All,
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            AllowAutoRedirect = true,
            MaxAutomaticRedirections = 10,
        };
        if (policy is not null)
        {
            handler.UseProxy = false;
            handler.ConnectCallback = policy.ConnectAsync;
        }

        var client = new HttpClient(handler) { Timeout = Timeout.InfiniteTimeSpan };
        client.DefaultRequestHeaders.UserAgent.Add(new ProductInfoHeaderValue("Dossier", "1.0"));
        client.DefaultRequestHeaders.Accept.ParseAdd("application/rss+xml, application/atom+xml, application/xml;q=0.9, text/html;q=0.8, */*;q=0.5");
        return client;
    }
}
