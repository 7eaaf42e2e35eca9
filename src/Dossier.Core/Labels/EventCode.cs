namespace Dossier.Core.Labels;

/// <summary>
/// The typed label of an event type: one CAMEO event code with its name, Goldstein value, quad class and its
/// PLOVER 2.0 type and mode (read from <c>models/events/cameo-codes.tsv</c>).
/// </summary>
/// <param name="Code">The CAMEO code (2 to 4 digits).</param>
/// <param name="Name">The CAMEO name of the code.</param>
/// <param name="Goldstein">The Goldstein value (-10 conflict … +10 cooperation).</param>
/// <param name="QuadClass">1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict.</param>
/// <param name="Plover">PLOVER 2.0 type, or null for codes PLOVER does not code (01x public statements).</param>
/// <param name="Mode">PLOVER mode, or null.</param>
public sealed record EventCode(string Code, string Name, double Goldstein, int QuadClass, string? Plover, string? Mode);
