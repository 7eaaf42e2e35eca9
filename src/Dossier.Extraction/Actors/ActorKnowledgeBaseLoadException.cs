using Dossier.Core.Data;
using Dossier.Core.Errors;

namespace Dossier.Extraction.Actors;

/// <summary>An actors knowledge-base file is missing or malformed. The message names the file and how to rebuild it.</summary>
public sealed class ActorKnowledgeBaseLoadException : ModelFileException
{
    /// <summary>The command that rebuilds the compiled knowledge base.</summary>
    public const string RebuildHint = "run `dossier train actors --data ../shared/data/cameo --out models/actors`";

    public ActorKnowledgeBaseLoadException(string path, string reason, Exception? inner = null)
        : base(path, $"{path}: {reason}. To rebuild the actors knowledge base, {RebuildHint}", inner)
    {
    }

    /// <summary>A hand-written lexicon file is missing or has a bad line: its <c>FILE[:LINE]: reason</c> message, with the rebuild hint.</summary>
    public ActorKnowledgeBaseLoadException(DataFileException inner)
        : base(inner.FilePath, $"{inner.Message}. To rebuild the actors knowledge base, {RebuildHint}", inner)
    {
    }
}
