using System.Collections.Frozen;

namespace Dossier.Nlp.Tokenization;

/// <summary>
/// Capitalised words that very often begin an English sentence ("The", "He", "But"). After an
/// abbreviation that may end a sentence ("Inc.", "U.S.") a following word from this list is
/// taken as the start of a new sentence; a following name ("U.S. Army") is not.
/// </summary>
internal static class SentenceStarters
{
    private static readonly string[] Words =
    [
        "The", "A", "An", "This", "That", "These", "Those", "There", "Here", "It", "Its", "He", "She", "They", "We", "I",
        "You", "His", "Her", "Their", "Our", "My", "Your", "But", "And", "Or", "So", "Yet", "If", "When", "While", "As",
        "At", "In", "On", "For", "From", "With", "By", "After", "Before", "Since", "Although", "Though", "Because",
        "However", "Meanwhile", "Also", "Still", "Then", "Now", "Today", "Yesterday", "What", "Why", "How", "Who",
        "Where", "Which", "Some", "Many", "Most", "All", "No", "Not", "Yes", "One", "Two", "Each", "Both", "Other",
        "Such", "Even", "Only", "Please", "Thanks", "Thank", "Let", "Do", "Does", "Did", "Is", "Are", "Was", "Were",
        "Can", "Could", "Will", "Would", "Should", "May", "Might", "Officials", "According", "During", "Under",
        "Despite", "Instead", "Last", "Next", "Another", "Any", "Every", "More", "Much", "Just", "Once",
    ];

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> Set =
        Words.ToFrozenSet(StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>True when <paramref name="word"/> is a listed capitalised sentence starter.</summary>
    public static bool Contains(ReadOnlySpan<char> word) => Set.Contains(word);
}
