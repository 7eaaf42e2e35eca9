using Dossier.Core.Documents;
using Dossier.Core.Labels;
using Dossier.Extraction.Places;

namespace Dossier.Extraction.Tests.Places;

/// <summary>The geocoder's rules on hand-built place entities (names of our own choosing, not the reference report's).</summary>
public sealed class GeocoderTests
{
    private static readonly Geocoder Geocoder = new(PlaceGazetteer.Default);

    private static Entity Place(string id, string name, string type = EntityTypes.Gpe, string? country = null, string? sector = null, int mentions = 1, int sentence = 0) =>
        new(id, name, type)
        {
            Aliases = [name],
            Country = country,
            Sector = sector,
            Mentions = [.. Enumerable.Range(0, mentions).Select(i => new Mention(i * 10, i * 10 + name.Length, name, sentence))],
        };

    private static Document With(params Entity[] entities) => new("text", new DocumentMetadata(null, "test", null)) { Entities = [.. entities] };

    private static PlaceDecision Decision(Document d, string id) => Geocoder.Resolve(d).Single(x => x.Entity.Id == id);

    [Theory]
    [InlineData("the U.S.", "US")]
    [InlineData("Kraków", "krakow")]
    [InlineData("Saint-Étienne", "saint etienne")]
    public void Key_Spellings_FoldToOneKey(string name, string other) =>
        Assert.Equal(PlaceGazetteer.Key(other), PlaceGazetteer.Key(name));

    [Fact]
    public void Resolve_AmbiguousCityAlone_TakesTheMostPopulous()
    {
        var d = Decision(With(Place("e1", "Athens")), "e1");
        Assert.Equal("GR", d.Result!.CountryCode);
        Assert.Equal(PlaceClasses.City, d.Result.FeatureClass);
        Assert.Equal("population", d.Rule);
    }

    [Fact]
    public void Resolve_AmbiguousCityWithAnotherCountrysPlaces_TakesTheNamesakeInThatCountry()
    {
        var d = Decision(With(Place("e1", "Athens"), Place("e2", "Atlanta", mentions: 2)), "e1");
        Assert.Equal("US", d.Result!.CountryCode);
        Assert.Equal("Georgia", d.Result.Admin1);
        Assert.Equal("document-countries", d.Rule);
    }

    [Fact]
    public void Resolve_CityWhoseDivisionIsNamed_TakesTheNamesakeInThatDivision()
    {
        // Birmingham, England is larger; the report names Alabama.
        var d = Decision(With(Place("e1", "Birmingham"), Place("e2", "Alabama")), "e1");
        Assert.Equal("US", d.Result!.CountryCode);
        Assert.Equal("Alabama", d.Result.Admin1);
    }

    [Fact]
    public void Resolve_CountryNamesakeOfTownsWithoutContext_TakesTheCountry()
    {
        var d = Decision(With(Place("e1", "Lebanon")), "e1");
        Assert.Equal(PlaceClasses.Country, d.Result!.FeatureClass);
        Assert.Equal("LB", d.Result.CountryCode);
    }

    [Fact]
    public void Resolve_ActorCountryOfTheEntity_DecidesBetweenNamesakes()
    {
        // Valencia in Venezuela is the larger; the knowledge base codes this one Spanish.
        var d = Decision(With(Place("e1", "Valencia", country: "ESP")), "e1");
        Assert.Equal("ES", d.Result!.CountryCode);
        Assert.Equal("actor-country", d.Rule);
    }

    [Fact]
    public void Resolve_OtherSpellingOfACapital_FindsTheCapital()
    {
        var d = Decision(With(Place("e1", "Peking")), "e1");
        Assert.Equal("CN", d.Result?.CountryCode);
    }

    [Fact]
    public void Resolve_SeatOfGovernmentTheGazetteerLacks_IsALandmarkInTheCapital()
    {
        var d = Decision(With(Place("e1", "Elysee Palace", EntityTypes.Facility, country: "FRA", sector: "GOV")), "e1");
        Assert.Equal("landmark-seat", d.Rule);
        Assert.Equal(PlaceClasses.Landmark, d.Result!.FeatureClass);
        Assert.Equal("Elysee Palace", d.Result.Name);
        Assert.Equal("FR", d.Result.CountryCode);
        Assert.InRange(d.Result.Latitude, 48.5, 49.2);
    }

    [Fact]
    public void Resolve_FacilityInASentenceThatNamesACity_IsALandmarkInThatCity()
    {
        var d = Decision(With(Place("e1", "Grand Harbour Hotel", EntityTypes.Facility, sentence: 3), Place("e2", "Valparaiso", sentence: 3)), "e1");
        Assert.Equal("landmark-sentence", d.Rule);
        Assert.Equal("CL", d.Result!.CountryCode);
    }

    [Fact]
    public void Resolve_PersonsAndUnknownNames_GetNoPlace()
    {
        var d = With(new Entity("e1", "Atlanta", EntityTypes.Person), Place("e2", "Qwxzyv Land", EntityTypes.Location));
        var decisions = Geocoder.Resolve(d);
        Assert.DoesNotContain(decisions, x => x.Entity.Id == "e1");
        Assert.Null(decisions.Single(x => x.Entity.Id == "e2").Result);
    }

    [Fact]
    public void Stage_PlaceNamedAsAGovernment_KeepsItsActorCodeAndGetsItsPlace()
    {
        var capital = Place("e1", "Ottawa", country: "CAN", sector: "GOV") with { Code = "CANGOV" };
        var d = new PlaceStage().Process(With(capital));
        var e = Assert.Single(d.Entities);
        Assert.Equal("CANGOV", e.Code);
        Assert.Equal("CA", e.Place?.CountryCode);
        Assert.Equal("CAN", e.Place?.Country);
    }

