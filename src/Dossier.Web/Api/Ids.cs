using System.Text.Json;

namespace Dossier.Web.Api;

internal static class Ids
{
    /// <summary>A document id or an id prefix the store accepts: 6 to 32 hex digits.</summary>
    public static bool IsDocumentId(string? id) =>
        id is { Length: >= 6 and <= 32 } && id.All(char.IsAsciiHexDigit);
}

internal static class JsonDefaults
{
    public static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);
}
