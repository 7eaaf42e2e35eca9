namespace Dossier.Core.Pipeline;

/// <summary>The layers of a <see cref="Documents.Document"/> that stages add and read, for stage contracts.</summary>
[Flags]
public enum Layers
{
    /// <summary>No layer.</summary>
    None = 0,

    /// <summary>Sentences and tokens with their offsets.</summary>
    Tokens = 1,

    /// <summary>The tokens' tags, lemmas, heads and relations.</summary>
    Syntax = 2,

    /// <summary>Time expressions.</summary>
    Times = 4,

    /// <summary>Money, percentages, quantities, counts.</summary>
    Values = 8,

    /// <summary>The name finder's layer: one entity per name mention (<see cref="Documents.Document.Names"/>).</summary>
    Names = 16,

    /// <summary>One entity per actor, with every mention that refers to it (<see cref="Documents.Document.Entities"/>).</summary>
    Entities = 32,

    /// <summary>Events.</summary>
    Events = 64,

    /// <summary>The document's topic (<see cref="Documents.Document.Topic"/>).</summary>
    Topic = 128,

    /// <summary>The places of the GPE, LOC and FAC entities (<see cref="Documents.Entity.Place"/>).</summary>
    Places = 256,
}
