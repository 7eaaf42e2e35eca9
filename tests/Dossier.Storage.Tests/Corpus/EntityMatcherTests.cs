using Dossier.Core.Documents;
using Dossier.Storage.Corpus;

namespace Dossier.Storage.Tests.Corpus;

public class EntityMatcherTests
{
    private static readonly IReadOnlySet<string> NoNames = new HashSet<string>();

    private static CorpusEntityCandidate Candidate(long id, string name, string type = "PERSON", string? country = null, long mentions = 1, params string[] aliases) =>
        new(id, name, type, country, mentions, aliases.Append(name).Select(NameKey.Normalise).ToHashSet());

    [Theory]
    [InlineData("U.S.", "US")]
    [InlineData("The United States", "united states")]
    [InlineData("José Martí", "Jose Marti")]
    [InlineData("Jean-Luc  Mélenchon", "jean luc melenchon")]
    [InlineData("O’Brien", "OBrien")]
    public void Normalise_VariantsOfOneName_GiveOneKey(string a, string b)
    {
        Assert.Equal(NameKey.Normalise(a), NameKey.Normalise(b));
    }

    [Fact]
    public void Match_SameNameOtherCaseAndPunctuation_LinksByName()
    {
        var match = EntityMatcher.Match(new Entity("e1", "U.S.", "GPE"), NoNames, [Candidate(7, "US", "GPE", "USA")]);

        Assert.Equal(new EntityMatch(EntityMatchKind.Name, 7), match);
    }

    [Fact]
    public void Match_FullNameIsACorpusAlias_LinksByAlias()
    {
        var corpus = Candidate(3, "Volodymyr Zelensky", aliases: "Volodymyr Zelenskyy");

        var match = EntityMatcher.Match(new Entity("e1", "Volodymyr Zelenskyy", "PERSON"), NoNames, [corpus]);

        Assert.Equal(new EntityMatch(EntityMatchKind.Alias, 3), match);
    }

    [Fact]
    public void Match_CorpusNameAmongTheDocumentAliases_LinksByAlias()
    {
        var entity = new Entity("e1", "United Nations Organization", "ORG") { Aliases = ["United Nations", "UN"] };

        var match = EntityMatcher.Match(entity, NoNames, [Candidate(4, "United Nations", "ORG")]);

        Assert.Equal(new EntityMatch(EntityMatchKind.Alias, 4), match);
    }

    [Fact]
    public void Match_TwoPeopleSharingASurname_AreNotMerged()
    {
        var match = EntityMatcher.Match(new Entity("e1", "Melania Trump", "PERSON"), NoNames, [Candidate(1, "Donald Trump", aliases: "Trump")]);

        Assert.Equal(EntityMatchKind.New, match.Kind);
        Assert.Null(match.CorpusId);
    }

    [Fact]
    public void Match_BareSurnameWithOneCandidate_LinksBySurname()
    {
        var match = EntityMatcher.Match(new Entity("e1", "Zelensky", "PERSON"), NoNames, [Candidate(3, "Volodymyr Zelensky", country: "UKR")]);

        Assert.Equal(new EntityMatch(EntityMatchKind.Surname, 3), match);
    }

    [Fact]
    public void Match_BareSurnameWithTwoCandidates_IsNewKeyedByTheBareName()
    {
        var candidates = new[] { Candidate(1, "Donald Trump", mentions: 50), Candidate(2, "Melania Trump", mentions: 5) };

        var match = EntityMatcher.Match(new Entity("e1", "Trump", "PERSON"), NoNames, candidates);

        Assert.Equal(EntityMatchKind.New, match.Kind);
    }

    [Fact]
    public void Match_BareSurnameWithTwoCandidatesAndAFullNameInTheDocument_LinksToThatPerson()
    {
        var candidates = new[] { Candidate(1, "Donald Trump", mentions: 50), Candidate(2, "Melania Trump", mentions: 5) };
        var names = new HashSet<string> { NameKey.Normalise("Melania Trump") };

        var match = EntityMatcher.Match(new Entity("e1", "Trump", "PERSON"), names, candidates);

        Assert.Equal(new EntityMatch(EntityMatchKind.FullNameInDocument, 2), match);
    }

