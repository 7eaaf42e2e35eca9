using System.IO.Compression;
using System.Text;
using Dossier.Core.Documents;
using Dossier.Core.Labels;
using Dossier.Extraction.Places;

namespace Dossier.Extraction.Tests.Places;

/// <summary>
/// Cities' alternate names (GeoNames' other and historical names, column 11 of the gazetteer): a separate look-up that the
/// geocoder reads only for a GPE or LOC none of whose names the gazetteer knows, in the document's main country, or whose
/// places all lie outside the country the knowledge base gives it.
/// </summary>
public sealed class AlternateNameTests
{
    private static readonly Geocoder Geocoder = new(PlaceGazetteer.Default);

    private static Entity Place(string id, string name, string type = EntityTypes.Gpe, string? country = null, int mentions = 1) =>
        new(id, name, type)
        {
            Aliases = [name],
            Country = country,
            Mentions = [.. Enumerable.Range(0, mentions).Select(i => new Mention(i * 10, i * 10 + name.Length, name, 0))],
        };

    private static Document With(params Entity[] entities) => new("text", new DocumentMetadata(null, "test", null)) { Entities = [.. entities] };

    private static PlaceDecision Decision(Document d, string id) => Geocoder.Resolve(d).Single(x => x.Entity.Id == id);

    [Fact]
    public void FindAlternate_FormerNameOfACity_FindsTheCityWhichFindDoesNot()
    {
        Assert.Empty(PlaceGazetteer.Default.Find("Bombay"));
        var city = Assert.Single(PlaceGazetteer.Default.FindAlternate("Bombay"));
        Assert.Equal("Mumbai", city.Name);
    }

    [Fact]
    public void FindAlternate_NameThatAPlaceBearsAsItsOwn_FindsNothing()
    {
        // GeoNames lists "Bethlehem" among Belém's names too; the town of that name keeps it.
        Assert.NotEmpty(PlaceGazetteer.Default.Find("Bethlehem"));
        Assert.Empty(PlaceGazetteer.Default.FindAlternate("Bethlehem"));
    }

    [Fact]
    public void Resolve_CityNamedByAnAlternateNameInADocumentAboutItsCountry_TakesTheCity()
    {
        var d = Decision(With(Place("e1", "Trivandrum"), Place("e2", "India", mentions: 2)), "e1");
        Assert.Equal("alternate-name", d.Rule);
        Assert.Equal("Thiruvananthapuram", d.Result?.Name);
        Assert.Equal("IN", d.Result!.CountryCode);
    }

    [Fact]
    public void Resolve_LocationNamedByAnAlternateNameOfTheActorsCountry_TakesTheCity()
    {
        var d = Decision(With(Place("e1", "Trivandrum", EntityTypes.Location, country: "IND")), "e1");
        Assert.Equal("alternate-name", d.Rule);
        Assert.Equal("IN", d.Result?.CountryCode);
    }

    [Fact]
    public void Resolve_AlternateNameWithoutItsCountryInTheDocument_GetsNoPlace()
    {
        Assert.Null(Decision(With(Place("e1", "Trivandrum")), "e1").Result);
    }

    [Fact]
    public void Resolve_AlternateNameOfACountryTheDocumentNamesLessThanAnother_GetsNoPlace()
    {
        var d = Decision(With(Place("e1", "Trivandrum"), Place("e2", "India"), Place("e3", "Canada", mentions: 3)), "e1");
        Assert.Null(d.Result);
    }

    [Fact]
    public void Resolve_AlternateNameWrittenInLowerCase_GetsNoPlace()
    {
        Assert.Null(Decision(With(Place("e1", "trivandrum"), Place("e2", "India", mentions: 2)), "e1").Result);
    }

    [Fact]
    public void Resolve_FacilityNamedByAnAlternateName_IsNoAlternateNameDecision()
    {
        var d = Decision(With(Place("e1", "Trivandrum", EntityTypes.Facility), Place("e2", "India", mentions: 2)), "e1");
        Assert.NotEqual("alternate-name", d.Rule);
    }

    [Fact]
    public void Resolve_NameOfOnePlaceAndAlternateNameOfAnother_TakesThePlaceOfThatName()
    {
        // Antioch (California) bears the name; Antakya only as an alternate name, which never competes with a name.
        var d = Decision(With(Place("e1", "Antioch"), Place("e2", "Turkey", mentions: 3)), "e1");
        Assert.Equal("US", d.Result?.CountryCode);
        Assert.NotEqual("alternate-name", d.Rule);
    }

    [Fact]
    public void Resolve_NameWhosePlacesAllLieOutsideTheActorsCountry_TakesTheCityOfThatCountryThatBearsItAsAnAlternateName()
    {
        // The knowledge base codes this Antioch Turkish: Antakya, not the Californian town that bears the name.
        var d = Decision(With(Place("e1", "Antioch", country: "TUR")), "e1");
        Assert.Equal("alternate-name", d.Rule);
        Assert.Equal("Antakya", d.Result?.Name);
        Assert.Equal("TR", d.Result!.CountryCode);
    }

    [Fact]
    public void FindAlternateAny_NameAnotherPlaceBears_FindsTheCityWhichFindAlternateDoesNot()
    {
        Assert.Empty(PlaceGazetteer.Default.FindAlternate("Antioch"));
        Assert.Contains(PlaceGazetteer.Default.FindAlternateAny("Antioch"), p => p.Name == "Antakya");
    }

