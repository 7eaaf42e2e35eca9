using Dossier.Extraction.Coreference;

namespace Dossier.Extraction.Tests.Coreference;

/// <summary>The CoNLL-2012 metrics on hand-made chains; expected values worked out by hand in the comments.</summary>
public sealed class CorefMetricsTests
{
    private const int Precision = 10;

    // Key {a,b,c} {d,e}; response {a,b} {c,d,e}.
    private static readonly IReadOnlyCollection<char>[] Key = [['a', 'b', 'c'], ['d', 'e']];
    private static readonly IReadOnlyCollection<char>[] Response = [['a', 'b'], ['c', 'd', 'e']];

    [Fact]
    public void Muc_SplitAndMergedChains_CountsLinks()
    {
        // Recall: {a,b,c} is cut by the response into {a,b} {c}: 3 − 2 = 1; {d,e} stays whole: 2 − 1 = 1.
        //         (1 + 1) / ((3 − 1) + (2 − 1)) = 2/3.
        // Precision: {a,b} lies in one key chain: 2 − 1 = 1; {c,d,e} in two: 3 − 2 = 1. (1 + 1) / (1 + 2) = 2/3.
        var m = Metric.From(CorefMetrics.Muc(Key, Response));
        Assert.Equal(2.0 / 3, m.Recall, Precision);
        Assert.Equal(2.0 / 3, m.Precision, Precision);
        Assert.Equal(2.0 / 3, m.F1, Precision);
    }

    [Fact]
    public void Muc_VilainExample_OneChainSplitInTwo()
    {
        // Key {A,B,C,D}; response {A,B} {C,D}. Recall (4 − 2) / 3 = 2/3; precision (1 + 1) / (1 + 1) = 1.
        // F1 = 2 · (2/3) · 1 / (2/3 + 1) = 0.8.
        var m = Metric.From(CorefMetrics.Muc<char>([['A', 'B', 'C', 'D']], [['A', 'B'], ['C', 'D']]));
        Assert.Equal(2.0 / 3, m.Recall, Precision);
        Assert.Equal(1.0, m.Precision, Precision);
        Assert.Equal(0.8, m.F1, Precision);
    }

    [Fact]
    public void BCubed_SplitAndMergedChains_AveragesOverMentions()
    {
        // Recall: Σ_K Σ_R |K∩R|²/|K| = 2²/3 + 1²/3 + 2²/2 = 4/3 + 1/3 + 2 = 11/3, over 5 key mentions: 11/15.
        // Precision: Σ_R Σ_K |K∩R|²/|R| = 2²/2 + 1²/3 + 2²/3 = 2 + 1/3 + 4/3 = 11/3, over 5 response mentions: 11/15.
        var m = Metric.From(CorefMetrics.BCubed(Key, Response));
        Assert.Equal(11.0 / 15, m.Recall, Precision);
        Assert.Equal(11.0 / 15, m.Precision, Precision);
        Assert.Equal(11.0 / 15, m.F1, Precision);
    }

    [Fact]
    public void CeafE_SplitAndMergedChains_AlignsBestPairs()
    {
        // φ4({a,b,c},{a,b}) = 2·2/(3+2) = 4/5; φ4({a,b,c},{c,d,e}) = 2·1/6 = 1/3;
        // φ4({d,e},{a,b}) = 0; φ4({d,e},{c,d,e}) = 2·2/(2+3) = 4/5.
        // Best alignment: 4/5 + 4/5 = 8/5 (the other, 1/3 + 0, is worse). R = 8/5 / 2 = 0.8; P = 8/5 / 2 = 0.8.
        var m = Metric.From(CorefMetrics.CeafE(Key, Response));
        Assert.Equal(0.8, m.Recall, Precision);
        Assert.Equal(0.8, m.Precision, Precision);
        Assert.Equal(0.8, m.F1, Precision);
    }

    [Fact]
    public void AllMetrics_TwinlessMentions_CountInTheirSideOnly()
    {
        // Key {a,b,c}; response {a,b,x} (c not found, x not in the key).
        // MUC R: {a,b,c} → {a,b} {c}: (3 − 2)/2 = 1/2; P: {a,b,x} → {a,b} {x}: (3 − 2)/2 = 1/2.
        // B³ R: 2²/3 / 3 = 4/9; P: 2²/3 / 3 = 4/9.
        // CEAF-e: φ4 = 2·2/(3+3) = 2/3, one chain each side: R = P = 2/3.
        IReadOnlyCollection<char>[] key = [['a', 'b', 'c']];
        IReadOnlyCollection<char>[] response = [['a', 'b', 'x']];
        var muc = Metric.From(CorefMetrics.Muc(key, response));
        var b3 = Metric.From(CorefMetrics.BCubed(key, response));
        var ceaf = Metric.From(CorefMetrics.CeafE(key, response));
        Assert.Equal((0.5, 0.5), (muc.Recall, muc.Precision));
        Assert.Equal(4.0 / 9, b3.Recall, Precision);
        Assert.Equal(4.0 / 9, b3.Precision, Precision);
        Assert.Equal(2.0 / 3, ceaf.Recall, Precision);
        Assert.Equal(2.0 / 3, ceaf.Precision, Precision);
    }

