using Dossier.Nlp.Tokenization;
using Dossier.Testing;
using Xunit.Abstractions;

namespace Dossier.Nlp.Tests.Tokenization;

public class TokenizationEvaluatorTests(ITestOutputHelper output)
{
    private const string Sample = """
        # newdoc id = d1
        # sent_id = 1
        # newpar id = p1
        # text = I can't go.
        1	I	I	PRON	PRP	_	3	nsubj	_	_
        2-3	can't	_	_	_	_	_	_	_	_
        2	ca	can	AUX	MD	_	4	aux	_	_
        3	n't	not	PART	RB	_	4	advmod	_	_
        4	go	go	VERB	VB	_	0	root	_	SpaceAfter=No
        5	.	.	PUNCT	.	_	4	punct	_	_

        # sent_id = 2
        # text = It rained.
        1	It	it	PRON	PRP	_	2	nsubj	_	_
        2	rained	rain	VERB	VBD	_	0	root	_	SpaceAfter=No
        3	.	.	PUNCT	.	_	2	punct	_	_

        # newdoc id = d2
        # sent_id = 3
        # text = Wow vs.
        1	Wow	wow	INTJ	UH	_	0	root	_	_
        2	vs.	vs.	ADP	IN	_	1	dep	_	_

        """;

    [Fact]
    public void Evaluate_SmallTreebank_ScoresWordsAndSentences()
    {
        var path = Path.GetTempFileName();
        try
        {
            File.WriteAllText(path, Sample.ReplaceLineEndings("\n"));
            var scores = new TokenizationEvaluator { TimingBudget = TimeSpan.Zero }.Evaluate(path);

            // Gold words: I ca n't go . | It rained . | Wow vs.  = 10; all predicted exactly.
            Assert.Equal(10, scores.GoldTokens);
            Assert.Equal(3, scores.GoldSentences);
            Assert.Equal(1.0, scores.TokenF1, 6);
            Assert.Equal(1.0, scores.SentenceF1, 6);
            Assert.True(scores.CharactersPerSecond > 0);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Evaluate_MultiwordFormsNotInText_UsesSurfaceSpan()
    {
        var conllu = """
            # newdoc id = d1
            # text = Ill go
            1-2	Ill	_	_	_	_	_	_	_	_
            1	I	I	PRON	PRP	_	3	nsubj	_	_
            2	will	will	AUX	MD	_	3	aux	_	_
            3	go	go	VERB	VB	_	0	root	_	_

            """;
        var path = Path.GetTempFileName();
        try
        {
            File.WriteAllText(path, conllu.ReplaceLineEndings("\n"));
            var scores = new TokenizationEvaluator { TimingBudget = TimeSpan.Zero }.Evaluate(path);

            // "I" + "will" are not substrings of "Ill", so the gold is the surface token "Ill" plus "go".
            Assert.Equal(2, scores.GoldTokens);
            Assert.Equal(1.0, scores.TokenRecall, 6);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Evaluate_MissingFile_Throws()
    {
        Assert.ThrowsAny<IOException>(() => new TokenizationEvaluator().Evaluate(Path.Combine(Path.GetTempPath(), "no-such-file-" + Guid.NewGuid() + ".conllu")));
    }

    [SkippableFact]
    public void Evaluate_EwtDev_MeetsTheBar()
    {
        var path = SharedData.Require("data/ud-ewt/en_ewt-ud-dev.conllu");
        var scores = new TokenizationEvaluator().Evaluate(path);
        output.WriteLine(scores.ToString());
        Assert.Equal(25147, scores.GoldTokens);
        Assert.Equal(2001, scores.GoldSentences);
        Assert.True(scores.TokenF1 >= 0.98, $"token F1 {scores.TokenF1:F4} < 0.98");
        Assert.True(scores.SentenceF1 >= 0.85, $"sentence F1 {scores.SentenceF1:F4} < 0.85");
    }
}
