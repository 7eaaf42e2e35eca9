using System.Buffers.Binary;
using System.IO.Hashing;
using System.IO.MemoryMappedFiles;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text;

namespace Dossier.Nlp.Models;

/// <summary>
/// The cache folder's files, shared by every model that keeps a ready-built form of itself there (the syntax layout,
/// <see cref="Syntax.SyntaxModelCache"/>; the names model; the places gazetteer; the actors): issue 15, cold start
/// (docs/evaluation.md, "speed9" and "speed10").
/// <para>
/// A cache file is named <c>{kind}-v{version}-{SHA-256 of its source files}.bin</c>; it starts with a magic header
/// (<c>DOSSIER-{KIND}-LAYOUT\n</c>), the layout version, that hash and the length of the header block, and ends with a
/// checksum (XXH3) of everything before it, its length and an end marker; the blocks after the header are 64-byte
/// aligned. It is written to a temporary file and renamed into place, so a half-written file is never read, and a
/// mapped file is never rewritten. <see cref="TryOpen"/> maps the file read-only and checks all of it before anything is
/// used: a missing, stale (another hash or version), truncated or corrupt file is refused (the caller rebuilds it from
/// its sources), never trusted; <see cref="TryWrite"/> reports a cache folder that cannot be written as false, never
/// as an error. <c>DOSSIER_CACHE_DIR=off</c> turns every cache off.
/// </para>
/// </summary>
public static class ModelCache
{
    internal const uint EndMarker = 0x454E4421; // "!DNE"
    internal const int TrailerLength = 8 + 8 + 4; // checksum, file length, end marker
    internal const int Alignment = 64;

    /// <summary>
    /// The folder of the cache: <c>DOSSIER_CACHE_DIR</c> when set, else <c>$XDG_CACHE_HOME/dossier</c>, else
    /// <c>~/.cache/dossier</c> (on Windows <c>%LOCALAPPDATA%\Dossier\cache</c>); null when none can be named, or when
    /// <c>DOSSIER_CACHE_DIR</c> is <c>off</c> (no cache: the models are built in memory at every start).
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

    /// <summary>
    /// What <paramref name="sources"/> hold, through the cache of <paramref name="kind"/> in <paramref name="cacheDirectory"/>:
    /// read by <paramref name="tryRead"/> from a valid cache file, else built by <paramref name="build"/> and written by
    /// <paramref name="write"/> (which gives up quietly when the folder cannot be written). A source that is missing or
    /// unreadable is left to <paramref name="build"/>, whose error names it.
    /// </summary>
    /// <param name="tryRead">The cached form at a path for a hash, or null when it is missing, stale or damaged.</param>
    public static T Load<T>(string cacheDirectory, string kind, int version, IReadOnlyList<string> sources,
        Func<string, byte[], T?> tryRead, Func<T> build, Action<T, string, byte[]> write)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(tryRead);
        ArgumentNullException.ThrowIfNull(build);
        ArgumentNullException.ThrowIfNull(write);
        string path;
        byte[] hash;
        try
        {
            hash = HashFiles(sources);
            path = PathOf(cacheDirectory, kind, version, hash);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            return build(); // a source missing or unreadable: the build names it
        }

