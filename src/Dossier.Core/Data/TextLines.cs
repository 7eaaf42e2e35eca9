namespace Dossier.Core.Data;

/// <summary>
/// The lines of a text held in memory, as spans and without a string per line: cut where a <see cref="TextReader"/>
/// cuts them (<c>\n</c>, <c>\r</c> or <c>\r\n</c>; unlike <see cref="MemoryExtensions.EnumerateLines(ReadOnlySpan{char})"/>,
/// no other separator), so line numbers match <see cref="File.ReadLines(string)"/>'s. For loaders that read a whole
/// model or data file at start-up: <c>foreach (var line in new TextLines(text))</c>.
/// </summary>
public ref struct TextLines
{
    private ReadOnlySpan<char> _rest;

    /// <summary>The lines of <paramref name="text"/>; a final line break ends the last line and starts none.</summary>
    public TextLines(ReadOnlySpan<char> text) => _rest = text;

    /// <summary>The line the enumerator stands on.</summary>
    public ReadOnlySpan<char> Current { get; private set; }

    /// <summary>This enumerator (for <c>foreach</c>).</summary>
    public readonly TextLines GetEnumerator() => this;

    /// <summary>Steps to the next line; false when the text is used up.</summary>
    public bool MoveNext()
    {
        if (_rest.IsEmpty) return false;
        var end = _rest.IndexOfAny('\r', '\n');
        if (end < 0)
        {
            Current = _rest;
            _rest = [];
            return true;
        }

        Current = _rest[..end];
        _rest = _rest[(_rest[end] == '\r' && end + 1 < _rest.Length && _rest[end + 1] == '\n' ? end + 2 : end + 1)..];
        return true;
    }
}
