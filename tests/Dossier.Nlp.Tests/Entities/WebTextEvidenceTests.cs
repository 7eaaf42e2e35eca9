using Dossier.Nlp.Entities;
using Dossier.Nlp.Models;

namespace Dossier.Nlp.Tests.Entities;

/// <summary>The evidence the tagger learns for web text (issue 12): treebank-constrained labels, proper-noun rates, document contexts.</summary>
public sealed class WebTextEvidenceTests
{
    private static readonly HashSet<string> Calendar = new(["Monday"], StringComparer.Ordinal);
    private static readonly int Per = NerTags.ClassIndex("PER");
    private static readonly int Org = NerTags.ClassIndex("ORG");
    private static readonly int Misc = NerTags.ClassIndex("MISC");

    [Fact]
    public void Constrain_SpanWithoutProperNoun_IsDroppedAndOthersTrimmed()
    {
        string[] words = ["Kind", "regards", ",", "the", "Velmora", "Group"];
        string[] upos = ["ADJ", "NOUN", "PUNCT", "DET", "PROPN", "PROPN"];
        var spans = EwtNames.Constrain(upos, [(0, 2, Org), (3, 6, Org)], words, Calendar);
        Assert.NotNull(spans);
        Assert.Equal([(4, 6, Org)], spans);
    }

    [Fact]
    public void Constrain_ProperNounNoSpanCovers_LeavesTheSentenceOut()
    {
        string[] words = ["Talk", "to", "Idris", "on", "Monday"];
        string[] upos = ["VERB", "ADP", "PROPN", "ADP", "PROPN"];
        Assert.Null(EwtNames.Constrain(upos, [], words, Calendar));
        Assert.Equal([(2, 3, Per)], EwtNames.Constrain(upos, [(2, 3, Per)], words, Calendar));
    }

    [Fact]
    public void Constrain_MiscSpanOfAnAdjective_IsKept()
    {
        string[] words = ["a", "Moldovan", "dish"];
        string[] upos = ["DET", "ADJ", "NOUN"];
        Assert.Equal([(1, 2, Misc)], EwtNames.Constrain(upos, [(1, 2, Misc)], words, Calendar));
    }

    [Fact]
    public void WithProperNouns_TreebankCounts_ClassifyWordsByTheirProperNounRate()
    {
        var clusters = WordClusters.Empty.WithProperNouns(
        [
            (["Ostrava", "is", "cold"], ["PROPN", "AUX", "ADJ"]),
            (["Ostrava", "is", "far"], ["PROPN", "AUX", "ADJ"]),
            (["Cold", "rain"], ["ADJ", "NOUN"]),
        ]);
        Assert.Equal(5, clusters.ProperNounClass(FeatureHash.LowerFolded("ostrava")));
        Assert.Equal(1, clusters.ProperNounClass(FeatureHash.LowerFolded("is")));
        Assert.Equal(1, clusters.ProperNounClass(FeatureHash.LowerFolded("COLD")));
        Assert.Equal(0, clusters.ProperNounClass(FeatureHash.LowerFolded("rain"))); // seen once
    }

    [Fact]
    public void NerDocument_CapitalisedWord_GathersItsNeighboursFromEverySentence()
    {
        var model = NerTestData.Shipped;
        var doc = new NerDocument([["Mr.", "Halvorsen", "spoke"], ["Halvorsen", "left", "early"]], model.Gazetteer, model.Names, model.Clusters);
        Assert.True(doc.Contexts.TryGetValue(FeatureHash.LowerFolded("Halvorsen"), out var contexts));
        Assert.True(contexts.Count >= 2, $"{contexts.Count} contexts");
    }

    [Theory]
    [InlineData("Halvorsen", true)]
    [InlineData(".", false)]
    [InlineData("J.", false)]
    [InlineData("halvorsen", false)]
    public void IsSurname_Word_OnlyCapitalisedWordsOfLetters(string word, bool expected) => Assert.Equal(expected, NerModel.IsSurname(word));
}

/// <summary>The entity typer on spans given as the tagger's: what is no name is not reported whatever the tagger says.</summary>
public sealed class EntityTyperSpanTests
{
    private static readonly int Org = NerTags.ClassIndex("ORG");

    [Fact]
    public void Type_SpanOpeningWithPunctuation_IsNoName()
    {
        string[] words = ["See", "the", "plan", "(", "draft", ")", ".doc", "and", ":P", "Qortex", "agreed", "."];
        var spans = new EntityTyper(NerLexicon.Default).Type(words, [(6, 7, Org), (8, 9, Org), (9, 10, Org)], false, NerTestData.Shipped.Gazetteer);
        Assert.Equal([(9, 10)], spans.Select(s => (s.Start, s.End)));
    }

    [Fact]
    public void Type_OrganisationSuffixAlone_IsNoName()
    {
        string[] words = ["The", "buyer", "is", "Qortex", ",", "Inc.", "of", "Texas", "."];
        var spans = new EntityTyper(NerLexicon.Default).Type(words, [(3, 4, Org), (5, 6, Org)], false, NerTestData.Shipped.Gazetteer);
        Assert.DoesNotContain(spans, s => s.Start == 5);
        Assert.Contains(spans, s => s.Start == 3 && s.End == 4);
    }
}
