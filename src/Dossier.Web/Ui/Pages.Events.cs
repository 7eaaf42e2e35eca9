using System.Globalization;
using Dossier.Storage;
using Dossier.Storage.Corpus;
using Dossier.Storage.Watch;
using Dossier.Web.Api;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace Dossier.Web.Ui;

/// <summary>The event list, the event page and the agenda.</summary>
public static partial class Pages
{
    /// <summary>The event filter form (actor, type, status, date range, confidence, domain) of the events and map pages.</summary>
    private static void WriteEventFilterForm(
        Html html, string action, string button, string? actor, string? type, string? status, string? from, string? to, string? minConfidence,
        string? domain, DossierWebOptions options)
    {
        html.Raw("<form class=\"filters\"").Attr("action", action).Raw(" method=\"get\">")
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
            .Raw("<label>To<input type=\"date\" name=\"to\"").Attr("value", to).Raw("></label>");
        WriteConfidenceControl(html, minConfidence, options);
        WriteDomainField(html, domain);
        html.Raw("<button type=\"submit\">").Text(button).Raw("</button></form>");
    }

    private static async Task<IResult> EventsAsync(
        ICorpusQueries corpus, DossierWebOptions options, string? actor, string? type, string? status, string? from, string? to, string? minConfidence,
        string? cursor, string? domain, CancellationToken cancellationToken)
    {
        var html = new Html().Raw("<h1>Events</h1>");
        WriteEventFilterForm(html, "/events", "Filter", actor, type, status, from, to, minConfidence, domain, options);

        if (!Paging.TryParse(null, cursor, out var paging, out var error)
            || !EventsApi.TryParseFilter(actor, type, status, from, to, out var filter, out error)
            || !EventsApi.TryParseConfidence(minConfidence, options.MinConfidence, out var threshold, out error)
            || !EventsApi.TryParseDomain(domain, out var domainFilter, out error))
        {
            html.Raw("<p class=\"error\">").Text(error).Raw("</p>");
            return Results.Content(PageResult.Layout("Events", html), PageResult.ContentType, statusCode: StatusCodes.Status400BadRequest);
        }

        var page = paging.ToPage(await corpus.ListEventsAsync(filter with { MinConfidence = threshold, Domain = domainFilter }, paging.Probe, paging.Offset, cancellationToken));
        WriteDomainNote(html, "/events", domainFilter, ("actor", actor), ("type", type), ("status", status), ("from", from), ("to", to), ("minConfidence", minConfidence));
        WriteEventList(html, page.Items, "No events.");
        WritePager(html, "/events", page.NextCursor, ("actor", actor), ("type", type), ("status", status), ("from", from), ("to", to),
            ("minConfidence", minConfidence), ("domain", DomainQuery(domainFilter)));
        return PageResult.Ok("Events", html);
    }

    private static async Task<IResult> EventAsync(ICorpusQueries corpus, [FromServices] IFollowStore? follows, string id, CancellationToken cancellationToken)
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
        Row(html, "Place", () =>
        {
            html.Text(e.Location ?? "—");
            if (e.Place is { } p)
            {
                html.Raw(" <span class=\"muted\">(").Text(p.Name).Raw(", ").Text(p.FeatureClass).Raw(", ").Text(p.CountryCode)
                    .Raw(string.Create(System.Globalization.CultureInfo.InvariantCulture, $", {p.Latitude:0.##}, {p.Longitude:0.##}"))
                    .Raw(e.PlaceScope == Core.Labels.PlaceClasses.DocumentScope ? "; the report’s country" : "").Raw(")</span> ")
                    .Link("/map", "map");
            }
        });
        Row(html, "CAMEO", () => html.Text(e.Cameo));
        Row(html, "Quad class", () =>
        {
            NetworkSvg.WriteSwatch(html, e.QuadClass);
            html.Raw(" ").Text(NetworkSvg.QuadClassNames[e.QuadClass is >= 1 and <= 4 ? e.QuadClass : 0])
                .Raw(" <span class=\"muted\">(").Text(e.QuadClass).Raw(")</span>");
        });
        Row(html, "Goldstein", () => html.Text(e.Goldstein.ToString("+0.0;-0.0;0.0", CultureInfo.InvariantCulture)));
        Row(html, "Confidence", () => html.Text(e.Confidence.ToString("0.00", CultureInfo.InvariantCulture)));
        Row(html, "Reported", () => html.Text(e.NumMentions).Raw(e.NumMentions == 1 ? " mention in " : " mentions in ")
            .Text(e.NumArticles).Raw(e.NumArticles == 1 ? " article from " : " articles from ")
            .Text(e.NumSources).Raw(e.NumSources == 1 ? " source" : " sources"));
        html.Raw("</tbody></table>");

