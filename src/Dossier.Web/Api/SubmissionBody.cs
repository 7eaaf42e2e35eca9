using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace Dossier.Web.Api;

/// <summary>
/// Turns the body of <c>POST /api/documents</c> into a <see cref="DocumentSubmission"/>: a JSON object, or a form
/// (<c>application/x-www-form-urlencoded</c> or <c>multipart/form-data</c>) with the same field names. In a multipart
/// form a field may also be a file part (<c>curl -F html=@page.html</c>), read as UTF-8 text.
/// </summary>
internal static class SubmissionBody
{
    public const string Json = "application/json";
    public const string UrlEncodedForm = "application/x-www-form-urlencoded";
    public const string MultipartForm = "multipart/form-data";

    private const string JsonShape = "{\"text\": …, \"html\": …, \"url\": …, \"title\": …, \"published\": …}";

    /// <summary>The form fields, in the order of <see cref="DocumentSubmission"/>'s parameters.</summary>
    private static readonly string[] Fields = ["text", "title", "published", "url", "html"];

    public static bool IsSupported(HttpRequest request) => request.HasJsonContentType() || request.HasFormContentType;

    /// <summary>Parses a body already read in full (and so already held to the size limit).</summary>
    /// <returns>The submission, or the one-line reason the body is not one.</returns>
    public static async Task<(DocumentSubmission? Submission, string? Error)> ParseAsync(
        HttpRequest request, byte[] body, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(body);
        return request.HasJsonContentType() ? ParseJson(body) : await ParseFormAsync(request, body, cancellationToken);
    }

    private static (DocumentSubmission? Submission, string? Error) ParseJson(byte[] body)
    {
        try
        {
            return JsonSerializer.Deserialize<DocumentSubmission>(body, JsonDefaults.Web) is { } submission
                ? (submission, null)
                : (null, $"The body is not a JSON object of the form {JsonShape}.");
        }
        catch (JsonException)
        {
            return (null, $"The body is not a JSON object of the form {JsonShape}.");
        }
    }

    /// <summary>Reads the form with the request's own form reader, from the body read before. Its limits are
    /// lifted to the body's length, which the caller has already held to the request body limit.</summary>
    private static async Task<(DocumentSubmission? Submission, string? Error)> ParseFormAsync(
        HttpRequest request, byte[] body, CancellationToken cancellationToken)
    {
        // No field or part can be longer than the whole body.
        var length = Math.Max(body.Length, 1);
        var options = new FormOptions
        {
            ValueLengthLimit = length,
            MultipartBodyLengthLimit = length,
            BufferBodyLengthLimit = length,
        };

        var original = request.Body;
        using var buffered = new MemoryStream(body, writable: false);
        request.Body = buffered;
        IFormCollection form;
        try
        {
            form = await request.ReadFormAsync(options, cancellationToken);
        }
        catch (InvalidDataException)
        {
            // Malformed: no multipart boundary, a truncated part, too many fields.
            return (null, "The body is not a valid form.");
        }
        finally
        {
            request.Body = original;
        }

        var values = new string?[Fields.Length];
        for (var i = 0; i < Fields.Length; i++)
        {
            var (value, error) = await FieldAsync(form, Fields[i], cancellationToken);
            if (error is not null)
            {
                return (null, error);
            }

            values[i] = value;
        }

        return (new DocumentSubmission(values[0], values[1], values[2], values[3], values[4]), null);
    }

    private static async Task<(string? Value, string? Error)> FieldAsync(IFormCollection form, string name, CancellationToken cancellationToken)
    {
        var values = form[name];
        var files = form.Files.GetFiles(name);
        if (values.Count + files.Count > 1)
        {
            return (null, $"'{name}' is given more than once.");
        }

        if (values.Count == 1)
        {
            return (values[0], null);
        }

        if (files.Count == 1)
        {
            using var reader = new StreamReader(files[0].OpenReadStream(), Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
            return (await reader.ReadToEndAsync(cancellationToken), null);
        }

        return (null, null);
    }
}
