using Dossier.Core.Documents;
using Dossier.Core.Labels;
using Dossier.Extraction.Places;
using static Dossier.Extraction.Tests.Places.HandTypedDocuments;

namespace Dossier.Extraction.Tests.Places;

/// <summary>
/// The evidence a place needs from the text (issue 18, branch geo8): an alternate name places a location (LOC) in the main
/// country only where the text uses it as a place; a location is named after a city only when the document names that city on
/// its own; "X Market, London" is a landmark in the city after the comma; a document that names no country vouches for a big
/// place of one country. Texts of our own, the name finder's entities written by hand.
/// </summary>
public sealed class PlaceEvidenceTests
{
    private static readonly Geocoder Geocoder = new(PlaceGazetteer.Default);
    private static readonly PlaceMentionFinder Finder = new(PlaceGazetteer.Default, PlaceWords.Default);

    private static PlaceDecision Decision(Document d, string name) => Geocoder.Resolve(d).Single(x => x.Entity.Name == name);

    [Fact]
    public void Resolve_LocationByAnAlternateNameWithoutPlaceContext_GetsNoPlace()
    {
        // A person the name finder typed LOC, whose name is some town's other name in the main country ("Rankin", "Turner").
        var d = Decision(With("Bombay thanked the fans on Sunday. India will host the final, India said.", ("Bombay", EntityTypes.Location), ("India", EntityTypes.Gpe)), "Bombay");
        Assert.Null(d.Result);
    }

    [Fact]
    public void Resolve_LocationByAnAlternateNameAfterALocativePreposition_TakesTheCity()
    {
        var d = Decision(With("The fans in Bombay cheered on Sunday. India will host the final, India said.", ("Bombay", EntityTypes.Location), ("India", EntityTypes.Gpe)), "Bombay");
        Assert.Equal("alternate-name", d.Rule);
        Assert.Equal("Mumbai", d.Result?.Name);
    }

    [Fact]
    public void Resolve_LocationByAnAlternateNameListedWithAKnownPlace_TakesTheCity()
    {
        var d = Decision(With("Floods hit Pune and Bombay this week. India sent help, and India will pay.", ("Pune", EntityTypes.Gpe), ("Bombay", EntityTypes.Location), ("India", EntityTypes.Gpe)), "Bombay");
        Assert.Equal("Mumbai", d.Result?.Name);
    }

    [Fact]
    public void Resolve_GpeByAnAlternateNameWithoutPlaceContext_StillTakesTheCityOfTheMainCountry()
    {
        var d = Decision(With("Bombay thanked the fans on Sunday. India will host the final, India said.", ("Bombay", EntityTypes.Gpe), ("India", EntityTypes.Gpe)), "Bombay");
        Assert.Equal("Mumbai", d.Result?.Name);
    }

    [Fact]
    public void Resolve_LocationNamedAfterACityTheDocumentNamesOnlyInsideIt_GetsNoPlace()
    {
        const string text = "The word is now in the Oxford English Dictionary, a spokesman said.";
        var at = text.IndexOf("Oxford English Dictionary", StringComparison.Ordinal);
        var doc = new Document(text, new DocumentMetadata(null, "test", null))
        {
            Entities =
            [
                new Entity("e1", "Oxford English Dictionary", EntityTypes.Location) { Aliases = ["Oxford English Dictionary"], Mentions = [new Mention(at, at + 25, "Oxford English Dictionary", 0)] },
                new Entity("e2", "Oxford", EntityTypes.Gpe) { Aliases = ["Oxford"], Mentions = [new Mention(at, at + 6, "Oxford", 0)] },
            ],
        };

        Assert.NotNull(Decision(doc, "Oxford").Result);
        Assert.Null(Decision(doc, "Oxford English Dictionary").Result);
    }

    [Fact]
    public void Resolve_LocationNamedAfterACityTheDocumentNamesOnItsOwn_IsALandmarkThere()
    {
        var doc = With("Students in Oxford walked to Oxford Castle Quarter on Friday.", ("Oxford Castle Quarter", EntityTypes.Location), ("Oxford", EntityTypes.Gpe));
        var d = Decision(doc, "Oxford Castle Quarter");
        Assert.Equal("landmark-name", d.Rule);
        Assert.Equal(Decision(doc, "Oxford").Result?.GazetteerId, d.Result?.GazetteerId);
    }

