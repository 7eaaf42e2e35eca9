using System.Collections.Frozen;
using System.Collections.Immutable;
using Dossier.Core.Documents;
using Dossier.Core.Labels;

namespace Dossier.Extraction.Places;

/// <summary>What decided one entity's place: the entity, the place (null when none) and the rule (one of <see cref="Geocoder.Rules"/>).</summary>
internal sealed record PlaceDecision(Entity Entity, GazetteerPlace? Place, Place? Result, string Rule, int Candidates);

/// <summary>
/// Resolves the places of a document (GPE, LOC and FAC entities) to gazetteer records, all at once so that each place is
/// read in the light of the others. "The City of X" (an administrative unit's word, <c>models/places/unit-words.tsv</c>, and
/// "of") is X; "X State", "X Province" (a unit's word after the name) is the division X, "X Town" the town X; a name that
/// the name finder began with lower-case words ("of X") is also looked up from its first capitalised word. A name's
/// candidates (for "A, B" only the A in B, "Springfield, Illinois"; also when A and B are two place entities, one right after
/// the other and a comma; a B that only ever follows another place so is read as a division or country when one of its
/// divisions or countries holds a namesake of that place, or the place is none the gazetteer knows, so that the items of a
/// list "A, B, C" stay cities) (every gazetteer place with that name) are ranked by a sum of evidence, added in this order:
/// <list type="number">
/// <item>population: the log of the population (a bigger place is named more often);</item>
/// <item>feature class: a country over a division over a city, a capital and a division's seat over other cities;</item>
/// <item>actor country: the country the actor knowledge base gives the entity;</item>
/// <item>document countries: the countries of the document's other entities (actors and places: "Georgia" in a report
/// about Atlanta is the US state), counted by mentions;</item>
/// <item>document divisions: a division the document names or places another of its places in (a town named in a report
/// that names a state, or another town of that state; a state that holds a city the report names).</item>
/// </list>
/// The rule that decides is the last one whose evidence changed the winner (<see cref="PlaceDecision.Rule"/>): "unique"
/// when the name has one candidate; "division-city" when it had two, a division and a city inside it that bears its name
/// ("Hamburg", "Kiev"), and the city was taken; "coded-country" when the gazetteer lacks a GPE's name and the actors'
/// knowledge base codes it as a country ("America"), which it then is; "alternate-name" when no place bears any of a GPE's or
/// LOC's names and the cities that bear one as an alternate name were ranked instead ("Trivandrum": Thiruvananthapuram), or
/// when none of its places lies in the country the actors' knowledge base gives it and a city there bears the name as an
/// alternate name ("Antioch" coded Turkish: Antakya). The document's places are resolved twice: the second pass reads the countries and
/// divisions the first one found. A facility the gazetteer lacks is a landmark: a seat of government (a facility the
/// actors knowledge base codes as a country's government) stands in that country's capital; another in the city that begins
/// its name ("Tulsa International Airport"), else in the city its sentence names. A location (LOC) the gazetteer lacks whose
/// name begins with a city that the document names as a place of its own ("X Bay" in a report naming X) is a landmark there;
/// so is one followed by ", " and a city ("X Market, London"), or by ", " or " in " and a country or division that holds a city
/// of note its first words name ("the X Opera House in China"). A place named as an actor ("Washington said") keeps its actor code and gets its place too: metonymy
/// changes the events' actor, not where the place is.
/// </summary>
internal sealed class Geocoder
{
    /// <summary>The rules, in the order the evidence is added; then the rules of landmarks and "none".</summary>
    public static readonly ImmutableArray<string> Rules =
        ["unique", "population", "feature-class", "actor-country", "document-countries", "document-divisions", "division-city", "coded-country", "alternate-name", "landmark-seat", "landmark-name", "landmark-qualified", "landmark-sentence", "none"];

    // Weights chosen on the dev part of data/annotations/places (see docs/evaluation.md).
    private const double CountryPrior = 4.0;
    private const double DivisionPrior = 1.5;
    private const double CapitalPrior = 3.0;
    private const double SeatPrior = 0.5;
    private const double ActorCountryWeight = 1.0; // a place's own code comes from its name: little more than a popularity prior
    private const double DocumentCountryWeight = 4.0;
    private const double DocumentDivisionWeight = 3.0;

    private readonly PlaceGazetteer _gazetteer;
    private readonly FrozenSet<string> _units;

    private readonly FrozenSet<string> _locative;

