using Dossier.Core.Documents;
using Dossier.Core.Labels;
using Dossier.Extraction.Coreference;
using Dossier.Extraction.Events;
using Dossier.Extraction.Places;
using Dossier.Extraction.Tests.Coreference;
using Dossier.Nlp.Entities;
using Dossier.Nlp.Syntax;
using Dossier.Nlp.Tokenization;
using Dossier.Testing;
using Xunit.Abstractions;

namespace Dossier.Extraction.Tests.Places;

/// <summary>Tokens, syntax, entities, coreference, places and events on whole texts.</summary>
public sealed class PlacePipelineTests(ITestOutputHelper output)
{
    private static readonly Lazy<SyntaxModel> Syntax = new(() => SyntaxModel.Load());
    private static readonly Lazy<NerModel> Ner = new(() => NerModel.Load(SyntaxModel.DefaultDirectory));

    private Document Analyse(string text)
    {
        var doc = new Document(text, new DocumentMetadata(null, "test", new DateOnly(2025, 3, 14)));
        doc = new TokenizationStage().Process(doc);
        doc = new SyntaxStage(Syntax.Value).Process(doc);
        doc = new EntityRecognitionStage(Ner.Value).Process(doc);
        doc = new CoreferenceStage(CorefFixture.Kb).Process(doc);
        doc = new PlaceStage().Process(doc);
        doc = new EventStage(EventLexicon.Load()).Process(doc);
        foreach (var e in doc.Entities.Where(e => e.Place is not null))
        {
            output.WriteLine($"{e.Type} {e.Name} -> {e.Place!.Name} {e.Place.FeatureClass} {e.Place.CountryCode} {e.Place.Admin1} {e.Place.GazetteerId}");
        }

        foreach (var v in doc.Events)
        {
            output.WriteLine($"{v.Type} {v.Trigger.Text} @ {v.Location?.Text} {v.Location?.Place?.Name} {v.Location?.Scope}");
        }

        return doc;
    }

    [Fact]
    public void Analyse_NamesakeOfAForeignCapitalInAnAmericanReport_IsTheAmericanTown()
    {
        var doc = Analyse("Firefighters from Atlanta drove to Athens on Tuesday. The governor of Georgia visited Athens a day later.");
        var athens = doc.Entities.First(e => e.Name == "Athens");
        Assert.Equal("US", athens.Place?.CountryCode);
    }

    [Fact]
    public void Analyse_EventInANamedCity_CarriesTheCitysPlaceAndOthersFallBackToTheCountry()
    {
        var doc = Analyse("The prime minister of Kenya met the president of Tanzania in Mombasa on Monday. "
            + "The two leaders later signed a trade agreement.");
        var met = doc.Events.First(e => e.Trigger.Text == "met");
        Assert.Equal("Mombasa", met.Location?.Place?.Name);
        Assert.Equal(PlaceClasses.SentenceScope, met.Location?.Scope);
        var signed = doc.Events.FirstOrDefault(e => e.Trigger.Text == "signed");
        if (signed is not null)
        {
            Assert.Equal(PlaceClasses.DocumentScope, signed.Location?.Scope);
            Assert.Equal(PlaceClasses.Country, signed.Location?.Place?.FeatureClass);
        }
    }

    [SkippableFact]
    public void ReferenceReport_Places_EachPlacedInItsCountryAtItsLevel()
    {
        var path = SharedData.Require("samples/000_28743573a08fb585.txt");
        var doc = Analyse(File.ReadAllText(path));
        void Expect(string name, string cls, string country, double lat, double lon)
        {
            var e = doc.Entities.First(x => x.Name == name);
            Assert.NotNull(e.Place);
            Assert.Equal(cls, e.Place!.FeatureClass);
            Assert.Equal(country, e.Place.CountryCode);
            Assert.InRange(PlaceEvaluator.Kilometres(lat, lon, e.Place.Latitude, e.Place.Longitude), 0, 150);
        }

        Expect("Washington", PlaceClasses.City, "US", 38.9, -77.04);
        Expect("Budapest", PlaceClasses.City, "HU", 47.5, 19.04);
        Expect("Kyiv", PlaceClasses.City, "UA", 50.45, 30.52);
        Expect("Moscow", PlaceClasses.City, "RU", 55.75, 37.62);
        Expect("Maryland", PlaceClasses.Admin1, "US", 39.0, -76.7);
        Expect("South Korea", PlaceClasses.Country, "KR", 36.4, 127.9);
        Expect("White House", PlaceClasses.Landmark, "US", 38.9, -77.04);
    }
}
