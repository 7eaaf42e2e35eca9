namespace Dossier.Nlp.Time;

/// <summary>One recognised expression: tokens <c>[First, End)</c> of a sentence, its TIMEX3 type and value.</summary>
internal readonly record struct TimexMatch(int First, int End, string Type, string? Value);