    public Geocoder(PlaceGazetteer gazetteer)
        : this(gazetteer, PlaceWords.Default.Units, PlaceWords.Default.Locative)
    {
    }

    public Geocoder(PlaceGazetteer gazetteer, FrozenSet<string> units, FrozenSet<string>? locative = null)
    {
        _gazetteer = gazetteer;
        _units = units;
        _locative = locative ?? FrozenSet<string>.Empty;
    }

    /// <summary>The decisions for the document's place entities, in entity order.</summary>
    public IReadOnlyList<PlaceDecision> Resolve(Document document)
    {
        var entities = document.Entities.IsDefault ? [] : document.Entities;
        var places = entities.Where(IsPlace).ToList();
        if (places.Count == 0) return [];

        // Pass 1: the countries of every entity the text codes (actors and places alike).
        var countries = new Dictionary<string, int>(StringComparer.Ordinal);
        var ownCountry = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var e in entities)
        {
            if (_gazetteer.CountryByIso3(e.Country) is not { } c) continue;
            ownCountry[e.Id] = c.Country;
            countries[c.Country] = countries.GetValueOrDefault(c.Country) + Math.Max(1, e.Mentions.Length);
        }

        var qualifiers = Qualifiers(document, places);
        var placeLike = PlaceLike(document, places);
        var noDivisions = new HashSet<string>(StringComparer.Ordinal);
        var first = places.Select(e => Decide(e, ownCountry.GetValueOrDefault(e.Id), Without(countries, ownCountry.GetValueOrDefault(e.Id), e), noDivisions, qualifiers, placeLike)).ToList();

        // Pass 2: the countries and divisions the first pass resolved.
        var resolvedCountries = new Dictionary<string, int>(countries, StringComparer.Ordinal);
        foreach (var d in first)
        {
            if (d.Place is not { } p) continue;
            var own = ownCountry.GetValueOrDefault(d.Entity.Id);
            if (own == p.Country) continue; // counted already
            resolvedCountries[p.Country] = resolvedCountries.GetValueOrDefault(p.Country) + Math.Max(1, d.Entity.Mentions.Length);
            if (own is not null && resolvedCountries.TryGetValue(own, out var n))
            {
                resolvedCountries[own] = n - Math.Max(1, d.Entity.Mentions.Length); // the knowledge base's guess was overruled
            }
        }

