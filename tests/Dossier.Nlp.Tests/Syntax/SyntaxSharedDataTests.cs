using Dossier.Nlp.Syntax;
using Dossier.Testing;

namespace Dossier.Nlp.Tests.Syntax;

public sealed class SyntaxSharedDataTests
{
    [SkippableFact]
    public void ShippedModel_EwtDev_MeetsTheBar()
    {
        var dev = SharedData.Require("data/ud-ewt/en_ewt-ud-dev.conllu");
        var models = Path.Combine(SharedData.RepositoryRoot, "models");
        Skip.IfNot(File.Exists(Path.Combine(models, SyntaxModel.ParserFileName)), "models/ has no syntax models yet");
        var model = SyntaxModel.Load(models);
        var scores = SyntaxEvaluator.Evaluate(model, dev);
        Assert.True(scores.Words > 25_000, $"{scores.Words} words");
        Assert.True(scores.Upos >= 0.95, $"UPOS {scores.Upos:F4}");
        Assert.True(scores.Las >= 0.80, $"LAS {scores.Las:F4}");
        Assert.True(scores.Lemma >= 0.95, $"Lemma {scores.Lemma:F4}");
    }

    [SkippableFact]
    public void ShippedModel_EwtDevSentences_AreWellFormedTrees()
    {
        var dev = SharedData.Require("data/ud-ewt/en_ewt-ud-dev.conllu");
        var models = Path.Combine(SharedData.RepositoryRoot, "models");
        Skip.IfNot(File.Exists(Path.Combine(models, SyntaxModel.ParserFileName)), "models/ has no syntax models yet");
        var model = SyntaxModel.Load(models);
        var sentences = ConlluReader.ReadFile(dev).Take(300).Select(s => s.Words.Select(w => w.Form).ToArray()).ToList();
        var text = string.Join('\n', sentences.Select(s => string.Join(' ', s)));
        var document = SyntaxModelTests.Tokenize(text, sentences);
        var result = new SyntaxStage(model).Process(document);
        OffsetAssert.Valid(result);
        SyntaxModelTests.AssertTrees(result);
    }
}
