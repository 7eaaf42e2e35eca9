using System.Collections.Immutable;
using System.Text.Json;
using Dossier.Core.Documents;
using Dossier.Core.Labels;
using Dossier.Core.Serialization;
using Dossier.Testing;

namespace Dossier.Core.Tests;

public class DossierJsonTests
{
    private static Document Sample()
    {
        const string text = "Trump called Putin on Thursday. It cost $2.5 million.";
        var document = new Document(text, new DocumentMetadata("Call", "sample.txt", new DateOnly(2025, 10, 17), "https://example.org/a"));
        return document with
        {
            Sentences = [new Sentence(0, 31, 0, 6), new Sentence(32, 53, 6, 6)],
            Tokens =
            [
                new Token(0, 5, 0) { Upos = "PROPN", Xpos = "NNP", Lemma = "Trump", Head = 1, Relation = "nsubj" },
                new Token(6, 12, 0) { Upos = "VERB", Xpos = "VBD", Lemma = "call", Head = -1, Relation = "root" },
                new Token(13, 18, 0), new Token(19, 21, 0), new Token(22, 30, 0), new Token(30, 31, 0),
                new Token(32, 34, 1), new Token(35, 39, 1), new Token(40, 41, 1), new Token(41, 44, 1),
                new Token(45, 52, 1), new Token(52, 53, 1),
            ],
            Entities = [new Entity("e1", "Donald Trump", "PERSON")
            {
                Aliases = ["Trump"], Country = "USA", Sector = "GOV", Code = "USAGOV",
                Roles = [new Role("President", null, "USA", "current")],
                Mentions =
                [
                    new Mention(0, 5, "Trump", 0),
                    new Mention(32, 34, "It", 1) { Kind = MentionKinds.Pronoun },
                    new Mention(40, 52, "$2.5 million", 1) { Kind = MentionKinds.Description },
                ],
            }],
            Times = [new TimeExpression("Thursday", "DATE", "2025-10-16", 22, 30, 0)],
            Values = [new ValueMention("$2.5 million", "MONEY", 2500000m, "USD", 40, 52, 1)],
            Events = [new Event("v1", "CONSULT", "040", 1, 1.0, "occurred", new EventSpan("called", 6, 12), 0)
            {
                Mode = "phone",
                Source = [new EventActor("Trump", "e1", "USA", "GOV", "USAGOV")],
                Target = [new EventActor("Putin", null, "RUS", "GOV", "RUSGOV")],
                Date = new EventDate("Thursday", "2025-10-16"),
                Attributes = ImmutableDictionary<string, string>.Empty.Add("duration", "PT2H"),
                Evidence = "Trump called Putin on Thursday.",
                Confidence = 0.8,
            }],
        };
    }

    [Fact]
    public void Serialize_Document_WritesSchemaAndAllSections()
    {
        using var json = JsonDocument.Parse(DossierJson.Serialize(Sample()));
        var root = json.RootElement;
        Assert.Equal("dossier/1", root.GetProperty("schema").GetString());
        Assert.Equal("2025-10-17", root.GetProperty("document").GetProperty("published").GetString());
        Assert.Equal("en", root.GetProperty("document").GetProperty("language").GetString());
        foreach (var section in new[] { "entities", "times", "values", "events", "sentences", "tokens" })
        {
            Assert.Equal(JsonValueKind.Array, root.GetProperty(section).ValueKind);
        }

        var evt = root.GetProperty("events")[0];
        Assert.Equal(1, evt.GetProperty("quadClass").GetInt32());
        Assert.Equal("PT2H", evt.GetProperty("attributes").GetProperty("duration").GetString());
        Assert.Equal("USAGOV", evt.GetProperty("source")[0].GetProperty("code").GetString());
        Assert.Equal(JsonValueKind.Null, evt.GetProperty("location").ValueKind);
        Assert.Equal("Trump", root.GetProperty("tokens")[0].GetProperty("text").GetString());
    }

