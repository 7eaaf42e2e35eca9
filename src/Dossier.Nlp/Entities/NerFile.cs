using System.IO.Compression;
using System.Text;

namespace Dossier.Nlp.Entities;

/// <summary>
/// The container of the named-entity model file, in the same layout as the syntax models: GZip of
/// <c>"DOSSIER-NER" magic, format version, model kind, payload, end marker</c>.
/// </summary>
internal static class NerFile
{
    public const int FormatVersion = 1;
    private static readonly byte[] Magic = "DOSSIER-NER\n"u8.ToArray();
    private const uint EndMarker = 0x454E4421; // "!DNE"

    public static void Write(string path, string kind, Action<BinaryWriter> payload)
    {
        using var buffer = new MemoryStream();
        using (var writer = new BinaryWriter(buffer, Encoding.UTF8, leaveOpen: true))
        {
            writer.Write(Magic);
            writer.Write(FormatVersion);
            writer.Write(kind);
            payload(writer);
            writer.Write(EndMarker);
        }

        var directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (!string.IsNullOrEmpty(directory)) Directory.CreateDirectory(directory);
        var temp = path + ".tmp";
        using (var file = new FileStream(temp, FileMode.Create, FileAccess.Write, FileShare.None))
        using (var gzip = new GZipStream(file, CompressionLevel.SmallestSize))
        {
            buffer.Position = 0;
            buffer.CopyTo(gzip);
        }

        File.Move(temp, path, overwrite: true);
    }

    public static T Read<T>(string path, string kind, Func<BinaryReader, T> payload)
    {
        if (!File.Exists(path)) throw new NerModelLoadException(path, "the model file does not exist");
        try
        {
            using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
            using var gzip = new GZipStream(file, CompressionMode.Decompress);
            using var buffered = new BufferedStream(gzip, 1 << 16);
            using var reader = new BinaryReader(buffered, Encoding.UTF8);
            var magic = reader.ReadBytes(Magic.Length);
            if (!magic.AsSpan().SequenceEqual(Magic)) throw new NerModelLoadException(path, "not a Dossier named-entity model (bad magic header)");
            var version = reader.ReadInt32();
            if (version != FormatVersion) throw new NerModelLoadException(path, $"model format version {version} is not supported (expected {FormatVersion})");
            var actualKind = reader.ReadString();
            if (actualKind != kind) throw new NerModelLoadException(path, $"holds a {actualKind} model, expected {kind}");
            var result = payload(reader);
            if (reader.ReadUInt32() != EndMarker) throw new NerModelLoadException(path, "the model file is corrupt (end marker missing)");
            return result;
        }
        catch (NerModelLoadException)
        {
            throw;
        }
        catch (Exception e) when (e is InvalidDataException or EndOfStreamException or IOException or FormatException
                                      or ArgumentException or OverflowException or IndexOutOfRangeException or OutOfMemoryException or DecoderFallbackException)
        {
            throw new NerModelLoadException(path, $"the model file is corrupt or truncated ({e.Message})", e);
        }
    }
}
