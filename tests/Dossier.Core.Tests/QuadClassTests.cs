using Dossier.Core.Documents;

namespace Dossier.Core.Tests;

public class QuadClassTests
{
    [Theory]
    [InlineData(1, "verbal cooperation")]
    [InlineData(2, "material cooperation")]
    [InlineData(3, "verbal conflict")]
    [InlineData(4, "material conflict")]
    [InlineData(0, "no quad class")]
    [InlineData(7, "no quad class")]
    [InlineData(-1, "no quad class")]
    public void Name_QuadClassNumber_IsItsCameoName(int quadClass, string expected) =>
        Assert.Equal(expected, QuadClass.Name(quadClass));

    [Theory]
    [InlineData(new long[] { 0, 2, 0, 2 }, 2)]
    [InlineData(new long[] { 1, 0, 3, 2 }, 3)]
    [InlineData(new long[] { 0, 0, 0, 5 }, 4)]
    [InlineData(new long[] { 0, 0, 0, 0 }, 0)]
    public void Majority_CountsPerClass_MostFrequentLowerOnATie(long[] counts, int expected) =>
        Assert.Equal(expected, QuadClass.Majority(counts));
}
