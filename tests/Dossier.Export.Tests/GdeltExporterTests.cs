namespace Dossier.Export.Tests;

public sealed class GdeltExporterTests : SamplesTest
{
    private async Task<List<Dictionary<string, string>>> ExportAsync()
    {
        var (text, _) = await ExportRunner.ToStringAsync(new GdeltExporter(), Samples);
        return [.. text.TrimEnd('\n').Split('\n').Select(line => GdeltExporter.Columns.Zip(line.Split('\t')).ToDictionary(p => p.First, p => p.Second))];
    }

    [Fact]
    public void Columns_GdeltTwoEventTable_SixtyOneInCodebookOrder()
    {
        var columns = GdeltExporter.Columns;

        Assert.Equal(61, columns.Count);
        Assert.Equal(61, columns.Distinct().Count());
        Assert.Equal(["GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate", "Actor1Code"], columns.Take(6));
        Assert.Equal(("Actor2Code", "IsRootEvent", "EventCode", "AvgTone"), (columns[15], columns[25], columns[26], columns[34]));
        Assert.Equal(("Actor1Geo_Type", "Actor1Geo_ADM2Code", "Actor2Geo_Type", "ActionGeo_Type", "ActionGeo_FeatureID"), (columns[35], columns[39], columns[43], columns[51], columns[58]));
        Assert.Equal(["DATEADDED", "SOURCEURL"], columns.TakeLast(2));
    }

    [Fact]
    public async Task Export_EveryRow_HasExactlySixtyOneTabSeparatedFields()
    {
        var (text, result) = await ExportRunner.ToStringAsync(new GdeltExporter(), Samples);

        var lines = text.TrimEnd('\n').Split('\n');
        Assert.Equal(ExportSamples.EventCount, lines.Length);
        Assert.Equal(ExportSamples.EventCount, result.Records);
        Assert.All(lines, line => Assert.Equal(61, line.Split('\t').Length));
        Assert.DoesNotContain('\r', text);
    }

    [Fact]
    public async Task Export_MergedConsult_CodesCountsDatesPlaceAndSource()
    {
        var row = (await ExportAsync()).Single(r => r["EventCode"] == "040");

        Assert.Equal(("040", "04", "1", "1"), (row["EventBaseCode"], row["EventRootCode"], row["QuadClass"], row["GoldsteinScale"]));
        Assert.Equal(("UKRGOV", "Volodymyr Zelensky", "UKR", "GOV"), (row["Actor1Code"], row["Actor1Name"], row["Actor1CountryCode"], row["Actor1Type1Code"]));
        Assert.Equal(("USAGOV", "Donald Trump", "USA", "GOV"), (row["Actor2Code"], row["Actor2Name"], row["Actor2CountryCode"], row["Actor2Type1Code"]));
        Assert.Equal(("2", "2", "2"), (row["NumMentions"], row["NumSources"], row["NumArticles"]));
        Assert.Equal(("20251016", "202510", "2025", "2025.7890"), (row["SQLDATE"], row["MonthYear"], row["Year"], row["FractionDate"]));
        Assert.Equal(("Washington", "US", ""), (row["ActionGeo_FullName"], row["ActionGeo_CountryCode"], row["ActionGeo_Lat"]));
        Assert.Equal(("20251016000000", ExportSamples.ReutersUrl), (row["DATEADDED"], row["SOURCEURL"]));
        Assert.Equal(("", "", ""), (row["AvgTone"], row["IsRootEvent"], row["Actor1Geo_FullName"]));
    }

