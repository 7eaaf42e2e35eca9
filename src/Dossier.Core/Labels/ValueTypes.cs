using System.Collections.Immutable;

namespace Dossier.Core.Labels;

/// <summary>The types of <see cref="Documents.ValueMention.Type"/>.</summary>
public static class ValueTypes
{
    /// <summary>An amount of money with its ISO currency.</summary>
    public const string Money = "MONEY";

    /// <summary>A percentage.</summary>
    public const string Percent = "PERCENT";

    /// <summary>A measured quantity with its unit.</summary>
    public const string Quantity = "QUANTITY";

    /// <summary>A count.</summary>
    public const string Cardinal = "CARDINAL";

    /// <summary>A rank: first, 2nd.</summary>
    public const string Ordinal = "ORDINAL";

    /// <summary>Every type, in the order above.</summary>
    public static ImmutableArray<string> All { get; } = [Money, Percent, Quantity, Cardinal, Ordinal];
}
