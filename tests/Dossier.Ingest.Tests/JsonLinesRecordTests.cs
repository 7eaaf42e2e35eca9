using Dossier.Core.Errors;

namespace Dossier.Ingest.Tests;

/// <summary>Issue 14, item 4: JSON Lines split on '\n' only; a "text" that is not a string says so.</summary>
public sealed class JsonLinesRecordTests : IDisposable
{
    private readonly TestFiles _files = new();

    public void Dispose() => _files.Dispose();

    [Theory]
    [InlineData('\u2028')]
    [InlineData('\u2029')]
    [InlineData('\u0085')]
    public async Task Read_RawLineSeparatorInsideString_OneRecordKept(char separator)
    {
        var path = _files.Write("wire.jsonl",
            "{\"text\":\"Rebels took the town." + separator + "Officials denied it.\"}\r\n{\"text\":\"The second report.\"}\n");

        var results = await Reading.ReadAllAsync(path);

        Assert.Equal(2, results.Count);
        Assert.All(results, r => Assert.True(r.Succeeded, r.Message));
        Assert.Equal(path + "#line=2", results[1].Input);
        Assert.Contains("Officials denied it.", results[0].Document!.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("42", "a number")]
    [InlineData("[\"a\"]", "an array")]
    [InlineData("{\"a\":1}", "an object")]
    [InlineData("true", "a boolean")]
    public async Task Read_TextFieldNotAString_SaysItMustBeAString(string value, string found)
    {
        var path = _files.Write("numbers.jsonl", "{\"text\":" + value + "}\n");

        var result = await Reading.FailOneAsync(path);

        Assert.Equal(DossierErrors.TextNotString(found), result.Error);
        Assert.Equal($"{path}#line=1: \"text\" must be a string (found {found})", result.Message);
    }

    [Fact]
    public async Task Read_NoTextField_StillNoTextField()
    {
        var path = _files.Write("none.jsonl", "{\"title\":\"x\"}\n");

        var result = await Reading.FailOneAsync(path);

        Assert.Equal(DossierErrors.MissingText, result.Error);
    }
}
