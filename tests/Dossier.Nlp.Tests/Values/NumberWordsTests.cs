using Dossier.Nlp.Values;

namespace Dossier.Nlp.Tests.Values;

public sealed class NumberWordsTests
{
    private static readonly NumberWords Numbers = NumberWords.LoadDefault();

    [Theory]
    [InlineData("two hundred and five", 205)]
    [InlineData("twenty-one", 21)]
    [InlineData("a dozen", 12)]
    [InlineData("two dozen", 24)]
    [InlineData("1,200", 1200)]
    [InlineData("2.5 million", 2_500_000)]
    [InlineData("three thousand four hundred", 3400)]
    [InlineData("one million two hundred thousand", 1_200_000)]
    [InlineData("TWO HUNDRED", 200)]
    [InlineData("5 1/2", 5.5)]
    [InlineData("two", 2)]
    public void TryParse_NumberPhrase_ReturnsValue(string text, double expected)
    {
        Assert.True(Numbers.TryParse(text, out var value));
        Assert.Equal((decimal)expected, value);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(null)]
    [InlineData("one two")]
    [InlineData("twenty thirty")]
    [InlineData("witnesses")]
    [InlineData("1,2")]
    [InlineData("and")]
    [InlineData("99999999999999999999 trillion")]
    public void TryParse_NotANumberOrOverflow_ReturnsFalse(string? text)
    {
        Assert.False(Numbers.TryParse(text, out _));
    }

    [Theory]
    [InlineData("third", 3)]
    [InlineData("sixth", 6)]
    [InlineData("21st", 21)]
    [InlineData("112th", 112)]
    [InlineData("twenty-first", 21)]
    public void TryParseOrdinal_Ordinal_ReturnsValue(string text, int expected)
    {
        Assert.True(Numbers.TryParseOrdinal(text, out var value));
        Assert.Equal(expected, value);
    }

    [Theory]
    [InlineData("21th")]
    [InlineData("last")]
    [InlineData("three")]
    [InlineData("")]
    public void TryParseOrdinal_NotAnOrdinal_ReturnsFalse(string text)
    {
        Assert.False(Numbers.TryParseOrdinal(text, out _));
    }
}
