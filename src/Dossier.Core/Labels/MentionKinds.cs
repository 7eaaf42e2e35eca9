using System.Collections.Immutable;

namespace Dossier.Core.Labels;

/// <summary>
/// What kind of words an entity mention is (<see cref="Documents.Mention.Kind"/>): a proper name, a description or a
/// pronoun. The JSON (<c>dossier/1</c> version 1.1), the store and the CLI write these strings.
/// </summary>
public static class MentionKinds
{
    /// <summary>A proper name found by the name finder: "Volodymyr Zelensky", "NATO".</summary>
    public const string Name = "name";

    /// <summary>A noun phrase that is not a name: "the president", "French troops", "the company".</summary>
    public const string Description = "description";

    /// <summary>A personal, possessive or reflexive pronoun: "he", "their", "itself".</summary>
    public const string Pronoun = "pronoun";

    /// <summary>Every kind, in the order above.</summary>
    public static ImmutableArray<string> All { get; } = [Name, Description, Pronoun];

    /// <summary>True when <paramref name="kind"/> is one of <see cref="All"/> (compared ordinally).</summary>
    /// <param name="kind">A kind read from JSON or a store, or null.</param>
    public static bool IsKnown(string? kind) => kind is Name or Description or Pronoun;
}
