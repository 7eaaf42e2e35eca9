using Dossier.Nlp.Models;

namespace Dossier.Nlp.Syntax;

/// <summary>The container of every syntax model file (<see cref="ModelContainer"/> with the <c>DOSSIER-SYNTAX</c> header).</summary>
internal static class ModelFile
{
    private static readonly ModelContainer Container = new("DOSSIER-SYNTAX\n", "syntax", (path, reason, inner) => new ModelLoadException(path, reason, inner));

    public static void Write(string path, string kind, Action<BinaryWriter> payload) => Container.Write(path, kind, payload);

    /// <exception cref="ModelLoadException">When the file is missing, of another kind or version, or corrupt.</exception>
    public static T Read<T>(string path, string kind, Func<BinaryReader, T> payload) => Container.Read(path, kind, payload);

    public static void WriteStrings(BinaryWriter writer, IReadOnlyList<string> items) => ModelContainer.WriteStrings(writer, items);

    public static string[] ReadStrings(BinaryReader reader) => ModelContainer.ReadStrings(reader);
}
