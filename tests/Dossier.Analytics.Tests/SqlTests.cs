namespace Dossier.Analytics.Tests;

public class SqlTests
{
    [Theory]
    [InlineData("plain", "'plain'")]
    [InlineData("O'Brien", @"'O\'Brien'")]
    [InlineData(@"back\slash", @"'back\\slash'")]
    [InlineData(@"\' OR 1=1 --", @"'\\\' OR 1=1 --'")]
    [InlineData("two\nlines\ttab", @"'two\nlines\ttab'")]
    public void String_AnyText_QuotedWithEveryQuoteAndBackslashEscaped(string value, string literal)
    {
        Assert.Equal(literal, Sql.String(value));
    }

    [Fact]
    public void ParseTabSeparated_EscapedFields_Unescaped()
    {
        var rows = Sql.ParseTabSeparated("a\\tb\tc\\\\d\n1\t\\n\n");

        Assert.Equal(2, rows.Count);
        Assert.Equal(["a\tb", "c\\d"], rows[0]);
        Assert.Equal(["1", "\n"], rows[1]);
    }
}
