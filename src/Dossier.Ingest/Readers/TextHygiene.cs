using System.Text;

namespace Dossier.Ingest.Readers;

/// <summary>
/// Keeps characters that no store, JSON writer or XML exporter can hold out of a document. Removed: the C0 control
/// characters other than tab, line feed and carriage return (U+0000–U+001F; NUL among them), the non-characters
/// U+FFFE and U+FFFF, and lone surrogates. Vertical tab and form feed are line breaks in the text they come from (a
/// page break), so they become a line feed instead of gluing two words together. Everything else is kept as it is.
/// </summary>
internal static class TextHygiene
{
    /// <summary>
    /// The text without disallowed characters, and how many were removed or replaced; the same instance when there
    /// were none.
    /// </summary>
    public static string Clean(string text, out int changed)
    {
        ArgumentNullException.ThrowIfNull(text);
        var first = FirstDisallowed(text);
        if (first < 0)
        {
            changed = 0;
            return text;
        }

        var clean = new StringBuilder(text.Length);
        clean.Append(text, 0, first);
        changed = 0;
        for (var i = first; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                clean.Append(c).Append(text[i + 1]);
                i++;
            }
            else if (!IsDisallowed(c))
            {
                clean.Append(c);
            }
            else
            {
                changed++;
                if (c is '\v' or '\f')
                {
                    clean.Append('\n');
                }
            }
        }

        return clean.ToString();
    }

    /// <summary>The index of the first disallowed character, or -1.</summary>
    private static int FirstDisallowed(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (IsDisallowed(c))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>A disallowed character on its own (a surrogate here is a lone one: pairs are skipped by the callers).</summary>
    private static bool IsDisallowed(char c) =>
        (c < 0x20 && c is not ('\t' or '\n' or '\r')) || c is '\uFFFE' or '\uFFFF' || char.IsSurrogate(c);
}
