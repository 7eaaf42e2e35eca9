using Dossier.Core.Errors;
using Dossier.Ingest.Decoding;

namespace Dossier.Ingest.Readers;

/// <summary>Reads one file: checks its size, decodes it, picks its reader by extension or content.</summary>
internal static class FileSource
{
    public static async Task<IReadOnlyList<ReadResult>> ReadAsync(string path, ReadOptions options, CancellationToken ct)
    {
        byte[] bytes;
        try
        {
            var info = new FileInfo(path);
            if (!info.Exists)
            {
                return [ReadResult.Failure(path, ReadFailureKind.NotFound, DossierErrors.NotFound)];
            }

            if (info.Length > options.MaxBytes)
            {
                return [ReadResult.Failure(path, ReadFailureKind.TooLarge, DossierErrors.TooLarge(info.Length, options.MaxBytes))];
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

        var decoded = TextDecoder.Decode(bytes);
        if (decoded.Text is null)
        {
            return [ReadResult.Failure(path, ReadFailureKind.Undecodable, decoded.Error!)];
        }

        var kind = SourceKinds.FromExtension(path) ?? SourceKinds.Sniff(decoded.Text);
        return ContentReader.Read(path, decoded.Text, kind, new Uri(Path.GetFullPath(path)).AbsoluteUri, options);
    }

    internal static string OneLine(string message) => message.ReplaceLineEndings(" ").Trim();
}
