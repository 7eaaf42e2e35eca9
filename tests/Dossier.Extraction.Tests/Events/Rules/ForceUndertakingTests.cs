using static Dossier.Extraction.Tests.Events.Rules.RuleFixture;

namespace Dossier.Extraction.Tests.Events.Rules;

/// <summary>Undertakings of force: a light verb with a frame noun aimed against an actor, and bodies of an actor as subjects.</summary>
public sealed class ForceUndertakingTests
{
    [Fact]
    public void Process_LaunchedAnOperationAgainstAnActor_OneAssaultOnTheNoun()
    {
        var doc = Run("Gondor launched an operation against Mordor on Friday.", Gondor, Mordor);
        var e = Single(doc, "ASSAULT");
        Assert.Equal("operation", e.Trigger.Text);
        Assert.Contains(e.Source, a => a.Country == "GND");
        Assert.Contains(e.Target, a => a.Country == "MOR");
        Assert.False(doc.Events.Any(x => x.Trigger.Text == "launched"), EventFixture.Dump(doc));
    }

    [Fact]
    public void Process_OperationAimedAtNoActor_NoAssault()
    {
        var doc = Run("Gondor launched an operation to rebuild the old bridge.", Gondor);
        Assert.False(doc.Events.Any(x => x.Type == "ASSAULT"), EventFixture.Dump(doc));
    }

    [Fact]
    public void Process_BodyOfAnActorAsSubject_Acts()
    {
        var doc = Run("Army units attacked Mordor on Tuesday.", Mordor);
        Assert.Contains(Single(doc, "ASSAULT").Target, a => a.Country == "MOR");
    }

    [Fact]
    public void Process_EndedAnActOfForce_DeEscalationNotAssault()
    {
        var doc = Run("Mordor agreed on Friday to end the fighting with Gondor.", Mordor, Gondor);
        Assert.False(doc.Events.Any(x => x.Type == "ASSAULT"), EventFixture.Dump(doc));
        var e = Single(doc, "RETREAT");
        Assert.Equal("fighting", e.Trigger.Text);
        Assert.Contains(e.Source, a => a.Country == "MOR");
    }

    [Fact]
    public void Process_ForceNotEnded_StaysAssault()
    {
        var doc = Run("Mordor began the fighting with Gondor on Friday.", Mordor, Gondor);
        Assert.False(doc.Events.Any(x => x.Type == "RETREAT"), EventFixture.Dump(doc));
    }
}
