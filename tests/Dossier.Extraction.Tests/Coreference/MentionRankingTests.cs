using Dossier.Core.Labels;
using Dossier.Extraction.Actors;
using Dossier.Extraction.Coreference;
using static Dossier.Extraction.Tests.Coreference.CorefFixture;

namespace Dossier.Extraction.Tests.Coreference;

/// <summary>The mention-ranking step: noun phrases from the parse, the trained model, its hard constraints and what is reported.</summary>
public sealed class MentionRankingTests
{
    [Fact]
    public void NounPhrases_PossessiveAndDeterminers_SpanAsGumDrawsThem()
    {
        var doc = WithMentions("The robotics team's coach praised the students in Kabul.", ("Kabul", "GPE"));
        var view = new DocumentView(doc, Kb);
        var phrases = new CoreferenceRun(view, CorefLexicon.Default, new ActorCoder(Kb)).PhrasesAfterSieves();
        var spans = phrases.Select(p => view.Span(p.First, p.End)).ToList();

        Assert.Contains("The robotics team's coach", spans);
        Assert.Contains("The robotics team", spans);
        Assert.Contains(spans, s => s.StartsWith("the students", StringComparison.Ordinal)); // with "in Kabul" when the parser attaches it to "students"
        Assert.Contains("Kabul", spans);
        Assert.DoesNotContain("in Kabul", spans);
        Assert.Equal(PhraseKind.Name, Assert.Single(phrases, p => view.Span(p.First, p.End) == "Kabul").Kind);
    }

    [Fact]
    public void Description_RepeatingTheOrganisationsHeadNoun_JoinsTheOrganisation()
    {
        var doc = Resolve(WithMentions(
            "The Halvorsen Shipping Company reported a large loss on Monday. The company will close two of its yards next year.",
            ("Halvorsen Shipping Company", "ORG")));

        var mentions = doc.Named("Halvorsen Shipping Company").Mentions;
        Assert.Contains(mentions, m => m.Text == "The company" && m.Kind == MentionKinds.Description);
    }

    [Fact]
    public void Pronouns_TwoPeople_EachJoinsThePersonOfItsGender()
    {
        var doc = Resolve(WithMentions(
            "Anna Feldmann met Peter Lindqvist in Oslo on Monday. She later told reporters that he had agreed to the plan.",
            ("Anna Feldmann", "PERSON"), ("Peter Lindqvist", "PERSON"), ("Oslo", "GPE")));

        Assert.Contains(doc.Named("Anna Feldmann").Mentions, m => m.Text == "She");
        Assert.Contains(doc.Named("Peter Lindqvist").Mentions, m => m.Text == "he");
        Assert.DoesNotContain(doc.Named("Anna Feldmann").Mentions, m => m.Text == "he");
    }

    [Fact]
    public void QuotedFirstPerson_WithARankedDescriptionNearby_StillTheSpeakers()
    {
        var doc = Resolve(WithMentions(
            "\u201CMy ministry will publish the figures,\u201D Anna Feldmann said. The figures were late.",
            ("Anna Feldmann", "PERSON")));

        Assert.Contains(doc.Named("Anna Feldmann").Mentions, m => m.Text == "My");
    }

    [Fact]
    public void UnnamedChain_LeftOutOfTheEntities_KeptForTheEvaluation()
    {
        var doc = WithMentions("The committee met on Monday in Oslo. The committee approved the budget.", ("Oslo", "GPE"));
        var product = Resolve(doc);
        var evaluation = new CoreferenceStage(Kb) { KeepUnnamedChains = true }.Process(doc);

        Assert.DoesNotContain(product.Entities, e => e.Mentions.Any(m => m.Text == "The committee"));
        var chain = Assert.Single(evaluation.Entities, e => e.Mentions.Any(m => m.Text == "The committee"));
        Assert.Equal(2, chain.Mentions.Count(m => m.Text == "The committee"));
    }

