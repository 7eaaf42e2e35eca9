using System.Globalization;
using Dossier.Core.Documents;
using Dossier.Storage;
using Dossier.Storage.Corpus;
using Dossier.Web.Api;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Dossier.Web.Ui;

/// <summary>The server-rendered pages: home, search, documents, entities, events, agenda and network.</summary>
public static class Pages
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
        return endpoints;
    }

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

        html.Raw(" · language ").Text(document.Language ?? "unknown").Raw(" · ")
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
        foreach (var option in (string[])["PERSON", "ORG", "GPE", "LOC", "FAC", "NORP", "EVENT", "LAW", "PRODUCT"])
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
                html.Raw("<li><strong>").Text(mention.Text).Raw("</strong> ")
                    .Link(Html.Url("/documents/" + Html.Segment(mention.DocumentId)), "document")
                    .Raw("<blockquote>").Text(mention.Evidence).Raw("</blockquote></li>");
            }

            html.Raw("</ul>");
        }

        return PageResult.Ok(entity.Name, html);
    }

    private static async Task<IResult> EventsAsync(
        ICorpusQueries corpus, string? actor, string? type, string? status, string? from, string? to, string? cursor, CancellationToken cancellationToken)
    {
        var html = new Html().Raw("<h1>Events</h1>");
        html.Raw("<form class=\"filters\" action=\"/events\" method=\"get\">")
            .Raw("<label>Actor<input type=\"search\" name=\"actor\"").Attr("value", actor).Raw("></label>")
            .Raw("<label>Type<input type=\"text\" name=\"type\" size=\"10\" placeholder=\"CONSULT\"").Attr("value", type).Raw("></label>")
            .Raw("<label>Status<select name=\"status\"><option value=\"\">any</option>");
        foreach (var option in EventsApi.Statuses)
        {
            html.Raw("<option").Attr("value", option).Raw(string.Equals(status, option, StringComparison.OrdinalIgnoreCase) ? " selected>" : ">")
                .Text(option).Raw("</option>");
        }

        html.Raw("</select></label>")
            .Raw("<label>From<input type=\"date\" name=\"from\"").Attr("value", from).Raw("></label>")
            .Raw("<label>To<input type=\"date\" name=\"to\"").Attr("value", to).Raw("></label>")
            .Raw("<button type=\"submit\">Filter</button></form>");

        if (!Paging.TryParse(null, cursor, out var paging, out var error)
            || !EventsApi.TryParseFilter(actor, type, status, from, to, out var filter, out error))
        {
            html.Raw("<p class=\"error\">").Text(error).Raw("</p>");
            return Results.Content(PageResult.Layout("Events", html), PageResult.ContentType, statusCode: StatusCodes.Status400BadRequest);
        }

        var page = paging.ToPage(await corpus.ListEventsAsync(filter, paging.Probe, paging.Offset, cancellationToken));
        WriteEventList(html, page.Items, "No events.");
        WritePager(html, "/events", page.NextCursor, ("actor", actor), ("type", type), ("status", status), ("from", from), ("to", to));
        return PageResult.Ok("Events", html);
    }

    private static async Task<IResult> EventAsync(ICorpusQueries corpus, string id, CancellationToken cancellationToken)
    {
        var e = EventsApi.TryParseId(id, out var key) ? await corpus.GetEventAsync(key, cancellationToken) : null;
        if (e is null)
        {
            return PageResult.NotFound("No event has this id.");
        }

        var eventKey = e.Id.ToString(CultureInfo.InvariantCulture);
        var html = new Html();
        html.Raw("<h1>").Text(e.Type).Raw(": ").Text(ActorNames(e.Source)).Raw(" → ").Text(ActorNames(e.Target)).Raw("</h1>");
        html.Raw("<p class=\"meta\"><span").Attr("class", "tag status-" + Html.ClassName(e.Status)).Raw(">").Text(e.Status).Raw("</span>");
        if (e.Mode is not null)
        {
            html.Raw(" mode ").Text(e.Mode);
        }

        html.Raw(" · ").Link(Html.Url("/api/events/" + eventKey), "JSON").Raw("</p>");

        html.Raw("<table class=\"facts\"><tbody>");
        Row(html, "Source", () => WriteActors(html, e.Source));
        Row(html, "Target", () => WriteActors(html, e.Target));
        Row(html, "Date", () =>
        {
            if (e.Date is not null)
            {
                html.Text(Html.Day(e.Day)).Raw(" <span class=\"muted\">(TIMEX3 ").Text(e.Date).Raw(")</span>");
            }
            else
            {
                html.Raw("<span class=\"muted\">not given; first reported</span> ").Text(Html.Day(e.Day));
            }
        });
        Row(html, "Place", () => html.Text(e.Location ?? "—"));
        Row(html, "CAMEO", () => html.Text(e.Cameo));
        Row(html, "Quad class", () =>
        {
            NetworkSvg.WriteSwatch(html, e.QuadClass);
            html.Raw(" ").Text(NetworkSvg.QuadClassNames[e.QuadClass is >= 1 and <= 4 ? e.QuadClass : 0])
                .Raw(" <span class=\"muted\">(").Text(e.QuadClass).Raw(")</span>");
        });
        Row(html, "Goldstein", () => html.Text(e.Goldstein.ToString("+0.0;-0.0;0.0", CultureInfo.InvariantCulture)));
        Row(html, "Reported", () => html.Text(e.NumMentions).Raw(e.NumMentions == 1 ? " mention in " : " mentions in ")
            .Text(e.NumArticles).Raw(e.NumArticles == 1 ? " article from " : " articles from ")
            .Text(e.NumSources).Raw(e.NumSources == 1 ? " source" : " sources"));
        html.Raw("</tbody></table>");

        html.Raw("<h2>Reports</h2><ul class=\"list reports\">");
        foreach (var report in e.Evidence)
        {
            html.Raw("<li>").Link(Html.Url("/documents/" + Html.Segment(report.DocumentId)), report.Title ?? report.DocumentId)
                .Raw(" <span class=\"muted\">").Text(Html.Day(report.Published)).Raw(" · ").Text(report.Source).Raw("</span> ")
                .Raw("<span").Attr("class", "tag status-" + Html.ClassName(report.Status)).Raw(">").Text(report.Status).Raw("</span>")
                .Raw("<blockquote>");
            WriteEvidence(html, report.Evidence, report.Trigger);
            html.Raw("</blockquote></li>");
        }

        html.Raw("</ul>");
        return PageResult.Ok($"{e.Type}: {ActorNames(e.Source)} → {ActorNames(e.Target)}", html);
    }

    private static void Row(Html html, string label, Action value)
    {
        html.Raw("<tr><th scope=\"row\">").Text(label).Raw("</th><td>");
        value();
        html.Raw("</td></tr>");
    }

    private static string ActorNames(IReadOnlyList<CorpusActor> actors) => actors.Count == 0 ? "—" : string.Join(", ", actors.Select(a => a.Name));

    /// <summary>The evidence sentence with the first occurrence of the trigger in bold.</summary>
    private static void WriteEvidence(Html html, string evidence, string trigger)
    {
        var at = trigger.Length == 0 ? -1 : evidence.IndexOf(trigger, StringComparison.Ordinal);
        if (at < 0)
        {
            html.Text(evidence);
            return;
        }

        html.Text(evidence[..at]).Raw("<strong>").Text(trigger).Raw("</strong>").Text(evidence[(at + trigger.Length)..]);
    }

    private static async Task<IResult> AgendaAsync(
        ICorpusQueries corpus, IDocumentStore store, TimeProvider clock, string? from, string? cursor, CancellationToken cancellationToken)
    {
        if (!Paging.TryParse(null, cursor, out var paging, out var error) || !ApiProblems.TryParseDay("from", from, out var day, out error))
        {
            return PageResult.BadRequest(error!);
        }

        var start = day ?? DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var page = paging.ToPage(await corpus.AgendaAsync(start, paging.Probe, paging.Offset, cancellationToken));
        var html = new Html().Raw("<h1>Agenda</h1>");
        html.Raw("<form class=\"filters\" action=\"/agenda\" method=\"get\"><label>From<input type=\"date\" name=\"from\"")
            .Attr("value", Html.Day(start)).Raw("></label><button type=\"submit\">Show</button></form>");
        if (page.Items.Count == 0)
        {
            html.Raw("<p>Nothing on the agenda from ").Text(Html.Day(start)).Raw(".");
            // Reports read long after they were published: offer the agenda as their newest one saw it.
            if (day is null && (await store.ListAsync(1, 0, cancellationToken)).FirstOrDefault()?.Published is { } newest && newest < start)
            {
                html.Raw(" ").Link(Html.Url("/agenda", ("from", Html.Day(newest))), "What was scheduled as of the newest report (" + Html.Day(newest) + ")");
            }

            html.Raw("</p>");
        }

        // One heading per day (or per month, for events dated only to a month), soonest first.
        foreach (var group in page.Items.GroupBy(e => e.Date is { Length: < 10 } coarse && e.Approximate ? coarse : Html.Day(e.Day)))
        {
            html.Raw("<h2 class=\"day\">").Text(group.Key).Raw("</h2>");
            WriteEventList(html, [.. group], "");
        }

        WritePager(html, "/agenda", page.NextCursor, ("from", from));
        return PageResult.Ok("Agenda", html);
    }

    private static async Task<IResult> NetworkAsync(ICorpusQueries corpus, CancellationToken cancellationToken)
    {
        var pairs = await corpus.NetworkAsync(NetworkPairs, 0, cancellationToken);
        var html = new Html().Raw("<h1>Network</h1>")
            .Raw("<p class=\"meta\">Who acts on whom: the ").Text(NetworkPairs)
            .Raw(" pairs of actors with the most events. Each arrow is coloured by the pair\u2019s most frequent quad class; ")
            .Raw("thicker: more events. Hover over an arrow for its counts.</p>");
        if (pairs.Count == 0)
        {
            html.Raw("<p>No actor pairs.</p>");
            return PageResult.Ok("Network", html);
        }

        NetworkSvg.WriteLegend(html);
        NetworkSvg.Write(html, pairs);
        html.Raw("<h2>Pairs</h2><table><thead><tr><th>Source</th><th>Target</th><th>Events</th><th>Mean Goldstein</th>")
            .Raw("<th>Quad class</th></tr></thead><tbody>");
        foreach (var pair in pairs)
        {
            html.Raw("<tr><td>");
            WriteActor(html, pair.Source);
            html.Raw("</td><td>");
            WriteActor(html, pair.Target);
            html.Raw("</td><td>").Text(pair.Events).Raw("</td><td>")
                .Text(pair.MeanGoldstein.ToString("+0.0;-0.0;0.0", CultureInfo.InvariantCulture)).Raw("</td><td").Attr("title", NetworkSvg.Breakdown(pair)).Raw(">");
            NetworkSvg.WriteSwatch(html, pair.QuadClass);
            html.Text(NetworkSvg.QuadClassNames[pair.QuadClass is >= 1 and <= 4 ? pair.QuadClass : 0]).Raw("</td></tr>");
        }

        html.Raw("</tbody></table>").Raw(NetworkScript.Tag);
        return PageResult.Ok("Network", html);
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

    private static void WriteEventList(Html html, IReadOnlyList<CorpusEventSummary> events, string none)
    {
        if (events.Count == 0)
        {
            html.Raw("<p>").Text(none).Raw("</p>");
            return;
        }

        html.Raw("<ul class=\"list events\">");
        foreach (var e in events)
        {
            html.Raw("<li><strong>").Text(Html.Day(e.Day)).Raw(e.Approximate ? " ≈" : "").Raw("</strong> ")
                .Raw("<a class=\"tag type\"").Attr("href", "/events/" + e.Id.ToString(CultureInfo.InvariantCulture)).Raw(">").Text(e.Type).Raw("</a>")
                .Raw("<span").Attr("class", "tag status-" + Html.ClassName(e.Status)).Raw(">").Text(e.Status).Raw("</span> ");
            WriteActors(html, e.Source);
            html.Raw(" → ");
            WriteActors(html, e.Target);
            if (e.Location is not null)
            {
                html.Raw(" in ").Text(e.Location);
            }

            html.Raw(" <span class=\"muted\">").Text(e.NumArticles).Raw(e.NumArticles == 1 ? " article" : " articles")
                .Raw(", Goldstein ").Text(e.Goldstein.ToString("+0.0;-0.0;0.0", CultureInfo.InvariantCulture)).Raw("</span>");
            foreach (var evidence in e.Evidence.Take(2))
            {
                html.Raw("<blockquote>").Text(evidence.Evidence).Raw(" ")
                    .Link(Html.Url("/documents/" + Html.Segment(evidence.DocumentId)), evidence.Title ?? "document")
                    .Raw("</blockquote>");
            }

            html.Raw("</li>");
        }

        html.Raw("</ul>");
    }

    private static void WriteActors(Html html, IReadOnlyList<CorpusActor> actors)
    {
        if (actors.Count == 0)
        {
            html.Raw("<span class=\"muted\">—</span>");
            return;
        }

        for (var i = 0; i < actors.Count; i++)
        {
            if (i > 0)
            {
                html.Raw(", ");
            }

            WriteActor(html, actors[i]);
        }
    }

    private static void WriteActor(Html html, CorpusActor actor)
    {
        if (actor.EntityId is { } id)
        {
            html.Link(Html.Url("/entities/" + id.ToString(CultureInfo.InvariantCulture)), actor.Name);
        }
        else
        {
            html.Text(actor.Name);
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

    private static void WritePager(Html html, string path, string? next, params (string Name, string? Value)[] query)
    {
        if (next is null)
        {
            return;
        }

        html.Raw("<p class=\"pager\">").Link(Html.Url(path, [.. query, ("cursor", next)]), "Next page →").Raw("</p>");
    }
}
