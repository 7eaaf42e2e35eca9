using System.Buffers;
using System.Text;
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
    /// <remarks>The columns this version writes are read by <see cref="TryRead"/>, a reader of their own shape (every event of
    /// an event list has one, and the serializer's way, for a record built through its constructor, was about a tenth of
    /// the web server's CPU per event list on PostgreSQL); anything else goes through <see cref="JsonSerializer"/> as before.</remarks>
    public static Place? Deserialize(string? json)
    {
        if (string.IsNullOrEmpty(json)) return null;
        if (TryRead(json, out var place))
        {
            return place;
        }

        try
        {
            return JsonSerializer.Deserialize<Place>(json, Options);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>Reads one JSON object of <see cref="Place"/>'s camelCase properties (any order, unknown ones skipped, as the
    /// serializer does); false for anything it does not read exactly as the serializer would (a property twice, a value of
    /// another JSON type, malformed text), which the caller then hands to the serializer.</summary>
    internal static bool TryRead(string json, out Place? place)
    {
        place = null;
        var max = Encoding.UTF8.GetMaxByteCount(json.Length);
        byte[]? rented = null;
        Span<byte> buffer = max <= 1024 ? stackalloc byte[1024] : (rented = ArrayPool<byte>.Shared.Rent(max));
        try
        {
            var reader = new Utf8JsonReader(buffer[..Encoding.UTF8.GetBytes(json, buffer)]);
            return TryRead(ref reader, out place);
        }
        catch (JsonException)
        {
            return false;
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }

    private static bool TryRead(ref Utf8JsonReader reader, out Place? place)
    {
        place = null;
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            return false;
        }

        string? name = null, featureClass = null, countryCode = null, admin1 = null, gazetteerId = null, country = null, admin1Code = null;
        double latitude = 0, longitude = 0;
        long population = 0;
        var seen = 0;
        while (reader.Read())
        {
            if (reader.TokenType == JsonTokenType.EndObject)
            {
                place = new Place(name!, featureClass!, countryCode!, admin1, latitude, longitude, gazetteerId!)
                {
                    Population = population,
                    Country = country,
                    Admin1Code = admin1Code,
                };
                return !reader.Read();
            }

            var property = reader.ValueTextEquals("name"u8) ? 0
                : reader.ValueTextEquals("featureClass"u8) ? 1
                : reader.ValueTextEquals("countryCode"u8) ? 2
                : reader.ValueTextEquals("admin1"u8) ? 3
                : reader.ValueTextEquals("latitude"u8) ? 4
                : reader.ValueTextEquals("longitude"u8) ? 5
                : reader.ValueTextEquals("gazetteerId"u8) ? 6
                : reader.ValueTextEquals("population"u8) ? 7
                : reader.ValueTextEquals("country"u8) ? 8
                : reader.ValueTextEquals("admin1Code"u8) ? 9
                : -1;
            if (!reader.Read())
            {
                return false;
            }

            if (property < 0)
            {
                reader.Skip();
                continue;
            }

            if ((seen & (1 << property)) != 0)
            {
                return false;
            }

            seen |= 1 << property;
            switch (property)
            {
                case 4 when reader.TokenType == JsonTokenType.Number && reader.TryGetDouble(out latitude):
                case 5 when reader.TokenType == JsonTokenType.Number && reader.TryGetDouble(out longitude):
                case 7 when reader.TokenType == JsonTokenType.Number && reader.TryGetInt64(out population):
                    break;
                case 4 or 5 or 7:
                    return false;
                default:
                    if (reader.TokenType is not (JsonTokenType.String or JsonTokenType.Null))
                    {
                        return false;
                    }

                    var text = reader.GetString();
                    switch (property)
                    {
                        case 0: name = text; break;
                        case 1: featureClass = text; break;
                        case 2: countryCode = text; break;
                        case 3: admin1 = text; break;
                        case 6: gazetteerId = text; break;
                        case 8: country = text; break;
                        default: admin1Code = text; break;
                    }

                    break;
            }
        }

        return false;
    }
}
