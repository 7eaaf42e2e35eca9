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

    /// <summary>From the start of the run to the first analysed document reaching the sink: reading it, loading the
    /// language detector, compiling the code on first use and analysing it.</summary>
    public TimeSpan Startup { get; init; }

    /// <summary>The words of that first document.</summary>
    public long StartupWords { get; init; }

    /// <summary>Words per second after <see cref="Startup"/>, or null when fewer than two documents were analysed
    /// (no rate without start-up to give).</summary>
    public double? WordsPerSecond =>
        New >= 2 && Elapsed > Startup ? (Words - StartupWords) / (Elapsed - Startup).TotalSeconds : null;

    /// <summary>One line per input that failed: <c>INPUT: reason</c>.</summary>
    public ImmutableArray<string> Failures { get; init; } = [];

    public int Failed => Failures.Length;

    /// <summary>Ids of the documents this run stored or analysed, in input order.</summary>
    public ImmutableArray<string> DocumentIds { get; init; } = [];
}
