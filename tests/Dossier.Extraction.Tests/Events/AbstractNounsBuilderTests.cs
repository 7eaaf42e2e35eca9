using Dossier.Extraction.Events;

namespace Dossier.Extraction.Tests.Events;

public sealed class AbstractNounsBuilderTests
{
    // Two sentences in GUM's CoNLL-U: entity brackets in MISC, the head of each mention is the token whose head is outside it.
    private const string Document = """
        # text = The plan angered the village.
        1	The	the	DET	DT	_	2	det	_	Entity=(1-abstract-new-nnnnn-cf1-2-sgl
        2	plan	plan	NOUN	NN	_	3	nsubj	_	Entity=1)
        3	angered	anger	VERB	VBD	_	0	root	_	_
        4	the	the	DET	DT	_	5	det	_	Entity=(2-place-new-nnnnn-cf2-2-sgl
        5	village	village	NOUN	NN	_	3	obj	_	Entity=2)

        # text = The fisherman met the plan.
        1	The	the	DET	DT	_	2	det	_	Entity=(5-person-new-nnnnn-cf3-2-sgl
        2	fisherman	fisherman	NOUN	NN	_	3	nsubj	_	Entity=5)
        3	met	meet	VERB	VBD	_	0	root	_	_
        4	the	the	DET	DT	_	5	det	_	Entity=(6-abstract-new-nnnnn-cf1-2-sgl
        5	plan	plan	NOUN	NN	_	3	obj	_	Entity=6)

        # text = A fisherman and the village.
        1	A	a	DET	DT	_	2	det	_	Entity=(7-person-new-nnnnn-cf3-2-sgl
        2	fisherman	fisherman	NOUN	NN	_	0	root	_	Entity=7)
        3	and	and	CCONJ	CC	_	5	cc	_	_
        4	the	the	DET	DT	_	5	det	_	Entity=(8-person-new-nnnnn-cf2-2-sgl
        5	village	village	NOUN	NN	_	2	conj	_	Entity=8)

        # text = A new plan and the village.
        1	A	a	DET	DT	_	3	det	_	Entity=(3-abstract-new-nnnnn-cf1-3-sgl
        2	new	new	ADJ	JJ	_	3	amod	_	_
        3	plan	plan	NOUN	NN	_	0	root	_	Entity=3)
        4	and	and	CCONJ	CC	_	6	cc	_	_
        5	the	the	DET	DT	_	6	det	_	Entity=(4-abstract-new-nnnnn-cf2-2-sgl
        6	village	village	NOUN	NN	_	3	conj	_	Entity=4)

        """;

    [Fact]
    public void Build_NounMostlyAbstract_Listed_PlaceNounNot()
    {
        var dir = Directory.CreateTempSubdirectory("abstract-nouns-");
        try
        {
            File.WriteAllText(Path.Combine(dir.FullName, "GUM_news_a.conllu"), Document.Replace("\r\n", "\n", StringComparison.Ordinal));
            var output = Path.Combine(dir.FullName, "out.tsv");
            var (documents, nouns) = AbstractNounsBuilder.Build(dir.FullName, new HashSet<string>(), output);
            var words = File.ReadAllLines(output).Where(l => !l.StartsWith('#')).ToList();
            Assert.Equal(1, documents);
            Assert.Equal(["plan"], words);
            Assert.Equal(1, nouns);
        }
        finally
        {
            dir.Delete(true);
        }
    }

    [Fact]
    public void Build_PersonType_ListsTheNounMostlyPerson_NotTheMixedOne()
    {
        var dir = Directory.CreateTempSubdirectory("person-nouns-");
        try
        {
            File.WriteAllText(Path.Combine(dir.FullName, "GUM_news_a.conllu"), Document.Replace("\r\n", "\n", StringComparison.Ordinal));
            var output = Path.Combine(dir.FullName, "out.tsv");
            var (_, nouns) = AbstractNounsBuilder.Build(dir.FullName, new HashSet<string>(), output, AbstractNounsBuilder.Person);
            var words = File.ReadAllLines(output).Where(l => !l.StartsWith('#')).ToList();
            Assert.Equal(["fisherman"], words);
            Assert.Equal(1, nouns);
        }
        finally
        {
            dir.Delete(true);
        }
    }

    [Fact]
    public void Build_ExcludedDocument_NotRead()
    {
        var dir = Directory.CreateTempSubdirectory("abstract-nouns-");
        try
        {
            File.WriteAllText(Path.Combine(dir.FullName, "GUM_news_a.conllu"), Document.Replace("\r\n", "\n", StringComparison.Ordinal));
            var output = Path.Combine(dir.FullName, "out.tsv");
            var (documents, nouns) = AbstractNounsBuilder.Build(dir.FullName, new HashSet<string> { "GUM_news_a" }, output);
            Assert.Equal(0, documents);
            Assert.Equal(0, nouns);
        }
        finally
        {
            dir.Delete(true);
        }
    }
}
