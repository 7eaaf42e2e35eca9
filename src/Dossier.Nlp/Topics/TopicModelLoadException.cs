using Dossier.Core.Errors;

namespace Dossier.Nlp.Topics;

/// <summary>The topic model file (<c>models/topics/</c>) is missing, truncated, corrupt or of an unknown version. The
/// message names the file and says how to rebuild it.</summary>
public sealed class TopicModelLoadException : ModelFileException
{
    /// <summary>The command that rebuilds the topic model.</summary>
    public const string RebuildHint = "run `dossier train topics --shared ../shared --out models/`";

    public TopicModelLoadException(string path, string reason, Exception? inner = null)
        : base(path, $"{path}: {reason}. To rebuild the topic model, {RebuildHint}", inner)
    {
    }
}
