using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Globalization;
using Dossier.Core.Data;
using Dossier.Core.Documents;
using Dossier.Core.Labels;

namespace Dossier.Extraction.Places;

/// <summary>
/// The words <see cref="PlaceMentionFinder"/> and <see cref="Geocoder"/> read (<c>models/places/</c>): locative prepositions, the
/// words that join a name to a place inside it, and the words of administrative units ("the City of X"); and how each word is
/// usually written inside a sentence (<see cref="UsualCase"/>), learned from unlabelled text by the name finder's word clusters
/// (<c>models/ner/word-clusters.tsv.gz</c>, read only).
/// </summary>
internal sealed record PlaceWords(FrozenSet<string> Locative, FrozenSet<string> Links, FrozenSet<string> Units, IReadOnlyDictionary<string, int>? UsualCases = null,
    FrozenSet<string>? Titles = null)
{
    public const string LocativeFileName = "locative-prepositions.tsv";
    public const string LinksFileName = "name-place-links.tsv";
    public const string UnitsFileName = "unit-words.tsv";
    public const string ClustersFileName = "word-clusters.tsv.gz";
    public const string TitlesFileName = "title-heads.tsv";

    /// <summary>The case class of <see cref="UsualCase"/> for a word written capitalised almost always (90% or more).</summary>
    public const int AlmostAlwaysCapitalised = 4;

    private static readonly Lazy<PlaceWords> Shared = new(() =>
    {
        var folder = ModelDirectory.LocateFolder("places", LocativeFileName);
        return new PlaceWords(TsvFile.ReadWords(Path.Combine(folder, LocativeFileName)), TsvFile.ReadWords(Path.Combine(folder, LinksFileName)),
            TsvFile.ReadWords(Path.Combine(folder, UnitsFileName)), ReadUsualCases(Path.Combine(ModelDirectory.LocateFolder("ner", ClustersFileName), ClustersFileName)),
            TsvFile.ReadWords(Path.Combine(ModelDirectory.LocateFolder("ner", TitlesFileName), TitlesFileName)));
    });

    /// <summary>
    /// Whether the words [<paramref name="first"/>, <paramref name="last"/>] of <paramref name="d"/> are used as a place by the
    /// words around them: right after a locative preposition of <paramref name="locative"/> in their sentence, "the" allowed
    /// between ("in X", "from the X"), or right before "-based" written without spaces ("X-based firm"). The one locative test
    /// of the places stage: <see cref="PlaceMentionFinder"/> and <see cref="Geocoder"/> both read it.
    /// </summary>
    internal static bool UsedAsPlace(Document d, int first, int last, FrozenSet<string> locative)
    {
        var tokens = d.Tokens;
        if (tokens.IsDefaultOrEmpty || first < 0 || last < first || last >= tokens.Length) return false;
        string Word(int t) => d.Text[tokens[t].Start..tokens[t].End];
        if (first > 0 && tokens[first - 1].Sentence == tokens[first].Sentence)
        {
            var before = first - 1;
            if (Word(before) is "the" or "The" && before > 0 && tokens[before - 1].Sentence == tokens[first].Sentence) before--;
            if (locative.Contains(Word(before).ToLowerInvariant())) return true;
        }

        return last + 2 < tokens.Length && tokens[last + 1].Start == tokens[last].End && tokens[last + 2].Start == tokens[last + 1].End
            && Word(last + 1) == "-" && Word(last + 2).Equals("based", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>Whether <paramref name="word"/> heads a person's title ("Senator", "Governor"; the name finder's <c>models/ner/title-heads.tsv</c>, exact case).</summary>
    public bool IsTitle(string word) => Titles is { } titles && titles.Contains(word);

    /// <summary>The shipped lists, loaded once per process.</summary>
    public static PlaceWords Default => Shared.Value;

    /// <summary>
    /// How the lower-case word <paramref name="lower"/> is usually written inside a sentence: 0 unknown (too rare in the
    /// unlabelled text), 1 capitalised under 10% of the time, 2 under 50%, 3 under 90%, <see cref="AlmostAlwaysCapitalised"/> more.
    /// </summary>
    public int UsualCase(string lower) => UsualCases is { } cases && cases.TryGetValue(lower, out var c) ? c : 0;

    /// <summary>The words and case classes of the word-cluster file (WORD, FINE, COARSE, CASE; gzip; <c>#</c> lines skipped).</summary>
    /// <exception cref="DataFileException">When the file is missing or malformed.</exception>
    /// <remarks>
    /// The whole file is one string cut into lines (as a reader cuts them: \n, \r or \r\n) and columns as spans: only the
    /// ~40,000 words become strings, in a plain dictionary (a frozen one costs more to build at start-up than its look-ups
    /// save; docs/evaluation.md, "speed10").
    /// </remarks>
    internal static IReadOnlyDictionary<string, int> ReadUsualCases(string path)
    {
        try
        {
            string text;
            using (var file = File.OpenRead(path))
            using (var gzip = new System.IO.Compression.GZipStream(file, System.IO.Compression.CompressionMode.Decompress))
            using (var reader = new StreamReader(gzip, System.Text.Encoding.UTF8))
            {
                text = reader.ReadToEnd();
            }

            var cases = new Dictionary<string, int>(StringComparer.Ordinal);
            var byText = cases.GetAlternateLookup<ReadOnlySpan<char>>();
            var line = 0;
            Span<Range> columns = stackalloc Range[5];
            foreach (var row in new TextLines(text))
            {
                line++;
                if (row.Length == 0 || row[0] == '#') continue;
                if (row.Split(columns, '\t') < 4 || !int.TryParse(row[columns[3]], NumberStyles.None, CultureInfo.InvariantCulture, out var c))
                {
                    throw new DataFileException(path, line, "expected WORD, FINE, COARSE, CASE");
                }

                byText.TryAdd(row[columns[0]], c); // the first row of a word counts
            }

            return cases;
        }
        catch (FileNotFoundException e)
        {
            throw new DataFileException(path, "the file is missing", e);
        }
        catch (Exception e) when (e is IOException or InvalidDataException)
        {
            throw new DataFileException(path, "the file is not readable gzip", e);
        }
    }
}

/// <summary>
/// Place mentions the name finder missed or mistyped, found with the gazetteer as typed evidence before the geocoder runs
/// (issue 18). Every rule needs both a name the gazetteer holds as a country, a first-level division or a city of at least
/// <see cref="MinPopulation"/> people, written as a proper name (capitalised, a proper noun where the syntax says), and
/// evidence that the words name a place. "A place of a country the document speaks of" below is, in a document that speaks of
/// no country at all (a review, an e-mail), a first-level division whose places of note all lie in one country ("Fantastic X
/// Cottage"), and for <c>retyped-context</c> of a PERSON-typed name, and for unlabelled words after a locative preposition, also such a city of
/// <see cref="NoCountryEvidence"/> people ("shops around X", "a driving school in x"); a document in which the name finder found no entity is read too:
/// <list type="bullet">
/// <item><c>extended</c>: a GPE or LOC entity cut short by the name finder ("the United | Kingdom"): its mentions take
/// the capitalised words before them when the longer name is a place; <c>extended-after</c>: one whose every name mention,
/// with the one or two words after it that no entity covers, names a place of a country the document speaks of ("san |
/// francisco");</item>
/// <item><c>retyped-known</c>: an ORG entity named like a place the name finder typed GPE or LOC in the same document, when most of
/// its name mentions are that name (a possessive "X's" is the name), and the place's mention comes first or one of them follows a
/// locative preposition: retyped GPE;</item>
/// <item><c>retyped-country</c>: an ORG entity named like a country, no pronoun of a person referring to it ("it" and "they"
/// may): retyped GPE;</item>
/// <item><c>retyped-context</c>: an ORG or PERSON entity (no title) whose name is such a place and one of
/// whose mentions is used as a place (<see cref="PlaceWords.UsedAsPlace"/>: after a locative preposition, "flew from X",
/// or before "-based"), is qualified by its place's division or country ("X, NJ", "X in Brazil") or is coordinated with a
/// place (two of these when coreference gave it a pronoun): retyped GPE;</item>
/// <item><c>retyped-unit</c>: an ORG entity named "the State of X", "the Municipality of Y" (a unit word of <c>unit-words.tsv</c>
/// and "of"), X a place of a country the document speaks of or whose places of note lie in one country: a government named by
/// its place, retyped GPE as OntoNotes types it;</item>
/// <item><c>extended-known</c>: a place's name mention followed by one or two lower-case words no entity covers with which it is,
/// written otherwise, the name of another place entity of the document ("the Gaza Strip" … "the Gaza strip"): a mention of that
/// place;</item>
/// <item><c>nested-known</c> / <c>nested-name</c>: a place inside another entity's name, after a link word ("the
/// University of X", "the festival in X"), as its first words ("X Census Bureau"; a landmark's only when they name a
/// capital: "X Bay"), or a place the document names anywhere inside it ("the Metro X Convention Centre"); it joins the
/// document's place entity of the same name, else becomes a GPE entity of its own (the container keeps its words and type);
/// <c>nested-capital</c>: after a link word, a country's capital whose name has no namesake of note in another country, whatever
/// countries the document speaks of;</item>
/// <item><c>unlabelled-known</c> / <c>unlabelled-country</c> / <c>unlabelled-context</c> / <c>unlabelled-heading</c>:
/// capitalised proper-noun words no entity covers (hyphenated names whole; a capitalised word before them that the syntax tags
/// otherwise begins the name, "New" of "New X", and a name so begun that names no place of the document is no place): they join the document's place of the same
/// name; a country is a place as it stands (also at the edge of a longer run: "the Fan Fair X 2024"); a city needs a
/// locative preposition, its division, a coordinated place, or to open a sentence before a colon (a guide's listing "X: …");</item>
/// <item><c>unlabelled-lower</c>: lower-case words no entity covers that the unlabelled text writes capitalised almost
/// always (or too rarely to say: <see cref="PlaceWords.UsualCase"/>), naming a place of a country the document speaks of, after a
/// locative preposition, coordinated with a place, the document's place of that name, followed by the division or country
/// that holds it or following a place it holds ("tampa florida");</item>
/// <item><c>nested-common</c>: a place inside a name (of any type, or unlabelled words followed by such words) whose other
/// words, at its start or end, are common words written capitalised (case class 1: "Try X", "X Consultant"), the place's own
/// words being names: a place of the document or of a country it speaks of (a name whose namesakes all lie in one country is
/// not enough: company names such as "X Motors" are named after towns too);</item>
/// <item><c>common-pair</c>: two different names of one sentence that <c>nested-common</c> finds beside common words, of no
/// country the document speaks of, whose places of note all lie in one country, the same for both ("for X Location, not
/// for Y Location"): each vouches for the other;</item>
/// <item><c>nested-title</c>: a PERSON's name as the name finder cut it that opens with a place, a title head (the name
/// finder's <c>models/ner/title-heads.tsv</c>) and a capitalised word ("X Senator A B"): the place is a place of the document
/// or of a country it speaks of;</item>
/// <item><c>nested-person</c>: a PERSON's name as the name finder cut it that ends in a place of two or more words which the
/// document names as a place elsewhere ("A B New X"): that place;</item>
/// <item><c>nested-based</c>: a place right before "-based" inside a longer name ("X-based Levy", "the X-based firm"): a
/// place of the document, or one of a country it speaks of;</item>
/// <item><c>division-code</c>: an ISO 3166-2 code in capitals after "Town," or ending an organisation's name after its
/// link word ("the University of NSW"), of a division of a country the document speaks of: that division;</item>
/// <item><c>initials</c>: a word of two to four capitals, bare or dotted ("LA", "L.A."), that are the initials of a place
/// of two to four capitalised words the document named before (one place only with those initials, the word itself no
/// gazetteer name), alone or inside another name ("LA Weekly"): a mention of that place.</item>
/// </list>
/// Else a person's name holds no place ("X Hilton", "Jack X"), nor does a place the gazetteer already has ("X City" keeps its name).
/// </summary>
internal sealed class PlaceMentionFinder
{
    /// <summary>The rules, in the order they run.</summary>
    public static readonly ImmutableArray<string> Rules = ["extended", "extended-after", "retyped-country", "retyped-known", "retyped-unit", "retyped-context", "extended-known", "nested-known", "nested-name", "nested-capital", "nested-common", "common-pair", "nested-title", "nested-person", "nested-based", "unlabelled-known", "unlabelled-country", "unlabelled-context", "unlabelled-heading", "unlabelled-lower", "division-code", "initials"];

    /// <summary>The fewest people a city needs to be taken from words the name finder did not type as a place (chosen on dev).</summary>
    public const long MinPopulation = 15_000;

    /// <summary>
    /// The fewest people a city needs to be vouched for by its name alone in a document that speaks of no country, when all its
    /// namesakes of note lie in one country and the text uses the name as a place (<c>retyped-context</c>; chosen on dev, dev2 and
    /// dev3 together: 15,000 and 100,000 placed the same mentions there).
    /// </summary>
    public const long NoCountryEvidence = 100_000;

    private readonly PlaceGazetteer _gazetteer;
    private readonly PlaceWords _words;

    public PlaceMentionFinder(PlaceGazetteer gazetteer, PlaceWords words)
    {
        _gazetteer = gazetteer;
        _words = words;
    }

    /// <summary>The document with the place mentions found, and the rule of each one found (in the order found).</summary>
    public (Document Document, List<string> Rules) Find(Document document)
    {
        var decided = new List<string>();
        // A document in which the name finder found no entity at all can still name a place ("a driving school in x").
        if (document.Tokens.IsDefaultOrEmpty) return (document, decided);
        var tokens = document.Tokens;
        var entities = document.Entities.IsDefault ? [] : document.Entities.Select(e => e.Mentions.IsDefault ? e with { Mentions = [] } : e).ToList();

        // The countries the document speaks of: the actors' and places' countries, and the countries its places name.
        var countries = new HashSet<string>(StringComparer.Ordinal);
        foreach (var e in entities)
        {
            if (_gazetteer.CountryByIso3(e.Country) is { } c) countries.Add(c.Country);
            if (!Geocoder.IsPlace(e)) continue;
            var found = _gazetteer.Find(e.Name);
            if (found.FirstOrDefault(p => p.Class == PlaceClasses.Country) is { } named) countries.Add(named.Country);

            // A division ("Scotland", "Kansas") names its country when every division of that name lies in one country.
            else if (found.Where(p => p.Class == PlaceClasses.Admin1).Select(p => p.Country).Distinct(StringComparer.Ordinal).ToList() is [var only]) countries.Add(only);
        }

        for (var t = 0; t < tokens.Length; t++)
        {
            // A country named in words no entity covers ("of the UK").
            if (IsProperWord(document, t) && _gazetteer.Find(Text(document, t, t)).FirstOrDefault(p => p.Class == PlaceClasses.Country) is { } c) countries.Add(c.Country);
        }

        // Evidence enough for a place the name finder did not type: a country, else a division or city of a country the document speaks of.
        // A document that speaks of no country at all (a review, an e-mail) vouches for a first-level division whose places of
        // note all lie in one country ("Fantastic X Cottage"); a city so needs more (LoneCity): company names are named after towns.
        List<GazetteerPlace> InContext(string name) =>
            countries.Count > 0
                ? [.. Strong(name).Where(p => p.Class == PlaceClasses.Country || countries.Contains(p.Country))]
                : Strong(name) is { Count: > 0 } strong && strong.All(p => p.Country == strong[0].Country)
                    ? [.. strong.Where(p => p.Class is PlaceClasses.Country or PlaceClasses.Admin1)]
                    : [];

        // In a document that speaks of no country, for a name the text uses as a place (retyped-context): also a city of
        // NoCountryEvidence people whose places of note all lie in one country ("flower shops around X" in a shop's review).
        List<GazetteerPlace> InContextOrLoneCity(string name)
        {
            var found = InContext(name);
            if (found.Count > 0 || countries.Count > 0) return found;
            return Strong(name) is { Count: > 0 } strong && strong.All(p => p.Country == strong[0].Country)
                ? [.. strong.Where(p => p.Population >= NoCountryEvidence)]
                : [];
        }

        // 0. A place mention cut short by the name finder ("the United | Kingdom"): a GPE or LOC entity the gazetteer does not
        // know whose every name mention, with the capitalised words just before it, names a place it knows; or one it knows
        // ("York") whose every mention so completed, with words no other entity covers, is the name of another place entity
        // of the document ("New York").
        var otherPlaceNames = entities.Where(e => e.Type is EntityTypes.Gpe or EntityTypes.Location).Select(e => PlaceGazetteer.Key(e.Name)).ToHashSet(StringComparer.Ordinal);
        var anyCovered = new bool[tokens.Length];
        foreach (var e in entities)
        {
            foreach (var m in e.Mentions) Cover(tokens, anyCovered, m.Start, m.End);
        }

        for (var i = 0; i < entities.Count; i++)
        {
            var e = entities[i];
            if (e.Type is not (EntityTypes.Gpe or EntityTypes.Location)) continue;
            var knownName = _gazetteer.Find(e.Name).Count > 0;
            if (knownName && !e.Mentions.All(m => m.Kind == MentionKinds.Name && TokenAt(tokens, m.Start) is > 0 and var f && !anyCovered[f - 1]
                && Extended(document, f, TokenAt(tokens, m.End - 1)) is { } x && otherPlaceNames.Contains(PlaceGazetteer.Key(Text(document, x, TokenAt(tokens, m.End - 1))))))
            {
                continue;
            }

            var names = e.Mentions.Where(m => m.Kind == MentionKinds.Name).ToList();
            if (names.Count == 0 || names.Count != e.Mentions.Length) continue;
            string? longer = null;
            var mentions = new List<Mention>();
            foreach (var m in names)
            {
                var first = TokenAt(tokens, m.Start);
                var last = TokenAt(tokens, m.End - 1);
                if (first < 0 || last < first) break;
                var extended = Extended(document, first, last);
                if (extended is null || (longer is not null && PlaceGazetteer.Key(Text(document, extended.Value, last)) != PlaceGazetteer.Key(longer))) break;
                longer ??= Text(document, extended.Value, last);
                mentions.Add(new Mention(tokens[extended.Value].Start, m.End, Text(document, extended.Value, last), m.Sentence));
            }

            if (longer is null || mentions.Count != names.Count) continue;
            // A name the gazetteer knows is no alias of the longer one ("York" of "New York").
            entities[i] = e with { Name = longer, Aliases = knownName ? [longer] : [.. e.Aliases.Append(longer).Distinct(StringComparer.Ordinal)], Mentions = [.. mentions] };
            decided.Add("extended");
        }

        // 0b. A place mention cut short at its end ("san | francisco", "Washington | State"): a GPE or LOC entity whose every
        // name mention, with the one or two words after it that no entity covers (capitalised, or lower-case words usually
        // written capitalised), names one place of a country the document speaks of.
        for (var i = 0; i < entities.Count; i++)
        {
            var e = entities[i];
            if (e.Type is not (EntityTypes.Gpe or EntityTypes.Location)) continue;
            var names = e.Mentions.Where(m => m.Kind == MentionKinds.Name).ToList();
            if (names.Count == 0) continue;
            string? longer = null;
            var mentions = new List<Mention>();
            foreach (var m in names)
            {
                var first = TokenAt(tokens, m.Start);
                var last = TokenAt(tokens, m.End - 1);
                if (first < 0 || last < first || ExtendedAfter(document, first, last, anyCovered, InContext) is not { } end) break;
                var text = Text(document, first, end);
                if (longer is not null && PlaceGazetteer.Key(text) != PlaceGazetteer.Key(longer)) break;
                longer ??= text;
                mentions.Add(new Mention(m.Start, tokens[end].End, text, m.Sentence));
            }

            if (longer is null || mentions.Count != names.Count) continue;
            foreach (var m in mentions) Cover(tokens, anyCovered, m.Start, m.End);
            var others = e.Mentions.Where(m => m.Kind != MentionKinds.Name);
            entities[i] = e with { Name = longer, Aliases = [longer], Mentions = [.. mentions.Concat(others).OrderBy(m => m.Start).ThenBy(m => m.End)] };
            decided.Add("extended-after");
        }

        // The tokens of the places the name finder typed (GPE, LOC) that the gazetteer knows.
        var placeTokens = new bool[tokens.Length];
        foreach (var e in entities.Where(e => e.Type is EntityTypes.Gpe or EntityTypes.Location && _gazetteer.Find(e.Name).Count > 0))
        {
            foreach (var m in e.Mentions.Where(m => m.Kind == MentionKinds.Name)) Cover(tokens, placeTokens, m.Start, m.End);
        }

        // The names of the places the name finder typed GPE or LOC that the gazetteer knows.
        // By name: where the first mention of that name by a place entity stands.
        var typedPlaces = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var e in entities.Where(e => e.Type is EntityTypes.Gpe or EntityTypes.Location && e.Mentions.Length > 0 && _gazetteer.Find(e.Name).Count > 0))
        {
            var k = PlaceGazetteer.Key(e.Name);
            var start = e.Mentions.Min(m => m.Start);
            typedPlaces[k] = typedPlaces.TryGetValue(k, out var s) ? Math.Min(s, start) : start;
        }

        // 1. Mistyped: an ORG or PERSON named like a place and used as one.
        for (var i = 0; i < entities.Count; i++)
        {
            var e = entities[i];
            if (e.Type is not (EntityTypes.Organization or EntityTypes.Person) || !e.Roles.IsDefaultOrEmpty) continue;
            if (e.Mentions.IsDefaultOrEmpty) continue;
            var pronoun = e.Mentions.Any(m => m.Kind == MentionKinds.Pronoun);
            var personal = e.Mentions.Any(m => m.Kind == MentionKinds.Pronoun && !IsNeuterPronoun(m.Text));

            // The name finder typed the same name a place elsewhere in the document, most of the entity's names are that name
            // (coreference may have drawn in a longer name), and the document brings the name in as a place (the place's mention
            // comes first) or one of these follows a locative preposition: the entity is that place. A team named after its city
            // ("X beat Y") is brought in as the team.
            var key = PlaceGazetteer.Key(e.Name);
            if (e.Type == EntityTypes.Organization && typedPlaces.TryGetValue(key, out var placeFirst)
                && e.Mentions.Where(m => m.Kind == MentionKinds.Name && PlaceGazetteer.Key(WithoutPossessive(m.Text)) == key).ToList() is { Count: > 0 } same
                && same.Count * 2 > e.Mentions.Count(m => m.Kind == MentionKinds.Name)
                && (placeFirst < same.Min(m => m.Start) || same.Any(m => IsLocative(document, TokenAt(tokens, m.Start), TokenAt(tokens, m.End - 1)))))
            {
                entities[i] = e with { Type = EntityTypes.Gpe };
                decided.Add("retyped-known");
                continue;
            }

            // "The State of X", "the City of Y" (a unit word of unit-words.tsv, "of" and a place of a country the document speaks
            // of) typed ORG: a government named by its place is a GPE, as OntoNotes types it; the geocoder reads the place.
            if (e.Type == EntityTypes.Organization && !personal && UnitOf(e.Name) is { } unitPlace && (InContext(unitPlace).Count > 0 || OneCountry(unitPlace))
                && e.Mentions.Where(m => m.Kind == MentionKinds.Name).All(m => UnitOf(WithoutPossessive(m.Text)) is { } x && PlaceGazetteer.Key(x) == PlaceGazetteer.Key(unitPlace)))
            {
                entities[i] = e with { Type = EntityTypes.Gpe };
                decided.Add("retyped-unit");
                continue;
            }

            // A lone city vouches only for a name typed PERSON: a city's name typed ORG in a document that names no country is
            // as often a club or a firm named after it ("join X", "at home to X" in a football report), found on the BBC sample.
            var candidates = e.Type == EntityTypes.Person ? InContextOrLoneCity(e.Name) : InContext(e.Name);
            if (candidates.Count == 0) continue;
            var names = e.Mentions.Where(m => m.Kind == MentionKinds.Name).ToList();
            if (names.Count == 0 || names.Any(m => PlaceGazetteer.Key(WithoutPossessive(m.Text)) != key)) continue;

            // A country's name is a GPE whatever it does (OntoNotes types a government named by its country GPE), when no
            // pronoun of a person ("he", "she") refers to it: "it" and "they" refer to countries too.
            if (e.Type == EntityTypes.Organization && !personal && candidates.Any(p => p.Class == PlaceClasses.Country))
            {
                entities[i] = e with { Type = EntityTypes.Gpe };
                decided.Add("retyped-country");
                continue;
            }

            // One piece of evidence; two on one mention when coreference gave the entity a pronoun ("from X and Y", Y a place).
            if (!names.Any(m => (pronoun ? 0 : 1) + (IsLocative(document, TokenAt(tokens, m.Start), TokenAt(tokens, m.End - 1)) ? 1 : 0) + (Qualified(document, TokenAt(tokens, m.End - 1), candidates) ? 1 : 0)
                + (CoordinatedWithPlace(document, TokenAt(tokens, m.Start), TokenAt(tokens, m.End - 1), placeTokens) ? 1 : 0) >= 2)) continue;
            entities[i] = e with { Type = EntityTypes.Gpe };
            decided.Add("retyped-context");
        }

        // The document's places by name: the entities the name finder typed GPE, LOC or FAC (and those retyped) that the gazetteer knows.
        var known = new Dictionary<string, int>(StringComparer.Ordinal);
        var knownCountry = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < entities.Count; i++)
        {
            if (!Geocoder.IsPlace(entities[i]) || _gazetteer.Find(entities[i].Name).Count == 0) continue;
            foreach (var m in entities[i].Mentions.Where(m => m.Kind == MentionKinds.Name)) known.TryAdd(PlaceGazetteer.Key(m.Text), i);
            known.TryAdd(PlaceGazetteer.Key(entities[i].Name), i);
            if (_gazetteer.Find(entities[i].Name).FirstOrDefault(p => p.Class == PlaceClasses.Country) is { } country) knownCountry.TryAdd(country.Country, i);
        }

        // The place entity a span names: one of the same name, else the one that names the same country ("the UK": "United Kingdom").
        int? Known(string text)
        {
            if (known.TryGetValue(PlaceGazetteer.Key(text), out var j)) return j;
            foreach (var p in _gazetteer.Find(text))
            {
                if (p.Class == PlaceClasses.Country && knownCountry.TryGetValue(p.Country, out var k)) return k;
            }

            return null;
        }

        // 1b. A place's name mention followed by lower-case words no entity covers with which it is, in another case, the name of
        // another place entity of the document ("the Gaza Strip" … "the Gaza strip"): a mention of that place.
        for (var i = 0; i < entities.Count; i++)
        {
            var e = entities[i];
            if (!Geocoder.IsPlace(e)) continue;
            foreach (var m in e.Mentions.Where(m => m.Kind == MentionKinds.Name).ToList())
            {
                var first = TokenAt(tokens, m.Start);
                var last = TokenAt(tokens, m.End - 1);
                if (first < 0 || last < first) continue;
                for (var end = Math.Min(last + 2, tokens.Length - 1); end > last; end--)
                {
                    if (Enumerable.Range(last + 1, end - last).Any(x => anyCovered[x] || tokens[x].Sentence != tokens[first].Sentence || !IsLowerWord(document, x))) continue;
                    var text = Text(document, first, end);
                    if (!known.TryGetValue(PlaceGazetteer.Key(text), out var j) || j == i) continue;
                    var mention = new Mention(m.Start, tokens[end].End, text, m.Sentence);
                    entities[j] = entities[j] with { Mentions = [.. entities[j].Mentions.Append(mention).OrderBy(x => x.Start).ThenBy(x => x.End)] };
                    if (entities[i].Mentions.Length > 1) entities[i] = entities[i] with { Mentions = [.. entities[i].Mentions.Where(x => x != m)] };
                    Cover(tokens, anyCovered, mention.Start, mention.End);
                    decided.Add("extended-known");
                    break;
                }
            }
        }

        var covered = new bool[tokens.Length];
        foreach (var e in entities)
        {
            foreach (var m in e.Mentions) Cover(tokens, covered, m.Start, m.End);
        }

        var added = new Dictionary<int, List<Mention>>(); // mentions for an existing entity
        var created = new Dictionary<string, List<Mention>>(StringComparer.Ordinal); // new entities by key
        void Found(string rule, int first, int last, int? joins)
        {
            var start = tokens[first].Start;
            var end = tokens[last].End;
            var mention = new Mention(start, end, document.Text[start..end], tokens[first].Sentence);
            if (joins is { } j)
            {
                // A span the entity already has (a description nested in another entity's can hold the entity's own name).
                if (entities[j].Mentions.Any(m => m.Start == start && m.End == end)) return;
                if (!added.TryGetValue(j, out var list)) added[j] = list = [];
                if (list.Any(m => m.Start == start && m.End == end)) return;
                list.Add(mention);
            }
            else
            {
                var key = PlaceGazetteer.Key(mention.Text);
                if (!created.TryGetValue(key, out var list)) created[key] = list = [];
                if (list.Any(m => m.Start == start && m.End == end)) return; // found by two rules
                list.Add(mention);
            }

            decided.Add(rule);
        }

        var pairs = new List<(int First, int Last, string Country, string Key)>(); // see 3a
        // A place whose name, as the name finder cut it, has words before or after it that are common words written
        // capitalised (usually lower case in the unlabelled text: "Try X", "X Consultant", "Fantastic X"): a place of the document,
        // or one of a country the document speaks of.
        int? Common(int first, int last, out int placeFirst, out int placeLast)
        {
            placeFirst = placeLast = -1;
            if (CommonEdges(document, first, last) is not { } span) return null;
            (placeFirst, placeLast) = span;
            var text = Text(document, span.First, span.Last);
            if (Known(text) is { } k) return k;
            if (InContext(text).Count > 0) return -1;

            // Of no country the document speaks of: kept for a second name of the same sentence and country (below).
            if (Strong(text) is { Count: > 0 } strong && strong.All(p => p.Country == strong[0].Country)) pairs.Add((span.First, span.Last, strong[0].Country, PlaceGazetteer.Key(text)));
            return null;
        }

        // 2. Nested in another entity's name.
        for (var i = 0; i < entities.Count; i++)
        {
            var e = entities[i];
            if (!(Geocoder.IsPlace(e) && _gazetteer.Find(e.Name).Count > 0))
            {
                var any = false;
                foreach (var m in e.Mentions.Where(m => m.Kind == MentionKinds.Name))
                {
                    var first = TokenAt(tokens, m.Start);
                    var last = TokenAt(tokens, m.End - 1);
                    if (first < 0 || last <= first || Common(first, last, out var pf, out var pl) is not { } joins) continue;
                    Found("nested-common", pf, pl, joins >= 0 && joins != i ? joins : null);
                    any = true;
                }

                if (any) continue;
            }

            // A place that the name finder took into a longer name, right before "-based" ("London-based Levy", "the San
            // Francisco-based firm"): a place of the document, or one of a country the document speaks of.
            if (!(Geocoder.IsPlace(e) && _gazetteer.Find(e.Name).Count > 0))
            {
                foreach (var m in e.Mentions.Where(m => m.Kind != MentionKinds.Pronoun))
                {
                    var first = TokenAt(tokens, m.Start);
                    var last = TokenAt(tokens, m.End - 1);
                    if (first < 0 || last < first + 2 || BasedInside(document, first, last) is not { } span) continue;
                    var text = Text(document, span.First, span.Last);
                    if (Known(text) is { } k) { if (k != i) Found("nested-based", span.First, span.Last, k); }
                    else if (InContext(text).Count > 0) Found("nested-based", span.First, span.Last, null);
                }
            }

            if (e.Type == EntityTypes.Person)
            {
                // A person's name as the name finder cut it that opens with a place and a title before the name ("X Senator A B"):
                // the place the title belongs to.
                foreach (var m in e.Mentions.Where(m => m.Kind == MentionKinds.Name))
                {
                    var first = TokenAt(tokens, m.Start);
                    var last = TokenAt(tokens, m.End - 1);
                    if (first < 0 || last < first + 2 || PlaceBeforeTitle(document, first, last) is not { } placeLast) continue;
                    var text = Text(document, first, placeLast);
                    if (Known(text) is { } k) Found("nested-title", first, placeLast, k);
                    else if (InContext(text).Count > 0) Found("nested-title", first, placeLast, null);
                }

                // A person's name as the name finder cut it that ends in a place of two or more words the document names as a
                // place elsewhere ("A B New X"): a person's own names are seldom a place of several words.
                foreach (var m in e.Mentions.Where(m => m.Kind == MentionKinds.Name))
                {
                    var first = TokenAt(tokens, m.Start);
                    var last = TokenAt(tokens, m.End - 1);
                    if (first < 0 || last < first + 2) continue;
                    for (var k = first + 1; k < last; k++)
                    {
                        if (!IsCapitalised(document, k) || Known(Text(document, k, last)) is not { } j || j == i) continue;
                        Found("nested-person", k, last, j);
                        break;
                    }
                }

                continue;
            }

            if (Geocoder.IsPlace(e) && _gazetteer.Find(e.Name).Count > 0) continue; // a place itself: "X City" is not X
            foreach (var m in e.Mentions)
            {
                if (m.Kind == MentionKinds.Pronoun) continue; // names and descriptions ("the X navy")
                var first = TokenAt(tokens, m.Start);
                var last = TokenAt(tokens, m.End - 1);
                if (first < 0 || last <= first) continue;
                if (Nested(document, first, last) is not { } span)
                {
                    // A place of the document inside the name ("the Metro X Convention Centre"): it joins that place.
                    if (Inner(document, first, last, span => Known(Text(document, span.First, span.Last)) is { } k && k != i) is { } inner)
                    {
                        Found("nested-known", inner.First, inner.Last, Known(Text(document, inner.First, inner.Last)));
                    }

                    continue;
                }

                var text = Text(document, span.First, span.Last);
                if (Known(text) is { } j) { if (j != i) Found("nested-known", span.First, span.Last, j); }

                // A new place from a landmark's first words only after a link word ("X River" is no place X, "the Gulf of X" names
                // one), or when they name the capital of a country the document speaks of ("X Bay" beside the capital X).
                else if ((span.Linked || !Geocoder.IsPlace(e) || InContext(text).Any(p => p.IsCapital)) && InContext(text).Count > 0) Found("nested-name", span.First, span.Last, null);

                // After a link word, a capital with no namesake of note outside its country is a place whatever country the
                // document speaks of ("the University of X", X a capital, or a capital and its division of the same name).
                else if (span.Linked && Strong(text) is { Count: > 0 } strong && strong.Any(p => p.IsCapital) && strong.All(p => p.Country == strong[0].Country))
                {
                    Found("nested-capital", span.First, span.Last, null);
                }

                // Else a place of the document further inside the name ("the Metro X Convention Centre", where "Metro" names no place of the document).
                else if (Inner(document, first, last, s => Known(Text(document, s.First, s.Last)) is { } k && k != i) is { } inner)
                {
                    Found("nested-known", inner.First, inner.Last, Known(Text(document, inner.First, inner.Last)));
                }
            }
        }

        // 3. Words no entity covers.
        for (var t = 0; t < tokens.Length; t++)
        {
            if (covered[t] || !IsProperWord(document, t)) continue;
            var last = t;
            while (true)
            {
                if (last + 1 < tokens.Length && !covered[last + 1] && tokens[last + 1].Sentence == tokens[t].Sentence && IsProperWord(document, last + 1)) last++;
                else if (Hyphenated(document, last, covered) is { } joined) last = joined; // "Pointe-à-Pitre"
                else break;
            }

            // A capitalised word just before the run that the syntax tags otherwise ("New" of a city's name) begins it, when no entity covers it.
            var begin = t;
            while (begin > 0 && !covered[begin - 1] && !IsSentenceStart(tokens, begin - 1) && tokens[begin - 1].Sentence == tokens[t].Sentence
                && IsCapitalised(document, begin - 1) && !IsProperWord(document, begin - 1)) begin--;
            t = begin;

            // The capitalised common words right after the run ("X Location"), for nested-common.
            var common = last;
            while (common + 1 < tokens.Length && !covered[common + 1] && tokens[common + 1].Sentence == tokens[t].Sentence && IsCapitalised(document, common + 1)
                && _words.UsualCase(Text(document, common + 1, common + 1).ToLowerInvariant()) == 1) common++;
            var decidedBefore = decided.Count;
            var text = Text(document, t, last);
            if (Known(text) is { } j) Found("unlabelled-known", t, last, j);
            else if (created.ContainsKey(PlaceGazetteer.Key(text))) Found("unlabelled-known", t, last, null);
            else if (InContext(text) is { Count: > 0 } candidates)
            {
                // A country's name is a place without more; a city's needs a locative preposition, its division or a place beside it.
                if (candidates.Any(p => p.Class == PlaceClasses.Country)) Found("unlabelled-country", t, last, null);
                else if (!IsSentenceStart(tokens, t) && (IsLocative(document, t, last) || Qualified(document, last, candidates) || CoordinatedWithPlace(document, t, last, placeTokens)))
                {
                    Found("unlabelled-context", t, last, null);
                }

                // The head of a listing ("X: the old port, with …"): a sentence that opens with the name and a colon.
                else if (IsSentenceStart(tokens, t) && last + 1 < tokens.Length && Text(document, last + 1, last + 1) == ":")
                {
                    Found("unlabelled-heading", t, last, null);
                }
            }

            // In a document that names no country (a review, a question), a city of NoCountryEvidence people whose places of note
            // lie in one country, used as a place ("a driving school in X"), as retyped-context takes a PERSON-typed one.
            else if (countries.Count == 0 && !IsSentenceStart(tokens, t) && IsLocative(document, t, last) && InContextOrLoneCity(text).Count > 0)
            {
                Found("unlabelled-context", t, last, null);
            }
            else if (last > t && Inner(document, t, last, span => Known(Text(document, span.First, span.Last)) is not null
                || InContext(Text(document, span.First, span.Last)).Any(p => p.Class == PlaceClasses.Country)) is { } inner)
            {
                // A place of the document or a country inside a longer run of capitalised words ("the Fan Expo X 2016").
                var innerText = Text(document, inner.First, inner.Last);
                if (Known(innerText) is { } k) Found("unlabelled-known", inner.First, inner.Last, k);
                else Found("unlabelled-country", inner.First, inner.Last, null);
            }

            if (decided.Count == decidedBefore && common > t && Common(t, common, out var pf, out var pl) is { } joins)
            {
                Found("nested-common", pf, pl, joins >= 0 ? joins : null);
            }

            t = last;
        }

        // 3a. Two different names of one sentence with common words beside them, each naming places of one country only, the
        // same for both ("for X Location, not for Y Location"): each vouches for the other.
        foreach (var group in pairs.GroupBy(p => (tokens[p.First].Sentence, p.Country)))
        {
            if (group.Select(p => p.Key).Distinct(StringComparer.Ordinal).Count() < 2) continue;
            foreach (var p in group) Found("common-pair", p.First, p.Last, null);
        }

        // 3b. Lower-case words no entity covers that are usually written capitalised (or too rare to say) and name a place of a
        // country the document speaks of, with evidence from the text: a locative preposition, a coordinated place, the
        // document's place of that name, its division or country after it ("miramar florida", "brittany france"), or a place
        // it holds right before it ("san francisco california").
        for (var t = 0; t < tokens.Length; t++)
        {
            if (covered[t] || !IsLowerName(document, t)) continue;
            var end = t;
            while (end + 1 < tokens.Length && end - t < 2 && !covered[end + 1] && tokens[end + 1].Sentence == tokens[t].Sentence && IsLowerName(document, end + 1)) end++;
            var last = -1;
            List<GazetteerPlace> candidates = [];
            for (var k = end; k >= t && last < 0; k--)
            {
                if (InContext(Text(document, t, k)) is { Count: > 0 } c) (last, candidates) = (k, c);

                // In a document that names no country, a lone big city after a locative preposition ("a driving school in x").
                else if (countries.Count == 0 && IsLocative(document, t, k) && InContextOrLoneCity(Text(document, t, k)) is { Count: > 0 } lone) (last, candidates) = (k, lone);
            }

            if (last < 0) continue;
            var text = Text(document, t, last);
            var holder = HolderAfter(document, last, covered, candidates);
            var holds = t > 0 && tokens[t - 1].Sentence == tokens[t].Sentence && entities.FirstOrDefault(x => x.Type is EntityTypes.Gpe or EntityTypes.Location
                && x.Mentions.Any(m => m.Kind == MentionKinds.Name && m.End == tokens[t - 1].End)) is { } before
                && _gazetteer.Find(before.Name).Any(inner => candidates.Any(outer => Geocoder.Holds(outer, inner)));
            if (Known(text) is null && !IsLocative(document, t, last) && !CoordinatedWithPlace(document, t, last, placeTokens) && !Qualified(document, last, candidates)
                && holder is null && !holds)
            {
                t = last;
                continue;
            }

            Found("unlabelled-lower", t, last, Known(text));
            for (var k = t; k <= last; k++) covered[k] = true;
            if (holder is { } h)
            {
                Found("unlabelled-lower", h.First, h.Last, Known(Text(document, h.First, h.Last)));
                for (var k = h.First; k <= h.Last; k++) covered[k] = true;
                last = h.Last;
            }

            t = last;
        }

        // 4. A division's code after a place and a comma ("X, NJ"): a mention of that division, in a country the document speaks of.
        var renamed = new Dictionary<int, GazetteerPlace>();
        var createdNames = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var t = 2; t < tokens.Length; t++)
        {
            if (DivisionCode(document, t, countries, entities) is not { } division) continue;
            var at = entities.FindIndex(e => e.Mentions.Any(m => m.Start <= tokens[t].Start && m.End >= tokens[t].End));
            if (at >= 0)
            {
                // The name finder's entity of the code ("NJ" typed LOC) when all its mentions are that code; else none.
                var e = entities[at];
                if (Geocoder.IsPlace(e) && _gazetteer.Find(e.Name).Count > 0) continue;
                if (e.Type == EntityTypes.Person) continue;
                if (!e.Mentions.All(m => m.Text == Text(document, t, t)))
                {
                    // The last word of a longer name after its link word ("the University of NSW"): a place nested in it.
                    if (_words.Links.Contains(Text(document, t - 1, t - 1).ToLowerInvariant()))
                    {
                        Found("division-code", t, t, null);
                        createdNames[PlaceGazetteer.Key(Text(document, t, t))] = division.Name;
                    }

                    continue;
                }

                if (!renamed.ContainsKey(at)) decided.Add("division-code");
                renamed[at] = division;
                continue;
            }

            Found("division-code", t, t, null);
            createdNames[PlaceGazetteer.Key(Text(document, t, t))] = division.Name;
        }

        // 5. Initials of a place the document named before in words of their own ("Los Angeles" … "LA", "L.A."), whether no
        // entity covers them or they open or sit inside another name ("LA Weekly"): a mention of that place.
        var initials = new Dictionary<string, (int Entity, int Start)>(StringComparer.Ordinal);
        for (var i = 0; i < entities.Count; i++)
        {
            if (!Geocoder.IsPlace(entities[i]) || _gazetteer.Find(entities[i].Name).Count == 0) continue;
            foreach (var m in entities[i].Mentions.Where(m => m.Kind == MentionKinds.Name))
            {
                if (Initials(m.Text) is not { } letters) continue;
                if (initials.TryGetValue(letters, out var had) && had.Entity != i) { initials[letters] = (-1, 0); continue; } // two places: no initials
                if (!initials.ContainsKey(letters) || m.Start < had.Start) initials[letters] = (i, m.Start);
            }
        }

        var placeMention = new bool[tokens.Length];
        foreach (var e in entities.Where(e => Geocoder.IsPlace(e) && _gazetteer.Find(e.Name).Count > 0))
        {
            foreach (var m in e.Mentions) Cover(tokens, placeMention, m.Start, m.End);
        }

        foreach (var list in added.Values.Concat(created.Values))
        {
            foreach (var m in list) Cover(tokens, placeMention, m.Start, m.End);
        }

        for (var t = 0; t < tokens.Length && initials.Count > 0; t++)
        {
            if (placeMention[t] || InitialsWord(Text(document, t, t)) is not { } letters) continue;
            if (!initials.TryGetValue(letters, out var place) || place.Entity < 0 || place.Start >= tokens[t].Start) continue;
            if (_gazetteer.Find(Text(document, t, t)).Count > 0) continue; // a name of its own ("UK", "US")
            Found("initials", t, t, place.Entity);
        }

        foreach (var (j, division) in renamed)
        {
            var e = entities[j];
            entities[j] = e with { Name = division.Name, Type = EntityTypes.Gpe, Aliases = [.. e.Aliases.Append(division.Name).Distinct(StringComparer.Ordinal)] };
        }

        if (added.Count == 0 && created.Count == 0 && decided.Count == 0) return (document, decided);
        foreach (var (j, list) in added)
        {
            var e = entities[j];
            entities[j] = e with
            {
                Mentions = [.. e.Mentions.Concat(list).OrderBy(m => m.Start).ThenBy(m => m.End)],
                Aliases = [.. e.Aliases.Concat(list.Select(m => m.Text)).Distinct(StringComparer.Ordinal)],
            };
        }

        foreach (var (key, list) in created)
        {
            var name = createdNames.GetValueOrDefault(key) ?? list[0].Text;
            entities.Add(new Entity("", name, EntityTypes.Gpe)
            {
                Aliases = [.. list.Select(m => m.Text).Append(name).Distinct(StringComparer.Ordinal)],
                Mentions = [.. list.OrderBy(m => m.Start)],
            });
        }

        // Numbered again in order of first mention, as the coreference stage numbers them.
        if (created.Count == 0) return (document with { Entities = [.. entities] }, decided);
        var ordered = entities.OrderBy(e => e.Mentions.IsDefaultOrEmpty ? int.MaxValue : e.Mentions[0].Start).ToList();
        return (document with { Entities = [.. ordered.Select((e, k) => e with { Id = "e" + (k + 1).ToString(CultureInfo.InvariantCulture) })] }, decided);
    }

    /// <summary>
    /// The last token of the longest run of one or two words right after [<paramref name="first"/>, <paramref name="last"/>]
    /// (same sentence, no entity covering them, each capitalised or a lower-case word usually written capitalised) with which
    /// the words name a place that <paramref name="inContext"/> accepts, or null.
    /// </summary>
    private int? ExtendedAfter(Document d, int first, int last, bool[] anyCovered, Func<string, List<GazetteerPlace>> inContext)
    {
        var tokens = d.Tokens;
        var end = last;
        while (end + 1 < tokens.Length && end - last < 2 && tokens[end + 1].Sentence == tokens[first].Sentence && !anyCovered[end + 1]
            && (IsCapitalised(d, end + 1) && char.IsLetter(d.Text[tokens[end + 1].Start]) || IsLowerName(d, end + 1))) end++;
        for (var k = end; k > last; k--)
        {
            if (inContext(Text(d, first, k)).Count > 0) return k;
        }

        return null;
    }

    /// <summary>
    /// The words of [<paramref name="first"/>, <paramref name="last"/>] left when the capitalised words at its start and its end
    /// that the unlabelled text almost never writes capitalised (case class 1: "Try", "Consultant") are set aside, when some
    /// are and the rest, all capitalised, is a name the gazetteer holds; else null.
    /// </summary>
    private (int First, int Last)? CommonEdges(Document d, int first, int last)
    {
        bool IsCommon(int t) => IsCapitalised(d, t) && _words.UsualCase(Text(d, t, t).ToLowerInvariant()) == 1;
        var start = first;
        while (start <= last && IsCommon(start)) start++;
        var end = last;
        while (end >= start && IsCommon(end)) end--;
        if (end < start || (start == first && end == last)) return null;
        for (var t = start; t <= end; t++)
        {
            // The place's words are names: capitalised, and capitalised almost always in the unlabelled text (or too rare there).
            if (!IsCapitalised(d, t) || _words.UsualCase(Text(d, t, t).ToLowerInvariant()) is not (0 or PlaceWords.AlmostAlwaysCapitalised)) return null;
        }

        return _gazetteer.Find(Text(d, start, end)).Count > 0 ? (start, end) : null;
    }

    /// <summary>
    /// A lower-case word that may be a name written without its capital: letters only, three or more, and a word the unlabelled
    /// text writes capitalised almost always, or one too rare there to say; not a function word where the syntax tags it.
    /// </summary>
    private bool IsLowerName(Document d, int t)
    {
        var token = d.Tokens[t];
        if (token.End - token.Start < 3 || !char.IsLower(d.Text[token.Start])) return false;
        var word = d.Text.AsSpan(token.Start, token.End - token.Start);
        foreach (var ch in word)
        {
            if (!char.IsLetter(ch)) return false;
        }

        if (token.Upos is "DET" or "ADP" or "PRON" or "AUX" or "CCONJ" or "SCONJ" or "PART" or "VERB" or "ADV") return false;
        return _words.UsualCase(word.ToString().ToLowerInvariant()) is 0 or PlaceWords.AlmostAlwaysCapitalised;
    }

    /// <summary>
    /// The words right after token <paramref name="last"/> (one or two, no entity covering them, lower-case names or capitalised)
    /// that name a division or country holding one of <paramref name="candidates"/> ("miramar florida"), or null.
    /// </summary>
    private (int First, int Last)? HolderAfter(Document d, int last, bool[] covered, List<GazetteerPlace> candidates)
    {
        var tokens = d.Tokens;
        var first = last + 1;
        for (var end = Math.Min(first + 1, tokens.Length - 1); end >= first; end--)
        {
            if (Enumerable.Range(first, end - first + 1).Any(k => covered[k] || tokens[k].Sentence != tokens[last].Sentence || !(IsLowerName(d, k) || IsCapitalised(d, k)))) continue;
            if (_gazetteer.Find(Text(d, first, end)).Any(outer => outer.Class is PlaceClasses.Country or PlaceClasses.Admin1 && candidates.Any(inner => Geocoder.Holds(outer, inner)))) return (first, end);
        }

        return null;
    }

    /// <summary>Whether a pronoun is one a country or an organisation takes (third person, not personal): "it", "its", "they", "them", "their".</summary>
    internal static bool IsNeuterPronoun(string text) =>
        text.ToLowerInvariant() is "it" or "its" or "itself" or "they" or "them" or "their" or "theirs" or "themselves";

    /// <summary>A name without its possessive ending ("X's", "X'"): the same name.</summary>
    internal static string WithoutPossessive(string text) =>
        text.EndsWith("'s", StringComparison.Ordinal) || text.EndsWith("’s", StringComparison.Ordinal) ? text[..^2]
        : text.Length > 1 && text[^1] is '\'' or '’' ? text[..^1] : text;

    /// <summary>
    /// The last token of the place that opens the name [<paramref name="first"/>, <paramref name="last"/>] when a title head
    /// follows it and a capitalised word follows the title ("X Senator A B", "New X Governor A B"), or null. The place is the
    /// longest run of one to three words the gazetteer holds as a country, a division or a city of note.
    /// </summary>
    private int? PlaceBeforeTitle(Document d, int first, int last)
    {
        for (var k = Math.Min(first + 2, last - 2); k >= first; k--)
        {
            if (!IsCapitalised(d, k + 1) || !_words.IsTitle(Text(d, k + 1, k + 1)) || !IsCapitalised(d, k + 2)) continue;
            if (Enumerable.Range(first, k - first + 1).Any(x => !IsCapitalised(d, x))) continue;
            if (Strong(Text(d, first, k)).Count > 0) return k;
        }

        return null;
    }

    /// <summary>
    /// The place right before "-based" inside the name [<paramref name="first"/>, <paramref name="last"/>] ("London-based Levy"):
    /// the longest run of one to three capitalised words ending before the hyphen that the gazetteer holds as a place of note, or null.
    /// </summary>
    private (int First, int Last)? BasedInside(Document d, int first, int last)
    {
        for (var k = first; k + 2 <= last; k++)
        {
            if (!PlaceWords.UsedAsPlace(d, k, k, FrozenSet<string>.Empty)) continue;
            for (var start = Math.Max(first, k - 2); start <= k; start++)
            {
                if (Enumerable.Range(start, k - start + 1).All(t => IsCapitalised(d, t)) && Strong(Text(d, start, k)).Count > 0) return (start, k);
            }
        }

        return null;
    }

    /// <summary>Whether the name's places of note (<see cref="Strong"/>) all lie in one country.</summary>
    private bool OneCountry(string name) => Strong(name) is { Count: > 0 } strong && strong.All(p => p.Country == strong[0].Country);

    /// <summary>The place of a name "[the] Unit of X" whose unit word (capitalised) is one of <c>unit-words.tsv</c> ("the State of X" → X), or null.</summary>
    private string? UnitOf(string name)
    {
        var words = name.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var at = words.Length > 0 && words[0].Equals("the", StringComparison.OrdinalIgnoreCase) ? 1 : 0;
        if (words.Length < at + 3 || words[at + 1] != "of" || !char.IsUpper(words[at][0]) || !_words.Units.Contains(words[at].ToLowerInvariant())) return null;
        return string.Join(' ', words.Skip(at + 2));
    }

    /// <summary>
    /// The initials of a place's name of two to four words, each capitalised ("Los Angeles" → "LA"), or null. Hyphens part words.
    /// </summary>
    internal static string? Initials(string name)
    {
        var words = name.Split([' ', '-'], StringSplitOptions.RemoveEmptyEntries);
        if (words.Length is < 2 or > 4 || words.Any(w => !char.IsUpper(w[0]))) return null;
        return string.Concat(words.Select(w => char.ToUpperInvariant(w[0])));
    }

    /// <summary>
    /// The letters of a word written as initials: two to four capitals, bare ("LA") or each followed by a dot ("L.A."), or null.
    /// </summary>
    internal static string? InitialsWord(string word)
    {
        if (word.Length is >= 2 and <= 4 && word.All(c => c is >= 'A' and <= 'Z')) return word;
        if (word.Length is < 4 or > 8 || word.Length % 2 != 0) return null;
        var letters = new char[word.Length / 2];
        for (var i = 0; i < word.Length; i += 2)
        {
            if (word[i] is not (>= 'A' and <= 'Z') || word[i + 1] != '.') return null;
            letters[i / 2] = word[i];
        }

        return new string(letters);
    }

    /// <summary>The gazetteer's places of a name that count as evidence: countries, divisions and cities of <see cref="MinPopulation"/> people.</summary>
    private List<GazetteerPlace> Strong(string name) =>
        [.. _gazetteer.Find(name).Where(p => p.Class is PlaceClasses.Country or PlaceClasses.Admin1 || p.Population >= MinPopulation)];

    /// <summary>The place inside a name: the words after its last link word ("Society of X"), else its longest proper first words that the gazetteer holds ("X Census Bureau").</summary>
    private (int First, int Last, bool Linked)? Nested(Document d, int first, int last)
    {
        for (var k = last - 1; k > first; k--)
        {
            if (!_words.Links.Contains(Text(d, k, k).ToLowerInvariant())) continue;
            if (k + 1 <= last && Enumerable.Range(k + 1, last - k).All(t => IsCapitalised(d, t)) && _gazetteer.Find(Text(d, k + 1, last)).Count > 0) return (k + 1, last, true);
            break;
        }

        var start = first;
        while (start < last && !IsCapitalised(d, start)) start++; // "the"
        for (var end = last - 1; end >= start; end--)
        {
            if (!Enumerable.Range(start, end - start + 1).All(t => IsCapitalised(d, t))) continue;
            if (_words.Links.Contains(Text(d, end + 1, end + 1).ToLowerInvariant())) continue; // "Union of …", "University of …": a head noun, not a place
            if (_gazetteer.Find(Text(d, start, end)).Count > 0) return (start, end, false);
        }

        return null;
    }

    /// <summary>
    /// The first token of the place that the capitalised words just before [<paramref name="first"/>, <paramref name="last"/>]
    /// complete ("United" before "Kingdom"), up to two words back in the same sentence; null when none does.
    /// </summary>
    private int? Extended(Document d, int first, int last)
    {
        for (var start = first - 1; start >= Math.Max(0, first - 2); start--)
        {
            if (d.Tokens[start].Sentence != d.Tokens[first].Sentence || !IsCapitalised(d, start)) return null;
            if (Strong(Text(d, start, last)).Count > 0) return start;
        }

        return null;
    }

    /// <summary>
    /// The last token of a hyphenated name that continues at token <paramref name="t"/> ("Pointe" "-" "à" "-" "Pitre": written
    /// without spaces, its last word capitalised), or null.
    /// </summary>
    private static int? Hyphenated(Document d, int t, bool[] covered)
    {
        var tokens = d.Tokens;
        int? end = null;
        for (var k = t; k + 2 < tokens.Length; k += 2)
        {
            if (Text(d, k + 1, k + 1) != "-" || tokens[k].End != tokens[k + 1].Start || tokens[k + 1].End != tokens[k + 2].Start) break;
            if (covered[k + 1] || covered[k + 2] || !char.IsLetter(d.Text[tokens[k + 2].Start])) break;
            if (IsCapitalised(d, k + 2)) end = k + 2;
        }

        return end;
    }

    /// <summary>The longest run of capitalised words strictly inside [<paramref name="first"/>, <paramref name="last"/>] (the leftmost on a tie) that <paramref name="accept"/> takes, or null.</summary>
    private static (int First, int Last)? Inner(Document d, int first, int last, Func<(int First, int Last), bool> accept)
    {
        // The runs of capitalised words inside the span, then their sub-spans of at most MaxInnerWords words, longest first.
        const int MaxInnerWords = 4;
        Span<bool> capital = stackalloc bool[Math.Min(last - first + 1, 64)];
        if (last - first + 1 > capital.Length) return null;
        var any = false;
        for (var t = first; t <= last; t++) any |= capital[t - first] = IsCapitalised(d, t);
        if (!any) return null;
        for (var length = Math.Min(last - first, MaxInnerWords); length >= 1; length--)
        {
            for (var start = first; start + length - 1 <= last; start++)
            {
                var end = start + length - 1;
                var all = true;
                for (var t = start; t <= end && all; t++) all = capital[t - first];
                if (!all) continue;
                if (start > first && end < last && length == 1 && d.Tokens[start].End - d.Tokens[start].Start < 3) continue;
                if (accept((start, end))) return (start, end);
            }
        }

        return null;
    }

    /// <summary>
    /// The division whose ISO 3166-2 code token <paramref name="t"/> is, when it follows a capitalised word (not a person's
    /// full name) and a comma, or ends an organisation's name after its link word ("the University of NSW"), is written in capitals, lies in a country the document speaks of, and ends the phrase (punctuation,
    /// the sentence's end or a lower-case word follows): "Paramus, NJ retail corridor", not "Smith, MD" after a person's name.
    /// </summary>
    private GazetteerPlace? DivisionCode(Document d, int t, HashSet<string> countries, List<Entity> entities)
    {
        var tokens = d.Tokens;
        var code = Text(d, t, t);
        if (code.Length is < 2 or > 3 || !code.All(c => c is >= 'A' and <= 'Z')) return null;
        if (t + 1 < tokens.Length && tokens[t + 1].Sentence == tokens[t].Sentence && IsCapitalised(d, t + 1)) return null;
        if (tokens[t - 2].Sentence != tokens[t].Sentence || !IsCapitalised(d, t - 2)) return null;
        var link = _words.Links.Contains(Text(d, t - 1, t - 1).ToLowerInvariant())
            && entities.Any(e => e.Type is not EntityTypes.Person && e.Mentions.Any(m => m.Start <= tokens[t - 2].Start && m.End == tokens[t].End));
        if (Text(d, t - 1, t - 1) != "," && !link) return null;
        var before = tokens[t - 2];
        if (entities.Any(e => e.Type == EntityTypes.Person && e.Mentions.Any(m => m.Start < before.Start && m.End >= before.End))) return null;
        GazetteerPlace? found = null;
        foreach (var country in countries)
        {
            if (_gazetteer.DivisionByCode(country, code) is not { } division) continue;
            if (found is not null) return null; // the code of divisions of two countries: no evidence which
            found = division;
        }

        return found;
    }

    /// <summary>Whether the words [<paramref name="first"/>, <paramref name="last"/>] are used as a place (<see cref="PlaceWords.UsedAsPlace"/>).</summary>
    private bool IsLocative(Document d, int first, int last) => PlaceWords.UsedAsPlace(d, first, last, _words.Locative);

    /// <summary>
    /// Whether the name ending at token <paramref name="last"/> is followed by ", " and its division or country ("X, NJ"), or by
    /// "in" and the division or country that holds it ("X in Brazil").
    /// </summary>
    private bool Qualified(Document d, int last, List<GazetteerPlace> candidates)
    {
        if (last < 0 || last + 2 >= d.Tokens.Length || d.Tokens[last + 2].Sentence != d.Tokens[last].Sentence) return false;
        var link = Text(d, last + 1, last + 1);
        if (link != "," && link != "in") return false;
        var next = Text(d, last + 2, last + 2);
        var key = PlaceGazetteer.Key(next);
        if (candidates.Any(p => p.Class == PlaceClasses.City && (link == "," && string.Equals(p.Admin1Code, next, StringComparison.Ordinal) && next.Length > 1
            || PlaceGazetteer.Key(p.Admin1Name) == key
            || (_gazetteer.CountryByIso2(p.Country) is { } c && PlaceGazetteer.Key(c.Name) == key)))) return true;

        // "X in Y": Y, capitalised, one or two words, a division or country that holds X ("in Brazil", "in South Korea").
        if (link != "in" || !IsCapitalised(d, last + 2)) return false;
        for (var end = Math.Min(last + 3, d.Tokens.Length - 1); end >= last + 2; end--)
        {
            if (d.Tokens[end].Sentence != d.Tokens[last].Sentence || !IsCapitalised(d, end)) continue;
            if (_gazetteer.Find(Text(d, last + 2, end)).Any(outer => outer.Class is PlaceClasses.Country or PlaceClasses.Admin1 && candidates.Any(inner => Geocoder.Holds(outer, inner)))) return true;
        }

        return false;
    }

    /// <summary>A capitalised word that the syntax, when present, tags a proper noun.</summary>
    private static bool IsProperWord(Document d, int t) => IsCapitalised(d, t) && d.Tokens[t].Upos is null or "PROPN";

    /// <summary>A word that begins with a capital letter (inside a name the syntax's tag is no evidence: "United" in a country's name).</summary>
    private static bool IsLowerWord(Document d, int t) => d.Tokens[t].End > d.Tokens[t].Start && char.IsLower(d.Text[d.Tokens[t].Start]);

    private static bool IsCapitalised(Document d, int t) => d.Tokens[t].End > d.Tokens[t].Start && char.IsUpper(d.Text[d.Tokens[t].Start]);

    /// <summary>
    /// Whether the words [<paramref name="first"/>, <paramref name="last"/>] are coordinated with a place the name finder typed
    /// ("Tulsa, Sapulpa and X", "around Sheffield and X"): one of them is a conjunct of a place's word, a place's word is a
    /// conjunct of theirs, or both are conjuncts of one head.
    /// </summary>
    private static bool CoordinatedWithPlace(Document d, int first, int last, bool[] placeTokens)
    {
        if (first < 0 || last < first) return false;
        var tokens = d.Tokens;
        for (var t = first; t <= last; t++)
        {
            var head = tokens[t].Head;
            if (tokens[t].Relation == "conj" && head >= 0 && head < tokens.Length && (placeTokens[head] || Siblings(head)))
            {
                return true;
            }

            for (var u = Math.Max(0, t - 40); u < Math.Min(tokens.Length, t + 40); u++)
            {
                if (tokens[u].Head == t && tokens[u].Relation == "conj" && placeTokens[u]) return true;
            }
        }

        return false;

        // Another conjunct of the same head is a place.
        bool Siblings(int head)
        {
            for (var u = Math.Max(0, head - 40); u < Math.Min(tokens.Length, head + 40); u++)
            {
                if (u < first || u > last)
                {
                    if (tokens[u].Head == head && tokens[u].Relation == "conj" && placeTokens[u]) return true;
                }
            }

            return false;
        }
    }

    private static bool IsSentenceStart(ImmutableArray<Token> tokens, int t) => t == 0 || tokens[t - 1].Sentence != tokens[t].Sentence;

    private static string Text(Document d, int first, int last) => d.Text[d.Tokens[first].Start..d.Tokens[last].End];

    /// <summary>The index of the token that holds offset <paramref name="offset"/>, or -1.</summary>
    internal static int TokenAt(ImmutableArray<Token> tokens, int offset)
    {
        if (tokens.IsDefaultOrEmpty) return -1;
        int lo = 0, hi = tokens.Length - 1;
        while (lo <= hi)
        {
            var mid = (lo + hi) >> 1;
            if (tokens[mid].End <= offset) lo = mid + 1;
            else if (tokens[mid].Start > offset) hi = mid - 1;
            else return mid;
        }

        return -1;
    }

    private static void Cover(ImmutableArray<Token> tokens, bool[] covered, int start, int end)
    {
        var t = TokenAt(tokens, start);
        if (t < 0) return;
        for (; t < tokens.Length && tokens[t].Start < end; t++) covered[t] = true;
    }
}
