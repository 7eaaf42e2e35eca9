using Dossier.Core.Errors;
using Dossier.Ingest.Decoding;

namespace Dossier.Ingest.Readers;

/// <summary>
/// Reads one file: checks that it is a regular file and its size, decodes it, picks its reader by extension or
/// content. A SQLite database (a store) is not a document: inside a directory it gives no result, given directly a
/// failure.
/// </summary>
internal static class FileSource
{
    /// <param name="inFolder">Whether the file was found in a directory (a store there is skipped without a word).</param>
    public static async Task<IReadOnlyList<ReadResult>> ReadAsync(string path, ReadOptions options, CancellationToken ct, bool inFolder = false)
    {
        byte[] bytes;
        try
        {
            var info = new FileInfo(path);
            if (!info.Exists)
            {
                return [ReadResult.Failure(path, ReadFailureKind.NotFound, DossierErrors.NotFound)];
            }

            if (FileKinds.NotRegular(path) is { } kind)
            {
                return [ReadResult.Failure(path, ReadFailureKind.Unsupported, DossierErrors.NotRegularFile(kind))];
            }

            if (info.Length > options.MaxBytes)
            {
                return StoreFiles.StartsWithSqliteHeader(path)
                    ? NotADocument(path, inFolder)
                    : [ReadResult.Failure(path, ReadFailureKind.TooLarge, DossierErrors.TooLarge(info.Length, options.MaxBytes))];
            }

            if (info.Length == 0)
            {
                return [ReadResult.Failure(path, ReadFailureKind.Empty, DossierErrors.Empty)];
            }

            bytes = await File.ReadAllBytesAsync(path, ct).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or System.Security.SecurityException)
        {
            return [ReadResult.Failure(path, ReadFailureKind.Unreadable, DossierErrors.ReadFailed(OneLine(ex.Message)))];
        }

        if (bytes.LongLength > options.MaxBytes)
        {
            return [ReadResult.Failure(path, ReadFailureKind.TooLarge, DossierErrors.TooLarge(bytes.LongLength, options.MaxBytes))];
        }

        if (StoreFiles.IsSqlite(bytes))
        {
            return NotADocument(path, inFolder);
        }

        var decoded = TextDecoder.Decode(bytes);
        if (decoded.Text is null)
        {
            return [ReadResult.Failure(path, ReadFailureKind.Undecodable, decoded.Error!)];
        }

        var kindOfContent = SourceKinds.FromExtension(path) ?? SourceKinds.Sniff(decoded.Text);
        var results = ContentReader.Read(path, decoded.Text, kindOfContent, new Uri(Path.GetFullPath(path)).AbsoluteUri, options);
        return WithWarning(results, decoded.Warning);
    }

    /// <summary>The results, each document among them carrying <paramref name="warning"/> (a warning on a failure says nothing useful).</summary>
    internal static IReadOnlyList<ReadResult> WithWarning(IReadOnlyList<ReadResult> results, string? warning) =>
        warning is null ? results : [.. results.Select(r => r.Succeeded ? r.WithWarnings([warning]) : r)];

    internal static string OneLine(string message) => message.ReplaceLineEndings(" ").Trim();

    private static IReadOnlyList<ReadResult> NotADocument(string path, bool inFolder) =>
        inFolder ? [] : [ReadResult.Failure(path, ReadFailureKind.Unsupported, DossierErrors.SqliteDatabase)];
}
