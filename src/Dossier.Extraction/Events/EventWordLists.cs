using System.Collections.Frozen;
using Dossier.Core.Data;

namespace Dossier.Extraction.Events;

/// <summary>
/// The hand-written word lists of the event analysis (<c>models/events/*.tsv</c>, one concept a file), loaded with the
/// lexicon. Immutable and thread-safe.
/// </summary>
internal sealed class EventWordLists
{
    private EventWordLists(string directory)
    {
        FrozenSet<string> Words(string name) => TsvFile.ReadWords(Path.Combine(directory, name));
        PhrasalParticles = Words("phrasal-particles.tsv");
        DemandModals = Words("demand-modals.tsv");
        TargetPrepositions = Words("target-prepositions.tsv");
        LocationPrepositions = Words("location-prepositions.tsv");
        SettingPrepositions = Words("setting-prepositions.tsv");
        ReferencePrepositions = Words("reference-prepositions.tsv");
        QuantityWords = Words("quantity-words.tsv");
        ChargeNouns = Words("charge-nouns.tsv");
        ConditionMarks = Words("condition-marks.tsv");
        HypotheticalMarks = Words("hypothetical-marks.tsv");
        MentalVerbs = Words("mental-verbs.tsv");
        CommunicationNouns = Words("communication-nouns.tsv");
        MediaSectors = Words("media-sectors.tsv");
        AbstractNouns = Words(AbstractNounsBuilder.FileName);
        PersonNouns = Words(AbstractNounsBuilder.PersonFileName);
        EndingVerbs = Words("ending-verbs.tsv");
    }

    /// <summary>Particles of phrasal verbs the parser may attach as adverbs ("handed over", "blew up").</summary>
    public FrozenSet<string> PhrasalParticles { get; }

    /// <summary>Modals that make a reported clause a demand on its subject ("X said Y must withdraw").</summary>
    public FrozenSet<string> DemandModals { get; }

    /// <summary>Prepositions whose actor is the target of an act ("talks with X", "sanctions against X").</summary>
    public FrozenSet<string> TargetPrepositions { get; }

    /// <summary>Prepositions of a place phrase that locates an event ("in Maryland", "near Kyiv").</summary>
    public FrozenSet<string> LocationPrepositions { get; }

    /// <summary>Prepositions of an event noun that is the aim or setting of its clause ("returned for talks", "went on strike").</summary>
    public FrozenSet<string> SettingPrepositions { get; }

    /// <summary>Prepositions of a time that anchors rather than dates an event ("ahead of the 2026 elections").</summary>
    public FrozenSet<string> ReferencePrepositions { get; }

    /// <summary>Head words of a quantity whose "of" phrase names the actors ("hundreds of protesters", "some of the rebels").</summary>
    public FrozenSet<string> QuantityWords { get; }

    /// <summary>Nouns whose number is a count of charges and whose "of" phrase is the charge ("two counts of fraud").</summary>
    public FrozenSet<string> ChargeNouns { get; }

    /// <summary>Subordinators of a condition that turns a stated intention into a threat ("unless").</summary>
    public FrozenSet<string> ConditionMarks { get; }

    /// <summary>Subordinators of a condition whose clause is a hypothetical, not a reported act ("if", "unless").</summary>
    public FrozenSet<string> HypotheticalMarks { get; }

    /// <summary>Verbs of thinking, believing and feeling: they report a state of mind, no interaction, whatever code
    /// the CAMEO dictionary gives them ("think" as consult).</summary>
    public FrozenSet<string> MentalVerbs { get; }

    /// <summary>Nouns of statements and media ("interview", "statement", "newspaper"): an attack made in one, or on one,
    /// is verbal (ACCUSE), not force.</summary>
    public FrozenSet<string> CommunicationNouns { get; }

    /// <summary>CAMEO sectors of the media (MED, JRN): an outlet attacked is attacked in words.</summary>
    public FrozenSet<string> MediaSectors { get; }

    /// <summary>Common nouns of abstract things ("policy", "report"; from GUM's entity types, <see cref="AbstractNounsBuilder"/>):
    /// an act of force aimed at one is an attack in words.</summary>
    public FrozenSet<string> AbstractNouns { get; }

    /// <summary>Common nouns of people ("student", "volunteer"; from GUM's entity types, <see cref="AbstractNounsBuilder"/>):
    /// a subject that is one can act, though no list names it an actor.</summary>
    public FrozenSet<string> PersonNouns { get; }

    /// <summary>Verbs of ending or stopping ("end", "halt"): an act of force as their object is a de-escalation.</summary>
    public FrozenSet<string> EndingVerbs { get; }

    /// <summary>Loads every list of <paramref name="directory"/>.</summary>
    /// <exception cref="DataFileException">A list is missing or malformed.</exception>
    public static EventWordLists Load(string directory) => new(directory);
}
