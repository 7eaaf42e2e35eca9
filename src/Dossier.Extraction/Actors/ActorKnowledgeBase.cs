using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Globalization;
using System.IO.Compression;
using System.Text;
using Dossier.Core.Data;
using Dossier.Core.Labels;

namespace Dossier.Extraction.Actors;

/// <summary>
/// Who is who, as far as it is known before reading a report: countries (names, demonyms, capitals,
/// other places), international organisations, seats of government, and people with dated CAMEO
/// codes, compiled from the Phoenix/PETRARCH dictionaries (see <see cref="ActorKnowledgeBaseBuilder"/>)
/// plus hand-written lexicons in <c>models/actors/</c>: titles, group nouns, capitals, demonyms and a
/// supplement of actors the 2014–2018 dictionaries lack. Users add or override actors with
/// <see cref="WithUserActors"/>. Immutable and thread-safe once loaded.
/// </summary>
public sealed class ActorKnowledgeBase
{
    public const string CompiledFileName = "actors.tsv.gz";
    public const string TitlesFileName = "titles.tsv";
    public const string GroupsFileName = "groups.tsv";
    public const string CapitalsFileName = "capitals.tsv";
    public const string DemonymsFileName = "demonyms.tsv";
    public const string SupplementFileName = "supplement.tsv";
    internal const string CompiledHeader = "#dossier-actors\t1";

    /// <summary>The files <see cref="Load(string)"/> reads from its folder.</summary>
    public static IReadOnlyList<string> FileNames { get; } = [CompiledFileName, TitlesFileName, GroupsFileName, CapitalsFileName, DemonymsFileName, SupplementFileName];

    private static readonly Lazy<ActorKnowledgeBase> Shared = new(() => Load(DefaultDirectory));

    private readonly FrozenDictionary<string, CountryInfo> _countries;
    private readonly FrozenDictionary<string, CountryInfo> _countriesByCode;
    private readonly FrozenDictionary<string, CountryInfo> _demonyms;
    private readonly FrozenDictionary<string, CountryInfo> _capitals;
    private readonly FrozenDictionary<string, CountryInfo> _places;
    private readonly FrozenDictionary<string, TitleInfo> _titles;
    private readonly FrozenDictionary<string, string> _groups;
    private readonly ImmutableDictionary<string, ImmutableArray<KnownActor>> _actors;

    private ActorKnowledgeBase(
        FrozenDictionary<string, CountryInfo> countries,
        FrozenDictionary<string, CountryInfo> countriesByCode,
        FrozenDictionary<string, CountryInfo> demonyms,
        FrozenDictionary<string, CountryInfo> capitals,
        FrozenDictionary<string, CountryInfo> places,
        FrozenDictionary<string, TitleInfo> titles,
        FrozenDictionary<string, string> groups,
        ImmutableDictionary<string, ImmutableArray<KnownActor>> actors)
    {
        _countries = countries;
        _countriesByCode = countriesByCode;
        _demonyms = demonyms;
        _capitals = capitals;
        _places = places;
        _titles = titles;
        _groups = groups;
        _actors = actors;
        MaxTitleWords = titles.Keys.Select(k => k.Split(' ').Length).DefaultIfEmpty(1).Max();
    }

    /// <summary>The knowledge base from <see cref="DefaultDirectory"/>, loaded once per process.</summary>
    public static ActorKnowledgeBase Default => Shared.Value;

    /// <summary>
    /// The <c>models/actors</c> folder that holds the compiled file (see <see cref="ModelDirectory.LocateFolder"/>):
    /// beside the program, else beside <c>Dossier.slnx</c> found walking up from the base directory.
    /// </summary>
    public static string DefaultDirectory => ModelDirectory.LocateFolder("actors", CompiledFileName);

    /// <summary>The largest number of words in a title of the lexicon.</summary>
    public int MaxTitleWords { get; }

