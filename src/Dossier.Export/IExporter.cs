using Dossier.Storage;
using Dossier.Storage.Corpus;

namespace Dossier.Export;

/// <summary>
/// Writes what a store holds in one format for other tools. Exporters are stateless and thread-safe; each call reads
/// the store page by page, so memory stays bounded by a page (plus, for some formats, one small record per corpus
/// entity or actor pair).
/// </summary>
public interface IExporter
{
    /// <summary>The name used on the command line (<c>--format</c>): jsonl, csv, gdelt, graphml, parquet.</summary>
    string Format { get; }

    /// <summary>One line for help text.</summary>
    string Description { get; }

    /// <summary>What <see cref="ExportResult.Records"/> counts, plural: "documents", "events", "nodes and edges".</summary>
    string RecordName { get; }

    /// <summary>True when the output is a folder of several files (<see cref="ExportTarget.ToPath"/> names a folder);
    /// false when it is one text stream (a file, a stream or a writer).</summary>
    bool WritesFolder { get; }

    /// <summary>Writes the export to <paramref name="target"/>.</summary>
    /// <param name="options">What to leave out; null for <see cref="ExportOptions.All"/>.</param>
    /// <exception cref="ArgumentException">When <paramref name="target"/> is a writer or stream and the format needs a folder.</exception>
    /// <exception cref="StoreException">When the store cannot be read.</exception>
    /// <exception cref="IOException">When the output cannot be written.</exception>
    Task<ExportResult> ExportAsync(IDocumentStore store, ICorpusQueries corpus, ExportTarget target, ExportOptions? options = null, CancellationToken cancellationToken = default);
}

/// <summary>Where an export goes: a text writer or stream (text formats), or a path (a file for text formats, a folder
/// for <see cref="IExporter.WritesFolder"/> formats). Writers and streams are flushed, never closed.</summary>
public sealed class ExportTarget
{
    private ExportTarget(TextWriter? writer, Stream? stream, string? path)
    {
        Writer = writer;
        Stream = stream;
        Path = path;
    }

    public TextWriter? Writer { get; }

    public Stream? Stream { get; }

    public string? Path { get; }

    public static ExportTarget ToWriter(TextWriter writer) => new(writer ?? throw new ArgumentNullException(nameof(writer)), null, null);

    /// <summary>A stream written as UTF-8 without a byte order mark.</summary>
    public static ExportTarget ToStream(Stream stream) => new(null, stream ?? throw new ArgumentNullException(nameof(stream)), null);

    /// <summary>A file (text formats; written beside it first, then moved into place) or a folder (created when missing).</summary>
    public static ExportTarget ToPath(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        return new(null, null, path);
    }

    public override string ToString() => Path ?? (Stream is not null ? "stream" : "writer");
}

/// <summary>What an export wrote.</summary>
/// <param name="Records">Rows, lines or graph elements written: documents (jsonl), corpus events (csv, gdelt, parquet's
/// events file), nodes + edges (graphml).</param>
/// <param name="Files">The files written, empty for a writer or stream.</param>
public sealed record ExportResult(string Format, long Records, IReadOnlyList<string> Files)
{
    /// <summary>One message for each stored record that could not be read (a document an older version stored
    /// damaged) and was left out; the export went on with the rest.</summary>
    public IReadOnlyList<string> Skipped { get; init; } = [];
}