    [Fact]
    public void Deserialize_SerializedDocument_RoundTripsEveryLayer()
    {
        var original = Sample();
        var copy = DossierJson.Deserialize(DossierJson.Serialize(original));
        Assert.Equal(original.Id, copy.Id);
        Assert.Equal(original.Metadata, copy.Metadata);
        Assert.Equal(original.Sentences.ToArray(), copy.Sentences.ToArray());
        Assert.Equal(original.Tokens.ToArray(), copy.Tokens.ToArray());
        Assert.Equal(original.Entities[0].Roles.ToArray(), copy.Entities[0].Roles.ToArray());
        Assert.Equal(original.Entities[0].Mentions.ToArray(), copy.Entities[0].Mentions.ToArray());
        Assert.Equal(original.Times.ToArray(), copy.Times.ToArray());
        Assert.Equal(original.Values.ToArray(), copy.Values.ToArray());
        Assert.Equal(original.Events[0].Attributes["duration"], copy.Events[0].Attributes["duration"]);
        Assert.Equal(original.Events[0].Source.ToArray(), copy.Events[0].Source.ToArray());
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Write_ToUtf8JsonWriter_GivesTheBytesOfSerialize(bool indented)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, DossierJson.WriterOptions(indented)))
        {
            DossierJson.Write(writer, Sample());
        }

        Assert.Equal(DossierJson.Serialize(Sample(), indented), System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan));
    }

    /// <summary>A document whose header fields are all null or empty where they may be, with a sentence cut at the
    /// limit, untagged tokens beside tagged ones, and text the writer must escape (quotes, a backslash, a tab, a control
    /// character) or keep as it is (non-ASCII letters, an emoji, HTML-sensitive characters).</summary>
    private static Document Awkward()
    {
        const string text = "\"Café\" said\tno \\ <b>&</b> \u0001 naïve 😀 end";
        var document = new Document(text, new DocumentMetadata(null, "odd \"source\".txt", null), language: null);
        return document with
        {
            Topic = null,
            Sentences = [new Sentence(0, 14, 0, 4) { CutAtLimit = true }, new Sentence(15, text.Length, 4, 6)],
            Tokens =
            [
                new Token(0, 6, 0) { Upos = "PROPN", Xpos = "NNP", Lemma = "Café", Head = 1, Relation = "nsubj" },
                new Token(7, 11, 0), new Token(11, 12, 0) { Upos = "PUNCT", Xpos = "\"", Lemma = "\t", Head = -1, Relation = "punct" },
                new Token(12, 14, 0),
                new Token(15, 16, 1), new Token(17, 25, 1), new Token(26, 27, 1), new Token(28, 33, 1), new Token(34, 36, 1), new Token(37, 40, 1),
            ],
        };
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Write_NullHeaderFieldsCutSentenceAndEscapedText_GivesTheBytesOfSerialize(bool indented)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, DossierJson.WriterOptions(indented)))
        {
            DossierJson.Write(writer, Awkward());
        }

        var written = System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan);
        Assert.Equal(DossierJson.Serialize(Awkward(), indented), written);
        using var json = JsonDocument.Parse(written);
        Assert.True(json.RootElement.GetProperty("sentences")[0].GetProperty("cut").GetBoolean());
        Assert.False(json.RootElement.GetProperty("sentences")[1].TryGetProperty("cut", out _));
        Assert.Equal("\"Café\"", json.RootElement.GetProperty("tokens")[0].GetProperty("text").GetString());
        Assert.Equal(JsonValueKind.Null, json.RootElement.GetProperty("tokens")[1].GetProperty("upos").ValueKind);
        Assert.Equal(JsonValueKind.Null, json.RootElement.GetProperty("document").GetProperty("title").ValueKind);
    }

    [Fact]
    public void Write_TwoDocumentsThroughOneResetWriter_GivesEachDocumentsBytes()
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using var writer = new Utf8JsonWriter(buffer, DossierJson.WriterOptions(indented: false));
        DossierJson.Write(writer, Sample());
        writer.Flush();
        var first = buffer.WrittenCount;
        writer.Reset();
        DossierJson.Write(writer, Awkward());
        writer.Flush();
        Assert.Equal(DossierJson.Serialize(Sample()), System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan[..first]));
        Assert.Equal(DossierJson.Serialize(Awkward()), System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan[first..]));
    }

    [Fact]
    public void Write_WithoutTokens_LeavesSentencesAndTokensOutAndKeepsTheRest()
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, DossierJson.WriterOptions(indented: false)))
        {
            DossierJson.Write(writer, Sample(), includeTokens: false);
        }

        using var json = JsonDocument.Parse(buffer.WrittenMemory);
        Assert.False(json.RootElement.TryGetProperty("tokens", out _));
        Assert.False(json.RootElement.TryGetProperty("sentences", out _));
        Assert.Equal(1, json.RootElement.GetProperty("entities").GetArrayLength());
        Assert.Equal(1, json.RootElement.GetProperty("events").GetArrayLength());
        var read = DossierJson.Deserialize(System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan));
        Assert.Empty(read.Tokens);
        Assert.Equal(Sample().Events.Length, read.Events.Length);
    }

    [Fact]
    public void Sample_HandBuiltLayers_SatisfyOffsetInvariants()
    {
        OffsetAssert.Valid(Sample());
    }

    [Fact]
    public void Deserialize_OtherSchema_ThrowsJsonException()
    {
        var json = DossierJson.Serialize(Sample()).Replace("dossier/1", "dossier/9", StringComparison.Ordinal);
        Assert.Throws<JsonException>(() => DossierJson.Deserialize(json));
    }

    [Fact]
    public void Serialize_NoLaterLayers_WritesEmptySections()
    {
        var document = new Document("Plain text.", new DocumentMetadata(null, "a.txt", null));
        using var json = JsonDocument.Parse(DossierJson.Serialize(document));
        Assert.Equal(0, json.RootElement.GetProperty("entities").GetArrayLength());
        Assert.Equal(JsonValueKind.Null, json.RootElement.GetProperty("document").GetProperty("published").ValueKind);
        OffsetAssert.Valid(document);
    }

    [Fact]
    public void Serialize_MentionKinds_WritesKindOnEveryMention()
    {
        using var json = JsonDocument.Parse(DossierJson.Serialize(Sample()));
        var kinds = json.RootElement.GetProperty("entities")[0].GetProperty("mentions").EnumerateArray()
            .Select(m => m.GetProperty("kind").GetString() ?? "").ToArray();
        Assert.Equal([MentionKinds.Name, MentionKinds.Pronoun, MentionKinds.Description], kinds);
    }

    [Fact]
    public void Deserialize_MentionWithoutOrWithUnknownKind_ReadsAsName()
    {
        var json = DossierJson.Serialize(Sample())
            .Replace(",\"kind\":\"pronoun\"", "", StringComparison.Ordinal)
            .Replace("\"kind\":\"description\"", "\"kind\":null", StringComparison.Ordinal);
        var copy = DossierJson.Deserialize(json);
        Assert.Equal([MentionKinds.Name, MentionKinds.Name, MentionKinds.Name], copy.Entities[0].Mentions.Select(m => m.Kind).ToArray());
    }
}
