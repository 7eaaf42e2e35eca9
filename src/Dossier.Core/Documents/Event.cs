using System.Collections.Immutable;
using System.Text.Json.Serialization;
using Dossier.Core.Serialization;

namespace Dossier.Core.Documents;

/// <summary>Who did what to whom, coded in PLOVER 2.0 and CAMEO, with the sentence that supports it.</summary>
public sealed record Event(string Id, string Type, string Cameo, int QuadClass, double Goldstein, string Status, EventSpan Trigger, int Sentence)
{
    /// <summary>PLOVER mode, or null.</summary>
    public string? Mode { get; init; }

    public ImmutableArray<EventActor> Source { get; init; } = [];

    public ImmutableArray<EventActor> Target { get; init; } = [];

    public EventLocation? Location { get; init; }

    public EventDate? Date { get; init; }

    /// <summary>Further facts (speaker, amount, intended type …); written to JSON with keys in ordinal order.</summary>
    [JsonConverter(typeof(SortedAttributesConverter))]
    public ImmutableDictionary<string, string> Attributes { get; init; } = ImmutableDictionary<string, string>.Empty;

    public string Evidence { get; init; } = "";

    public double Confidence { get; init; }
}

public sealed record EventSpan(string Text, int Start, int End);

public sealed record EventActor(string Text, string? Entity, string? Country, string? Sector, string? Code);

public sealed record EventLocation(string Text, string? Entity, string? Country);

public sealed record EventDate(string Text, string? Value);
