using Dossier.Core.Documents;
using Dossier.Extraction.Events;
using Dossier.Extraction.Events.Scoring;

namespace Dossier.Extraction.Tests.Events.Scoring;

/// <summary>
/// What the trigger model reads beyond the event nouns and the rule events (issue 13, branch ev8): the verb a noun is
/// derived from (<see cref="EventLexicon.DeverbalCode"/>: "lexdv", or "lexz" for the same word as a verb) and the rule
/// candidates that yielded no event (<see cref="SentenceAnalyser.Dropped"/>: "dropped"). Sentences written for the test.
/// </summary>
public sealed class DerivedTriggerFeaturesTests
{
    private static EventLexicon Lexicon => EventFixture.Lexicon;

    [Theory]
    [InlineData("hijacking", "hijack")]
    [InlineData("harassment", "harass")]
    [InlineData("imposition", "impose")]
    [InlineData("seizure", "seize")]
    [InlineData("assistance", "assist")]
    public void DeverbalCode_NounOfARegularSuffix_IsItsVerbsCode(string noun, string verb)
    {
        var code = Lexicon.DeverbalCode(noun);

        Assert.NotNull(code);
        Assert.Equal(Lexicon.Verb(verb), code);
    }

    [Fact]
    public void DeverbalCode_CompoundOfVerbAndParticle_IsThePhrasalVerbsCode()
    {
        Assert.Equal(Lexicon.Verb("crack", "down"), Lexicon.DeverbalCode("crackdown"));
        Assert.NotNull(Lexicon.DeverbalCode("crackdown"));
    }

    [Theory]
    [InlineData("table")]
    [InlineData("mountain")]
    [InlineData("happiness")]
    public void DeverbalCode_NounWithNoCodedVerbBehindIt_IsNull(string noun)
    {
        Assert.Null(Lexicon.DeverbalCode(noun));
    }

    [Fact]
    public void Features_DerivedNounTheEventNounsLack_CarryItsVerbsType()
    {
        var (context, sentence) = Parsed("The hijacking of the ferry alarmed the coastguard.");
        var noun = Token(context.Document, sentence, "hijacking");
        var type = Lexicon.Code(Lexicon.Verb("hijack")!)!.Plover;

        var features = TriggerFeatures.Of(context, Lexicon, noun, new Dictionary<int, List<string>>());

        Assert.Contains("lexdv=" + type, features);
        Assert.DoesNotContain(features, f => f.StartsWith("lexz=", StringComparison.Ordinal));
    }

    [Fact]
    public void Features_EventNounOfTheLexicon_CarryNoDerivedType()
    {
        var (context, sentence) = Parsed("The invasion of the island began at dawn.");
        var noun = Token(context.Document, sentence, "invasion");

        var features = TriggerFeatures.Of(context, Lexicon, noun, new Dictionary<int, List<string>>());

        Assert.Contains(features, f => f.StartsWith("lexn=", StringComparison.Ordinal) && f != "lexn=none");
        Assert.DoesNotContain(features, f => f.StartsWith("lexdv=", StringComparison.Ordinal) || f.StartsWith("lexz=", StringComparison.Ordinal));
    }

    [Fact]
    public void Dropped_KillingWithNoPartyNamed_IsReadAsAFeature()
    {
        var (context, sentence) = Parsed("Four passengers were killed on the road to the harbour.");
        var analyser = new SentenceAnalyser(Lexicon, context, 0, sentence);
        var killed = Token(context.Document, sentence, "killed");

        var events = analyser.Run().ToList();
        var features = TriggerFeatures.Of(context, Lexicon, killed, new Dictionary<int, List<string>>(), analyser.Dropped);

        Assert.DoesNotContain(events, e => e.Trigger.Text == "killed");
        Assert.True(analyser.Dropped.TryGetValue(killed, out var types));
        Assert.Contains("ASSAULT", types!);
        Assert.Contains("dropped=ASSAULT", features);
    }

    [Fact]
    public void Dropped_KillingByNamedParties_IsAnEventNotADroppedCandidate()
    {
        var (context, sentence) = Parsed("Rebels killed four soldiers on the road to the harbour.");
        var analyser = new SentenceAnalyser(Lexicon, context, 0, sentence);
        var killed = Token(context.Document, sentence, "killed");

        var events = analyser.Run().ToList();

        Assert.Contains(events, e => e.Trigger.Text == "killed" && e.Type == "ASSAULT");
        Assert.False(analyser.Dropped.ContainsKey(killed));
    }

    private static (DocumentContext Context, Sentence Sentence) Parsed(string text)
    {
        var document = EventFixture.Parse(text);
        var tree = new DependencyTree(document);
        Assert.True(tree.IsParsed);
        Assert.Single(document.Sentences);
        return (new DocumentContext(document, tree), document.Sentences[0]);
    }

    private static int Token(Document document, Sentence sentence, string text)
    {
        for (var i = sentence.FirstToken; i < sentence.EndToken; i++)
        {
            if (document.Text[document.Tokens[i].Start..document.Tokens[i].End] == text) return i;
        }

        throw new InvalidOperationException($"no token '{text}'");
    }
}
