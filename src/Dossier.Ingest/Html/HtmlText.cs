using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace Dossier.Ingest.Html;

/// <summary>
/// Converts HTML to plain text: one paragraph per block element (p, div, h1, li, br…), white
/// space inside a paragraph collapsed to single spaces, paragraphs separated by a blank line.
/// Scripts, styles and other non-text elements are dropped.
/// </summary>
internal static class HtmlText
{
    private static readonly HashSet<string> Blocks = new(StringComparer.Ordinal)
    {
        "address", "article", "aside", "blockquote", "br", "caption", "dd", "details", "dialog", "div", "dl", "dt",
        "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr",
        "li", "main", "nav", "ol", "p", "pre", "section", "summary", "table", "tbody", "td", "tfoot", "th", "thead",
        "tr", "ul",
    };

    private static readonly HashSet<string> Skipped = new(StringComparer.Ordinal)
    {
        "script", "style", "noscript", "template", "head", "svg", "math", "iframe", "object", "canvas", "button",
        "select", "textarea", "input",
    };

    /// <summary>The text of an HTML fragment or document.</summary>
    public static string FromHtml(string html)
    {
        ArgumentNullException.ThrowIfNull(html);
        if (html.IndexOf('<', StringComparison.Ordinal) < 0 && html.IndexOf('&', StringComparison.Ordinal) < 0)
        {
            return FromPlain(html);
        }

        var document = new HtmlParser().ParseDocument(html);
        return document.Body is null ? string.Empty : FromNode(document.Body);
    }

    /// <summary>The text of a parsed element and its descendants.</summary>
    public static string FromNode(INode root)
    {
        var writer = new ParagraphWriter();
        Walk(root, writer);
        return writer.Finish();
    }

    /// <summary>Text with no markup: each run of blank lines is a paragraph break, other white space collapses.</summary>
    private static string FromPlain(string text)
    {
        var writer = new ParagraphWriter();
        foreach (var paragraph in text.ReplaceLineEndings("\n").Split("\n\n"))
        {
            writer.Append(paragraph);
            writer.Break();
        }

        return writer.Finish();
    }

    private static void Walk(INode node, ParagraphWriter writer)
    {
        switch (node)
        {
            case IText text:
                writer.Append(text.Data);
                break;
            case IElement element:
                var name = element.LocalName;
                if (Skipped.Contains(name) || element.HasAttribute("hidden"))
                {
                    return;
                }

                var block = Blocks.Contains(name);
                if (block)
                {
                    writer.Break();
                }

                foreach (var child in element.ChildNodes)
                {
                    Walk(child, writer);
                }

                if (block)
                {
                    writer.Break();
                }

                break;
            default:
                foreach (var child in node.ChildNodes)
                {
                    Walk(child, writer);
                }

                break;
        }
    }

    private sealed class ParagraphWriter
    {
        private readonly StringBuilder _all = new();
        private readonly StringBuilder _paragraph = new();
        private bool _pendingSpace;

        public void Append(string text)
        {
            foreach (var c in text)
            {
                if (char.IsWhiteSpace(c) || c == '\u200B')
                {
                    _pendingSpace = _paragraph.Length > 0;
                    continue;
                }

                if (_pendingSpace)
                {
                    _paragraph.Append(' ');
                    _pendingSpace = false;
                }

                _paragraph.Append(c);
            }
        }

        public void Break()
        {
            _pendingSpace = false;
            if (_paragraph.Length == 0)
            {
                return;
            }

            if (_all.Length > 0)
            {
                _all.Append("\n\n");
            }

            _all.Append(_paragraph);
            _paragraph.Clear();
        }

        public string Finish()
        {
            Break();
            return _all.ToString();
        }
    }
}