    [Fact]
    public void UnnamedChain_DocumentThatNamesNoOne_StillChainedForTheEvaluation()
    {
        var doc = WithMentions("The committee met on a cold morning. The committee approved the budget.");
        var product = Resolve(doc);
        var evaluation = new CoreferenceStage(Kb) { KeepUnnamedChains = true }.Process(doc);

        Assert.True(product.Entities.IsDefaultOrEmpty);
        var chain = Assert.Single(evaluation.Entities, e => e.Mentions.Any(m => m.Text == "The committee"));
        Assert.Equal(2, chain.Mentions.Count(m => m.Text == "The committee"));
    }

    [Fact]
    public void MayLink_GenderedPronounAndAnOrganisation_IsRefused()
    {
        var he = Phrase(PhraseKind.Pronoun, 10, "he", gender: 'm');
        var org = Phrase(PhraseKind.Name, 2, "halvorsen", nameType: EntityTypes.Organization);
        var person = Phrase(PhraseKind.Name, 4, "lindqvist", nameType: EntityTypes.Person);

        Assert.False(CoreferenceRun.MayLink(he, org));
        Assert.True(CoreferenceRun.MayLink(he, person));
    }

    [Fact]
    public void MayLink_ItAndAPerson_IsRefused()
    {
        var it = Phrase(PhraseKind.Pronoun, 10, "it", gender: 'n');
        var person = Phrase(PhraseKind.Name, 4, "lindqvist", nameType: EntityTypes.Person);
        var she = Phrase(PhraseKind.Pronoun, 10, "she", gender: 'f');
        var him = Phrase(PhraseKind.Pronoun, 6, "him", gender: 'm');

        Assert.False(CoreferenceRun.MayLink(it, person));
        Assert.False(CoreferenceRun.MayLink(she, him));
    }

    [Fact]
    public void MayLink_NestedPhrases_IsRefused()
    {
        var outer = new NounPhrase { First = 0, End = 4, Head = 3, Kind = PhraseKind.Description, HeadLemma = "coach", Words = "team's coach", NameType = "", Relation = "nsubj", Determiner = "the" };
        var inner = new NounPhrase { First = 0, End = 2, Head = 1, Kind = PhraseKind.Description, HeadLemma = "team", Words = "team", NameType = "", Relation = "nmod", Determiner = "the" };

        Assert.False(CoreferenceRun.MayLink(outer, inner));
    }

    [Fact]
    public void Model_SavedAndLoaded_KeepsWeightsAndThreshold()
    {
        var weights = new float[1 << 8];
        weights[3] = 1.5f;
        weights[200] = -0.25f;
        var path = Path.Combine(Path.GetTempPath(), "dossier-ranking-" + Guid.NewGuid().ToString("N") + ".bin.gz");
        try
        {
            new MentionRanker(8, weights, -1.5f).Save(path);
            var loaded = MentionRanker.Load(path);
            Assert.Equal(weights, loaded.Weights);
            Assert.Equal(-1.5f, loaded.Threshold);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Model_NotAModelFile_FailsNamingTheFileAndTheCommand()
    {
        var path = Path.Combine(Path.GetTempPath(), "dossier-ranking-" + Guid.NewGuid().ToString("N") + ".bin.gz");
        File.WriteAllText(path, "not gzip");
        try
        {
            var e = Assert.Throws<CorefModelLoadException>(() => MentionRanker.Load(path));
            Assert.Contains(path, e.Message, StringComparison.Ordinal);
            Assert.Contains("dossier train coref", e.Message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void ShippedModel_Loads()
    {
        var model = MentionRanker.Default;
        Assert.Contains(model.Weights, w => w != 0);
    }

    private static NounPhrase Phrase(PhraseKind kind, int at, string head, char gender = '?', string nameType = "") => new()
    {
        First = at,
        End = at + 1,
        Head = at,
        Kind = kind,
        HeadLemma = head,
        Words = head,
        Gender = gender,
        Person = '3',
        Number = gender == 'p' ? 'p' : 's',
        NameType = nameType,
        Relation = "nsubj",
        Determiner = "",
    };
}
