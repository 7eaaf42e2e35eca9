using System.Collections.Immutable;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
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
    /// produces the same bytes as <see cref="Serialize"/>'s string in UTF-8. No string is built for the document.
    /// </summary>
    /// <param name="writer">Where the object goes; its options decide the indentation. Not flushed.</param>
    /// <param name="document">The document; its layers must not be <c>default</c> arrays (empty ones are fine).</param>
    /// <param name="includeTokens">False to leave the <c>sentences</c> and <c>tokens</c> arrays out (for readers that
    /// want only entities, times, values and events); the mentions keep their <c>sentence</c> indexes.</param>
    public static void Write(Utf8JsonWriter writer, Document document, bool includeTokens = true)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(document);
        JsonSerializer.Serialize(writer, ToJson(document, includeTokens), Compact);
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

    private static DocumentJson ToJson(Document d, bool includeTokens = true) => new(
        Schema,
        new DocumentHeaderJson(d.Id, d.Metadata.Title, d.Metadata.Source, d.Metadata.Url,
            d.Metadata.Published?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), d.Language, d.Topic, d.Text),
        includeTokens ? [.. d.Sentences.Select(s => new SentenceJson(s.Start, s.End, s.FirstToken, s.TokenCount, s.CutAtLimit ? true : null))] : null,
        includeTokens ? [.. d.Tokens.Select(t => new TokenJson(t.Start, t.End, d.TextOf(t), t.Sentence, t.Upos, t.Xpos, t.Lemma, t.Head, t.Relation))] : null,
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
