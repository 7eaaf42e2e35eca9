using Dossier.Nlp.Syntax;

namespace Dossier.Nlp.Tests.Syntax;

/// <summary>Hand-written CoNLL-U sentences and a model trained on them, shared by the syntax tests.</summary>
internal static class SyntaxTestData
{
    public const string Conllu = """
        # sent_id = t1
        # text = The minister met the rebels in Kabul.
        1	The	the	DET	DT	_	2	det	_	_
        2	minister	minister	NOUN	NN	_	3	nsubj	_	_
        3	met	meet	VERB	VBD	_	0	root	_	_
        4	the	the	DET	DT	_	5	det	_	_
        5	rebels	rebel	NOUN	NNS	_	3	obj	_	_
        6	in	in	ADP	IN	_	7	case	_	_
        7	Kabul	Kabul	PROPN	NNP	_	3	obl	_	_
        8	.	.	PUNCT	.	_	3	punct	_	_

        # sent_id = t2
        # text = Police arrested two men on Monday.
        1	Police	police	NOUN	NNS	_	2	nsubj	_	_
        2	arrested	arrest	VERB	VBD	_	0	root	_	_
        3	two	two	NUM	CD	_	4	nummod	_	_
        4	men	man	NOUN	NNS	_	2	obj	_	_
        5	on	on	ADP	IN	_	6	case	_	_
        6	Monday	Monday	PROPN	NNP	_	2	obl	_	_
        7	.	.	PUNCT	.	_	2	punct	_	_

        # sent_id = t3
        # text = The army attacked the village.
        1	The	the	DET	DT	_	2	det	_	_
        2	army	army	NOUN	NN	_	3	nsubj	_	_
        3	attacked	attack	VERB	VBD	_	0	root	_	_
        4	the	the	DET	DT	_	5	det	_	_
        5	village	village	NOUN	NN	_	3	obj	_	_
        6	.	.	PUNCT	.	_	3	punct	_	_

        # sent_id = t4
        # text = They don't negotiate.
        1-2	don't	_	_	_	_	_	_	_	_
        1	They	they	PRON	PRP	_	4	nsubj	_	_
        2	do	do	AUX	VBP	_	4	aux	_	_
        3	n't	not	PART	RB	_	4	advmod	_	_
        4	negotiate	negotiate	VERB	VB	_	0	root	_	_
        5	.	.	PUNCT	.	_	4	punct	_	_

        # sent_id = t5
        # text = Leaders signed a deal.
        1	Leaders	leader	NOUN	NNS	_	2	nsubj	_	_
        2	signed	sign	VERB	VBD	_	0	root	_	_
        3	a	a	DET	DT	_	4	det	_	_
        4	deal	deal	NOUN	NN	_	2	obj	_	_
        4.1	deal	deal	NOUN	NN	_	_	_	2:obj	_
        5	.	.	PUNCT	.	_	2	punct	_	_

        """;

    private static readonly Lazy<SyntaxModel> TinyModel = new(() =>
    {
        var sentences = ConlluReader.Read(new StringReader(Conllu), "tiny");
        return SyntaxTrainer.TrainModel(sentences, sentences, TextWriter.Null, TinyOptions);
    });

    public static SyntaxTrainingOptions TinyOptions { get; } = new() { TaggerIterations = 10, ParserIterations = 15, JackknifeFolds = 0, TaggerPrune = 0, ParserPrune = 0 };

    public static SyntaxModel Tiny => TinyModel.Value;

    /// <summary>A fresh temporary directory, deleted by the caller.</summary>
    public static string TempDirectory()
    {
        var dir = Path.Combine(Path.GetTempPath(), "dossier-syntax-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        return dir;
    }

    /// <summary>Writes the tiny corpus as {dir}/ud-ewt/en_ewt-ud-train.conllu and -dev.conllu.</summary>
    public static string WriteTinyDataDirectory()
    {
        var dir = TempDirectory();
        Directory.CreateDirectory(Path.Combine(dir, "ud-ewt"));
        File.WriteAllText(Path.Combine(dir, SyntaxTrainer.TrainFile), Conllu);
        File.WriteAllText(Path.Combine(dir, SyntaxTrainer.DevFile), Conllu);
        return dir;
    }
}
