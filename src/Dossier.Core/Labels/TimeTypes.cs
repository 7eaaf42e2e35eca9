using System.Collections.Immutable;

namespace Dossier.Core.Labels;

/// <summary>The TIMEX3 types of <see cref="Documents.TimeExpression.Type"/>.</summary>
public static class TimeTypes
{
    /// <summary>A calendar date or period: 2025-10-17, 2025-W42, 2025-10.</summary>
    public const string Date = "DATE";

    /// <summary>A time of day: 2025-10-17T15:00.</summary>
    public const string Time = "TIME";

    /// <summary>A length of time: P3D.</summary>
    public const string Duration = "DURATION";

    /// <summary>A recurring time: every week.</summary>
    public const string Set = "SET";

    /// <summary>Every type, in the order above.</summary>
    public static ImmutableArray<string> All { get; } = [Date, Time, Duration, Set];
}
