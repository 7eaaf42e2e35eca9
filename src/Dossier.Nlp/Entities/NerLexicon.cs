using System.Collections.Frozen;
using Dossier.Core.Data;

namespace Dossier.Nlp.Entities;

/// <summary>
/// The word lists that type and cut the names the tagger finds, read once from <c>models/ner/</c> (one TSV file per
/// concept): head words of laws, events, organisations and facilities, known buildings, weapon and product nouns,
/// titles, name particles and connectors, company context, and the country abbreviations and affiliation suffixes
/// read inside hyphenated words. Used by <see cref="EntityTyper"/> and <see cref="EntityRecognitionStage"/>.
/// Case-sensitivity is per list (see each file's header). Immutable and thread-safe.
/// </summary>
public sealed class NerLexicon
{
    /// <summary>The sub-folder of <c>models</c> that holds the files (the tagger's folder).</summary>
    public const string FolderName = NerModel.DirectoryName;

    private static readonly Lazy<NerLexicon> Shipped = new(LoadDefault, LazyThreadSafetyMode.ExecutionAndPublication);

    private NerLexicon(string directory)
    {
        string P(string file) => Path.Combine(directory, file);
        var exact = StringComparer.Ordinal;
        var anyCase = StringComparer.OrdinalIgnoreCase;
        LawHeads = Words(P("law-heads.tsv"), exact);
        EventHeads = Words(P("event-heads.tsv"), exact);
        EventOpeners = Words(P("event-openers.tsv"), exact);
        OrgHeads = Words(P("organization-heads.tsv"), exact);
        GroupWords = Words(P("group-words.tsv"), anyCase);
        FacilityHeads = Words(P("facility-heads.tsv"), exact);
        LocationHeads = Words(P("location-heads.tsv"), exact);
        OrgWords = Words(P("organization-words.tsv"), exact);
        Buildings = TsvFile.Read(P("buildings.tsv")).Select(r => r.Columns[0].Split(' ', StringSplitOptions.RemoveEmptyEntries)).ToArray();
        WeaponNouns = Words(P("weapon-nouns.tsv"), anyCase);
        WeaponModifiers = Words(P("weapon-modifiers.tsv"), anyCase);
        Connectors = Words(P("name-connectors.tsv"), exact);
        NameParticles = Words(P("name-particles.tsv"), exact);
        SystemNouns = Words(P("system-nouns.tsv"), anyCase);
        TitleHeads = Words(P("title-heads.tsv"), exact);
        AmbiguousTitleHeads = Words(P("ambiguous-title-heads.tsv"), exact);
        TitleModifiers = Words(P("title-modifiers.tsv"), exact);
        TitleWords = TitleHeads.Concat(AmbiguousTitleHeads).Concat(TitleModifiers).ToFrozenSet(exact);
        CalendarWords = Words(P("calendar-words.tsv"), exact);
        OrgSuffixes = Words(P("organization-suffixes.tsv"), exact);
        CompanyContext = Words(P("company-context.tsv"), exact);
        ProductNouns = Words(P("product-nouns.tsv"), anyCase);
        CountryAbbreviations = TsvFile.ReadMap(P("country-abbreviations.tsv"));
        AffiliationSuffixes = Words(P("affiliation-suffixes.tsv"), exact);
        Determiners = Words(P("determiners.tsv"), anyCase);
        OrgWordsAnyCase = OrgWords.ToFrozenSet(anyCase);
        LawHeadsAnyCase = LawHeads.ToFrozenSet(anyCase);
        EventHeadsAnyCase = EventHeads.ToFrozenSet(anyCase);
        FacilityHeadsAnyCase = FacilityHeads.ToFrozenSet(anyCase);
    }

    /// <summary>Articles and determiners, any case: a one-word name that heads a noun phrase after one is no person (<c>determiners.tsv</c>).</summary>
    internal FrozenSet<string> Determiners { get; }

    /// <summary>Last words that make a name of two or more words a location, not a person or organisation (<c>location-heads.tsv</c>).</summary>
    internal FrozenSet<string> LocationHeads { get; }

    /// <summary>Words that make a capitalised name a LAW (<c>law-heads.tsv</c>).</summary>
    internal FrozenSet<string> LawHeads { get; }

    /// <summary>Words that make a capitalised name an EVENT (<c>event-heads.tsv</c>).</summary>
    internal FrozenSet<string> EventHeads { get; }

    /// <summary>Words that open an event's name before a name: a named storm (<c>event-openers.tsv</c>).</summary>
    internal FrozenSet<string> EventOpeners { get; }

    /// <summary>Last words that make a name an organisation (<c>organization-heads.tsv</c>).</summary>
    internal FrozenSet<string> OrgHeads { get; }

    /// <summary>Religious, ethnic and political groups that no suffix gives away, any case (<c>group-words.tsv</c>).</summary>
    internal FrozenSet<string> GroupWords { get; }

    /// <summary>Last words that make a name a facility (<c>facility-heads.tsv</c>).</summary>
    internal FrozenSet<string> FacilityHeads { get; }

