using System.Collections.Immutable;
using Dossier.Core.Documents;
using Dossier.Nlp.Entities;

namespace Dossier.Nlp.Tests.Entities;

public sealed class NerEvaluatorTests
{
    private const string Iob2 = """
        # newdoc id = first
        # sent_id = first-1
        # text = we met Karin Holm in oslo yesterday.
        1	we	O	-	-
        2	met	O	-	-
        3	Karin	B-PER	-	-
        4	Holm	I-PER	-	-
        5	in	O	-	-
        6	oslo	B-LOC	-	-
        7	yesterday	O	-	-
        8	.	O	-	-

        # sent_id = first-2
        # text = Nordbank hired her
        1	Nordbank	B-ORG	-	-
        2	hired	O	-	-
        3	her	O	-	-

        # newdoc id = second
        # sent_id = second-1
        # text = ask Pia
        1	ask	O	-	-
        2	Pia	B-PER	-	-

        """;

    [Fact]
    public void ReadDocuments_UniversalNerIob2_SplitsDocumentsAndKeepsTextAndSpans()
    {
        var documents = Conll2003.ReadDocuments(new StringReader(Iob2));
        Assert.Equal(2, documents.Count);
        Assert.Equal(2, documents[0].Count);
        Assert.Equal("we met Karin Holm in oslo yesterday.", documents[0][0].Text);
        Assert.Equal([(2, 4, NerTags.ClassIndex("PER")), (5, 6, NerTags.ClassIndex("LOC"))], documents[0][0].Spans);
        Assert.Equal(["ask", "Pia"], documents[1][0].Words);
    }

    [Fact]
    public void ReadDocuments_Conll2003_HasNoText()
    {
        var documents = Conll2003.ReadDocuments(new StringReader(NerTestData.Conll));
        Assert.Equal(2, documents.Count);
        Assert.Null(documents[0][0].Text);
    }

    [Fact]
    public void RawText_Iob2Document_WordsPointIntoTheText()
    {
        var documents = Conll2003.ReadDocuments(new StringReader(Iob2));
        var starts = new List<int>();
        var ends = new List<int>();
        var text = NerEvaluator.RawText(documents[0], starts, ends);
        var words = documents[0].SelectMany(s => s.Words).ToList();
        Assert.Equal(words.Count, starts.Count);
        for (var i = 0; i < words.Count; i++) Assert.Equal(words[i], text[starts[i]..ends[i]]);
    }

    [Fact]
    public void EvaluateProduct_NamesAtTheGoldOffsets_ScoreExactAndWrongSpansApart()
    {
        var documents = Conll2003.ReadDocuments(new StringReader(Iob2));

        // A stand-in analysis: the right person, a place one word too long, the right company typed as a person, a nationality (not scored).
        static Document Analyse(Document d)
        {
            Entity Name(string text, string type, int occurrence = 0)
            {
                var at = -1;
                for (var i = 0; i <= occurrence; i++) at = d.Text.IndexOf(text, at + 1, StringComparison.Ordinal);
                return new Entity("e", text, type) { Mentions = [new Mention(at, at + text.Length, text, 0)] };
            }

            if (d.Text.StartsWith("ask", StringComparison.Ordinal)) return d with { Names = [Name("Pia", "PERSON")] };
            return d with { Names = ImmutableArray.Create(Name("Karin Holm", "PERSON"), Name("oslo yesterday", "GPE"), Name("Nordbank", "PERSON"), Name("we", "NORP")) };
        }

        var scores = NerEvaluator.EvaluateProduct(Analyse, documents);
        Assert.Equal(["LOC", "ORG", "PER"], scores.PerType.Keys);
        Assert.Equal(2.0 / 4, scores.Precision, 6);
        Assert.Equal(2.0 / 4, scores.Recall, 6);
        Assert.Equal(1.0, scores.PerType["PER"].Recall, 6);
        Assert.Equal(0, scores.PerType["LOC"].Recall, 6);
        Assert.Equal(13, scores.Words);
    }
}
