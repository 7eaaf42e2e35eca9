using static Dossier.Extraction.Tests.Events.Rules.RuleFixture;

namespace Dossier.Extraction.Tests.Events.Rules;

public sealed class SpeakerTests
{
    private static readonly Ent Denethor = new("Denethor", "PERSON", "GND", null, "He");

    [Fact]
    public void Process_QuoteAttribution_SpeakerAttributeStatusKept()
    {
        var doc = Run("\"Gondor attacked Mordor at dawn,\" Denethor told reporters.", Denethor, Gondor, Mordor);
        var e = Single(doc, "ASSAULT");
        Assert.Equal("occurred", e.Status);
        Assert.True(e.Attributes.TryGetValue("speaker", out var speaker), EventFixture.Dump(doc));
        Assert.Equal("Denethor", speaker);
    }

    [Fact]
    public void Process_PronounSpeaker_ResolvedToTheEntityName()
    {
        var doc = Run("Denethor spoke on Monday. He said Mordor attacked Rohan.", Denethor, Mordor, Rohan);
        Assert.True(Single(doc, "ASSAULT").Attributes.TryGetValue("speaker", out var speaker), EventFixture.Dump(doc));
        Assert.Equal("Denethor", speaker);
    }

    [Fact]
    public void Process_AccordingTo_SpeakerIsTheSource()
    {
        var doc = Run("According to Rohan, Mordor attacked Gondor overnight.", Rohan, Mordor, Gondor);
        Assert.True(Single(doc, "ASSAULT").Attributes.TryGetValue("speaker", out var speaker), EventFixture.Dump(doc));
        Assert.Equal("Rohan", speaker);
    }
}
