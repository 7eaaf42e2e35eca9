using Dossier.Nlp.Entities;
using Dossier.Testing;

namespace Dossier.Nlp.Tests.Entities;

public sealed class NerSharedDataTests
{
    [SkippableFact]
    public void ShippedModel_ConllDev_ReachesF1Of088()
    {
        var dev = SharedData.Require("data/conll2003/eng.dev.txt");
        var scores = NerEvaluator.Evaluate(NerTestData.Shipped, dev);
        Assert.True(scores.F1 >= 0.88, $"dev F1 {scores.F1:P2}: {scores}");
        Assert.Equal(["LOC", "MISC", "ORG", "PER"], scores.PerType.Keys.Order(StringComparer.Ordinal));
        Assert.True(scores.PerType["PER"].F1 >= 0.85, scores.ToString());
        Assert.True(scores.Words > 50_000);
    }
}
