using Dossier.Core.Labels;
using Dossier.Nlp.Entities;
using Xunit.Abstractions;

namespace Dossier.Nlp.Tests.Entities;

/// <summary>Names next to brackets: no name crosses an unbalanced bracket, and a bracketed expansion or acronym after a name is a name of its own.</summary>
public sealed class NameBracketTests(ITestOutputHelper output)
{
    private Core.Documents.Document Analyse(string text)
    {
        var doc = NerTestData.Analyse(NerTestData.Shipped, text);
        foreach (var e in doc.Names)
        {
            foreach (var m in e.Mentions) output.WriteLine($"{e.Type} '{m.Text}'");
        }

        return doc;
    }

    private static void AssertNoUnbalancedBracket(Core.Documents.Document doc)
    {
        foreach (var m in doc.Names.SelectMany(e => e.Mentions))
        {
            var depth = 0;
            foreach (var c in m.Text)
            {
                if (c == '(') depth++;
                else if (c == ')' && --depth < 0) break;
            }

            Assert.True(depth == 0, $"the mention '{m.Text}' crosses an unbalanced bracket");
        }
    }

    [Theory]
    [InlineData("The pro-Western Narodna Volya (Popular Will Party) movement declared a truce on Friday in the north.", "Popular Will Party")]
    [InlineData("Shares of Veltrano (Veltrano Shipping Holdings) fell sharply in Oslo after the merger was called off.", "Veltrano Shipping Holdings")]
    [InlineData("Officials of the Ministry of Water Resources (MWR) said the new dam would open in May.", "MWR")]
    [InlineData("Delegates of the Kestrel Democratic Union (KDU) walked out of the talks in Geneva.", "KDU")]
    public void Names_BracketedExpansionAfterAName_IsANameOfItsOwnAndNoSpanCrossesTheBracket(string text, string inside)
    {
        var doc = Analyse(text);
        AssertNoUnbalancedBracket(doc);
        var mention = doc.Names.SelectMany(e => e.Mentions.Select(m => (e.Type, m.Text))).FirstOrDefault(m => m.Text == inside);
        Assert.True(mention.Text == inside, $"no name '{inside}'");
        Assert.NotEqual(EntityTypes.Person, mention.Type);
    }

    [Theory]
    [InlineData("Maren Holt (Sweden) and Tomas Lind (Norway) shared the lead after the first round.")]
    [InlineData("The bank said (in a statement) that Ostrava Steel ( Czech ) would be sold.")]
    [InlineData("Halvorsen Freight ) rose while ( Dunmore Packaging said nothing.")]
    [InlineData("He joined Total Fjord (North Sea) Ltd in 1998 and left for Brenner (UK) in 2004.")]
    public void Names_AnySentenceWithBrackets_HasNoNameCrossingAnUnbalancedBracket(string text) => AssertNoUnbalancedBracket(Analyse(text));

    [Fact]
    public void Brackets_GroupOfSeveralWordsEndingTheName_CannotBeEntered()
    {
        var plan = NerBrackets.Of(["Volya", "(", "People", "Party", ")", "group", "said"]);
        Assert.NotNull(plan);
        Assert.Equal(NerBrackets.OpenOutside, plan.Kind[1]);

        // A span open at "Volya" cannot go on into the bracket, so "Volya" must end there (L), not go on (I).
        Assert.False(plan.Allowed(0, NerTags.Make(0, 0), -1));
        Assert.True(plan.Allowed(0, NerTags.Make(0, 3), -1));
    }

    [Fact]
    public void Brackets_GroupInsideAName_MustBeHeldWhole()
    {
        var plan = NerBrackets.Of(["Total", "Fjord", "(", "North", "Sea", ")", "Ltd", "said"]);
        Assert.NotNull(plan);
        Assert.Equal(NerBrackets.OpenInside, plan.Kind[2]);
        var inside = NerTags.Make(1, 1);
        var reach = plan.Reach(2, inside, -1);
        Assert.Equal(5, reach);

        // Inside the group the span can neither end nor stop; at ")" it must go on to "Ltd" (the group holds two words).
        Assert.False(plan.Allowed(3, NerTags.Make(1, 2), reach));
        Assert.False(plan.Allowed(5, NerTags.Make(1, 2), reach));
        Assert.True(plan.Allowed(5, inside, reach));
    }

    [Fact]
    public void Brackets_SentenceWithoutBrackets_HasNoPlan() => Assert.Null(NerBrackets.Of(["Anna", "Berg", "visited", "Oslo", "."]));
}
