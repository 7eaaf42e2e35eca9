namespace Dossier.Nlp.Entities;

/// <summary>
/// Maps the tagger's CoNLL classes to OntoNotes types and adds the names that CoNLL does not
/// annotate, with general rules:
/// <list type="bullet">
/// <item>PER → PERSON; ORG → ORG; LOC → GPE when the gazetteer knows it as a country, state, capital,
/// city or region of a country, else LOC; MISC → NORP when it is a nationality or group.</item>
/// <item>A capitalised name containing Act, Law, Treaty, Memorandum, Convention, Accord(s), Agreement,
/// Protocol → LAW; Summit, War, Games, Olympics, Cup, Conference, Festival, Election(s) → EVENT.</item>
/// <item>Known buildings (White House, Kremlin, Pentagon, Oval Office, Cabinet Room, Capitol …) and
/// names ending in Palace, Airport, Stadium, Bridge, Hospital, Square … → FAC.</item>
/// <item>A capitalised name right before missile(s), rocket(s), tank(s), jet(s), drone(s), aircraft,
/// helicopter(s) … → PRODUCT (the name only, e.g. "Tomahawk").</item>
/// <item>A capitalised known city or country right after "in" that the tagger missed → GPE.</item>
/// </list>
/// Sentences written all in capitals get only the mapping, not the rules that find new names.
/// </summary>
internal static class EntityTyper
{
    private static readonly HashSet<string> LawHeads = new(StringComparer.Ordinal)
    {
        "Act", "Acts", "Law", "Laws", "Treaty", "Treaties", "Memorandum", "Convention", "Conventions", "Accord", "Accords", "Agreement", "Agreements", "Protocol", "Charter",
    };

    private static readonly HashSet<string> EventHeads = new(StringComparer.Ordinal)
    {
        "Summit", "War", "Games", "Olympics", "Cup", "Conference", "Festival", "Election", "Elections", "Championship", "Championships", "Olympiad", "Revolution",
    };

    private static readonly HashSet<string> FacilityHeads = new(StringComparer.Ordinal)
    {
        "Palace", "Airport", "Stadium", "Bridge", "Hospital", "Square", "Tower", "Towers", "Cathedral", "Mosque", "Arena", "Airbase", "Dam", "Prison",
    };

    /// <summary>Words that make a capitalised run an organisation rather than a law or event ("Ministry of War").</summary>
    private static readonly HashSet<string> OrgWords = new(StringComparer.Ordinal)
    {
        "Ministry", "Department", "Party", "Committee", "Council", "Commission", "Office", "Agency", "Bank", "Court", "Institute", "Union", "Association", "Board", "Museum",
    };

    private static readonly string[][] Buildings =
    [
        ["White", "House"], ["Oval", "Office"], ["Cabinet", "Room"], ["Situation", "Room"], ["Kremlin"], ["Pentagon"], ["Capitol"],
        ["Capitol", "Hill"], ["Elysee", "Palace"], ["Élysée", "Palace"], ["Elysee"], ["Élysée"], ["Downing", "Street"], ["Camp", "David"], ["Mar-a-Lago"],
        ["Blue", "House"], ["Reichstag"], ["Bundestag", "building"],
    ];

    private static readonly HashSet<string> WeaponNouns = new(StringComparer.OrdinalIgnoreCase)
    {
        "missile", "missiles", "rocket", "rockets", "tank", "tanks", "jet", "jets", "drone", "drones", "aircraft", "helicopter", "helicopters",
        "fighter", "fighters", "bomber", "bombers", "warship", "warships", "submarine", "submarines", "launcher", "launchers", "howitzer", "howitzers",
    };

    private static readonly HashSet<string> WeaponModifiers = new(StringComparer.OrdinalIgnoreCase)
    {
        "cruise", "ballistic", "fighter", "attack", "air-defence", "air-defense", "anti-tank", "anti-aircraft", "long-range", "battle", "main", "combat",
        "air", "defence", "defense", "missile", "anti-ship", "surface-to-air", "hypersonic", "rocket", "artillery",
    };

    private static readonly HashSet<string> Connectors = new(StringComparer.Ordinal) { "of", "the", "on", "for", "and", "de", "&", "du", "des", "la", "le", "in", "al", "et", "da", "di", "van", "der", "y" };

    private static readonly HashSet<string> NameParticles = new(StringComparer.Ordinal)
    {
        "de", "da", "di", "do", "dos", "das", "du", "van", "von", "der", "den", "ter", "bin", "ibn", "al", "el", "la", "le", "del", "y", "dei", "degli",
    };

