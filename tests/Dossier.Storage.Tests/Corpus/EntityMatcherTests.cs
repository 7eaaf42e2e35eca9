using Dossier.Core.Documents;
using Dossier.Storage.Corpus;

namespace Dossier.Storage.Tests.Corpus;

public class EntityMatcherTests
{
    private static readonly IReadOnlySet<string> NoNames = new HashSet<string>();

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
    public void LinkKeys_OrganisationWithAcronym_AreItsNameAndAlias()
    {
        var keys = EntityMatcher.LinkKeys(new Entity("e1", "European Union", "ORG") { Aliases = ["EU"] }, NoNames);

        Assert.Equal(new[] { "european union", "eu" }, keys.Keys);
        Assert.False(keys.Bare);
    }

    [Fact]
    public void LinkKeys_PersonWithSurnameAlias_LeavesTheSurnameOut()
    {
        var keys = EntityMatcher.LinkKeys(new Entity("e1", "Gordon Brown", "PERSON") { Aliases = ["Brown"] }, NoNames);

        Assert.Equal(new[] { "gordon brown" }, keys.Keys);
    }

    [Fact]
    public void LinkKeys_BareSurnameWithOnePersonOfThatSurnameInTheDocument_IsThatPersonsName()
    {
        var keys = EntityMatcher.LinkKeys(new Entity("e2", "Blair", "PERSON"), new HashSet<string> { "tony blair", "gordon brown" });

        Assert.Equal(new[] { "tony blair" }, keys.Keys);
        Assert.False(keys.Bare);
    }

    [Theory]
    [InlineData("gordon brown")]
    [InlineData("tony blair", "cherie blair")]
    public void LinkKeys_BareSurnameWithNoneOrSeveralPeopleOfThatSurnameInTheDocument_IsBare(params string[] people)
    {
        var keys = EntityMatcher.LinkKeys(new Entity("e2", "Blair", "PERSON"), people.ToHashSet());

        Assert.Equal(new[] { "blair" }, keys.Keys);
        Assert.True(keys.Bare);
    }

    [Theory]
    [InlineData("MONEY", "$5")]
    [InlineData("PERSON", "...")]
    public void IsLinkable_UnlinkableTypeOrEmptyName_IsFalse(string type, string name)
    {
        Assert.False(EntityMatcher.IsLinkable(new Entity("e1", name, type)));
    }

    [Fact]
    public void DisplayName_NameShorterThanAnAlias_IsTheAlias()
    {
        Assert.Equal("Donald Trump", EntityMatcher.DisplayName(new Entity("e1", "Trump", "PERSON") { Aliases = ["Donald Trump", "Trump"] }));
    }

    [Theory]
    [InlineData("Trump", "Donald Trump", "Donald Trump")]
    [InlineData("Donald J. Trump", "Donald Trump", "Donald J. Trump")]
    [InlineData("US", "U.S.", "U.S.")]
    [InlineData("Volodymyr Zelensky", "Volodymyr Zelenskyy", "Volodymyr Zelensky")]
    [InlineData("Volodymyr Zelenskyy", "Volodymyr Zelensky", "Volodymyr Zelensky")]
    public void FullerName_TwoNames_KeepsTheFullestThenTheFirstInOrdinalOrder(string current, string candidate, string expected)
    {
        Assert.Equal(expected, EntityMatcher.FullerName(current, candidate));
    }

    [Fact]
    public void PersonNamesIn_Document_HasMultiWordNamesAndAliasesOfPeopleOnly()
    {
        var document = new Document("x", new DocumentMetadata(null, "t", null))
        {
            Entities =
            [
                new Entity("e1", "Trump", "PERSON") { Aliases = ["Melania Trump"], Mentions = [new Mention(0, 1, "First Lady", 0)] },
                new Entity("e2", "White House", "ORG"),
            ],
        };

        var names = EntityMatcher.PersonNamesIn(document);

        Assert.Equal(["melania trump"], names.Order());
    }
}