    [Fact]
    public void Resolve_LocationFollowedByACommaAndACity_IsALandmarkInThatCity()
    {
        var d = Decision(With("He sells records from a stall in Portobello Market, London, every Saturday.", ("Portobello Market", EntityTypes.Location), ("London", EntityTypes.Gpe)), "Portobello Market");
        Assert.Equal("landmark-qualified", d.Rule);
        Assert.Equal(PlaceClasses.Landmark, d.Result?.FeatureClass);
        Assert.Equal("GB", d.Result?.CountryCode);
    }

    [Fact]
    public void Resolve_LocationFirstInAListOfPlaces_GetsNoPlace()
    {
        // "X, London and Paris" coordinates three places: the comma does not qualify X by its city.
        Assert.Null(Decision(With("The band has played Portobello Market, London and Paris this year.", ("Portobello Market", EntityTypes.Location), ("London", EntityTypes.Gpe), ("Paris", EntityTypes.Gpe)), "Portobello Market").Result);
        Assert.Null(Decision(With("The band has played Portobello Market, London, Paris and Rome this year.", ("Portobello Market", EntityTypes.Location), ("London", EntityTypes.Gpe), ("Paris", EntityTypes.Gpe), ("Rome", EntityTypes.Gpe)), "Portobello Market").Result);
    }

    [Fact]
    public void Resolve_LocationBesideACityWithoutAComma_GetsNoPlace()
    {
        Assert.Null(Decision(With("He sells records at Portobello Market and in London every Saturday.", ("Portobello Market", EntityTypes.Location), ("London", EntityTypes.Gpe)), "Portobello Market").Result);
    }

    [Fact]
    public void Stage_PersonTypedBigCityAfterALocativePrepositionInADocumentNamingNoCountry_IsRetypedAPlace()
    {
        const string text = "The staff were rude, but there are other flower shops around Rennes.";
        var doc = new PlaceStage().Process(With(text, ("Rennes", EntityTypes.Person)));

        var city = doc.Entities.Single(e => e.Name == "Rennes");
        Assert.Equal(EntityTypes.Gpe, city.Type);
        Assert.Equal("FR", city.Place?.CountryCode);
    }

    [Fact]
    public void Find_PersonTypedSmallTownInADocumentNamingNoCountry_StaysAPerson()
    {
        // Quimper has some 60,000 people: under the bar for a place vouched for by its name alone.
        var (doc, rules) = Finder.Find(With("The staff were rude, but there are other flower shops around Quimper.", ("Quimper", EntityTypes.Person)));
        Assert.Equal(EntityTypes.Person, doc.Entities.Single(e => e.Name == "Quimper").Type);
        Assert.Empty(rules);
    }

    [Fact]
    public void Find_OrganisationTypedBigCityAfterALocativePrepositionInADocumentNamingNoCountry_StaysAnOrganisation()
    {
        // A club named after its city: "a trial at X" is locative, but an ORG needs a country the document names.
        var (doc, rules) = Finder.Find(With("The midfielder will sign next week after a month on trial at Rennes.", ("Rennes", EntityTypes.Organization)));
        Assert.Equal(EntityTypes.Organization, doc.Entities.Single(e => e.Name == "Rennes").Type);
        Assert.Empty(rules);
    }

    [Fact]
    public void Find_PersonTypedBigCityOfACountryTheDocumentDoesNotName_StaysAPerson()
    {
        // A document that names a country vouches only for that country's places, as before.
        var (doc, rules) = Finder.Find(With("Shops in Chile are open, and there are other flower shops around Rennes.", ("Chile", EntityTypes.Gpe), ("Rennes", EntityTypes.Person)));
        Assert.Equal(EntityTypes.Person, doc.Entities.Single(e => e.Name == "Rennes").Type);
        Assert.Empty(rules);
    }
}
