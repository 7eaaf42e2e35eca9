using System.Globalization;
using System.Text;
using System.Xml;
using Dossier.Storage.Watch;
using Dossier.Web.Api;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Dossier.Web.Ui;

/// <summary>Follows: the list (with how many alerts are new since the last visit), one follow's alerts, its Atom feed,
/// and the forms that add and remove follows (with the server's write token); and the status history of events.</summary>
public static partial class Pages
{
    private const int FollowAlertsShown = 100;

    /// <summary>Maps <c>/follows</c>, <c>/follows/{id}</c> and <c>/follows/{id}.atom</c>. Never cached: follows change
    /// without the documents changing.</summary>
    public static IEndpointRouteBuilder MapFollowPages(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var group = endpoints.MapGroup("").ExcludeFromDescription().CacheOutput(policy => policy.NoCache());
        group.MapGet("/follows", FollowsAsync);
        group.MapPost("/follows", AddFollowAsync);
        group.MapGet("/follows/{id:long}", FollowAsync);
        group.MapPost("/follows/{id:long}/remove", RemoveFollowAsync);
        group.MapGet("/follows/{id:long}.atom", FollowFeedAsync);
        return endpoints;
    }

    /// <summary>On a server whose services hold no <see cref="IFollowStore"/>: <c>/follows</c> and everything under it answer 404 with
    /// the reason.</summary>
    public static IEndpointRouteBuilder MapFollowPagesUnavailable(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var group = endpoints.MapGroup("").ExcludeFromDescription().CacheOutput(policy => policy.NoCache());
        group.Map("/follows", Unavailable);
        group.Map("/follows/{**rest}", Unavailable);
        return endpoints;

        static IResult Unavailable() =>
            PageResult.NotFound("Follows are not available on this server: its store keeps none.");
    }

    private static async Task<IResult> FollowsAsync(IFollowStore follows, WriteAccess access, CancellationToken cancellationToken)
    {
        var html = new Html().Raw("<h1>Follows</h1>");
        var list = await follows.ListFollowsAsync(cancellationToken);
        if (list.Count == 0)
        {
            html.Raw("<p>No follows yet.</p>");
        }
        else
        {
            html.Raw("<ul class=\"list follows\">");
            foreach (var f in list)
            {
                var key = f.Id.ToString(CultureInfo.InvariantCulture);
                html.Raw("<li>").Link("/follows/" + key, f.Name).Raw(" <span class=\"muted\">").Text(DescribeQuery(f.Query)).Raw("</span>");
                if (f.NewAlerts > 0)
                {
                    html.Raw(" <span class=\"tag new\">").Text(f.NewAlerts).Raw(" new</span>");
                }

                html.Raw(" · ").Link("/follows/" + key + ".atom", "Atom").Raw("</li>");
            }

            html.Raw("</ul>");
        }

        html.Raw("<h2>Follow a query</h2>");
        if (!access.Enabled)
        {
            html.Raw("<p class=\"meta\">Adding follows here needs the server's write token (").Text(DossierWebOptions.ApiTokenVariable)
                .Raw("); without it, use <code>dossier follow add</code>.</p>");
        }

        html.Raw("<form class=\"filters\" action=\"/follows\" method=\"post\">")
            .Raw("<label>Name<input type=\"text\" name=\"name\" maxlength=\"200\"></label>")
            .Raw("<label>Actor<input type=\"text\" name=\"actor\" maxlength=\"200\"></label>")
            .Raw("<label>Type<input type=\"text\" name=\"type\" size=\"10\" placeholder=\"CONSULT\" maxlength=\"40\"></label>")
            .Raw("<label>Status<input type=\"text\" name=\"status\" size=\"10\" placeholder=\"occurred\" maxlength=\"40\"></label>")
            .Raw("<label>Country<input type=\"text\" name=\"country\" size=\"4\" maxlength=\"8\"></label>")
            .Raw("<label>Min. confidence<input type=\"number\" name=\"minConfidence\" min=\"0\" max=\"1\" step=\"0.05\"></label>")
            .Raw("<label>Token<input type=\"password\" name=\"token\" autocomplete=\"off\"></label>")
            .Raw("<button type=\"submit\">Follow</button></form>");
        return PageResult.Ok("Follows", html);
    }

