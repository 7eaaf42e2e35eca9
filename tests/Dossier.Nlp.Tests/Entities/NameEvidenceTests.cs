using Dossier.Core.Labels;
using Dossier.Nlp.Entities;
using Xunit.Abstractions;

namespace Dossier.Nlp.Tests.Entities;

/// <summary>
/// Evidence for a name's kind beyond the tagger's class (issue 12, branch ner5): the tagger's own confidence in an
/// organisation, countries, organisation suffixes, elliptical possessives, named storms and the short names of
/// organisations within a document. Sentences written for these tests.
/// </summary>
public sealed class NameEvidenceTests(ITestOutputHelper output)
{
    private static readonly int Per = NerTags.ClassIndex("PER");
    private static readonly int Org = NerTags.ClassIndex("ORG");
    private static readonly int Loc = NerTags.ClassIndex("LOC");

    private static EntityTyper Typer => new(NerLexicon.Default);

    private static Gazetteer Gazetteer => NerTestData.Shipped.Gazetteer;

    private List<NerSpan> Type(string[] words, params (int Start, int End, int Type)[] spans)
    {
        var typed = Typer.Type(words, [.. spans], false, Gazetteer, NerTestData.Shipped.UsualCase);
        foreach (var s in typed) output.WriteLine($"{s.Type} {string.Join(' ', words[s.Start..s.End])} {s.Country}");
        return typed;
    }

    [Fact]
    public void Names_AcronymsTheTaggerHardlyPrefers_AreNoOrganisations()
    {
        var doc = NerTestData.Analyse(NerTestData.Shipped, "I asked our CPX team and they said the TSR was late.");
        foreach (var e in doc.Names) output.WriteLine($"{e.Type} {e.Name}");
        Assert.DoesNotContain(doc.Names, e => e.Type == EntityTypes.Organization);
    }

    [Fact]
    public void WeakOrganisation_LowMarginUnlistedOrganisation_IsWeakAndOthersAreNot()
    {
        var words = new[] { "the", "TSR", "form" }.Select(NerWord.Compute).ToArray();
        for (var i = 0; i < words.Length; i++) words[i].ListPart = -1;
        var span = new NerSpan(1, 2, EntityTypes.Organization, null);
        var unit = NerTags.Make(Org, 3);
        Assert.True(NerModel.WeakOrganisation(span, unit, NerModel.MinOrganisationMargin - 1, words));
        Assert.False(NerModel.WeakOrganisation(span, unit, NerModel.MinOrganisationMargin + 1, words));
        Assert.False(NerModel.WeakOrganisation(span, NerTags.O, 0, words)); // a rule's organisation, not the tagger's
        Assert.False(NerModel.WeakOrganisation(span with { Type = EntityTypes.Person }, NerTags.Make(Per, 3), 0, words));
        words[1].GazKinds = 128; // a list knows it
        Assert.False(NerModel.WeakOrganisation(span, unit, 0, words));
    }

    [Fact]
    public void Type_OrganisationNamedLikeACountry_IsThatCountry()
    {
        string[] words = ["The", "UK", "said", "that", "Estonia", "would", "help", "."];
        var spans = Type(words, (0, 2, Org), (4, 5, Org));
        Assert.Contains(spans, s => s.Start == 1 && s.End == 2 && s.Type == EntityTypes.Gpe && s.Country == "GBR");
        Assert.Contains(spans, s => s.Start == 4 && s.End == 5 && s.Type == EntityTypes.Gpe && s.Country == "EST");
    }

    [Fact]
    public void Type_OrganisationNamedAfterACountry_StaysAnOrganisation()
    {
        string[] words = ["Estonia", "Telecom", "cut", "prices", "."];
        var spans = Type(words, (0, 2, Org));
        Assert.Contains(spans, s => s.Start == 0 && s.End == 2 && s.Type == EntityTypes.Organization);
    }

    [Fact]
    public void Type_PersonEndingInAnOrganisationSuffix_IsAnOrganisation()
    {
        string[] words = ["It", "bought", "Oberhauser", "Pharmaceuticals", "Inc", "last", "year", "."];
        var spans = Type(words, (2, 5, Per));
        Assert.Contains(spans, s => s.Start == 2 && s.End == 5 && s.Type == EntityTypes.Organization);
    }

    [Theory]
    [InlineData(".")]
    [InlineData(",")]
    [InlineData(null)]
    public void Type_EllipticalPossessive_BelongsToTheName(string? after)
    {
        string[] words = after is null ? ["We", "ate", "at", "Marlowe", "'s"] : ["We", "ate", "at", "Marlowe", "'s", after];
        var spans = Type(words, (3, 4, Per));
        Assert.Contains(spans, s => s.Start == 3 && s.End == 5 && s.Type == EntityTypes.Organization);
    }

