using System.IO.Compression;
using System.Text;
using Dossier.Core.Errors;

namespace Dossier.Nlp.Models;

/// <summary>
/// The file layout every trained model of Dossier.Nlp uses: GZip of
/// <c>magic, format version, model kind, payload, end marker</c>, written atomically (a temporary
/// file moved into place). Reading checks each part and GZip's CRC, and reports any problem as the
/// model family's own <see cref="ModelFileException"/> naming the file.
/// </summary>
internal sealed class ModelContainer
{
    public const int FormatVersion = 1;
    private const uint EndMarker = 0x454E4421; // "!DNE"

    private readonly byte[] _magic;
    private readonly string _family;
    private readonly Func<string, string, Exception?, ModelFileException> _error;

    /// <param name="magic">Header that identifies the family's files, e.g. <c>DOSSIER-SYNTAX\n</c>.</param>
    /// <param name="family">Words for messages: "syntax", "named-entity".</param>
    /// <param name="error">Builds the family's exception from (path, reason, inner).</param>
    public ModelContainer(string magic, string family, Func<string, string, Exception?, ModelFileException> error)
    {
        _magic = Encoding.ASCII.GetBytes(magic);
        _family = family;
        _error = error;
    }

    public void Write(string path, string kind, Action<BinaryWriter> payload)
    {
        using var buffer = new MemoryStream();
        using (var writer = new BinaryWriter(buffer, Encoding.UTF8, leaveOpen: true))
        {
            writer.Write(_magic);
            writer.Write(FormatVersion);
            writer.Write(kind);
            payload(writer);
            writer.Write(EndMarker);
        }

        var directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }

        var temp = path + ".tmp";
        using (var file = new FileStream(temp, FileMode.Create, FileAccess.Write, FileShare.None))
        using (var gzip = new GZipStream(file, CompressionLevel.SmallestSize))
        {
            buffer.Position = 0;
            buffer.CopyTo(gzip);
        }

        File.Move(temp, path, overwrite: true);
    }

    /// <exception cref="ModelFileException">The family's subclass, when the file is missing, of another kind or version, or corrupt.</exception>
    public T Read<T>(string path, string kind, Func<BinaryReader, T> payload)
    {
        if (!File.Exists(path))
        {
            throw _error(path, "the model file does not exist", null);
        }

        try
        {
            using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
            using var gzip = new GZipStream(file, CompressionMode.Decompress);
            using var buffered = new BufferedStream(gzip, 1 << 16);
            using var reader = new BinaryReader(buffered, Encoding.UTF8);
            if (!reader.ReadBytes(_magic.Length).AsSpan().SequenceEqual(_magic))
            {
                throw _error(path, $"not a Dossier {_family} model (bad magic header)", null);
            }

            var version = reader.ReadInt32();
            if (version != FormatVersion)
            {
                throw _error(path, $"model format version {version} is not supported (expected {FormatVersion})", null);
            }

            var actualKind = reader.ReadString();
            if (actualKind != kind)
            {
                throw _error(path, $"holds a {actualKind} model, expected {kind}", null);
            }

            var result = payload(reader);
            if (reader.ReadUInt32() != EndMarker)
            {
                throw _error(path, "the model file is corrupt (end marker missing)", null);
            }

            // Reading to the end makes GZip verify its CRC; nothing may follow the end marker.
            if (buffered.ReadByte() != -1)
            {
                throw _error(path, "the model file is corrupt (data after the end marker)", null);
            }

            return result;
        }
        catch (ModelFileException)
        {
            throw;
        }
        catch (Exception e) when (e is InvalidDataException or EndOfStreamException or IOException or FormatException
                                      or ArgumentException or OverflowException or IndexOutOfRangeException or OutOfMemoryException or DecoderFallbackException)
        {
            throw _error(path, $"the model file is corrupt or truncated ({e.Message})", e);
        }
    }

    public static void WriteStrings(BinaryWriter writer, IReadOnlyList<string> items)
    {
        writer.Write(items.Count);
        foreach (var s in items)
        {
            writer.Write(s);
        }
    }

    public static string[] ReadStrings(BinaryReader reader)
    {
        var n = reader.ReadInt32();
        if (n < 0 || n > 10_000_000)
        {
            throw new InvalidDataException("bad string count");
        }

        var items = new string[n];
        for (var i = 0; i < n; i++)
        {
            items[i] = reader.ReadString();
        }

        return items;
    }
}
