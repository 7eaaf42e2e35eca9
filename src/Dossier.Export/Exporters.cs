namespace Dossier.Export;

/// <summary>The exporters by format name (case-insensitive).</summary>
public static class Exporters
{
    /// <summary>Every exporter, in the order help text lists them.</summary>
    public static IReadOnlyList<IExporter> All { get; } =
    [
        new JsonlExporter(),
        new CsvExporter(),
        new GdeltExporter(),
        new GraphMlExporter(),
        new ParquetExporter(),
    ];

    /// <summary>The format names: jsonl, csv, gdelt, graphml, parquet.</summary>
    public static IReadOnlyList<string> Formats { get; } = [.. All.Select(e => e.Format)];

    /// <returns>The exporter, or null when no exporter has that format.</returns>
    public static IExporter? Find(string? format) =>
        format is null ? null : All.FirstOrDefault(e => string.Equals(e.Format, format.Trim(), StringComparison.OrdinalIgnoreCase));

    /// <exception cref="ArgumentException">When no exporter has that format.</exception>
    public static IExporter Get(string format) =>
        Find(format) ?? throw new ArgumentException($"Unknown export format \"{format}\"; expected one of {string.Join(", ", Formats)}.", nameof(format));
}
