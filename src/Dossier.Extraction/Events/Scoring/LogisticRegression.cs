namespace Dossier.Extraction.Events.Scoring;

/// <summary>A training example of the event scorer: the features of one candidate event and whether it is right.</summary>
/// <param name="Features">Binary feature names (<see cref="EventFeatures"/>).</param>
/// <param name="Label">Whether the event is right (type and, where gold names one, source).</param>
public sealed record ScorerExample(IReadOnlyList<string> Features, bool Label);

/// <summary>
/// L2-regularised logistic regression over binary features, fitted by full-batch AdaGrad for a fixed number of
/// iterations (no randomness: the same examples give the same weights), and Platt scaling of its scores.
/// </summary>
public static class LogisticRegression
{
    /// <summary>The fitted weights and intercept.</summary>
    public sealed record Fit(IReadOnlyDictionary<string, double> Weights, double Bias);

    /// <summary>Fits weights on <paramref name="examples"/>; features seen fewer than <paramref name="minCount"/> times get none.</summary>
    /// <param name="examples">Training examples.</param>
    /// <param name="l2">The L2 penalty on the weights (the mean log-loss plus l2/2·|w|²); the intercept is not penalised.</param>
    /// <param name="minCount">Fewest occurrences in <paramref name="examples"/> for a feature to be kept.</param>
    /// <param name="iterations">Full-batch AdaGrad steps.</param>
    public static Fit Train(IReadOnlyList<ScorerExample> examples, double l2, int minCount = 2, int iterations = 400)
    {
        ArgumentNullException.ThrowIfNull(examples);
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var x in examples)
        {
            foreach (var f in x.Features) counts[f] = counts.GetValueOrDefault(f) + 1;
        }

        var names = counts.Where(p => p.Value >= minCount).Select(p => p.Key).Order(StringComparer.Ordinal).ToArray();
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < names.Length; i++) index[names[i]] = i;
        var rows = examples.Select(x => x.Features.Where(index.ContainsKey).Select(f => index[f]).Distinct().ToArray()).ToArray();
        var labels = examples.Select(x => x.Label ? 1.0 : 0.0).ToArray();
        var w = new double[names.Length];
        var g2 = new double[names.Length];
        double bias = 0, biasG2 = 0;
        const double rate = 0.5;
        var n = Math.Max(1, examples.Count);
        var grad = new double[names.Length];
        for (var it = 0; it < iterations; it++)
        {
            Array.Clear(grad);
            double biasGrad = 0;
            for (var r = 0; r < rows.Length; r++)
            {
                var z = bias;
                foreach (var f in rows[r]) z += w[f];
                var err = EventScorer.Sigmoid(z) - labels[r];
                biasGrad += err;
                foreach (var f in rows[r]) grad[f] += err;
            }

            biasGrad /= n;
            biasG2 += biasGrad * biasGrad;
            bias -= rate * biasGrad / (Math.Sqrt(biasG2) + 1e-8);
            for (var f = 0; f < w.Length; f++)
            {
                var g = grad[f] / n + l2 * w[f];
                g2[f] += g * g;
                w[f] -= rate * g / (Math.Sqrt(g2[f]) + 1e-8);
            }
        }

        var weights = new Dictionary<string, double>(StringComparer.Ordinal);
        for (var f = 0; f < w.Length; f++)
        {
            if (Math.Abs(w[f]) >= 1e-4) weights[names[f]] = w[f];
        }

        return new Fit(weights, bias);
    }

    /// <summary>
    /// Platt scaling: the (a, b) that minimise the log-loss of σ(a·score + b) on (<paramref name="scores"/>,
    /// <paramref name="labels"/>), with Platt's smoothed targets; Newton's method with a small ridge. (1, 0) when there
    /// are no scores or only one class.
    /// </summary>
    public static (double A, double B) Platt(IReadOnlyList<double> scores, IReadOnlyList<bool> labels)
    {
        ArgumentNullException.ThrowIfNull(scores);
        ArgumentNullException.ThrowIfNull(labels);
        var positives = labels.Count(l => l);
        var negatives = labels.Count - positives;
        if (positives == 0 || negatives == 0) return (1, 0);
        var hi = (positives + 1.0) / (positives + 2.0);
        var lo = 1.0 / (negatives + 2.0);
        double a = 1, b = 0;
        double Loss(double a2, double b2)
        {
            var sum = 0.0;
            for (var i = 0; i < scores.Count; i++)
            {
                var t = labels[i] ? hi : lo;
                var z = a2 * scores[i] + b2;
                // log(1 + e^z) - t z, computed without overflow
                sum += (z > 0 ? z + Math.Log(1 + Math.Exp(-z)) : Math.Log(1 + Math.Exp(z))) - t * z;
            }

            return sum;
        }

        for (var it = 0; it < 100; it++)
        {
            double ga = 0, gb = 0, haa = 1e-6, hab = 0, hbb = 1e-6;
            for (var i = 0; i < scores.Count; i++)
            {
                var t = labels[i] ? hi : lo;
                var p = EventScorer.Sigmoid(a * scores[i] + b);
                var d = p - t;
                var v = p * (1 - p);
                ga += d * scores[i];
                gb += d;
                haa += v * scores[i] * scores[i];
                hab += v * scores[i];
                hbb += v;
            }

            var det = haa * hbb - hab * hab;
            if (Math.Abs(det) < 1e-12) break;
            var da = (hbb * ga - hab * gb) / det;
            var db = (haa * gb - hab * ga) / det;

            // Backtracking: halve the Newton step until the loss does not grow.
            var before = Loss(a, b);
            var step = 1.0;
            while (step > 1e-6 && Loss(a - step * da, b - step * db) > before) step /= 2;
            a -= step * da;
            b -= step * db;
            if (step * (Math.Abs(da) + Math.Abs(db)) < 1e-9) break;
        }

        return (a, b);
    }

    /// <summary>The mean log-loss of probabilities against labels (probabilities clipped to [1e-6, 1 - 1e-6]).</summary>
    public static double LogLoss(IReadOnlyList<double> probabilities, IReadOnlyList<bool> labels)
    {
        ArgumentNullException.ThrowIfNull(probabilities);
        ArgumentNullException.ThrowIfNull(labels);
        if (probabilities.Count == 0) return 0;
        var sum = 0.0;
        for (var i = 0; i < probabilities.Count; i++)
        {
            var p = Math.Clamp(probabilities[i], 1e-6, 1 - 1e-6);
            sum -= labels[i] ? Math.Log(p) : Math.Log(1 - p);
        }

        return sum / probabilities.Count;
    }
}
