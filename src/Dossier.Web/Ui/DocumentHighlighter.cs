using System.Globalization;
using Dossier.Core.Documents;

namespace Dossier.Web.Ui;

/// <summary>
/// Renders a document's text with its entity mentions, times, values and event triggers wrapped in
/// <c>&lt;mark class="ent-PERSON"&gt;</c> (and <c>time-DATE</c>, <c>val-MONEY</c>, <c>evt status-planned</c>), each
/// linked to its entity page or event. All text is HTML-encoded; spans that overlap one already placed, or that do
/// not fit the text, are left out (the longest span wins at each start).
/// </summary>
internal static class DocumentHighlighter
{
    private sealed record Span(int Start, int End, int Rank, string CssClass, string? Href, string Title);

    public static void Write(Html html, Document document)
    {
        var text = document.Text;
        var spans = new List<Span>();
        foreach (var entity in document.Entities)
        {
            var href = Html.Url("/entities/" + Html.Segment(entity.Name));
            foreach (var mention in entity.Mentions)
            {
                spans.Add(new Span(mention.Start, mention.End, 1, "ent-" + Html.ClassName(entity.Type), href, $"{entity.Type}: {entity.Name}"));
            }
        }

        foreach (var time in document.Times)
        {
            spans.Add(new Span(time.Start, time.End, 2, "time-" + Html.ClassName(time.Type), null, $"{time.Type}: {time.Value ?? "unresolved"}"));
        }

        foreach (var value in document.Values)
        {
            var amount = value.Amount is { } a ? a.ToString(CultureInfo.InvariantCulture) + (value.Unit is null ? "" : " " + value.Unit) : "?";
            spans.Add(new Span(value.Start, value.End, 3, "val-" + Html.ClassName(value.Type), null, $"{value.Type}: {amount}"));
        }

        foreach (var e in document.Events)
        {
            spans.Add(new Span(e.Trigger.Start, e.Trigger.End, 0, "evt status-" + Html.ClassName(e.Status), "#event-" + Html.ClassName(e.Id), $"{e.Type} ({e.Status})"));
        }

        var placed = spans
            .Where(s => s.Start >= 0 && s.End <= text.Length && s.Start < s.End)
            .OrderBy(s => s.Start).ThenByDescending(s => s.End - s.Start).ThenBy(s => s.Rank)
            .ToList();

        html.Raw("<div class=\"doctext\">");
        var at = 0;
        foreach (var span in placed)
        {
            if (span.Start < at)
            {
                continue;
            }

            html.Text(text[at..span.Start]);
            if (span.Href is not null)
            {
                html.Raw("<a").Attr("href", span.Href).Raw(">");
            }

            html.Raw("<mark").Attr("class", span.CssClass).Attr("title", span.Title).Raw(">").Text(text[span.Start..span.End]).Raw("</mark>");
            if (span.Href is not null)
            {
                html.Raw("</a>");
            }

            at = span.End;
        }

        html.Text(text[at..]).Raw("</div>");
    }
}
