using System.Globalization;
using Dossier.Core.Documents;
using Dossier.Storage.Corpus;
using Dossier.Web.Api;
using Microsoft.AspNetCore.Http;
using Dossier.Core.Labels;

namespace Dossier.Web.Ui;

/// <summary>The entity list and the entity page.</summary>
public static partial class Pages
{
    private static async Task<IResult> EntitiesAsync(ICorpusQueries corpus, string? q, string? type, string? cursor, CancellationToken cancellationToken)
    {
        if (!Paging.TryParse(null, cursor, out var paging, out var error))
        {
            return PageResult.BadRequest(error!);
        }

        if (q is { Length: > EntitiesApi.MaxQueryLength } || !EntitiesApi.IsTypeName(type))
        {
            return PageResult.BadRequest("The name or type is not valid.");
        }

        var page = paging.ToPage(await corpus.ListEntitiesAsync(type, q, paging.Probe, paging.Offset, cancellationToken));
        var html = new Html().Raw("<h1>Entities</h1>");
        html.Raw("<form class=\"filters\" action=\"/entities\" method=\"get\">")
            .Raw("<label>Name<input type=\"search\" name=\"q\"").Attr("value", q).Raw("></label>")
            .Raw("<label>Type<select name=\"type\"><option value=\"\">any</option>");
        foreach (var option in EntityTypes.All)
        {
            html.Raw("<option").Attr("value", option).Raw(string.Equals(type, option, StringComparison.OrdinalIgnoreCase) ? " selected>" : ">")
                .Text(option).Raw("</option>");
        }

        html.Raw("</select></label><button type=\"submit\">Filter</button></form>");
        if (page.Items.Count == 0)
        {
            html.Raw("<p>No entities.</p>");
        }

        html.Raw("<ul class=\"list\">");
        foreach (var entity in page.Items)
        {
            html.Raw("<li>");
            WriteEntitySummary(html, entity);
            html.Raw("</li>");
        }

        html.Raw("</ul>");
        WritePager(html, "/entities", page.NextCursor, ("q", q), ("type", type));
        return PageResult.Ok("Entities", html);
    }

