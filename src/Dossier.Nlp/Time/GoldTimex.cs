namespace Dossier.Nlp.Time;

/// <summary>One gold TIMEX3 of a TimeML file, with offsets into the tag-stripped TEXT.</summary>
public sealed record GoldTimex(int Start, int End, string Text, string Type, string? Value);
