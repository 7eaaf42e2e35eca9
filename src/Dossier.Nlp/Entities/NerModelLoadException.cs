using Dossier.Core.Errors;

namespace Dossier.Nlp.Entities;

/// <summary>
/// A named-entity model file (the tagger or the gazetteer under <c>models/ner/</c>) is missing,
/// truncated, corrupt or of an unknown version. The message names the file and says how to rebuild it.
/// </summary>
public sealed class NerModelLoadException : ModelFileException
{
    /// <summary>The command that rebuilds the named-entity model.</summary>
    public const string RebuildHint = "run `dossier train ner --data ../shared/data --out models/`";

    public NerModelLoadException(string path, string reason, Exception? inner = null)
        : base(path, $"{path}: {reason}. To rebuild the named-entity model, {RebuildHint}", inner)
    {
    }
}
