using System.Text;
using Dossier.Storage;
using Dossier.Storage.Corpus;

namespace Dossier.Export;

/// <summary>An exporter that writes one text stream (UTF-8 without BOM): to a writer, a stream, or a file that is written
/// beside its final name first and moved into place when complete (so a failed or cancelled export leaves no half file).</summary>
public abstract class TextExporter : IExporter
{
    internal static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    public abstract string Format { get; }

    public abstract string Description { get; }

    public abstract string RecordName { get; }

    public bool WritesFolder => false;

    public async Task<ExportResult> ExportAsync(IDocumentStore store, ICorpusQueries corpus, ExportTarget target, ExportOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(corpus);
        ArgumentNullException.ThrowIfNull(target);
        options ??= ExportOptions.All;
        var skipped = new List<string>();
        if (target.Writer is { } writer)
        {
            var count = await WriteAsync(store, corpus, options, writer, skipped, cancellationToken).ConfigureAwait(false);
            await writer.FlushAsync(cancellationToken).ConfigureAwait(false);
            return new ExportResult(Format, count, []) { Skipped = skipped };
        }

        if (target.Stream is { } stream)
        {
            await using var streamWriter = new StreamWriter(stream, Utf8, bufferSize: 1 << 16, leaveOpen: true);
            var count = await WriteAsync(store, corpus, options, streamWriter, skipped, cancellationToken).ConfigureAwait(false);
            await streamWriter.FlushAsync(cancellationToken).ConfigureAwait(false);
            return new ExportResult(Format, count, []) { Skipped = skipped };
        }

        var path = Path.GetFullPath(target.Path!);
        if (Path.GetDirectoryName(path) is { Length: > 0 } folder)
        {
            Directory.CreateDirectory(folder);
        }

        var partial = path + ".partial";
        try
        {
            long count;
            await using (var file = new FileStream(partial, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16, useAsync: true))
            await using (var fileWriter = new StreamWriter(file, Utf8, bufferSize: 1 << 16))
            {
                count = await WriteAsync(store, corpus, options, fileWriter, skipped, cancellationToken).ConfigureAwait(false);
            }

            File.Move(partial, path, overwrite: true);
            return new ExportResult(Format, count, [path]) { Skipped = skipped };
        }
        catch
        {
            TryDelete(partial);
            throw;
        }
    }

    /// <summary>Writes the export.</summary>
    /// <returns>How many records were written.</returns>
    /// <param name="skipped">Receives one message for each stored record that could not be read and was left out.</param>
    protected abstract Task<long> WriteAsync(IDocumentStore store, ICorpusQueries corpus, ExportOptions options, TextWriter output, ICollection<string> skipped, CancellationToken cancellationToken);

    internal static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
