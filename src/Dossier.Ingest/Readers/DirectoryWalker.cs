namespace Dossier.Ingest.Readers;

/// <summary>
/// Lists the files under a directory, recursively, in ordinal order of their paths, leaving out
/// hidden files and directories (names starting with '.'), a store's own files (<see cref="StoreFiles"/>),
/// and not following directory links. A sub-directory that cannot be listed is an entry with an error,
/// so the caller reports it; the directory itself failing to list throws.
/// </summary>
internal static class DirectoryWalker
{
    private static readonly EnumerationOptions Options = new()
    {
        IgnoreInaccessible = false,
        RecurseSubdirectories = false,
        AttributesToSkip = 0,
        ReturnSpecialDirectories = false,
    };

    /// <summary>One file to read, or a sub-directory that could not be listed (<see cref="Error"/> set).</summary>
    public readonly record struct Entry(string Path, string? Error);

    /// <exception cref="IOException">When <paramref name="root"/> itself cannot be listed.</exception>
    /// <exception cref="UnauthorizedAccessException">When <paramref name="root"/> itself may not be listed.</exception>
    public static List<Entry> Entries(string root)
    {
        var entries = new List<Entry>();
        Walk(root, entries);
        entries.Sort((a, b) => StringComparer.Ordinal.Compare(a.Path, b.Path));
        return entries;
    }

    private static void Walk(string directory, List<Entry> entries)
    {
        foreach (var entry in new DirectoryInfo(directory).EnumerateFileSystemInfos("*", Options))
        {
            if (entry.Name.StartsWith('.'))
            {
                continue;
            }

            var path = Path.Combine(directory, entry.Name);
            if (entry is DirectoryInfo)
            {
                if ((entry.Attributes & FileAttributes.ReparsePoint) == 0)
                {
                    WalkSubdirectory(path, entries);
                }
            }
            else if (!StoreFiles.IsStoreFileName(path))
            {
                entries.Add(new Entry(path, null));
            }
        }
    }

    private static void WalkSubdirectory(string directory, List<Entry> entries)
    {
        var found = new List<Entry>();
        try
        {
            Walk(directory, found);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or System.Security.SecurityException)
        {
            // What was listed before the failure is dropped with the rest: the directory is reported once, as a whole.
            entries.Add(new Entry(directory, Dossier.Core.Errors.DossierErrors.DirectoryUnreadable(FileSource.OneLine(ex.Message))));
            return;
        }

        entries.AddRange(found);
    }
}
