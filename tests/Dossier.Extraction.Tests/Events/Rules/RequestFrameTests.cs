using static Dossier.Extraction.Tests.Events.Rules.RuleFixture;

namespace Dossier.Extraction.Tests.Events.Rules;

public sealed class RequestFrameTests
{
    [Fact]
    public void Process_UrgedToCooperate_OneRequestNoCooperation()
    {
        var doc = Run("Arnor urged Mordor to cooperate with the inquiry.", Arnor, Mordor);
        Assert.False(doc.Events.Any(e => e.Type == "COOPERATE"), EventFixture.Dump(doc));
        var e = Single(doc, "REQUEST");
        Assert.Equal("ARN", Assert.Single(e.Source).Country);
        Assert.Equal("MOR", Assert.Single(e.Target).Country);
        Assert.StartsWith("COOPERATE/", e.Attributes["requested"], StringComparison.Ordinal);
    }

    [Fact]
    public void Process_AskedToSendTroops_VerbWithoutCodeStillRequest()
    {
        var doc = Run("Gondor asked Rohan to send its riders.", Gondor, Rohan);
        var e = Single(doc, "REQUEST");
        Assert.Equal("asked", e.Trigger.Text);
        Assert.Equal("ROH", Assert.Single(e.Target).Country);
        Assert.False(doc.Events.Any(x => x.Trigger.Text == "send"), EventFixture.Dump(doc));
    }

    [Fact]
    public void Process_MilitaryOperationAgainstGroup_AssaultNotCooperation()
    {
        var doc = Run("The Gondor army launched a military operation against the rebels in Ithilien.", Gondor);
        Assert.False(doc.Events.Any(e => e.Type == "COOPERATE"), EventFixture.Dump(doc));
        Assert.True(doc.Events.Any(e => e.Type == "ASSAULT" && e.Target.Any(a => Names(a, "rebels"))), EventFixture.Dump(doc));
    }
}
