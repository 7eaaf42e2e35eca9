using static Dossier.Extraction.Tests.Events.Rules.RuleFixture;

namespace Dossier.Extraction.Tests.Events.Rules;

/// <summary>A plan reported as put off or called off (issue 19): the planned act's status is postponed or cancelled.</summary>
public sealed class ChangeOfPlanTests
{
    [Fact]
    public void Process_TalksWerePostponed_TalksPostponed()
    {
        var doc = Run("The talks between Gondor and Rohan were postponed until the spring.", Gondor, Rohan);
        Assert.Equal("postponed", Triggered(doc, "talks").Status);
    }

    [Fact]
    public void Process_CalledOffItsVisit_VisitCancelled()
    {
        var doc = Run("Gondor called off its visit to Rohan.", Gondor, Rohan);
        Assert.Equal("cancelled", Triggered(doc, "visit").Status);
    }

    [Fact]
    public void Process_TalksHeldWithoutAChangeOfPlan_TalksOccurred()
    {
        var doc = Run("The talks between Gondor and Rohan were held in the spring.", Gondor, Rohan);
        Assert.Equal("occurred", Triggered(doc, "talks").Status);
    }

    [Fact]
    public void Process_VerbPostponesTalks_NoEventOnTheVerb()
    {
        var doc = Run("Gondor and Rohan postponed their talks until the spring.", Gondor, Rohan);
        Assert.Equal("postponed", Triggered(doc, "talks").Status);
        Assert.DoesNotContain(doc.Events, e => e.Trigger.Text == "postponed");
    }

    [Fact]
    public void Process_CalledOffAVisit_NoEventOnTheVerb()
    {
        var doc = Run("Gondor called off its visit to Rohan.", Gondor, Rohan);
        Assert.DoesNotContain(doc.Events, e => e.Trigger.Text == "called");
    }

    [Fact]
    public void Process_PassiveCancellation_NoEventOnTheVerb()
    {
        var doc = Run("The summit between Gondor and Rohan was cancelled.", Gondor, Rohan);
        Assert.Equal("cancelled", Triggered(doc, "summit").Status);
        Assert.DoesNotContain(doc.Events, e => e.Trigger.Text == "cancelled");
    }

    [Fact]
    public void Process_RejectedAnOffer_RejectionStaysAnAct()
    {
        var doc = Run("Gondor rejected the offer from Rohan.", Gondor, Rohan);
        var e = Triggered(doc, "rejected");
        Assert.Equal("REJECT", e.Type);
        Assert.Equal("occurred", e.Status);
    }
}
