using Dossier.Nlp.Models;

namespace Dossier.Nlp.Entities;

/// <summary>The container of the named-entity model file (<see cref="ModelContainer"/> with the <c>DOSSIER-NER</c> header).</summary>
internal static class NerFile
{
    private static readonly ModelContainer Container = new("DOSSIER-NER\n", "named-entity", (path, reason, inner) => new NerModelLoadException(path, reason, inner));

    public static void Write(string path, string kind, Action<BinaryWriter> payload) => Container.Write(path, kind, payload);

    /// <exception cref="NerModelLoadException">When the file is missing, of another kind or version, or corrupt.</exception>
    public static T Read<T>(string path, string kind, Func<BinaryReader, T> payload) => Container.Read(path, kind, payload);
}
