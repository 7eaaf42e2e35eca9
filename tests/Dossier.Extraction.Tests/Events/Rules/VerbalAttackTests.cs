using static Dossier.Extraction.Tests.Events.Rules.RuleFixture;

namespace Dossier.Extraction.Tests.Events.Rules;

public sealed class VerbalAttackTests
{
    private static readonly Ent Denethor = new("Denethor", "PERSON", "GND");
    private static readonly Ent Saruman = new("Saruman", "PERSON", "ISE");

    [Fact]
    public void Process_AttackedInAnInterview_AccuseNotAssault()
    {
        var doc = Run("Denethor attacked Saruman in a radio interview on Sunday.", Denethor, Saruman);
        Assert.False(doc.Events.Any(e => e.Type == "ASSAULT"), EventFixture.Dump(doc));
        var e = Single(doc, "ACCUSE");
        Assert.Contains(e.Source, a => a.Text == "Denethor");
        Assert.Contains(e.Target, a => a.Text == "Saruman");
    }

    [Fact]
    public void Process_AttackedAReport_AccuseNotAssault()
    {
        var doc = Run("Denethor attacked the report of the council.", Denethor);
        Assert.False(doc.Events.Any(e => e.Type == "ASSAULT"), EventFixture.Dump(doc));
    }

    [Fact]
    public void Process_AttackedAnAbstractThing_AccuseNotAssault()
    {
        var doc = Run("Denethor attacked the steward's budget plan on Monday.", Denethor);
        Assert.False(doc.Events.Any(e => e.Type == "ASSAULT"), EventFixture.Dump(doc));
        Assert.Contains(Single(doc, "ACCUSE").Source, a => a.Text == "Denethor");
    }

    [Fact]
    public void Process_AttackedThePositionsOfAnArmy_StaysAssault()
    {
        var doc = Run("Mordor attacked the positions of the Rohan army near the river.", Mordor, Rohan);
        Assert.False(doc.Events.Any(e => e.Type == "ACCUSE"), EventFixture.Dump(doc));
        Single(doc, "ASSAULT");
    }

    [Fact]
    public void Process_AttackWithoutSpeechFrame_StaysAssault()
    {
        var doc = Run("Mordor attacked Rohan at dawn.", Mordor, Rohan);
        Assert.Equal("ROH", Assert.Single(Single(doc, "ASSAULT").Target).Country);
    }
}