    /// <summary>Number of names that resolve to an actor (for reports and tests).</summary>
    public int ActorNameCount => _actors.Count;

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
        foreach (var actor in supplement!)
        {
            // A person the supplement updates keeps the older terms Phoenix knows.
            var older = actor.Kind == ActorKind.Person
                ? phoenixActors.Where(p => p.Kind == ActorKind.Person && ActorText.Normalize(p.Name) == ActorText.Normalize(actor.Name)).ToList()
                : [];
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
            actors.ToImmutableDictionary(p => p.Key, p => p.Value.ToImmutableArray(), StringComparer.Ordinal));
    }

    /// <summary>
    /// A new knowledge base with the actors of a user TSV file added in front of the built-in ones
    /// (a user entry wins over a built-in one of the same name). Format, one actor a line, tab-separated,
    /// <c>#</c> comments and blank lines ignored:
    /// <c>NAME  CODE  [TYPE]  [ALIASES separated by |]  [TITLE]  [FROM yyyy-mm-dd]  [TO yyyy-mm-dd]</c>.
    /// Never throws for bad input: a failure is a result with the message <c>FILE:LINE: reason</c>.
    /// </summary>
    public UserActorsResult WithUserActors(string tsvPath)
    {
        ArgumentNullException.ThrowIfNull(tsvPath);
        string[] lines;
        try
        {
            lines = File.ReadAllLines(tsvPath, new UTF8Encoding(false, true));
        }
        catch (FileNotFoundException)
        {
            return new UserActorsResult(null, $"{tsvPath}: the actors file does not exist");
        }
        catch (DirectoryNotFoundException)
        {
            return new UserActorsResult(null, $"{tsvPath}: the actors file does not exist");
        }
        catch (DecoderFallbackException)
        {
            return new UserActorsResult(null, $"{tsvPath}: the actors file is not UTF-8 text");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return new UserActorsResult(null, $"{tsvPath}: the actors file cannot be read ({e.Message})");
        }

        var parsed = ParseActorsTsv(tsvPath, lines, out var error);
        if (error is not null) return new UserActorsResult(null, error);
        var user = new Dictionary<string, List<KnownActor>>(StringComparer.Ordinal);
        foreach (var a in parsed!) AddActor(user, a with { FromUser = true });
        var builder = _actors.ToBuilder();
        foreach (var (key, list) in user)
        {
            // User entries replace the built-in ones of that name.
            builder[key] = [.. list];
        }

        var kb = new ActorKnowledgeBase(_countries, _countriesByCode, _demonyms, _capitals, _places, _titles, _groups, builder.ToImmutable());
        return new UserActorsResult(kb, null);
    }

    /// <summary>A country by one of its names ("Ukraine", "U.S.", "United Kingdom"); not demonyms or cities.</summary>
    public CountryInfo? FindCountry(string name) => Find(_countries, name);

    /// <summary>A country by ISO 3166-1 alpha-3 or CAMEO code.</summary>
    public CountryInfo? FindCountryByCode(string code) => _countriesByCode.GetValueOrDefault(code);

    /// <summary>The country of a nationality adjective or demonym ("Russian", "Ukrainians").</summary>
    public CountryInfo? FindDemonym(string word)
    {
        var found = Find(_demonyms, word);
        if (found is null && word.EndsWith('s')) found = Find(_demonyms, word[..^1]);
        return found;
    }

    /// <summary>The country whose capital this is ("Kyiv" → UKR, "Washington" → USA).</summary>
    public CountryInfo? FindCapital(string name) => Find(_capitals, name);

    /// <summary>The country a place is in: a country name, a capital, or a city, region or state the dictionaries list.</summary>
    public CountryInfo? FindPlace(string name) => FindCountry(name) ?? Find(_capitals, name) ?? Find(_places, name);

    /// <summary>
    /// A known actor by name. With <paramref name="kind"/>, actors of another known kind are passed over.
    /// User actors come first, then the supplement, then the Phoenix dictionaries.
    /// </summary>
    public KnownActor? FindActor(string name, ActorKind? kind = null)
    {
        var key = ActorText.Normalize(name);
        if (!_actors.TryGetValue(key, out var list) && !_actors.TryGetValue(ActorText.Fold(key), out list)) return null;
        foreach (var a in list)
        {
            if (kind is null || a.Kind == ActorKind.Unknown || a.Kind == kind || (kind == ActorKind.Organization && a.Kind == ActorKind.Building)) return a;
        }

        return null;
    }

    /// <summary>All actors known by this name (several people may share one).</summary>
    public ImmutableArray<KnownActor> FindActors(string name)
    {
        var key = ActorText.Normalize(name);
        return _actors.TryGetValue(key, out var list) || _actors.TryGetValue(ActorText.Fold(key), out list) ? list : [];
    }

    /// <summary>A title of the lexicon ("Secretary of State", "prime minister").</summary>
    public TitleInfo? FindTitle(string title) => Find(_titles, title);

    /// <summary>The CAMEO sector of a group noun, singular or plural ("officials" → GOV, "Republicans" → PTY), or null.</summary>
    public string? FindGroupSector(string noun)
    {
        var key = ActorText.Normalize(noun);
        return _groups.GetValueOrDefault(key) ?? _groups.GetValueOrDefault(ActorText.Singular(key));
    }

    private static CountryInfo? Find(FrozenDictionary<string, CountryInfo> map, string name)
    {
        var key = ActorText.Normalize(name);
        return map.GetValueOrDefault(key) ?? map.GetValueOrDefault(ActorText.Fold(key));
    }

    private static TitleInfo? Find(FrozenDictionary<string, TitleInfo> map, string name)
    {
        var key = ActorText.Normalize(name);
        return map.GetValueOrDefault(key) ?? map.GetValueOrDefault(ActorText.Fold(key));
    }

    private static void AddActor(Dictionary<string, List<KnownActor>> map, KnownActor actor)
    {
        foreach (var name in actor.Aliases.Prepend(actor.Name))
        {
            var key = ActorText.Normalize(name);
            if (key.Length == 0) continue;
            if (!map.TryGetValue(key, out var list)) map[key] = list = [];
            if (!list.Contains(actor)) list.Add(actor);
        }
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

    private static DateOnly? ParseIso(string text) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;

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

    private static readonly FrozenSet<string> ActorFileTypes = FrozenSet.ToFrozenSet(
        [EntityTypes.Person, EntityTypes.Organization, EntityTypes.Gpe, EntityTypes.Location, EntityTypes.Facility, EntityTypes.Group, EntityTypes.Event, EntityTypes.Law, EntityTypes.Product],
        StringComparer.Ordinal);

    /// <summary>Parses the actors TSV format shared by user files and the supplement; on the first bad line, <paramref name="error"/> is "FILE:LINE: reason".</summary>
    internal static List<KnownActor>? ParseActorsTsv(string path, IReadOnlyList<string> lines, out string? error)
    {
        var result = new List<KnownActor>();
        error = null;
        for (var i = 0; i < lines.Count; i++)
        {
            var raw = lines[i].TrimEnd('\r');
            if (raw.Trim().Length == 0 || raw.TrimStart().StartsWith('#')) continue;
            var where = $"{path}:{i + 1}";
            var cols = raw.Split('\t').Select(c => c.Trim()).ToArray();
            if (cols.Length < 2)
            {
                error = $"{where}: expected NAME<TAB>CODE[<TAB>TYPE<TAB>ALIASES<TAB>TITLE<TAB>FROM<TAB>TO], found {cols.Length} column{(cols.Length == 1 ? "" : "s")} (columns are separated by tabs)";
                return null;
            }

            if (cols.Length > 7)
            {
                error = $"{where}: expected at most 7 columns, found {cols.Length}";
                return null;
            }

            var name = cols[0];
            if (name.Length == 0 || ActorText.Normalize(name).Length == 0)
            {
                error = $"{where}: the name is empty";
                return null;
            }

            var code = cols[1].ToUpperInvariant();
            if (!ActorCodes.IsValid(code))
            {
                error = $"{where}: \"{cols[1]}\" is not a CAMEO actor code (3 to 15 letters in groups of three, such as USAGOV)";
                return null;
            }

            var kind = ActorKind.Unknown;
            if (cols.Length > 2 && cols[2].Length > 0)
            {
                var type = cols[2].ToUpperInvariant();
                if (!ActorFileTypes.Contains(type))
                {
                    error = $"{where}: \"{cols[2]}\" is not an entity type (PERSON, ORG, GPE, LOC, FAC, NORP, EVENT, LAW or PRODUCT)";
                    return null;
                }

                kind = type switch { EntityTypes.Person => ActorKind.Person, EntityTypes.Facility => ActorKind.Building, EntityTypes.Organization => ActorKind.Organization, _ => ActorKind.Unknown };
            }

            var aliases = cols.Length > 3 ? cols[3].Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToImmutableArray() : [];
            var title = cols.Length > 4 && cols[4].Length > 0 ? cols[4] : null;
            DateOnly? from = null, to = null;
            if (cols.Length > 5 && cols[5].Length > 0 && (from = ParseIso(cols[5])) is null)
            {
                error = $"{where}: \"{cols[5]}\" is not a date (yyyy-mm-dd)";
                return null;
            }

            if (cols.Length > 6 && cols[6].Length > 0 && (to = ParseIso(cols[6])) is null)
            {
                error = $"{where}: \"{cols[6]}\" is not a date (yyyy-mm-dd)";
                return null;
            }

            if (from is { } f && to is { } t && t < f)
            {
                error = $"{where}: the term ends ({cols[6]}) before it starts ({cols[5]})";
                return null;
            }

            var dated = new DatedCode(code, from, to, title);

            // Several rows for one person (terms of office) make one actor.
            var existing = result.FindIndex(a => a.Name == name && a.Kind == kind);
            if (existing >= 0)
            {
                var a = result[existing];
                result[existing] = a with { Aliases = [.. a.Aliases.Union(aliases)], Codes = a.Codes.Add(dated) };
            }
            else
            {
                result.Add(new KnownActor(name, kind, aliases, [dated]));
            }
        }

        return result;
    }
}