    [Theory]
    [InlineData("city", "HU", "HUN", "05", "4", "HU", "HU05")]
    [InlineData("admin1", "US", "USA", "MD", "2", "US", "USMD")]
    [InlineData("city", "US", "USA", "TX", "3", "US", "USTX")]
    [InlineData("country", "KR", "KOR", null, "1", "KS", "KS")]
    public void Row_EventWithAPlace_FillsActionGeo(string featureClass, string iso2, string iso3, string? admin1Code, string type, string fips, string adm1)
    {
        var place = new Core.Documents.Place("Somewhere", featureClass, iso2, admin1Code is null ? null : "Province", 12.3456, -45.6789, "12345")
        {
            Country = iso3, Admin1Code = admin1Code,
        };
        var e = new Storage.Corpus.CorpusEventSummary(1, "CONSULT", null, "040", 1, 1.0, "occurred", "2025-10-16", new DateOnly(2025, 10, 16), false,
            "Somewhere", [], [], 1, 1, 1, []) { Place = place, PlaceScope = "sentence" };

        var row = GdeltExporter.Columns.Zip(GdeltExporter.Row(e, new Dictionary<long, Storage.Corpus.CorpusEntitySummary>(), null, null))
            .ToDictionary(p => p.First, p => p.Second);

        Assert.Equal((type, fips, adm1), (row["ActionGeo_Type"], row["ActionGeo_CountryCode"], row["ActionGeo_ADM1Code"]));
        Assert.Equal(("12.3456", "-45.6789", "12345"), (row["ActionGeo_Lat"], row["ActionGeo_Long"], row["ActionGeo_FeatureID"]));
        Assert.Equal(featureClass == "city" ? "Somewhere, Province" : "Somewhere", row["ActionGeo_FullName"]);
        Assert.Equal("", row["Actor1Geo_Lat"]);
    }

    [Fact]
    public async Task Export_CodeOnlyInternationalTarget_GroupAndTypeFromTheCameoCode()
    {
        var row = (await ExportAsync()).Single(r => r["EventCode"] == "138");

        Assert.Equal(("RUS", "RUS", "Russia"), (row["Actor1Code"], row["Actor1CountryCode"], row["Actor1Name"]));
        Assert.Equal(("IGOUNO", "", "UNO", "IGO"), (row["Actor2Code"], row["Actor2CountryCode"], row["Actor2KnownGroupCode"], row["Actor2Type1Code"]));
        Assert.Equal(("13", "3", "-7"), (row["EventRootCode"], row["QuadClass"], row["GoldsteinScale"]));
        Assert.Equal(("20251017", "", ExportSamples.ApUrl), (row["SQLDATE"], row["ActionGeo_FullName"], row["SOURCEURL"]));
    }

    [Fact]
    public async Task Export_ConflictEvent_ActorsInTheirRoles()
    {
        var row = (await ExportAsync()).Single(r => r["EventCode"] == "112");

        Assert.Equal(("USAGOV", "UKRGOV", "3", "-2"), (row["Actor1Code"], row["Actor2Code"], row["QuadClass"], row["GoldsteinScale"]));
        Assert.Equal(("1", "1"), (row["NumMentions"], row["NumArticles"]));
    }

    [Theory]
    [InlineData("USAGOV", "USA", "", "GOV")]
    [InlineData("USAMILREB", "USA", "", "MIL,REB")]
    [InlineData("IGOUNO", "", "UNO", "IGO")]
    [InlineData("RUS", "RUS", "", "")]
    [InlineData("REB", "", "", "REB")]
    [InlineData("US", "", "", "")]
    public void ParseActorCode_CameoCodes_CountryGroupAndTypes(string code, string country, string group, string types)
    {
        var parsed = GdeltExporter.ParseActorCode(code);

        Assert.Equal((country, group, types), (parsed.Country ?? "", parsed.Group ?? "", string.Join(',', parsed.Types)));
    }

    [Theory]
    [InlineData(2025, 1, 1, "2025.0000")]
    [InlineData(2025, 12, 31, "2025.9973")]
    [InlineData(2024, 7, 1, "2024.4973")]
    public void FractionDate_Day_YearPlusShareOfTheYearGone(int year, int month, int day, string expected) =>
        Assert.Equal(expected, GdeltExporter.FractionDate(new DateOnly(year, month, day)));

    [Theory]
    [InlineData("UKR", "UP")]
    [InlineData("DEU", "GM")]
    [InlineData("gbr", "UK")]
    [InlineData("XYZ", null)]
    [InlineData(null, null)]
    public void FromIso3_Country_FipsCode(string? iso3, string? fips) => Assert.Equal(fips, FipsCountryCodes.FromIso3(iso3));
}
