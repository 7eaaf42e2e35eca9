using System.Globalization;
using Dossier.Core.Documents;
using Dossier.Storage;
using Dossier.Storage.Corpus;
using Dossier.Web.Api;
using Microsoft.AspNetCore.Http;

namespace Dossier.Web.Ui;

/// <summary>The home, search and document pages.</summary>
public static partial class Pages
{
    private static async Task<IResult> HomeAsync(IDocumentStore store, CancellationToken cancellationToken)
    {
        var stats = await store.GetStatisticsAsync(cancellationToken);
        var recent = await store.ListAsync(RecentDocuments, 0, cancellationToken);
        var html = new Html();
        html.Raw("<section class=\"hero\"><h1>Dossier</h1>")
            .Raw("<p class=\"meta\">").Text(stats.Documents).Raw(" documents, ").Text(stats.Entities).Raw(" entity records, ")
            .Text(stats.Events).Raw(" event records.</p>")
            .Raw("<form action=\"/search\" method=\"get\" role=\"search\"><input type=\"search\" name=\"q\" maxlength=\"500\" ")
            .Raw("placeholder=\"Words, &quot;phrases&quot;, AND/OR/NOT, prefix*, title:word\" aria-label=\"Search\" autofocus>")
            .Raw("<button type=\"submit\">Search</button></form></section>");
        html.Raw("<h2>Recent documents</h2>");
        WriteDocumentList(html, recent);
        if (recent.Count == RecentDocuments)
        {
            html.Raw("<p class=\"pager\"><a href=\"/documents\">All documents</a></p>");
        }

        return PageResult.Ok("Home", html);
    }

    private static async Task<IResult> SearchAsync(IDocumentStore store, string? q, string? cursor, CancellationToken cancellationToken)
    {
        var html = new Html();
        html.Raw("<h1>Search</h1><form class=\"filters\" action=\"/search\" method=\"get\" role=\"search\">")
            .Raw("<input type=\"search\" name=\"q\" maxlength=\"500\" aria-label=\"Search\"").Attr("value", q).Raw(">")
            .Raw("<button type=\"submit\">Search</button></form>");
        if (string.IsNullOrWhiteSpace(q))
        {
            return PageResult.Ok("Search", html);
        }

        if (!Paging.TryParse(null, cursor, out var paging, out var error))
        {
            return PageResult.BadRequest(error!);
        }

        var (hits, problem) = await SearchApi.RunAsync(store, q, paging, cancellationToken);
        if (problem is not null)
        {
            return PageResult.Status(StatusCodes.Status400BadRequest, "Search", problem);
        }

        if (hits!.Items.Count == 0)
        {
            html.Raw("<p>No document matches.</p>");
        }

        html.Raw("<ul class=\"list\">");
        foreach (var hit in hits.Items)
        {
            html.Raw("<li>");
            WriteDocumentLink(html, hit.Document);
            html.Raw("<br><span class=\"snippet\">");
            WriteSnippet(html, hit.Snippet);
            html.Raw("</span></li>");
        }

        html.Raw("</ul>");
        WritePager(html, "/search", hits.NextCursor, ("q", q));
        return PageResult.Ok($"Search: {q}", html);
    }

    private static async Task<IResult> DocumentsAsync(IDocumentStore store, string? cursor, CancellationToken cancellationToken)
    {
        if (!Paging.TryParse(null, cursor, out var paging, out var error))
        {
            return PageResult.BadRequest(error!);
        }

        var page = paging.ToPage(await store.ListAsync(paging.Probe, paging.Offset, cancellationToken));
        var html = new Html().Raw("<h1>Documents</h1>");
        WriteDocumentList(html, page.Items);
        WritePager(html, "/documents", page.NextCursor);
        return PageResult.Ok("Documents", html);
    }