        if (tryRead(path, hash) is { } cached) return cached;
        var built = build();
        write(built, path, hash);
        return built;
    }

    /// <summary>SHA-256 of the files in order, each preceded by its length (the files a cached form is built from).</summary>
    /// <exception cref="IOException">A file is missing or unreadable (also <see cref="UnauthorizedAccessException"/>).</exception>
    public static byte[] HashFiles(IEnumerable<string> paths)
    {
        ArgumentNullException.ThrowIfNull(paths);
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = new byte[1 << 16];
        foreach (var path in paths)
        {
            using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
            sha.AppendData(BitConverter.GetBytes(file.Length));
            int read;
            while ((read = file.Read(buffer)) > 0) sha.AppendData(buffer, 0, read);
        }

        return sha.GetHashAndReset();
    }

    /// <summary>
    /// The cache file of <paramref name="kind"/> (lower-case letters) at <paramref name="version"/> for the sources of
    /// <paramref name="hash"/>, in <paramref name="cacheDirectory"/>.
    /// </summary>
    public static string PathOf(string cacheDirectory, string kind, int version, byte[] hash) =>
        Path.Combine(cacheDirectory, $"{kind}-v{version}-{Convert.ToHexStringLower(hash)}.bin");

    /// <summary>The magic header of a kind's files.</summary>
    internal static byte[] Magic(string kind) => Encoding.ASCII.GetBytes($"DOSSIER-{kind.ToUpperInvariant()}-LAYOUT\n");

    internal static int PrefixLength(string kind) => Magic(kind).Length + 4 + 32 + 4; // magic, version, hash, header length

    internal static long Align(long position) => (position + Alignment - 1) & ~(long)(Alignment - 1);

    /// <summary>
    /// The cache file at <paramref name="path"/>, mapped and checked (magic, version, hash, length, end marker, checksum),
    /// or null when it is missing, stale, truncated or corrupt.
    /// </summary>
    public static ModelCacheFile? TryOpen(string path, string kind, int version, byte[] hash)
    {
        MemoryMappedViewAccessor? view = null;
        try
        {
            var magic = Magic(kind);
            var prefixLength = PrefixLength(kind);
            long length;
            using (var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1))
            {
                length = file.Length;
                if (length < prefixLength + TrailerLength || length > int.MaxValue) return null;
                using var map = MemoryMappedFile.CreateFromFile(file, null, 0, MemoryMappedFileAccess.Read, HandleInheritability.None, leaveOpen: true);
                view = map.CreateViewAccessor(0, length, MemoryMappedFileAccess.Read);
            }

            var at = Address(view);
            var bytes = ModelCacheFile.Mapped(at, (int)length);
            var prefix = bytes[..prefixLength];
            if (!prefix[..magic.Length].SequenceEqual(magic)
                || BinaryPrimitives.ReadInt32LittleEndian(prefix[magic.Length..]) != version
                || !prefix.Slice(magic.Length + 4, 32).SequenceEqual(hash))
            {
                return null;
            }

            // The trailer first: the checksum of every byte before it (all of the file is read once, here), its length, the end marker.
            var end = (int)length - TrailerLength;
            var trailer = bytes[end..];
            if (BinaryPrimitives.ReadInt64LittleEndian(trailer[8..]) != length || BinaryPrimitives.ReadUInt32LittleEndian(trailer[16..]) != EndMarker) return null;
            var checksum = new XxHash3();
            checksum.Append(bytes[..end]);
            if (BinaryPrimitives.ReadUInt64LittleEndian(trailer) != checksum.GetCurrentHashAsUInt64()) return null;
            var headerLength = BinaryPrimitives.ReadInt32LittleEndian(prefix[^4..]);
            if (headerLength <= 0 || headerLength > end - prefixLength) return null;
            var opened = new ModelCacheFile(view, at, prefixLength, headerLength, end);
            view = null; // the file's now
            return opened;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            return null; // missing or unreadable: rebuilt from the sources
        }
        finally
        {
            view?.Dispose();
        }
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

    /// <summary>
    /// Writes a cache file to <paramref name="path"/> (a temporary file renamed into place), then deletes the kind's other
    /// files older than a day; false when the folder cannot be written. <paramref name="write"/> is called twice: first to
    /// write the header (its block callback ignored), then with a header writer that goes nowhere and a block callback
    /// that writes each block, 64-byte aligned, after the header: both calls must write the same header and blocks.
    /// </summary>
    public static bool TryWrite(string path, string kind, int version, byte[] hash, Action<BinaryWriter, Action<ReadOnlySpan<byte>>> write)
    {
        ArgumentNullException.ThrowIfNull(write);
        string? temp = null;
        try
        {
            var headerBuffer = new MemoryStream();
            using (var header = new BinaryWriter(headerBuffer, Encoding.UTF8, leaveOpen: true))
            {
                write(header, _ => { });
            }

            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
            temp = $"{path}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp";
            var checksum = new XxHash3();
            var magic = Magic(kind);
            using (var file = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16))
            {
                Span<byte> prefix = stackalloc byte[PrefixLength(kind)];
                magic.CopyTo(prefix);
                BinaryPrimitives.WriteInt32LittleEndian(prefix[magic.Length..], version);
                hash.CopyTo(prefix.Slice(magic.Length + 4, 32));
                BinaryPrimitives.WriteInt32LittleEndian(prefix[^4..], (int)headerBuffer.Length);
                file.Write(prefix);
                checksum.Append(prefix);
                var headerBytes = headerBuffer.GetBuffer().AsSpan(0, (int)headerBuffer.Length);
                file.Write(headerBytes);
                checksum.Append(headerBytes);
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
                    write(sizes, Block);
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
            RemoveStale(path, kind);
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

    /// <summary>Deletes the kind's other files in the cache folder (of former sources or versions) older than a day.</summary>
    private static void RemoveStale(string kept, string kind)
    {
        var directory = Path.GetDirectoryName(kept)!;
        foreach (var other in Directory.EnumerateFiles(directory, $"{kind}-v*.bin"))
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

/// <summary>
/// A cache file mapped and checked by <see cref="ModelCache.TryOpen"/>: its header block (read with <see cref="Header"/>)
/// and the aligned blocks after it (<see cref="Block"/>, in the order they were written). Disposing it unmaps the file
/// unless <see cref="Keep"/> gave the mapping to the model that scores from it.
/// </summary>
public sealed class ModelCacheFile : IDisposable
{
    private readonly MemoryMappedViewAccessor _owner;
    private MemoryMappedViewAccessor? _view;
    private readonly nint _at;
    private readonly int _headerStart;
    private readonly int _headerLength;
    private readonly int _end;
    private long _position;

    internal ModelCacheFile(MemoryMappedViewAccessor view, nint at, int headerStart, int headerLength, int end)
    {
        _owner = view;
        _view = view;
        _at = at;
        _headerStart = headerStart;
        _headerLength = headerLength;
        _end = end;
        _position = headerStart + headerLength;
    }

    /// <summary>The object that keeps the mapping alive (a model holding addresses from <see cref="Block"/> keeps it).</summary>
    public object Owner => _owner;

    /// <summary>The header block, as written by <see cref="ModelCache.TryWrite"/>'s first call (valid while the file is mapped).</summary>
    public ReadOnlySpan<byte> HeaderBytes => Mapped(_at + _headerStart, _headerLength);

    /// <summary>A reader of the header block, straight from the mapped file (valid while it is mapped).</summary>
    public unsafe BinaryReader Header() =>
        new(new UnmanagedMemoryStream((byte*)(_at + _headerStart), _headerLength), Encoding.UTF8);

    /// <summary>The address of the next block of <paramref name="size"/> bytes.</summary>
    /// <exception cref="InvalidDataException">The block runs past the end of the file.</exception>
    public nint Block(long size)
    {
        var start = ModelCache.Align(_position);
        if (size < 0 || start + size > _end) throw new InvalidDataException("a block runs past the end of the file");
        _position = start + size;
        return _at + (nint)start;
    }

    /// <summary>The next block of <paramref name="size"/> bytes as a span (valid while the file is mapped).</summary>
    public ReadOnlySpan<byte> BlockBytes(int size) => Mapped(Block(size), size);

    /// <summary>The next block, read as <paramref name="count"/> 32-bit integers and copied into a new array.</summary>
    /// <exception cref="InvalidDataException">The block runs past the end of the file.</exception>
    public int[] BlockInts(int count) => MemoryMarshal.Cast<byte, int>(BlockBytes(checked(count * sizeof(int)))).ToArray();

    /// <summary>A count written in the header (<see cref="BinaryWriter.Write(int)"/>), refused when it is negative or too
    /// large to be one, so a damaged header fails the load instead of allocating.</summary>
    /// <exception cref="InvalidDataException">The count is out of range.</exception>
    public static int ReadCount(BinaryReader header)
    {
        var count = header.ReadInt32();
        return count is >= 0 and < int.MaxValue / 8 ? count : throw new InvalidDataException("a count out of range");
    }

    /// <summary>True when every block written was read (nothing is left before the trailer).</summary>
    public bool AtEnd => ModelCache.Align(_position) == _end;

    /// <summary>Leaves the file mapped after <see cref="Dispose"/>: its mapping now lives as long as <see cref="Owner"/>.</summary>
    public void Keep() => _view = null;

    /// <inheritdoc />
    public void Dispose()
    {
        _view?.Dispose();
        _view = null;
    }

    internal static unsafe ReadOnlySpan<byte> Mapped(nint address, int length) => new((void*)address, length);
}
