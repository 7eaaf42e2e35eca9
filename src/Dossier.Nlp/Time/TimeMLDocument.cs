namespace Dossier.Nlp.Time;

/// <summary>A TimeML file read for evaluation: the text of its TEXT element, the DCT and the gold expressions.</summary>
public sealed record TimeMLDocument(string Path, string Text, DateOnly? Dct, IReadOnlyList<GoldTimex> Gold);
