using System.Globalization;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Dossier.Storage.Watch;

namespace Dossier.Engine.Watch;

/// <summary>
/// Posts follow alerts to webhooks: a JSON body (<see cref="Body"/>), <c>X-Dossier-Delivery</c> (the alert id, the same
/// on every retry, so a receiver can drop a repeat) and, when the follow has a secret, <c>X-Dossier-Signature:
/// sha256=HEX</c>, the HMAC-SHA256 of the body's bytes under the secret. Thread-safe.
/// </summary>
public sealed class WebhookSender : IDisposable
{
    /// <summary>The header that carries the signature.</summary>
    public const string SignatureHeader = "X-Dossier-Signature";

    /// <summary>The header that carries the alert id.</summary>
    public const string DeliveryHeader = "X-Dossier-Delivery";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private readonly HttpClient _client;

    /// <param name="handler">Where requests go (tests use a local server); null for a plain handler without redirects.</param>
    public WebhookSender(TimeSpan timeout, HttpMessageHandler? handler = null)
    {
        _client = new HttpClient(handler ?? new SocketsHttpHandler { AllowAutoRedirect = false }, disposeHandler: true) { Timeout = timeout };
        _client.DefaultRequestHeaders.UserAgent.Add(new ProductInfoHeaderValue("Dossier-Watch", "1.0"));
    }

    /// <summary>The JSON body of an alert.</summary>
    public static byte[] Body(FollowAlert alert)
    {
        ArgumentNullException.ThrowIfNull(alert);
        return JsonSerializer.SerializeToUtf8Bytes(new
        {
            alert = alert.Id,
            follow = alert.FollowId,
            kind = alert.Kind,
            corpusEvent = alert.CorpusEventId,
            type = alert.Type,
            status = alert.Status,
            previousStatus = alert.PreviousStatus,
            document = alert.DocumentId,
            @event = alert.EventId,
            title = alert.Title,
            url = alert.Url,
            published = alert.Published?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            evidence = alert.Evidence,
        }, Json);
    }

    /// <summary>The signature header's value for a body: <c>sha256=</c> and the lower-case hex HMAC-SHA256.</summary>
    public static string Sign(byte[] body, string secret)
    {
        ArgumentNullException.ThrowIfNull(body);
        ArgumentNullException.ThrowIfNull(secret);
        return "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body));
    }

    /// <summary>Posts one delivery.</summary>
    /// <returns>Null when the receiver answered 2xx, else the reason it failed.</returns>
    public async Task<string?> SendAsync(WebhookDelivery delivery, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        var body = Body(delivery.Alert);
        using var request = new HttpRequestMessage(HttpMethod.Post, delivery.WebhookUrl) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        request.Headers.Add(DeliveryHeader, delivery.Alert.Id.ToString(CultureInfo.InvariantCulture));
        if (!string.IsNullOrEmpty(delivery.Secret))
        {
            request.Headers.Add(SignatureHeader, Sign(body, delivery.Secret));
        }

        try
        {
            using var response = await _client.SendAsync(request, cancellationToken).ConfigureAwait(false);
            return response.IsSuccessStatusCode ? null : string.Create(CultureInfo.InvariantCulture, $"HTTP {(int)response.StatusCode}");
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return "no answer in time";
        }
        catch (HttpRequestException ex)
        {
            return ex.Message.ReplaceLineEndings(" ");
        }
    }

    /// <summary>Closes the client.</summary>
    public void Dispose() => _client.Dispose();
}
