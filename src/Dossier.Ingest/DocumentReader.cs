using System.Runtime.CompilerServices;
using Dossier.Core.Errors;
using Dossier.Ingest.Readers;
using Dossier.Ingest.Web;

namespace Dossier.Ingest;

/// <summary>
/// Reads news reports from a file, a directory (recursively) or an http(s) URL: plain text, HTML
/// pages, RSS/Atom feeds and JSON Lines. Yields one <see cref="ReadResult"/> per document and per
/// failure, in a stable order (a directory's files in ordinal order of their paths; a feed's items
/// and a JSONL file's lines in their order). Bad input never throws: it becomes a failure with a
/// one-line reason. Only cancellation through the token throws.
/// </summary>
public static class DocumentReader
{
    /// <summary>Reads everything at <paramref name="pathOrUrl"/>.</summary>
    /// <param name="pathOrUrl">A file, a directory, or an http:// or https:// URL.</param>
    /// <param name="options">Size limit, timeout and default publication date.</param>
    /// <param name="ct">Stops reading; the enumeration then throws <see cref="OperationCanceledException"/>.</param>
    public static IAsyncEnumerable<ReadResult> ReadAsync(string pathOrUrl, ReadOptions options, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(pathOrUrl);
        ArgumentNullException.ThrowIfNull(options);
        return ReadCoreAsync(pathOrUrl, options, ct);
    }

    /// <summary>
    /// Reads one record held in memory, as a JSON Lines line is read: <paramref name="text"/> is required, a
    /// <paramref name="published"/> date must parse, the language is detected. For callers that receive documents
    /// by other means than files (the web API, a worker).
    /// </summary>
    /// <param name="input">The name failures and the document's source carry.</param>
    public static ReadResult ReadRecord(string input, string text, string? title, string? published, string? url, ReadOptions options)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(options);
        return JsonLinesReader.ReadRecord(input, text, title, published, url, options);
    }

    /// <summary>Reads an HTML page held in memory as an .html file is read: its article text, title and date.</summary>
    /// <param name="input">The name failures and the document's source carry.</param>
    /// <param name="pageUrl">The page's own absolute URL, against which its links resolve, or null.</param>
    public static ReadResult ReadHtml(string input, string html, string? pageUrl, ReadOptions options)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(html);
        ArgumentNullException.ThrowIfNull(options);
        var uri = pageUrl is not null && Uri.TryCreate(pageUrl, UriKind.Absolute, out var page) ? page.AbsoluteUri : InMemoryPageUri;
        return Html.HtmlReader.Read(input, html, uri, options);
    }

    /// <summary>The base URI of an HTML page read from memory without a URL of its own.</summary>
    /// <summary>The files <see cref="ReadAsync"/> reads from a directory, in the order it reads them (for a work queue
    /// that records files one by one).</summary>
    public static IReadOnlyList<string> FilesIn(string directory) => [.. DirectoryWalker.Entries(directory).Select(e => e.Path)];

    private const string InMemoryPageUri = "file:///dossier/in-memory.html";

    private static async IAsyncEnumerable<ReadResult> ReadCoreAsync(string pathOrUrl, ReadOptions options, [EnumeratorCancellation] CancellationToken ct)
    {
        ct.ThrowIfCancellationRequested();
        IReadOnlyList<ReadResult> results;
        if (string.IsNullOrWhiteSpace(pathOrUrl))
        {
            results = [ReadResult.Failure(pathOrUrl, ReadFailureKind.NotFound, DossierErrors.NotFound)];
        }
        else if (WebSource.IsWebUrl(pathOrUrl, out var uri))
        {
            results = await WebSource.ReadAsync(pathOrUrl, uri, options, ct).ConfigureAwait(false);
        }
        else if (File.Exists(pathOrUrl))
        {
            results = await FileSource.ReadAsync(pathOrUrl, options, ct).ConfigureAwait(false);
        }
        else if (Directory.Exists(pathOrUrl))
        {
            await foreach (var result in ReadDirectoryAsync(pathOrUrl, options, ct).ConfigureAwait(false))
            {
                yield return result;
            }

            yield break;
        }
        else if (WebSource.HasOtherScheme(pathOrUrl))
        {
            results = [ReadResult.Failure(pathOrUrl, ReadFailureKind.Unsupported, DossierErrors.UnsupportedScheme)];
        }
        else
        {
            results = [ReadResult.Failure(pathOrUrl, ReadFailureKind.NotFound, DossierErrors.NotFound)];
        }

        foreach (var result in results)
        {
            yield return result;
        }
    }

    /// <summary>
    /// Reads a directory's files on several threads at once but yields their results in path order.
    /// At most a few files are read ahead of the consumer.
    /// </summary>
    private static async IAsyncEnumerable<ReadResult> ReadDirectoryAsync(string directory, ReadOptions options, [EnumeratorCancellation] CancellationToken ct)
    {
        List<DirectoryWalker.Entry> files;
        string? error = null;
        try
        {
            files = DirectoryWalker.Entries(directory);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or System.Security.SecurityException)
        {
            files = [];
            error = DossierErrors.ReadFailed(FileSource.OneLine(ex.Message));
        }

        if (files.Count == 0)
        {
            yield return ReadResult.Failure(directory, error is null ? ReadFailureKind.Empty : ReadFailureKind.Unreadable, error ?? DossierErrors.EmptyDirectory);
            yield break;
        }

        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var readAhead = Math.Max(2, Environment.ProcessorCount * 2);
        var pending = new Queue<Task<IReadOnlyList<ReadResult>>>();
        var next = 0;
        try
        {
            while (next < files.Count || pending.Count > 0)
            {
                while (pending.Count < readAhead && next < files.Count)
                {
                    var file = files[next++];
                    pending.Enqueue(file.Error is { } unreadable
                        ? Task.FromResult<IReadOnlyList<ReadResult>>([ReadResult.Failure(file.Path, ReadFailureKind.Unreadable, unreadable)])
                        : Task.Run(() => FileSource.ReadAsync(file.Path, options, stop.Token, inFolder: true), stop.Token));
                }

                foreach (var result in await pending.Dequeue().ConfigureAwait(false))
                {
                    yield return result;
                }
            }
        }
        finally
        {
            // The consumer stopped early or failed: the files read ahead are not wanted.
            await stop.CancelAsync().ConfigureAwait(false);
            foreach (var task in pending)
            {
                try
                {
                    await task.ConfigureAwait(false);
                }
#pragma warning disable CA1031 // Clean-up only: the results are dropped, and so is whatever stopped them.
                catch (Exception)
#pragma warning restore CA1031
                {
                    // Cancelled above, or failed: either way nobody is waiting for it.
                }
            }
        }
    }
}
