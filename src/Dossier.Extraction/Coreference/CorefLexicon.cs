using System.Collections.Frozen;
using Dossier.Core.Data;

namespace Dossier.Extraction.Coreference;

/// <summary>
/// The word lists coreference reads titles, groups, descriptions and speakers with, from <c>models/coref/</c>
/// (one file per list; each file's header says what it is for). Loaded once; immutable and thread-safe.
/// </summary>
public sealed class CorefLexicon
{
    /// <summary>The folder's name under <c>models/</c>.</summary>
    public const string FolderName = "coref";

    /// <summary>The file that marks the folder.</summary>
    public const string SpeakerVerbsFileName = "speaker-verbs.tsv";

    private static readonly Lazy<CorefLexicon> Shared = new(() => Load(DefaultDirectory));

    private CorefLexicon(string directory)
    {
        FrozenSet<string> Words(string name) => TsvFile.ReadWords(Path.Combine(directory, name));
        FormerWords = Words("former-words.tsv");
        DesignateWords = Words("designate-words.tsv");
        NeutralTitleWords = Words("neutral-title-words.tsv");
        TitlePrefixes = Words("title-prefixes.tsv");
        CollectiveNouns = Words("collective-nouns.tsv");
        VagueTitles = Words("vague-titles.tsv");
        PartyMarkers = Words("party-markers.tsv").ToFrozenSet(StringComparer.OrdinalIgnoreCase);
        SpeakerVerbs = Words(SpeakerVerbsFileName);
        InitialsSkipWords = Words("initials-skip-words.tsv");
    }

    /// <summary>The lexicon from <see cref="DefaultDirectory"/>, loaded once per process.</summary>
    public static CorefLexicon Default => Shared.Value;

    /// <summary>The <c>models/coref</c> folder (see <see cref="ModelDirectory"/>).</summary>
    public static string DefaultDirectory => ModelDirectory.LocateFolder(FolderName, SpeakerVerbsFileName);

    /// <summary>Status words of a past holder: "former", "ex".</summary>
    internal FrozenSet<string> FormerWords { get; }

    /// <summary>Status words of a holder not yet in office: "incoming", "elect".</summary>
    internal FrozenSet<string> DesignateWords { get; }

    /// <summary>Words before a title that change nothing about the role: "acting", "top".</summary>
    internal FrozenSet<string> NeutralTitleWords { get; }

    /// <summary>Words that extend a title found after them: "deputy", "vice".</summary>
    internal FrozenSet<string> TitlePrefixes { get; }

    /// <summary>Singular nouns that head a group actor: "government", "military".</summary>
    internal FrozenSet<string> CollectiveNouns { get; }

    /// <summary>Titles too vague for a description without a nationality: "the minister".</summary>
    internal FrozenSet<string> VagueTitles { get; }

    /// <summary>Prepositions that make their noun a party to an act: "with", "against" (any case).</summary>
    internal FrozenSet<string> PartyMarkers { get; }

    /// <summary>Lemmas of verbs of saying whose subject speaks a quotation: "say", "tell".</summary>
    internal FrozenSet<string> SpeakerVerbs { get; }

    /// <summary>Words an acronym's initials skip: "of", "the".</summary>
    internal FrozenSet<string> InitialsSkipWords { get; }

    /// <summary>Loads the word lists from <paramref name="directory"/>.</summary>
    /// <exception cref="DataFileException">A file is missing or malformed; the message names it (and the line).</exception>
    public static CorefLexicon Load(string directory)
    {
        ArgumentNullException.ThrowIfNull(directory);
        return new CorefLexicon(directory);
    }
}
