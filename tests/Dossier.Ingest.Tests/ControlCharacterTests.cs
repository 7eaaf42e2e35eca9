using Dossier.Core.Errors;

namespace Dossier.Ingest.Tests;

/// <summary>Issue 14, item 2: NUL and the other characters no store can hold never reach a document.</summary>
public sealed class ControlCharacterTests : IDisposable
{
    private readonly TestFiles _files = new();

    public void Dispose() => _files.Dispose();

    [Fact]
    public void ReadRecord_TextWithNul_NulRemovedAndWarned()
    {
        var result = DocumentReader.ReadRecord("post", "Troops crossed\0 the border on Monday.", "Head\0line", null, null, new ReadOptions());

        Assert.True(result.Succeeded, result.Message);
        Assert.Equal("Troops crossed the border on Monday.", result.Document!.Text);
        Assert.Equal("Headline", result.Document.Metadata.Title);
        var warning = Assert.Single(result.WarningMessages);
        Assert.Equal($"post: warning: {DossierErrors.ControlCharactersRemoved(2)}", warning);
    }

    [Fact]
    public void ReadRecord_EveryDisallowedKind_AllRemovedOthersKept()
    {
        // C0 controls other than tab, LF, CR; U+FFFE and U+FFFF; a lone high and a lone low surrogate. A valid
        // surrogate pair (an emoji), tab, LF, CR and C1 controls stay.
        var text = "a\u0001b\u001Fc\uFFFEd\uFFFFe\uD800f\uDC00g \U0001F600\t\r\n\u0085h";

        var result = DocumentReader.ReadRecord("post", text, null, null, "https://example.com/\u0007x", new ReadOptions());

        Assert.True(result.Succeeded, result.Message);
        Assert.Equal("abcdefg \U0001F600\t\r\n\u0085h", result.Document!.Text);
        Assert.Equal("https://example.com/x", result.Document.Metadata.Url);
        Assert.Equal([DossierErrors.ControlCharactersRemoved(7)], result.Warnings);
    }

    [Fact]
    public void ReadRecord_FormFeed_BecomesLineFeedSoWordsStayApart()
    {
        var result = DocumentReader.ReadRecord("post", "End of page one.\fPage two begins.", null, null, null, new ReadOptions());

        Assert.Equal("End of page one.\nPage two begins.", result.Document!.Text);
        Assert.Single(result.Warnings);
    }

    [Fact]
    public void ReadRecord_OnlyControlCharacters_NoTextFailure()
    {
        var result = DocumentReader.ReadRecord("post", "\0\u0001\u0002", null, null, null, new ReadOptions());

        Assert.False(result.Succeeded);
        Assert.Equal(DossierErrors.NoText, result.Error);
    }

    [Fact]
    public void ReadRecord_CleanText_NoWarningAndTextUnchanged()
    {
        const string Text = "Ministers met in Geneva on Tuesday.\r\n\tThey agreed.";

        var result = DocumentReader.ReadRecord("post", Text, null, null, null, new ReadOptions());

        Assert.Same(Text, result.Document!.Text);
        Assert.Empty(result.Warnings);
    }

    [Fact]
    public async Task Read_TextFileWithNulAfterTheSniffedStart_NulRemovedAndWarned()
    {
        // The binary sniff looks at the first 8 KB only; a NUL after it used to reach the store.
        var body = new string('x', 9000).Replace("xxxxxxxxx", "word one ", StringComparison.Ordinal);
        var path = _files.Write("late-nul.txt", body + "\0 the end.");

        var results = await Reading.ReadAllAsync(path);

        var result = Assert.Single(results);
        Assert.True(result.Succeeded, result.Message);
        Assert.DoesNotContain('\0', result.Document!.Text);
        Assert.Equal([DossierErrors.ControlCharactersRemoved(1)], result.Warnings);
    }

    [Fact]
    public async Task Read_JsonLinesWithEscapedNulAndLoneSurrogate_RemovedAndWarned()
    {
        var path = _files.Write("escaped.jsonl", """{"text":"Talks\u0000 resumed in Vienna.\ud800","title":"Talks\u0000"}""" + "\n");

        var result = Assert.Single(await Reading.ReadAllAsync(path));

        Assert.True(result.Succeeded, result.Message);
        Assert.Equal("Talks resumed in Vienna.", result.Document!.Text);
        Assert.Equal("Talks", result.Document.Metadata.Title);
        Assert.NotEmpty(result.Warnings);
    }
}
