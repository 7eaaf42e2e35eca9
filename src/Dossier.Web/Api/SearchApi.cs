using Dossier.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Dossier.Web.Api;

/// <summary><c>/api/search</c>: full-text search over titles and texts (FTS5 syntax), best match first.</summary>
public static class SearchApi
{
    public const int MaxQueryLength = 500;

    /// <summary>Search pages reach at most this deep: the store ranks from the top for every page.</summary>
    public const int MaxDepth = 1000;

    public static RouteGroupBuilder MapSearchApi(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var group = endpoints.MapGroup("/api").WithTags("Search");
        group.MapGet("/search", SearchAsync).WithName("Search").WithSummary("Full-text search (words, \"phrases\", AND/OR/NOT, prefix*, title:word)");
        return group;
    }

    internal static async Task<Results<JsonAnswer<Page<SearchHit>>, ProblemHttpResult>> SearchAsync(
        IDocumentStore store, string? q, string? limit, string? cursor, CancellationToken cancellationToken)
    {
        if (!Paging.TryParse(limit, cursor, out var paging, out var error))
        {
            return ApiProblems.BadRequest(error!);
        }

        var (hits, problem) = await RunAsync(store, q, paging, cancellationToken);
        return problem is null ? ApiJson.Ok(hits!) : ApiProblems.BadRequest(problem);
    }

    /// <summary>Runs a search for one page; a query the store rejects gives a one-line reason instead of hits.</summary>
    internal static async Task<(Page<SearchHit>? Hits, string? Problem)> RunAsync(IDocumentStore store, string? q, Paging paging, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(q))
        {
            return (null, "'q' is required.");
        }

        if (q.Length > MaxQueryLength)
        {
            return (null, $"'q' must be at most {MaxQueryLength} characters.");
        }

        if (paging.Offset + paging.Limit > MaxDepth)
        {
            return (null, $"Search results reach at most {MaxDepth} deep; narrow the query.");
        }

        try
        {
            var rows = await store.SearchAsync(q, paging.Offset + paging.Probe, cancellationToken);
            return (paging.ToPage([.. rows.Skip(paging.Offset)]), null);
        }
        catch (StoreException ex) when (IsBadQuery(ex))
        {
            return (null, "The search query is not valid. Use words, \"phrases\", AND, OR, NOT, prefix* or title:word.");
        }
    }

    /// <summary>The store words a rejected query "The search query … is not valid"; other store failures are not the client's.</summary>
    private static bool IsBadQuery(StoreException ex) => ex.Message.StartsWith("The search query", StringComparison.Ordinal);
}
