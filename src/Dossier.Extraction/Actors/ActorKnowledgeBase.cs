using System.Collections.Frozen;
using System.Collections.Immutable;
using Dossier.Core.Data;
using Dossier.Nlp.Models;

namespace Dossier.Extraction.Actors;

/// <summary>
/// Who is who, as far as it is known before reading a report: countries (names, demonyms, capitals,
/// other places), international organisations, seats of government, and people with dated CAMEO
/// codes, compiled from the Phoenix/PETRARCH dictionaries (see <see cref="ActorKnowledgeBaseBuilder"/>)
/// plus hand-written lexicons in <c>models/actors/</c>: titles, group nouns, capitals, demonyms and a
/// supplement of actors the 2014–2018 dictionaries lack. Users add or override actors with
/// <see cref="WithUserActors"/>. Immutable and thread-safe once loaded.
/// </summary>
public sealed partial class ActorKnowledgeBase
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

    private static readonly Lazy<ActorKnowledgeBase> Shared = new(() => Load(DefaultDirectory, ModelCache.DefaultDirectory));

    private readonly FrozenDictionary<string, CountryInfo> _countries;
    private readonly FrozenDictionary<string, CountryInfo> _countriesByCode;
    private readonly FrozenDictionary<string, CountryInfo> _demonyms;
    private readonly FrozenDictionary<string, CountryInfo> _capitals;
    private readonly FrozenDictionary<string, CountryInfo> _places;
    private readonly FrozenDictionary<string, TitleInfo> _titles;
    private readonly FrozenDictionary<string, string> _groups;
    private readonly ActorNameIndex _actors; // never changed after construction: safe to read from any thread

    /// <summary>The load from the model files, the load from the cache and a user's actors file all end here.</summary>
    private ActorKnowledgeBase(
        IEnumerable<KeyValuePair<string, CountryInfo>> countries,
        IEnumerable<KeyValuePair<string, CountryInfo>> countriesByCode,
        IEnumerable<KeyValuePair<string, CountryInfo>> demonyms,
        IEnumerable<KeyValuePair<string, CountryInfo>> capitals,
        IEnumerable<KeyValuePair<string, CountryInfo>> places,
        IEnumerable<KeyValuePair<string, TitleInfo>> titles,
        IEnumerable<KeyValuePair<string, string>> groups,
        ActorNameIndex actors)
    {
        _countries = Frozen(countries);
        _countriesByCode = Frozen(countriesByCode);
        _demonyms = Frozen(demonyms);
        _capitals = Frozen(capitals);
        _places = Frozen(places);
        _titles = Frozen(titles);
        _groups = Frozen(groups);
        _actors = actors;
        MaxTitleWords = _titles.Keys.Select(k => k.Split(' ').Length).DefaultIfEmpty(1).Max();
    }

    /// <summary>A table as the knowledge base keeps it: frozen, with ordinal keys (a table already frozen is shared as it is).</summary>
    private static FrozenDictionary<string, T> Frozen<T>(IEnumerable<KeyValuePair<string, T>> table) =>
        table as FrozenDictionary<string, T> ?? table.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>The knowledge base from <see cref="DefaultDirectory"/>, loaded once per process (through the cache folder,
    /// <see cref="ModelCache.DefaultDirectory"/>, when there is one).</summary>
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
        if (!_actors.TryGet(key, out var list) && !_actors.TryGet(ActorText.Fold(key), out list)) return null;
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
        return _actors.TryGet(key, out var list) || _actors.TryGet(ActorText.Fold(key), out list) ? list : [];
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

    /// <param name="nameKey">The normalized <see cref="KnownActor.Name"/> when already known (else computed here).</param>
    private static void AddActor(Dictionary<string, List<KnownActor>> map, KnownActor actor, string? nameKey = null)
    {
        Add(map, actor, nameKey ?? ActorText.Normalize(actor.Name));
        foreach (var alias in actor.Aliases) Add(map, actor, ActorText.Normalize(alias));

        static void Add(Dictionary<string, List<KnownActor>> map, KnownActor actor, string key)
        {
            if (key.Length == 0) return;
            if (!map.TryGetValue(key, out var list)) map[key] = list = [];
            if (!list.Contains(actor)) list.Add(actor);
        }
    }
}
