using Dossier.Core.Labels;

namespace Dossier.Web.Ui;

/// <summary>The domain filter the network, events, agenda and timeline pages share (<c>?domain=</c>, see <see cref="DomainFilters"/>).</summary>
public static partial class Pages
{
    /// <summary>The <c>domain</c> value to carry in links: null for the default (<see cref="DomainFilters.General"/>).</summary>
    private static string? DomainQuery(string domain) => domain == DomainFilters.General ? null : domain;

    /// <summary>Keeps the <c>domain</c> given when a filter form is sent again (nothing when none was given).</summary>
    private static void WriteDomainField(Html html, string? domain)
    {
        if (!string.IsNullOrWhiteSpace(domain))
        {
            html.Raw("<input type=\"hidden\" name=\"domain\"").Attr("value", domain.Trim()).Raw(">");
        }
    }

    /// <summary>One line that says which events the page leaves out, with a link to the other view.</summary>
    private static void WriteDomainNote(Html html, string path, string domain, params (string Name, string? Value)[] query)
    {
        html.Raw("<p class=\"meta domain\">");
        if (domain == DomainFilters.General)
        {
            html.Raw("Events of sport and entertainment reports are left out. ")
                .Link(Html.Url(path, [.. query, ("domain", DomainFilters.All)]), "Show all events");
        }
        else
        {
            html.Raw("Showing ").Text(domain == DomainFilters.All ? "all events" : domain + " events only").Raw(". ")
                .Link(Html.Url(path, query), "Leave out sport and entertainment");
        }

        html.Raw("</p>");
    }
}
