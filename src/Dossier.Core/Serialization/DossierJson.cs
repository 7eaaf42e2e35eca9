using System.Collections.Immutable;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Dossier.Core.Documents;

namespace Dossier.Core.Serialization;

/// <summary>
/// Reads and writes the <c>dossier/1</c> JSON contract (<c>../shared/docs/output-schema.md</c>).
/// Adds two sections to the contract: <c>sentences</c> and <c>tokens</c>, both with half-open offsets.
/// </summary>
/// <remarks>
/// Property names are camelCase and case-sensitive. Only what the document records hold is written: the
/// <see cref="Document.Names"/> layer and the 1.1 fields those records lack (<c>place</c>, <c>evidenceStart</c>) are
/// not, and unknown properties are ignored when reading. A mention read without a <c>kind</c> (written before 1.1), or
/// with one that is not a <see cref="Labels.MentionKinds"/> name, is a <c>name</c>.
/// Stateless and thread-safe.
/// </remarks>
public static partial class DossierJson
{
    /// <summary>The value of the top-level <c>schema</c> property, written and required.</summary>
    public const string Schema = "dossier/1";

    private static readonly JsonSerializerOptions Compact = CreateOptions(indented: false);
    private static readonly JsonSerializerOptions Indented = CreateOptions(indented: true);

    /// <summary>
    /// The document as one <c>dossier/1</c> object. The same document always gives the same string (event attributes
    /// are written in ordinal key order); non-ASCII and HTML-sensitive characters are written unescaped, so the
    /// result must be escaped before it is embedded in HTML.
    /// </summary>
    /// <param name="document">The document; its layers must not be <c>default</c> arrays (empty ones are fine).</param>
    /// <param name="indented">True for one property a line, indented; false for one line without white space between tokens.</param>
    public static string Serialize(Document document, bool indented = false) =>
        JsonSerializer.Serialize(ToJson(document), indented ? Indented : Compact);

    /// <summary>
    /// Writes the document as one <c>dossier/1</c> object straight to <paramref name="writer"/>, with the same
    /// properties, values and order as <see cref="Serialize"/>: created with <see cref="WriterOptions"/>, the writer
    /// produces the same bytes as <see cref="Serialize"/>'s string in UTF-8. No string is built for the document: the
    /// header, sentences and tokens are written by hand (a token's text straight from the document's text), the entity,
    /// time, value and event arrays by the serializer's generated metadata.
    /// </summary>
    /// <param name="writer">Where the object goes; its options decide the indentation. Not flushed.</param>
    /// <param name="document">The document; its layers must not be <c>default</c> arrays (empty ones are fine).</param>
    /// <param name="includeTokens">False to leave the <c>sentences</c> and <c>tokens</c> arrays out (for readers that
    /// want only entities, times, values and events); the mentions keep their <c>sentence</c> indexes.</param>
    public static void Write(Utf8JsonWriter writer, Document document, bool includeTokens = true)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(document);
        var d = document;
        writer.WriteStartObject();
        writer.WriteString(Names.Schema, Schema);
        writer.WritePropertyName(Names.Document);
        writer.WriteStartObject();
        writer.WriteString(Names.Id, d.Id);
        StringOrNull(writer, Names.Title, d.Metadata.Title);
        StringOrNull(writer, Names.Source, d.Metadata.Source);
        StringOrNull(writer, Names.Url, d.Metadata.Url);
        if (d.Metadata.Published is { } published)
        {
            Span<char> date = stackalloc char[16];
            published.TryFormat(date, out var length, "yyyy-MM-dd", CultureInfo.InvariantCulture);
            writer.WriteString(Names.Published, date[..length]);
        }
        else
        {
            writer.WriteNull(Names.Published);
        }

