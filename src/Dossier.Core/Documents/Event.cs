using System.Collections.Immutable;
using System.Text.Json.Serialization;
using Dossier.Core.Serialization;

namespace Dossier.Core.Documents;

/// <summary>Who did what to whom, coded in PLOVER 2.0 and CAMEO, with the sentence that supports it.</summary>
/// <param name="Id">Document-local id such as <c>v1</c>, numbered in order of sentence.</param>
/// <param name="Type">PLOVER 2.0 event type, such as <c>CONSULT</c>.</param>
/// <param name="Cameo">CAMEO event code, 3 or 4 digits as a string (<c>040</c>, <c>0211</c>); see <see cref="Labels.EventCode"/>.</param>
/// <param name="QuadClass">1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict (see <see cref="Documents.QuadClass"/>).</param>
/// <param name="Goldstein">The Goldstein value of the CAMEO code, from -10 (most conflictual) to +10 (most cooperative).</param>
/// <param name="Status">What the report says of the event: one of the names in <see cref="Labels.EventStatuses"/>.</param>
/// <param name="Trigger">The word that states the event (usually its verb or noun), with its offsets.</param>
/// <param name="Sentence">Index in <see cref="Document.Sentences"/> of the sentence that states the event.</param>
public sealed record Event(string Id, string Type, string Cameo, int QuadClass, double Goldstein, string Status, EventSpan Trigger, int Sentence)
{
    /// <summary>PLOVER mode, or null.</summary>
    public string? Mode { get; init; }

    /// <summary>The actors who act (who met, who attacked); empty when the text names none.</summary>
    public ImmutableArray<EventActor> Source { get; init; } = [];

    /// <summary>The actors acted upon (whom they met, whom they attacked); empty when there is none.</summary>
    public ImmutableArray<EventActor> Target { get; init; } = [];

    /// <summary>Where the event took place, or null when the sentence does not say.</summary>
    public EventLocation? Location { get; init; }

    /// <summary>When the event took place or is to take place, or null when the sentence does not say.</summary>
    public EventDate? Date { get; init; }

    /// <summary>Further facts (speaker, amount, intended type …); written to JSON with keys in ordinal order.</summary>
    [JsonConverter(typeof(SortedAttributesConverter))]
    public ImmutableDictionary<string, string> Attributes { get; init; } = ImmutableDictionary<string, string>.Empty;

    /// <summary>
    /// The text of the sentence that states the event (<see cref="Sentence"/>); empty when not set. A sentence longer
    /// than <see cref="MaxEvidenceLength"/> characters is cut to that many around the trigger, with "…" where text
    /// was left out; <see cref="EvidenceStart"/> and <see cref="EvidenceEnd"/> give the whole sentence.
    /// </summary>
    public string Evidence { get; init; } = "";

    /// <summary>Start offset of the evidence sentence in <see cref="Document.Text"/>; 0 when not set.</summary>
    public int EvidenceStart { get; init; }

    /// <summary>Offset just past the evidence sentence; 0 when not set.</summary>
    public int EvidenceEnd { get; init; }

    /// <summary>The longest <see cref="Evidence"/> in characters (the "…" marks included).</summary>
    public const int MaxEvidenceLength = 1000;

    /// <summary>How likely the type and source are right, from 0 to 1; 0 when not set.</summary>
    public double Confidence { get; init; }

    /// <summary>
    /// The document's topic when it is one whose events are left out of the default views (sport, entertainment:
    /// <see cref="Labels.DocumentTopics.DomainOf"/>); null for every other event.
    /// </summary>
    public string? Domain { get; init; }
}

/// <summary>A stretch of the text that states an event: its trigger.</summary>
/// <param name="Text">The text of the span, equal to <c>Document.Slice(Start, End)</c>.</param>
/// <param name="Start">First UTF-16 offset in <see cref="Document.Text"/>.</param>
/// <param name="End">Offset just past the span (half-open).</param>
public sealed record EventSpan(string Text, int Start, int End);

/// <summary>A source or target of an event, coded as an actor where the text identifies one.</summary>
/// <param name="Text">The actor's name: the entity's canonical name ("Bolton" and "he" give "John Bolton"), or the phrase as written when there is no entity.</param>
/// <param name="Entity">The <see cref="Documents.Entity.Id"/> in <see cref="Document.Entities"/>, or null for an actor that is no entity.</param>
/// <param name="Country">ISO 3166-1 alpha-3 country, or null when unknown.</param>
/// <param name="Sector">CAMEO sector (agent) code such as GOV or MIL, or null.</param>
/// <param name="Code">CAMEO-style actor code, country + sector (<c>USAGOV</c>), or null.</param>
public sealed record EventActor(string Text, string? Entity, string? Country, string? Sector, string? Code);

/// <summary>The place where an event happened.</summary>
/// <param name="Text">The place as the text names it.</param>
/// <param name="Entity">The <see cref="Documents.Entity.Id"/> of the place in <see cref="Document.Entities"/>, or null.</param>
/// <param name="Country">ISO 3166-1 alpha-3 country of the place, or null when unknown.</param>
public sealed record EventLocation(string Text, string? Entity, string? Country)
{
    /// <summary>Where the place is, from the gazetteer (<see cref="Documents.Entity.Place"/>), or null when it is not known.</summary>
    public Place? Place { get; init; }

    /// <summary>
    /// Where the place comes from: <see cref="Labels.PlaceClasses.SentenceScope"/> (null in JSON written before 1.1) when the
    /// sentence names it, <see cref="Labels.PlaceClasses.DocumentScope"/> when it is the country of the document's main place.
    /// </summary>
    public string? Scope { get; init; }
}

/// <summary>The date of an event, from a time expression of its sentence.</summary>
/// <param name="Text">The time expression as written, such as <c>Thursday</c>.</param>
/// <param name="Value">Its TIMEX3 value (<c>2025-10-16</c>, <c>2025-W42</c>), or null when it could not be resolved.</param>
public sealed record EventDate(string Text, string? Value);
