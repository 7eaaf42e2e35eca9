using System.Globalization;
using System.Text;

namespace Dossier.Fuzz.Tests;

/// <summary>
/// Random reader inputs: plain text, JSON Lines with random fields and types, RSS/Atom fragments and
/// HTML fragments, each well formed, broken, truncated or with bytes flipped, or random bytes outright.
/// </summary>
internal static class FileGen
{
    /// <summary>The extensions a generated file may carry; the last ones make the reader sniff.</summary>
    public static readonly string[] Extensions = [".txt", ".jsonl", ".ndjson", ".xml", ".rss", ".atom", ".html", ".htm", ".xhtml", "", ".dat"];

    /// <summary>One file's content and extension.</summary>
    public static (byte[] Bytes, string Extension) Any(FuzzRandom r)
    {
        var kind = r.Int(5);
        var text = kind switch
        {
            0 => TextGen.Unicode(r, 400, controls: true),
            1 => JsonLines(r),
            2 => Feed(r),
            3 => Html(r),
            _ => null,
        };
        var bytes = text is null ? r.Bytes(r.Between(0, 600)) : Encode(r, text);
        if (r.Chance(0.3))
        {
            bytes = Mutate(r, bytes);
        }

        // Mostly the extension of what was made, sometimes another one.
        var extension = r.Chance(0.7) && kind < 4 ? r.Pick(new[] { new[] { ".txt", "" }, new[] { ".jsonl", ".ndjson" }, new[] { ".xml", ".rss", ".atom", "" }, new[] { ".html", ".htm", "" } }[kind]) : r.Pick(Extensions);
        return (bytes, extension);
    }

    /// <summary>Text as UTF-8 (with or without a BOM), UTF-16 with a BOM, or Windows-1252-ish Latin-1.</summary>
    public static byte[] Encode(FuzzRandom r, string text) => r.Int(6) switch
    {
        0 => [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(text)],
        1 => [0xFF, 0xFE, .. Encoding.Unicode.GetBytes(text)],
        2 => Encoding.Latin1.GetBytes(text),
        _ => Encoding.UTF8.GetBytes(text),
    };

    /// <summary>Flips, inserts, deletes bytes or cuts the end off.</summary>
    public static byte[] Mutate(FuzzRandom r, byte[] bytes)
    {
        var list = new List<byte>(bytes);
        var edits = r.Between(1, 8);
        for (var i = 0; i < edits; i++)
        {
            var at = list.Count == 0 ? 0 : r.Int(list.Count);
            switch (r.Int(4))
            {
                case 0 when list.Count > 0:
                    list[at] = (byte)r.Next();
                    break;
                case 1:
                    list.Insert(at, (byte)r.Next());
                    break;
                case 2 when list.Count > 0:
                    list.RemoveAt(at);
                    break;
                case 3 when list.Count > 0:
                    list.RemoveRange(at, list.Count - at);
                    break;
            }
        }

        return [.. list];
    }

    /// <summary>Lines of JSON objects whose fields (text, title, published, url, others) have random types; some lines broken.</summary>
    public static string JsonLines(FuzzRandom r)
    {
        var sb = new StringBuilder();
        var lines = r.Between(0, 6);
        for (var i = 0; i < lines; i++)
        {
            switch (r.Int(10))
            {
                case 0:
                    sb.Append(TextGen.Unicode(r, 60, controls: true));
                    break;
                case 1:
                    sb.Append(r.Pick(new[] { "", "   ", "{", "}", "[]", "null", "42", "\"text\"", "{\"text\":", "{\"text\":\"a\"}{\"text\":\"b\"}", "[{\"text\":\"a\"}]" }));
                    break;
                default:
                    sb.Append('{');
                    var fields = r.Between(0, 5);
                    for (var f = 0; f < fields; f++)
                    {
                        if (f > 0)
                        {
                            sb.Append(',');
                        }

                        var key = r.Pick(new[] { "text", "text", "title", "published", "url", "date", "body", "Text", "text\u0000", "" });

                        sb.Append(JsonString(key)).Append(':').Append(JsonValue(r, 2));
                    }

                    sb.Append('}');
                    break;
            }

            sb.Append(r.Pick(new[] { "\n", "\n", "\r\n", "\n\n", "\u2028", "\u0085", "\r" }));
        }

        return sb.ToString();
    }

    private static string JsonValue(FuzzRandom r, int depth, bool oneLine = false) => r.Int(depth > 0 ? 9 : 7) switch
    {
        0 => "null",
        1 => r.Chance(0.5) ? "true" : "false",
        2 => r.Pick(new[] { "0", "-1", "3.14", "1e308", "1e400", "-0", "12345678901234567890" }),
        3 => JsonString(r.Pick(new[] { "2024-03-12", "12 March 2024", "yesterday", "2024-02-30", "0000-01-01", "9999-12-31T23:59:59Z", "", "http://example.com/a", "not a url" })),
        4 or 5 => JsonString(OneLine(r.Chance(0.5) ? TextGen.NewsText(r, 3) : TextGen.Unicode(r, 200, controls: true, loneSurrogates: true), oneLine)),

        6 => "\"" + OneLine(TextGen.Unicode(r, 40), oneLine).Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\\u" + r.Pick(new[] { "0000", "12", "zzzz", "0041", "00e9", "D800", "DC00" }) + "\"",
        7 => "[" + string.Join(",", Enumerable.Range(0, r.Between(0, 3)).Select(_ => JsonValue(r, depth - 1))) + "]",
        _ => "{\"text\":" + JsonValue(r, depth - 1) + "}",
    };

    private static string OneLine(string s, bool oneLine) => oneLine ? s.ReplaceLineEndings(" ") : s;

