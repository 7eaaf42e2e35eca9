namespace Dossier.Core.Labels;

/// <summary>
/// The typed label of an event type: one CAMEO event code with its name, Goldstein value, quad class and its
/// PLOVER 2.0 type and mode (read from <c>models/events/cameo-codes.tsv</c>).
/// </summary>
/// <param name="Code">The CAMEO code as a string of 3 or 4 digits, leading zero kept (<c>010</c>, <c>0211</c>).</param>
/// <param name="Name">The CAMEO name of the code.</param>
/// <param name="Goldstein">The Goldstein value (-10 conflict … +10 cooperation).</param>
/// <param name="QuadClass">1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict (<see cref="Documents.QuadClass"/>).</param>
/// <param name="Plover">PLOVER 2.0 type, or null for codes PLOVER does not code (01x public statements).</param>
/// <param name="Mode">PLOVER mode that refines the type (<c>assist</c> for REQUEST), or null when the code has none.</param>
public sealed record EventCode(string Code, string Name, double Goldstein, int QuadClass, string? Plover, string? Mode);
