using Dossier.Core.Documents;

namespace Dossier.Extraction.Tests.Events;

/// <summary>
/// A change of plan through the whole analysis with the shipped trigger model (issue 19): the verb that puts off or
/// calls off a plan gives the planned act its status and is no event of its own, whichever coder would propose one;
/// a verb of rejecting that is a real act stays one.
/// </summary>
public sealed class ChangeOfPlanPipelineTests
{
    [Fact]
    public void AnalyseWithTriggers_MinistersPostponedTalks_TalksPostponedAndNoEventOnTheVerb()
    {
        var doc = EventFixture.AnalyseWithTriggers("The two ministers postponed their talks until March.");
        Assert.Contains(doc.Events, e => e.Trigger.Text == "talks" && e.Status == "postponed");
        Assert.False(doc.Events.Any(e => e.Trigger.Text == "postponed"), Dump(doc));
    }

    [Fact]
    public void AnalyseWithTriggers_CompanyCalledOffVote_NoEventOnTheVerb()
    {
        var doc = EventFixture.AnalyseWithTriggers("The company called off the merger vote.");
        Assert.False(doc.Events.Any(e => e.Trigger.Text is "called" or "off"), Dump(doc));
    }

    [Fact]
    public void AnalyseWithTriggers_GovernmentScrappedTheSummit_SummitCancelledAndNoEventOnTheVerb()
    {
        var doc = EventFixture.AnalyseWithTriggers("The French government scrapped next week's summit with Italy.");
        Assert.False(doc.Events.Any(e => e.Trigger.Text == "scrapped"), Dump(doc));
        Assert.Contains(doc.Events, e => e.Trigger.Text == "summit" && e.Status == "cancelled");
    }

    [Fact]
    public void AnalyseWithTriggers_CourtRejectedTheAppeal_RejectionIsAnAct()
    {
        var doc = EventFixture.AnalyseWithTriggers("The court rejected the appeal.");
        Assert.True(doc.Events.Any(e => e.Trigger.Text == "rejected" && e.Type == "REJECT" && e.Status == "occurred"), Dump(doc));
    }

    private static string Dump(Document doc) => EventFixture.Dump(doc);
}
