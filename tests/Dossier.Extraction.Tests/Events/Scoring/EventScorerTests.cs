using Dossier.Core.Data;
using Dossier.Extraction.Events.Scoring;

namespace Dossier.Extraction.Tests.Events.Scoring;

/// <summary>The learned scorer on synthetic features: monotone in its weights, calibrated on data it can represent,
/// deterministic, and its file format.</summary>
public sealed class EventScorerTests
{
    /// <summary>100 examples with "cue" (80 right) and 100 without (20 right), plus a noise feature on every other one.</summary>
    private static List<ScorerExample> Synthetic()
    {
        var examples = new List<ScorerExample>();
        for (var i = 0; i < 200; i++)
        {
            var cue = i < 100;
            var right = cue ? i % 10 < 8 : i % 10 < 2;
            var features = new List<string> { "type=X" };
            if (cue) features.Add("cue");
            if (i % 2 == 0) features.Add("noise");
            examples.Add(new ScorerExample(features, right));
        }

        return examples;
    }

    private static EventScorer Fit(List<ScorerExample> examples)
    {
        var fit = LogisticRegression.Train(examples, 0.001);
        var scorer = new EventScorer(fit.Weights, fit.Bias, 1, 0, 0);
        var (a, b) = LogisticRegression.Platt(examples.Select(x => scorer.Raw(x.Features)).ToList(), examples.Select(x => x.Label).ToList());
        return new EventScorer(fit.Weights, fit.Bias, a, b, 0.5);
    }

    [Fact]
    public void Score_FeatureWithPositiveWeight_RaisesTheProbability()
    {
        var scorer = new EventScorer(new Dictionary<string, double> { ["good"] = 1.5, ["bad"] = -2 }, 0.1, 1.2, -0.3, 0.5);

        var plain = scorer.Score(["other"]);

        Assert.True(scorer.Score(["good"]) > plain);
        Assert.True(scorer.Score(["bad"]) < plain);
        Assert.True(scorer.Score(["good", "bad"]) < scorer.Score(["good"]));
        Assert.InRange(scorer.Score(["good"]), 0, 1);
    }

    [Fact]
    public void Weight_KnownAndUnknownFeature_ItsWeightOrZero()
    {
        var scorer = new EventScorer(new Dictionary<string, double> { ["good"] = 1.5 }, 0.1, 1, 0, 0.5);

        Assert.Equal(1.5, scorer.Weight("good"));
        Assert.Equal(0, scorer.Weight("unheard"));
    }

    [Fact]
    public void Train_SyntheticFeatures_ProbabilitiesMatchObservedRates()
    {
        var scorer = Fit(Synthetic());

        Assert.InRange(scorer.Score(["type=X", "cue"]), 0.72, 0.88);
        Assert.InRange(scorer.Score(["type=X"]), 0.12, 0.28);
        Assert.True(scorer.Score(["type=X", "cue"]) > scorer.Score(["type=X"]));
    }

    [Fact]
    public void Train_SameExamples_SameWeights()
    {
        var one = LogisticRegression.Train(Synthetic(), 0.003);
        var two = LogisticRegression.Train(Synthetic(), 0.003);

        Assert.Equal(one.Bias, two.Bias);
        Assert.Equal(one.Weights.OrderBy(p => p.Key, StringComparer.Ordinal), two.Weights.OrderBy(p => p.Key, StringComparer.Ordinal));
    }

    [Fact]
    public void Platt_OneClassOnly_LeavesScoresAsTheyAre()
    {
        Assert.Equal((1.0, 0.0), LogisticRegression.Platt([0.5, 1.5], [true, true]));
    }

    [Fact]
    public void SaveThenLoad_RoundTrip_SameScores()
    {
        var scorer = Fit(Synthetic());
        var path = Path.Combine(Path.GetTempPath(), "dossier-scorer-" + Guid.NewGuid().ToString("N") + ".tsv");
        try
        {
            scorer.Save(path, ["test model"]);
            var loaded = EventScorer.Load(path);

            Assert.Equal(scorer.Score(["type=X", "cue"]), loaded.Score(["type=X", "cue"]), 5);
            Assert.Equal(0.5, loaded.MinConfidence);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Load_BadNumber_NamesFileAndLine()
    {
        var path = Path.Combine(Path.GetTempPath(), "dossier-scorer-" + Guid.NewGuid().ToString("N") + ".tsv");
        try
        {
            File.WriteAllText(path, "# header\n@bias\t0\nlemma=meet\tnot-a-number\n");

            var e = Assert.Throws<DataFileException>(() => EventScorer.Load(path));

            Assert.Contains(":3:", e.Message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Default_ShippedModel_LoadsWithAThresholdBetweenZeroAndOne()
    {
        var scorer = EventScorer.Default;

        Assert.True(scorer.FeatureCount > 0);
        Assert.InRange(scorer.MinConfidence, 0, 1);
    }
}