        StringOrNull(writer, Names.Language, d.Language);
        StringOrNull(writer, Names.Topic, d.Topic);
        StringOrNull(writer, Names.Text, d.Text);
        writer.WriteEndObject();
        if (includeTokens)
        {
            writer.WritePropertyName(Names.Sentences);
            writer.WriteStartArray();
            foreach (var s in d.Sentences)
            {
                writer.WriteStartObject();
                writer.WriteNumber(Names.Start, s.Start);
                writer.WriteNumber(Names.End, s.End);
                writer.WriteNumber(Names.FirstToken, s.FirstToken);
                writer.WriteNumber(Names.TokenCount, s.TokenCount);
                if (s.CutAtLimit)
                {
                    writer.WriteBoolean(Names.Cut, true);
                }

                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WritePropertyName(Names.Tokens);
            writer.WriteStartArray();
            var text = d.Text.AsSpan();
            foreach (var t in d.Tokens)
            {
                writer.WriteStartObject();
                writer.WriteNumber(Names.Start, t.Start);
                writer.WriteNumber(Names.End, t.End);
                writer.WriteString(Names.Text, text[t.Start..t.End]);
                writer.WriteNumber(Names.Sentence, t.Sentence);
                StringOrNull(writer, Names.Upos, t.Upos);
                StringOrNull(writer, Names.Xpos, t.Xpos);
                StringOrNull(writer, Names.Lemma, t.Lemma);
                writer.WriteNumber(Names.Head, t.Head);
                StringOrNull(writer, Names.Relation, t.Relation);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
        }

        writer.WritePropertyName(Names.Entities);
        JsonSerializer.Serialize(writer, d.Entities, Layers.Entities);
        writer.WritePropertyName(Names.Times);
        JsonSerializer.Serialize(writer, d.Times, Layers.Times);
        writer.WritePropertyName(Names.Values);
        JsonSerializer.Serialize(writer, d.Values, Layers.Values);
        writer.WritePropertyName(Names.Events);
        JsonSerializer.Serialize(writer, d.Events, Layers.Events);
        writer.WriteEndObject();
    }

    private static void StringOrNull(Utf8JsonWriter writer, JsonEncodedText name, string? value)
    {
        if (value is null)
        {
            writer.WriteNull(name);
        }
        else
        {
            writer.WriteString(name, value);
        }
    }

    /// <summary>The property names <see cref="Write"/> writes by hand: those the serializer's camel-case policy gives
    /// the records of <see cref="ToJson"/>.</summary>
    private static class Names
    {
        public static readonly JsonEncodedText Schema = JsonEncodedText.Encode("schema");
        public static readonly JsonEncodedText Document = JsonEncodedText.Encode("document");
        public static readonly JsonEncodedText Id = JsonEncodedText.Encode("id");
        public static readonly JsonEncodedText Title = JsonEncodedText.Encode("title");
        public static readonly JsonEncodedText Source = JsonEncodedText.Encode("source");
        public static readonly JsonEncodedText Url = JsonEncodedText.Encode("url");
        public static readonly JsonEncodedText Published = JsonEncodedText.Encode("published");
        public static readonly JsonEncodedText Language = JsonEncodedText.Encode("language");
        public static readonly JsonEncodedText Topic = JsonEncodedText.Encode("topic");
        public static readonly JsonEncodedText Text = JsonEncodedText.Encode("text");
        public static readonly JsonEncodedText Sentences = JsonEncodedText.Encode("sentences");
        public static readonly JsonEncodedText Tokens = JsonEncodedText.Encode("tokens");
        public static readonly JsonEncodedText Start = JsonEncodedText.Encode("start");
        public static readonly JsonEncodedText End = JsonEncodedText.Encode("end");
        public static readonly JsonEncodedText FirstToken = JsonEncodedText.Encode("firstToken");
        public static readonly JsonEncodedText TokenCount = JsonEncodedText.Encode("tokenCount");
        public static readonly JsonEncodedText Cut = JsonEncodedText.Encode("cut");
        public static readonly JsonEncodedText Sentence = JsonEncodedText.Encode("sentence");
        public static readonly JsonEncodedText Upos = JsonEncodedText.Encode("upos");
        public static readonly JsonEncodedText Xpos = JsonEncodedText.Encode("xpos");
        public static readonly JsonEncodedText Lemma = JsonEncodedText.Encode("lemma");
        public static readonly JsonEncodedText Head = JsonEncodedText.Encode("head");
        public static readonly JsonEncodedText Relation = JsonEncodedText.Encode("relation");
        public static readonly JsonEncodedText Entities = JsonEncodedText.Encode("entities");
        public static readonly JsonEncodedText Times = JsonEncodedText.Encode("times");
        public static readonly JsonEncodedText Values = JsonEncodedText.Encode("values");
        public static readonly JsonEncodedText Events = JsonEncodedText.Encode("events");
    }

    /// <summary>The generated serializer metadata of the four layers <see cref="Write"/> hands to the serializer.</summary>
    private static class Layers
    {
        public static readonly JsonTypeInfo<ImmutableArray<Entity>> Entities = Info<ImmutableArray<Entity>>();
        public static readonly JsonTypeInfo<ImmutableArray<TimeExpression>> Times = Info<ImmutableArray<TimeExpression>>();
        public static readonly JsonTypeInfo<ImmutableArray<ValueMention>> Values = Info<ImmutableArray<ValueMention>>();
        public static readonly JsonTypeInfo<ImmutableArray<Event>> Events = Info<ImmutableArray<Event>>();

        private static JsonTypeInfo<T> Info<T>() => (JsonTypeInfo<T>)Compact.GetTypeInfo(typeof(T));
    }

    /// <summary>The writer options under which <see cref="Write"/> gives the bytes of <see cref="Serialize"/>.</summary>
    /// <param name="indented">As for <see cref="Serialize"/>.</param>
    public static JsonWriterOptions WriterOptions(bool indented) => new()
    {
        Indented = indented,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        SkipValidation = true,
    };

    /// <summary>
    /// The document that a <c>dossier/1</c> object describes. <see cref="Document.Id"/> is computed again from the
    /// title and text, not read; <c>published</c> keeps only a leading <c>YYYY-MM-DD</c> (null when there is none);
    /// a missing <c>language</c> is null (not analysed as English); missing layers are empty.
    /// </summary>
    /// <param name="json">One JSON object, as <see cref="Serialize"/> writes it.</param>
    /// <exception cref="JsonException">When <paramref name="json"/> is not a <c>dossier/1</c> document.</exception>
    /// <remarks>
    /// An object with the right schema but no <c>document</c> header fails with <see cref="NullReferenceException"/>,
    /// and a header without <c>text</c> with <see cref="ArgumentNullException"/>, not with <see cref="JsonException"/>.
    /// </remarks>
    public static Document Deserialize(string json)
    {
        var dto = JsonSerializer.Deserialize<DocumentJson>(json, Compact)
            ?? throw new JsonException("Empty JSON document.");
        if (dto.Schema != Schema)
        {
            throw new JsonException($"Expected schema \"{Schema}\" but found \"{dto.Schema}\".");
        }

        return FromJson(dto);
    }

    private static JsonSerializerOptions CreateOptions(bool indented) => new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = indented,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        NumberHandling = JsonNumberHandling.AllowReadingFromString,
        // Metadata generated at compile time: no reflection, no emitted accessors and ~300 fewer methods compiled at run
        // time on the first document (docs/evaluation.md, "Issue 15: cold start"); the same bytes as the reflection resolver.
        TypeInfoResolver = GeneratedMetadata.Default,
    };