    [Fact]
    public void Match_BareSurnameWithTwoCandidatesAndAnEarlierBareEntity_LinksToTheBareEntity()
    {
        var candidates = new[] { Candidate(1, "Donald Trump"), Candidate(2, "Melania Trump"), Candidate(9, "Trump") };

        var match = EntityMatcher.Match(new Entity("e1", "Trump", "PERSON"), NoNames, candidates);

        Assert.Equal(new EntityMatch(EntityMatchKind.Name, 9), match);
    }

    [Fact]
    public void Match_FullNameAgainstABareCorpusPerson_DoesNotLinkThroughTheDocumentAlias()
    {
        var entity = new Entity("e1", "Melania Trump", "PERSON") { Aliases = ["Trump"] };

        var match = EntityMatcher.Match(entity, NoNames, [Candidate(9, "Trump")]);

        Assert.Equal(EntityMatchKind.New, match.Kind);
    }

    [Fact]
    public void Match_CountriesConflict_IsNew()
    {
        var match = EntityMatcher.Match(new Entity("e1", "Georgia", "GPE") { Country = "GEO" }, NoNames, [Candidate(5, "Georgia", "GPE", "USA")]);

        Assert.Equal(EntityMatchKind.New, match.Kind);
    }

    [Fact]
    public void Match_OneCountryUnknown_Links()
    {
        var match = EntityMatcher.Match(new Entity("e1", "Georgia", "GPE"), NoNames, [Candidate(5, "Georgia", "GPE", "USA")]);

        Assert.Equal(5, match.CorpusId);
    }

    [Fact]
    public void Match_TypesDiffer_IsNew()
    {
        var match = EntityMatcher.Match(new Entity("e1", "Jordan", "PERSON"), NoNames, [Candidate(5, "Jordan", "GPE")]);

        Assert.Equal(EntityMatchKind.New, match.Kind);
    }

    [Theory]
    [InlineData("MONEY", "$5")]
    [InlineData("PERSON", "...")]
    public void Match_UnlinkableTypeOrEmptyName_IsNotLinkable(string type, string name)
    {
        var match = EntityMatcher.Match(new Entity("e1", name, type), NoNames, [Candidate(1, name, type)]);

        Assert.Equal(EntityMatchKind.NotLinkable, match.Kind);
    }

    [Fact]
    public void Match_SeveralEqualCandidates_PicksTheMostMentioned()
    {
        var match = EntityMatcher.Match(new Entity("e1", "Acme", "ORG"), NoNames, [Candidate(1, "Acme", "ORG", mentions: 2), Candidate(2, "ACME", "ORG", mentions: 9)]);

        Assert.Equal(2, match.CorpusId);
    }

    [Theory]
    [InlineData("Trump", "Donald Trump", "Donald Trump")]
    [InlineData("Donald J. Trump", "Donald Trump", "Donald J. Trump")]
    [InlineData("US", "U.S.", "US")]
    [InlineData("Volodymyr Zelensky", "Volodymyr Zelenskyy", "Volodymyr Zelensky")]
    public void FullerName_TwoNames_KeepsTheFullest(string current, string candidate, string expected)
    {
        Assert.Equal(expected, EntityMatcher.FullerName(current, candidate));
    }

    [Fact]
    public void FullNamesIn_Document_HasMultiWordNamesAliasesAndMentions()
    {
        var document = new Document("x", new DocumentMetadata(null, "t", null))
        {
            Entities = [new Entity("e1", "Trump", "PERSON") { Aliases = ["Melania Trump"], Mentions = [new Mention(0, 1, "First Lady", 0)] }],
        };

        var names = EntityMatcher.FullNamesIn(document);

        Assert.Equal(["first lady", "melania trump"], names.Order());
    }
}
