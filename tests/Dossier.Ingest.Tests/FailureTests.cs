using Dossier.Core.Errors;

namespace Dossier.Ingest.Tests;

public sealed class FailureTests : IDisposable
{
    private readonly TestFiles _files = new();

    public void Dispose() => _files.Dispose();

    [Fact]
    public async Task Read_MissingPath_NotFoundFailure()
    {
        var path = _files.PathOf("no-such-file.txt");

        var result = await Reading.FailOneAsync(path);

        Assert.Equal(path, result.Input);
        Assert.Equal(DossierErrors.NotFound, result.Error);
        Assert.Equal($"{path}: {DossierErrors.NotFound}", result.Message);
    }

    [Fact]
    public async Task Read_EmptyFile_EmptyFailure()
    {
        var path = _files.Write("empty.txt", []);

        var result = await Reading.FailOneAsync(path);

        Assert.Equal(DossierErrors.Empty, result.Error);
    }

    [Fact]
    public async Task Read_WhitespaceOnlyFile_EmptyFailure()
    {
        var path = _files.Write("blank.txt", " \n\t\r\n  \n");

        var result = await Reading.FailOneAsync(path);

        Assert.Equal(DossierErrors.Empty, result.Error);
    }

    [Fact]
    public async Task Read_BinaryFile_BinaryFailure()
    {
        // The start of a PNG file.
        var path = _files.Write("picture.txt", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52]);

        var result = await Reading.FailOneAsync(path);

        Assert.Equal(DossierErrors.Binary, result.Error);
    }

    [Fact]
    public async Task Read_FileOverMaxBytes_TooLargeFailure()
    {
        var path = _files.Write("big.txt", new string('a', 2000));

        var result = await Reading.FailOneAsync(path, new ReadOptions { MaxBytes = 1000 });

        Assert.Equal(DossierErrors.TooLarge(2000, 1000), result.Error);
    }

    [Fact]
    public async Task Read_FileAtMaxBytes_Read()
    {
        var path = _files.Write("exact.txt", new string('a', 1000));

        var document = await Reading.ReadOneAsync(path, new ReadOptions { MaxBytes = 1000 });

        Assert.Equal(1000, document.Text.Length);
    }

    [Fact]
    public async Task Read_UnsupportedScheme_Failure()
    {
        var result = await Reading.FailOneAsync("ftp://example.com/feed.xml");

        Assert.Equal(DossierErrors.UnsupportedScheme, result.Error);
    }

    [Fact]
    public async Task Read_BlankInput_NotFoundFailure()
    {
        var result = await Reading.FailOneAsync("   ");

        Assert.Equal(DossierErrors.NotFound, result.Error);
    }

    [Fact]
    public async Task Read_CancelledToken_Throws()
    {
        var path = _files.Write("a.txt", "A\n\nBody.");
        using var cts = new CancellationTokenSource();
        await cts.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (var unused in DocumentReader.ReadAsync(path, new ReadOptions(), cts.Token))
            {
                Assert.Fail("no result expected after cancellation");
            }
        });
    }
}
