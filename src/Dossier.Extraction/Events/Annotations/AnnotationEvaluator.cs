using Dossier.Core.Documents;

namespace Dossier.Extraction.Events.Annotations;

/// <summary>The pipeline's output for one annotated sentence, analysed alone.</summary>
/// <param name="Gold">The annotated sentence.</param>
/// <param name="Document">The sentence analysed as a document of its own.</param>
/// <param name="Events">The events predicted (all of them, whatever their confidence).</param>
public sealed record SentencePrediction(AnnotatedSentence Gold, Document Document, IReadOnlyList<Event> Events);

/// <summary>Precision, recall and F1 of one event type (or of all).</summary>
public sealed record EventTypeScores(int Gold, int Predicted, int Matched)
{
    /// <summary>Matched / predicted (0 when nothing was predicted).</summary>
    public double Precision => Predicted == 0 ? 0 : Matched / (double)Predicted;

    /// <summary>Matched / gold (0 when there is no gold event).</summary>
    public double Recall => Gold == 0 ? 0 : Matched / (double)Gold;

    /// <summary>Harmonic mean of precision and recall.</summary>
    public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);
}

/// <summary>Scores of the events on annotated sentences at one confidence threshold.</summary>
/// <param name="Sentences">Sentences scored.</param>
/// <param name="MinConfidence">Events below this confidence were left out.</param>
/// <param name="All">Events matched to gold by sentence and type (and trigger overlap when several), over all types.</param>
/// <param name="PerType">The same per PLOVER type (gold or predicted).</param>
/// <param name="SourceAgreement">Of matched pairs whose gold event has a source: share where a predicted source overlaps it.</param>
/// <param name="SourcePairs">How many matched pairs have a gold source.</param>
/// <param name="StatusAgreement">Of matched pairs: share with the gold status.</param>
public sealed record AnnotationScores(int Sentences, double MinConfidence, EventTypeScores All, IReadOnlyDictionary<string, EventTypeScores> PerType,
    double SourceAgreement, int SourcePairs, double StatusAgreement);

/// <summary>One bin of the reliability table: events whose confidence falls in [<paramref name="From"/>, <paramref name="To"/>).</summary>
/// <param name="MeanConfidence">Their mean predicted confidence.</param>
/// <param name="Observed">The share of them that are right (type in the sentence's gold and, when gold has one, source).</param>
public sealed record ReliabilityBin(double From, double To, int Events, double MeanConfidence, double Observed);

/// <summary>
/// Scores the pipeline's events against hand-annotated sentences (<see cref="EventAnnotations"/>): each sentence is
/// analysed alone; predicted events at or above a confidence threshold are matched one-to-one to the gold events of
/// their sentence by type, preferring a predicted trigger that overlaps the gold one. An event is <em>right</em>
/// (<see cref="IsRight"/>, the label the scorer learns and the reliability table measures) when its sentence has a
/// gold event of its type whose source, when gold names one, it agrees with (<see cref="SourceAgrees"/>).
/// </summary>
public static class AnnotationEvaluator
{
    /// <summary>The thresholds of the sweep printed by <c>dossier eval events</c>.</summary>
    public static readonly IReadOnlyList<double> Thresholds = [0.0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9];

    /// <summary>Runs <paramref name="analyse"/> on each sentence's text.</summary>
    public static IReadOnlyList<SentencePrediction> Predict(IEnumerable<AnnotatedSentence> sentences, Func<string, Document> analyse)
    {
        ArgumentNullException.ThrowIfNull(sentences);
        ArgumentNullException.ThrowIfNull(analyse);
        var result = new List<SentencePrediction>();
        foreach (var s in sentences)
        {
            var document = analyse(s.Text);
            result.Add(new SentencePrediction(s, document, document.Events.IsDefault ? [] : document.Events));
        }

        return result;
    }

    /// <summary>The scores at <paramref name="minConfidence"/>.</summary>
    public static AnnotationScores Score(IReadOnlyList<SentencePrediction> predictions, double minConfidence)
    {
        ArgumentNullException.ThrowIfNull(predictions);
        var gold = new Dictionary<string, int>(StringComparer.Ordinal);
        var predicted = new Dictionary<string, int>(StringComparer.Ordinal);
        var matched = new Dictionary<string, int>(StringComparer.Ordinal);
        int sourcePairs = 0, sourceAgree = 0, pairs = 0, statusAgree = 0;
        foreach (var p in predictions)
        {
            var events = p.Events.Where(e => e.Confidence >= minConfidence).ToList();
            foreach (var g in p.Gold.Events) Add(gold, g.Type);
            foreach (var e in events) Add(predicted, e.Type);
            foreach (var (g, e) in Match(p.Document, p.Gold.Events, events))
            {
                Add(matched, g.Type);
                pairs++;
                if (e.Status == g.Status) statusAgree++;
                if (g.Source is null) continue;
                sourcePairs++;
                if (SourceAgrees(p.Document, e, g.Source)) sourceAgree++;
            }
        }

        var types = gold.Keys.Union(predicted.Keys).Order(StringComparer.Ordinal);
        var perType = types.ToDictionary(t => t, t => new EventTypeScores(gold.GetValueOrDefault(t), predicted.GetValueOrDefault(t), matched.GetValueOrDefault(t)), StringComparer.Ordinal);
        var all = new EventTypeScores(gold.Values.Sum(), predicted.Values.Sum(), matched.Values.Sum());
        return new AnnotationScores(predictions.Count, minConfidence, all, perType,
            sourcePairs == 0 ? 0 : sourceAgree / (double)sourcePairs, sourcePairs,
            pairs == 0 ? 0 : statusAgree / (double)pairs);
    }