    [Fact]
    public void Type_PossessiveBeforeANoun_IsNoPartOfTheName()
    {
        string[] words = ["We", "read", "Marlowe", "'s", "letter", "."];
        var spans = Type(words, (2, 4, Per));
        Assert.Contains(spans, s => s.Start == 2 && s.End == 3 && s.Type == EntityTypes.Person);
    }

    [Fact]
    public void Names_EllipticalPossessiveInRawText_KeepsItsPossessive()
    {
        var doc = NerTestData.Analyse(NerTestData.Shipped, "We ate dinner at Marlowe's. Then we drove home.");
        foreach (var e in doc.Names) output.WriteLine($"{e.Type} {e.Name}");
        Assert.Contains(doc.Names, e => e.Name == "Marlowe's" && e.Type != EntityTypes.Person);
    }

    [Fact]
    public void Type_NamedStorm_IsAnEventWhateverTheTaggerSays()
    {
        string[] words = ["Hurricane", "Odalys", "hit", "the", "coast", "."];
        Assert.Contains(Type(words, (0, 2, Per)), s => s.Start == 0 && s.End == 2 && s.Type == EntityTypes.Event);
        Assert.Contains(Type(words, (0, 2, Loc)), s => s.Start == 0 && s.End == 2 && s.Type == EntityTypes.Event);
    }

    [Fact]
    public void Type_OrganisationOpeningWithAnOpener_IsNoStorm()
    {
        string[] words = ["The", "Hurricane", "Center", "said", "so", "."];
        Assert.Contains(Type(words, (1, 3, Org)), s => s.Start == 1 && s.End == 3 && s.Type == EntityTypes.Organization);
    }

    [Fact]
    public void NameEventsByShortName_StormNamedAloneElsewhere_IsThatEvent()
    {
        IReadOnlyList<string>[] sentences = [["Hurricane", "Odalys", "grew", "."], ["Odalys", "weakened", "later", "."], ["Odalys", "Brandt", "spoke", "."]];
        List<NerSpan>[] result =
        [
            [new NerSpan(0, 2, EntityTypes.Event, null)],
            [new NerSpan(0, 1, EntityTypes.Person, null)],
            [new NerSpan(0, 2, EntityTypes.Person, null)],
        ];
        NerModel.NameEventsByShortName(sentences, result, NerLexicon.Default);
        Assert.Equal(EntityTypes.Event, result[1][0].Type);
        Assert.Equal(EntityTypes.Person, result[2][0].Type);
    }

    [Fact]
    public void NameOrganisationsByShortName_PersonOpeningAMarkedOrganisation_IsThatOrganisation()
    {
        IReadOnlyList<string>[] sentences =
        [
            ["Varnholt", "Avionics", "Inc", "will", "sell", "a", "plant", "."],
            ["Varnholt", "said", "it", "had", "a", "loss", "."],
            ["Varnholt", "Singer", "sang", "."],
        ];
        List<NerSpan>[] result =
        [
            [new NerSpan(0, 3, EntityTypes.Organization, null)],
            [new NerSpan(0, 1, EntityTypes.Person, null)],
            [new NerSpan(0, 2, EntityTypes.Person, null)],
        ];
        NerTestData.Shipped.NameOrganisationsByShortName(sentences, result, NerLexicon.Default, null);
        Assert.Equal(EntityTypes.Organization, result[1][0].Type);
        Assert.Equal(EntityTypes.Person, result[2][0].Type); // not a prefix of the organisation's name
    }

    [Fact]
    public void NameOrganisationsByShortName_SurnameOfAPersonNamed_StaysAPerson()
    {
        IReadOnlyList<string>[] sentences = [["Varnholt", "Avionics", "Inc", "hired", "Ada", "Varnholt", "."], ["Varnholt", "said", "no", "."]];
        List<NerSpan>[] result =
        [
            [new NerSpan(0, 3, EntityTypes.Organization, null), new NerSpan(4, 6, EntityTypes.Person, null)],
            [new NerSpan(0, 1, EntityTypes.Person, null)],
        ];
        NerTestData.Shipped.NameOrganisationsByShortName(sentences, result, NerLexicon.Default, new(["Varnholt"], StringComparer.Ordinal));
        Assert.Equal(EntityTypes.Person, result[1][0].Type);
    }

    [Fact]
    public void NameOrganisationsByShortName_OrganisationWithoutMark_ChangesNothing()
    {
        IReadOnlyList<string>[] sentences = [["Varnholt", "Qelmorn", "opened", "."], ["Varnholt", "said", "no", "."]];
        List<NerSpan>[] result = [[new NerSpan(0, 2, EntityTypes.Organization, null)], [new NerSpan(0, 1, EntityTypes.Person, null)]];
        NerTestData.Shipped.NameOrganisationsByShortName(sentences, result, NerLexicon.Default, null);
        Assert.Equal(EntityTypes.Person, result[1][0].Type);
    }
}
