using Dossier.Core.Documents;

namespace Dossier.Extraction.Events;

/// <summary>An event actor with the head token that names it.</summary>
internal sealed record ActorAt(int Head, EventActor Actor);