    /// <summary>Words that make a capitalised run an organisation rather than a law or event (<c>organization-words.tsv</c>).</summary>
    internal FrozenSet<string> OrgWords { get; }

    /// <summary>Known buildings as words, in the file's order: the first that matches at a word wins (<c>buildings.tsv</c>).</summary>
    internal string[][] Buildings { get; }

    /// <summary>Weapon and military vehicle nouns, any case (<c>weapon-nouns.tsv</c>).</summary>
    internal FrozenSet<string> WeaponNouns { get; }

    /// <summary>Words between a product name and its weapon noun, any case (<c>weapon-modifiers.tsv</c>).</summary>
    internal FrozenSet<string> WeaponModifiers { get; }

    /// <summary>Lower-case words that may join the words of one name (<c>name-connectors.tsv</c>).</summary>
    internal FrozenSet<string> Connectors { get; }

    /// <summary>Lower-case particles inside personal names (<c>name-particles.tsv</c>).</summary>
    internal FrozenSet<string> NameParticles { get; }

    /// <summary>Nouns that name a weapon system only after a modifier, any case (<c>system-nouns.tsv</c>).</summary>
    internal FrozenSet<string> SystemNouns { get; }

    /// <summary>Words that make a run of title words a title of a person (<c>title-heads.tsv</c>).</summary>
    internal FrozenSet<string> TitleHeads { get; }

    /// <summary>Title heads common in names of organisations: stripped only off a span the tagger called a person (<c>ambiguous-title-heads.tsv</c>).</summary>
    internal FrozenSet<string> AmbiguousTitleHeads { get; }

    /// <summary>Words that qualify a title, and the offices after "Secretary of" (<c>title-modifiers.tsv</c>).</summary>
    internal FrozenSet<string> TitleModifiers { get; }

    /// <summary>Title heads, ambiguous title heads and title modifiers together: the words a title before a name is made of.</summary>
    internal FrozenSet<string> TitleWords { get; }

    /// <summary>Weekday and month names (<c>calendar-words.tsv</c>).</summary>
    internal FrozenSet<string> CalendarWords { get; }

    /// <summary>Words that make a name an organisation's, not a person's (<c>organization-suffixes.tsv</c>).</summary>
    internal FrozenSet<string> OrgSuffixes { get; }

    /// <summary>Lower-case words after a name that make it a company (<c>company-context.tsv</c>).</summary>
    internal FrozenSet<string> CompanyContext { get; }

    /// <summary>Lower-case nouns after a name that make it a product, any case (<c>product-nouns.tsv</c>).</summary>
    internal FrozenSet<string> ProductNouns { get; }

    /// <summary>Country abbreviations in capitals → ISO 3166 alpha-3 (<c>country-abbreviations.tsv</c>).</summary>
    internal FrozenDictionary<string, string> CountryAbbreviations { get; }

    /// <summary>Parts after a hyphen that make an acronym before them an organisation (<c>affiliation-suffixes.tsv</c>).</summary>
    internal FrozenSet<string> AffiliationSuffixes { get; }

    /// <summary><see cref="OrgWords"/> ignoring case, for sentences written all in capitals.</summary>
    internal FrozenSet<string> OrgWordsAnyCase { get; }

    /// <summary><see cref="LawHeads"/> ignoring case, for sentences written all in capitals.</summary>
    internal FrozenSet<string> LawHeadsAnyCase { get; }

    /// <summary><see cref="EventHeads"/> ignoring case, for sentences written all in capitals.</summary>
    internal FrozenSet<string> EventHeadsAnyCase { get; }

    /// <summary><see cref="FacilityHeads"/> ignoring case, for sentences written all in capitals.</summary>
    internal FrozenSet<string> FacilityHeadsAnyCase { get; }

    /// <summary>The lists of the <c>models/ner</c> folder found by <see cref="ModelDirectory"/>, read once per process.</summary>
    /// <exception cref="DataFileException">A file is missing or malformed (FILE:LINE).</exception>
    public static NerLexicon Default => Shipped.Value;

    /// <summary>Reads the lists from <paramref name="directory"/> (a <c>models/ner</c> folder).</summary>
    /// <exception cref="DataFileException">A file is missing or malformed (FILE:LINE).</exception>
    public static NerLexicon Load(string directory)
    {
        ArgumentNullException.ThrowIfNull(directory);
        return new NerLexicon(directory);
    }

    /// <summary>Reads the lists from the <c>models/ner</c> folder found by <see cref="ModelDirectory"/>.</summary>
    /// <exception cref="DataFileException">A file is missing or malformed (FILE:LINE).</exception>
    public static NerLexicon LoadDefault() => Load(ModelDirectory.LocateFolder(FolderName, "law-heads.tsv"));

    private static FrozenSet<string> Words(string path, StringComparer comparer) =>
        TsvFile.Read(path).Select(r => r.Columns[0]).ToFrozenSet(comparer);
}
