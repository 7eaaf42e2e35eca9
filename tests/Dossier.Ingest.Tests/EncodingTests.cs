using System.Text;
using Dossier.Core.Errors;
using Dossier.Ingest.Decoding;

namespace Dossier.Ingest.Tests;

public sealed class EncodingTests : IDisposable
{
    private const string Report = "Caf\u00E9 owners in Zurich \u201Cwelcomed\u201D the decision \u2014 prices fell 5\u20AC.";

    private readonly TestFiles _files = new();

    public void Dispose() => _files.Dispose();

    [Fact]
    public async Task Read_Utf8WithBom_BomStrippedAndTextDecoded()
    {
        var path = _files.Write("bom.txt", [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes("Headline\n\n" + Report)]);

        var document = await Reading.ReadOneAsync(path);

        Assert.Equal("Headline", document.Metadata.Title);
        Assert.Equal(Report, document.Text);
    }

    [Fact]
    public async Task Read_Utf16LittleEndianWithBom_Decoded()
    {
        var path = _files.Write("utf16.txt", [0xFF, 0xFE, .. Encoding.Unicode.GetBytes("Headline\r\n\r\n" + Report)]);

        var document = await Reading.ReadOneAsync(path);

        Assert.Equal("Headline", document.Metadata.Title);
        Assert.Equal(Report, document.Text);
    }

    [Fact]
    public async Task Read_Utf16BigEndianWithBom_Decoded()
    {
        var path = _files.Write("utf16be.txt", [0xFE, 0xFF, .. Encoding.BigEndianUnicode.GetBytes(Report)]);

        var document = await Reading.ReadOneAsync(path);

        Assert.Equal(Report, document.Text);
    }

    [Fact]
    public async Task Read_Windows1252Bytes_DecodedAsWindows1252()
    {
        // "Caf\xE9 \x93quoted\x94 \x96 \x80" in Windows-1252: é, curly quotes, en dash, euro sign.
        byte[] bytes = [.. "Caf"u8, 0xE9, .. " owners \""u8, 0x93, .. "welcomed"u8, 0x94, .. " it "u8, 0x96, .. " 5"u8, 0x80, .. "."u8];
        var path = _files.Write("cp1252.txt", bytes);

        var document = await Reading.ReadOneAsync(path);

        Assert.Equal("Caf\u00E9 owners \"\u201Cwelcomed\u201D it \u2013 5\u20AC.", document.Text);
    }

    [Fact]
    public async Task Read_InvalidUtf8WithByteUndefinedIn1252_NotValidTextFailure()
    {
        byte[] bytes = [.. "Some text "u8, 0xC3, 0x28, .. " and "u8, 0x81, .. " more text here."u8];
        var path = _files.Write("bad.txt", bytes);

        var result = await Reading.FailOneAsync(path);

        Assert.Equal(DossierErrors.InvalidEncoding, result.Error);
    }

    [Fact]
    public void Windows1252_DefinedBytes_MatchTheCodePageProvider()
    {
        var reference = CodePagesEncodingProvider.Instance.GetEncoding(1252)!;
        for (var b = 0; b < 256; b++)
        {
            if (b is 0x81 or 0x8D or 0x8F or 0x90 or 0x9D)
            {
                Assert.False(Windows1252.IsPlausible([(byte)b]), $"0x{b:X2} is undefined in Windows-1252");
                continue;
            }

            Assert.True(Windows1252.IsPlausible([(byte)b]));
            Assert.Equal(reference.GetString([(byte)b]), Windows1252.ToChar((byte)b).ToString());
        }
    }

    [Fact]
    public void Decode_Utf16WithoutBom_LooksBinary()
    {
        var decoded = TextDecoder.Decode(Encoding.Unicode.GetBytes("Plain English text without a byte order mark."));

        Assert.Equal(DossierErrors.Binary, decoded.Error);
    }

    [Fact]
    public void Decode_ManyControlCharacters_LooksBinary()
    {
        var bytes = Enumerable.Range(0, 400).Select(i => (byte)(i % 3 == 0 ? 0x01 : 'a')).ToArray();

        var decoded = TextDecoder.Decode(bytes);

        Assert.Equal(DossierErrors.Binary, decoded.Error);
    }

    [Fact]
    public void Decode_TabsAndNewlines_AreText()
    {
        var decoded = TextDecoder.Decode("a\tb\r\nc\n\fd"u8);

        Assert.Equal("a\tb\r\nc\n\fd", decoded.Text);
    }
}
