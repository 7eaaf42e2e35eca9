using Dossier.Storage.Corpus;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Dossier.Web.Api;

/// <summary>A page of an actor's timeline.</summary>
public sealed record TimelinePage(CorpusEntitySummary Entity, IReadOnlyList<CorpusEventSummary> Items, string? NextCursor);

/// <summary><c>/api/entities</c> and <c>/api/timeline/{entityId}</c>: corpus entities (one per real-world actor).</summary>
public static class EntitiesApi
{
    public const int MaxQueryLength = 200;

    public static RouteGroupBuilder MapEntitiesApi(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var group = endpoints.MapGroup("/api").WithTags("Entities");
        group.MapGet("/entities", ListAsync).WithName("ListEntities").WithSummary("Corpus entities, most mentioned first, then by id");
        group.MapGet("/entities/{id}", GetAsync).WithName("GetEntity").WithSummary("One corpus entity by id, name or alias");
        group.MapGet("/timeline/{entityId}", TimelineAsync).WithName("GetTimeline").WithSummary("An actor's events in date order");
        return group;
    }

    internal static async Task<Results<Ok<Page<CorpusEntitySummary>>, ProblemHttpResult>> ListAsync(
        ICorpusQueries corpus, string? q, string? type, string? limit, string? cursor, CancellationToken cancellationToken)
    {
        if (!Paging.TryParse(limit, cursor, out var paging, out var error))
        {
            return ApiProblems.BadRequest(error!);
        }

        if (q is { Length: > MaxQueryLength })
        {
            return ApiProblems.BadRequest($"'q' must be at most {MaxQueryLength} characters.");
        }

        if (!IsTypeName(type))
        {
            return ApiProblems.BadRequest("'type' must be an entity type such as PERSON, ORG, GPE, LOC, FAC, NORP, EVENT, LAW or PRODUCT.");
        }

        var rows = await corpus.ListEntitiesAsync(type, q, paging.Probe, paging.Offset, cancellationToken);
        return TypedResults.Ok(paging.ToPage(rows));
    }

    internal static async Task<Results<Ok<CorpusEntityDetails>, ProblemHttpResult>> GetAsync(
        ICorpusQueries corpus, string id, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(id) || id.Length > MaxQueryLength)
        {
            return ApiProblems.NotFound("No entity has this id or name.");
        }

        var entity = await corpus.GetEntityAsync(id, cancellationToken: cancellationToken);
        return entity is null ? ApiProblems.NotFound("No entity has this id or name.") : TypedResults.Ok(entity);
    }

    internal static async Task<Results<Ok<TimelinePage>, ProblemHttpResult>> TimelineAsync(
        ICorpusQueries corpus, string entityId, string? limit, string? cursor, CancellationToken cancellationToken)
    {
        if (!Paging.TryParse(limit, cursor, out var paging, out var error))
        {
            return ApiProblems.BadRequest(error!);
        }

        if (string.IsNullOrWhiteSpace(entityId) || entityId.Length > MaxQueryLength)
        {
            return ApiProblems.NotFound("No entity has this id or name.");
        }

        var timeline = await corpus.TimelineAsync(entityId, paging.Probe, paging.Offset, cancellationToken);
        if (timeline is null)
        {
            return ApiProblems.NotFound("No entity has this id or name.");
        }

        var page = paging.ToPage(timeline.Events);
        return TypedResults.Ok(new TimelinePage(timeline.Entity, page.Items, page.NextCursor));
    }

    /// <summary>Empty, or an upper-case type name of letters and underscores.</summary>
    internal static bool IsTypeName(string? type) =>
        string.IsNullOrWhiteSpace(type)
        || (type.Trim().Length <= 20 && type.Trim().All(c => char.IsAsciiLetter(c) || c == '_'));
}
