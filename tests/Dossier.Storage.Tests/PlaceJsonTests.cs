using System.Text.Encodings.Web;
using System.Text.Json;
using Dossier.Core.Documents;
using Dossier.Storage.Sqlite;

namespace Dossier.Storage.Tests;

/// <summary>The place columns' own reader (<see cref="PlaceJson.TryRead"/>) against the serializer it stands in for.</summary>
public sealed class PlaceJsonTests
{
    private static readonly JsonSerializerOptions Serializer = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static TheoryData<Place> Places() =>
    [
        new Place("Kharkiv Oblast", "admin1", "UA", null, 49.5, 36.25, "UA-63") { Population = 2_600_000, Country = "UKR", Admin1Code = "07" },
        new Place("São Tomé", "city", "ST", "São Tomé Island", 0.33654, 6.72732, "2410763") { Population = 53_300, Country = "STP" },
        new Place("Quote \"and\" back\\slash", "landmark", "GB", "England", -0.000001, -179.99999999, "x") { Country = null },
        new Place("Tokyo", "city", "JP", "東京都", 35.6895, 139.69171, "1850147") { Population = long.MaxValue, Admin1Code = "40" },
    ];

    [Theory]
    [MemberData(nameof(Places))]
    public void Deserialize_WrittenBySerialize_ReadsTheSamePlaceAsTheSerializer(Place place)
    {
        var json = PlaceJson.Serialize(place)!;

        Assert.True(PlaceJson.TryRead(json, out var read));
        Assert.Equal(JsonSerializer.Deserialize<Place>(json, Serializer), read);
        Assert.Equal(place, PlaceJson.Deserialize(json));
    }

    [Theory]
    [InlineData("""{"gazetteerId":"RU","latitude":61.7,"name":"Russia","extra":{"a":[1,2]},"featureClass":"country","countryCode":"RU"}""")]
    [InlineData("""{"name":"Nowhere"}""")]
    [InlineData("""{"name":"N\u00e9e","featureClass":"city","countryCode":"FR","admin1":null,"latitude":1e2,"longitude":-0.0,"gazetteerId":"1"}""")]
    [InlineData("{}")]
    public void Deserialize_OtherShapes_ReadsWhatTheSerializerReads(string json)
    {
        Assert.Equal(JsonSerializer.Deserialize<Place>(json, Serializer), PlaceJson.Deserialize(json));
    }

    [Theory]
    [InlineData("""{"name":"A","name":"B"}""")]
    [InlineData("""{"latitude":"1.5"}""")]
    [InlineData("""{"latitude":null}""")]
    [InlineData("""{"population":1.5}""")]
    [InlineData("""{"name":3}""")]
    [InlineData("""{"name":"A"} trailing""")]
    [InlineData("""{"name":"A",}""")]
    [InlineData("[]")]
    [InlineData("not json")]
    public void TryRead_WhatItDoesNotReadExactly_LeavesToTheSerializer(string json)
    {
        Assert.False(PlaceJson.TryRead(json, out _));
        Place? expected;
        try
        {
            expected = JsonSerializer.Deserialize<Place>(json, Serializer);
        }
        catch (JsonException)
        {
            expected = null;
        }

        Assert.Equal(expected, PlaceJson.Deserialize(json));
    }
}