    private static async Task<IResult> AddFollowAsync(HttpRequest request, IFollowStore follows, WriteAccess access, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (!request.HasFormContentType)
        {
            return PageResult.BadRequest("Send the follow as a form.");
        }

        var form = await request.ReadFormAsync(cancellationToken);
        if (!access.Allows(form["token"].ToString()))
        {
            return PageResult.Status(StatusCodes.Status403Forbidden, "Forbidden", "Adding a follow needs the server's write token.");
        }

        string? Field(string name) => string.IsNullOrWhiteSpace(form[name].ToString()) ? null : form[name].ToString().Trim();
        var min = 0.0;
        if (Field("minConfidence") is { } text && (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out min) || min is < 0 or > 1))
        {
            return PageResult.BadRequest("The minimum confidence must be a number from 0 to 1.");
        }

        var query = new FollowQuery(Field("actor"), Field("type"), Field("status"), Field("country"), min);
        if (query is { Actor: null, EventType: null, Status: null, Country: null } && min <= 0)
        {
            return PageResult.BadRequest("Give at least one condition: actor, type, status, country or minimum confidence.");
        }

        var follow = await follows.AddFollowAsync(Field("name") ?? DescribeQuery(query), query, null, null, clock.GetUtcNow(), cancellationToken);
        return Results.Redirect("/follows/" + follow.Id.ToString(CultureInfo.InvariantCulture), permanent: false, preserveMethod: false);
    }

    private static async Task<IResult> RemoveFollowAsync(HttpRequest request, long id, IFollowStore follows, WriteAccess access, CancellationToken cancellationToken)
    {
        var form = request.HasFormContentType ? await request.ReadFormAsync(cancellationToken) : null;
        if (!access.Allows(form?["token"].ToString()))
        {
            return PageResult.Status(StatusCodes.Status403Forbidden, "Forbidden", "Removing a follow needs the server's write token.");
        }

        return await follows.RemoveFollowAsync(id, cancellationToken) ? Results.Redirect("/follows") : PageResult.NotFound("No follow has this id.");
    }

    private static async Task<IResult> FollowAsync(long id, IFollowStore follows, CancellationToken cancellationToken)
    {
        var follow = await follows.GetFollowAsync(id, cancellationToken);
        if (follow is null)
        {
            return PageResult.NotFound("No follow has this id.");
        }

        var key = id.ToString(CultureInfo.InvariantCulture);
        var html = new Html().Raw("<h1>").Text(follow.Name).Raw("</h1>")
            .Raw("<p class=\"meta\">").Text(DescribeQuery(follow.Query)).Raw(" · ").Link("/follows/" + key + ".atom", "Atom feed");
        if (follow.WebhookUrl is not null)
        {
            html.Raw(" · webhook ").Text(follow.WebhookUrl);
        }

        html.Raw("</p>");
        var alerts = await follows.AlertsAsync(id, FollowAlertsShown, cancellationToken);
        if (alerts.Count == 0)
        {
            html.Raw("<p>No alerts yet: they come when the watcher (or an ingest) stores a matching report.</p>");
        }
        else
        {
            html.Raw("<ul class=\"list alerts\">");
            foreach (var alert in alerts)
            {
                html.Raw("<li>");
                if (alert.Id > follow.SeenAlert)
                {
                    html.Raw("<span class=\"tag new\">new since your last visit</span> ");
                }

                html.Link("/events/" + alert.CorpusEventId.ToString(CultureInfo.InvariantCulture), AlertTitle(alert))
                    .Raw(" <span class=\"muted\">").Text(Html.Day(alert.Published)).Raw(" · ")
                    .Link(Html.Url("/documents/" + Html.Segment(alert.DocumentId)), alert.Title ?? alert.DocumentId)
                    .Raw("</span><blockquote>").Text(alert.Evidence).Raw("</blockquote></li>");
            }

            html.Raw("</ul>");
        }

        html.Raw("<form action=\"/follows/").Raw(key).Raw("/remove\" method=\"post\"><label>Token<input type=\"password\" name=\"token\" autocomplete=\"off\"></label>")
            .Raw("<button type=\"submit\">Stop following</button></form>");
        // This visit has shown every alert: later ones are the new ones.
        await follows.MarkSeenAsync(id, cancellationToken);
        return PageResult.Ok(follow.Name, html);
    }

    private static async Task<IResult> FollowFeedAsync(HttpRequest request, long id, IFollowStore follows, CancellationToken cancellationToken)
    {
        var follow = await follows.GetFollowAsync(id, cancellationToken);
        if (follow is null)
        {
            return PageResult.NotFound("No follow has this id.");
        }

        var alerts = await follows.AlertsAsync(id, FollowAlertsShown, cancellationToken);
        var site = $"{request.Scheme}://{request.Host}";
        var key = id.ToString(CultureInfo.InvariantCulture);
        var text = new StringBuilder();
        using (var xml = XmlWriter.Create(text, new XmlWriterSettings { Indent = true, OmitXmlDeclaration = false }))
        {
            const string Atom = "http://www.w3.org/2005/Atom";
            xml.WriteStartElement("feed", Atom);
            xml.WriteElementString("id", Atom, $"urn:dossier:follow:{key}");
            xml.WriteElementString("title", Atom, "Dossier: " + follow.Name);
            xml.WriteElementString("updated", Atom, XmlConvert.ToString((alerts.Count > 0 ? alerts[0].Created : follow.Created).UtcDateTime, XmlDateTimeSerializationMode.Utc));
            Link(xml, Atom, "self", $"{site}/follows/{key}.atom");
            Link(xml, Atom, "alternate", $"{site}/follows/{key}");
            xml.WriteStartElement("author", Atom);
            xml.WriteElementString("name", Atom, "Dossier");
            xml.WriteEndElement();
            foreach (var alert in alerts)
            {
                xml.WriteStartElement("entry", Atom);
                xml.WriteElementString("id", Atom, $"urn:dossier:follow:{key}:alert:{alert.Id.ToString(CultureInfo.InvariantCulture)}");
                xml.WriteElementString("title", Atom, AlertTitle(alert) + (alert.Title is null ? "" : " — " + alert.Title));
                xml.WriteElementString("updated", Atom, XmlConvert.ToString(alert.Created.UtcDateTime, XmlDateTimeSerializationMode.Utc));
                Link(xml, Atom, "alternate", $"{site}/events/{alert.CorpusEventId.ToString(CultureInfo.InvariantCulture)}");
                xml.WriteStartElement("category", Atom);
                xml.WriteAttributeString("term", alert.Kind);
                xml.WriteEndElement();
                xml.WriteElementString("summary", Atom, alert.Evidence);
                xml.WriteEndElement();
            }

            xml.WriteEndElement();
        }

        return Results.Text(text.ToString().Replace("encoding=\"utf-16\"", "encoding=\"utf-8\"", StringComparison.Ordinal), "application/atom+xml; charset=utf-8");
    }

    private static void Link(XmlWriter xml, string ns, string rel, string href)
    {
        xml.WriteStartElement("link", ns);
        xml.WriteAttributeString("rel", rel);
        xml.WriteAttributeString("href", href);
        xml.WriteEndElement();
    }

    private static string AlertTitle(FollowAlert alert) => alert.Kind switch
    {
        FollowAlertKinds.Status => $"{alert.Type}: {alert.PreviousStatus} → {alert.Status}",
        FollowAlertKinds.New => $"New {alert.Type} ({alert.Status})",
        _ => $"New report of {alert.Type} ({alert.Status})",
    };

    private static string DescribeQuery(FollowQuery query)
    {
        var parts = new List<string>();
        if (query.Actor is not null) parts.Add("actor " + query.Actor);
        if (query.EventType is not null) parts.Add("type " + query.EventType);
        if (query.Status is not null) parts.Add("status " + query.Status);
        if (query.Country is not null) parts.Add("country " + query.Country);
        if (query.MinConfidence > 0) parts.Add("confidence ≥ " + query.MinConfidence.ToString("0.##", CultureInfo.InvariantCulture));
        return string.Join(", ", parts);
    }

    /// <summary>The status history of an event, when it has moved on (planned → occurred), with the report of each step.</summary>
    private static async Task WriteStatusHistoryAsync(Html html, IFollowStore? follows, long corpusEventId, CancellationToken cancellationToken)
    {
        if (follows is null)
        {
            return;
        }

        var history = await follows.StatusHistoryAsync(corpusEventId, cancellationToken);
        if (history.Count < 2)
        {
            return;
        }

        html.Raw("<ol class=\"status-history\">");
        foreach (var step in history)
        {
            html.Raw("<li><span").Attr("class", "tag status-" + Html.ClassName(step.Status)).Raw(">").Text(step.Status).Raw("</span> ")
                .Raw("<span class=\"muted\">").Text(Html.Day(step.Published)).Raw(" · </span>")
                .Link(Html.Url("/documents/" + Html.Segment(step.DocumentId)), step.Title ?? step.DocumentId)
                .Raw("<blockquote>").Text(step.Evidence).Raw("</blockquote></li>");
        }

        html.Raw("</ol>");
    }
}
