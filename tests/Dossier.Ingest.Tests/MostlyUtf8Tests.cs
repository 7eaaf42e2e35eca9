using System.Text;
using Dossier.Core.Errors;

namespace Dossier.Ingest.Tests;

/// <summary>Issue 14, item 4: UTF-8 with a stray byte stays UTF-8 (with U+FFFD and a warning), not Windows-1252.</summary>
public sealed class MostlyUtf8Tests : IDisposable
{
    private readonly TestFiles _files = new();

    public void Dispose() => _files.Dispose();

    [Fact]
    public async Task Read_Utf8WithOneStrayByte_DecodedAsUtf8WithReplacementAndWarning()
    {
        var bytes = Encoding.UTF8.GetBytes("Fran\u00E7ois Bayrou spoke in Paris on Monday about the budget.").ToList();
        bytes.Insert(20, 0xFF);
        var path = _files.Write("stray.txt", [.. bytes]);

        var result = Assert.Single(await Reading.ReadAllAsync(path));

        Assert.True(result.Succeeded, result.Message);
        Assert.StartsWith("Fran\u00E7ois", result.Document!.Text, StringComparison.Ordinal);
        Assert.Contains('\uFFFD', result.Document.Text);
        Assert.DoesNotContain("\u00C3\u00A7", result.Document.Text, StringComparison.Ordinal);
        Assert.Equal([DossierErrors.InvalidUtf8Replaced(1)], result.Warnings);
        Assert.Equal($"{path}: warning: {DossierErrors.InvalidUtf8Replaced(1)}", Assert.Single(result.WarningMessages));
    }

    [Fact]
    public async Task Read_Windows1252WithOneAccent_StillWindows1252WithoutWarning()
    {
        // "Fran\xE7ois": no valid UTF-8 sequence at all, so the bytes are Windows-1252.
        var bytes = Encoding.ASCII.GetBytes("Francois Bayrou spoke in Paris on Monday about the budget.");
        bytes[4] = 0xE7;
        var path = _files.Write("cp1252.txt", bytes);

        var result = Assert.Single(await Reading.ReadAllAsync(path));

        Assert.StartsWith("Fran\u00E7ois", result.Document!.Text, StringComparison.Ordinal);
        Assert.Empty(result.Warnings);
    }

    [Fact]
    public async Task Read_ManyInvalidSequences_NotMostlyUtf8SoWindows1252()
    {
        // Two valid UTF-8 letters before four Windows-1252 accents: invalid sequences outnumber valid ones.
        byte[] bytes = [.. Encoding.UTF8.GetBytes("\u00E9t\u00E9 "), .. Encoding.Latin1.GetBytes("caf\u00E9 na\u00EFve d\u00E9j\u00E0 vu, said the report.")];
        var path = _files.Write("mixed.txt", bytes);

        var result = Assert.Single(await Reading.ReadAllAsync(path));

        Assert.True(result.Succeeded, result.Message);
        Assert.Contains("caf\u00E9", result.Document!.Text, StringComparison.Ordinal);
        Assert.Empty(result.Warnings);
    }
}
