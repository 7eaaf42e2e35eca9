using System.Collections.Immutable;

namespace Dossier.Engine;

/// <summary>What one ingest or analyze run did.</summary>
public sealed record IngestSummary
{
    public int New { get; init; }

    public int Duplicates { get; init; }

    public int NonEnglish { get; init; }

    public long Words { get; init; }

    public long Sentences { get; init; }

    public TimeSpan Elapsed { get; init; }

    /// <summary>One line per input that failed: <c>INPUT: reason</c>.</summary>
    public ImmutableArray<string> Failures { get; init; } = [];

    public int Failed => Failures.Length;

    /// <summary>Ids of the documents this run stored or analysed, in input order.</summary>
    public ImmutableArray<string> DocumentIds { get; init; } = [];
}
