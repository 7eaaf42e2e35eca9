using Dossier.Extraction.Events.Annotations;

namespace Dossier.Extraction.Tests.Events.Scoring;

/// <summary>TempEval-3 records (text not committed): the sentence is rebuilt from a small TimeML file written in the test,
/// by character offsets into the plain text of its TEXT element.</summary>
public sealed class TempEvalAnnotationsTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("dossier-tempeval-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    // Plain text of TEXT: "\nThe envoy <met> rebels &amp; elders.\nPolice\n   detained two men.\n"
    private const string TimeML = """
        <?xml version="1.0" ?>
        <TimeML>
        <DOCID>XYZ19990101.0001</DOCID>
        <DCT><TIMEX3 tid="t0" type="DATE" value="1999-01-01" functionInDocument="CREATION_TIME">19990101</TIMEX3></DCT>
        <TEXT>
        The envoy <EVENT eid="e1" class="OCCURRENCE">met</EVENT> rebels &amp; elders.
        Police
           <EVENT eid="e2" class="OCCURRENCE">detained</EVENT> two men.
        </TEXT>
        </TimeML>
        """;

    private (string Annotations, string Shared) Write(string records)
    {
        var shared = Directory.CreateDirectory(Path.Combine(_folder, "shared", "data")).FullName;
        Directory.CreateDirectory(Path.Combine(shared, "conll2003"));
        var timebank = Directory.CreateDirectory(Path.Combine(shared, "tempeval3", "TimeBank")).FullName;
        File.WriteAllText(Path.Combine(timebank, "XYZ19990101.0001.tml"), TimeML.Replace("\r\n", "\n", StringComparison.Ordinal));
        var annotations = Directory.CreateDirectory(Path.Combine(_folder, "events")).FullName;
        File.WriteAllText(Path.Combine(annotations, "tempeval.jsonl"), records);
        return (annotations, shared);
    }

    private static string Record(int sent, int start, int end, string events = "[]") =>
        $$"""{"corpus":"tempeval","doc":"TimeBank/XYZ19990101.0001.tml","sent":{{sent}},"start":{{start}},"end":{{end}},"split":"train","text":null,"events":{{events}},"note":null}""";

    [Fact]
    public void Read_TempEvalRecordsBesideConllFolder_RebuildsSentencesFromOffsetsWithTagsRemovedEntitiesDecodedAndSpacesCollapsed()
    {
        // "\nThe envoy met rebels & elders.\nPolice\n   detained two men.\n": sentence 0 is 1..31, sentence 1 is 32..60
        var (annotations, shared) = Write(Record(0, 1, 31, """[{"type":"CONSULT","trigger":"met","source":"The envoy","target":"rebels","status":"occurred"}]""") + "\n" + Record(1, 32, 60) + "\n");

        var sentences = EventAnnotations.Read(annotations, Path.Combine(shared, "conll2003"));

        Assert.Equal(["The envoy met rebels & elders.", "Police detained two men."], sentences.Select(s => s.Text));
        Assert.Equal("tempeval", sentences[0].Corpus);
        Assert.Equal("CONSULT", Assert.Single(sentences[0].Events).Type);
        Assert.Empty(sentences[1].Events);
    }

    [Fact]
    public void Read_TempEvalFolderGivenExplicitly_UsesItWithoutAConllFolder()
    {
        var (annotations, shared) = Write(Record(1, 32, 60) + "\n");

        var sentence = Assert.Single(EventAnnotations.Read(annotations, null, Path.Combine(shared, "tempeval3")));

        Assert.Equal("Police detained two men.", sentence.Text);
    }

    [Fact]
    public void Read_NoCorpusFolders_SkipsTempEvalRecords()
    {
        var (annotations, _) = Write(Record(1, 32, 60) + "\n");

        Assert.Empty(EventAnnotations.Read(annotations, null));
    }

    [Theory]
    [InlineData(40, 400, "span 40..400")]
    [InlineData(40, 40, "span 40..40")]
    public void Read_TempEvalSpanOutsideTheText_NamesFileLineAndSpan(int start, int end, string reason)
    {
        var (annotations, shared) = Write(Record(0, 1, 31) + "\n" + Record(1, start, end) + "\n");

        var e = Assert.Throws<InvalidDataException>(() => EventAnnotations.Read(annotations, Path.Combine(shared, "conll2003")));

        Assert.StartsWith(Path.Combine(annotations, "tempeval.jsonl") + ":2: ", e.Message, StringComparison.Ordinal);
        Assert.Contains(reason, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_TempEvalRecordWithoutOffsets_NamesTheMissingField()
    {
        var (annotations, shared) = Write("""{"corpus":"tempeval","doc":"TimeBank/XYZ19990101.0001.tml","sent":0,"split":"train","text":null,"events":[]}""" + "\n");

        var e = Assert.Throws<InvalidDataException>(() => EventAnnotations.Read(annotations, Path.Combine(shared, "conll2003")));

        Assert.Contains(":1: 'start' is missing", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_TempEvalDocumentNotThere_ThrowsFileNotFoundNamingTheDocument()
    {
        var (annotations, shared) = Write(Record(0, 1, 31).Replace("XYZ19990101.0001", "NOPE", StringComparison.Ordinal) + "\n");

        var e = Assert.Throws<FileNotFoundException>(() => EventAnnotations.Read(annotations, Path.Combine(shared, "conll2003")));

        Assert.Contains("TimeBank/NOPE.tml", e.Message, StringComparison.Ordinal);
    }
}
