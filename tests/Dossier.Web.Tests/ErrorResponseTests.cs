using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;

namespace Dossier.Web.Tests;

/// <summary>Issue 14, item 8: the server's own error answers (a request it cannot read, an address too long) are
/// problems (RFC 9457) with the same security headers as every other answer. Sent over a raw socket where the
/// request itself must be malformed.</summary>
[Collection(WebCollection.Name)]
public class ErrorResponseTests(WebAppFixture fixture)
{
    [Fact]
    public async Task Get_ApiUrlLongerThanTheLimit_Is414ProblemWithSecurityHeaders()
    {
        using var client = fixture.CreateClient();
        var path = "/api/documents?cursor=" + new string('a', DossierWebApp.MaxUrlLength);

        using var response = await client.GetAsync(path);

        var problem = await Http.ProblemAsync(response, HttpStatusCode.RequestUriTooLong);
        Assert.Contains("longer than", problem.GetProperty("detail").GetString());
        AssertSecurityHeaders(response.Headers.Select(h => (h.Key, string.Join(",", h.Value))));
    }

    [Fact]
    public async Task Get_PageUrlLongerThanTheLimit_Is414PageWithSecurityHeaders()
    {
        using var client = fixture.CreateClient();

        using var response = await client.GetAsync("/search?q=" + new string('a', DossierWebApp.MaxUrlLength));

        await Http.HtmlAsync(response, HttpStatusCode.RequestUriTooLong);
        AssertSecurityHeaders(response.Headers.Select(h => (h.Key, string.Join(",", h.Value))));
    }

    [Fact]
    public async Task Get_UrlJustUnderTheLimit_IsAnswered()
    {
        using var client = fixture.CreateClient();
        var path = "/api/documents?cursor=";
        path += new string('a', DossierWebApp.MaxUrlLength - path.Length);

        using var response = await client.GetAsync(path);

        Assert.NotEqual(HttpStatusCode.RequestUriTooLong, response.StatusCode);
    }

    [Fact]
    public async Task Post_MalformedChunkedBody_Is400ProblemWithSecurityHeaders()
    {
        // The request line and headers are sound; the body's chunk size is not hexadecimal, which Kestrel finds only
        // when the app reads the body.
        var (status, headers, body) = await SendRawAsync(
            "POST /api/documents HTTP/1.1\r\n"
            + $"Host: {fixture.BaseAddress.Authority}\r\n"
            + $"Authorization: Bearer {WebAppFixture.Token}\r\n"
            + "Content-Type: application/json\r\n"
            + "Transfer-Encoding: chunked\r\n\r\n"
            + "zz\r\n{}\r\n0\r\n\r\n");

        Assert.Equal(400, status);
        Assert.Equal("application/problem+json", headers.Single(h => h.Name.Equals("Content-Type", StringComparison.OrdinalIgnoreCase)).Value.Split(';')[0]);
        var problem = JsonDocument.Parse(body).RootElement;
        Assert.Equal(400, problem.GetProperty("status").GetInt32());
        Assert.DoesNotContain("Exception", body);
        AssertSecurityHeaders(headers);
    }

    private static void AssertSecurityHeaders(IEnumerable<(string Name, string Value)> headers)
    {
        var byName = headers.ToDictionary(h => h.Name, h => h.Value, StringComparer.OrdinalIgnoreCase);
        Assert.Equal("nosniff", byName.GetValueOrDefault("X-Content-Type-Options"));
        Assert.Equal("DENY", byName.GetValueOrDefault("X-Frame-Options"));
        Assert.Equal("no-referrer", byName.GetValueOrDefault("Referrer-Policy"));
        Assert.StartsWith("default-src 'none'", byName.GetValueOrDefault("Content-Security-Policy"));
    }

    /// <summary>Sends <paramref name="request"/> as it is and reads the answer up to the end of its body.</summary>
    private async Task<(int Status, List<(string Name, string Value)> Headers, string Body)> SendRawAsync(string request)
    {
        using var client = new TcpClient();
        await client.ConnectAsync(fixture.BaseAddress.Host, fixture.BaseAddress.Port);
        var stream = client.GetStream();
        await stream.WriteAsync(Encoding.ASCII.GetBytes(request));
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var statusLine = await reader.ReadLineAsync() ?? "";
        var headers = new List<(string, string)>();
        string? line;
        while (!string.IsNullOrEmpty(line = await reader.ReadLineAsync()))
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            headers.Add((line[..colon].Trim(), line[(colon + 1)..].Trim()));
        }

        var body = new StringBuilder();
        var chunked = headers.Any(h => h.Item1.Equals("Transfer-Encoding", StringComparison.OrdinalIgnoreCase) && h.Item2.Contains("chunked", StringComparison.OrdinalIgnoreCase));
        if (chunked)
        {
            while (int.Parse(await reader.ReadLineAsync() ?? "0", System.Globalization.NumberStyles.HexNumber, System.Globalization.CultureInfo.InvariantCulture) is var size and > 0)
            {
                var chars = new char[size];
                await reader.ReadBlockAsync(chars, 0, size);
                body.Append(chars);
                await reader.ReadLineAsync();
            }
        }
        else if (headers.FirstOrDefault(h => h.Item1.Equals("Content-Length", StringComparison.OrdinalIgnoreCase)).Item2 is { } length)
        {
            var chars = new char[int.Parse(length, System.Globalization.CultureInfo.InvariantCulture)];
            await reader.ReadBlockAsync(chars, 0, chars.Length);
            body.Append(chars);
        }

        return (int.Parse(statusLine.Split(' ')[1], System.Globalization.CultureInfo.InvariantCulture), headers, body.ToString());
    }
}