    /// <summary>Nouns that name a weapon system only after a modifier ("air defence systems").</summary>
    private static readonly HashSet<string> SystemNouns = new(StringComparer.OrdinalIgnoreCase) { "system", "systems", "battery", "batteries" };

    private static readonly HashSet<string> RunStarters = new(StringComparer.Ordinal) { "The", "A", "An", "This", "That", "These", "Those" };

    public static List<NerSpan> Type(IReadOnlyList<string> words, List<(int Start, int End, int Type)> spans, bool allCaps, Gazetteer gazetteer)
    {
        var n = words.Count;
        var result = new List<NerSpan>();
        var taken = new bool[n];

        void Claim(int start, int end, string type, string? country)
        {
            for (var i = start; i < end; i++) taken[i] = true;
            result.Add(new NerSpan(start, end, type, country));
        }

        bool Free(int start, int end)
        {
            for (var i = start; i < end; i++)
            {
                if (taken[i]) return false;
            }

            return true;
        }

        // Possessive endings are not part of a name; nor is a lower-case word that a greedy tagger
        // was forced to take in after opening a name ("Sato told the" → "Sato").
        for (var k = 0; k < spans.Count; k++)
        {
            var (s, e, t) = spans[k];
            if (!allCaps)
            {
                var particles = NerTags.Classes[t] == "PER" ? NameParticles : Connectors;
                for (var i = s + 1; i < e; i++)
                {
                    if (IsPlainLower(words[i]) && !particles.Contains(words[i]) || particles.Contains(words[i]) && (i == e - 1 || IsPlainLower(words[i + 1])))
                    {
                        e = i;
                        break;
                    }
                }
            }

            while (e - s > 1 && IsPossessive(words[e - 1])) e--;
            spans[k] = (s, e, t);
        }

        if (!allCaps)
        {
            // Known buildings.
            for (var i = 0; i < n; i++)
            {
                foreach (var b in Buildings)
                {
                    if (i + b.Length > n || !Free(i, i + b.Length)) continue;
                    var match = true;
                    for (var j = 0; j < b.Length && match; j++) match = words[i + j] == b[j];
                    if (!match) continue;
                    if (b.Length == 1 && i + 1 < n && Capitalised(words[i + 1]) && words[i + 1] != "Palace") continue; // part of a longer name
                    Claim(i, i + b.Length, "FAC", null);
                    break;
                }
            }

            // Capitalised runs headed by a law, event or facility word.
            for (var i = 0; i < n;)
            {
                if (!Capitalised(words[i]) || taken[i])
                {
                    i++;
                    continue;
                }

                var start = i;
                var end = i + 1;
                while (end < n && !taken[end])
                {
                    if (Capitalised(words[end]) || IsNumeral(words[end])) end++;
                    else if (Connectors.Contains(words[end]) && end + 1 < n && Capitalised(words[end + 1]) && !taken[end + 1]) end += 2;
                    else break;
                }

                i = end;
                if (RunStarters.Contains(words[start])) start++;
                if (end - start < 2) continue;
                var type = RunType(words, start, end);
                if (type is null) continue;
                if (spans.Any(sp => sp.Start < end && sp.End > start && NerTags.Classes[sp.Type] is "PER")) continue;
                Claim(start, end, type, null);
            }

            // Weapons and vehicles: the capitalised name before the noun.
            for (var j = 1; j < n; j++)
            {
                var system = SystemNouns.Contains(words[j]);
                if (!WeaponNouns.Contains(words[j]) && !system) continue;
                if (Capitalised(words[j]) && j > 1 && Capitalised(words[j - 1])) continue;
                var end = j;
                while (end > 0 && WeaponModifiers.Contains(words[end - 1]) && !Capitalised(words[end - 1])) end--;
                if (system && end == j) continue;
                if (end == 0 || !Capitalised(words[end - 1]) || taken[end - 1]) continue;
                var start = end - 1;
                while (start > 0 && end - start < 3 && Capitalised(words[start - 1]) && !taken[start - 1]) start--;
                if (RunStarters.Contains(words[start])) start++;
                if (start >= end) continue;
                var text = Join(words, start, end);
                var entry = gazetteer.Lookup(text) ?? gazetteer.Lookup(words[end - 1]);
                if (entry is not null && (entry.Kinds & (GazKind.AnyPlace | GazKind.AnyGroup | GazKind.Org)) != 0) continue;
                var byModel = spans.Any(sp => sp.Start <= start && sp.End >= end);
                if (start == 0 && !byModel) continue; // a capitalised first word is not evidence of a name
                if (spans.Any(sp => sp.Start < end && sp.End > start && NerTags.Classes[sp.Type] is "PER")) continue;
                Claim(start, end, "PRODUCT", null);
            }
        }

        foreach (var (s, e, t) in spans)
        {
            if (e <= s || !Free(s, e)) continue;
            var text = Join(words, s, e);
            string type;
            string? country = null;
            switch (NerTags.Classes[t])
            {
                case "PER":
                    type = "PERSON";
                    break;
                case "ORG":
                    type = "ORG";
                    break;
                case "LOC":
                {
                    var entry = gazetteer.Lookup(text);
                    if (entry is not null && (entry.Kinds & GazKind.AnyPlace) != 0)
                    {
                        type = "GPE";
                        country = entry.PlaceCountry;
                    }
                    else if (FacilityHeads.Contains(words[e - 1])) type = "FAC";
                    else type = "LOC";
                    break;
                }

                default:
                {
                    var entry = gazetteer.Lookup(text);
                    if ((entry is null || (entry.Kinds & GazKind.AnyGroup) == 0) && text.EndsWith('s')) entry = gazetteer.Lookup(text[..^1]) ?? entry;
                    var head = RunType(words, s, e);
                    if (entry is not null && (entry.Kinds & GazKind.AnyGroup) != 0)
                    {
                        type = "NORP";
                        country = entry.DemonymCountry ?? entry.PlaceCountry;
                    }
                    else if (head is not null) type = head;
                    else if (entry is not null && (entry.Kinds & GazKind.AnyPlace) != 0)
                    {
                        type = "GPE";
                        country = entry.PlaceCountry;
                    }
                    else type = LooksLikeGroup(words[e - 1]) ? "NORP" : "PRODUCT";
                    break;
                }
            }

            Claim(s, e, type, country);
        }

        // "in X": a known place the tagger missed.
        if (!allCaps)
        {
            for (var i = 1; i < n; i++)
            {
                if (words[i - 1] != "in" || taken[i] || !Capitalised(words[i])) continue;
                GazEntry? best = null;
                var bestEnd = i;
                for (var e = i + 1; e <= n && e - i <= gazetteer.MaxTokens && !taken[e - 1]; e++)
                {
                    var entry = gazetteer.Lookup(Join(words, i, e));
                    if (entry is not null && (entry.Kinds & GazKind.BigCity) != 0 && Capitalised(words[e - 1]))
                    {
                        best = entry;
                        bestEnd = e;
                    }
                }

                if (best is null || (bestEnd < n && Capitalised(words[bestEnd]))) continue;
                Claim(i, bestEnd, "GPE", best.PlaceCountry);
            }
        }

        result.Sort((a, b) => a.Start.CompareTo(b.Start));
        return result;
    }

