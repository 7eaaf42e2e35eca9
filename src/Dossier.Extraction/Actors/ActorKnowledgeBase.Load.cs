using System.Collections.Frozen;
using System.Collections.Immutable;
using System.IO.Compression;
using System.Runtime.InteropServices;
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
        string text;
        try
        {
            text = ReadGzipText(compiled);
        }
        catch (Exception e) when (e is IOException or InvalidDataException or DecoderFallbackException)
        {
            throw new ActorKnowledgeBaseLoadException(compiled, "the file is not a readable gzip TSV (" + e.Message + ")", e);
        }

        // One string for the whole file, cut into lines and columns as spans: the ~27,000 actor lines make only the
        // strings and arrays the knowledge base keeps (start-up cost: docs/evaluation.md, "Issue 15: cold start", speed8).
        var rest = text.AsSpan();
        var headerEnd = rest.IndexOf('\n');
        if (!rest[..(headerEnd < 0 ? rest.Length : headerEnd)].SequenceEqual(CompiledHeader)) throw new ActorKnowledgeBaseLoadException(compiled, $"the header is not \"{CompiledHeader.Replace('\t', ' ')}\"");
        var pendingDemonyms = new List<(string Iso, string[] Words)>();
        var pendingPlaces = new List<(string Iso, string[] Words)>();
        var phoenixKeys = new List<string>();
        var lineNumber = 1;
        for (var more = headerEnd >= 0; more;)
        {
            rest = rest[(rest.IndexOf('\n') + 1)..];
            lineNumber++;
            var end = rest.IndexOf('\n');
            more = end >= 0;
            var lineSpan = more ? rest[..end] : rest;
            if (lineSpan.Length == 0) continue;
            if (lineSpan.StartsWith("A\t", StringComparison.Ordinal))
            {
                if (!TryParseCompiledActor(lineSpan, out var phoenix, out var wellFormed))
                {
                    if (!wellFormed) throw new ActorKnowledgeBaseLoadException(compiled, $"line {lineNumber} is not a knowledge-base record");
                    continue;
                }

                phoenixActors.Add(phoenix!);
                phoenixKeys.Add(ActorText.Normalize(phoenix!.Name));
                continue;
            }

            var cols = lineSpan.ToString().Split('\t');
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
                case "G" when cols.Length >= 3:
                    foreach (var noun in cols[2].Split('|', StringSplitOptions.RemoveEmptyEntries)) groups.TryAdd(noun, cols[1]);
                    break;
                default:
                    throw new ActorKnowledgeBaseLoadException(compiled, $"line {lineNumber} is not a knowledge-base record");
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
                phoenixPeople ??= PeopleByName(phoenixActors, phoenixKeys);
                older = phoenixPeople.GetValueOrDefault(ActorText.Normalize(actor.Name)) ?? [];
            }

            var merged = older.Count == 0 ? actor : actor with
            {
                Aliases = [.. actor.Aliases.Union(older.SelectMany(o => o.Aliases), StringComparer.Ordinal)],
                Codes = [.. actor.Codes, .. older.SelectMany(o => o.Codes)],
            };
            AddActor(actors, merged);
        }

        for (var a = 0; a < phoenixActors.Count; a++) AddActor(actors, phoenixActors[a], phoenixKeys[a]);
        foreach (var name in countries.Keys.ToList())
        {
            // A demonym is never also a country name ("Afghan" is both in Phoenix): keep it a demonym.
            if (demonyms.ContainsKey(name) && name != ActorText.Normalize(countries[name].Name)) countries.Remove(name);
        }

        return new ActorKnowledgeBase(
            countries,
            byCode,
            demonyms,
            capitals,
            places,
            titles,
            groups.Where(g => g.Value != "-"),
            ActorNameIndex.InMemory(actors.ToDictionary(p => p.Key, p => p.Value.ToImmutableArray(), StringComparer.Ordinal)));
    }

    /// <summary>The people of <paramref name="actors"/> by normalized name, each list in the order of <paramref name="actors"/>.</summary>
    /// <param name="keys">The normalized name of each actor (<see cref="ActorText.Normalize"/>), computed once at the load.</param>
    private static Dictionary<string, List<KnownActor>> PeopleByName(List<KnownActor> actors, List<string> keys)
    {
        var people = new Dictionary<string, List<KnownActor>>(StringComparer.Ordinal);
        for (var a = 0; a < actors.Count; a++)
        {
            var actor = actors[a];
            if (actor.Kind != ActorKind.Person) continue;
            var key = keys[a];
            if (!people.TryGetValue(key, out var list)) people[key] = list = [];
            list.Add(actor);
        }

        return people;
    }

    /// <summary>The gzip file <paramref name="path"/> as strict UTF-8 text (a leading byte-order mark dropped, as a reader would).</summary>
    private static string ReadGzipText(string path)
    {
        using var file = File.OpenRead(path);
        using var gzip = new GZipStream(file, CompressionMode.Decompress);
        using var buffer = new MemoryStream((int)Math.Min(int.MaxValue / 2, Math.Max(4096, file.Length * 4)));
        gzip.CopyTo(buffer);
        var bytes = buffer.GetBuffer().AsSpan(0, (int)buffer.Length);
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF])) bytes = bytes[3..];
        return StrictUtf8.GetString(bytes);
    }

    private static readonly UTF8Encoding StrictUtf8 = new(false, true);

    /// <summary>
    /// An actor line of the compiled file, <c>A KIND NAME ALIASES CODES</c> (tab-separated; at least five columns):
    /// false with <paramref name="wellFormed"/> true for an actor without codes (skipped), false with it false for a line
    /// of fewer than five columns. The same actor as splitting the line into strings would give.
    /// </summary>
    internal static bool TryParseCompiledActor(ReadOnlySpan<char> line, out KnownActor? actor, out bool wellFormed)
    {
        actor = null;
        Span<Range> columns = stackalloc Range[6];
        wellFormed = line.Split(columns, '\t') >= 5;
        if (!wellFormed) return false;
        var codes = ParseCompiledCodes(line[columns[4]]);
        if (codes.IsDefaultOrEmpty) return false;
        var kind = line[columns[1]].SequenceEqual("P") ? ActorKind.Person : ActorKind.Unknown;
        actor = new KnownActor(line[columns[2]].ToString(), kind, SplitNonEmpty(line[columns[3]], '|'), codes);
        return true;
    }

    /// <summary>The non-empty parts of <paramref name="text"/> between <paramref name="separator"/>s, as <c>Split</c> with <c>RemoveEmptyEntries</c> gives them.</summary>
    private static ImmutableArray<string> SplitNonEmpty(ReadOnlySpan<char> text, char separator)
    {
        if (text.IsEmpty) return [];
        var parts = new string[CountNonEmpty(text, separator)];
        var count = 0;
        for (var rest = text; !rest.IsEmpty;)
        {
            var part = NextPart(ref rest, separator);
            if (!part.IsEmpty) parts[count++] = part.ToString();
        }

        return ImmutableCollectionsMarshal.AsImmutableArray(parts);
    }

    private static int CountNonEmpty(ReadOnlySpan<char> text, char separator)
    {
        var count = 0;
        for (var rest = text; !rest.IsEmpty;)
        {
            if (!NextPart(ref rest, separator).IsEmpty) count++;
        }

        return count;
    }

    /// <summary>The text of <paramref name="rest"/> up to the first <paramref name="separator"/>; <paramref name="rest"/> moves past it.</summary>
    private static ReadOnlySpan<char> NextPart(ref ReadOnlySpan<char> rest, char separator)
    {
        var at = rest.IndexOf(separator);
        var part = at < 0 ? rest : rest[..at];
        rest = at < 0 ? [] : rest[(at + 1)..];
        return part;
    }

    /// <summary>The codes of a compiled actor: <c>CODE[@FROM[~TO]]</c> separated by <c>;</c> (empty parts skipped; a date
    /// that is not <c>yyyy-mm-dd</c> is null; past a second <c>~</c>, text is ignored).</summary>
    private static ImmutableArray<DatedCode> ParseCompiledCodes(ReadOnlySpan<char> text)
    {
        var codes = new DatedCode[CountNonEmpty(text, ';')];
        var count = 0;
        for (var rest = text; !rest.IsEmpty;)
        {
            var part = NextPart(ref rest, ';');
            if (part.IsEmpty) continue;
            var at = part.IndexOf('@');
            if (at < 0)
            {
                codes[count++] = new DatedCode(part.ToString(), null, null);
                continue;
            }

            var dates = part[(at + 1)..];
            var tilde = dates.IndexOf('~');
            DateOnly? from = ParseIso(tilde < 0 ? dates : dates[..tilde]), to = null;
            if (tilde >= 0)
            {
                var second = dates[(tilde + 1)..];
                var next = second.IndexOf('~');
                to = ParseIso(next < 0 ? second : second[..next]);
            }

            codes[count++] = new DatedCode(part[..at].ToString(), from, to);
        }

        return ImmutableCollectionsMarshal.AsImmutableArray(codes);
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
