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

    /// <summary>Which addresses URLs may be fetched from: null (the default, <c>dossier ingest</c>) for any; the web
    /// server sets <see cref="Web.FetchAddressPolicy.PublicOnly"/> with its <c>--allow-fetch-from</c> networks.</summary>
    public Web.FetchAddressPolicy? FetchPolicy { get; init; }
}
