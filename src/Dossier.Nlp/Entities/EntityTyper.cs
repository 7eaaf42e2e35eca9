namespace Dossier.Nlp.Entities;

/// <summary>
/// Maps the tagger's CoNLL classes to OntoNotes types and adds the names that CoNLL does not
/// annotate, with general rules:
/// <list type="bullet">
/// <item>PER → PERSON; ORG → ORG; LOC → GPE when the gazetteer knows it as a country, state, capital,
/// city or region of a country, else LOC; MISC → NORP when it is a nationality or group.</item>
/// <item>A capitalised name containing Act, Law, Treaty, Memorandum, Convention, Accord(s), Agreement,
/// Protocol → LAW; Summit, War, Games, Olympics, Cup, Conference, Festival, Election(s) → EVENT.</item>
/// <item>Known buildings (White House, Kremlin, Pentagon, Oval Office, Capitol …) and
/// names ending in Palace, Airport, Stadium, Bridge, Hospital, Square, Room … → FAC.</item>
/// <item>A capitalised name right before missile(s), rocket(s), tank(s), jet(s), drone(s), aircraft,
/// helicopter(s) … → PRODUCT (the name only, e.g. "Tomahawk").</item>
/// <item>A capitalised known city or country right after "in" that the tagger missed → GPE.</item>
/// <item>Titles are cut off names: a span that opens with title words ("Secretary of State", "National
/// Security Adviser", "Treasury Secretary" …) and ends in a person-like name keeps only the name, as
/// PERSON; a span of title words only, before more title words and a name, is dropped.</item>
/// <item>Other MISC: a hyphenated word whose first part is a known place or group ("Serb-held") → NORP;
/// a name followed by executives/shares/spokesman/board … → ORG; PRODUCT only with product evidence (a
/// product noun after it, a model number in it); a nationality-like or group word → NORP; else not reported.</item>
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
        "Open", "Series", "Tour", "Prix", "Masters", "Slam", "Trophy", "Classic", "Marathon", "Rally", "Derby", "Tournament", "Day",
    };

    /// <summary>Last words that make a name an organisation ("Asia-Pacific Economic Cooperation", "Arab League").</summary>
    private static readonly HashSet<string> OrgHeads = new(StringComparer.Ordinal)
    {
        "Cooperation", "Co-operation", "Organization", "Organisation", "Association", "Council", "Alliance", "Committee", "Commission",
        "Agency", "Party", "Bank", "Fund", "Federation", "Ministry", "Department", "Corporation", "Company", "Inc", "Inc.", "Corp", "Corp.", "Ltd", "Ltd.",
        "Authority", "Institute", "University", "Group", "Front", "Movement", "Army", "Brigade", "Brigades", "Club",
    };

    /// <summary>Religious, ethnic and political groups that no suffix gives away (NORP).</summary>
    private static readonly HashSet<string> GroupWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "Moslem", "Moslems", "Muslim", "Muslims", "Jew", "Jews", "Hindu", "Hindus", "Sikh", "Sikhs", "Sunni", "Sunnis", "Shia", "Shi'ite", "Shi'ites", "Shiite", "Shiites",
        "Kurd", "Kurds", "Serb", "Serbs", "Croat", "Croats", "Hutu", "Hutus", "Tutsi", "Tutsis", "Arab", "Arabs", "Bosniak", "Bosniaks", "Pashtun", "Pashtuns",
        "Tamil", "Tamils", "Yugoslav", "Yugoslavs", "Democrat", "Democrats", "Tory", "Tories", "Druze", "Uyghur", "Uyghurs", "Uighur", "Uighurs", "Alawite", "Alawites",
        "Catholic", "Catholics", "Protestant", "Protestants", "Orthodox", "Baptist", "Baptists", "Mormon", "Mormons", "Zulu", "Zulus", "Roma", "Basque", "Basques",
    };

    private static readonly HashSet<string> FacilityHeads = new(StringComparer.Ordinal)
    {
        "Palace", "Airport", "Stadium", "Bridge", "Hospital", "Square", "Tower", "Towers", "Cathedral", "Mosque", "Arena", "Airbase", "Dam", "Prison", "Room",
    };

    /// <summary>Words that make a capitalised run an organisation rather than a law or event ("Ministry of War").</summary>
    private static readonly HashSet<string> OrgWords = new(StringComparer.Ordinal)
    {
        "Ministry", "Department", "Party", "Committee", "Council", "Commission", "Office", "Agency", "Bank", "Court", "Institute", "Union", "Association", "Board", "Museum",
    };

    private static readonly string[][] Buildings =
    [
        ["White", "House"], ["Oval", "Office"], ["Kremlin"], ["Pentagon"], ["Capitol"],
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

    /// <summary>Words that make a run of title words a title of a person ("Secretary", "Adviser", "President").</summary>
    private static readonly HashSet<string> TitleHeads = new(StringComparer.Ordinal)
    {
        "President", "Vice-President", "Premier", "Minister", "Secretary", "Secretary-General", "Adviser", "Advisor", "Chancellor", "Governor",
        "Senator", "Sen.", "Representative", "Rep.", "Congressman", "Congresswoman", "Ambassador", "Envoy", "Chairman", "Chairwoman", "Chairperson",
        "CEO", "Spokesman", "Spokeswoman", "Spokesperson", "Director", "Commissioner", "Mayor", "Speaker", "Lieutenant", "Lt.", "Colonel", "Col.",
        "Captain", "Capt.", "Admiral", "Adm.", "Commander", "Sergeant", "Sgt.", "Marshal", "Prosecutor", "Attorney", "Dr.", "Dr", "Mr", "Mr.",
        "Mrs", "Mrs.", "Ms", "Ms.", "Pope", "Sheikh", "Ayatollah", "Rabbi", "Imam", "Gen.", "Judge", "General", "Chief", "Executive", "Justice",
        "Major", "Officer", "King", "Queen", "Prince", "Princess", "Cardinal", "Bishop", "Archbishop",
    };

    /// <summary>Title heads that are also common in names of organisations ("General Motors"): stripped only off a span the tagger called a person.</summary>
    private static readonly HashSet<string> AmbiguousTitleHeads = new(StringComparer.Ordinal)
    {
        "General", "Chief", "Executive", "Justice", "Major", "Officer", "King", "Queen", "Prince", "Princess", "Cardinal", "Bishop", "Archbishop", "Judge", "Director", "Commissioner",
    };

    /// <summary>Words that qualify a title, and the departments and offices that follow "Secretary of" / "Minister of".</summary>
    private static readonly HashSet<string> TitleModifiers = new(StringComparer.Ordinal)
    {
        "Vice", "Prime", "Deputy", "Acting", "Interim", "Former", "First", "Assistant", "Under", "Senior", "Special", "Principal", "Chief", "Executive",
        "General", "Presidential", "National", "Security", "Homeland", "Foreign", "Affairs", "Defence", "Defense", "Finance", "Interior", "Home", "Treasury",
        "State", "Health", "Human", "Services", "Justice", "Trade", "Commerce", "Energy", "Education", "Labor", "Labour", "Agriculture", "Transportation",
        "Transport", "Economy", "Economic", "Press", "Majority", "Minority", "Environment", "Culture", "Information", "Communications", "Veterans",
        "Housing", "Urban", "Development", "Intelligence", "Surgeon", "Solicitor", "Army", "Navy", "Air", "Force", "Public", "Immigration", "Emergency",
        "Science", "Technology", "Industry", "Tourism", "Sports", "Youth", "Budget", "War", "Navy", "Commerce", "Internal", "External", "Relations",
        "Attorney", "Secretary", "Minister", "Advisor", "Adviser",
    };

    private static readonly HashSet<string> CalendarWords = new(StringComparer.Ordinal)
    {
        "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "January", "February", "March", "April", "May", "June", "July",
        "August", "September", "October", "November", "December",
    };

    /// <summary>Words that make a name an organisation's, not a person's.</summary>
    private static readonly HashSet<string> OrgSuffixes = new(StringComparer.Ordinal)
    {
        "Co", "Co.", "Corp", "Corp.", "Corporation", "Inc", "Inc.", "Ltd", "Ltd.", "Plc", "plc", "PLC", "LLC", "AG", "SA", "NV", "GmbH", "Group", "Holdings",
        "Company", "Motors", "Airlines", "Airways", "Bank", "Partners", "Systems", "Industries", "Technologies", "International", "Fund", "Foundation", "Times", "News",
    };

    /// <summary>Lower-case words after a name that make it a company ("Boeing executives", "Nokia shares").</summary>
    private static readonly HashSet<string> CompanyContext = new(StringComparer.Ordinal)
    {
        "executives", "executive", "shares", "stock", "stocks", "shareholders", "chief", "ceo", "spokesman", "spokeswoman", "spokesperson", "employees",
        "staff", "workers", "board", "company", "subsidiary", "headquarters", "management", "chairman", "president", "engineers",
    };

    /// <summary>Lower-case nouns after a name that make it a product ("Falcon jets", "Galaxy phones"), besides the weapons.</summary>
    private static readonly HashSet<string> ProductNouns = new(StringComparer.OrdinalIgnoreCase)
    {
        "system", "systems", "phone", "phones", "smartphone", "smartphones", "car", "cars", "vehicle", "vehicles", "truck", "trucks", "laptop", "laptops",
        "computer", "computers", "software", "app", "console", "consoles", "chip", "chips", "processor", "processors", "engine", "engines", "plane", "planes",
        "airliner", "airliners", "jetliner", "jetliners", "rifle", "rifles", "vaccine", "vaccines", "satellite", "satellites", "device", "devices",
    };

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
            StripTitles(words, spans, gazetteer);
            ExtendToOrgHead(words, spans);
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
                if (end == 0 || !Capitalised(words[end - 1]) || taken[end - 1] || IsAdjectivalCompound(words[end - 1])) continue;
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
            string? type;
            string? country = null;
            switch (NerTags.Classes[t])
            {
                case "PER":
                    type = "PERSON";
                    break;
                case "ORG":
                    type = FacilityHeads.Contains(words[e - 1]) ? "FAC" : "ORG";
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
                    else if (!allCaps && (OrgHeads.Contains(words[e - 1]) || IsCompanyContext(words, s, e))) type = "ORG";
                    else type = "LOC";
                    break;
                }

                default:
                {
                    var entry = gazetteer.Lookup(text);
                    if ((entry is null || (entry.Kinds & GazKind.AnyGroup) == 0) && text.EndsWith('s')) entry = gazetteer.Lookup(text[..^1]) ?? entry;
                    var head = RunType(words, s, e, allCaps);
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
                    else if (HyphenatedAffiliation(words, s, e, gazetteer) is { } part)
                    {
                        type = "NORP";
                        country = part.DemonymCountry ?? part.PlaceCountry;
                    }
                    else if (!allCaps && (OrgHeads.Contains(words[e - 1]) || IsCompanyContext(words, s, e))) type = "ORG";
                    else if (!allCaps && HasProductEvidence(words, s, e)) type = "PRODUCT";
                    else if (LooksLikeGroup(words[e - 1]) || IsAdjectivalCompound(words[e - 1])) type = "NORP";
                    else type = null; // no evidence of its kind: not reported

                    break;
                }
            }

            if (type is not null) Claim(s, e, type, country);
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

    private const int Per = 0;

    private static bool IsTitleConnector(string w) => w is "of" or "for" or "the";

    /// <summary>
    /// Titles are not part of a person's name: a span that opens with title words ("Secretary of
    /// State", "National Security Adviser", "Treasury Secretary") and ends in a person-like name
    /// keeps only the name, as a person; a span made only of title words that comes right before
    /// more title words and a name ("Treasury" in "Treasury Secretary Ann Cole") is dropped.
    /// </summary>
    private static void StripTitles(IReadOnlyList<string> words, List<(int Start, int End, int Type)> spans, Gazetteer gazetteer)
    {
        var n = words.Count;
        for (var k = 0; k < spans.Count; k++)
        {
            var (s, e, t) = spans[k];
            if (e <= s) continue;
            var cut = s;
            var head = false;
            var titleOnly = true;
            for (var i = s; i < e; i++)
            {
                var w = words[i];
                if (TitleHeads.Contains(w) && (t == Per || !AmbiguousTitleHeads.Contains(w))) head = true;
                else if (!TitleModifiers.Contains(w) && !(i > s && IsTitleConnector(w)))
                {
                    titleOnly = false;
                    break;
                }

                cut = i + 1;
            }

            while (cut > s && IsTitleConnector(words[cut - 1])) cut--;
            if (cut == s) continue;
            if (titleOnly)
            {
                // Only title words: an organisation standing alone ("the Treasury said") stays; one that
                // only qualifies the title of the person named next goes, and the name is a person.
                var j = e;
                var titled = head;
                while (j < n && (TitleHeads.Contains(words[j]) || TitleModifiers.Contains(words[j]) || (j > e && IsTitleConnector(words[j]))))
                {
                    titled |= TitleHeads.Contains(words[j]) && !AmbiguousTitleHeads.Contains(words[j]);
                    j++;
                }

                if (!titled || j >= n) continue;
                var r = j;
                while (r < n && r - j < 4 && (Capitalised(words[r]) && !IsPossessive(words[r]) || r > j && NameParticles.Contains(words[r]) && r + 1 < n && Capitalised(words[r + 1]))) r++;
                var headBefore = TitleHeads.Contains(words[j - 1]) && (t == Per || !AmbiguousTitleHeads.Contains(words[j - 1]));
                if (r == j || !PersonLike(words, j, r, headBefore, gazetteer)) continue;
                var crosses = false;
                for (var o = 0; o < spans.Count && !crosses; o++)
                {
                    var (os, oe, _) = spans[o];
                    crosses = o != k && oe > os && os < r && oe > j && (os < j || oe > r);
                }

                if (crosses) continue;
                for (var o = 0; o < spans.Count; o++)
                {
                    if (o != k && spans[o].End > spans[o].Start && spans[o].Start >= j && spans[o].End <= r) spans[o] = (j, j, spans[o].Type);
                }

                spans[k] = (s, s, t);
                spans.Add((j, r, Per));
                continue;
            }

            var titleBefore = s > 0 && TitleHeads.Contains(words[s - 1]) || s > 1 && IsTitleConnector(words[s - 1]) && TitleHeads.Contains(words[s - 2]);
            if (!head && !titleBefore) continue;

            // "State Ana Cole and Secretary of Defense Ben Ode": the name ends where a connector or
            // another title begins; what follows is looked at as a span of its own.
            var nameEnd = cut;
            while (nameEnd < e && Capitalised(words[nameEnd]) && !TitleHeads.Contains(words[nameEnd]) && !TitleModifiers.Contains(words[nameEnd])) nameEnd++;
            if (nameEnd < e && nameEnd > cut)
            {
                var rest = nameEnd;
                while (rest < e && (words[rest] is "and" or "," or "&" || IsTitleConnector(words[rest]))) rest++;
                if (rest < e && (TitleHeads.Contains(words[rest]) || TitleModifiers.Contains(words[rest])) && PersonLike(words, cut, nameEnd, true, gazetteer))
                {
                    spans[k] = (cut, nameEnd, Per);
                    spans.Add((rest, e, t));
                    continue;
                }
            }

            var headBeforeTail = TitleHeads.Contains(words[cut - 1]) && (t == Per || !AmbiguousTitleHeads.Contains(words[cut - 1]));
            if (!PersonLike(words, cut, e, t == Per || headBeforeTail, gazetteer)) continue;
            spans[k] = (cut, e, Per);
        }
    }

    /// <summary>
    /// A MISC name that the tagger closed before the rest of an organisation's name ("Asia-Pacific" +
    /// "Economic Cooperation"): the capitalised words that follow, up to one that heads names of
    /// organisations, join it as ORG.
    /// </summary>
    private static void ExtendToOrgHead(IReadOnlyList<string> words, List<(int Start, int End, int Type)> spans)
    {
        const int Misc = 3;
        const int Org = 1;
        for (var k = 0; k < spans.Count; k++)
        {
            var (s, e, t) = spans[k];
            if (t != Misc || e <= s) continue;
            var r = e;
            while (r < words.Count && r - e < 4 && Capitalised(words[r]) && !IsPossessive(words[r])) r++;
            var end = r;
            while (end > e && !OrgHeads.Contains(words[end - 1])) end--;
            if (end == e) continue;
            var free = true;
            foreach (var (os, oe, _) in spans)
            {
                if (oe > os && os < end && oe > e) free = false;
            }

            if (free) spans[k] = (s, end, Org);
        }
    }

    /// <summary>Could words [start, end) be a personal name: 1–4 capitalised words (name particles inside), no title or organisation word, not a known place or group; one word only when the tagger called the span a person.</summary>
    private static bool PersonLike(IReadOnlyList<string> words, int start, int end, bool taggedPerson, Gazetteer gazetteer)
    {
        var length = end - start;
        if (length is < 1 or > 4) return false;
        if (length == 1 && !taggedPerson) return false;
        for (var i = start; i < end; i++)
        {
            var w = words[i];
            if (!Capitalised(w))
            {
                if (i == start || i == end - 1 || !NameParticles.Contains(w)) return false;
                continue;
            }

            if (TitleHeads.Contains(w) || TitleModifiers.Contains(w) || CalendarWords.Contains(w) || OrgWords.Contains(w) || OrgSuffixes.Contains(w) || LawHeads.Contains(w) || EventHeads.Contains(w) || FacilityHeads.Contains(w)) return false;
            if (!w.Any(char.IsLower)) return false; // an acronym
        }

        var entry = gazetteer.Lookup(Join(words, start, end));
        return entry is null || (entry.Kinds & (GazKind.AnyGroup | GazKind.Org | GazKind.Country | GazKind.State)) == 0;
    }

    /// <summary>"Serb-held", "NATO-led", "New York-based": a name ending in a hyphenated word whose part before the hyphen the gazetteer knows.</summary>
    private static GazEntry? HyphenatedAffiliation(IReadOnlyList<string> words, int start, int end, Gazetteer gazetteer)
    {
        var last = words[end - 1];
        var dash = last.IndexOf('-', StringComparison.Ordinal);
        if (dash <= 0) return null;
        var entry = gazetteer.Lookup(end - start == 1 ? last[..dash] : Join(words, start, end - 1) + " " + last[..dash]);
        return entry is not null && (entry.Kinds & (GazKind.AnyGroup | GazKind.AnyPlace | GazKind.Org)) != 0 ? entry : null;
    }

    /// <summary>A hyphenated word whose last part is in lower case ("Soviet-era", "Kurdish-held", "Toronto-based"): a modifier, not a name of its own.</summary>
    private static bool IsAdjectivalCompound(string w)
    {
        var dash = w.LastIndexOf('-');
        return dash > 0 && dash < w.Length - 1 && char.IsUpper(w[0]) && IsPlainLower(w[(dash + 1)..]);
    }

    /// <summary>
    /// Is the name [start, end) a company by its context: followed (after a possessive) by words about
    /// a company ("executives", "shares", "chief executive"), or after "shares of" / "stake in"?
    /// </summary>
    private static bool IsCompanyContext(IReadOnlyList<string> words, int start, int end)
    {
        var j = end;
        if (j < words.Count && IsPossessive(words[j])) j++;
        if (j < words.Count && CompanyContext.Contains(words[j])) return true;
        return start >= 2 && (words[start - 1] == "of" && words[start - 2] is "shares" or "Shares" || words[start - 1] == "in" && words[start - 2] is "stake" or "stakes");
    }

    /// <summary>Product evidence: a product noun right after the name ("Falcon jets"), or a model number in it ("Su-57", "Model 3").</summary>
    private static bool HasProductEvidence(IReadOnlyList<string> words, int start, int end)
    {
        if (end < words.Count && (WeaponNouns.Contains(words[end]) || ProductNouns.Contains(words[end])) && !Capitalised(words[end])) return true;
        for (var i = start; i < end; i++)
        {
            var w = words[i];
            bool digit = false, letter = false;
            foreach (var c in w)
            {
                digit |= char.IsDigit(c);
                letter |= char.IsLetter(c);
            }

            if (digit && (letter || i > start)) return true;
        }

        return false;
    }

    private static string? RunType(IReadOnlyList<string> words, int start, int end, bool ignoreCase = false)
    {
        var (orgWords, lawHeads, eventHeads, facilityHeads) = ignoreCase ? (OrgWordsCi, LawHeadsCi, EventHeadsCi, FacilityHeadsCi) : (OrgWords, LawHeads, EventHeads, FacilityHeads);
        string? type = null;
        for (var i = start; i < end; i++)
        {
            var w = words[i];
            if (orgWords.Contains(w)) return null;
            if (lawHeads.Contains(w)) type = "LAW";
            else if (eventHeads.Contains(w) && type != "LAW") type = "EVENT";
        }

        var last = end - 1;
        while (last > start && IsNumeral(words[last])) last--;
        if (type is null && facilityHeads.Contains(words[last])) type = "FAC";
        return type;
    }

    private static readonly HashSet<string> OrgWordsCi = new(OrgWords, StringComparer.OrdinalIgnoreCase);
    private static readonly HashSet<string> LawHeadsCi = new(LawHeads, StringComparer.OrdinalIgnoreCase);
    private static readonly HashSet<string> EventHeadsCi = new(EventHeads, StringComparer.OrdinalIgnoreCase);
    private static readonly HashSet<string> FacilityHeadsCi = new(FacilityHeads, StringComparer.OrdinalIgnoreCase);

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
        GroupWords.Contains(w) || (w.EndsWith("ist", StringComparison.Ordinal) || w.EndsWith("ists", StringComparison.Ordinal)) && char.IsUpper(w[0])
        || w.EndsWith("an", StringComparison.Ordinal) || w.EndsWith("ans", StringComparison.Ordinal) || w.EndsWith("ese", StringComparison.Ordinal)
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
