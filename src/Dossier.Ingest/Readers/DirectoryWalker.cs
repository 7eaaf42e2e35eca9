namespace Dossier.Ingest.Readers;

/// <summary>
/// Lists the files under a directory, recursively, in ordinal order of their paths, leaving out
/// hidden files and directories (names starting with '.') and not following directory links.
/// </summary>
internal static class DirectoryWalker
{
    private static readonly EnumerationOptions Options = new()
    {
        IgnoreInaccessible = true,
        RecurseSubdirectories = false,
        AttributesToSkip = 0,
        ReturnSpecialDirectories = false,
    };

    public static List<string> Files(string root)
    {
        var files = new List<string>();
        Walk(root, files);
        files.Sort(StringComparer.Ordinal);
        return files;
    }

    private static void Walk(string directory, List<string> files)
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
                    Walk(path, files);
                }
            }
            else
            {
                files.Add(path);
            }
        }
    }
}
