using static Dossier.Extraction.Tests.Events.Rules.RuleFixture;

namespace Dossier.Extraction.Tests.Events.Rules;

public sealed class VenueTests
{
    private static readonly Ent Inn = new("Prancing Pony Inn", "ORG");

    [Fact]
    public void Process_MetAtAVenue_VenueIsNeverTheTarget()
    {
        var doc = Run("The envoys of Gondor and Arnor met at the Prancing Pony Inn on Tuesday.", Gondor, Arnor, Inn);
        Assert.False(doc.Events.Any(e => e.Target.Any(a => Names(a, "Inn"))), EventFixture.Dump(doc));
    }

    [Fact]
    public void Process_MetCounterpartInAVenue_CounterpartIsTheTarget()
    {
        var doc = Run("Gondor met Arnor at the Prancing Pony Inn.", Gondor, Arnor, Inn);
        var e = Triggered(doc, "met");
        Assert.Equal("ARN", Assert.Single(e.Target).Country);
    }

    [Fact]
    public void Process_FiredAtAnActor_AtPhraseOfForceIsTheTarget()
    {
        var doc = Run("Mordor fired rockets at Rohan.", Mordor, Rohan);
        Assert.True(doc.Events.Any(e => e.Target.Any(a => a.Country == "ROH")), EventFixture.Dump(doc));
    }
}