    private static string? RunType(IReadOnlyList<string> words, int start, int end)
    {
        string? type = null;
        for (var i = start; i < end; i++)
        {
            var w = words[i];
            if (OrgWords.Contains(w)) return null;
            if (LawHeads.Contains(w)) type = "LAW";
            else if (EventHeads.Contains(w) && type != "LAW") type = "EVENT";
        }

        var last = end - 1;
        while (last > start && IsNumeral(words[last])) last--;
        if (type is null && FacilityHeads.Contains(words[last])) type = "FAC";
        return type;
    }

    /// <summary>A word with letters, all in lower case, and no digits ("told", not "al-Kabariti" or "de").</summary>
    private static bool IsPlainLower(string w)
    {
        var letters = false;
        foreach (var c in w)
        {
            if (char.IsUpper(c) || char.IsDigit(c)) return false;
            if (char.IsLetter(c)) letters = true;
        }

        return letters;
    }

    private static bool LooksLikeGroup(string w) =>
        w.EndsWith("an", StringComparison.Ordinal) || w.EndsWith("ans", StringComparison.Ordinal) || w.EndsWith("ese", StringComparison.Ordinal)
        || w.EndsWith("ish", StringComparison.Ordinal) || w.EndsWith("ic", StringComparison.Ordinal) || w.EndsWith("i", StringComparison.Ordinal);

    private static bool IsPossessive(string w) => w is "'s" or "\u2019s" or "'" or "\u2019" or "'S" or "\u2019S";

    internal static bool Capitalised(string w) => w.Length > 0 && char.IsUpper(w[0]);

    private static bool IsNumeral(string w) =>
        w.Length > 0 && (w.All(char.IsDigit) || w is "I" or "II" or "III" or "IV" or "V" or "VI");

    internal static string Join(IReadOnlyList<string> words, int start, int end)
    {
        if (end - start == 1) return words[start];
        return string.Join(' ', Enumerable.Range(start, end - start).Select(i => words[i]));
    }
}
