namespace Dossier.Extraction;

/// <summary>
/// Dossier.Extraction turns the mentions found by Dossier.Nlp into actors and events:
/// <c>Coreference/</c> and <c>Actors/</c> (who is who, offices, CAMEO actor codes) and
/// <c>Events/</c> (who did what to whom, PLOVER/CAMEO coding, status).
/// </summary>
public static class ExtractionInfo
{
    /// <summary>Version of the extraction rules and lexicons, recorded with stored results.</summary>
    public const int Version = 1;
}
