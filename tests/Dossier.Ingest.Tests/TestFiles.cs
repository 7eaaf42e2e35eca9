using System.Text;
using Dossier.Ingest;

namespace Dossier.Ingest.Tests;

/// <summary>A temporary directory of real files for one test, deleted afterwards.</summary>
public sealed class TestFiles : IDisposable
{
    public TestFiles()
    {
        Root = Path.Combine(Path.GetTempPath(), "dossier-ingest-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Root);
    }

    public string Root { get; }

    /// <summary>Writes UTF-8 text (no BOM) to a file under the root and returns its path.</summary>
    public string Write(string relative, string text) => Write(relative, new UTF8Encoding(false).GetBytes(text));

    public string Write(string relative, byte[] bytes)
    {
        var path = Path.Combine(Root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    public string PathOf(string relative) => Path.Combine(Root, relative);

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp directory is harmless.
        }
    }
}

internal static class Reading
{
    public static async Task<List<ReadResult>> ReadAllAsync(string pathOrUrl, ReadOptions? options = null)
    {
        var results = new List<ReadResult>();
        await foreach (var result in DocumentReader.ReadAsync(pathOrUrl, options ?? new ReadOptions()))
        {
            results.Add(result);
        }

        return results;
    }

    /// <summary>The one result of a single-document input, which must have succeeded.</summary>
    public static async Task<Dossier.Core.Documents.Document> ReadOneAsync(string pathOrUrl, ReadOptions? options = null)
    {
        var results = await ReadAllAsync(pathOrUrl, options);
        var result = Assert.Single(results);
        Assert.True(result.Succeeded, result.Message);
        return result.Document!;
    }

    /// <summary>The one result of an input that must have failed.</summary>
    public static async Task<ReadResult> FailOneAsync(string pathOrUrl, ReadOptions? options = null)
    {
        var results = await ReadAllAsync(pathOrUrl, options);
        var result = Assert.Single(results);
        Assert.False(result.Succeeded, $"expected a failure, got a document: {result.Document?.Text}");
        Assert.NotNull(result.Error);
        Assert.DoesNotContain('\n', result.Message);
        return result;
    }
}
