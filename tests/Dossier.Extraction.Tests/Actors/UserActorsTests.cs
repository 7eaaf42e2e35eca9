using Dossier.Extraction.Actors;
using Dossier.Extraction.Tests.Coreference;
using static Dossier.Extraction.Tests.Coreference.CorefFixture;

namespace Dossier.Extraction.Tests.Actors;

public sealed class UserActorsTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "dossier-user-actors-" + Guid.NewGuid().ToString("N"));

    public UserActorsTests() => Directory.CreateDirectory(_folder);

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string Write(string content)
    {
        var path = Path.Combine(_folder, "actors.tsv");
        File.WriteAllText(path, content);
        return path;
    }

    [Fact]
    public void WithUserActors_OverridingABuiltInActor_UserWins()
    {
        Assert.Equal("IGOWSTNAT", Kb.FindActor("NATO")?.CodeAt(null)?.Code);
        var path = Write("# my actors\nNATO\tIGOWSTNATMIL\tORG\tthe Alliance\n\nJane Roe\tgbrjud\tPERSON\tJ. Roe\tJudge\t2020-01-01\n");

        var result = Kb.WithUserActors(path);

        Assert.True(result.Succeeded, result.Error);
        var kb = result.KnowledgeBase!;
        var nato = kb.FindActor("NATO");
        Assert.NotNull(nato);
        Assert.True(nato.FromUser);
        Assert.Equal("IGOWSTNATMIL", nato.CodeAt(null)?.Code);
        Assert.Same(nato, kb.FindActor("the Alliance"));
        Assert.Equal("GBRJUD", kb.FindActor("J. Roe", ActorKind.Person)?.CodeAt(new DateOnly(2025, 1, 1))?.Code);

        // The original is untouched.
        Assert.Equal("IGOWSTNAT", Kb.FindActor("NATO")?.CodeAt(null)?.Code);
    }

    [Fact]
    public void WithUserActors_OverridingABuiltInPerson_ChangesTheStageOutput()
    {
        var doc = WithMentions("Donald Tusk spoke in Gdansk on Friday.", ("Donald Tusk", "PERSON"), ("Gdansk", "GPE"));
        Assert.Equal("POLGOV", Resolve(doc).Named("Donald Tusk").Code);

        var result = Kb.WithUserActors(Write("Donald Tusk\tPOLOPP\tPERSON\n"));
        Assert.True(result.Succeeded, result.Error);

        var tusk = Resolve(doc, result.KnowledgeBase).Named("Donald Tusk");
        Assert.Equal("POLOPP", tusk.Code);
        Assert.Equal(("POL", "OPP"), (tusk.Country, tusk.Sector));
    }

    [Theory]
    [InlineData("Good Name\tUSAGOV\nBad Name only\n", 2, "column")]
    [InlineData("# header\n\nName\tUS-GOV\n", 3, "not a CAMEO actor code")]
    [InlineData("Name\tUSAGOV\tPERSONA\n", 1, "not an entity type")]
    [InlineData("Name\tUSAGOV\tPERSON\t\tPresident\t2025-13-01\n", 1, "not a date")]
    [InlineData("\tUSAGOV\n", 1, "name is empty")]
    public void WithUserActors_MalformedLine_GivesFileColonLineMessage(string content, int line, string reason)
    {
        var path = Write(content);

        var result = Kb.WithUserActors(path);

        Assert.False(result.Succeeded);
        Assert.Null(result.KnowledgeBase);
        Assert.StartsWith($"{path}:{line}: ", result.Error, StringComparison.Ordinal);
        Assert.Contains(reason, result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void WithUserActors_MissingFile_GivesMessageNamingIt()
    {
        var path = Path.Combine(_folder, "absent.tsv");
        var result = Kb.WithUserActors(path);
        Assert.False(result.Succeeded);
        Assert.StartsWith(path + ": ", result.Error, StringComparison.Ordinal);
    }
}
