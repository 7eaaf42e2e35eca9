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
}
