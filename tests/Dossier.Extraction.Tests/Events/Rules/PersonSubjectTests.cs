using static Dossier.Extraction.Tests.Events.Rules.RuleFixture;

namespace Dossier.Extraction.Tests.Events.Rules;

/// <summary>
/// A common noun of people as the subject ("volunteers", "students": GUM's entity annotations type it a person,
/// <c>models/events/person-nouns.tsv</c>) acts, though no actor list names it; a thing as the subject still does not.
/// </summary>
public sealed class PersonSubjectTests
{
    [Fact]
    public void Process_PeopleNounAsSubject_Acts()
    {
        var doc = Run("Volunteers rescued forty migrants off the coast of Gondor on Friday.", Gondor);
        Assert.True(doc.Events.Any(e => e.Trigger.Text == "rescued"), EventFixture.Dump(doc));
    }

    [Fact]
    public void Process_ThingAsSubjectOfTheSameVerb_NoEvent()
    {
        var doc = Run("The storm rescued nobody off the coast of Gondor on Friday.", Gondor);
        Assert.False(doc.Events.Any(e => e.Trigger.Text == "rescued"), EventFixture.Dump(doc));
    }

    [Fact]
    public void Process_PeopleNounAsSubjectOfAttack_AssaultWithThemAsSource()
    {
        var doc = Run("Students attacked the police station in Gondor on Monday.", Gondor);
        var e = Triggered(doc, "attacked");
        Assert.Equal("ASSAULT", e.Type);
        Assert.Contains(e.Source, a => Names(a, "Students"));
    }
}
