using Dossier.Core.Errors;

namespace Dossier.Nlp.Syntax;

/// <summary>
/// A syntax model file is missing, truncated, corrupt or of an unknown version. The message names
/// the file and says how to rebuild the models.
/// </summary>
public sealed class ModelLoadException : ModelFileException
{
    /// <summary>The command that rebuilds the syntax models.</summary>
    public const string RebuildHint = "run `dossier train syntax --data ../shared/data --out models/`";

    public ModelLoadException(string path, string reason, Exception? inner = null)
        : base(path, $"{path}: {reason}. To rebuild the syntax models, {RebuildHint}", inner)
    {
    }
}
