using System.Globalization;
using System.Reflection;
using Dossier.Storage.Corpus;

namespace Dossier.Web.Ui;

/// <summary>
/// The map page's SVG: the country outlines of Natural Earth's 1:110m set (public domain, via the world-atlas npm package;
/// <c>Ui/world-110m.tsv</c>, built by <c>tools/places/build.mjs</c> and embedded in this assembly, so nothing is fetched at
/// run time) in an equirectangular projection, and one marker per placed event, its area growing with its reports.
/// Each marker is a link to the event; its <c>data-country</c> is the ISO code of the event's place and each outline's
/// <c>data-country</c> its country's, so a test can check that a marker lies inside its country.
/// </summary>
internal static class WorldMap
{
    public const double Width = 720;
    public const double Height = 360;

    private static readonly Lazy<IReadOnlyList<(string Country, string Name, string Path)>> Outlines = new(Load);

    /// <summary>The x of a longitude in the 720 × 360 box.</summary>
    public static double X(double longitude) => (longitude + 180) * 2;

    /// <summary>The y of a latitude in the 720 × 360 box.</summary>
    public static double Y(double latitude) => (90 - latitude) * 2;

    /// <summary>A marker's radius: 3 for one report, growing with the square root of the reports (area ∝ reports).</summary>
    public static double Radius(long reports) => Math.Round(3 * Math.Sqrt(Math.Max(1, reports)), 1);

    public static void Write(Html html, IReadOnlyList<CorpusEventSummary> events)
    {
        html.Raw("<svg class=\"world-map\" role=\"img\" aria-label=\"Events on a world map\" xmlns=\"http://www.w3.org/2000/svg\"")
            .Raw(string.Create(CultureInfo.InvariantCulture, $" viewBox=\"0 0 {Width} {Height}\" width=\"100%\">"))
            .Raw("<rect width=\"720\" height=\"360\" fill=\"#eaf2f8\"/><g class=\"countries\" fill=\"#f4f1ea\" stroke=\"#9a9a9a\" stroke-width=\"0.3\">");
        foreach (var (country, name, path) in Outlines.Value)
        {
            html.Raw("<path").Attr("data-country", country).Attr("d", path).Raw("><title>").Text(name).Raw("</title></path>");
        }

        html.Raw("</g><g class=\"markers\" fill-opacity=\"0.7\" stroke=\"#222\" stroke-width=\"0.4\">");

        // The biggest first, so that a small marker on top of a big one stays clickable.
        foreach (var e in events.Where(e => e.Place is not null).OrderByDescending(e => e.NumMentions).ThenBy(e => e.Id))
        {
            var p = e.Place!;
            var id = e.Id.ToString(CultureInfo.InvariantCulture);
            html.Raw("<a").Attr("href", "/events/" + id).Raw(">")
                .Raw("<circle class=\"marker\"").Attr("data-event", id).Attr("data-country", p.CountryCode)
                .Attr("cx", X(p.Longitude).ToString("0.##", CultureInfo.InvariantCulture))
                .Attr("cy", Y(p.Latitude).ToString("0.##", CultureInfo.InvariantCulture))
                .Attr("r", Radius(e.NumMentions).ToString("0.#", CultureInfo.InvariantCulture))
                .Attr("fill", Colour(e.QuadClass)).Raw("><title>")
                .Text($"{e.Type} · {p.Name}{(e.PlaceScope == Core.Labels.PlaceClasses.DocumentScope ? " (the report's country)" : "")} · {e.NumMentions} report(s)")
                .Raw("</title></circle></a>");
        }

        html.Raw("</g></svg>");
    }

    /// <summary>The marker colour of a quad class: verbal and material cooperation green, verbal and material conflict red.</summary>
    public static string Colour(int quadClass) => quadClass switch
    {
        1 => "#7fbf7b",
        2 => "#1b7837",
        3 => "#ef8a62",
        4 => "#b2182b",
        _ => "#888888",
    };

    private static IReadOnlyList<(string, string, string)> Load()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("Dossier.Web.world-110m.tsv")
            ?? throw new InvalidOperationException("The map's outlines (Ui/world-110m.tsv) are not embedded in Dossier.Web.");
        using var reader = new StreamReader(stream);
        var list = new List<(string, string, string)>();
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0 || line[0] == '#') continue;
            var c = line.Split('\t');
            if (c.Length == 3) list.Add((c[0], c[1], c[2]));
        }

        return list;
    }
}
