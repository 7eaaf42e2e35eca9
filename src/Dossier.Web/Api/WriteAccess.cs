using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Dossier.Web.Api;

/// <summary>Who may use the write endpoints: nobody unless a token is configured, then whoever sends
/// <c>Authorization: Bearer TOKEN</c>. The comparison takes the same time whatever the token sent.</summary>
internal sealed class WriteAccess(string? token)
{
    private readonly byte[]? _token = string.IsNullOrWhiteSpace(token) ? null : SHA256.HashData(Encoding.UTF8.GetBytes(token));

    public bool Enabled => _token is not null;

    /// <summary>Whether a token given in a form (the web pages' write forms) is the configured one.</summary>
    public bool Allows(string? token) =>
        _token is not null && !string.IsNullOrEmpty(token)
        && CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(token.Trim())), _token);

    /// <returns>Null when the request may write, else the problem to answer with.</returns>
    public ProblemHttpResult? Check(HttpRequest request)
    {
        if (_token is null)
        {
            return ApiProblems.Forbidden($"Write endpoints are off. Start the server with {DossierWebOptions.ApiTokenVariable} set to turn them on.");
        }

        var header = request.Headers.Authorization.ToString();
        const string scheme = "Bearer ";
        if (!header.StartsWith(scheme, StringComparison.OrdinalIgnoreCase))
        {
            return Challenge(request, "Send 'Authorization: Bearer TOKEN'.");
        }

        var sent = SHA256.HashData(Encoding.UTF8.GetBytes(header[scheme.Length..].Trim()));
        return CryptographicOperations.FixedTimeEquals(sent, _token) ? null : Challenge(request, "The bearer token is not valid.");
    }

    private static ProblemHttpResult Challenge(HttpRequest request, string detail)
    {
        request.HttpContext.Response.Headers.WWWAuthenticate = "Bearer";
        return ApiProblems.Unauthorized(detail);
    }
}