        // The divisions the first pass found: named ("Alabama") or holding a place it found (Birmingham, Alabama).
        var divisionCounts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var d in first)
        {
            if (DivisionOf(d.Place) is { } key) divisionCounts[key] = divisionCounts.GetValueOrDefault(key) + 1;
        }

        var result = new List<PlaceDecision>(places.Count);
        for (var i = 0; i < places.Count; i++)
        {
            var e = places[i];
            var mine = first[i].Place;
            var others = Without(resolvedCountries, mine?.Country, e);
            var ownDivision = DivisionOf(mine);
            var otherDivisions = divisionCounts.Where(kv => kv.Value > (kv.Key == ownDivision ? 1 : 0)).Select(kv => kv.Key).ToHashSet(StringComparer.Ordinal);
            result.Add(Decide(e, ownCountry.GetValueOrDefault(e.Id), others, otherDivisions, qualifiers, placeLike));
        }

        // Landmarks the gazetteer lacks.
        for (var i = 0; i < result.Count; i++)
        {
            if (result[i].Place is not null || result[i].Entity.Type != EntityTypes.Facility) continue;
            result[i] = Landmark(result[i].Entity, result, document);
        }

        // A location the gazetteer lacks whose name begins with the name of a city the document names as a place of its own
        // ("X Castle", "X Bay" in a report that names X): a landmark in that city. Only capitalised names of two or more words,
        // and only the document's own cities: "Victoria Falls" is in no Victoria, "Hudson River" in no town called Hudson. A city
        // the document names only inside the location's own name (or inside other names) is no evidence: "Oxford" found inside
        // "Oxford English Dictionary" was resolved by the document's countries alone, a namesake in the US.
        // The cities are those the decisions above resolved: found once, before this loop changes a decision.
        HashSet<GazetteerPlace>? ownCities = null;
        for (var i = 0; i < result.Count; i++)
        {
            if (result[i].Place is not null || result[i].Entity.Type != EntityTypes.Location) continue;
            ownCities ??= OwnCities(result, entities);
            if (LocationInCity(result[i].Entity, ownCities) is { } located) result[i] = located;
            else if (QualifiedLocation(result[i].Entity, result, document) is { } qualified) result[i] = qualified;
        }

        return result;
    }

    public static bool IsPlace(Entity e) => e.Type is EntityTypes.Gpe or EntityTypes.Location or EntityTypes.Facility;

    /// <summary>The document's main place: the resolved place mentioned most often (the first on a tie), or null.</summary>
    public static PlaceDecision? MainPlace(IReadOnlyList<PlaceDecision> decisions)
    {
        PlaceDecision? best = null;
        foreach (var d in decisions)
        {
            if (d.Result is null) continue;
            if (best is null || d.Entity.Mentions.Length > best.Entity.Mentions.Length) best = d;
        }

        return best;
    }

    /// <summary>The gazetteer's country record of <paramref name="place"/>.</summary>
    public Place? CountryOf(Place place) => _gazetteer.CountryByIso2(place.CountryCode) is { } c ? _gazetteer.ToPlace(c) : null;

    private static Dictionary<string, int> Without(Dictionary<string, int> counts, string? country, Entity e)
    {
        if (country is null || !counts.TryGetValue(country, out var n)) return counts;
        var copy = new Dictionary<string, int>(counts, StringComparer.Ordinal) { [country] = n - Math.Max(1, e.Mentions.Length) };
        return copy;
    }

    /// <summary>
    /// The places that qualify a place entity's name mentions: another place entity's mention right after one of them and a
    /// comma ("X, Y": Y), by entity id; and the ids of the entities every name mention of which so qualifies another place.
    /// </summary>
    private (Dictionary<string, List<Entity>> Of, HashSet<string> Only) Qualifiers(Document document, List<Entity> places)
    {
        var byStart = new Dictionary<int, Entity>();
        foreach (var e in places)
        {
            if (e.Mentions.IsDefault) continue;
            foreach (var m in e.Mentions.Where(m => m.Kind == MentionKinds.Name)) byStart.TryAdd(m.Start, e);
        }

        var byEnd = new Dictionary<int, Entity>();
        foreach (var e in places)
        {
            if (e.Mentions.IsDefault) continue;
            foreach (var m in e.Mentions.Where(m => m.Kind == MentionKinds.Name)) byEnd.TryAdd(m.End, e);
        }

        var result = new Dictionary<string, List<Entity>>(StringComparer.Ordinal);
        var only = new HashSet<string>(StringComparer.Ordinal);
        var text = document.Text;

        // An entity every name mention of which qualifies another place ("Town, Y"): read as a division or country, when one
        // of its divisions or countries holds a namesake of that place (in a list, "A, B, C", B holds no A).
        foreach (var e in places)
        {
            if (e.Mentions.IsDefault || !e.Mentions.Any(m => m.Kind == MentionKinds.Name)) continue;
            var wider = Names(e).SelectMany(_gazetteer.Find).Where(p => p.Class is PlaceClasses.Country or PlaceClasses.Admin1).ToList();
            if (e.Mentions.Where(m => m.Kind == MentionKinds.Name).All(m => Before(m.Start) is { } other && !ReferenceEquals(other, e)
                && Names(other).SelectMany(_gazetteer.Find).ToList() is var inside
                && (inside.Count == 0 || inside.Any(inner => wider.Any(outer => Holds(outer, inner))))))
            {
                only.Add(e.Id);
            }
        }
        foreach (var e in places)
        {
            if (e.Mentions.IsDefault) continue;
            foreach (var m in e.Mentions.Where(m => m.Kind == MentionKinds.Name))
            {
                if (m.End >= text.Length || text[m.End] != ',') continue;
                var next = m.End + 1;
                while (next < text.Length && text[next] == ' ') next++;
                if (next == m.End + 1 || !byStart.TryGetValue(next, out var q) || ReferenceEquals(q, e)) continue;
                if (!result.TryGetValue(e.Id, out var list)) result[e.Id] = list = [];
                if (!list.Contains(q)) list.Add(q);
            }
        }

        return (result, only);

        // The place entity whose mention ends just before ", " and offset <paramref name="start"/>.
        Entity? Before(int start)
        {
            var k = start - 1;
            while (k >= 0 && text[k] == ' ') k--;
            return k >= 0 && k < start - 1 && text[k] == ',' && byEnd.TryGetValue(k, out var q) ? q : null;
        }
    }

    private PlaceDecision Decide(Entity e, string? actorCountry, Dictionary<string, int> countries, HashSet<string> divisions, (Dictionary<string, List<Entity>> Of, HashSet<string> Only) qualifiers,
        HashSet<string> placeLike)
    {
        var candidates = new List<GazetteerPlace>();
        foreach (var name in Names(e))
        {
            foreach (var p in Candidates(name))
            {
                if (!candidates.Contains(p)) candidates.Add(p);
            }
        }

        // "Springfield, Illinois": the qualified name's places only, when the text gives one.
        var qualified = Names(e).Where(n => n.Contains(", ", StringComparison.Ordinal)).SelectMany(Candidates).ToList();
        if (qualified.Count > 0 && qualified.Any(q => q.Class != PlaceClasses.Country && q.Class != PlaceClasses.Admin1))
        {
            candidates = [.. candidates.Where(c => qualified.Contains(c) && c.Class == PlaceClasses.City)];
        }

        // "X, Y" where Y is another place of the text: the places named X that lie in a division or country named Y.
        if (candidates.Count > 1 && qualifiers.Of.TryGetValue(e.Id, out var qs))
        {
            var within = candidates.Where(c => c.Class != PlaceClasses.Country && qs.Any(q => Names(q).SelectMany(_gazetteer.Find).Any(p => Holds(p, c)))).ToList();
            if (within.Count > 0) candidates = within;
        }

        // A name whose places all lie outside the country the actors' knowledge base gives the entity, while a city of that
        // country bears it as an alternate name ("Antioch", coded Turkish: Antakya, not Antioch, California): that city.
        var byAlternate = false;
        if (candidates.Count > 0 && actorCountry is not null && e.Type is EntityTypes.Gpe or EntityTypes.Location
            && !candidates.Any(c => c.Country == actorCountry)
            && AlternateCandidates(e, p => p.Country == actorCountry, any: true) is { Count: > 0 } inActorCountry)
        {
            candidates = inActorCountry;
            byAlternate = true;
        }

        // A place the gazetteer lacks that the actors' knowledge base codes as a country, not a part of its government: that country.
        if (candidates.Count == 0 && e.Type == EntityTypes.Gpe && e.Sector is null && actorCountry is not null && _gazetteer.CountryByIso2(actorCountry) is { } coded)
        {
            return new(e, coded, _gazetteer.ToPlace(coded), "coded-country", 0);
        }

        // A GPE or LOC none of whose names the gazetteer knows: the cities that bear one of them, written capitalised, as an
        // alternate name (GeoNames' other and historical names: "Trivandrum", "Bombay"), in the country the document speaks of
        // most or the one the actors' knowledge base gives the entity (GeoNames' alternate names carry no language and many are
        // nicknames or shortenings that mean something else in another text: "Acropolis" is one of Little Rock's, and a report
        // on Athens may well name the US), ranked by the same evidence. Never a facility: a facility the gazetteer lacks is a
        // landmark (below).
        // A location (LOC) in the main country only when the text uses it as a place (after a locative preposition, or in a
        // list or pair with another place: "in X, Y and Z"): the name finder types people and firms as locations more often
        // than as GPEs ("Turner" in a rugby line-up, the photographer "Rankin" among other photographers), and a surname is
        // often some town's other name.
        if (candidates.Count == 0 && e.Type is EntityTypes.Gpe or EntityTypes.Location)
        {
            var mainCountry = e.Type == EntityTypes.Gpe || placeLike.Contains(e.Id);
            candidates = AlternateCandidates(e, p => p.Country == actorCountry || (mainCountry && IsMainCountry(countries, p.Country)));
            byAlternate = candidates.Count > 0;
        }

        if (candidates.Count == 0) return new(e, null, null, "none", 0);

        // A name that only ever qualifies another place ("Town, Y") is a division or country, when it can be one.
        if (qualifiers.Only.Contains(e.Id) && candidates.Where(c => c.Class != PlaceClasses.City).ToList() is { Count: > 0 } wider)
        {
            candidates = wider;
        }

        // A division that bears the name of a city inside it ("Hamburg", "Kiev") is read as the city: the sharper place.
        var cityInDivision = candidates.Where(d => d.Class == PlaceClasses.Admin1
            && candidates.Any(c => c.Class == PlaceClasses.City && c.Country == d.Country && c.Admin1Code == d.Admin1Code)).ToList();
        if (cityInDivision.Count > 0)
        {
            candidates = [.. candidates.Except(cityInDivision)];
            if (candidates.Count == 1) return new(e, candidates[0], _gazetteer.ToPlace(candidates[0]), "division-city", 1);
        }

        if (candidates.Count == 1) return new(e, candidates[0], _gazetteer.ToPlace(candidates[0]), byAlternate ? "alternate-name" : "unique", 1);

        var scores = new double[candidates.Count];
        GazetteerPlace? winner = null;
        var rule = "population";
        for (var level = 0; level < 5; level++)
        {
            for (var i = 0; i < candidates.Count; i++)
            {
                scores[i] += Evidence(level, candidates[i], actorCountry, countries, divisions);
            }

            var best = 0;
            for (var i = 1; i < candidates.Count; i++)
            {
                if (scores[i] > scores[best]) best = i;
            }

            if (winner is not null && !ReferenceEquals(winner, candidates[best])) rule = Rules[level + 1];
            winner = candidates[best];
        }

        return new(e, winner, _gazetteer.ToPlace(winner!), byAlternate ? "alternate-name" : rule, candidates.Count);
    }

    /// <summary>The cities that bear one of the entity's names, written capitalised, as an alternate name and pass <paramref name="keep"/>.</summary>
    /// <param name="e">The entity.</param>
    /// <param name="keep">Which cities to keep.</param>
    /// <param name="any">Also an alternate name that another place bears as its own (<see cref="PlaceGazetteer.FindAlternateAny"/>).</param>
    private List<GazetteerPlace> AlternateCandidates(Entity e, Func<GazetteerPlace, bool> keep, bool any = false)
    {
        var found = new List<GazetteerPlace>();
        foreach (var name in Names(e).Where(n => n.Length > 0 && char.IsUpper(n[0])))
        {
            foreach (var p in any ? _gazetteer.FindAlternateAny(name) : _gazetteer.FindAlternate(name))
            {
                if (!found.Contains(p) && keep(p)) found.Add(p);
            }
        }

        return found;
    }

    /// <summary>
    /// The ids of the place entities one of whose name mentions the text uses as a place: right after a locative preposition
    /// (<c>models/places/locative-prepositions.tsv</c>: "in X", "in the X") or before "-based" (<see cref="PlaceWords.UsedAsPlace"/>), or next to the mention of another place entity whose name the
    /// gazetteer knows (as a name or an alternate name) with only a comma and/or "and"/"or" between ("Mosul, Baiji, and X").
    /// </summary>
    private HashSet<string> PlaceLike(Document document, List<Entity> places)
    {
        var text = document.Text;
        var starts = new HashSet<int>();
        var ends = new HashSet<int>();
        foreach (var p in places)
        {
            // A place the gazetteer knows, by a name or by an alternate name ("Mosul, Baiji, and X").
            if (p.Mentions.IsDefault || Names(p).All(n => _gazetteer.Find(n).Count == 0 && _gazetteer.FindAlternate(n).Count == 0)) continue;
            foreach (var m in p.Mentions.Where(m => m.Kind == MentionKinds.Name))
            {
                starts.Add(m.Start);
                ends.Add(m.End);
            }
        }

        var result = new HashSet<string>(StringComparer.Ordinal);
        foreach (var e in places)
        {
            if (e.Mentions.IsDefault) continue;
            foreach (var m in e.Mentions.Where(m => m.Kind == MentionKinds.Name && m.Start >= 0 && m.Start <= m.End && m.End <= text.Length))
            {
                // The words around it (a locative preposition before, "-based" after: the finder's one test), or the link to a place.
                if (PlaceWords.UsedAsPlace(document, PlaceMentionFinder.TokenAt(document.Tokens, m.Start), PlaceMentionFinder.TokenAt(document.Tokens, m.End - 1), _locative))
                {
                    result.Add(e.Id);
                    break;
                }

                if (Linked(text, m.End, forward: true, starts) || Linked(text, m.Start, forward: false, ends))
                {
                    result.Add(e.Id);
                    break;
                }
            }
        }

        return result;

        // Whether only ", " and/or "and"/"or" lie between offset <paramref name="at"/> and one of <paramref name="targets"/>.
        static bool Linked(string text, int at, bool forward, HashSet<int> targets)
        {
            var span = forward ? text[at..Math.Min(text.Length, at + 8)] : text[Math.Max(0, at - 8)..at];
            foreach (var link in (string[])[", ", ", and ", " and ", ", or ", " or "])
            {
                if (forward ? span.StartsWith(link, StringComparison.Ordinal) && targets.Contains(at + link.Length)
                    : span.EndsWith(link, StringComparison.Ordinal) && targets.Contains(at - link.Length)) return true;
            }

            return false;
        }
    }

    /// <summary>Whether <paramref name="country"/> is named at least once and no less often than any other country of <paramref name="countries"/>.</summary>
    private static bool IsMainCountry(Dictionary<string, int> countries, string country)
    {
        var n = countries.GetValueOrDefault(country);
        return n > 0 && countries.Values.All(m => m <= n);
    }

    /// <summary>Whether place <paramref name="outer"/> (a country or division) holds <paramref name="inner"/>.</summary>
    internal static bool Holds(GazetteerPlace outer, GazetteerPlace inner) => outer.Class switch
    {
        PlaceClasses.Country => inner.Country == outer.Country,
        PlaceClasses.Admin1 => inner.Class == PlaceClasses.City && inner.Country == outer.Country && inner.Admin1Code == outer.Admin1Code,
        _ => false,
    };

    /// <summary>The division a place is or lies in, as "country TAB code"; null for countries and places without one.</summary>
    private static string? DivisionOf(GazetteerPlace? p) =>
        p is null || p.Class == PlaceClasses.Country || p.Admin1Code.Length == 0 ? null : p.Country + "\t" + p.Admin1Code;

    private static double Evidence(int level, GazetteerPlace p, string? actorCountry, Dictionary<string, int> countries, HashSet<string> divisions) => level switch
    {
        0 => Math.Log10(p.Population + 10),
        1 => p.Class switch
        {
            PlaceClasses.Country => CountryPrior,
            PlaceClasses.Admin1 => DivisionPrior,
            _ => p.IsCapital ? CapitalPrior : p.IsDivisionSeat ? SeatPrior : 0,
        },
        2 => actorCountry == p.Country ? ActorCountryWeight : 0,
        3 => countries.GetValueOrDefault(p.Country) > 0 ? DocumentCountryWeight : 0,
        _ => DivisionOf(p) is { } division && divisions.Contains(division) ? DocumentDivisionWeight : 0,
    };

    /// <summary>
    /// The places a name may be: its own, or for "A, B" the places named A that lie in a division or country named B
    /// ("Springfield, Illinois"), else A's.
    /// </summary>
    private IReadOnlyList<GazetteerPlace> Candidates(string name)
    {
        var direct = _gazetteer.Find(name);
        if (direct.Count == 0 && _units.Count > 0 && UnitOf(name) is { } rest) return _gazetteer.Find(rest);
        if (direct.Count == 0 && _units.Count > 0 && UnitAfter(name) is { } named) return named;
        var comma = name.IndexOf(", ", StringComparison.Ordinal);
        if (comma <= 0) return direct;
        var head = _gazetteer.Find(name[..comma]);
        var qualifier = PlaceGazetteer.Key(name[(comma + 2)..]);
        var within = head.Where(p => PlaceGazetteer.Key(p.Admin1Name) == qualifier
            || (_gazetteer.CountryByIso2(p.Country) is { } c && PlaceGazetteer.Key(c.Name) == qualifier)).ToList();
        return direct.Count > 0 ? direct : within.Count > 0 ? within : head;
    }

    /// <summary>The place named after an administrative unit's word and "of" ("the City of X", "the Province of Y"): "X", or null.</summary>
    private string? UnitOf(string name)
    {
        var words = name.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var i = words.Length > 0 && words[0] is "the" or "The" ? 1 : 0;
        if (words.Length < i + 3 || !_units.Contains(words[i].ToLowerInvariant()) || words[i + 1] != "of") return null;
        return string.Join(' ', words[(i + 2)..]);
    }

    /// <summary>
    /// The places of a name that ends in an administrative unit's word ("X State", "X Province"): the divisions named X, or for
    /// "X City", "X Town" the cities named X; null when the name does not end so or names none.
    /// </summary>
    private List<GazetteerPlace>? UnitAfter(string name)
    {
        var space = name.LastIndexOf(' ');
        if (space <= 0) return null;
        var unit = name[(space + 1)..].ToLowerInvariant();
        if (!_units.Contains(unit) || !char.IsUpper(name[space + 1])) return null;
        var cityUnit = unit is "city" or "town" or "village";
        var found = _gazetteer.Find(name[..space]).Where(p => cityUnit ? p.Class == PlaceClasses.City : p.Class == PlaceClasses.Admin1).ToList();
        return found.Count > 0 ? found : null;
    }

    private static IEnumerable<string> Names(Entity e)
    {
        yield return e.Name;
        if (Capitalised(e.Name) is { } name) yield return name;
        if (e.Aliases.IsDefault) yield break;
        foreach (var a in e.Aliases)
        {
            yield return a;
            if (Capitalised(a) is { } alias) yield return alias;
        }
    }

    /// <summary>A name from its first capitalised word on, when lower-case words begin it ("of X" where the name finder took the
    /// preposition); else null. "the" is left to <see cref="PlaceGazetteer.Key"/> and <see cref="UnitOf"/>.</summary>
    private static string? Capitalised(string name)
    {
        if (name.Length == 0 || !char.IsLower(name[0]) || name.StartsWith("the ", StringComparison.Ordinal)) return null;
        var words = name.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var first = Array.FindIndex(words, w => char.IsUpper(w[0]));
        return first > 0 ? string.Join(' ', words[first..]) : null;
    }

    private PlaceDecision Landmark(Entity e, List<PlaceDecision> decisions, Document document)
    {
        // A seat of government: coded as a government actor of a country.
        if (e.Country is { } iso3 && e.Sector is { Length: > 0 } && _gazetteer.CountryByIso3(iso3) is { } country
            && _gazetteer.CapitalOf(country.Country) is { } capital)
        {
            return new(e, capital, At(e, capital), "landmark-seat", 0);
        }

        // A facility whose name begins with a place's ("Tulsa International Airport", "Springfield Central Station").
        var words = e.Name.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        for (var n = words.Length - 1; n >= 1; n--)
        {
            var prefix = string.Join(' ', words[..n]);
            var named = _gazetteer.Find(prefix).Where(p => p.Class == PlaceClasses.City).ToList();
            if (named.Count == 0) continue;
            var inDocument = decisions.Select(d => d.Place?.Country).Where(c => c is not null).ToHashSet(StringComparer.Ordinal);
            var best = named.OrderByDescending(p => inDocument.Contains(p.Country)).ThenByDescending(p => p.Population).First();
            return new(e, best, At(e, best), "landmark-name", named.Count);
        }

        // Else the city or division named in the sentence of its first mention.
        if (!e.Mentions.IsDefaultOrEmpty)
        {
            var sentence = e.Mentions[0].Sentence;
            foreach (var d in decisions)
            {
                if (d.Place is { Class: not PlaceClasses.Country } p && d.Entity.Type != EntityTypes.Facility
                    && !d.Entity.Mentions.IsDefault && d.Entity.Mentions.Any(m => m.Sentence == sentence))
                {
                    return new(e, p, At(e, p), "landmark-sentence", 0);
                }
            }
        }

        return new(e, null, null, "none", 0);
    }

    /// <summary>The cities of <paramref name="decisions"/> (not facilities) whose entity the document names on its own.</summary>
    private static HashSet<GazetteerPlace> OwnCities(List<PlaceDecision> decisions, IReadOnlyList<Entity> names) =>
        decisions.Where(d => d.Place is { Class: PlaceClasses.City } && d.Entity.Type != EntityTypes.Facility && NamedOnItsOwn(d.Entity, names))
            .Select(d => d.Place!).ToHashSet();

    /// <summary>
    /// Whether the place entity <paramref name="city"/> has a name mention that no longer mention of another entity of
    /// <paramref name="names"/> holds: the document names it in its own right, not only inside other names.
    /// </summary>
    internal static bool NamedOnItsOwn(Entity city, IReadOnlyList<Entity> names)
    {
        if (city.Mentions.IsDefaultOrEmpty) return false;
        foreach (var m in city.Mentions)
        {
            if (m.Kind != MentionKinds.Name) continue;
            var inside = false;
            foreach (var other in names)
            {
                if (ReferenceEquals(other, city) || other.Mentions.IsDefault) continue;
                foreach (var o in other.Mentions)
                {
                    if (o.Start <= m.Start && o.End >= m.End && o.End - o.Start > m.End - m.Start)
                    {
                        inside = true;
                        break;
                    }
                }

                if (inside) break;
            }

            if (!inside) return true;
        }

        return false;
    }

    /// <summary>
    /// The landmark decision for a location the gazetteer lacks, written capitalised, one of whose name mentions is followed by
    /// a comma and a mention of a place entity resolved to a city ("X Market, London"): a landmark in that city; or null.
    /// </summary>
    private PlaceDecision? QualifiedLocation(Entity e, List<PlaceDecision> decisions, Document document)
    {
        if (e.Mentions.IsDefaultOrEmpty || !e.Name.Split(' ', StringSplitOptions.RemoveEmptyEntries).All(w => char.IsUpper(w[0]))) return null;
        var text = document.Text;
        foreach (var m in e.Mentions.Where(m => m.Kind == MentionKinds.Name))
        {
            if (m.End >= text.Length || text[m.End] != ',') continue;
            var next = m.End + 1;
            while (next < text.Length && text[next] == ' ') next++;
            if (next == m.End + 1) continue;
            foreach (var d in decisions)
            {
                if (d.Place is not { Class: PlaceClasses.City } city || d.Entity.Type == EntityTypes.Facility || ReferenceEquals(d.Entity, e) || d.Entity.Mentions.IsDefault) continue;
                if (d.Entity.Mentions.Any(q => q.Start == next && q.Kind == MentionKinds.Name && !ListGoesOn(text, q.End))) return new(e, city, At(e, city), "landmark-qualified", 1);
            }
        }

        // "the X Opera House in China", "X Castle, Kent": a mention followed by ", " or " in " and the mention of a place entity
        // resolved to a country or a division that holds a city of note the location's first words name: a landmark in that city.
        var words = e.Name.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length < 2) return null;
        foreach (var m in e.Mentions.Where(m => m.Kind == MentionKinds.Name && m.End <= text.Length))
        {
            var next = m.End;
            if (text.AsSpan(next).StartsWith(", ", StringComparison.Ordinal)) next += 2;
            else if (text.AsSpan(next).StartsWith(" in ", StringComparison.Ordinal)) next += 4;
            else continue;
            foreach (var d in decisions)
            {
                if (d.Place is not { Class: PlaceClasses.Country or PlaceClasses.Admin1 } outer || d.Entity.Type == EntityTypes.Facility || ReferenceEquals(d.Entity, e) || d.Entity.Mentions.IsDefault) continue;
                if (!d.Entity.Mentions.Any(q => q.Start == next && q.Kind == MentionKinds.Name && !ListGoesOn(text, q.End))) continue;
                for (var n = words.Length - 1; n >= 1; n--)
                {
                    var city = _gazetteer.Find(string.Join(' ', words[..n]))
                        .Where(p => p.Class == PlaceClasses.City && p.Population >= PlaceMentionFinder.MinPopulation && Holds(outer, p))
                        .OrderByDescending(p => p.Population).FirstOrDefault();
                    if (city is not null) return new(e, city, At(e, city), "landmark-qualified", 1);
                }
            }
        }

        return null;
    }

    /// <summary>
    /// Whether the text after <paramref name="end"/> carries on a list ("Europe, Asia, South America and Canada"; "Zooropa, Pop
    /// and their tours"): another capitalised item after a comma, or "and"/"or". Then the comma before the city coordinates
    /// names and does not qualify the location by its city.
    /// </summary>
    private static bool ListGoesOn(string text, int end)
    {
        var i = end;
        while (i < text.Length && text[i] == ' ') i++;
        if (i < text.Length && text[i] == ',')
        {
            i++;
            while (i < text.Length && text[i] == ' ') i++;
            return i < text.Length && char.IsUpper(text[i]);
        }

        var rest = text.AsSpan(i);
        return rest.StartsWith("and ", StringComparison.Ordinal) || rest.StartsWith("or ", StringComparison.Ordinal);
    }

    /// <summary>The landmark decision for a location whose name's first words name one of <paramref name="cities"/>, or null.</summary>
    private PlaceDecision? LocationInCity(Entity e, HashSet<GazetteerPlace> cities)
    {
        if (cities.Count == 0) return null;
        var words = e.Name.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length < 2 || !words.All(w => char.IsUpper(w[0]))) return null;
        for (var n = words.Length - 1; n >= 1; n--)
        {
            var named = _gazetteer.Find(string.Join(' ', words[..n]));
            if (named.Count == 0) continue;
            var city = named.Where(cities.Contains).OrderByDescending(p => p.Population).FirstOrDefault();
            return city is null ? null : new(e, city, At(e, city), "landmark-name", named.Count);
        }

        return null;
    }

    private Place At(Entity e, GazetteerPlace p) => _gazetteer.ToPlace(p) with
    {
        Name = e.Name,
        FeatureClass = PlaceClasses.Landmark,
        Admin1 = p.Class == PlaceClasses.Admin1 ? p.Name : p.Admin1Name.Length == 0 ? null : p.Admin1Name,
        Population = 0,
    };
}