        if (follows is not null && (await follows.StatusHistoryAsync(e.Id, cancellationToken)).Count > 1)
        {
            html.Raw("<h2>Status history</h2>");
            await WriteStatusHistoryAsync(html, follows, e.Id, cancellationToken);
        }

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

    private static async Task<IResult> AgendaAsync(
        ICorpusQueries corpus, IDocumentStore store, [FromServices] IFollowStore? follows, DossierWebOptions options, TimeProvider clock, string? from, string? minConfidence, string? cursor,
        string? domain, CancellationToken cancellationToken)
    {
        if (!Paging.TryParse(null, cursor, out var paging, out var error) || !ApiProblems.TryParseDay("from", from, out var day, out error)
            || !EventsApi.TryParseConfidence(minConfidence, options.MinConfidence, out var threshold, out error)
            || !EventsApi.TryParseDomain(domain, out var domainFilter, out error))
        {
            return PageResult.BadRequest(error!);
        }

        var start = day ?? DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var page = paging.ToPage(await corpus.AgendaAsync(start, paging.Probe, paging.Offset, threshold, domainFilter, cancellationToken));
        var html = new Html().Raw("<h1>Agenda</h1>");
        html.Raw("<form class=\"filters\" action=\"/agenda\" method=\"get\"><label>From<input type=\"date\" name=\"from\"")
            .Attr("value", Html.Day(start)).Raw("></label>");
        WriteConfidenceControl(html, minConfidence, options);
        WriteDomainField(html, domain);
        html.Raw("<button type=\"submit\">Show</button></form>");
        WriteDomainNote(html, "/agenda", domainFilter, ("from", from), ("minConfidence", minConfidence));
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

        // Status changes are news too: agenda events whose later reports moved them on (planned → occurred).
        var changed = new List<CorpusEventSummary>();
        foreach (var e in page.Items)
        {
            if (follows is not null && (await follows.StatusHistoryAsync(e.Id, cancellationToken)).Count > 1)
            {
                changed.Add(e);
            }
        }

        if (changed.Count > 0)
        {
            html.Raw("<h2 class=\"status-changes\">Status changes</h2>");
            foreach (var e in changed)
            {
                html.Raw("<h3>").Link("/events/" + e.Id.ToString(CultureInfo.InvariantCulture), $"{e.Type}: {ActorNames(e.Source)} → {ActorNames(e.Target)}").Raw("</h3>");
                await WriteStatusHistoryAsync(html, follows, e.Id, cancellationToken);
            }
        }

        WritePager(html, "/agenda", page.NextCursor, ("from", from), ("minConfidence", minConfidence), ("domain", DomainQuery(domainFilter)));

        // Announced without a date ("plans a possible summit"): with the first page, those still fresh as of the start day.
        var undated = paging.Offset == 0
            ? await corpus.UndatedPlansAsync(start, EventsApi.UndatedPlanDays, Paging.DefaultLimit, 0, threshold, domainFilter, cancellationToken)
            : [];
        if (undated.Count > 0)
        {
            html.Raw("<h2 class=\"undated\">Announced, no date yet</h2><p class=\"meta\">Planned or possible events that no report dates, reported in the ")
                .Text(EventsApi.UndatedPlanDays).Raw(" days up to ").Text(Html.Day(start)).Raw(", latest report first.</p>");
            WriteEventList(html, undated, "");
        }

        return PageResult.Ok("Agenda", html);
    }

    /// <summary>The filter control of the event lists: the confidence an event needs, the server's default when not given.</summary>
    private static void WriteConfidenceControl(Html html, string? minConfidence, DossierWebOptions options)
    {
        var shown = string.IsNullOrWhiteSpace(minConfidence) ? options.MinConfidence.ToString("0.##", CultureInfo.InvariantCulture) : minConfidence;
        html.Raw("<label>Min. confidence<input type=\"number\" name=\"minConfidence\" min=\"0\" max=\"1\" step=\"0.05\" size=\"4\"")
            .Attr("value", shown).Raw("></label>");
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
}
