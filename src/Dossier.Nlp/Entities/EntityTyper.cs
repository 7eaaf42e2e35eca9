using Dossier.Core.Labels;

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
internal sealed partial class EntityTyper
{
    // Determiners dropped from the start of a capitalised run: grammar, not vocabulary.
    private static readonly HashSet<string> RunStarters = new(StringComparer.Ordinal) { "The", "A", "An", "This", "That", "These", "Those" };

    private readonly NerLexicon _lexicon;

    /// <summary>The word lists the typer reads.</summary>
    internal NerLexicon Lexicon => _lexicon;

    /// <summary>A typer with the word lists of <paramref name="lexicon"/>.</summary>
    public EntityTyper(NerLexicon lexicon)
    {
        ArgumentNullException.ThrowIfNull(lexicon);
        _lexicon = lexicon;
    }

    /// <summary>
    /// The country that words [<paramref name="start"/>, <paramref name="end"/>) name, after an opening article: a name the
    /// gazetteer knows as a country, or a country abbreviation in capitals; null otherwise.
    /// </summary>
    private (int Start, string? Country)? CountryName(IReadOnlyList<string> words, int start, int end, Gazetteer gazetteer)
    {
        for (var s = start; s < end && s <= start + 1; s++)
        {
            if (s > start && !_lexicon.Determiners.Contains(words[start].ToLowerInvariant())) break;
            if (end - s == 1 && _lexicon.CountryAbbreviations.TryGetValue(words[s], out var iso)) return (s, iso);
            if (gazetteer.Lookup(Join(words, s, end)) is { } entry && (entry.Kinds & GazKind.Country) != 0) return (s, entry.PlaceCountry);
        }

        return null;
    }

