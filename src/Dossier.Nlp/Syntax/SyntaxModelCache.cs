using System.Buffers.Binary;
using System.IO.MemoryMappedFiles;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
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
/// a magic header, the version and that hash, and ends with a checksum of everything before it (checked before anything is
/// used, so every page is read once), its length and an end marker; the blocks are 64-byte aligned. It is written to a
/// temporary file and renamed into place, so a half-written file is never read, and a mapped file is never rewritten. A missing,
/// stale (another hash), truncated or corrupt file is rebuilt from the model files, never trusted; a cache folder that
/// cannot be written costs nothing but the build in memory. The lemmatizer (a few kilobytes) is always read from its file.
/// </para>
/// </summary>
internal static class SyntaxModelCache
{
    /// <summary>The layout's format: raised whenever <see cref="LinearModel"/>'s layout or this file's shape changes.</summary>
    public const int LayoutVersion = 1;

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

            var checksum = new Checksum();
            checksum.Add(bytes[..end]);
            if (BinaryPrimitives.ReadUInt64LittleEndian(trailer) != checksum.Value) return Release(view);
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
            var checksum = new Checksum();
            using (var file = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16))
            {
                Span<byte> prefix = stackalloc byte[PrefixLength];
                Magic.CopyTo(prefix);
                BinaryPrimitives.WriteInt32LittleEndian(prefix[Magic.Length..], LayoutVersion);
                hash.CopyTo(prefix.Slice(Magic.Length + 4, 32));
                BinaryPrimitives.WriteInt32LittleEndian(prefix[^4..], (int)headerBuffer.Length);
                file.Write(prefix);
                checksum.Add(prefix);
                var header = headerBuffer.GetBuffer().AsSpan(0, (int)headerBuffer.Length);
                file.Write(header);
                checksum.Add(header);
                var zeros = new byte[Alignment];
                void Block(ReadOnlySpan<byte> bytes)
                {
                    var padding = (int)(Align(file.Position) - file.Position);
                    file.Write(zeros, 0, padding);
                    checksum.Add(zeros.AsSpan(0, padding));
                    file.Write(bytes);
                    checksum.Add(bytes);
                }

                using (var sizes = new BinaryWriter(Stream.Null))
                {
                    WriteTagger(sizes, model.Tagger, Block);
                    model.Parser.Model.WriteLayout(sizes, Block);
                }

                var last = (int)(Align(file.Position) - file.Position);
                file.Write(zeros, 0, last);
                checksum.Add(zeros.AsSpan(0, last));
                Span<byte> trailer = stackalloc byte[TrailerLength];
                BinaryPrimitives.WriteUInt64LittleEndian(trailer, checksum.Value);
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

    /// <summary>
    /// A fast checksum of the bytes given, in order, however they are cut into calls (not cryptographic: it finds truncation
    /// and damage, not forgery): two running sums of 64-bit words in four lanes (the second sums the first, so order
    /// counts), the last words padded with zeros, the total length mixed in.
    /// </summary>
    internal sealed class Checksum
    {
        private Vector256<ulong> _a = Vector256<ulong>.Zero;
        private Vector256<ulong> _b = Vector256<ulong>.Zero;
        private readonly byte[] _pending = new byte[32];
        private int _pendingLength;
        private long _length;

        public void Add(ReadOnlySpan<byte> bytes)
        {
            _length += bytes.Length;
            if (_pendingLength > 0)
            {
                var take = Math.Min(32 - _pendingLength, bytes.Length);
                bytes[..take].CopyTo(_pending.AsSpan(_pendingLength));
                _pendingLength += take;
                bytes = bytes[take..];
                if (_pendingLength < 32) return;
                Sum(_pending);
                _pendingLength = 0;
            }

            var whole = bytes.Length & ~31;
            Sum(bytes[..whole]);
            bytes[whole..].CopyTo(_pending);
            _pendingLength = bytes.Length - whole;
        }

        /// <summary>Adds whole 32-byte words.</summary>
        private void Sum(ReadOnlySpan<byte> words)
        {
            var a = _a;
            var b = _b;
            ref var start = ref Unsafe.As<byte, ulong>(ref MemoryMarshal.GetReference(words));
            var count = (nuint)(words.Length / 8);
            for (nuint i = 0; i < count; i += 4)
            {
                a += Vector256.LoadUnsafe(ref start, i);
                b += a;
            }

            _a = a;
            _b = b;
        }

        public ulong Value
        {
            get
            {
                var a = _a;
                var b = _b;
                if (_pendingLength > 0)
                {
                    Span<ulong> last = stackalloc ulong[4];
                    last.Clear();
                    _pending.AsSpan(0, _pendingLength).CopyTo(MemoryMarshal.AsBytes(last));
                    a += Vector256.Create((ReadOnlySpan<ulong>)last);
                    b += a;
                }

                var h = (ulong)_length * 0x9E3779B97F4A7C15UL;
                for (var i = 0; i < 4; i++)
                {
                    h = Mix(h ^ a[i]);
                    h = Mix(h ^ b[i]);
                }

                return h;
            }
        }

        private static ulong Mix(ulong x)
        {
            x ^= x >> 33;
            x *= 0xFF51AFD7ED558CCDUL;
            x ^= x >> 33;
            x *= 0xC4CEB9FE1A85EC53UL;
            return x ^ (x >> 33);
        }
    }
}
