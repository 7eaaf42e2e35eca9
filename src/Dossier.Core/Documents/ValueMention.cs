namespace Dossier.Core.Documents;

/// <summary>An amount named in the text.</summary>
/// <param name="Text">The amount as written, equal to <c>Document.Slice(Start, End)</c>.</param>
/// <param name="Type">MONEY, PERCENT, QUANTITY, CARDINAL or ORDINAL (<see cref="Labels.ValueTypes"/>).</param>
/// <param name="Amount">The number, or null when it cannot be parsed.</param>
/// <param name="Unit">ISO 4217 currency for money, the unit for quantities, else null.</param>
/// <param name="Start">First UTF-16 offset in <see cref="Document.Text"/>.</param>
/// <param name="End">Offset just past the amount (half-open).</param>
/// <param name="Sentence">Index in <see cref="Document.Sentences"/> of the sentence that contains the amount.</param>
public sealed record ValueMention(string Text, string Type, decimal? Amount, string? Unit, int Start, int End, int Sentence);