    private static async Task<IResult> EntityAsync(ICorpusQueries corpus, string id, string? cursor, CancellationToken cancellationToken)
    {
        if (!Paging.TryParse(null, cursor, out var paging, out var error))
        {
            return PageResult.BadRequest(error!);
        }

        var details = string.IsNullOrWhiteSpace(id) || id.Length > EntitiesApi.MaxQueryLength
            ? null
            : await corpus.GetEntityAsync(id, cancellationToken: cancellationToken);
        if (details is null)
        {
            return PageResult.NotFound("No entity has this id or name.");
        }

        var entity = details.Entity;
        var key = entity.Id.ToString(CultureInfo.InvariantCulture);
        var timeline = await corpus.TimelineAsync(key, paging.Probe, paging.Offset, cancellationToken);
        var events = paging.ToPage(timeline?.Events ?? []);

        var html = new Html();
        html.Element("h1", entity.Name);
        html.Raw("<p class=\"meta\"><span").Attr("class", "tag ent-" + Html.ClassName(entity.Type)).Raw(">").Text(entity.Type).Raw("</span>");
        if (entity.Country is not null)
        {
            html.Raw(" country ").Text(entity.Country);
        }

        if (entity.Code is not null)
        {
            html.Raw(" · code ").Text(entity.Code);
        }

        html.Raw(" · ").Text(entity.Mentions).Raw(" mentions in ").Text(entity.Documents).Raw(" documents, ")
            .Text(Html.Day(entity.FirstSeen)).Raw(" to ").Text(Html.Day(entity.LastSeen))
            .Raw(" · ").Link(Html.Url("/api/entities/" + key), "JSON").Raw("</p>");

        html.Raw("<h2>Aliases</h2>");
        if (details.Aliases.Count == 0)
        {
            html.Raw("<p class=\"muted\">None.</p>");
        }
        else
        {
            html.Raw("<ul class=\"aliases\">");
            foreach (var alias in details.Aliases)
            {
                html.Element("li", alias);
            }

            html.Raw("</ul>");
        }

        html.Raw("<h2>Roles</h2>");
        if (details.Roles.Count == 0)
        {
            html.Raw("<p class=\"muted\">None known.</p>");
        }
        else
        {
            html.Raw("<table class=\"roles\"><thead><tr><th>Title</th><th>Status</th><th>Seen</th><th>Documents</th></tr></thead><tbody>");
            foreach (var role in details.Roles)
            {
                html.Raw("<tr><td>").Text(role.Title);
                if (role.Organization is not null)
                {
                    html.Raw(", ").Text(role.Organization);
                }

                if (role.Country is not null)
                {
                    html.Raw(" (").Text(role.Country).Raw(")");
                }

                html.Raw("</td><td>").Text(role.Status).Raw("</td><td>").Text(Html.Day(role.FirstSeen)).Raw(" to ").Text(Html.Day(role.LastSeen))
                    .Raw("</td><td>").Text(role.Documents).Raw("</td></tr>");
            }

            html.Raw("</tbody></table>");
        }

        html.Raw("<h2>Timeline</h2>");
        if (details.Events > 0)
        {
            html.Raw("<p class=\"meta\">").Text(details.Events).Raw(details.Events == 1 ? " event" : " events")
                .Raw(", oldest first; from ").Text(paging.Offset + 1).Raw(" · ")
                .Link(Html.Url("/events", ("actor", key)), "latest first").Raw("</p>");
        }

        WriteEventList(html, events.Items, "No events.");
        WritePager(html, "/entities/" + key, events.NextCursor);

        html.Raw("<h2>Connected actors</h2>");
        if (details.Connections.Count == 0)
        {
            html.Raw("<p class=\"muted\">None.</p>");
        }
        else
        {
            html.Raw("<ul class=\"list connected\">");
            foreach (var (actor, count) in details.Connections)
            {
                html.Raw("<li>");
                WriteActor(html, actor);
                html.Raw(" <span class=\"muted\">").Text(count).Raw(count == 1 ? " event" : " events").Raw("</span></li>");
            }

            html.Raw("</ul>");
        }

        html.Raw("<h2>Documents</h2><ul class=\"list\">");
        foreach (var document in details.Documents)
        {
            html.Raw("<li>").Link(Html.Url("/documents/" + Html.Segment(document.Id)), document.Title ?? document.Id)
                .Raw(" <span class=\"muted\">").Text(Html.Day(document.Published)).Raw("</span></li>");
        }

        html.Raw("</ul>");

        if (details.Mentions.Count > 0)
        {
            html.Raw("<h2>Mentions</h2><ul class=\"list\">");
            foreach (var mention in details.Mentions)
            {
                html.Raw("<li><span class=\"tag kind\">").Text(mention.Kind).Raw("</span><strong>").Text(mention.Text).Raw("</strong> ")
                    .Link(Html.Url("/documents/" + Html.Segment(mention.DocumentId)), "document")
                    .Raw("<blockquote>").Text(mention.Evidence).Raw("</blockquote></li>");
            }

            html.Raw("</ul>");
        }

        return PageResult.Ok(entity.Name, html);
    }

    private static void WriteEntitySummary(Html html, CorpusEntitySummary entity)
    {
        html.Raw("<span").Attr("class", "tag ent-" + Html.ClassName(entity.Type)).Raw(">").Text(entity.Type).Raw("</span>")
            .Link(Html.Url("/entities/" + entity.Id.ToString(CultureInfo.InvariantCulture)), entity.Name)
            .Raw(" <span class=\"muted\">");
        if (entity.Code is not null)
        {
            html.Text(entity.Code).Raw(" · ");
        }

        html.Text(entity.Mentions).Raw(" mentions, ").Text(entity.Documents).Raw(" documents, ")
            .Text(Html.Day(entity.FirstSeen)).Raw(" to ").Text(Html.Day(entity.LastSeen)).Raw("</span>");
    }
}