    private static DocumentJson ToJson(Document d) => new(
        Schema,
        new DocumentHeaderJson(d.Id, d.Metadata.Title, d.Metadata.Source, d.Metadata.Url,
            d.Metadata.Published?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), d.Language, d.Topic, d.Text),
        [.. d.Sentences.Select(s => new SentenceJson(s.Start, s.End, s.FirstToken, s.TokenCount, s.CutAtLimit ? true : null))],
        [.. d.Tokens.Select(t => new TokenJson(t.Start, t.End, d.TextOf(t), t.Sentence, t.Upos, t.Xpos, t.Lemma, t.Head, t.Relation))],
        d.Entities,
        d.Times,
        d.Values,
        d.Events);

    private static Entity KnownKinds(Entity e) =>
        e.Mentions.IsDefault || e.Mentions.All(m => Labels.MentionKinds.IsKnown(m.Kind))
            ? e
            : e with { Mentions = [.. e.Mentions.Select(m => Labels.MentionKinds.IsKnown(m.Kind) ? m : m with { Kind = Labels.MentionKinds.Name })] };

    private static Document FromJson(DocumentJson dto)
    {
        var h = dto.Document;
        DateOnly? published = h.Published is { Length: >= 10 } p
            && DateOnly.TryParseExact(p[..10], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : null;
        return new Document(h.Text, new DocumentMetadata(h.Title, h.Source, published, h.Url), h.Language)
        {
            Topic = h.Topic,
            Sentences = [.. (dto.Sentences ?? []).Select(s => new Sentence(s.Start, s.End, s.FirstToken, s.TokenCount) { CutAtLimit = s.Cut == true })],
            Tokens = [.. (dto.Tokens ?? []).Select(t => new Token(t.Start, t.End, t.Sentence)
            {
                Upos = t.Upos, Xpos = t.Xpos, Lemma = t.Lemma, Head = t.Head, Relation = t.Relation,
            })],
            Entities = dto.Entities.IsDefault ? [] : [.. dto.Entities.Select(KnownKinds)],
            Times = dto.Times.IsDefault ? [] : dto.Times,
            Values = dto.Values.IsDefault ? [] : dto.Values,
            Events = dto.Events.IsDefault ? [] : dto.Events,
        };
    }

    private sealed record DocumentJson(
        string Schema,
        DocumentHeaderJson Document,
        [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] ImmutableArray<SentenceJson>? Sentences,
        [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] ImmutableArray<TokenJson>? Tokens,
        ImmutableArray<Entity> Entities,
        ImmutableArray<TimeExpression> Times,
        ImmutableArray<ValueMention> Values,
        ImmutableArray<Event> Events);

    private sealed record DocumentHeaderJson(string Id, string? Title, string Source, string? Url, string? Published, string? Language, string? Topic, string Text);

    /// <summary>A sentence as the JSON writes it; <paramref name="Cut"/> is true when it was cut at the sentence limit, and left out otherwise.</summary>
    private sealed record SentenceJson(int Start, int End, int FirstToken, int TokenCount,
        [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] bool? Cut = null);

    private readonly record struct TokenJson(int Start, int End, string Text, int Sentence, string? Upos, string? Xpos, string? Lemma, int Head, string? Relation);

    /// <summary>The serializer metadata of the contract's records, generated at compile time.</summary>
    [JsonSerializable(typeof(DocumentJson))]
    private sealed partial class GeneratedMetadata : JsonSerializerContext;
}
