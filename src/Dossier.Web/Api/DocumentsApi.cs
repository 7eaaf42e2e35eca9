using Dossier.Core.Serialization;
using Dossier.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.AspNetCore.Routing;
using Microsoft.OpenApi;

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
        group.MapPost("/", PostAsync).WithName("PostDocument")
            .WithSummary("Analyse and store a document given as text, as an HTML page, or as a URL to fetch (needs the API token)")
            // Described for OpenAPI only: Accepts metadata would let routing answer 415 before the token is checked.
            .AddOpenApiOperationTransformer(DescribeRequestBodyAsync)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status502BadGateway);
        return group;
    }

    private static async Task DescribeRequestBodyAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var schema = await context.GetOrCreateSchemaAsync(typeof(DocumentSubmission), null, cancellationToken);
        operation.RequestBody = new OpenApiRequestBody
        {
            Required = true,
            Description = "Exactly one of text and html, or url alone (the server fetches the page). The same fields as a JSON object or a form.",
            Content = new Dictionary<string, OpenApiMediaType>
            {
                [SubmissionBody.Json] = new() { Schema = schema },
                [SubmissionBody.UrlEncodedForm] = new() { Schema = schema },
                [SubmissionBody.MultipartForm] = new() { Schema = schema },
            },
        };
    }

    internal static async Task<Results<JsonAnswer<Page<DocumentSummary>>, ProblemHttpResult>> ListAsync(
        IDocumentStore store, string? limit, string? cursor, CancellationToken cancellationToken)
    {
        if (!Paging.TryParse(limit, cursor, out var paging, out var error))
        {
            return ApiProblems.BadRequest(error!);
        }

        var rows = await store.ListAsync(paging.Probe, paging.Offset, cancellationToken);
        return ApiJson.Ok(paging.ToPage(rows));
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

    /// <summary>
    /// <c>POST /api/documents</c>: reads a <see cref="DocumentSubmission"/> from a JSON object or a form
    /// (<c>application/x-www-form-urlencoded</c>, <c>multipart/form-data</c>) with the fields <c>text</c>, <c>html</c>,
    /// <c>url</c>, <c>title</c> and <c>published</c>, then analyses and stores the document.
    /// </summary>
    /// <remarks>
    /// Answers, in the order they are checked: 403 when write endpoints are off, 401 without the right bearer token;
    /// 415 for another content type; 413 for a body over <see cref="DossierWebOptions.MaxRequestBodyBytes"/> (whether
    /// or not Content-Length was sent, forms included); 400 for a body that is not one of these forms, for both
    /// <c>text</c> and <c>html</c>, for none of <c>text</c>, <c>html</c> and <c>url</c>, for a <c>url</c> to fetch that is
    /// not http(s), for a document that cannot be read (no article in the HTML, a bad date), and for a URL that is a
    /// feed or whose page cannot be read (not a page or text, over the size limit of <c>dossier ingest URL</c>), or
    /// whose host is not public (loopback, private, link-local, …) and not in <see cref="DossierWebOptions.AllowFetchFrom"/>.
    /// 502 when the URL to fetch could not be fetched at all (no connection, no answer within the time limit, or an
    /// error status such as 404): the request was sound but the upstream server failed it, and a later try may
    /// succeed. Every error is a ProblemDetails whose detail is one line. 201 with Location for a new document,
    /// 200 for one that was already stored; both with a <see cref="DocumentCreated"/>.
    /// A URL is fetched only from public addresses and the <c>--allow-fetch-from</c> networks, checked after DNS
    /// resolution and on every redirect (<see cref="Dossier.Ingest.Web.FetchAddressPolicy"/>). If the client goes
    /// away, the analysis stops between stages and nothing is stored (<see cref="Engine.IngestService"/>).
    /// </remarks>
    internal static async Task<Results<Created<DocumentCreated>, Ok<DocumentCreated>, ProblemHttpResult>> PostAsync(
        HttpRequest request, WriteAccess access, DocumentIngestor ingestor, DossierWebOptions options, CancellationToken cancellationToken)
    {
        if (access.Check(request) is { } refused)
        {
            return refused;
        }

        if (!SubmissionBody.IsSupported(request))
        {
            return ApiProblems.UnsupportedMediaType(SubmissionBody.Json, SubmissionBody.UrlEncodedForm, SubmissionBody.MultipartForm);
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

        var (submission, error) = await SubmissionBody.ParseAsync(request, body, cancellationToken);
        if (submission is null)
        {
            return ApiProblems.BadRequest(error!);
        }

        var outcome = await ingestor.SubmitAsync(submission, limit, cancellationToken);
        if (outcome.Id is not { } id)
        {
            return outcome.UpstreamFailed ? ApiProblems.BadGateway(outcome.Error!) : ApiProblems.BadRequest(outcome.Error!);
        }

        var location = $"/api/documents/{id}";
        var answer = new DocumentCreated(id, outcome.Created, location);
        return outcome.Created ? TypedResults.Created(location, answer) : TypedResults.Ok(answer);
    }

}
