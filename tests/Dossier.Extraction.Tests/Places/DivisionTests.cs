using Dossier.Core.Documents;
using Dossier.Core.Labels;
using Dossier.Extraction.Places;

namespace Dossier.Extraction.Tests.Places;

/// <summary>First-level divisions of every country in the shipped gazetteer, and the geocoder's use of them (sentences and names of our own).</summary>
public sealed class DivisionTests
{
    private static readonly Geocoder Geocoder = new(PlaceGazetteer.Default);

    private static Entity Place(string id, string name, string type = EntityTypes.Gpe, int at = 0) =>
        new(id, name, type) { Aliases = [name], Mentions = [new Mention(at, at + name.Length, name, 0)] };

    private static PlaceDecision Decide(params Entity[] entities) =>
        Geocoder.Resolve(new Document("text", new DocumentMetadata(null, "test", null)) { Entities = [.. entities] })[0];

    [Theory]
    [InlineData("Ontario", "CA-ON", "CA")]
    [InlineData("Bavaria", "DE-BY", "DE")]
    [InlineData("Queensland", "AU-QLD", "AU")]
    [InlineData("Maharashtra", "IN-MH", "IN")]
    public void Gazetteer_DivisionOfACountryOutsideTheFormerTen_IsThere(string name, string id, string country)
    {
        var division = Assert.Single(PlaceGazetteer.Default.Find(name), p => p.Class == PlaceClasses.Admin1);
        Assert.Equal(id, division.Id);
        Assert.Equal(country, division.Country);
    }

    [Fact]
    public void Gazetteer_CityOfADivision_CarriesTheDivisionsNameAndCode()
    {
        var munich = PlaceGazetteer.Default.Find("Munich").Where(p => p.Country == "DE").MaxBy(p => p.Population)!;
        Assert.Equal("Bavaria", munich.Admin1Name);
        var bavaria = PlaceGazetteer.Default.DivisionByCode("DE", "BY")!;
        Assert.Equal(bavaria.Admin1Code, munich.Admin1Code);

        // The division's position lies inside it: the mean of its towns, not the country's centre.
        Assert.InRange(bavaria.Latitude, 47.3, 50.6);
        Assert.InRange(bavaria.Longitude, 9.0, 13.9);
    }

    [Theory]
    [InlineData("South")]
    [InlineData("Central")]
    [InlineData("Eastern")]
    public void Gazetteer_CompassPointOrGenericWordAlone_NamesNoDivision(string name) =>
        Assert.DoesNotContain(PlaceGazetteer.Default.Find(name), p => p.Class == PlaceClasses.Admin1);

    [Fact]
    public void Resolve_ProvinceNamedLikeAForeignCity_IsTheProvince()
    {
        // "A town in Ontario": without other context, the province (twelve million people) over the Californian city.
        var d = Decide(Place("e1", "Ontario"));
        Assert.Equal(PlaceClasses.Admin1, d.Result!.FeatureClass);
        Assert.Equal("CA", d.Result.CountryCode);
        Assert.Equal("CAN", d.Result.Country);
    }

    [Fact]
    public void Resolve_CityInTheDivisionOfItsName_IsTheCity()
    {
        // Hamburg is both a city and a German state of the same name: the city is the sharper reading.
        var d = Decide(Place("e1", "Hamburg"));
        Assert.Equal(PlaceClasses.City, d.Result!.FeatureClass);
        Assert.Equal("DE", d.Result.CountryCode);
        Assert.Equal("Hamburg", d.Result.Admin1);
    }

    [Fact]
    public void Resolve_AdministrativeUnitOfAPlace_IsThatPlace()
    {
        var d = Decide(Place("e1", "the City of Sheffield", EntityTypes.Location));
        Assert.Equal(PlaceClasses.City, d.Result!.FeatureClass);
        Assert.Equal("GB", d.Result.CountryCode);
    }

    [Fact]
    public void Stage_BavarianCapitalMunich_IsACityInBavaria()
    {
        const string text = "Ministers met in the Bavarian capital Munich on Tuesday.";
        var at = text.IndexOf("Munich", StringComparison.Ordinal);
        var doc = new PlaceStage().Process(new Document(text, new DocumentMetadata(null, "test", null)) { Entities = [Place("e1", "Munich", at: at)] });
        var place = Assert.Single(doc.Entities).Place!;
        Assert.Equal("DE", place.CountryCode);
        Assert.Equal("Bavaria", place.Admin1);
        Assert.Equal(PlaceClasses.City, place.FeatureClass);
    }
}
