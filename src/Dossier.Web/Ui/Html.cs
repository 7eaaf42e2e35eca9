using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;

namespace Dossier.Web.Ui;

/// <summary>
/// Builds HTML by hand. Everything that comes from documents or requests goes through <see cref="Text"/> or
/// <see cref="Attr"/> (HTML-encoded); only literals of this assembly go through <see cref="Raw"/>.
/// </summary>
internal sealed class Html
{
    /// <summary>Encodes the five HTML-sensitive characters (and controls) but leaves letters of every script readable.</summary>
    public static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    private readonly StringBuilder _builder = new(4096);

    /// <summary>Markup written by this assembly; never pass data here.</summary>
    public Html Raw(string markup)
    {
        _builder.Append(markup);
        return this;
    }

    /// <summary>Text content, encoded.</summary>
    public Html Text(string? text)
    {
        if (!string.IsNullOrEmpty(text))
        {
            _builder.Append(Encoder.Encode(text));
        }

        return this;
    }

    public Html Text(long number) => Raw(number.ToString(CultureInfo.InvariantCulture));

    /// <summary><c> name="value"</c>, the value encoded.</summary>
    public Html Attr(string name, string? value)
    {
        _builder.Append(' ').Append(name).Append("=\"");
        Text(value);
        _builder.Append('"');
        return this;
    }

    /// <summary>A link to a page of this site; <paramref name="href"/> must be built with <see cref="Url"/>.</summary>
    public Html Link(string href, string? text, string? cssClass = null)
    {
        Raw("<a").Attr("href", href);
        if (cssClass is not null)
        {
            Attr("class", cssClass);
        }

        return Raw(">").Text(text).Raw("</a>");
    }

    public Html Element(string tag, string? text, string? cssClass = null)
    {
        Raw("<").Raw(tag);
        if (cssClass is not null)
        {
            Attr("class", cssClass);
        }

        return Raw(">").Text(text).Raw("</").Raw(tag).Raw(">");
    }

    public override string ToString() => _builder.ToString();

    /// <summary>A site path with its dynamic segments and query values escaped.</summary>
    public static string Url(string path, params (string Name, string? Value)[] query)
    {
        var builder = new StringBuilder(path);
        var first = true;
        foreach (var (name, value) in query)
        {
            if (string.IsNullOrEmpty(value))
            {
                continue;
            }

            builder.Append(first ? '?' : '&').Append(name).Append('=').Append(Uri.EscapeDataString(value));
            first = false;
        }

        return builder.ToString();
    }

    public static string Segment(string value) => Uri.EscapeDataString(value);

    /// <summary>A CSS class suffix from a type name: letters, digits, '-' and '_' only.</summary>
    public static string ClassName(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return "none";
        }

        var builder = new StringBuilder(value.Length);
        foreach (var c in value)
        {
            builder.Append(char.IsAsciiLetterOrDigit(c) || c is '-' or '_' ? c : '_');
        }

        return builder.ToString();
    }

    /// <summary>An http(s) URL fit for an href, or null (javascript:, data: and the rest are shown as text only).</summary>
    public static string? SafeExternalUrl(string? url) =>
        Uri.TryCreate(url?.Trim(), UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
            ? uri.AbsoluteUri
            : null;

    public static string Day(DateOnly? day) => day?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "undated";
}
