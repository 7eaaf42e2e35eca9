using Dossier.Core.Documents;
using Dossier.Extraction.Events;
using Dossier.Extraction.Events.Scoring;

namespace Dossier.Extraction.Tests.Events.Scoring;

/// <summary>
/// The back-off cues of the trigger model for words the lexicon does not type (issue 13, branch ev9): a verb's CAMEO
/// verb block (a synonym set: <c>blk=</c>, and the type most of its verbs have when it has no code: <c>blkv=</c>), the
/// verb a noun derives from (<c>bl=</c>), the act its direct object names (<c>objn=</c>), and the code a CAMEO pattern
/// gives that object (<c>cpat=</c>). Sentences written for the test.
/// </summary>
public sealed class VerbBlockTriggerFeaturesTests
{
    private static EventLexicon Lexicon => EventFixture.Lexicon;

    [Fact]
    public void Blocks_SynonymsOfOneVerbBlock_ShareTheBlock()
    {
        Assert.NotNull(Lexicon.Blocks.Block("hasten"));
        Assert.Equal(Lexicon.Blocks.Block("rush"), Lexicon.Blocks.Block("hasten"));
        Assert.Null(Lexicon.Blocks.Block("breakfast"));
    }

    [Fact]
    public void Blocks_PatternObjectOfTheVerb_HasThePatternsCode()
    {
        Assert.Equal("070", Lexicon.Blocks.ObjectCode("rush", "aid", "aid"));
        Assert.Null(Lexicon.Blocks.ObjectCode("rush", "breakfast", "breakfast"));
    }

    [Fact]
    public void Features_VerbWithNoCodeInABlock_CarryTheBlockAndItsMostCommonType()
    {
        var (context, sentence) = Parsed("The ministry hastened the evacuation of the border villages.");
        var verb = Token(context.Document, sentence, "hastened");
        Assert.Null(Lexicon.Verb("hasten"));

        var features = TriggerFeatures.Of(context, Lexicon, verb, new Dictionary<int, List<string>>());

        Assert.Contains("blk=" + Lexicon.Blocks.Block("hasten"), features);
        Assert.Contains("bl=hasten", features);
        var type = Lexicon.Blocks.BlockType("hasten", Lexicon);
        Assert.NotNull(type);
        Assert.Contains("blkv=" + type, features);
    }

    [Fact]
    public void Features_VerbWithACodeOfItsOwn_CarryNoBlockType()
    {
        var (context, sentence) = Parsed("The ministry rushed blankets to the border villages.");
        var verb = Token(context.Document, sentence, "rushed");

        var features = TriggerFeatures.Of(context, Lexicon, verb, new Dictionary<int, List<string>>());

        Assert.Contains("blk=" + Lexicon.Blocks.Block("rush"), features);
        Assert.DoesNotContain(features, f => f.StartsWith("blkv=", StringComparison.Ordinal));
    }

    [Fact]
    public void Features_ObjectThatAPatternOfTheVerbNames_CarryThePatternsType()
    {
        var (context, sentence) = Parsed("The charity rushed aid to the flooded valley.");
        var verb = Token(context.Document, sentence, "rushed");

        var features = TriggerFeatures.Of(context, Lexicon, verb, new Dictionary<int, List<string>>());

        Assert.Contains("cpat=" + Lexicon.Code("070")!.Plover, features);
    }

    [Fact]
    public void Features_ObjectThatIsAnEventNoun_CarryTheNounsType()
    {
        var (context, sentence) = Parsed("The convoy carried out the delivery before dawn.");
        var verb = Token(context.Document, sentence, "carried");

        var features = TriggerFeatures.Of(context, Lexicon, verb, new Dictionary<int, List<string>>());

        Assert.Contains("objn=" + Lexicon.Code(Lexicon.Noun("delivery")!)!.Plover, features);
    }

    [Fact]
    public void Features_NounDerivedFromABlockVerb_CarryTheVerbAndItsBlock()
    {
        var (context, sentence) = Parsed("The hastening of the vote surprised the senators.");
        var noun = Token(context.Document, sentence, "hastening");
        Assert.Equal("hasten", Lexicon.BaseVerb("hastening"));

        var features = TriggerFeatures.Of(context, Lexicon, noun, new Dictionary<int, List<string>>());

        Assert.Contains("bl=hasten", features);
        Assert.Contains("blk=" + Lexicon.Blocks.Block("hasten"), features);
    }

    [Fact]
    public void Features_EventNounOfTheLexicon_CarryNoVerbBackOff()
    {
        var (context, sentence) = Parsed("The invasion of the island began at dawn.");
        var noun = Token(context.Document, sentence, "invasion");

        var features = TriggerFeatures.Of(context, Lexicon, noun, new Dictionary<int, List<string>>());

        Assert.DoesNotContain(features, f => f.StartsWith("bl=", StringComparison.Ordinal) || f.StartsWith("blk=", StringComparison.Ordinal));
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
