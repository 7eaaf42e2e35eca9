using static Dossier.Extraction.Tests.Events.Rules.RuleFixture;

namespace Dossier.Extraction.Tests.Events.Rules;

public sealed class HypotheticalTests
{
    [Fact]
    public void Process_IfClause_NoOccurredEvent()
    {
        var doc = Run("If Mordor invaded Gondor, Rohan would send riders.", Mordor, Gondor, Rohan);
        Assert.NotEmpty(doc.Events);
        Assert.False(doc.Events.Any(e => e.Status == "occurred"), EventFixture.Dump(doc));
    }

    [Fact]
    public void Process_WouldHave_NotOccurred()
    {
        var doc = Run("Mordor would have attacked Gondor without the truce.", Mordor, Gondor);
        Assert.False(doc.Events.Any(e => e.Status == "occurred"), EventFixture.Dump(doc));
    }

    [Fact]
    public void Process_PlainPast_StillOccurred()
    {
        var doc = Run("Mordor invaded Gondor.", Mordor, Gondor);
        Assert.True(doc.Events.Any(e => e.Status == "occurred"), EventFixture.Dump(doc));
    }
}
