namespace Dossier.Core.Documents;

/// <summary>The quad classes of CAMEO, GDELT and PLOVER event codes: 1 verbal cooperation, 2 material cooperation,
/// 3 verbal conflict, 4 material conflict (0: none).</summary>
public static class QuadClass
{
    /// <summary>The names, by quad class number (0 to 4), in lower case.</summary>
    public static IReadOnlyList<string> Names { get; } =
        ["no quad class", "verbal cooperation", "material cooperation", "verbal conflict", "material conflict"];

    /// <summary>The name of a quad class; "no quad class" for a number outside 1–4.</summary>
    /// <param name="quadClass">A quad class number; any value is accepted.</param>
    public static string Name(int quadClass) => Names[quadClass is >= 1 and <= 4 ? quadClass : 0];

    /// <summary>The most frequent quad class, the lower on a tie; 0 when every count is zero.</summary>
    /// <param name="counts">How many events fall in quad classes 1, 2, 3 and 4, in that order. The length is not
    /// checked: a fifth count would make 5 a possible answer; counts of zero or less never win.</param>
    /// <exception cref="ArgumentNullException"><paramref name="counts"/> is null.</exception>
    public static int Majority(IReadOnlyList<long> counts)
    {
        ArgumentNullException.ThrowIfNull(counts);
        var best = 0;
        for (var q = 0; q < counts.Count; q++)
        {
            if (counts[q] > 0 && (best == 0 || counts[q] > counts[best - 1]))
            {
                best = q + 1;
            }
        }

        return best;
    }
}
