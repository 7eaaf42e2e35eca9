using System.Runtime.InteropServices;
using Dossier.Nlp.Models;

namespace Dossier.Nlp.Tests.Models;

/// <summary>The cache folder's file format, checks and writing shared by every cached model (<see cref="ModelCache"/>).</summary>
public sealed class ModelCacheTests
{
    private static readonly byte[] Hash = [.. Enumerable.Range(0, 32).Select(i => (byte)(i * 7))];

    private static readonly int[] Numbers = [3, 1, 4, 1, 5, 9, 2, 6];

    private static string TempDirectory()
    {
        var path = Path.Combine(Path.GetTempPath(), "dossier-model-cache-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(path);
        return path;
    }

    private static bool WriteSample(string path, string kind = "sample", int version = 3) =>
        ModelCache.TryWrite(path, kind, version, Hash, (header, block) =>
        {
            header.Write("a header string");
            header.Write(Numbers.Length);
            block([1, 2, 3]);
            block(MemoryMarshal.AsBytes(Numbers.AsSpan()));
        });

    /// <summary>The header and blocks of a file <see cref="WriteSample"/> wrote, or null when it is refused.</summary>
    private static (string Text, int[] Numbers, byte[] First)? ReadSample(string path, string kind = "sample", int version = 3, byte[]? hash = null)
    {
        using var file = ModelCache.TryOpen(path, kind, version, hash ?? Hash);
        if (file is null) return null;
        using var header = file.Header();
        var text = header.ReadString();
        var count = header.ReadInt32();
        Assert.Equal(header.BaseStream.Length, header.BaseStream.Position);
        var first = file.BlockBytes(3).ToArray();
        var numbers = MemoryMarshal.Cast<byte, int>(file.BlockBytes(count * sizeof(int))).ToArray();
        Assert.True(file.AtEnd);
        return (text, numbers, first);
    }

    [Fact]
    public void TryWrite_ThenTryOpen_GivesBackTheHeaderAndAlignedBlocks()
    {
        var root = TempDirectory();
        try
        {
            var path = ModelCache.PathOf(root, "sample", 3, Hash);
            Assert.Equal($"sample-v3-{Convert.ToHexStringLower(Hash)}.bin", Path.GetFileName(path));
            Assert.True(WriteSample(path));
            var read = ReadSample(path);
            Assert.NotNull(read);
            Assert.Equal("a header string", read.Value.Text);
            Assert.Equal(Numbers, read.Value.Numbers);
            Assert.Equal([1, 2, 3], read.Value.First);
            var bytes = File.ReadAllBytes(path);
            Assert.Equal(0, bytes.AsSpan().IndexOf(MemoryMarshal.AsBytes(Numbers.AsSpan())) % ModelCache.Alignment); // blocks 64-byte aligned
            Assert.Equal(0, bytes.AsSpan().IndexOf([(byte)1, (byte)2, (byte)3]) % ModelCache.Alignment);
            Assert.Equal([Path.GetFileName(path)], Directory.EnumerateFiles(root).Select(Path.GetFileName)); // no temporary file left
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [Fact]
    public void TryOpen_OtherKindVersionOrHash_RefusesTheFile()
    {
        var root = TempDirectory();
        try
        {
            var path = Path.Combine(root, "x.bin");
            Assert.True(WriteSample(path));
            Assert.Null(ReadSample(path, kind: "other"));
            Assert.Null(ReadSample(path, version: 4));
            Assert.Null(ReadSample(path, hash: [.. Hash.Select(b => (byte)(b ^ 1))]));
            Assert.Null(ReadSample(Path.Combine(root, "missing.bin")));
            Assert.NotNull(ReadSample(path));
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    public static TheoryData<string> Damage => new() { "truncated", "empty", "flipped byte in the header", "flipped byte in a block", "byte appended", "trailer cut" };

    [Theory]
    [MemberData(nameof(Damage))]
    public void TryOpen_DamagedFile_RefusesIt(string damage)
    {
        var root = TempDirectory();
        try
        {
            var path = Path.Combine(root, "x.bin");
            Assert.True(WriteSample(path));
            var good = File.ReadAllBytes(path);
            var prefix = "DOSSIER-SAMPLE-LAYOUT\n".Length + 4 + 32 + 4;
            byte[] bad = damage switch
            {
                "truncated" => good[..(good.Length / 2)],
                "empty" => [],
                "flipped byte in the header" => Flipped(good, prefix + 2),
                "flipped byte in a block" => Flipped(good, good.Length - ModelCache.TrailerLength - 40),
                "byte appended" => [.. good, 0],
                _ => good[..^1],
            };
            File.WriteAllBytes(path, bad);
            Assert.Null(ReadSample(path));
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    private static byte[] Flipped(byte[] bytes, int at)
    {
        var copy = (byte[])bytes.Clone();
        copy[at] ^= 0x10;
        return copy;
    }

    [Fact]
    public void TryWrite_FolderUnderARegularFile_ReturnsFalseAndLeavesNothing()
    {
        var root = TempDirectory();
        try
        {
            var file = Path.Combine(root, "not-a-folder");
            File.WriteAllText(file, "a file where the cache folder should be");
            Assert.False(WriteSample(Path.Combine(file, "cache", "x.bin")));
            Assert.Equal(["not-a-folder"], Directory.EnumerateFileSystemEntries(root).Select(Path.GetFileName));
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [Fact]
    public void HashFiles_SameBytes_SameHash_OtherBytesOrSplit_OtherHash()
    {
        var root = TempDirectory();
        try
        {
            string Write(string name, string text)
            {
                var path = Path.Combine(root, name);
                File.WriteAllText(path, text);
                return path;
            }

            var ab = ModelCache.HashFiles([Write("a", "ab"), Write("b", "c")]);
            Assert.Equal(ab, ModelCache.HashFiles([Write("a2", "ab"), Write("b2", "c")]));
            Assert.NotEqual(ab, ModelCache.HashFiles([Write("a3", "a"), Write("b3", "bc")])); // the lengths are hashed too
            Assert.NotEqual(ab, ModelCache.HashFiles([Write("a4", "ab"), Write("b4", "d")]));
            Assert.ThrowsAny<IOException>(() => ModelCache.HashFiles([Path.Combine(root, "missing")]));
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }
}
