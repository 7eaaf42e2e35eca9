namespace Dossier.Extraction.Coreference;

/// <summary>The Kuhn–Munkres (Hungarian) algorithm: an optimal one-to-one assignment in O(n²m).</summary>
internal static class Hungarian
{
    /// <summary>
    /// The assignment of rows to columns that maximises the summed weight of a rectangular matrix.
    /// Returns, per row, its column, or -1 when the row is left unassigned (more rows than columns).
    /// </summary>
    public static int[] MaximumWeightMatching(double[,] weights)
    {
        ArgumentNullException.ThrowIfNull(weights);
        var rows = weights.GetLength(0);
        var columns = weights.GetLength(1);
        var result = new int[rows];
        Array.Fill(result, -1);
        if (rows == 0 || columns == 0) return result;
        if (rows <= columns)
        {
            var assigned = MinimumCost(rows, columns, (r, c) => -weights[r, c]);
            for (var r = 0; r < rows; r++) result[r] = assigned[r];
        }
        else
        {
            var assigned = MinimumCost(columns, rows, (c, r) => -weights[r, c]);
            for (var c = 0; c < columns; c++) result[assigned[c]] = c;
        }

        return result;
    }

    /// <summary>
    /// Minimum-cost assignment of every one of <paramref name="n"/> rows to a distinct one of
    /// <paramref name="m"/> ≥ n columns, by shortest augmenting paths with potentials.
    /// </summary>
    private static int[] MinimumCost(int n, int m, Func<int, int, double> cost)
    {
        // 1-based as in the classic formulation; column 0 is the virtual start.
        var u = new double[n + 1];
        var v = new double[m + 1];
        var rowOf = new int[m + 1];
        var way = new int[m + 1];
        for (var i = 1; i <= n; i++)
        {
            rowOf[0] = i;
            var j0 = 0;
            var minv = new double[m + 1];
            Array.Fill(minv, double.PositiveInfinity);
            var used = new bool[m + 1];
            do
            {
                used[j0] = true;
                var i0 = rowOf[j0];
                var delta = double.PositiveInfinity;
                var j1 = 0;
                for (var j = 1; j <= m; j++)
                {
                    if (used[j]) continue;
                    var cur = cost(i0 - 1, j - 1) - u[i0] - v[j];
                    if (cur < minv[j])
                    {
                        minv[j] = cur;
                        way[j] = j0;
                    }

                    if (minv[j] < delta)
                    {
                        delta = minv[j];
                        j1 = j;
                    }
                }

                for (var j = 0; j <= m; j++)
                {
                    if (used[j])
                    {
                        u[rowOf[j]] += delta;
                        v[j] -= delta;
                    }
                    else
                    {
                        minv[j] -= delta;
                    }
                }

                j0 = j1;
            }
            while (rowOf[j0] != 0);

            do
            {
                var j1 = way[j0];
                rowOf[j0] = rowOf[j1];
                j0 = j1;
            }
            while (j0 != 0);
        }

        var assignment = new int[n];
        for (var j = 1; j <= m; j++)
        {
            if (rowOf[j] != 0) assignment[rowOf[j] - 1] = j - 1;
        }

        return assignment;
    }
}
