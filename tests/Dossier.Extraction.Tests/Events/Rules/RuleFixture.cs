using Dossier.Core.Documents;
using Dossier.Testing;

namespace Dossier.Extraction.Tests.Events.Rules;

/// <summary>Invented actors and a runner for the tests of the event rules (one class per pattern family).</summary>
internal static class RuleFixture
{
    public static readonly Ent Gondor = new("Gondor", "GPE", "GND");
    public static readonly Ent Arnor = new("Arnor", "GPE", "ARN");
    public static readonly Ent Mordor = new("Mordor", "GPE", "MOR");
    public static readonly Ent Rohan = new("Rohan", "GPE", "ROH");

    public static Document Run(string text, params Ent[] entities)
    {
        var doc = EventFixture.Analyse(text, entities, published: new DateOnly(2025, 10, 17));
        OffsetAssert.Valid(doc);
        return doc;
    }

    public static Event Single(Document doc, string type)
    {
        var events = doc.Events.Where(e => e.Type == type).ToList();
        Assert.True(events.Count == 1, $"expected one {type} event\n{EventFixture.Dump(doc)}");
        return events[0];
    }

    public static Event Triggered(Document doc, string trigger)
    {
        var events = doc.Events.Where(e => e.Trigger.Text == trigger).ToList();
        Assert.True(events.Count == 1, $"expected one event on '{trigger}'\n{EventFixture.Dump(doc)}");
        return events[0];
    }

    public static bool Names(EventActor a, string word) => a.Text.Contains(word, StringComparison.OrdinalIgnoreCase);
}
