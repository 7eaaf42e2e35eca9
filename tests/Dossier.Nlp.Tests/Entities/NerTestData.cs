using System.IO.Compression;
using System.Text;
using Dossier.Core.Documents;
using Dossier.Nlp.Entities;
using Dossier.Nlp.Tokenization;
using Dossier.Testing;

namespace Dossier.Nlp.Tests.Entities;

/// <summary>A tiny hand-written CoNLL corpus and gazetteer, the shipped model, and a helper that runs the stages.</summary>
internal static class NerTestData
{
    /// <summary>Hand-written sentences in CoNLL-2003 layout (IOB1 in the first document, IOB2 in the second).</summary>
    public const string Conll = """
        -DOCSTART- -X- -X- O

        Anna NNP B-NP I-PER
        Berg NNP I-NP I-PER
        visited VBD B-VP O
        Oslo NNP B-NP I-LOC
        . . O O

        Tomas NNP B-NP I-PER
        Lind NNP I-NP I-PER
        joined VBD B-VP O
        Nordbank NNP B-NP I-ORG
        in IN B-PP O
        Oslo NNP B-NP I-LOC
        . . O O

        -DOCSTART- -X- -X- O

        Nordbank NNP B-NP B-ORG
        hired VBD B-VP O
        Anna NNP B-NP B-PER
        Berg NNP I-NP I-PER
        from IN B-PP O
        Bergen NNP B-NP B-LOC
        . . O O

        Norwegian JJ B-NP B-MISC
        banks NNS I-NP O
        grew VBD B-VP O
        . . O O

        """;

    public const string Gazetteer = "# test\nBergen\tCITY\tNOR\t285000\nNorway\tCOUNTRY\tNOR\t0\nNorwegian\tDEMONYM\tNOR\t0\nOslo\tCAPITAL\tNOR\t700000\n# end 4\n";

    private static readonly Lazy<NerModel> ShippedModel = new(() => NerModel.Load(ModelsDirectory));

    private static readonly TokenizationStage Tokens = new();

    public static string ModelsDirectory => Path.Combine(SharedData.RepositoryRoot, "models");

    public static NerModel Shipped => ShippedModel.Value;

    public static NerTrainingOptions TinyOptions(string gazetteer) => new() { Iterations = 6, HashBits = 16, NameListFolds = 2, GazetteerPath = gazetteer };

    /// <summary>A temporary data directory holding conll2003/eng.train.txt and a gazetteer at gazetteer.tsv.gz.</summary>
    public static string WriteTinyData()
    {
        var root = Path.Combine(Path.GetTempPath(), "dossier-ner-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path.Combine(root, "conll2003"));
        File.WriteAllText(Path.Combine(root, "conll2003", "eng.train.txt"), Conll);
        using (var file = File.Create(Path.Combine(root, "gazetteer.tsv.gz")))
        using (var gzip = new GZipStream(file, CompressionLevel.Optimal))
        {
            gzip.Write(Encoding.UTF8.GetBytes(Gazetteer));
        }

        return root;
    }

    public static Document Analyse(NerModel model, string text)
    {
        var doc = Tokens.Process(new Document(text, new DocumentMetadata(null, "test", null)));
        var result = new EntityRecognitionStage(model).Process(doc);
        OffsetAssert.Valid(result);
        return result;
    }

    public static Entity? Find(Document doc, string name) => doc.Names.FirstOrDefault(e => e.Name == name);
}
