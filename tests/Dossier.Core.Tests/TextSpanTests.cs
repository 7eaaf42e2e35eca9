using Dossier.Core.Documents;

namespace Dossier.Core.Tests;

public class TextSpanTests
{
    [Fact]
    public void Constructor_EndBeforeStart_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new TextSpan(5, 4));
    }

    [Fact]
    public void Constructor_NegativeStart_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new TextSpan(-1, 4));
    }

    [Theory]
    [InlineData(0, 10, 2, 5, true)]
    [InlineData(0, 10, 0, 10, true)]
    [InlineData(2, 5, 0, 10, false)]
    [InlineData(0, 5, 4, 6, false)]
    public void Contains_OtherSpan_IsTrueOnlyWhenInside(int start, int end, int otherStart, int otherEnd, bool expected)
    {
        Assert.Equal(expected, new TextSpan(start, end).Contains(new TextSpan(otherStart, otherEnd)));
    }
}
