using static Dossier.Extraction.Tests.Events.Rules.RuleFixture;

namespace Dossier.Extraction.Tests.Events.Rules;

public sealed class VictimRolesTests
{
    [Fact]
    public void Process_RelativeClauseVictimWhoDied_IsNeverTheSource()
    {
        var doc = Run("A courier who died in the raid was buried in Rohan.", Rohan);
        Assert.False(doc.Events.Any(e => e.Source.Any(a => Names(a, "courier"))), EventFixture.Dump(doc));
    }

    [Fact]
    public void Process_VictimsBeatenByTroops_TroopsAreTheSource()
    {
        var doc = Run("The protesters were attacked by Mordor troops near the gate.", Mordor);
        var e = Single(doc, "ASSAULT");
        Assert.DoesNotContain(e.Source, a => Names(a, "protesters"));
        Assert.Contains(e.Source, a => Names(a, "troops") || a.Country == "MOR");
    }
}