    [Fact]
    public void Load_FileWithAndWithoutAlternateNames_ReadsTheAlternatesAndLeavesNamesToTheirPlaces()
    {
        var path = Path.Combine(Path.GetTempPath(), "dossier-alt-" + Guid.NewGuid().ToString("N") + ".tsv.gz");
        try
        {
            var text = "# test gazetteer\n"
                + "1\tcity\tPPL\tAA\t01\tNorth\t1.0\t2.0\t50000\tOldtown\t\tNewtown|Elsewhere\n"
                + "2\tcity\tPPL\tAA\t01\tNorth\t1.5\t2.5\t20000\tElsewhere\n"
                + "# end 2\n";
            using (var file = File.Create(path))
            using (var gz = new GZipStream(file, CompressionLevel.Fastest))
            {
                gz.Write(Encoding.UTF8.GetBytes(text));
            }

            var gazetteer = PlaceGazetteer.Load(path);
            Assert.Empty(gazetteer.Find("Newtown"));
            Assert.Equal("Oldtown", Assert.Single(gazetteer.FindAlternate("newtown")).Name);
            Assert.Equal("Elsewhere", Assert.Single(gazetteer.Find("Elsewhere")).Name);
            Assert.Empty(gazetteer.FindAlternate("Elsewhere"));
            Assert.Equal("Oldtown", Assert.Single(gazetteer.FindAlternateAny("Elsewhere")).Name);
        }
        finally
        {
            File.Delete(path);
        }
    }
}

/// <summary>A location the gazetteer lacks whose name begins with a city the document names: a landmark in that city.</summary>
public sealed class LocationLandmarkTests
{
    private static readonly Geocoder Geocoder = new(PlaceGazetteer.Default);

    private static Entity Place(string id, string name, string type = EntityTypes.Gpe) =>
        new(id, name, type) { Aliases = [name], Mentions = [new Mention(0, name.Length, name, 0)] };

    private static PlaceDecision Decision(string id, params Entity[] entities) =>
        Geocoder.Resolve(new Document("text", new DocumentMetadata(null, "test", null)) { Entities = [.. entities] }).Single(x => x.Entity.Id == id);

    [Fact]
    public void Resolve_LocationNamedAfterACityTheDocumentNames_IsALandmarkInThatCity()
    {
        // The city's mention stands on its own, not inside the location's name.
        const string text = "Lisbon Harbour Walk is busy. Lisbon is warm.";
        var d = Geocoder.Resolve(new Document(text, new DocumentMetadata(null, "test", null))
        {
            Entities = [Place("e1", "Lisbon") with { Mentions = [new Mention(29, 35, "Lisbon", 1)] }, Place("e2", "Lisbon Harbour Walk", EntityTypes.Location)],
        }).Single(x => x.Entity.Id == "e2");
        Assert.Equal("landmark-name", d.Rule);
        Assert.Equal(PlaceClasses.Landmark, d.Result?.FeatureClass);
        Assert.Equal("Lisbon Harbour Walk", d.Result!.Name);
        Assert.Equal("PT", d.Result.CountryCode);
    }

    [Fact]
    public void Resolve_LocationNamedAfterACityTheDocumentDoesNotName_GetsNoPlace()
    {
        // The country alone is no evidence that the first word means its town.
        Assert.Null(Decision("e2", Place("e1", "Portugal"), Place("e2", "Lisbon Harbour Walk", EntityTypes.Location)).Result);
    }

    [Fact]
    public void Resolve_LocationNamedAfterACityWithLowerCaseWords_GetsNoPlace()
    {
        Assert.Null(Decision("e2", Place("e1", "Lisbon"), Place("e2", "Lisbon harbour walk", EntityTypes.Location)).Result);
    }
}

/// <summary>The shipped gazetteer's alternate names are written as their look-up keys by <c>tools/places/build.mjs</c>.</summary>
public sealed class AlternateNameFileTests
{
    [Fact]
    public void ShippedGazetteer_EveryAlternateName_IsItsOwnKey()
    {
        var path = Path.Combine(Dossier.Core.Data.ModelDirectory.LocateFolder("places", PlaceGazetteer.FileName), PlaceGazetteer.FileName);
        using var reader = new StreamReader(new GZipStream(File.OpenRead(path), CompressionMode.Decompress), Encoding.UTF8);
        var checkedNames = 0;
        var wrong = new List<string>();
        while (reader.ReadLine() is { } line)
        {
            if (line.StartsWith('#')) continue;
            var c = line.Split('\t');
            if (c.Length < 12 || c[11].Length == 0) continue;
            foreach (var name in c[11].Split('|'))
            {
                checkedNames++;
                if (PlaceGazetteer.Key(name) != name) wrong.Add(name);
            }
        }

        Assert.True(checkedNames > 10_000, $"only {checkedNames} alternate names");
        Assert.Empty(wrong.Take(20));
    }

    [Theory]
    [InlineData("bombay", true)]
    [InlineData("tuz khurmatu", true)]
    [InlineData("Bombay", false)]
    [InlineData("tuz  khurmatu", false)]
    [InlineData("the hague", false)]
    [InlineData("ciddə", false)]
    public void IsKey_FoldedAsciiNames_AreKeys(string name, bool expected) => Assert.Equal(expected, PlaceGazetteer.IsKey(name));
}
