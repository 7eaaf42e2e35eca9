namespace Dossier.Extraction.Coreference;

/// <summary>Precision, recall and F1 of one coreference metric.</summary>
public sealed record Metric(double Precision, double Recall, double F1)
{
    /// <summary>From summed numerators and denominators (the CoNLL-2012 scorer sums them over documents).</summary>
    public static Metric From(MetricCounts counts)
    {
        var p = counts.PrecisionDenominator == 0 ? 0 : counts.PrecisionNumerator / counts.PrecisionDenominator;
        var r = counts.RecallDenominator == 0 ? 0 : counts.RecallNumerator / counts.RecallDenominator;
        return new Metric(p, r, p + r == 0 ? 0 : 2 * p * r / (p + r));
    }
}

/// <summary>The numerators and denominators of a metric; documents add up.</summary>
public readonly record struct MetricCounts(double RecallNumerator, double RecallDenominator, double PrecisionNumerator, double PrecisionDenominator)
{
    public static MetricCounts operator +(MetricCounts a, MetricCounts b) => new(
        a.RecallNumerator + b.RecallNumerator,
        a.RecallDenominator + b.RecallDenominator,
        a.PrecisionNumerator + b.PrecisionNumerator,
        a.PrecisionDenominator + b.PrecisionDenominator);
}

/// <summary>
/// The three metrics of the CoNLL-2012 shared task, over one document's key (gold) and response
/// (predicted) chains. Chains are sets of mention keys; a mention is the same mention in key and
/// response only when its key is equal (the evaluator uses exact word spans). A mention should be in
/// at most one chain of each side; mentions in only one side ("twinless") are handled as the
/// reference scorer (v8) does: they count in that side's denominators and match nothing.
/// </summary>
public static class CorefMetrics
{
    /// <summary>
    /// MUC (Vilain et al. 1995), link-based. Recall = Σ_K (|K| − |p(K)|) / Σ_K (|K| − 1), where p(K)
    /// is the partition of K by the response chains, a mention in no response chain being a part of
    /// its own. Precision swaps key and response.
    /// </summary>
    public static MetricCounts Muc<T>(IReadOnlyList<IReadOnlyCollection<T>> key, IReadOnlyList<IReadOnlyCollection<T>> response)
        where T : notnull
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(response);
        var (rn, rd) = MucSide(key, ChainIndex(response));
        var (pn, pd) = MucSide(response, ChainIndex(key));
        return new MetricCounts(rn, rd, pn, pd);
    }

    private static (double Numerator, double Denominator) MucSide<T>(IReadOnlyList<IReadOnlyCollection<T>> chains, Dictionary<T, int> other)
        where T : notnull
    {
        double numerator = 0, denominator = 0;
        foreach (var chain in chains)
        {
            if (chain.Count == 0) continue;
            var parts = new HashSet<int>();
            var alone = 0;
            foreach (var m in chain)
            {
                if (other.TryGetValue(m, out var c)) parts.Add(c);
                else alone++;
            }

            numerator += chain.Count - (parts.Count + alone);
            denominator += chain.Count - 1;
        }

        return (numerator, denominator);
    }

    /// <summary>
    /// B³ (Bagga and Baldwin 1998), mention-based, as the CoNLL-2012 scorer computes it:
    /// recall = Σ_K Σ_R |K∩R|² / |K| ÷ Σ_K |K|; precision = Σ_R Σ_K |K∩R|² / |R| ÷ Σ_R |R|.
    /// </summary>
    public static MetricCounts BCubed<T>(IReadOnlyList<IReadOnlyCollection<T>> key, IReadOnlyList<IReadOnlyCollection<T>> response)
        where T : notnull
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(response);
        var (rn, rd) = BCubedSide(key, ChainIndex(response));
        var (pn, pd) = BCubedSide(response, ChainIndex(key));
        return new MetricCounts(rn, rd, pn, pd);
    }

    private static (double Numerator, double Denominator) BCubedSide<T>(IReadOnlyList<IReadOnlyCollection<T>> chains, Dictionary<T, int> other)
        where T : notnull
    {
        double numerator = 0, denominator = 0;
        foreach (var chain in chains)
        {
            if (chain.Count == 0) continue;
            var overlaps = new Dictionary<int, int>();
            foreach (var m in chain)
            {
                if (other.TryGetValue(m, out var c)) overlaps[c] = overlaps.GetValueOrDefault(c) + 1;
            }

            numerator += overlaps.Values.Sum(n => (double)n * n) / chain.Count;
            denominator += chain.Count;
        }

        return (numerator, denominator);
    }

    /// <summary>
    /// Entity-based CEAF (Luo 2005) with φ4(K, R) = 2|K∩R| / (|K| + |R|): the best one-to-one alignment
    /// of key and response chains (Kuhn–Munkres) gives Φ; recall = Φ / #key chains, precision = Φ / #response chains.
    /// </summary>
    public static MetricCounts CeafE<T>(IReadOnlyList<IReadOnlyCollection<T>> key, IReadOnlyList<IReadOnlyCollection<T>> response)
        where T : notnull
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(response);
        var keys = key.Where(c => c.Count > 0).ToList();
        var responses = response.Where(c => c.Count > 0).ToList();
        var phi = 0.0;
        if (keys.Count > 0 && responses.Count > 0)
        {
            var responseIndex = ChainIndex(responses);
            var similarity = new double[keys.Count, responses.Count];
            for (var k = 0; k < keys.Count; k++)
            {
                var overlaps = new Dictionary<int, int>();
                foreach (var m in keys[k])
                {
                    if (responseIndex.TryGetValue(m, out var r)) overlaps[r] = overlaps.GetValueOrDefault(r) + 1;
                }

                foreach (var (r, n) in overlaps)
                {
                    similarity[k, r] = 2.0 * n / (keys[k].Count + responses[r].Count);
                }
            }

            var assignment = Hungarian.MaximumWeightMatching(similarity);
            for (var k = 0; k < keys.Count; k++)
            {
                if (assignment[k] >= 0) phi += similarity[k, assignment[k]];
            }
        }

        return new MetricCounts(phi, keys.Count, phi, responses.Count);
    }

    /// <summary>Mention → index of its chain (the first chain, should a mention be in two).</summary>
    private static Dictionary<T, int> ChainIndex<T>(IReadOnlyList<IReadOnlyCollection<T>> chains)
        where T : notnull
    {
        var index = new Dictionary<T, int>();
        for (var i = 0; i < chains.Count; i++)
        {
            foreach (var m in chains[i]) index.TryAdd(m, i);
        }

        return index;
    }
}
