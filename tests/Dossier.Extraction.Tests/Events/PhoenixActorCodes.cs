using System.Text.RegularExpressions;
using Dossier.Core.Documents;

namespace Dossier.Extraction.Tests.Events;

/// <summary>
/// Test-side stand-in for the actor-coding stage (built elsewhere): gives PERSON and ORG entities without a
/// country the country of their name in the Phoenix actor dictionary (../shared/data/cameo/Phoenix.Countries.actors.txt).
/// </summary>
internal static partial class PhoenixActorCodes
{
    private static readonly Lazy<Dictionary<string, string>> Names = new(Read);

    public static string? Path { get; set; }

    [GeneratedRegex(@"\[([A-Z]{3})")]
    private static partial Regex Code();

    private static Dictionary<string, string> Read()
    {
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        if (Path is null || !File.Exists(Path)) return names;
        var group = new List<string>();
        var coded = false;
        foreach (var line in File.ReadLines(Path))
        {
            if (line.Length == 0 || line[0] == '#') continue;
            if (char.IsWhiteSpace(line[0]) || line[0] == '[')
            {
                var m = Code().Match(line);
                if (m.Success && !coded)
                {
                    foreach (var n in group) names.TryAdd(n, m.Groups[1].Value);
                    coded = true;
                }

                continue;
            }

            if (coded)
            {
                group.Clear();
                coded = false;
            }

            var text = line;
            var hash = text.IndexOf('#', StringComparison.Ordinal);
            if (hash >= 0) text = text[..hash];
            var inline = Code().Match(text);
            var bracket = text.IndexOf('[', StringComparison.Ordinal);
            if (bracket >= 0) text = text[..bracket];
            var key = Key(text.Trim().TrimStart('+').Replace('_', ' '));
            if (key.Length > 0) group.Add(key);
            if (inline.Success)
            {
                foreach (var n in group) names.TryAdd(n, inline.Groups[1].Value);
                coded = true;
            }
        }

        return names;
    }

    private static string Key(string name) => string.Join(' ', name.ToUpperInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries));

    public static Document Apply(Document doc)
    {
        var names = Names.Value;
        if (names.Count == 0) return doc;
        return doc with
        {
            Entities = [.. doc.Entities.Select(e =>
                e.Country is null && e.Type is "PERSON" or "ORG" && names.TryGetValue(Key(e.Name), out var country)
                    ? e with { Country = country }
                    : e)],
        };
    }
}
