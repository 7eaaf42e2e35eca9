using System.Collections.Frozen;
using System.Collections.Immutable;
using System.IO.Compression;
using System.Text;
using Dossier.Core.Data;

namespace Dossier.Extraction.Actors;

/// <summary>Loading the knowledge base: the compiled Phoenix file, the hand-written lexicons and the supplement.</summary>
public sealed partial class ActorKnowledgeBase
{
    /// <summary>Loads the compiled file and the hand-written lexicons from <paramref name="directory"/>.</summary>
    /// <exception cref="ActorKnowledgeBaseLoadException">A file is missing or malformed; the message names it.</exception>
    public static ActorKnowledgeBase Load(string directory)
    {
        ArgumentNullException.ThrowIfNull(directory);
        var countries = new Dictionary<string, CountryInfo>(StringComparer.Ordinal);
        var byCode = new Dictionary<string, CountryInfo>(StringComparer.Ordinal);
        var demonyms = new Dictionary<string, CountryInfo>(StringComparer.Ordinal);
        var capitals = new Dictionary<string, CountryInfo>(StringComparer.Ordinal);
        var places = new Dictionary<string, CountryInfo>(StringComparer.Ordinal);
        var groups = new Dictionary<string, string>(StringComparer.Ordinal);
        var actors = new Dictionary<string, List<KnownActor>>(StringComparer.Ordinal);
        var phoenixActors = new List<KnownActor>();

        var compiled = Path.Combine(directory, CompiledFileName);
        if (!File.Exists(compiled)) throw new ActorKnowledgeBaseLoadException(compiled, "the file is missing");
        string[] lines;
        try
        {
            using var file = File.OpenRead(compiled);
            using var gzip = new GZipStream(file, CompressionMode.Decompress);
            using var reader = new StreamReader(gzip, new UTF8Encoding(false, true));
            lines = reader.ReadToEnd().Split('\n');
        }
        catch (Exception e) when (e is IOException or InvalidDataException or DecoderFallbackException)
        {
            throw new ActorKnowledgeBaseLoadException(compiled, "the file is not a readable gzip TSV (" + e.Message + ")", e);
        }

        if (lines.Length == 0 || lines[0] != CompiledHeader) throw new ActorKnowledgeBaseLoadException(compiled, $"the header is not \"{CompiledHeader.Replace('\t', ' ')}\"");
        var pendingDemonyms = new List<(string Iso, string[] Words)>();
        var pendingPlaces = new List<(string Iso, string[] Words)>();
        for (var i = 1; i < lines.Length; i++)
        {
            var line = lines[i];
            if (line.Length == 0) continue;
            var cols = line.Split('\t');
            switch (cols[0])
            {
                case "C" when cols.Length >= 5:
                    var info = new CountryInfo(cols[1], cols[2], cols[3]);
                    byCode.TryAdd(info.Iso3, info);
                    byCode.TryAdd(info.CameoCode, info);
                    foreach (var name in cols[4].Split('|', StringSplitOptions.RemoveEmptyEntries)) countries.TryAdd(name, info);
                    break;
                case "D" when cols.Length >= 3:
                    pendingDemonyms.Add((cols[1], cols[2].Split('|', StringSplitOptions.RemoveEmptyEntries)));
                    break;
                case "P" when cols.Length >= 3:
                    pendingPlaces.Add((cols[1], cols[2].Split('|', StringSplitOptions.RemoveEmptyEntries)));
                    break;
                case "A" when cols.Length >= 5:
                    var kind = cols[1] == "P" ? ActorKind.Person : ActorKind.Unknown;
                    var codes = ParseCompiledCodes(cols[4]);
                    if (codes.IsDefaultOrEmpty) break;
                    var aliases = cols[3].Split('|', StringSplitOptions.RemoveEmptyEntries).ToImmutableArray();
                    phoenixActors.Add(new KnownActor(cols[2], kind, aliases, codes));
                    break;
                case "G" when cols.Length >= 3:
                    foreach (var noun in cols[2].Split('|', StringSplitOptions.RemoveEmptyEntries)) groups.TryAdd(noun, cols[1]);
                    break;
                default:
                    throw new ActorKnowledgeBaseLoadException(compiled, $"line {i + 1} is not a knowledge-base record");
            }
        }

        foreach (var (iso, words) in pendingDemonyms)
        {
            if (!byCode.TryGetValue(iso, out var info)) continue;
            foreach (var w in words) demonyms.TryAdd(w, info);
        }

        foreach (var (iso, words) in pendingPlaces)
        {
            if (!byCode.TryGetValue(iso, out var info)) continue;
            foreach (var w in words) places.TryAdd(w, info);
        }

        // Hand-written lexicons.
        foreach (var row in ReadTsv(Path.Combine(directory, DemonymsFileName), 2))
        {
            var cols = row.Columns;
            if (cols[1].Length != 3 || !cols[1].All(char.IsAsciiLetterUpper)) throw new ActorKnowledgeBaseLoadException(row.Error($"\"{cols[1]}\" is not a three-letter country code"));
            if (!byCode.TryGetValue(cols[1], out var info))
            {
                info = new CountryInfo(cols[1], cols[1], cols[0]);
                byCode[cols[1]] = info;
            }

            demonyms[ActorText.Normalize(cols[0])] = info;
        }

        foreach (var row in ReadTsv(Path.Combine(directory, CapitalsFileName), 2))
        {
            var cols = row.Columns;
            if (!byCode.TryGetValue(cols[1], out var info))
            {
                info = new CountryInfo(cols[1], cols[1], cols[1]);
                byCode[cols[1]] = info;
            }

            var names = new List<string> { cols[0] };
            if (cols.Length > 2) names.AddRange(cols[2].Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
            foreach (var n in names)
            {
                capitals[ActorText.Normalize(n)] = info;
                places.TryAdd(ActorText.Normalize(n), info);
            }
        }

        var titles = new Dictionary<string, TitleInfo>(StringComparer.Ordinal);
        foreach (var row in ReadTsv(Path.Combine(directory, TitlesFileName), 2))
        {
            var cols = row.Columns;
            var key = ActorText.Normalize(cols[0]);
            if (cols[1].Length != 3 || !cols[1].All(char.IsAsciiLetterUpper)) throw new ActorKnowledgeBaseLoadException(row.Error($"\"{cols[1]}\" is not a CAMEO sector"));
            titles[key] = new TitleInfo(key, cols[1], cols.Length > 2 && cols[2] == "leader");
        }

        foreach (var row in ReadTsv(Path.Combine(directory, GroupsFileName), 2))
        {
            groups[ActorText.Normalize(row.Columns[0])] = row.Columns[1];
        }

        var supplementPath = Path.Combine(directory, SupplementFileName);
        if (!File.Exists(supplementPath)) throw new ActorKnowledgeBaseLoadException(supplementPath, "the file is missing");
        var supplement = ParseActorsTsv(supplementPath, File.ReadAllLines(supplementPath), out var supplementError);
        if (supplementError is not null) throw new ActorKnowledgeBaseLoadException(supplementPath, supplementError);

        // Order of precedence for one name: the supplement (newer), then Phoenix.
        Dictionary<string, List<KnownActor>>? phoenixPeople = null;
        foreach (var actor in supplement!)
        {
            // A person the supplement updates keeps the older terms Phoenix knows (in the dictionaries' order).
            List<KnownActor> older = [];
            if (actor.Kind == ActorKind.Person)
            {
                phoenixPeople ??= PeopleByName(phoenixActors);
                older = phoenixPeople.GetValueOrDefault(ActorText.Normalize(actor.Name)) ?? [];
            }

            var merged = older.Count == 0 ? actor : actor with
            {
                Aliases = [.. actor.Aliases.Union(older.SelectMany(o => o.Aliases), StringComparer.Ordinal)],
                Codes = [.. actor.Codes, .. older.SelectMany(o => o.Codes)],
            };
            AddActor(actors, merged);
        }

        foreach (var actor in phoenixActors) AddActor(actors, actor);
        foreach (var name in countries.Keys.ToList())
        {
            // A demonym is never also a country name ("Afghan" is both in Phoenix): keep it a demonym.
            if (demonyms.ContainsKey(name) && name != ActorText.Normalize(countries[name].Name)) countries.Remove(name);
        }

        return new ActorKnowledgeBase(
            countries.ToFrozenDictionary(StringComparer.Ordinal),
            byCode.ToFrozenDictionary(StringComparer.Ordinal),
            demonyms.ToFrozenDictionary(StringComparer.Ordinal),
            capitals.ToFrozenDictionary(StringComparer.Ordinal),
            places.ToFrozenDictionary(StringComparer.Ordinal),
            titles.ToFrozenDictionary(StringComparer.Ordinal),
            groups.Where(g => g.Value != "-").ToFrozenDictionary(StringComparer.Ordinal),
            actors.ToDictionary(p => p.Key, p => p.Value.ToImmutableArray(), StringComparer.Ordinal));
    }

    /// <summary>The people of <paramref name="actors"/> by normalized name, each list in the order of <paramref name="actors"/>.</summary>
    private static Dictionary<string, List<KnownActor>> PeopleByName(List<KnownActor> actors)
    {
        var people = new Dictionary<string, List<KnownActor>>(StringComparer.Ordinal);
        foreach (var actor in actors)
        {
            if (actor.Kind != ActorKind.Person) continue;
            var key = ActorText.Normalize(actor.Name);
            if (!people.TryGetValue(key, out var list)) people[key] = list = [];
            list.Add(actor);
        }

        return people;
    }

    private static ImmutableArray<DatedCode> ParseCompiledCodes(string text)
    {
        var builder = ImmutableArray.CreateBuilder<DatedCode>();
        foreach (var part in text.Split(';', StringSplitOptions.RemoveEmptyEntries))
        {
            var at = part.IndexOf('@', StringComparison.Ordinal);
            if (at < 0)
            {
                builder.Add(new DatedCode(part, null, null));
                continue;
            }

            var range = part[(at + 1)..].Split('~');
            builder.Add(new DatedCode(part[..at], ParseIso(range[0]), range.Length > 1 ? ParseIso(range[1]) : null));
        }

        return builder.ToImmutable();
    }

    /// <summary>The rows of a hand-written lexicon; a missing file or a short row is an <see cref="ActorKnowledgeBaseLoadException"/> naming FILE:LINE.</summary>
    private static List<TsvRow> ReadTsv(string path, int minColumns)
    {
        try
        {
            return [.. TsvFile.Read(path, minColumns)];
        }
        catch (DataFileException e)
        {
            throw new ActorKnowledgeBaseLoadException(e);
        }
    }
}