    [Fact]
    public void CeafE_UnequalChainCounts_DividesByEachSide()
    {
        // Key {a,b} {c,d} {e,f}; response {a,b,c,d}.
        // φ4({a,b},{a,b,c,d}) = 2·2/6 = 2/3 = φ4({c,d},{a,b,c,d}); one response chain, so Φ = 2/3.
        // R = (2/3)/3 = 2/9; P = (2/3)/1 = 2/3.
        var m = Metric.From(CorefMetrics.CeafE<char>([['a', 'b'], ['c', 'd'], ['e', 'f']], [['a', 'b', 'c', 'd']]));
        Assert.Equal(2.0 / 9, m.Recall, Precision);
        Assert.Equal(2.0 / 3, m.Precision, Precision);
    }

    [Fact]
    public void AllMetrics_IdenticalChains_ScoreOne()
    {
        foreach (var counts in new[] { CorefMetrics.Muc(Key, Key), CorefMetrics.BCubed(Key, Key), CorefMetrics.CeafE(Key, Key) })
        {
            var m = Metric.From(counts);
            Assert.Equal((1.0, 1.0, 1.0), (m.Precision, m.Recall, m.F1));
        }
    }

    [Fact]
    public void AllMetrics_EmptyResponse_ScoreZeroWithoutDividingByZero()
    {
        foreach (var counts in new[] { CorefMetrics.Muc(Key, []), CorefMetrics.BCubed(Key, []), CorefMetrics.CeafE(Key, []) })
        {
            var m = Metric.From(counts);
            Assert.Equal((0.0, 0.0, 0.0), (m.Precision, m.Recall, m.F1));
        }
    }

    [Fact]
    public void Hungarian_GreedyWouldFail_FindsTheOptimum()
    {
        // Greedy takes (0,0)=3 and is left with (1,1)+(2,2) = 0+1: total 4.
        // Optimal: (0,1)=2 + (1,0)=2 + (2,2)=1 = 5.
        double[,] w = { { 3, 2, 0 }, { 2, 0, 0 }, { 0, 0, 1 } };
        Assert.Equal([1, 0, 2], Hungarian.MaximumWeightMatching(w));
    }

    [Fact]
    public void Hungarian_MoreRowsThanColumns_LeavesTheWorstRowOut()
    {
        // Rows 0 and 2 both want column 0; row 1 only column 1: best 0→0 (5) + 1→1 (4) = 9 vs 2→0 (3) + 1→1 (4) = 7.
        double[,] w = { { 5, 1 }, { 0, 4 }, { 3, 0 } };
        Assert.Equal([0, 1, -1], Hungarian.MaximumWeightMatching(w));
    }

    [Fact]
    public void Hungarian_RandomMatrices_MatchBruteForce()
    {
        var random = new Random(7);
        for (var trial = 0; trial < 200; trial++)
        {
            var rows = random.Next(1, 6);
            var columns = random.Next(1, 6);
            var w = new double[rows, columns];
            for (var r = 0; r < rows; r++)
            {
                for (var c = 0; c < columns; c++) w[r, c] = random.Next(0, 4) == 0 ? 0 : random.NextDouble();
            }

            var assignment = Hungarian.MaximumWeightMatching(w);
            var total = Enumerable.Range(0, rows).Where(r => assignment[r] >= 0).Sum(r => w[r, assignment[r]]);
            Assert.Equal(assignment.Where(c => c >= 0).Count(), assignment.Where(c => c >= 0).Distinct().Count());
            Assert.Equal(BruteForce(w, 0, new bool[columns]), total, 9);
        }
    }

    private static double BruteForce(double[,] w, int row, bool[] used)
    {
        if (row == w.GetLength(0)) return 0;
        var best = BruteForce(w, row + 1, used); // row left out
        for (var c = 0; c < w.GetLength(1); c++)
        {
            if (used[c]) continue;
            used[c] = true;
            best = Math.Max(best, w[row, c] + BruteForce(w, row + 1, used));
            used[c] = false;
        }

        return best;
    }
}
