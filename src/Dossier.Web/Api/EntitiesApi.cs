using Dossier.Storage.Corpus;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Dossier.Web.Api;

/// <summary>One entity as <c>GET /api/entities/{id}</c> gives it: its details and its latest events (the rest are in
/// <c>/api/timeline/{id}</c> and <c>/api/events?actor={id}</c>).</summary>
/// <param name="Events">How many corpus events it takes part in.</param>
/// <param name="LatestEvents">Its <see cref="EntitiesApi.LatestEvents"/> latest events, latest first.</param>
public sealed record EntityResource(
    CorpusEntitySummary Entity,
    IReadOnlyList<string> Aliases,
    IReadOnlyList<CorpusRole> Roles,
    IReadOnlyList<CorpusDocumentRef> Documents,
    IReadOnlyList<CorpusMention> Mentions,
    long Events,
    IReadOnlyList<ActorConnection> Connections,
    IReadOnlyList<CorpusEventSummary> LatestEvents);

/// <summary>A page of an actor's timeline.</summary>
public sealed record TimelinePage(CorpusEntitySummary Entity, IReadOnlyList<CorpusEventSummary> Items, string? NextCursor);

/// <summary><c>/api/entities</c> and <c>/api/timeline/{entityId}</c>: corpus entities (one per real-world actor).</summary>
public static class EntitiesApi
{
    public const int MaxQueryLength = 200;

    /// <summary>How many of an entity's latest events its resource carries.</summary>
    public const int LatestEvents = 10;

    public static RouteGroupBuilder MapEntitiesApi(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var group = endpoints.MapGroup("/api").WithTags("Entities");
        group.MapGet("/entities", ListAsync).WithName("ListEntities").WithSummary("Corpus entities, most mentioned first, then by id");
        group.MapGet("/entities/{id}", GetAsync).WithName("GetEntity").WithSummary("One corpus entity by id, name or alias, with its aliases, roles, documents, mentions, connected actors and latest events");
        group.MapGet("/timeline/{entityId}", TimelineAsync).WithName("GetTimeline").WithSummary("An actor's events in date order");
        return group;
    }

    internal static async Task<Results<JsonAnswer<Page<CorpusEntitySummary>>, ProblemHttpResult>> ListAsync(
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
        return ApiJson.Ok(paging.ToPage(rows));
    }

    internal static async Task<Results<JsonAnswer<EntityResource>, ProblemHttpResult>> GetAsync(
        ICorpusQueries corpus, string id, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(id) || id.Length > MaxQueryLength)
        {
            return ApiProblems.NotFound("No entity has this id or name.");
        }

        if (await corpus.GetEntityAsync(id, cancellationToken: cancellationToken) is not { } d)
        {
            return ApiProblems.NotFound("No entity has this id or name.");
        }

        var latest = d.Events == 0
            ? []
            : await corpus.ListEventsAsync(new CorpusEventFilter(Actor: d.Entity.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)), LatestEvents, 0, cancellationToken);
        return ApiJson.Ok(new EntityResource(d.Entity, d.Aliases, d.Roles, d.Documents, d.Mentions, d.Events, d.Connections, latest));
    }

    internal static async Task<Results<JsonAnswer<TimelinePage>, ProblemHttpResult>> TimelineAsync(
        ICorpusQueries corpus, DossierWebOptions options, string entityId, string? minConfidence, string? limit, string? cursor, string? domain,
        CancellationToken cancellationToken)
    {
        if (!Paging.TryParse(limit, cursor, out var paging, out var error)
            || !EventsApi.TryParseConfidence(minConfidence, options.MinConfidence, out var threshold, out error)
            || !EventsApi.TryParseDomain(domain, out var domainFilter, out error))
        {
            return ApiProblems.BadRequest(error!);
        }

        if (string.IsNullOrWhiteSpace(entityId) || entityId.Length > MaxQueryLength)
        {
            return ApiProblems.NotFound("No entity has this id or name.");
        }

        var timeline = await corpus.TimelineAsync(entityId, paging.Probe, paging.Offset, threshold, domainFilter, cancellationToken);
        if (timeline is null)
        {
            return ApiProblems.NotFound("No entity has this id or name.");
        }

        var page = paging.ToPage(timeline.Events);
        return ApiJson.Ok(new TimelinePage(timeline.Entity, page.Items, page.NextCursor));
    }

    /// <summary>Empty, or an upper-case type name of letters and underscores.</summary>
    internal static bool IsTypeName(string? type) =>
        string.IsNullOrWhiteSpace(type)
        || (type.Trim().Length <= 20 && type.Trim().All(c => char.IsAsciiLetter(c) || c == '_'));
}
