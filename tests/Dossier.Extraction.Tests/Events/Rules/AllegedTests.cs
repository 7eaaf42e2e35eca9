using static Dossier.Extraction.Tests.Events.Rules.RuleFixture;

namespace Dossier.Extraction.Tests.Events.Rules;

public sealed class AllegedTests
{
    private static readonly Ent Saruman = new("Saruman", "PERSON", "ISE");
    private static readonly Ent Grima = new("Grima", "PERSON", "ROH");

    [Fact]
    public void Process_AccusedOfShelling_ShellingAlleged_ByTheAccused()
    {
        var doc = Run("Gondor accused Mordor of shelling the villages.", Gondor, Mordor);
        var accuse = Single(doc, "ACCUSE");
        Assert.Equal("occurred", accuse.Status);
        var act = Single(doc, "ASSAULT");
        Assert.Equal("alleged", act.Status);
        Assert.DoesNotContain(act.Source, a => a.Country == "GND");
    }

    [Fact]
    public void Process_ChargedWithAttacking_ChargeOccurredAttackAlleged()
    {
        var doc = Run("Saruman was charged with attacking a Rohan patrol.", Saruman, Rohan);
        var charge = Single(doc, "COERCE");
        Assert.Equal("occurred", charge.Status);
        Assert.Contains(charge.Target, a => a.Text == "Saruman");
        var act = Single(doc, "ASSAULT");
        Assert.Equal("alleged", act.Status);
        Assert.Contains(act.Source, a => a.Text == "Saruman");
    }

    [Fact]
    public void Process_IndictmentAllegingThat_ClauseAlleged()
    {
        var doc = Run("Prosecutors filed an indictment alleging that Grima attacked Rohan officials.", Grima, Rohan);
        Assert.Equal("alleged", Single(doc, "ASSAULT").Status);
    }

    [Fact]
    public void Process_AccusedOfANoun_TheAccusedActsNotTheAccuser()
    {
        var doc = Run("Gondor accused Mordor of the massacre.", Gondor, Mordor);
        var act = Triggered(doc, "massacre");
        Assert.Equal("alleged", act.Status);
        Assert.DoesNotContain(act.Source, a => a.Country == "GND");
        Assert.Contains(act.Source, a => a.Country == "MOR");
    }

    [Fact]
    public void Process_AllegedlyAttacked_Alleged()
    {
        var doc = Run("Mordor allegedly attacked Gondor.", Mordor, Gondor);
        Assert.Equal("alleged", Single(doc, "ASSAULT").Status);
    }
}