    private static async Task<IResult> DocumentAsync(IDocumentStore store, ICorpusQueries corpus, string id, CancellationToken cancellationToken)
    {
        var document = Ids.IsDocumentId(id) ? await store.GetAsync(id, cancellationToken) : null;
        if (document is null)
        {
            return PageResult.NotFound("No document has this id.");
        }

        var corpusEvents = document.Events.Length == 0 ? new Dictionary<string, long>() : await corpus.CorpusEventIdsAsync(document.Id, cancellationToken);

        var html = new Html();
        var meta = document.Metadata;
        html.Element("h1", meta.Title ?? "(untitled)");
        html.Raw("<p class=\"meta\">").Text(Html.Day(meta.Published)).Raw(" · ");
        if (Html.SafeExternalUrl(meta.Url ?? meta.Source) is { } link)
        {
            html.Raw("<a rel=\"noopener noreferrer nofollow\"").Attr("href", link).Raw(">").Text(link).Raw("</a>");
        }
        else
        {
            html.Text(meta.Url ?? meta.Source);
        }

        html.Raw(" · language ").Text(document.Language ?? "unknown").Raw(" · topic ").Text(document.Topic ?? "unknown").Raw(" · ")
            .Link(Html.Url("/api/documents/" + Html.Segment(document.Id)), "dossier/1 JSON").Raw("</p>");
        if (!document.IsEnglish)
        {
            html.Raw("<p class=\"muted\">Not analysed: only English documents are.</p>");
        }

        html.Raw("<p class=\"legend\"><mark class=\"ent-PERSON\">person</mark><mark class=\"ent-ORG\">organisation</mark>")
            .Raw("<mark class=\"ent-GPE\">country/city</mark><mark class=\"ent-LOC\">place</mark><mark class=\"ent-NORP\">group</mark>")
            .Raw("<mark class=\"time-DATE\">time</mark><mark class=\"val-MONEY\">value</mark><mark class=\"evt\">event</mark></p>");
        DocumentHighlighter.Write(html, document);

        if (document.Entities.Length > 0)
        {
            html.Raw("<h2>Entities</h2><ul class=\"list\">");
            foreach (var entity in document.Entities)
            {
                html.Raw("<li>").Raw("<span").Attr("class", "tag ent-" + Html.ClassName(entity.Type)).Raw(">").Text(entity.Type).Raw("</span>")
                    .Link(Html.Url("/entities/" + Html.Segment(entity.Name)), entity.Name);
                if (entity.Code is not null)
                {
                    html.Raw(" <span class=\"muted\">").Text(entity.Code).Raw("</span>");
                }

                foreach (var role in entity.Roles)
                {
                    html.Raw(" — ").Text(role.Title).Raw(" <span class=\"muted\">(").Text(role.Status).Raw(")</span>");
                }

                html.Raw(" <span class=\"muted\">×").Text(entity.Mentions.Length).Raw("</span></li>");
            }

            html.Raw("</ul>");
        }

        if (document.Events.Length > 0)
        {
            html.Raw("<h2>Events</h2><ul class=\"list\">");
            foreach (var e in document.Events)
            {
                html.Raw("<li").Attr("id", "event-" + Html.ClassName(e.Id)).Raw(">")
                    .Raw("<span class=\"tag\">").Text(e.Type).Raw("</span>")
                    .Raw("<span").Attr("class", "tag status-" + Html.ClassName(e.Status)).Raw(">").Text(e.Status).Raw("</span> ");
                WriteDocumentActors(html, e.Source);
                html.Raw(" <strong>").Text(e.Trigger.Text).Raw("</strong> ");
                WriteDocumentActors(html, e.Target);
                if (e.Location is { } location)
                {
                    html.Raw(" in ").Text(location.Text);
                }

                if (e.Date is { } date)
                {
                    html.Raw(" · ").Text(date.Text).Raw(" <span class=\"muted\">(").Text(date.Value ?? "unresolved").Raw(")</span>");
                }

                html.Raw(" <span class=\"muted\">CAMEO ").Text(e.Cameo).Raw("</span>");
                if (corpusEvents.TryGetValue(e.Id, out var corpusEvent))
                {
                    html.Raw(" · ").Link(Html.Url("/events/" + corpusEvent.ToString(CultureInfo.InvariantCulture)), "event page");
                }

                html.Raw("<blockquote>").Text(e.Evidence).Raw("</blockquote></li>");
            }

            html.Raw("</ul>");
        }

        if (document.Times.Length + document.Values.Length > 0)
        {
            html.Raw("<h2>Times and amounts</h2><table><thead><tr><th>Text</th><th>Type</th><th>Value</th></tr></thead><tbody>");
            foreach (var time in document.Times)
            {
                html.Raw("<tr><td>").Text(time.Text).Raw("</td><td>").Text(time.Type).Raw("</td><td>").Text(time.Value).Raw("</td></tr>");
            }

            foreach (var value in document.Values)
            {
                html.Raw("<tr><td>").Text(value.Text).Raw("</td><td>").Text(value.Type).Raw("</td><td>")
                    .Text(value.Amount?.ToString(CultureInfo.InvariantCulture)).Raw(" ").Text(value.Unit).Raw("</td></tr>");
            }

            html.Raw("</tbody></table>");
        }

        return PageResult.Ok(meta.Title ?? document.Id, html);
    }

    private static void WriteDocumentList(Html html, IReadOnlyList<DocumentSummary> documents)
    {
        if (documents.Count == 0)
        {
            html.Raw("<p>No documents yet. Add some with <code>dossier ingest</code>.</p>");
            return;
        }

        html.Raw("<ul class=\"list documents\">");
        foreach (var document in documents)
        {
            html.Raw("<li>");
            WriteDocumentLink(html, document);
            html.Raw("</li>");
        }

        html.Raw("</ul>");
    }

    private static void WriteDocumentLink(Html html, DocumentSummary document)
    {
        html.Link(Html.Url("/documents/" + Html.Segment(document.Id)), document.Title ?? "(untitled)")
            .Raw(" <span class=\"muted\">").Text(Html.Day(document.Published)).Raw(" · ").Text(document.Source).Raw("</span>");
    }

    /// <summary>An FTS snippet with its hits between '[' and ']': the text encoded, each bracketed hit marked.</summary>
    private static void WriteSnippet(Html html, string snippet)
    {
        var at = 0;
        while (at < snippet.Length)
        {
            var open = snippet.IndexOf('[', at);
            var close = open < 0 ? -1 : snippet.IndexOf(']', open + 1);
            if (open < 0 || close < 0)
            {
                html.Text(snippet[at..]);
                return;
            }

            html.Text(snippet[at..open]).Raw("<mark>").Text(snippet[(open + 1)..close]).Raw("</mark>");
            at = close + 1;
        }
    }

    private static void WriteDocumentActors(Html html, IReadOnlyList<EventActor> actors)
    {
        for (var i = 0; i < actors.Count; i++)
        {
            if (i > 0)
            {
                html.Raw(", ");
            }

            html.Text(actors[i].Text);
        }
    }
}
