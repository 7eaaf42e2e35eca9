using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;

namespace Dossier.Web.Ui;

/// <summary>The server-rendered pages: home, search, documents, entities, events, agenda and network.</summary>
public static partial class Pages
{
    private const int RecentDocuments = 20;
    private const int NetworkPairs = 60;

    public static IEndpointRouteBuilder MapPages(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        endpoints.MapGet(Assets.CssPath, Assets.Css).ExcludeFromDescription();
        endpoints.MapGet(NetworkScript.Path, NetworkScript.Serve).ExcludeFromDescription();
        var group = endpoints.MapGroup("").ExcludeFromDescription();
        group.MapGet("/", HomeAsync);
        group.MapGet("/search", SearchAsync);
        group.MapGet("/documents", DocumentsAsync);
        group.MapGet("/documents/{id}", DocumentAsync);
        group.MapGet("/entities", EntitiesAsync);
        group.MapGet("/entities/{id}", EntityAsync);
        group.MapGet("/events", EventsAsync);
        group.MapGet("/events/{id}", EventAsync);
        group.MapGet("/agenda", AgendaAsync);
        group.MapGet("/network", NetworkAsync);
        group.MapGet("/counts", CountsAsync);
        group.MapGet("/map", MapAsync);
        return endpoints;
    }

    private static void WritePager(Html html, string path, string? next, params (string Name, string? Value)[] query)
    {
        if (next is null)
        {
            return;
        }

        html.Raw("<p class=\"pager\">").Link(Html.Url(path, [.. query, ("cursor", next)]), "Next page →").Raw("</p>");
    }
}
