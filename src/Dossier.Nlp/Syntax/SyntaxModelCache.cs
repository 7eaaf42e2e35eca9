using System.Buffers.Binary;
using System.IO.Hashing;
using System.IO.MemoryMappedFiles;
using System.Security.Cryptography;
using System.Text;

namespace Dossier.Nlp.Syntax;

/// <summary>
/// The tagger's and parser's in-memory layout (feature tables, sparse pools, dense rows), written once into a cache file
/// and memory-mapped at the next start (the models score straight from the mapped blocks) instead of being built again
/// from the compressed model files: the largest part of a cold start (docs/evaluation.md, "Issue 15: the syntax layout
/// memory-mapped from a cache"). Mapping was chosen over reading the blocks into arrays by measurement: the copy into
/// fresh memory cost more than half of that load.
/// <para>
/// A cache file is named after the SHA-256 of the tagger and parser files and <see cref="LayoutVersion"/>; it starts with
/// a magic header, the version and that hash, and ends with a checksum of everything before it (XXH3, System.IO.Hashing) (checked before anything is
/// used, so every page is read once), its length and an end marker; the blocks are 64-byte aligned. It is written to a
/// temporary file and renamed into place, so a half-written file is never read, and a mapped file is never rewritten. A missing,
/// stale (another hash), truncated or corrupt file is rebuilt from the model files, never trusted; a cache folder that
/// cannot be written costs nothing but the build in memory. The lemmatizer (a few kilobytes) is always read from its file.
/// </para>
/// </summary>
internal static class SyntaxModelCache
{
    /// <summary>The layout's format: raised whenever <see cref="LinearModel"/>'s layout or this file's shape changes.</summary>
    public const int LayoutVersion = 2; // 2: the checksum is XXH3 (System.IO.Hashing)

    private const uint EndMarker = 0x454E4421; // "!DNE"
    private static readonly byte[] Magic = Encoding.ASCII.GetBytes("DOSSIER-SYNTAX-LAYOUT\n");

