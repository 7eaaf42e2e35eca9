using Dossier.Core.Errors;

namespace Dossier.Ingest.Tests;

public sealed class JsonLinesReaderTests : IDisposable
{
    private readonly TestFiles _files = new();

    public void Dispose() => _files.Dispose();

    [Fact]
    public async Task Read_GoodAndBadLines_BadLineReportedWithNumberAndOthersKept()
    {
        var path = _files.Write("reports.jsonl", string.Join('\n',
            """{"text":"The first report.","title":"One","published":"2025-10-17","url":"https://example.com/1"}""",
            "",
            "this is not json",
            """{"title":"No text here"}""",
            """{"text":"The last report."}""",
            ""));

        var results = await Reading.ReadAllAsync(path);

        Assert.Equal(4, results.Count);
        var first = results[0];
        Assert.True(first.Succeeded, first.Message);
        Assert.Equal(path + "#line=1", first.Input);
        Assert.Equal("The first report.", first.Document!.Text);
        Assert.Equal("One", first.Document.Metadata.Title);
        Assert.Equal(new DateOnly(2025, 10, 17), first.Document.Metadata.Published);
        Assert.Equal("https://example.com/1", first.Document.Metadata.Url);
        Assert.Equal(path + "#line=1", first.Document.Metadata.Source);

        Assert.False(results[1].Succeeded);
        Assert.Equal(path + "#line=3", results[1].Input);
        Assert.StartsWith(DossierErrors.NotJson + " (", results[1].Error);
        Assert.DoesNotContain('\n', results[1].Message);

        Assert.False(results[2].Succeeded);
        Assert.Equal(path + "#line=4", results[2].Input);
        Assert.Equal(DossierErrors.MissingText, results[2].Error);

        Assert.True(results[3].Succeeded, results[3].Message);
        Assert.Equal(path + "#line=5", results[3].Input);
        Assert.Null(results[3].Document!.Metadata.Title);
    }

    [Fact]
    public async Task Read_LineIsArray_NotAnObjectFailure()
    {
        var path = _files.Write("reports.ndjson", "[1, 2, 3]\n");

        var result = await Reading.FailOneAsync(path);

        Assert.Equal(path + "#line=1", result.Input);
        Assert.StartsWith(DossierErrors.NotJson, result.Error);
    }

    [Fact]
    public async Task Read_UnparseableDate_LineFailsWithBadDate()
    {
        var path = _files.Write("reports.jsonl", """{"text":"A report.","published":"someday"}""");

        var result = await Reading.FailOneAsync(path);

        Assert.Equal(DossierErrors.BadDate("someday"), result.Error);
    }

    [Fact]
    public async Task Read_NoPublishedField_DefaultPublishedUsed()
    {
        var path = _files.Write("reports.jsonl", """{"text":"A report without a date."}""");

        var document = await Reading.ReadOneAsync(path, new ReadOptions { DefaultPublished = new DateOnly(2020, 5, 6) });

        Assert.Equal(new DateOnly(2020, 5, 6), document.Metadata.Published);
    }
}
