using System.Text.Json;
using Dossier.Core.Documents;
using Dossier.Core.Labels;
using Dossier.Core.Serialization;

namespace Dossier.Core.Tests;

/// <summary><c>document.topic</c> and <c>event.domain</c> (dossier/1 version 1.1): written, read back, null when unset.</summary>
public class TopicJsonTests
{
    private static Document Match(string? topic) =>
        new Document("United beat City two nil on Saturday.", new DocumentMetadata("Derby", "match.txt", new DateOnly(2026, 3, 7)))
        {
            Topic = topic,
            Events = [new Event("v1", "FIGHT", "190", 4, -10, "occurred", new EventSpan("beat", 7, 11), 0)
            {
                Domain = DocumentTopics.DomainOf(topic),
                Evidence = "United beat City two nil on Saturday.",
            }],
        };

    [Fact]
    public void Serialize_SportDocument_WritesTopicAndEventDomain()
    {
        using var json = JsonDocument.Parse(DossierJson.Serialize(Match(DocumentTopics.Sport)));

        Assert.Equal("sport", json.RootElement.GetProperty("document").GetProperty("topic").GetString());
        Assert.Equal("sport", json.RootElement.GetProperty("events")[0].GetProperty("domain").GetString());
    }

    [Fact]
    public void Deserialize_SerializedDocument_RoundTripsTopicAndDomain()
    {
        var copy = DossierJson.Deserialize(DossierJson.Serialize(Match(DocumentTopics.Entertainment)));

        Assert.Equal(DocumentTopics.Entertainment, copy.Topic);
        Assert.Equal(DocumentTopics.Entertainment, Assert.Single(copy.Events).Domain);
    }

    [Fact]
    public void Serialize_PoliticsOrUnclassifiedDocument_WritesNullDomain()
    {
        using var politics = JsonDocument.Parse(DossierJson.Serialize(Match(DocumentTopics.Politics)));
        using var unclassified = JsonDocument.Parse(DossierJson.Serialize(Match(null)));

        Assert.Equal(JsonValueKind.Null, politics.RootElement.GetProperty("events")[0].GetProperty("domain").ValueKind);
        Assert.Equal(JsonValueKind.Null, unclassified.RootElement.GetProperty("document").GetProperty("topic").ValueKind);
        Assert.Null(DossierJson.Deserialize(DossierJson.Serialize(Match(null))).Topic);
    }

    [Theory]
    [InlineData("sport", "sport")]
    [InlineData("entertainment", "entertainment")]
    [InlineData("politics", null)]
    [InlineData("business", null)]
    [InlineData("science", null)]
    [InlineData("other", null)]
    [InlineData(null, null)]
    public void DomainOf_Topic_FlagsOnlySportAndEntertainment(string? topic, string? domain) =>
        Assert.Equal(domain, DocumentTopics.DomainOf(topic));

    [Theory]
    [InlineData(null, "general")]
    [InlineData(" ALL ", "all")]
    [InlineData("Sport", "sport")]
    [InlineData("weather", null)]
    public void Parse_DomainFilter_NormalisesOrRefuses(string? value, string? expected) =>
        Assert.Equal(expected, DomainFilters.Parse(value));
}
