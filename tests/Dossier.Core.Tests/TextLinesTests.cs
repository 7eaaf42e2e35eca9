using Dossier.Core.Data;

namespace Dossier.Core.Tests;

public sealed class TextLinesTests
{
    private static List<string> Lines(string text)
    {
        var lines = new List<string>();
        foreach (var line in new TextLines(text)) lines.Add(line.ToString());
        return lines;
    }

    private static List<string> ReaderLines(string text)
    {
        var lines = new List<string>();
        using var reader = new StringReader(text);
        while (reader.ReadLine() is { } line) lines.Add(line);
        return lines;
    }

    [Theory]
    [InlineData("")]
    [InlineData("one")]
    [InlineData("one\ntwo\n")]
    [InlineData("one\r\ntwo\rthree\n\nfive")]
    [InlineData("\n\r\n\r")]
    [InlineData("tab\tcolumns\r\n# comment\r\n")]
    [InlineData("a\u2028b\u0085c\fd")]
    public void TextLines_AnyLineBreaks_CutsWhereATextReaderCuts(string text) =>
        Assert.Equal(ReaderLines(text), Lines(text));

    [Fact]
    public void TextLines_UnicodeLineSeparator_IsNoLineBreak() =>
        Assert.Equal(["a\u2028b"], Lines("a\u2028b"));
}
