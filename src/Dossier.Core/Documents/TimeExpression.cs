namespace Dossier.Core.Documents;

/// <summary>A TIMEX3 expression and its normalised value.</summary>
/// <param name="Text">The expression as written, equal to <c>Document.Slice(Start, End)</c>.</param>
/// <param name="Type">DATE, TIME, DURATION or SET (<see cref="Labels.TimeTypes"/>).</param>
/// <param name="Value">TIMEX3 value (2025-10-16, 2025-W42, P2H …), or null when it cannot be resolved.</param>
/// <param name="Start">First UTF-16 offset in <see cref="Document.Text"/>.</param>
/// <param name="End">Offset just past the expression (half-open).</param>
/// <param name="Sentence">Index in <see cref="Document.Sentences"/> of the sentence that contains the expression.</param>
public sealed record TimeExpression(string Text, string Type, string? Value, int Start, int End, int Sentence);
