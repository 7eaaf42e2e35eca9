namespace Dossier.Ingest;

/// <summary>Settings for reading sources.</summary>
public sealed record ReadOptions
{
    public const long DefaultMaxBytes = 20L * 1024 * 1024;

    /// <summary>Publication date given to documents whose source has none (<c>--published</c>).</summary>
    public DateOnly? DefaultPublished { get; init; }

    /// <summary>Files or downloads larger than this fail with a message (default 20 MB).</summary>
    public long MaxBytes { get; init; } = DefaultMaxBytes;

    /// <summary>How long to wait for a URL.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(20);
}
