using System.Text;
using Dossier.Extraction.Events.Annotations;

namespace Dossier.Extraction.Tests.Events.Scoring;

/// <summary>BBC News records (text not committed): the sentence is rebuilt from a small text file written in the test under
/// <c>shared/corpora/bbc/</c>, by character offsets into the file's text, white space runs made one space.</summary>
public sealed class BbcAnnotationsTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("dossier-bbc-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    // "Ministers fine a bank\n\nThe regulator fined the bank £5m. It  appealed\nat once.\n"
    // headline 0..21; body sentence 23..56 ("The regulator fined the bank £5m."), 57..78 ("It appealed at once.")
    private const string Story = "Ministers fine a bank\n\nThe regulator fined the bank £5m. It  appealed\nat once.\n";

    private (string Annotations, string Conll, string Bbc) Write(string records, string story = Story, bool writeBbc = true, byte[]? bytes = null)
    {
        var shared = Directory.CreateDirectory(Path.Combine(_folder, "shared")).FullName;
        var conll = Directory.CreateDirectory(Path.Combine(shared, "data", "conll2003")).FullName;
        var bbc = Path.Combine(shared, "corpora", "bbc");
        if (writeBbc)
        {
            var business = Directory.CreateDirectory(Path.Combine(bbc, "business")).FullName;
            if (bytes is null) File.WriteAllText(Path.Combine(business, "123.txt"), story, new UTF8Encoding(false));
            else File.WriteAllBytes(Path.Combine(business, "123.txt"), bytes);
        }

        var annotations = Directory.CreateDirectory(Path.Combine(_folder, "events")).FullName;
        File.WriteAllText(Path.Combine(annotations, "bbc.jsonl"), records);
        return (annotations, conll, bbc);
    }

    private static string Record(int sent, int start, int end, string events = "[]") =>
        $$"""{"corpus":"bbc","doc":"business/123.txt","sent":{{sent}},"start":{{start}},"end":{{end}},"split":"heldout","text":null,"events":{{events}},"note":null}""";

    [Fact]
    public void Read_BbcRecordsWithSharedFolderBesideData_RebuildsSentencesFromOffsetsWithSpacesCollapsed()
    {
        var (annotations, conll, _) = Write(string.Join('\n', Record(0, 0, 21), Record(1, 23, 56, """[{"type":"COERCE","trigger":"fined","source":"The regulator","target":"the bank","status":"occurred"}]"""), Record(2, 57, 78)) + "\n");

        var sentences = EventAnnotations.Read(annotations, conll);

        Assert.Equal(["Ministers fine a bank", "The regulator fined the bank £5m.", "It appealed at once."], sentences.Select(s => s.Text));
        Assert.Equal(EventAnnotations.BbcCorpus, sentences[1].Corpus);
        Assert.Equal("business/123.txt", sentences[1].Doc);
        Assert.Equal("COERCE", Assert.Single(sentences[1].Events).Type);
    }

    [Fact]
    public void Read_BbcFileWithByteOrderMark_OffsetsCountFromAfterTheMark()
    {
        var bytes = new byte[] { 0xEF, 0xBB, 0xBF }.Concat(new UTF8Encoding(false).GetBytes(Story)).ToArray();
        var (annotations, conll, _) = Write(Record(1, 23, 56) + "\n", bytes: bytes);

        Assert.Equal("The regulator fined the bank £5m.", Assert.Single(EventAnnotations.Read(annotations, conll)).Text);
    }

    [Fact]
    public void Read_BbcFileWithCrLfLineEnds_CountsBothCharactersAndCollapsesThem()
    {
        // with CRLF the headline is 0..21 and the body starts at 25
        var (annotations, conll, _) = Write(Record(1, 25, 58) + "\n", Story.Replace("\n", "\r\n", StringComparison.Ordinal));

        Assert.Equal("The regulator fined the bank £5m.", Assert.Single(EventAnnotations.Read(annotations, conll)).Text);
    }

    [Fact]
    public void Read_BbcFolderGivenExplicitly_UsesItWithoutAConllFolder()
    {
        var (annotations, _, bbc) = Write(Record(2, 57, 78) + "\n");

        Assert.Equal("It appealed at once.", Assert.Single(EventAnnotations.Read(annotations, null, bbcDirectory: bbc)).Text);
    }

    [Fact]
    public void Read_NoCorpusFolders_SkipsBbcRecords()
    {
        var (annotations, _, _) = Write(Record(0, 0, 21) + "\n");

        Assert.Empty(EventAnnotations.Read(annotations, null));
    }

    [Fact]
    public void Read_BbcFolderMissing_ThrowsFileNotFoundNamingTheFolder()
    {
        var (annotations, conll, bbc) = Write(Record(0, 0, 21) + "\n", writeBbc: false);

        var e = Assert.Throws<FileNotFoundException>(() => EventAnnotations.Read(annotations, conll));

        Assert.Contains(bbc, e.Message, StringComparison.Ordinal);
        Assert.Contains("missing", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_BbcDocumentNotThere_ThrowsFileNotFoundNamingTheDocument()
    {
        var (annotations, conll, _) = Write(Record(0, 0, 21).Replace("123.txt", "999.txt", StringComparison.Ordinal) + "\n");

        var e = Assert.Throws<FileNotFoundException>(() => EventAnnotations.Read(annotations, conll));

        Assert.Contains("business/999.txt", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(40, 400, "span 40..400")]
    [InlineData(23, 23, "span 23..23")]
    public void Read_BbcSpanOutsideTheText_NamesFileLineAndSpan(int start, int end, string reason)
    {
        var (annotations, conll, _) = Write(Record(0, 0, 21) + "\n" + Record(1, start, end) + "\n");

        var e = Assert.Throws<InvalidDataException>(() => EventAnnotations.Read(annotations, conll));

        Assert.StartsWith(Path.Combine(annotations, "bbc.jsonl") + ":2: ", e.Message, StringComparison.Ordinal);
        Assert.Contains(reason, e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("../business/123.txt")]
    [InlineData("business/123.html")]
    public void Read_BbcDocumentOutsideTheFolderOrNotText_IsRejectedWithFileAndLine(string doc)
    {
        var (annotations, conll, _) = Write(Record(0, 0, 21).Replace("business/123.txt", doc, StringComparison.Ordinal) + "\n");

        var e = Assert.Throws<InvalidDataException>(() => EventAnnotations.Read(annotations, conll));

        Assert.Contains(":1: BBC document", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_BbcFileNotUtf8_SaysSoWithFileAndLine()
    {
        var bytes = Encoding.Latin1.GetBytes(Story);
        var (annotations, conll, _) = Write(Record(0, 0, 21) + "\n", bytes: bytes);

        var e = Assert.Throws<InvalidDataException>(() => EventAnnotations.Read(annotations, conll));

        Assert.Contains(":1: 'business/123.txt' is not UTF-8 text", e.Message, StringComparison.Ordinal);
    }
}
