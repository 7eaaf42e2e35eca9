using System.Collections.Immutable;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Dossier.Core.Serialization;

/// <summary>
/// Writes a string dictionary with its keys in ordinal order, so that the same document always gives
/// the same bytes: an <see cref="ImmutableDictionary{TKey,TValue}"/> enumerates in the order of string
/// hash codes, which differ from one process to the next.
/// </summary>
public sealed class SortedAttributesConverter : JsonConverter<ImmutableDictionary<string, string>>
{
    /// <summary>
    /// Reads a JSON object of string values. A null value reads as the empty string; a repeated key keeps its
    /// last value.
    /// </summary>
    /// <param name="reader">The reader, positioned on the object's start.</param>
    /// <param name="typeToConvert">The dictionary type (ignored).</param>
    /// <param name="options">The serializer options (ignored).</param>
    /// <exception cref="JsonException">The value is not an object, or one of its values is not a string or null.</exception>
    public override ImmutableDictionary<string, string> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var builder = ImmutableDictionary.CreateBuilder<string, string>();
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException("Expected an object of string attributes.");
        }

        while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
        {
            var key = reader.GetString() ?? throw new JsonException("Expected an attribute name.");
            reader.Read();
            builder[key] = reader.GetString() ?? "";
        }

        return builder.ToImmutable();
    }

    /// <summary>Writes <paramref name="value"/> as a JSON object whose keys are in ordinal order.</summary>
    /// <param name="writer">The writer to write the object to.</param>
    /// <param name="value">The attributes to write.</param>
    /// <param name="options">The serializer options (ignored; the writer's own escaping applies).</param>
    public override void Write(Utf8JsonWriter writer, ImmutableDictionary<string, string> value, JsonSerializerOptions options)
    {
        writer.WriteStartObject();
        foreach (var (key, text) in value.OrderBy(pair => pair.Key, StringComparer.Ordinal))
        {
            writer.WriteString(key, text);
        }

        writer.WriteEndObject();
    }
}
