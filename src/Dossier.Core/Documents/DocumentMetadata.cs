namespace Dossier.Core.Documents;

/// <summary>What a reader found around the text: where it came from, its title and date.</summary>
/// <param name="Title">First line, HTML title or feed item title; null when the source has none.</param>
/// <param name="Source">The path or URL the document was read from (with a fragment such as <c>#line=3</c> for one record of many).</param>
/// <param name="Published">Publication date, or null when unknown; the default anchor for relative times such as "on Thursday".</param>
/// <param name="Url">The article's own link (feeds, JSONL), when it differs from <paramref name="Source"/>; else null.</param>
public sealed record DocumentMetadata(string? Title, string Source, DateOnly? Published, string? Url = null);