    [Fact]
    public void GdeltGeoType_ByClassAndCountry_FollowsTheCodebook()
    {
        static Place P(string cls, string cc) => new("x", cls, cc, null, 0, 0, "1");
        Assert.Equal(1, PlaceClasses.GdeltGeoType(P(PlaceClasses.Country, "US")));
        Assert.Equal(2, PlaceClasses.GdeltGeoType(P(PlaceClasses.Admin1, "US")));
        Assert.Equal(3, PlaceClasses.GdeltGeoType(P(PlaceClasses.City, "US")));
        Assert.Equal(4, PlaceClasses.GdeltGeoType(P(PlaceClasses.City, "FR")));
        Assert.Equal(5, PlaceClasses.GdeltGeoType(P(PlaceClasses.Admin1, "FR")));
        Assert.Equal(0, PlaceClasses.GdeltGeoType(null));
    }

    [Fact]
    public void Kilometres_TwoCapitals_IsTheGreatCircleDistance() =>
        Assert.InRange(PlaceEvaluator.Kilometres(48.8566, 2.3522, 51.5074, -0.1278), 335, 350);
    [Theory]
    [InlineData("Oʻahu", "Oahu")]
    public void Key_Okina_IsDroppedLikeAnApostrophe(string name, string other) =>
        Assert.Equal(PlaceGazetteer.Key(other), PlaceGazetteer.Key(name));

    [Fact]
    public void Resolve_NameBegunWithAPrepositionByTheNameFinder_IsLookedUpFromItsCapitalisedWords()
    {
        var d = Decision(With(Place("e1", "of Portugal")), "e1");
        Assert.Equal("PT", d.Result?.CountryCode);
        Assert.Equal(PlaceClasses.Country, d.Result!.FeatureClass);
    }

    [Fact]
    public void Resolve_NameEndingInAUnitWord_IsTheDivisionOfThatName()
    {
        var d = Decision(With(Place("e1", "Oregon State")), "e1");
        Assert.Equal(PlaceClasses.Admin1, d.Result?.FeatureClass);
        Assert.Equal("US", d.Result!.CountryCode);
        Assert.Equal("Oregon", d.Result.Name);
    }

    /// <summary>A document of <paramref name="text"/> whose place entities are the given names at their first occurrence.</summary>
    private static Document Text(string text, params string[] names) =>
        new Document(text, new DocumentMetadata(null, "test", null))
        {
            Entities = [.. names.Select((n, i) =>
            {
                var at = text.IndexOf(n, StringComparison.Ordinal);
                return new Entity("e" + (i + 1), n, EntityTypes.Gpe) { Aliases = [n], Mentions = [new Mention(at, at + n.Length, n, 0)] };
            })],
        };

    [Fact]
    public void Resolve_TownFollowedByACommaAndADivisionEntity_TakesTheNamesakeInThatDivision()
    {
        // Two divisions are named, so the division evidence alone cannot decide; the larger namesake is in the other one.
        var d = Geocoder.Resolve(Text("They drove from Richmond, Kentucky to Virginia.", "Richmond", "Kentucky", "Virginia")).Single(x => x.Entity.Id == "e1");
        Assert.Equal("Kentucky", d.Result?.Admin1);
        Assert.Equal("US", d.Result!.CountryCode);
    }

    [Fact]
    public void Resolve_CountryListedBeforeAnotherCountry_StaysTheCountry()
    {
        var d = Geocoder.Resolve(Text("Talks with Lebanon, Jordan and Egypt resumed.", "Lebanon", "Jordan", "Egypt")).Single(x => x.Entity.Id == "e1");
        Assert.Equal(PlaceClasses.Country, d.Result?.FeatureClass);
        Assert.Equal("LB", d.Result!.CountryCode);
    }

    [Fact]
    public void Resolve_PlaceTheGazetteerLacksCodedAsACountry_IsThatCountry()
    {
        var d = Decision(With(Place("e1", "Blighty", country: "GBR")), "e1");
        Assert.Equal("coded-country", d.Rule);
        Assert.Equal("GB", d.Result?.CountryCode);
        Assert.Equal(PlaceClasses.Country, d.Result!.FeatureClass);
    }

    [Fact]
    public void Resolve_PlaceTheGazetteerLacksCodedAsAGovernment_IsNoCountry()
    {
        var d = Decision(With(Place("e1", "Blighty", country: "GBR", sector: "GOV")), "e1");
        Assert.Null(d.Result);
    }
    [Fact]
    public void Resolve_DivisionNameBorneByAMetropolisInsideIt_IsTheMetropolis()
    {
        var d = Decision(With(Place("e1", "New York")), "e1");
        Assert.Equal(PlaceClasses.City, d.Result?.FeatureClass);
        Assert.Equal("division-city", d.Rule);
    }

    [Fact]
    public void Resolve_SameNameOnlyQualifyingATown_IsTheDivision()
    {
        var decisions = Geocoder.Resolve(Text("She grew up in Buffalo, New York and studied law.", "Buffalo", "New York"));
        var division = decisions.Single(x => x.Entity.Id == "e2");
        Assert.Equal(PlaceClasses.Admin1, division.Result?.FeatureClass);
        Assert.Equal("New York", decisions.Single(x => x.Entity.Id == "e1").Result?.Admin1);
    }
}
