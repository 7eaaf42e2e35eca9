namespace Dossier.Core.Documents;

/// <summary>
/// A half-open range <c>[Start, End)</c> of UTF-16 code units in a document's text.
/// </summary>
/// <remarks>
/// The constructor checks <c>0 ≤ Start ≤ End</c>; <c>default(TextSpan)</c> is the empty span <c>[0, 0)</c>.
/// Equality compares <see cref="Start"/> and <see cref="End"/>.
/// </remarks>
public readonly record struct TextSpan
{
    /// <summary>The range <c>[start, end)</c>.</summary>
    /// <param name="start">The first offset.</param>
    /// <param name="end">The offset just past the range; equal to <paramref name="start"/> for an empty span.</param>
    /// <exception cref="ArgumentOutOfRangeException">When <paramref name="start"/> is negative or <paramref name="end"/> is before it.</exception>
    public TextSpan(int start, int end)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(start);
        ArgumentOutOfRangeException.ThrowIfLessThan(end, start);
        Start = start;
        End = end;
    }

    /// <summary>The first offset in the range.</summary>
    public int Start { get; }
    /// <summary>The offset just past the range.</summary>
    public int End { get; }
    /// <summary>The number of UTF-16 code units in the range.</summary>
    public int Length => End - Start;

    /// <summary>Whether <paramref name="other"/> lies wholly within this span; a span contains itself, and an empty span at either end.</summary>
    /// <param name="other">The span to test.</param>
    public bool Contains(TextSpan other) => other.Start >= Start && other.End <= End;

    /// <summary>The span in interval notation, <c>[3, 8)</c>.</summary>
    public override string ToString() => $"[{Start}, {End})";
}
