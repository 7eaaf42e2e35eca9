namespace Dossier.Core.Documents;

/// <summary>An amount named in the text.</summary>
/// <param name="Type">MONEY, PERCENT, QUANTITY, CARDINAL or ORDINAL.</param>
/// <param name="Amount">The number, or null when it cannot be parsed.</param>
/// <param name="Unit">ISO 4217 currency for money, the unit for quantities, else null.</param>
public sealed record ValueMention(string Text, string Type, decimal? Amount, string? Unit, int Start, int End, int Sentence);