    /// <summary>
    /// The folder of the cache: <c>DOSSIER_CACHE_DIR</c> when set, else <c>$XDG_CACHE_HOME/dossier</c>, else
    /// <c>~/.cache/dossier</c> (on Windows <c>%LOCALAPPDATA%\Dossier\cache</c>); null when none can be named, or when
    /// <c>DOSSIER_CACHE_DIR</c> is <c>off</c> (no cache: the layout is built in memory at every start).
    /// </summary>
    public static string? DefaultDirectory
    {
        get
        {
            var configured = Environment.GetEnvironmentVariable("DOSSIER_CACHE_DIR");
            if (!string.IsNullOrEmpty(configured))
            {
                return configured.Equals("off", StringComparison.OrdinalIgnoreCase) ? null : configured;
            }

            if (OperatingSystem.IsWindows())
            {
                var local = Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData);
                return string.IsNullOrEmpty(local) ? null : Path.Combine(local, "Dossier", "cache");
            }

            var xdg = Environment.GetEnvironmentVariable("XDG_CACHE_HOME");
            if (!string.IsNullOrEmpty(xdg) && Path.IsPathRooted(xdg)) return Path.Combine(xdg, "dossier");
            var home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
            return string.IsNullOrEmpty(home) ? null : Path.Combine(home, ".cache", "dossier");
        }
    }

    /// <summary>The cache file for the models of <paramref name="modelDirectory"/> in <paramref name="cacheDirectory"/>, with their hash.</summary>
    public static (string Path, byte[] Hash) Locate(string modelDirectory, string cacheDirectory)
    {
        var hash = HashModels(modelDirectory);
        return (Path.Combine(cacheDirectory, $"syntax-v{LayoutVersion}-{Convert.ToHexStringLower(hash)}.bin"), hash);
    }

    /// <summary>
    /// The model of <paramref name="modelDirectory"/>: its layout read from the cache in <paramref name="cacheDirectory"/>
    /// when a valid file is there, else loaded from the model files and its layout written to the cache (when it can be).
    /// </summary>
    /// <exception cref="ModelLoadException">A model file is missing, corrupt or of another format version (as <see cref="SyntaxModel.Load(string)"/>).</exception>
    public static SyntaxModel Load(string modelDirectory, string cacheDirectory)
    {
        string path;
        byte[] hash;
        try
        {
            (path, hash) = Locate(modelDirectory, cacheDirectory);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            return SyntaxModel.Load(modelDirectory); // a model file missing or unreadable: that load names it
        }

        if (TryRead(path, hash, modelDirectory) is { } cached) return cached;
        var model = SyntaxModel.Load(modelDirectory);
        TryWrite(model, path, hash);
        return model;
    }

    /// <summary>SHA-256 of the tagger file then the parser file (the files the cached layout is built from).</summary>
    private static byte[] HashModels(string modelDirectory)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = new byte[1 << 16];
        foreach (var name in (ReadOnlySpan<string>)[SyntaxModel.TaggerFileName, SyntaxModel.ParserFileName])
        {
            using var file = new FileStream(Path.Combine(modelDirectory, name), FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
            sha.AppendData(BitConverter.GetBytes(file.Length));
            int read;
            while ((read = file.Read(buffer)) > 0) sha.AppendData(buffer, 0, read);
        }

        return sha.GetHashAndReset();
    }

    /// <summary>The cached model at <paramref name="path"/>, or null when the file is missing, stale, truncated or corrupt.</summary>
    internal static SyntaxModel? TryRead(string path, byte[] hash, string modelDirectory)
    {
        MemoryMappedViewAccessor? view = null;
        try
        {
            long length;
            using (var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1))
            {
                length = file.Length;
                if (length < PrefixLength + TrailerLength || length > int.MaxValue) return null;
                using var map = MemoryMappedFile.CreateFromFile(file, null, 0, MemoryMappedFileAccess.Read, HandleInheritability.None, leaveOpen: true);
                view = map.CreateViewAccessor(0, length, MemoryMappedFileAccess.Read);
            }

            var at = Address(view);
            var bytes = Mapped(at, (int)length);
            var prefix = bytes[..PrefixLength];
            if (!prefix[..Magic.Length].SequenceEqual(Magic)
                || BinaryPrimitives.ReadInt32LittleEndian(prefix[Magic.Length..]) != LayoutVersion
                || !prefix.Slice(Magic.Length + 4, 32).SequenceEqual(hash))
            {
                return Release(view);
            }

            // The trailer first: the checksum of every byte before it (all of the file is read once, here), its length, the end marker.
            var end = (int)length - TrailerLength;
            var trailer = bytes[end..];
            if (BinaryPrimitives.ReadInt64LittleEndian(trailer[8..]) != length || BinaryPrimitives.ReadUInt32LittleEndian(trailer[16..]) != EndMarker)
            {
                return Release(view);
            }

            var checksum = new XxHash3();
            checksum.Append(bytes[..end]);
            if (BinaryPrimitives.ReadUInt64LittleEndian(trailer) != checksum.GetCurrentHashAsUInt64()) return Release(view);
            var headerLength = BinaryPrimitives.ReadInt32LittleEndian(prefix[^4..]);
            if (headerLength <= 0 || headerLength > end - PrefixLength) return Release(view);
            long position = PrefixLength + headerLength;
            nint Block(long size)
            {
                var start = Align(position);
                if (size < 0 || start + size > end) throw new InvalidDataException("a block runs past the end of the file");
                position = start + size;
                return at + (nint)start;
            }

            // The rows of a cached model (for Write, SameAs) come from the model files, loaded once when first asked for.
            var text = new Lazy<SyntaxModel>(() => SyntaxModel.Load(modelDirectory), LazyThreadSafetyMode.ExecutionAndPublication);
            using var reader = new BinaryReader(new MemoryStream(bytes.Slice(PrefixLength, headerLength).ToArray()), Encoding.UTF8);
            var tagger = ReadTagger(reader, Block, view, () => text.Value.Tagger);
            var labels = ModelFile.ReadStrings(reader);
            var parserModel = LinearModel.ReadLayout(reader, Block, view, () => text.Value.Parser.Model);
            if (reader.BaseStream.Position != headerLength || Align(position) != end) return Release(view);
            var lemmatizer = ModelFile.Read(Path.Combine(modelDirectory, SyntaxModel.LemmatizerFileName), Lemmatizer.Kind, Lemmatizer.Read);
            var model = new SyntaxModel(tagger, lemmatizer, new DependencyParser(labels, parserModel));
            view = null; // now the models' to keep mapped
            return model;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidDataException or FormatException
                                      or ArgumentException or OverflowException or IndexOutOfRangeException or OutOfMemoryException
                                      or DecoderFallbackException or NotSupportedException)
        {
            return null; // missing, truncated or corrupt: rebuilt from the model files
        }
        finally
        {
            view?.Dispose();
        }
    }

    private const int PrefixLength = 22 + 4 + 32 + 4; // magic, version, hash, header length
    private const int TrailerLength = 8 + 8 + 4;      // checksum, file length, end marker
    private const int Alignment = 64;

    private static long Align(long position) => (position + Alignment - 1) & ~(long)(Alignment - 1);

    private static SyntaxModel? Release(MemoryMappedViewAccessor view)
    {
        view.Dispose();
        return null;
    }

    private static unsafe nint Address(MemoryMappedViewAccessor view)
    {
        byte* pointer = null;
        view.SafeMemoryMappedViewHandle.AcquirePointer(ref pointer);
        try
        {
            return (nint)(pointer + view.PointerOffset);
        }
        finally
        {
            view.SafeMemoryMappedViewHandle.ReleasePointer(); // the view itself keeps the mapping until it is disposed or collected
        }
    }

    private static unsafe ReadOnlySpan<byte> Mapped(nint address, int length) => new((void*)address, length);

    private static PosTagger ReadTagger(BinaryReader reader, Func<long, nint> block, object owner, Func<PosTagger> source)
    {
        var tags = ModelFile.ReadStrings(reader);
        var lexicon = TagLexicon.Read(reader);
        var model = LinearModel.ReadLayout(reader, block, owner, () => source().Model);
        var first = reader.ReadBoolean() ? ReadTagger(reader, block, owner, () => source().First ?? throw new InvalidDataException("the model file has no first-pass tagger")) : null;
        return new PosTagger(tags, lexicon, model, first);
    }

    private static void WriteTagger(BinaryWriter header, PosTagger tagger, Action<ReadOnlySpan<byte>> block)
    {
        ModelFile.WriteStrings(header, tagger.Tags);
        tagger.Lexicon.Write(header);
        tagger.Model.WriteLayout(header, block);
        header.Write(tagger.First is not null);
        if (tagger.First is not null) WriteTagger(header, tagger.First, block);
    }

    /// <summary>Writes the layout of <paramref name="model"/> to <paramref name="path"/> (a temporary file renamed into place); false when it cannot.</summary>
    internal static bool TryWrite(SyntaxModel model, string path, byte[] hash)
    {
        for (var t = model.Tagger; t is not null; t = t.First)
        {
            if (!t.Model.HasFileLayout) return false;
        }

        if (!model.Parser.Model.HasFileLayout) return false;
        string? temp = null;
        try
        {
            var blocks = new List<byte[]>();
            var headerBuffer = new MemoryStream();
            using (var header = new BinaryWriter(headerBuffer, Encoding.UTF8, leaveOpen: true))
            {
                // The blocks are written after the header: collected here as references to the model's own arrays.
                WriteTagger(header, model.Tagger, _ => { });
                ModelFile.WriteStrings(header, model.Parser.Labels);
                model.Parser.Model.WriteLayout(header, _ => { });
            }

            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
            temp = $"{path}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp";
            var checksum = new XxHash3();
            using (var file = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16))
            {
                Span<byte> prefix = stackalloc byte[PrefixLength];
                Magic.CopyTo(prefix);
                BinaryPrimitives.WriteInt32LittleEndian(prefix[Magic.Length..], LayoutVersion);
                hash.CopyTo(prefix.Slice(Magic.Length + 4, 32));
                BinaryPrimitives.WriteInt32LittleEndian(prefix[^4..], (int)headerBuffer.Length);
                file.Write(prefix);
                checksum.Append(prefix);
                var header = headerBuffer.GetBuffer().AsSpan(0, (int)headerBuffer.Length);
                file.Write(header);
                checksum.Append(header);
                var zeros = new byte[Alignment];
                void Block(ReadOnlySpan<byte> bytes)
                {
                    var padding = (int)(Align(file.Position) - file.Position);
                    file.Write(zeros, 0, padding);
                    checksum.Append(zeros.AsSpan(0, padding));
                    file.Write(bytes);
                    checksum.Append(bytes);
                }

                using (var sizes = new BinaryWriter(Stream.Null))
                {
                    WriteTagger(sizes, model.Tagger, Block);
                    model.Parser.Model.WriteLayout(sizes, Block);
                }

                var last = (int)(Align(file.Position) - file.Position);
                file.Write(zeros, 0, last);
                checksum.Append(zeros.AsSpan(0, last));
                Span<byte> trailer = stackalloc byte[TrailerLength];
                BinaryPrimitives.WriteUInt64LittleEndian(trailer, checksum.GetCurrentHashAsUInt64());
                BinaryPrimitives.WriteInt64LittleEndian(trailer[8..], file.Position + trailer.Length);
                BinaryPrimitives.WriteUInt32LittleEndian(trailer[16..], EndMarker);
                file.Write(trailer);
            }

            File.Move(temp, path, overwrite: true);
            temp = null;
            RemoveStale(path);
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            return false; // an unwritable cache folder: the model built in memory serves this run
        }
        finally
        {
            if (temp is not null)
            {
                try
                {
                    File.Delete(temp);
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    // nothing left to do
                }
            }
        }
    }

    /// <summary>Deletes the other syntax layouts of the cache folder (of former models or versions) older than a day.</summary>
    private static void RemoveStale(string kept)
    {
        var directory = Path.GetDirectoryName(kept)!;
        foreach (var other in Directory.EnumerateFiles(directory, "syntax-v*.bin"))
        {
            if (other == kept || File.GetLastWriteTimeUtc(other) > DateTime.UtcNow.AddDays(-1)) continue;
            try
            {
                File.Delete(other);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // another process may be reading it
            }
        }
    }
}
