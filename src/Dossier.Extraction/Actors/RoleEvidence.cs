namespace Dossier.Extraction.Actors;

/// <summary>
/// A title held by a person as one mention states it ("former U.S. Secretary of State" → title, country, status),
/// read by coreference and weighed by <see cref="ActorCoder"/> against the knowledge base.
/// </summary>
/// <param name="Title">The title as written, title-cased ("Secretary of State").</param>
/// <param name="Info">The lexicon entry of the title: its key, sector and whether it is a leader's.</param>
/// <param name="Country">ISO3 of the country the text ties the title to, if any.</param>
/// <param name="Organization">The organisation the text ties the title to, if any.</param>
/// <param name="Status">"current", "former" or "designate".</param>
internal sealed record RoleEvidence(string Title, TitleInfo Info, string? Country, string? Organization, string Status);
