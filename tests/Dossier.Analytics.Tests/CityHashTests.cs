namespace Dossier.Analytics.Tests;

/// <summary>The client's cityHash64 against values a ClickHouse 18.16 server computed (<c>SELECT cityHash64(…)</c>).</summary>
public class CityHashTests
{
    private static string Numbers(int count, int step) => string.Concat(Enumerable.Range(0, count).Select(i => (i * step).ToString(System.Globalization.CultureInfo.InvariantCulture)));

    public static TheoryData<string, ulong> Strings => new()
    {
        { "", 11160318154034397263UL },
        { "a", 2603192927274642682UL },
        { "abc", 4220206313085259313UL },
        { "abcdefg", 9365486912795408122UL },
        { "0000000000000001", 16650620392791346410UL },
        { "abcdefghijklmnopq", 237482408704357350UL },
        { "abcdefghijklmnopqrstuvwxyz0123456789", 7935469073962021281UL },
        { Numbers(40, 1), 17621825292393692475UL },
        { Numbers(100, 7), 13948387019331485153UL },
        { "documents", 2032512930434959246UL },
    };

    [Theory]
    [MemberData(nameof(Strings))]
    public void Hash64_String_EqualsTheServers(string value, ulong expected) => Assert.Equal(expected, CityHash.Hash64(value));

    [Theory]
    [InlineData(5UL, 15228578409069794350UL)]
    [InlineData(123456789UL, 16268010412262273259UL)]
    public void Hash64_UInt64_EqualsTheServers(ulong value, ulong expected) => Assert.Equal(expected, CityHash.Of(value));

    [Fact]
    public void Of_String_HashesItsUtf8Bytes() =>
        Assert.Equal(CityHash.Hash64(System.Text.Encoding.UTF8.GetBytes("Zürich")), CityHash.Of("Zürich"));
}
