using Dossier.Extraction.Places;

namespace Dossier.Extraction.Tests.Places;

/// <summary>The LOC mentions of a Universal NER file (<see cref="UnerLocations"/>), on a sample of our own.</summary>
public sealed class UnerLocationsTests
{
    private const string Sample = """
        # newdoc id = doc-a
        # sent_id = doc-a-0001
        # text = We drove from Port Ellen to Glasgow .
        1	We	O	-	-
        2	drove	O	-	-
        3	from	O	-	-
        4	Port	B-LOC	-	-
        5	Ellen	I-LOC	-	-
        6	to	O	-	-
        7	Glasgow	B-LOC	-	-
        8	.	O	-	-

        # sent_id = doc-a-0002
        # text = Glasgow was wet .
        1	Glasgow	B-LOC	-	-
        2	was	O	-	-
        3	wet	O	-	-
        4	.	O	-	-

        # newdoc id = doc-b
        # sent_id = doc-b-0001
        # text = Ann met Bob .
        1	Ann	B-PER	-	-
        2	met	O	-	-
        3	Bob	B-PER	-	-
        4	.	O	-	-

        """;

    [Fact]
    public void Read_TwoDocuments_LocSpansBySentenceAndWord()
    {
        var docs = UnerLocations.Read(new StringReader(Sample), "sample");

        Assert.Equal(["doc-a", "doc-b"], docs.Keys.Order());
        var (spans, words) = docs["doc-a"];
        Assert.Equal(2, words.Count);
        Assert.Equal([new UnerSpan(0, 3, 5, "Port_Ellen"), new UnerSpan(0, 6, 7, "Glasgow"), new UnerSpan(1, 0, 1, "Glasgow")], spans);
        Assert.Empty(docs["doc-b"].Spans);
    }

    [Fact]
    public void Read_WordsBeforeAnyDocument_IsAFormatError()
    {
        var e = Assert.Throws<FormatException>(() => UnerLocations.Read(new StringReader("1\tGlasgow\tB-LOC\t-\t-\n\n"), "sample"));
        Assert.Contains("sample:", e.Message, StringComparison.Ordinal);
    }
}

/// <summary>The dev3 / heldout3 lines of the places gold against the Universal NER file in ../shared.</summary>
public sealed class EwtPlacesGoldTests
{
    [SkippableFact]
    public void Gold_EwtSplits_EveryLineNamesALocMentionOfItsDocument()
    {
        var uner = UnerLocations.ReadFile(Dossier.Testing.SharedData.Require("data/uner/en_ewt-ud-dev.iob2"));
        var lines = File.ReadLines(PlaceEvaluator.DefaultGoldFile()).Select(l => l.Split('\t'))
            .Where(c => c[0] is "dev3" or "heldout3").ToList();

        Assert.True(lines.Count > 200, $"{lines.Count} lines");
        foreach (var c in lines)
        {
            Assert.True(uner.TryGetValue(c[1], out var doc), $"{c[1]} is no document of UNER");
            Assert.Contains(doc.Spans, s => s.Key == c[2]);
        }

        // Split by document: no document in both.
        Assert.Empty(lines.Where(c => c[0] == "dev3").Select(c => c[1]).Intersect(lines.Where(c => c[0] == "heldout3").Select(c => c[1])));
    }
}
