using Dossier.Core.Documents;

namespace Dossier.Extraction.Events;

/// <summary>
/// The evidence string of an event: its sentence, or for a sentence longer than <see cref="Event.MaxEvidenceLength"/>
/// a window of it around the trigger, cut at spaces where it can be, with "…" where text was left out. Keeps the
/// output of a document linear in its length: every event of a long sentence would otherwise repeat all of it.
/// </summary>
internal static class EventEvidence
{
    private const char Ellipsis = '\u2026';

    /// <summary>The evidence for a trigger at [<paramref name="triggerStart"/>, <paramref name="triggerEnd"/>) in the
    /// sentence at [<paramref name="start"/>, <paramref name="end"/>) of <paramref name="text"/>.</summary>
    public static string Text(string text, int start, int end, int triggerStart, int triggerEnd)
    {
        var max = Event.MaxEvidenceLength;
        if (end - start <= max) return text[start..end];

        // Room for the text itself, leaving two characters for the marks; centred on the trigger.
        var room = max - 2;
        var centre = (triggerStart + triggerEnd) / 2;
        var from = Math.Clamp(centre - room / 2, start, end - room);
        var to = from + room;
        var window = text.AsSpan(from, room);

        // Cut at spaces inside the window when there are any near its ends (never more than a tenth of it).
        var left = from > start ? window[..(room / 10)].IndexOf(' ') : -1;
        var right = to < end ? window[(room - room / 10)..].LastIndexOf(' ') : -1;
        var first = left >= 0 ? from + left + 1 : from;
        var last = right >= 0 ? to - room / 10 + right : to;

        // Never cut a surrogate pair.
        if (first > start && char.IsLowSurrogate(text[first])) first++;
        if (last < end && char.IsLowSurrogate(text[last])) last--;
        return (first > start ? Ellipsis.ToString() : "") + text[first..last] + (last < end ? Ellipsis.ToString() : "");
    }
}
