namespace Dossier.Analytics.Tests;

public class RowBinaryWriterTests
{
    [Fact]
    public void VarUInt_300_TwoBytesLowGroupFirst()
    {
        var writer = new RowBinaryWriter(16);
        writer.VarUInt(300);
        Assert.Equal(new byte[] { 0xAC, 0x02 }, writer.Written.ToArray());
    }

    [Fact]
    public void String_NonAscii_Utf8WithItsByteLength()
    {
        var writer = new RowBinaryWriter(16);
        writer.String("Zü");
        Assert.Equal(new byte[] { 3, (byte)'Z', 0xC3, 0xBC }, writer.Written.ToArray());
    }

    [Fact]
    public void String_LongerThan127_TwoByteLength()
    {
        var writer = new RowBinaryWriter(16);
        writer.String(new string('x', 200));
        Assert.Equal(202, writer.Length);
        Assert.Equal(new byte[] { 0xC8, 0x01 }, writer.Written[..2].ToArray());
    }

    [Fact]
    public void Value_DateAndArray_DaysSinceEpochAndCountedItems()
    {
        var writer = new RowBinaryWriter(4);
        writer.Value("Date", new DateTime(1970, 1, 11, 0, 0, 0, DateTimeKind.Utc));
        writer.Value("Array(UInt64)", new ulong[] { 1, 258 });
        Assert.Equal(new byte[] { 10, 0, 2, 1, 0, 0, 0, 0, 0, 0, 0, 2, 1, 0, 0, 0, 0, 0, 0 }, writer.Written.ToArray());
    }

    [Fact]
    public void Value_UnknownType_ArgumentException() =>
        Assert.Throws<ArgumentException>(() => new RowBinaryWriter().Value("Decimal(9, 2)", 1m));
}
