using System.Collections.Immutable;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Dossier.Core.Documents;

namespace Dossier.Storage.Sqlite;

/// <summary>
/// The <c>documents.annotations</c> column: entities, times, values and events as one JSON object with the
/// same camelCase shapes as the <c>dossier/1</c> contract, so that <c>json_extract</c> reads it naturally.
/// </summary>
internal static class AnnotationsJson
{
    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        NumberHandling = JsonNumberHandling.AllowReadingFromString,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    };

    /// <summary>The JSON, or null when the document has none of these layers.</summary>
    public static string? Serialize(Document document)
    {
        if (document.Entities.IsDefaultOrEmpty && document.Times.IsDefaultOrEmpty
            && document.Values.IsDefaultOrEmpty && document.Events.IsDefaultOrEmpty)
        {
            return null;
        }

        return JsonSerializer.Serialize(
            new Layers(OrEmpty(document.Entities), OrEmpty(document.Times), OrEmpty(document.Values), OrEmpty(document.Events)),
            Options);
    }

    /// <exception cref="JsonException">When <paramref name="json"/> is not what <see cref="Serialize"/> writes.</exception>
    public static Document Apply(Document document, string? json)
    {
        if (json is null)
        {
            return document;
        }

        var layers = JsonSerializer.Deserialize<Layers>(json, Options) ?? throw new JsonException("null annotations");
        return document with
        {
            Entities = OrEmpty(layers.Entities),
            Times = OrEmpty(layers.Times),
            Values = OrEmpty(layers.Values),
            Events = OrEmpty(layers.Events),
        };
    }

    private static ImmutableArray<T> OrEmpty<T>(ImmutableArray<T> items) => items.IsDefault ? [] : items;

    private sealed record Layers(
        ImmutableArray<Entity> Entities,
        ImmutableArray<TimeExpression> Times,
        ImmutableArray<ValueMention> Values,
        ImmutableArray<Event> Events);
}
