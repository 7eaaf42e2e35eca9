namespace Dossier.Nlp.Tests;

/// <summary>A temporary copy of a model folder's data files (or an empty folder), deleted on dispose, for tests that
/// break one file and check the lexicon's error.</summary>
internal sealed class ModelFolderCopy : IDisposable
{
    private ModelFolderCopy(string path) => FullName = path;

    /// <summary>The copy's path.</summary>
    public string FullName { get; }

    /// <summary>A copy of the <c>*.tsv</c> files of <paramref name="folder"/>.</summary>
    public static ModelFolderCopy Of(string folder)
    {
        var copy = Empty();
        foreach (var file in Directory.EnumerateFiles(folder, "*.tsv")) File.Copy(file, Path.Combine(copy.FullName, Path.GetFileName(file)));
        return copy;
    }

    /// <summary>An empty temporary folder.</summary>
    public static ModelFolderCopy Empty() => new(Directory.CreateTempSubdirectory("dossier-models-").FullName);

    public void Dispose() => Directory.Delete(FullName, recursive: true);
}
