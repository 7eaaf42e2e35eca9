using System.Text.Json;
using Dossier.Core.Serialization;
using Dossier.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Dossier.Web.Api;

/// <summary><c>/api/documents</c>: the list, one document as <c>dossier/1</c> JSON, and submitting a new one.</summary>
public static class DocumentsApi
{
    public static RouteGroupBuilder MapDocumentsApi(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var group = endpoints.MapGroup("/api/documents").WithTags("Documents");
        group.MapGet("/", ListAsync).WithName("ListDocuments").WithSummary("Documents, newest published first, then by id");
        group.MapGet("/{id}", GetAsync).WithName("GetDocument").WithSummary("One document as dossier/1 JSON (an id prefix of 6+ characters is accepted)");
        group.MapPost("/", PostAsync).WithName("PostDocument").WithSummary("Analyse and store a document (needs the API token)");
        return group;
    }

    internal static async Task<Results<Ok<Page<DocumentSummary>>, ProblemHttpResult>> ListAsync(
        IDocumentStore store, string? limit, string? cursor, CancellationToken cancellationToken)
    {
        if (!Paging.TryParse(limit, cursor, out var paging, out var error))
        {
            return ApiProblems.BadRequest(error!);
        }

        var rows = await store.ListAsync(paging.Probe, paging.Offset, cancellationToken);
        return TypedResults.Ok(paging.ToPage(rows));
    }

    internal static async Task<Results<ContentHttpResult, ProblemHttpResult>> GetAsync(
        IDocumentStore store, string id, CancellationToken cancellationToken)
    {
        if (!Ids.IsDocumentId(id))
        {
            return ApiProblems.NotFound("No document has this id.");
        }

        var document = await store.GetAsync(id, cancellationToken);
        if (document is null)
        {
            return ApiProblems.NotFound("No document has this id.");
        }

        return TypedResults.Text(DossierJson.Serialize(document), "application/json; charset=utf-8");
    }

    internal static async Task<Results<Created<DocumentCreated>, Ok<DocumentCreated>, ProblemHttpResult>> PostAsync(
        HttpRequest request, WriteAccess access, DocumentIngestor ingestor, DossierWebOptions options, CancellationToken cancellationToken)
    {
        if (access.Check(request) is { } refused)
        {
            return refused;
        }

        if (!request.HasJsonContentType())
        {
            return ApiProblems.UnsupportedMediaType();
        }

        var limit = options.MaxRequestBodyBytes;
        if (request.ContentLength > limit)
        {
            return ApiProblems.TooLarge(limit);
        }

        byte[] body;
        try
        {
            body = await RequestBody.ReadAsync(request, limit, cancellationToken);
        }
        catch (RequestBodyTooLargeException)
        {
            return ApiProblems.TooLarge(limit);
        }

        DocumentSubmission? submission;
        try
        {
            submission = JsonSerializer.Deserialize<DocumentSubmission>(body, JsonDefaults.Web);
        }
        catch (JsonException)
        {
            return ApiProblems.BadRequest("The body is not a JSON object of the form {\"text\": …, \"title\": …, \"published\": …, \"url\": …}.");
        }

        if (submission is null || string.IsNullOrWhiteSpace(submission.Text))
        {
            return ApiProblems.BadRequest("'text' is required and must not be empty.");
        }

        var (id, created, reason) = await ingestor.SubmitAsync(submission, limit, cancellationToken);
        if (id is null)
        {
            return ApiProblems.BadRequest($"The document cannot be read: {reason}.");
        }

        var location = $"/api/documents/{id}";
        var answer = new DocumentCreated(id, created, location);
        return created ? TypedResults.Created(location, answer) : TypedResults.Ok(answer);
    }
}