    /// <summary>A JSON string literal, escaped as a JSON writer would, or sometimes with raw control characters left in.</summary>
    public static string JsonString(string s)
    {
        var sb = new StringBuilder("\"");
        foreach (var c in s)
        {
            sb.Append(c switch
            {
                '"' => "\\\"",
                '\\' => "\\\\",
                '\n' => "\\n",
                '\r' => "\\r",
                '\t' => "\\t",
                < ' ' => string.Create(CultureInfo.InvariantCulture, $"\\u{(int)c:x4}"),
                _ => c.ToString(),
            });
        }

        return sb.Append('"').ToString();
    }

    /// <summary>An RSS or Atom document or fragment: items with random titles, dates, bodies, CDATA, entities; sometimes cut short.</summary>
    public static string Feed(FuzzRandom r)
    {
        var atom = r.Chance(0.4);
        var sb = new StringBuilder();
        if (r.Chance(0.7))
        {
            sb.Append(r.Pick(new[] { "<?xml version=\"1.0\" encoding=\"utf-8\"?>", "<?xml version=\"1.0\" encoding=\"iso-8859-1\"?>", "<?xml version=\"1.0\" encoding=\"bogus\"?>", "<?xml version=\"1.1\"?>", "<!DOCTYPE rss [<!ENTITY x \"xxxxxxxx\">]>" }));
        }

        sb.Append(atom ? "<feed xmlns=\"http://www.w3.org/2005/Atom\"><title>T</title>" : "<rss version=\"2.0\"><channel><title>T</title><link>http://example.com/</link>");
        var items = r.Between(0, 4);
        for (var i = 0; i < items; i++)
        {
            var (open, close, body, date) = atom ? ("<entry>", "</entry>", "summary", "updated") : ("<item>", "</item>", "description", "pubDate");
            sb.Append(open);
            sb.Append("<title>").Append(XmlText(r)).Append("</title>");
            if (r.Chance(0.7))
            {
                sb.Append('<').Append(date).Append('>').Append(r.Pick(new[] { "Tue, 12 Mar 2024 10:00:00 GMT", "2024-03-12T10:00:00Z", "yesterday", "", "Mon, 31 Feb 2024 99:99:99 XYZ", "2024" })).Append("</").Append(date).Append('>');
            }

            if (r.Chance(0.6))
            {
                sb.Append(atom ? "<link href=\"" : "<link>").Append(r.Pick(new[] { "http://example.com/a?b=1&amp;c=2", "javascript:alert(1)", "not a url", "", "//x", "http://[::1]:99999/" })).Append(atom ? "\"/>" : "</link>");
            }

            sb.Append('<').Append(body).Append('>').Append(r.Chance(0.3) ? "<![CDATA[" + Html(r) + "]]>" : XmlText(r)).Append("</").Append(body).Append('>');
            sb.Append(close);
        }

        sb.Append(atom ? "</feed>" : "</channel></rss>");
        var text = sb.ToString();
        return r.Chance(0.2) ? text[..r.Int(text.Length + 1)] : text;
    }

    private static string XmlText(FuzzRandom r)
    {
        var text = r.Chance(0.5) ? TextGen.NewsText(r, 3) : TextGen.Unicode(r, 120);
        text = text.Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal);
        return r.Chance(0.2) ? text + r.Pick(new[] { "&bogus;", "&#0;", "&#xD800;", "&#1114112;", "&x;", "&", "<", "]]>", "&#65;", "&eacute;" }) : text;
    }

    /// <summary>An HTML page or fragment: random tags, attributes, scripts, metadata dates, unclosed elements.</summary>
    public static string Html(FuzzRandom r)
    {
        var sb = new StringBuilder();
        if (r.Chance(0.6))
        {
            sb.Append("<!DOCTYPE html><html><head>");
            if (r.Chance(0.6))
            {
                sb.Append("<title>").Append(TextGen.Unicode(r, 40)).Append("</title>");
            }

            if (r.Chance(0.5))
            {
                sb.Append("<meta property=\"article:published_time\" content=\"").Append(r.Pick(new[] { "2024-03-12T10:00:00Z", "yesterday", "", "2024-13-45", "\"><script>" })).Append("\">");
            }

            if (r.Chance(0.3))
            {
                sb.Append("<script type=\"application/ld+json\">").Append(r.Pick(new[] { "{\"datePublished\":\"2024-03-12\"}", "{", "[1,2", "{\"@graph\":[{\"datePublished\":42}]}" })).Append("</script>");
            }

            sb.Append("</head><body>");
        }

        var parts = r.Between(0, 12);
        var tags = new[] { "p", "div", "article", "span", "b", "i", "a href=\"x\"", "h1", "li", "ul", "table", "td", "br", "img src=x onerror=alert(1)", "script", "style", "noscript", "iframe", "svg", "math", "template", "pre", "code" };
        for (var i = 0; i < parts; i++)
        {
            var tag = r.Pick(tags);
            var name = tag.Split(' ')[0];
            sb.Append('<').Append(tag).Append('>');
            sb.Append(r.Chance(0.5) ? TextGen.NewsText(r, 4) : TextGen.Unicode(r, 150, controls: r.Chance(0.2)));
            if (r.Chance(0.2))
            {
                sb.Append(r.Pick(new[] { "&amp;", "&nbsp;", "&#0;", "&#x1F600;", "&bogus", "<!-- c -->", "<!--", "<![CDATA[x]]>", "</p></p></div>", "<p<p>", "&#xD800;" }));
            }

            if (r.Chance(0.8))
            {
                sb.Append("</").Append(name).Append('>');
            }
        }

        if (r.Chance(0.5))
        {
            sb.Append("</body></html>");
        }

        return sb.ToString();
    }
}
