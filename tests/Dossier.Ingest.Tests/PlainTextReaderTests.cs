using Dossier.Ingest.Readers;

namespace Dossier.Ingest.Tests;

public sealed class PlainTextReaderTests : IDisposable
{
    private readonly TestFiles _files = new();

    public void Dispose() => _files.Dispose();

    [Fact]
    public async Task Read_HeadlineThenBlankLine_TitleAndBodyAreSplit()
    {
        var path = _files.Write("story.txt", "  Ad sales boost Time Warner profit  \n\nQuarterly profits at US media giant TimeWarner jumped 76%.\n\nThe firm is one of the biggest investors in Google.\n");

        var document = await Reading.ReadOneAsync(path);

        Assert.Equal("Ad sales boost Time Warner profit", document.Metadata.Title);
        Assert.Equal("Quarterly profits at US media giant TimeWarner jumped 76%.\n\nThe firm is one of the biggest investors in Google.", document.Text);
        Assert.Equal(path, document.Metadata.Source);
        Assert.Null(document.Metadata.Url);
    }

    [Fact]
    public async Task Read_NoBlankLineAfterFirstLine_NoTitleAndWholeText()
    {
        const string content = "Quarterly profits at US media giant TimeWarner jumped 76%.\nThe firm is one of the biggest investors in Google.";
        var path = _files.Write("story.txt", content);

        var document = await Reading.ReadOneAsync(path);

        Assert.Null(document.Metadata.Title);
        Assert.Equal(content, document.Text);
    }

    [Fact]
    public async Task Read_CrlfLineEnds_TitleSplitAndTextKeptAsDecoded()
    {
        var path = _files.Write("story.txt", "Headline here\r\n\r\nFirst paragraph of the report.\r\nSecond line.\r\n");

        var document = await Reading.ReadOneAsync(path);

        Assert.Equal("Headline here", document.Metadata.Title);
        Assert.Equal("First paragraph of the report.\r\nSecond line.", document.Text);
    }

    [Fact]
    public void Split_LongFirstParagraph_IsNotTakenAsTitle()
    {
        var paragraph = string.Join(' ', Enumerable.Repeat("The minister said the talks would continue.", 10));
        var content = paragraph + "\n\nSecond paragraph.";

        var (title, text) = PlainTextReader.Split(content);

        Assert.Null(title);
        Assert.Equal(content, text);
    }

    [Fact]
    public void Split_OnlyAHeadline_IsTheTextWithoutTitle()
    {
        var (title, text) = PlainTextReader.Split("Just a headline\n\n\n");

        Assert.Null(title);
        Assert.Equal("Just a headline", text);
    }

    [Fact]
    public async Task Read_DefaultPublishedGiven_DocumentCarriesIt()
    {
        var path = _files.Write("story.txt", "Headline\n\nBody of the report, which carries no date line of its own.");

        var document = await Reading.ReadOneAsync(path, new ReadOptions { DefaultPublished = new DateOnly(2025, 10, 17) });

        Assert.Equal(new DateOnly(2025, 10, 17), document.Metadata.Published);
    }

    [Fact]
    public async Task Read_UnknownExtension_ReadAsText()
    {
        var path = _files.Write("story.article", "Headline\n\nBody of a report saved with an odd extension.");

        var document = await Reading.ReadOneAsync(path);

        Assert.Equal("Headline", document.Metadata.Title);
        Assert.Equal("Body of a report saved with an odd extension.", document.Text);
    }
}
