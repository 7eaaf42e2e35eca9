namespace Dossier.Web;

/// <summary>The HTTP API and web UI over the store (issue "Surfaces").</summary>
internal static class WebInfo
{
}
