using Microsoft.AspNetCore.Http;

namespace Dossier.Web.Ui;

/// <summary>Wraps page bodies in the site layout and answers with HTML.</summary>
internal static class PageResult
{
    public const string ContentType = "text/html; charset=utf-8";

    public static IResult Ok(string title, Html body) => Results.Content(Layout(title, body), ContentType, statusCode: StatusCodes.Status200OK);

    public static IResult Status(int status, string title, string detail) =>
        Results.Content(Layout(title, ErrorBody(title, detail)), ContentType, statusCode: status);

    public static IResult NotFound(string detail) => Status(StatusCodes.Status404NotFound, "Not found", detail);

    public static IResult BadRequest(string detail) => Status(StatusCodes.Status400BadRequest, "Bad request", detail);

    public static async Task WriteErrorAsync(HttpContext context, int status, string title, string detail)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = ContentType;
        await context.Response.WriteAsync(Layout(title, ErrorBody(title, detail)));
    }

    private static Html ErrorBody(string title, string detail) =>
        new Html().Element("h1", title).Element("p", detail).Raw("<p><a href=\"/\">Home</a></p>");

    public static string Layout(string title, Html body)
    {
        var page = new Html();
        page.Raw("<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
            .Raw("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
            .Raw("<title>").Text(title).Raw(" · Dossier</title>")
            .Raw("<link rel=\"stylesheet\" href=\"").Raw(Assets.CssPath).Raw("\"></head><body>")
            .Raw("<header><nav><a class=\"brand\" href=\"/\">Dossier</a>")
            .Raw("<a href=\"/documents\">Documents</a><a href=\"/entities\">Entities</a><a href=\"/events\">Events</a>")
            .Raw("<a href=\"/agenda\">Agenda</a><a href=\"/network\">Network</a><a href=\"/map\">Map</a><a href=\"/follows\">Follows</a>")
            .Raw("<form class=\"search\" action=\"/search\" method=\"get\" role=\"search\">")
            .Raw("<input type=\"search\" name=\"q\" placeholder=\"Search the documents\" aria-label=\"Search\" maxlength=\"500\"></form>")
            .Raw("</nav></header><main>")
            .Raw(body.ToString())
            .Raw("</main><footer><a href=\"/api/documents\">JSON API</a></footer></body></html>\n");
        return page.ToString();
    }
}
