using Dossier.Core.Labels;
using static Dossier.Extraction.Tests.Coreference.CorefFixture;

namespace Dossier.Extraction.Tests.Coreference;

public sealed class MentionKindTests
{
    [Fact]
    public void OneActor_NameDescriptionAndPronoun_EachMentionCarriesItsKind()
    {
        var doc = Resolve(WithMentions(
            "Finnish President Aino Virtanen arrived in Tallinn on Monday. The Finnish leader said she wanted closer ties.",
            ("Finnish", "NORP"), ("Aino Virtanen", "PERSON"), ("Tallinn", "GPE")));

        var person = doc.Named("Aino Virtanen");
        Assert.Equal(
            [("Aino Virtanen", MentionKinds.Name), ("The Finnish leader", MentionKinds.Description), ("she", MentionKinds.Pronoun)],
            person.Mentions.Select(m => (m.Text, m.Kind)).ToArray());
        Assert.Equal("Aino Virtanen", person.Name);
    }

    [Fact]
    public void EveryMention_OfEveryEntity_HasAKnownKind()
    {
        var doc = Resolve(WithMentions(
            "Ukrainian officials met Piotr Nowak in Warsaw. Nowak told them that his government would help, and they thanked him.",
            ("Ukrainian", "NORP"), ("Piotr Nowak", "PERSON"), ("Nowak", "PERSON"), ("Warsaw", "GPE")));

        Assert.NotEmpty(doc.Entities);
        Assert.All(doc.Entities.SelectMany(e => e.Mentions), m => Assert.Contains(m.Kind, MentionKinds.All));
    }

    [Fact]
    public void GroupActor_NamedByNoName_HasOnlyDescriptionsAndStaysAnActor()
    {
        var doc = Resolve(WithMentions(
            "Ukrainian officials met Piotr Nowak in Warsaw on Tuesday.",
            ("Ukrainian", "NORP"), ("Piotr Nowak", "PERSON"), ("Warsaw", "GPE")));

        var group = Assert.Single(doc.Entities, e => e.Mentions.Any(m => m.Text == "Ukrainian officials"));
        Assert.All(group.Mentions, m => Assert.Equal(MentionKinds.Description, m.Kind));
        Assert.Equal("UKRGOV", group.Code);
        Assert.Equal(MentionKinds.Name, Assert.Single(doc.Named("Piotr Nowak").Mentions).Kind);
    }

    [Fact]
    public void EntityName_WhenItHasNameMentions_IsOneOfThem()
    {
        var doc = Resolve(WithMentions(
            "Chancellor Anna Feldmann of Germany arrived in Paris. The chancellor said she was pleased, and Feldmann thanked her hosts.",
            ("Anna Feldmann", "PERSON"), ("Feldmann", "PERSON"), ("Germany", "GPE"), ("Paris", "GPE")));

        foreach (var e in doc.Entities.Where(e => e.Mentions.Any(m => m.Kind == MentionKinds.Name)))
        {
            Assert.Contains(e.Mentions, m => m.Kind == MentionKinds.Name && m.Text == e.Name);
            Assert.All(e.Aliases, a => Assert.Contains(e.Mentions, m => m.Kind == MentionKinds.Name && m.Text == a));
        }
    }

    [Fact]
    public void RecognizedPronoun_TakenForAPersonName_IsAPronounAndNamesNoEntity()
    {
        var doc = Resolve(WithMentions(
            "He said the ferry to Lisbon would sail again next week.",
            ("He", "PERSON"), ("Lisbon", "GPE")));

        Assert.DoesNotContain(doc.Entities, e => e.Name == "He");
        Assert.All(doc.Entities.SelectMany(e => e.Mentions).Where(m => m.Text == "He"), m => Assert.Equal(MentionKinds.Pronoun, m.Kind));
    }
}
