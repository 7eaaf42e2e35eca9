using System.Text.Json;
using AngleSharp.Dom;
using Dossier.Ingest.Readers;

namespace Dossier.Ingest.Html;

/// <summary>
/// Finds an HTML page's publication date in the places news sites put it: Open Graph / article
/// meta tags, other date meta tags, JSON-LD <c>datePublished</c>, microdata, and <c>&lt;time datetime&gt;</c>.
/// </summary>
internal static class HtmlDates
{
    /// <summary>Meta names and properties that hold the publication date, best first.</summary>
    private static readonly string[] MetaKeys =
    [
        "article:published_time", "og:article:published_time", "og:published_time", "datepublished",
        "pubdate", "publishdate", "publish-date", "publish_date", "date", "dc.date.issued", "dc.date",
        "dcterms.issued", "dcterms.created", "sailthru.date", "parsely-pub-date",
    ];

    public static DateOnly? Find(IDocument document)
    {
        return FromMeta(document) ?? FromJsonLd(document) ?? FromMicrodata(document) ?? FromTime(document);
    }

    private static DateOnly? FromMeta(IDocument document)
    {
        var found = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var meta in document.QuerySelectorAll("meta"))
        {
            var key = meta.GetAttribute("property") ?? meta.GetAttribute("name") ?? meta.GetAttribute("itemprop");
            var content = meta.GetAttribute("content");
            if (key is not null && !string.IsNullOrWhiteSpace(content))
            {
                found.TryAdd(key.Trim(), content);
            }
        }

        foreach (var key in MetaKeys)
        {
            if (found.TryGetValue(key, out var value) && DateParser.Parse(value) is { } date)
            {
                return date;
            }
        }

        return null;
    }

    private static DateOnly? FromJsonLd(IDocument document)
    {
        foreach (var script in document.QuerySelectorAll("script[type]"))
        {
            if (!string.Equals(script.GetAttribute("type")?.Trim(), "application/ld+json", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            try
            {
                using var json = JsonDocument.Parse(script.TextContent, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
                if (FindDatePublished(json.RootElement, 0) is { } date)
                {
                    return date;
                }
            }
            catch (JsonException)
            {
                // Broken JSON-LD is common; look elsewhere.
            }
        }

        return null;
    }

    private static DateOnly? FindDatePublished(JsonElement element, int depth)
    {
        if (depth > 16)
        {
            return null;
        }

        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    if (property.NameEquals("datePublished") && property.Value.ValueKind == JsonValueKind.String
                        && DateParser.Parse(property.Value.GetString()) is { } date)
                    {
                        return date;
                    }
                }

                foreach (var property in element.EnumerateObject())
                {
                    if (property.Value.ValueKind is JsonValueKind.Object or JsonValueKind.Array
                        && FindDatePublished(property.Value, depth + 1) is { } nested)
                    {
                        return nested;
                    }
                }

                return null;
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray())
                {
                    if (FindDatePublished(item, depth + 1) is { } date)
                    {
                        return date;
                    }
                }

                return null;
            default:
                return null;
        }
    }

    private static DateOnly? FromMicrodata(IDocument document)
    {
        foreach (var element in document.QuerySelectorAll("[itemprop]"))
        {
            if (string.Equals(element.GetAttribute("itemprop"), "datePublished", StringComparison.OrdinalIgnoreCase)
                && DateParser.Parse(element.GetAttribute("datetime") ?? element.GetAttribute("content") ?? element.TextContent) is { } date)
            {
                return date;
            }
        }

        return null;
    }

    /// <summary>A <c>&lt;time pubdate&gt;</c>, else the first dated <c>&lt;time&gt;</c> inside the article, else in the page.</summary>
    private static DateOnly? FromTime(IDocument document)
    {
        var times = document.QuerySelectorAll("time[datetime]");
        var chosen = times.FirstOrDefault(t => t.HasAttribute("pubdate"))
            ?? times.FirstOrDefault(t => t.Closest("article") is not null)
            ?? times.FirstOrDefault();
        return chosen is null ? null : DateParser.Parse(chosen.GetAttribute("datetime"));
    }
}