    /// <summary>The reliability table: the events in <paramref name="bins"/> equal bins of confidence over [0, 1].</summary>
    public static IReadOnlyList<ReliabilityBin> Reliability(IReadOnlyList<SentencePrediction> predictions, int bins = 10)
    {
        ArgumentNullException.ThrowIfNull(predictions);
        ArgumentOutOfRangeException.ThrowIfLessThan(bins, 1);
        var sums = new double[bins];
        var right = new int[bins];
        var counts = new int[bins];
        foreach (var p in predictions)
        {
            foreach (var e in p.Events)
            {
                var b = Math.Clamp((int)(e.Confidence * bins), 0, bins - 1);
                counts[b]++;
                sums[b] += e.Confidence;
                if (IsRight(p, e)) right[b]++;
            }
        }

        return Enumerable.Range(0, bins)
            .Select(b => new ReliabilityBin(b / (double)bins, (b + 1) / (double)bins, counts[b],
                counts[b] == 0 ? 0 : sums[b] / counts[b], counts[b] == 0 ? 0 : right[b] / (double)counts[b]))
            .ToList();
    }

    /// <summary>Whether <paramref name="e"/> is right: a gold event of its sentence has its type and, when gold names a source, <paramref name="e"/>'s source agrees.</summary>
    public static bool IsRight(SentencePrediction p, Event e)
    {
        ArgumentNullException.ThrowIfNull(p);
        ArgumentNullException.ThrowIfNull(e);
        return p.Gold.Events.Any(g => g.Type == e.Type && (g.Source is null || SourceAgrees(p.Document, e, g.Source)));
    }

    /// <summary>One-to-one pairs of gold and predicted events of the same type; a predicted trigger overlapping the gold one is taken first.</summary>
    internal static List<(GoldEvent Gold, Event Predicted)> Match(Document document, IReadOnlyList<GoldEvent> gold, IReadOnlyList<Event> predicted)
    {
        var pairs = new List<(GoldEvent, Event)>();
        var used = new HashSet<Event>(ReferenceEqualityComparer.Instance);
        foreach (var g in gold)
        {
            var span = Find(document.Text, g.Trigger);
            var candidates = predicted.Where(e => e.Type == g.Type && !used.Contains(e)).ToList();
            if (candidates.Count == 0) continue;
            var best = candidates.FirstOrDefault(e => span.Start >= 0 && e.Trigger.Start < span.End && span.Start < e.Trigger.End) ?? candidates[0];
            used.Add(best);
            pairs.Add((g, best));
        }

        return pairs;
    }

    /// <summary>
    /// Whether one of <paramref name="e"/>'s sources is the gold source: a mention of its entity, or its text, overlaps
    /// the gold source in the sentence; failing that, they share a word (determiners and short words aside).
    /// </summary>
    public static bool SourceAgrees(Document document, Event e, string goldSource)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(e);
        ArgumentNullException.ThrowIfNull(goldSource);
        var span = Find(document.Text, goldSource);
        var goldWords = Words(goldSource);
        foreach (var a in e.Source)
        {
            if (span.Start >= 0)
            {
                if (a.Entity is not null && document.Entities.FirstOrDefault(x => x.Id == a.Entity) is { } entity
                    && entity.Mentions.Any(m => m.Start < span.End && span.Start < m.End)) return true;
                for (var at = document.Text.IndexOf(a.Text, StringComparison.OrdinalIgnoreCase); at >= 0 && a.Text.Length > 0;
                     at = document.Text.IndexOf(a.Text, at + 1, StringComparison.OrdinalIgnoreCase))
                {
                    if (at < span.End && span.Start < at + a.Text.Length) return true;
                }
            }

            if (Words(a.Text).Overlaps(goldWords)) return true;
        }

        return false;
    }

    private static (int Start, int End) Find(string text, string what)
    {
        if (what.Length == 0) return (-1, -1);
        var at = text.IndexOf(what, StringComparison.Ordinal);
        if (at < 0) at = text.IndexOf(what, StringComparison.OrdinalIgnoreCase);
        return at < 0 ? (-1, -1) : (at, at + what.Length);
    }

    // Determiners, possessives and a conjunction: a closed grammatical set, not a word list.
    private static readonly HashSet<string> FunctionWords = new(StringComparer.Ordinal) { "the", "a", "an", "this", "that", "these", "those", "its", "his", "her", "their", "our", "and", "of" };

    private static HashSet<string> Words(string text)
    {
        var words = new HashSet<string>(StringComparer.Ordinal);
        foreach (var w in text.Split([' ', '\t', ',', '.', '\'', '"', '(', ')', '-', '’'], StringSplitOptions.RemoveEmptyEntries))
        {
            var lower = w.ToLowerInvariant();
            if (FunctionWords.Contains(lower)) continue;
            if (w.Length < 3 && !w.All(char.IsUpper)) continue;
            words.Add(lower);
        }

        return words;
    }

    private static void Add(Dictionary<string, int> counts, string key) => counts[key] = counts.GetValueOrDefault(key) + 1;
}
