using static Dossier.Extraction.Tests.Events.Rules.RuleFixture;

namespace Dossier.Extraction.Tests.Events.Rules;

public sealed class NominalRolesTests
{
    private static readonly Ent Faramir = new("Faramir", "PERSON", "GND");

    [Fact]
    public void Process_PossessorOfArrest_IsTargetNotSource()
    {
        var doc = Run("Faramir's arrest angered the council of Rohan.", Faramir, Rohan);
        var e = Triggered(doc, "arrest");
        Assert.Contains(e.Target, a => a.Text == "Faramir");
        Assert.DoesNotContain(e.Source, a => a.Text == "Faramir");
    }

    [Fact]
    public void Process_KillingOfYByZ_OfPhraseIsTargetByPhraseIsSource()
    {
        var doc = Run("The killing of Faramir by Mordor soldiers shocked Rohan.", Faramir, Mordor, Rohan);
        var e = Triggered(doc, "killing");
        Assert.Equal("ASSAULT", e.Type);
        Assert.Contains(e.Target, a => a.Text == "Faramir");
        Assert.Contains(e.Source, a => Names(a, "soldiers") || a.Country == "MOR");
    }

    [Fact]
    public void Process_PossessorOfVisit_StillActs()
    {
        var doc = Run("Arnor's visit to Rohan ended on Friday.", Arnor, Rohan);
        var e = Triggered(doc, "visit");
        Assert.Equal("ARN", Assert.Single(e.Source).Country);
    }
}
