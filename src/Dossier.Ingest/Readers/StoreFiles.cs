namespace Dossier.Ingest.Readers;

/// <summary>
/// A Dossier store's own files (a SQLite database and its write-ahead log, shared-memory and journal files) are not
/// documents: inside a directory they are skipped without a word, by name (<c>*.db</c>, <c>*.db-wal</c>,
/// <c>*.db-shm</c>, <c>*.db-journal</c>) or by the SQLite header; given as an input, a database is a failure.
/// </summary>
internal static class StoreFiles
{
    private static readonly string[] Suffixes = [".db", ".db-wal", ".db-shm", ".db-journal"];

    /// <summary>The first 16 bytes of every SQLite database file.</summary>
    public static ReadOnlySpan<byte> SqliteHeader => "SQLite format 3\0"u8;

    public static bool IsStoreFileName(string path)
    {
        var name = Path.GetFileName(path);
        foreach (var suffix in Suffixes)
        {
            if (name.EndsWith(suffix, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    public static bool IsSqlite(ReadOnlySpan<byte> bytes) => bytes.StartsWith(SqliteHeader);

    /// <summary>Whether a file starts with the SQLite header (read without reading the rest).</summary>
    public static bool StartsWithSqliteHeader(string path)
    {
        Span<byte> head = stackalloc byte[16];
        using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 1);
        return file.ReadAtLeast(head, head.Length, throwOnEndOfStream: false) == head.Length && IsSqlite(head);
    }
}
