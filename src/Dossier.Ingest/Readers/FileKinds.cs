using System.Runtime.InteropServices;

namespace Dossier.Ingest.Readers;

/// <summary>
/// Tells a regular file from the other things a path can name on Unix (a FIFO, a socket, a device), without opening
/// it: opening a FIFO for reading waits for a writer, so it must never be opened. .NET exposes no file type, so this
/// asks the runtime's own native shim (<c>SystemNative_Stat</c>, which follows links as reading does); where that is
/// not available the path is taken for a regular file, as before.
/// </summary>
internal static partial class FileKinds
{
    private const int FileTypeMask = 0xF000;
    private const int Fifo = 0x1000;
    private const int CharacterDevice = 0x2000;
    private const int Directory = 0x4000;
    private const int BlockDevice = 0x6000;
    private const int Regular = 0x8000;
    private const int Socket = 0xC000;

    /// <summary>What the path names when it is not a regular file ("a FIFO", "a socket", "a device"); null for a
    /// regular file, a directory, or when the type cannot be told.</summary>
    public static string? NotRegular(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            return null;
        }

        int mode;
        try
        {
            // The shim's FileStatus starts with two 32-bit fields, Flags and Mode; the buffer is larger than the struct.
            var status = new byte[512];
            if (Stat(path, status) != 0)
            {
                return null;
            }

            mode = BitConverter.ToInt32(status, 4);
        }
        catch (Exception ex) when (ex is DllNotFoundException or EntryPointNotFoundException)
        {
            return null;
        }

        return (mode & FileTypeMask) switch
        {
            Regular or Directory => null,
            Fifo => "a FIFO",
            Socket => "a socket",
            CharacterDevice or BlockDevice => "a device",
            _ => null,
        };
    }

    [DllImport("libSystem.Native", EntryPoint = "SystemNative_Stat", SetLastError = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int Stat([MarshalAs(UnmanagedType.LPUTF8Str)] string path, [Out] byte[] status);
}
