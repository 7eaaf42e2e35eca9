using static Dossier.Extraction.Tests.Events.Rules.RuleFixture;

namespace Dossier.Extraction.Tests.Events.Rules;

/// <summary>Mental verbs, things as subjects, reflexives, lone meetings and idioms: no interaction, no event.</summary>
public sealed class NoInteractionTests
{
    [Fact]
    public void Process_MentalVerb_NoEvent()
    {
        var doc = Run("The Gondor minister thinks Rohan is bluffing.", Gondor, Rohan);
        Assert.True(doc.Events.IsEmpty, EventFixture.Dump(doc));
    }

    [Fact]
    public void Process_ThingAsSubject_NoEvent()
    {
        var doc = Run("A violent storm hit the harbour of Rohan on Friday.", Rohan);
        Assert.False(doc.Events.Any(e => e.Type == "ASSAULT"), EventFixture.Dump(doc));
    }

    [Fact]
    public void Process_ReflexiveNaming_NoEvent()
    {
        var doc = Run("The rebel group calls itself the Free Folk.");
        Assert.True(doc.Events.IsEmpty, EventFixture.Dump(doc));
    }

    [Fact]
    public void Process_LonePartyArrives_NoMeeting()
    {
        var doc = Run("The Arnor minister arrived in Rohan.", Arnor, Rohan);
        Assert.False(doc.Events.Any(e => e.Type == "CONSULT"), EventFixture.Dump(doc));
    }

    [Fact]
    public void Process_CooperativeVerbOnAThing_NoEvent()
    {
        var doc = Run("The Arnor minister paid tribute to the fallen.", Arnor);
        Assert.False(doc.Events.Any(e => e.Type is "COOPERATE" or "AID"), EventFixture.Dump(doc));
    }

    [Fact]
    public void Process_DummyItInAdverbialIdiom_NoEvent()
    {
        var doc = Run("When it comes to trade, Arnor stays cautious.", Arnor);
        Assert.True(doc.Events.IsEmpty, EventFixture.Dump(doc));
    }

    [Fact]
    public void Process_AddressedActUsedAlone_NoEvent()
    {
        var doc = Run("The Arnor runner won easily in Rohan.", Arnor, Rohan);
        Assert.False(doc.Events.Any(e => e.Type == "SUPPORT"), EventFixture.Dump(doc));
    }

    [Fact]
    public void Process_AddressedActWithCounterpart_StillAnEvent()
    {
        var doc = Run("Arnor praised Rohan.", Arnor, Rohan);
        Assert.Equal("ROH", Assert.Single(Single(doc, "SUPPORT").Target).Country);
    }

    [Fact]
    public void Process_GenericStatement_NoEvent()
    {
        var doc = Run("Rebels usually attack convoys at night.");
        Assert.True(doc.Events.IsEmpty, EventFixture.Dump(doc));
    }

    [Fact]
    public void Process_SpecificPastAct_StillAnEvent()
    {
        var doc = Run("The rebels attacked a Rohan convoy at night.", Rohan);
        Assert.Contains(doc.Events, e => e.Type == "ASSAULT");
    }

    [Fact]
    public void Process_DummyItLinkedToAnActor_StillNoEvent()
    {
        var doc = Run("When it comes to trade, Arnor stays cautious.", new Ent("Arnor", "GPE", "ARN", null, "it"));
        Assert.True(doc.Events.IsEmpty, EventFixture.Dump(doc));
    }

    [Fact]
    public void Process_ItPlansTo_ItStillActs()
    {
        var doc = Run("Arnor said it plans to attack Mordor.", new Ent("Arnor", "GPE", "ARN", null, "it"), Mordor);
        Assert.Contains(doc.Events, e => e.Trigger.Text == "attack" && e.Source.Any(a => a.Country == "ARN"));
    }

    [Fact]
    public void Process_PluralPronounPlansToMeet_StillAMeeting()
    {
        var doc = Run("They plan to meet again in Rohan.", Rohan);
        Assert.Contains(doc.Events, e => e.Type == "CONSULT");
    }

    [Fact]
    public void Process_PluralPartiesMeet_StillAMeeting()
    {
        var doc = Run("The Arnor ministers met in Rohan.", Arnor, Rohan);
        Assert.True(doc.Events.Any(e => e.Type == "CONSULT"), EventFixture.Dump(doc));
    }
}