    /// <summary>The typed names of one sentence from the tagger's CoNLL spans (class index into <see cref="NerTags.Classes"/>).</summary>
    /// <param name="usualCase">How a word is usually written inside a sentence (0 unknown, 1 lower case … 4 capitalised: <see cref="WordClusters"/>); null when unknown.</param>
    public List<NerSpan> Type(IReadOnlyList<string> words, List<(int Start, int End, int Type)> spans, bool allCaps, Gazetteer gazetteer, Func<string, int>? usualCase = null)
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
                var particles = NerTags.Classes[t] == "PER" ? _lexicon.NameParticles : _lexicon.Connectors;
                for (var i = s + 1; i < e; i++)
                {
                    if (IsPlainLower(words[i]) && !particles.Contains(words[i]) || particles.Contains(words[i]) && (i == e - 1 || IsPlainLower(words[i + 1])))
                    {
                        e = i;
                        break;
                    }
                }
            }

            // A headline in capitals: a name stops before a word that text almost always writes in lower case
            // ("MARQUEZ VISITS MOSCOW"); what follows it is a name only when the gazetteer knows it as a place.
            if (allCaps && usualCase is not null)
            {
                for (var i = s + 1; i < e - 1; i++)
                {
                    if (usualCase(words[i]) != 1) continue;
                    var rest = gazetteer.Lookup(Join(words, i + 1, e));
                    if (rest is not null && (rest.Kinds & GazKind.AnyPlace) != 0) spans.Add((i + 1, e, NerTags.ClassIndex("LOC")));
                    e = i;
                    break;
                }
            }

            // An article opening the sentence that the tagger took into the name of an organisation named after a place ("The
            // US Marines took", "The Kenyan Wildlife Service said"): the name starts after it. Not "The Netherlands" (a
            // country's name of two words holds its article, as CoNLL-2003 and Universal NER annotate it).
            if (s == 0 && e - s >= 3 && Capitalised(words[0]) && _lexicon.Determiners.Contains(words[0]) && gazetteer.Lookup(Join(words, s, e)) is null
                && gazetteer.Lookup(words[1]) is { } head && (head.Kinds & (GazKind.AnyPlace | GazKind.AnyGroup)) != 0)
            {
                s = 1;
            }

            while (e - s > 1 && IsPossessive(words[e - 1])) e--;

            // An elliptical possessive, with no noun after it ("dinner at Marlowe's.", "we bank with Hollis's, and"), names a
            // shop, firm or ground rather than a person's belonging: the possessive is part of the name, which is no person.
            if (!allCaps && e < n && words[e] is "'s" or "\u2019s" && (e + 1 == n || words[e + 1] is "," or "." or "?" or "!"))
            {
                e++;
                if (NerTags.Classes[t] == "PER") t = NerTags.ClassIndex("ORG");
            }

            spans[k] = (s, e, t);
        }

        if (!allCaps)
        {
            // A name followed by an organisation suffix ("Acme Inc.", "Borel Holdings") is an organisation, suffix included:
            // before the titles are cut, so that a company opening with a title word keeps it.
            for (var k = 0; k < spans.Count; k++)
            {
                var (s, e, _) = spans[k];
                if (e <= s || e >= n || !_lexicon.OrgSuffixes.Contains(words[e])) continue;
                var free = true;
                foreach (var (os, oe, _) in spans) free &= !(oe > os && os <= e && oe > e);
                if (free) spans[k] = (s, e + 1, NerTags.ClassIndex("ORG"));
            }

            // A span of suffixes alone ("Inc.") belongs to the name before it: the span that ends there, or the capitalised
            // words no span takes ("Qualtrix" + "Inc." → "Qualtrix Inc.").
            for (var k = 0; k < spans.Count; k++)
            {
                var (s, e, _) = spans[k];
                if (e <= s || s == 0 || !Enumerable.Range(s, e - s).All(i => _lexicon.OrgSuffixes.Contains(words[i]))) continue;
                var before = spans.FindIndex(o => o.End == s && o.End > o.Start);
                if (before >= 0)
                {
                    spans[k] = (spans[before].Start, e, NerTags.ClassIndex("ORG"));
                    spans[before] = (s, s, spans[before].Type);
                    continue;
                }

                var start = s;
                while (start > 0 && s - start < 3 && Capitalised(words[start - 1]) && !spans.Any(o => o.End > o.Start && o.Start < start && o.End >= start)) start--;
                if (start < s) spans[k] = (start, e, NerTags.ClassIndex("ORG"));
            }

            ExtendTitledName(words, spans, gazetteer, usualCase);
            StripTitles(words, spans, gazetteer);
            ExtendToOrgHead(words, spans);
        }

        if (!allCaps)
        {
            // Known buildings.
            for (var i = 0; i < n; i++)
            {
                foreach (var b in _lexicon.Buildings)
                {
                    if (i + b.Length > n || !Free(i, i + b.Length)) continue;
                    var match = true;
                    for (var j = 0; j < b.Length && match; j++) match = words[i + j] == b[j];
                    if (!match) continue;
                    if (b.Length == 1 && i + 1 < n && Capitalised(words[i + 1]) && words[i + 1] != "Palace") continue; // part of a longer name
                    Claim(i, i + b.Length, EntityTypes.Facility, null);
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
                    else if (_lexicon.Connectors.Contains(words[end]) && end + 1 < n && Capitalised(words[end + 1]) && !taken[end + 1]) end += 2;
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
                var system = _lexicon.SystemNouns.Contains(words[j]);
                if (!_lexicon.WeaponNouns.Contains(words[j]) && !system) continue;
                if (Capitalised(words[j]) && j > 1 && Capitalised(words[j - 1])) continue;
                var end = j;
                while (end > 0 && _lexicon.WeaponModifiers.Contains(words[end - 1]) && !Capitalised(words[end - 1])) end--;
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
                Claim(start, end, EntityTypes.Product, null);
            }
        }

        foreach (var (s, e, t) in spans)
        {
            if (e <= s || !Free(s, e)) continue;
            var text = Join(words, s, e);
            string? type;
            string? country = null;

            // Web addresses, e-mail addresses and file names are not names.
            if (Enumerable.Range(s, e - s).Any(i => IsAddress(words[i]))) continue;

            // A name opens with a letter or a digit (".doc", ":P", "----==" are no names), and is more than organisation
            // suffixes ("L.P." alone, with no name before it).
            if (!char.IsLetterOrDigit(words[s][0]) || Enumerable.Range(s, e - s).All(i => _lexicon.OrgSuffixes.Contains(words[i]))) continue;

            // An abbreviation in capitals right after a clock time ("at 9:30 XYZ") is a time zone, not a name.
            if (e - s == 1 && s > 0 && IsClockTime(words[s - 1]) && words[s].All(char.IsUpper)) continue;

            // A name written in lower case none of whose words text usually capitalises is a common word ("tacky", "chorizo").
            var lowerCase = Enumerable.Range(s, e - s).All(i => IsPlainLower(words[i]));
            if (lowerCase && usualCase is not null && !Enumerable.Range(s, e - s).Any(i => usualCase(words[i]) >= 3) && (gazetteer.Lookup(text) is not { } known || (known.Kinds & GazKind.AnyPlace) == 0)) continue;

            // A name written in lower case that the gazetteer knows as a place is that place, whatever the tagger's class (web text).
            if (!allCaps && Enumerable.Range(s, e - s).All(i => IsPlainLower(words[i])) && gazetteer.Lookup(text) is { } lowerPlace && (lowerPlace.Kinds & GazKind.AnyPlace) != 0)
            {
                Claim(s, e, EntityTypes.Gpe, lowerPlace.PlaceCountry);
                continue;
            }

            // A name opened by a word that names a kind of event before a name ("Hurricane Odile") is that event, whether the
            // tagger took it for a person or a place; not an organisation ("the Hurricane Center"), nor one ending in a word
            // text writes in lower case.
            if (!allCaps && e - s >= 2 && NerTags.Classes[t] != "ORG" && _lexicon.EventOpeners.Contains(words[s]) && (usualCase is null || usualCase(words[e - 1]) != 1))
            {
                Claim(s, e, EntityTypes.Event, null);
                continue;
            }

            // An organisation that is the name of a country ("Freedonia", "the UK", after an opening article) is that country:
            // "UK troops", "Freedonia has said" name the state by its place, and both gold sets annotate it as a location.
            if (NerTags.Classes[t] == "ORG" && CountryName(words, s, e, gazetteer) is { } state)
            {
                if (Free(state.Start, e)) Claim(state.Start, e, EntityTypes.Gpe, state.Country);
                continue;
            }

            switch (NerTags.Classes[t])
            {
                case "PER":
                    type = _lexicon.OrgSuffixes.Contains(words[e - 1]) && e - s >= 2 && !allCaps ? EntityTypes.Organization
                        : _lexicon.FacilityHeads.Contains(words[e - 1]) && e - s >= 2 ? EntityTypes.Facility
                        : _lexicon.LocationHeads.Contains(words[e - 1]) && e - s >= 2 ? EntityTypes.Location
                        : EntityTypes.Person;
                    break;
                case "ORG":
                    type = _lexicon.FacilityHeads.Contains(words[e - 1]) ? EntityTypes.Facility
                        : _lexicon.LocationHeads.Contains(words[e - 1]) && e - s >= 2 ? EntityTypes.Location
                        : EntityTypes.Organization;
                    break;
                case "LOC":
                {
                    var entry = gazetteer.Lookup(text);
                    if (entry is not null && (entry.Kinds & GazKind.AnyPlace) != 0)
                    {
                        type = EntityTypes.Gpe;
                        country = entry.PlaceCountry;
                    }
                    else if (_lexicon.FacilityHeads.Contains(words[e - 1])) type = EntityTypes.Facility;
                    else if (!allCaps && (_lexicon.OrgHeads.Contains(words[e - 1]) || IsCompanyContext(words, s, e))) type = EntityTypes.Organization;
                    else if (!allCaps && UnknownTwoWordName(words, s, e, gazetteer, usualCase)) type = EntityTypes.Person;
                    else type = EntityTypes.Location;
                    break;
                }

                default:
                {
                    var entry = gazetteer.Lookup(text);
                    if ((entry is null || (entry.Kinds & GazKind.AnyGroup) == 0) && text.EndsWith('s')) entry = gazetteer.Lookup(text[..^1]) ?? entry;
                    var head = RunType(words, s, e, allCaps);
                    if (entry is not null && (entry.Kinds & GazKind.AnyGroup) != 0)
                    {
                        type = EntityTypes.Group;
                        country = entry.DemonymCountry ?? entry.PlaceCountry;
                    }
                    else if (head is not null) type = head;
                    else if (entry is not null && (entry.Kinds & GazKind.AnyPlace) != 0)
                    {
                        type = EntityTypes.Gpe;
                        country = entry.PlaceCountry;
                    }
                    else if (HyphenatedAffiliation(words, s, e, gazetteer) is { } part)
                    {
                        type = EntityTypes.Group;
                        country = part.DemonymCountry ?? part.PlaceCountry;
                    }
                    else if (!allCaps && (_lexicon.OrgHeads.Contains(words[e - 1]) || (e - s >= 2 && _lexicon.OrgWords.Contains(words[e - 1])) || IsCompanyContext(words, s, e))) type = EntityTypes.Organization;
                    else if (!allCaps && HasProductEvidence(words, s, e)) type = EntityTypes.Product;
                    else if (LooksLikeGroup(words[e - 1]) || IsAdjectivalCompound(words[e - 1])) type = EntityTypes.Group;
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
                Claim(i, bestEnd, EntityTypes.Gpe, best.PlaceCountry);
            }

            // Web text in lower case: "in/to/from x" where x is a country, state or big city that text usually capitalises.
            for (var i = 1; usualCase is not null && i < n; i++)
            {
                if (words[i - 1] is not ("in" or "to" or "from") || taken[i] || !IsPlainLower(words[i]) || usualCase(words[i]) < 4) continue;
                var entry = gazetteer.Lookup(words[i]);
                if (entry is null || (entry.Kinds & (GazKind.Country | GazKind.State | GazKind.BigCity)) == 0) continue;
                if (i + 1 < n && !IsPlainLower(words[i + 1]) && words[i + 1].Any(char.IsLetter)) continue;
                Claim(i, i + 1, EntityTypes.Gpe, entry.PlaceCountry);
            }
        }

        result.Sort((a, b) => a.Start.CompareTo(b.Start));
        return result;
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
    private bool IsCompanyContext(IReadOnlyList<string> words, int start, int end)
    {
        var j = end;
        if (j < words.Count && IsPossessive(words[j])) j++;
        if (j < words.Count && _lexicon.CompanyContext.Contains(words[j])) return true;
        return start >= 2 && (words[start - 1] == "of" && words[start - 2] is "shares" or "Shares" || words[start - 1] == "in" && words[start - 2] is "stake" or "stakes");
    }

    /// <summary>Product evidence: a product noun right after the name ("Falcon jets"), or a model number in it ("Su-57", "Model 3").</summary>
    private bool HasProductEvidence(IReadOnlyList<string> words, int start, int end)
    {
        if (end < words.Count && (_lexicon.WeaponNouns.Contains(words[end]) || _lexicon.ProductNouns.Contains(words[end])) && !Capitalised(words[end])) return true;
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

    private string? RunType(IReadOnlyList<string> words, int start, int end, bool ignoreCase = false)
    {
        var (orgWords, lawHeads, eventHeads, facilityHeads) = ignoreCase ? (_lexicon.OrgWordsAnyCase, _lexicon.LawHeadsAnyCase, _lexicon.EventHeadsAnyCase, _lexicon.FacilityHeadsAnyCase) : (_lexicon.OrgWords, _lexicon.LawHeads, _lexicon.EventHeads, _lexicon.FacilityHeads);
        string? type = null;
        for (var i = start; i < end; i++)
        {
            var w = words[i];
            if (orgWords.Contains(w)) return null;
            if (lawHeads.Contains(w)) type = EntityTypes.Law;
            else if (eventHeads.Contains(w) && type != EntityTypes.Law) type = EntityTypes.Event;
        }

        var last = end - 1;
        while (last > start && IsNumeral(words[last])) last--;
        if (type is null && facilityHeads.Contains(words[last])) type = EntityTypes.Facility;
        return type;
    }

    /// <summary>A word with letters, all in lower case, and no digits ("told", not "al-Kabariti" or "de").</summary>
    internal static bool IsPlainLower(string w)
    {
        var letters = false;
        foreach (var c in w)
        {
            if (char.IsUpper(c) || char.IsDigit(c)) return false;
            if (char.IsLetter(c)) letters = true;
        }

        return letters;
    }

    private bool LooksLikeGroup(string w) =>
        _lexicon.GroupWords.Contains(w) || (w.EndsWith("ist", StringComparison.Ordinal) || w.EndsWith("ists", StringComparison.Ordinal)) && char.IsUpper(w[0])
        || w.EndsWith("an", StringComparison.Ordinal) || w.EndsWith("ans", StringComparison.Ordinal) || w.EndsWith("ese", StringComparison.Ordinal)
        || w.EndsWith("ish", StringComparison.Ordinal) || w.EndsWith("ic", StringComparison.Ordinal) || w.EndsWith("i", StringComparison.Ordinal);

    /// <summary>"http://…", "www.…", "name@host", "notes.doc": an address or a file name.</summary>
    private static bool IsAddress(string w) =>
        w.Contains("://", StringComparison.Ordinal) || w.StartsWith("www.", StringComparison.OrdinalIgnoreCase) || (w.Contains('@', StringComparison.Ordinal) && w.Length > 1)
        || (w.Length > 4 && w.LastIndexOf('.') is var dot && dot > 0 && dot >= w.Length - 5 && dot < w.Length - 2 && w[(dot + 1)..].All(char.IsLower) && w[..dot].Any(char.IsLetter) && !w[..dot].Contains('.', StringComparison.Ordinal) && w.Length - dot - 1 is 3 or 4 && w[(dot + 1)..] is "doc" or "pdf" or "htm" or "html" or "xls" or "txt" or "jpg" or "com" or "org" or "net" or "docx" or "xlsx" or "ppt");

    /// <summary>"9:30", "14:00", "9am", "10.30pm", "a.m.", "p.m.": a time of day.</summary>
    private static bool IsClockTime(string w)
    {
        if (w is "a.m." or "p.m." or "am" or "pm" or "AM" or "PM") return true;
        var colon = w.IndexOf(':', StringComparison.Ordinal);
        if (colon > 0 && colon < w.Length - 1 && char.IsDigit(w[colon - 1]) && char.IsDigit(w[colon + 1])) return true;
        return w.Length > 2 && char.IsDigit(w[0]) && (w.EndsWith("am", StringComparison.OrdinalIgnoreCase) || w.EndsWith("pm", StringComparison.OrdinalIgnoreCase));
    }

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
