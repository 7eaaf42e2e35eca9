namespace Dossier.Nlp.Time;

/// <summary>A time unit: its TIMEX3 letter, whether the letter belongs after T, and how many of the letter one unit is.</summary>
internal readonly record struct TimeUnit(char Letter, bool IsTime, int Factor);
