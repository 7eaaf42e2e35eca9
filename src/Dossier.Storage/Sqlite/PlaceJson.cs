using System.Text.Encodings.Web;
using System.Text.Json;
using Dossier.Core.Documents;

namespace Dossier.Storage.Sqlite;

/// <summary>The <c>place</c> and <c>location_place</c> columns: a <see cref="Place"/> as the camelCase JSON of <c>dossier/1</c> 1.1.</summary>
internal static class PlaceJson
{
    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static string? Serialize(Place? place) => place is null ? null : JsonSerializer.Serialize(place, Options);

    /// <summary>The place, or null for a null or unreadable value (a column written by a later version).</summary>
    public static Place? Deserialize(string? json)
    {
        if (string.IsNullOrEmpty(json)) return null;
        try
        {
            return JsonSerializer.Deserialize<Place>(json, Options);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
