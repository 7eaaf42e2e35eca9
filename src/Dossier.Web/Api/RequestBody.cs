using Microsoft.AspNetCore.Http;

namespace Dossier.Web.Api;

internal sealed class RequestBodyTooLargeException : Exception
{
    public RequestBodyTooLargeException() : base("The request body is too large.") { }

    public RequestBodyTooLargeException(string message) : base(message) { }

    public RequestBodyTooLargeException(string message, Exception innerException) : base(message, innerException) { }
}

/// <summary>Reads a request body into memory, refusing more than a limit whether or not Content-Length was sent.</summary>
internal static class RequestBody
{
    /// <exception cref="RequestBodyTooLargeException">When the body is longer than <paramref name="limit"/>.</exception>
    public static async Task<byte[]> ReadAsync(HttpRequest request, long limit, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        try
        {
            while (true)
            {
                var read = await request.Body.ReadAsync(chunk, cancellationToken);
                if (read == 0)
                {
                    break;
                }

                if (buffer.Length + read > limit)
                {
                    throw new RequestBodyTooLargeException();
                }

                buffer.Write(chunk, 0, read);
            }
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            // Kestrel's own limit (set to the same size) stopped the read first.
            throw new RequestBodyTooLargeException(ex.Message, ex);
        }

        return buffer.ToArray();
    }
}
