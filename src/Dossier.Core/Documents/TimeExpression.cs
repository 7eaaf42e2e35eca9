namespace Dossier.Core.Documents;

/// <summary>A TIMEX3 expression and its normalised value.</summary>
/// <param name="Type">DATE, TIME, DURATION or SET.</param>
/// <param name="Value">TIMEX3 value (2025-10-16, 2025-W42, P2H …), or null when it cannot be resolved.</param>
public sealed record TimeExpression(string Text, string Type, string? Value, int Start, int End, int Sentence);
