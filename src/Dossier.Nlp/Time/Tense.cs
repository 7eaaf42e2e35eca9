namespace Dossier.Nlp.Time;

/// <summary>Whether a time expression refers back from the anchor (past), forward (future), or is not known.</summary>
internal enum Tense
{
    Unknown,
    Past,
    Future,
}
