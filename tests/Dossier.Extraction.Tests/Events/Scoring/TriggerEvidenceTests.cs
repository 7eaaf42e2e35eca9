using Dossier.Core.Documents;
using Dossier.Extraction.Events.Scoring;

namespace Dossier.Extraction.Tests.Events.Scoring;

/// <summary>What the trigger model says of an event's trigger reaches the event scorer as features, and goes no further.</summary>
public sealed class TriggerEvidenceTests
{
    private const string Sentence = "The rebels ambushed an army convoy near the border on Tuesday.";

    [Fact]
    public void AnalyseWithTriggers_RuleOrProposedEvent_CarriesTheModelsReading()
    {
        var doc = EventFixture.AnalyseWithTriggers(Sentence);

        var e = Assert.Single(doc.Events, x => x.Trigger.Text == "ambushed");
        Assert.NotNull(e.TriggerEvidence);
        Assert.InRange(e.TriggerEvidence!.Eventful, 0, 1);
        Assert.True(e.TriggerEvidence.TypeIsBest);
    }

    [Fact]
    public void Features_EventWithEvidence_NameOriginBestTypeAndEventfulBucket()
    {
        var doc = EventFixture.AnalyseWithTriggers(Sentence);
        var e = doc.Events.First(x => x.Trigger.Text == "ambushed");

        var rules = EventFeatures.Of(new DependencyTree(doc), e with { TriggerEvidence = new TriggerEvidence(true, false, 0.91) });
        var model = EventFeatures.Of(new DependencyTree(doc), e with { TriggerEvidence = new TriggerEvidence(false, true, 0.1) });

        Assert.Contains("origin=rules", rules);
        Assert.Contains("bestType=False", rules);
        Assert.Contains("eventful=4", rules);
        Assert.Contains("origin=model", model);
        Assert.Contains("bestType=True", model);
        Assert.Contains("eventful=0", model);
    }

    [Fact]
    public void Features_EventWithoutEvidence_SayTheModelDidNotReadIt()
    {
        var doc = EventFixture.AnalyseWithTriggers(Sentence);
        var e = doc.Events.First(x => x.Trigger.Text == "ambushed") with { TriggerEvidence = null };

        var features = EventFeatures.Of(new DependencyTree(doc), e);

        Assert.Contains("origin=unread", features);
        Assert.DoesNotContain(features, f => f.StartsWith("eventful=", StringComparison.Ordinal));
    }

    [Fact]
    public void Rescore_EventsWithEvidence_ClearsItAndSetsConfidence()
    {
        var doc = EventFixture.AnalyseWithTriggers(Sentence);

        var scored = EventScorer.Default.Rescore(new DependencyTree(doc), doc.Events).ToList();

        Assert.NotEmpty(scored);
        Assert.All(scored, e => Assert.Null(e.TriggerEvidence));
        Assert.All(scored, e => Assert.InRange(e.Confidence, 0, 1));
    }
}
