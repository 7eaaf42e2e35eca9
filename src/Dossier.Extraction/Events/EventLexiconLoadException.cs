using Dossier.Core.Errors;

namespace Dossier.Extraction.Events;

/// <summary>An event lexicon file (<c>models/events</c>) is missing or malformed. The message names the file and how to rebuild it.</summary>
public sealed class EventLexiconLoadException : ModelFileException
{
    /// <summary>The command that rebuilds the generated event lexicon files.</summary>
    public const string RebuildHint = "run `dossier train events --data ../shared/data --out models/`";

    public EventLexiconLoadException(string path, string reason, Exception? inner = null)
        : base(path, $"{path}: {reason}. To rebuild the event lexicon, {RebuildHint}", inner)
    {
    }
}
