using System.Diagnostics;
using Dossier.Core.Errors;

namespace Dossier.Ingest.Tests;

/// <summary>Issue 14, item 4: every input that was not read is a failure with a precise reason; a store's own files
/// are not documents.</summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class NonDocumentInputTests : IDisposable
{
    private readonly TestFiles _files = new();

    public void Dispose() => _files.Dispose();

    [SkippableFact]
    public async Task Read_Fifo_NotARegularFileFailureWithoutBlocking()
    {
        Skip.If(OperatingSystem.IsWindows(), "FIFOs are a Unix file type.");
        var path = _files.PathOf("pipe.txt");
        MakeFifo(path);

        // Nobody ever writes to the FIFO: opening it for reading would wait forever, so a pass proves it was not opened.
        var result = await Reading.FailOneAsync(path);

        Assert.Equal(ReadFailureKind.Unsupported, result.FailureKind);
        Assert.Equal(DossierErrors.NotRegularFile("a FIFO"), result.Error);
    }

    [SkippableFact]
    public async Task Read_DirectoryWithFifo_FifoReportedOtherFilesRead()
    {
        Skip.If(OperatingSystem.IsWindows(), "FIFOs are a Unix file type.");
        _files.Write("a.txt", "A\n\nBody a.");
        MakeFifo(_files.PathOf("b.txt"));

        var results = await Reading.ReadAllAsync(_files.Root);

        Assert.Equal(2, results.Count);
        Assert.True(results[0].Succeeded, results[0].Message);
        Assert.Equal($"{_files.PathOf("b.txt")}: {DossierErrors.NotRegularFile("a FIFO")}", results[1].Message);
    }

    [Fact]
    public async Task Read_DirectoryHoldingAStore_StoreFilesSkippedWithoutFailure()
    {
        _files.Write("report.txt", "Report\n\nBody of the report.");
        byte[] sqlite = [.. "SQLite format 3\0"u8, .. new byte[100]];
        _files.Write("dossier.db", sqlite);
        _files.Write("dossier.db-wal", [0x37, 0x7F, 0x06, 0x82, 1, 2, 3]);
        _files.Write("dossier.db-shm", new byte[64]);
        _files.Write("renamed-store.bin", sqlite);

        var results = await Reading.ReadAllAsync(_files.Root);

        var result = Assert.Single(results);
        Assert.True(result.Succeeded, result.Message);
        Assert.Equal(_files.PathOf("report.txt"), result.Input);
    }

    [Fact]
    public async Task Read_StoreOverTheSizeLimitInDirectory_SkippedNotTooLarge()
    {
        _files.Write("report.txt", "Report\n\nBody of the report.");
        _files.Write("archive.sqlite", [.. "SQLite format 3\0"u8, .. new byte[4000]]);

        var results = await Reading.ReadAllAsync(_files.Root, new ReadOptions { MaxBytes = 1000 });

        Assert.True(Assert.Single(results).Succeeded);
    }

    [Fact]
    public async Task Read_StoreGivenDirectly_FailsAsNotADocument()
    {
        var path = _files.Write("dossier.db", [.. "SQLite format 3\0"u8, .. new byte[100]]);

        var result = await Reading.FailOneAsync(path);

        Assert.Equal(DossierErrors.SqliteDatabase, result.Error);
    }

    [Fact]
    public async Task Read_DirectoryOfOnlyAStore_NoFilesFound()
    {
        _files.Write("dossier.db", [.. "SQLite format 3\0"u8, .. new byte[100]]);

        var result = await Reading.FailOneAsync(_files.Root);

        Assert.Equal(DossierErrors.EmptyDirectory, result.Error);
    }

    [SkippableFact]
    public async Task Read_UnreadableSubfolder_ReportedAsFailureOthersRead()
    {
        _files.Write("a.txt", "A\n\nBody a.");
        var locked = _files.PathOf("locked");
        _files.Write("locked/inside.txt", "Inside\n\nBody inside.");
        LockOrSkip(locked);
        try
        {
            var results = await Reading.ReadAllAsync(_files.Root);

            Assert.Equal(2, results.Count);
            Assert.True(results[0].Succeeded, results[0].Message);
            Assert.Equal(locked, results[1].Input);
            Assert.Equal(ReadFailureKind.Unreadable, results[1].FailureKind);
            Assert.StartsWith("directory could not be read (", results[1].Error, StringComparison.Ordinal);
        }
        finally
        {
            File.SetUnixFileMode(locked, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
    }

    [SkippableFact]
    public async Task Read_UnreadableDirectoryGivenDirectly_CouldNotBeReadNotNoFilesFound()
    {
        var locked = _files.PathOf("locked");
        _files.Write("locked/inside.txt", "Inside\n\nBody inside.");
        LockOrSkip(locked);
        try
        {
            var result = await Reading.FailOneAsync(locked);

            Assert.Equal(ReadFailureKind.Unreadable, result.FailureKind);
            Assert.StartsWith("could not be read (", result.Error, StringComparison.Ordinal);
        }
        finally
        {
            File.SetUnixFileMode(locked, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
    }

    /// <summary>Takes every permission from a directory, or skips when this process can list it anyway (root).</summary>
    private static void LockOrSkip(string directory)
    {
        Skip.If(OperatingSystem.IsWindows(), "Unix permissions.");
        File.SetUnixFileMode(directory, UnixFileMode.None);
        var stillReadable = true;
        try
        {
            _ = Directory.GetFileSystemEntries(directory);
        }
        catch (UnauthorizedAccessException)
        {
            stillReadable = false;
        }

        if (stillReadable)
        {
            File.SetUnixFileMode(directory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        Skip.If(stillReadable, "This process can list a directory without permissions (it runs as root); "
            + "Dossier.Cli.Tests runs the same case as an unprivileged user.");
    }

    private static void MakeFifo(string path)
    {
        using var mkfifo = Process.Start(new ProcessStartInfo("mkfifo", [path]) { UseShellExecute = false })!;
        mkfifo.WaitForExit();
        Assert.Equal(0, mkfifo.ExitCode);
    }
}
