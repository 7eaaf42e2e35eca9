namespace Dossier.Export;

/// <summary>What an export leaves out.</summary>
public sealed record ExportOptions
{
    /// <summary>Everything the store holds: every event, whatever its confidence.</summary>
    public static ExportOptions All { get; } = new();

    /// <summary>Only events with a report of at least this confidence (0 to 1; 0 for all): corpus events in csv, gdelt,
    /// graphml and parquet, and each document's events in jsonl. Entities and documents are always written.</summary>
    public double MinConfidence
    {
        get;
        init => field = value is >= 0 and <= 1 ? value : throw new ArgumentOutOfRangeException(nameof(MinConfidence), value, "A confidence is between 0 and 1.");
    }
}
