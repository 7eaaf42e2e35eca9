using static Dossier.Extraction.Tests.Events.Rules.RuleFixture;

namespace Dossier.Extraction.Tests.Events.Rules;

public sealed class PassiveRolesTests
{
    [Fact]
    public void Process_PassiveWithByAgent_SubjectIsTargetAgentIsSource()
    {
        var doc = Run("Boromir was arrested by the Gondor police.", new Ent("Boromir", "PERSON", "GND"), Gondor);
        var e = Single(doc, "COERCE");
        Assert.Contains(e.Target, a => a.Text == "Boromir");
        Assert.Contains(e.Source, a => Names(a, "police"));
        Assert.DoesNotContain(e.Source, a => a.Text == "Boromir");
    }

    [Fact]
    public void Process_ChargedPronounInReportedClause_SpeakerIsNotTheTarget()
    {
        var doc = Run("He has been charged with theft, the chief prosecutor said.");
        Assert.False(doc.Events.Any(e => e.Target.Any(a => Names(a, "prosecutor")) || e.Source.Any(a => Names(a, "prosecutor"))), EventFixture.Dump(doc));
    }
}
