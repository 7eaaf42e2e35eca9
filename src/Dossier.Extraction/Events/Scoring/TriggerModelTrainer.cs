using System.Globalization;
using Dossier.Core.Documents;
using Dossier.Extraction.Events.Annotations;

namespace Dossier.Extraction.Events.Scoring;

/// <summary>
/// Trains <see cref="TriggerModel"/> on the <c>train</c> sentences of the event annotations: every candidate token
/// (<see cref="TriggerFeatures.IsCandidate"/>) of a sentence is an example, labelled with the type of the gold event
/// whose trigger it lies in, else NONE. The L2 penalty is chosen by the dev tokens' log-loss; the thresholds
/// (<see cref="TriggerModel.Veto"/>, <see cref="TriggerModel.VetoEvent"/>, <see cref="TriggerModel.Propose"/>) by the
/// dev sentences' event scores: every combination is printed; the proposal threshold of the best F1 with no veto is
/// kept (before the event scorer, whose threshold then buys precision: its candidates carry the model's
/// probability as their first confidence). The <c>heldout</c> sentences are never read. Deterministic: the same data give the same file.
/// </summary>
public static class TriggerModelTrainer
{
    /// <summary>The L2 penalties tried.</summary>
    public static readonly IReadOnlyList<double> Penalties = [0.00003, 0.0001, 0.0003, 0.001];

    /// <summary>The veto thresholds tried.</summary>
    public static readonly IReadOnlyList<double> Vetoes = [0.0, 0.02, 0.05, 0.1, 0.15, 0.2, 0.3];

    /// <summary>The thresholds on the trigger's probability of any event tried for the veto.</summary>
    public static readonly IReadOnlyList<double> EventVetoes = [0.0, 0.1, 0.2, 0.3, 0.4, 0.5];

    /// <summary>The proposal thresholds tried.</summary>
    public static readonly IReadOnlyList<double> Proposals = [0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.5, 0.6, 0.7, 0.8, 1.01];

    /// <summary>The PLOVER types, the classes after NONE.</summary>
    public static readonly IReadOnlyList<string> Types =
        ["ACCUSE", "AGREE", "AID", "ASSAULT", "COERCE", "CONCEDE", "CONSULT", "COOPERATE", "MOBILIZE", "PROTEST", "REJECT", "REQUEST", "RETREAT", "SANCTION", "SUPPORT", "THREATEN"];

    private sealed record Example(int[] Features, int Label);

    /// <summary>Trains and writes the model to <paramref name="outPath"/>; returns it.</summary>
    /// <param name="sentences">The annotated sentences (all splits; only train and dev are read).</param>
    /// <param name="lexicon">The event lexicon of the rule coder.</param>
    /// <param name="analyse">The pipeline without the trigger model and the scorer.</param>
    /// <param name="outPath">Where to write <see cref="TriggerModel.FileName"/>.</param>
    /// <param name="log">Progress and dev figures.</param>
    /// <param name="ploverPath">The PLOVER GSR file, or null: in its training records (0, 1 mod 4, as for the event scorer),
    /// the token of a rule event of the record's type is one more example of that type (the records name no trigger and
    /// may hold other events, so their other tokens are not used).</param>
    public static TriggerModel Train(IReadOnlyList<AnnotatedSentence> sentences, EventLexicon lexicon, Func<string, Document> analyse, string outPath, TextWriter log, string? ploverPath = null)
    {
        ArgumentNullException.ThrowIfNull(sentences);
        ArgumentNullException.ThrowIfNull(lexicon);
        ArgumentNullException.ThrowIfNull(analyse);
        ArgumentNullException.ThrowIfNull(log);
        var stage = new EventStage(lexicon);
        var classes = new List<string> { TriggerModel.NoneClass };
        classes.AddRange(Types);
        var train = AnnotationEvaluator.Predict(sentences.Where(s => s.Split == "train"), analyse);
        var dev = AnnotationEvaluator.Predict(sentences.Where(s => s.Split == "dev"), analyse);
        var trainRows = Rows(stage, train, classes);
        var devRows = Rows(stage, dev, classes);
        var ploverRows = ploverPath is null ? [] : PloverRows(stage, ploverPath, analyse, classes);
        trainRows.AddRange(ploverRows);
        if (ploverPath is not null) log.WriteLine($"PLOVER training records: {ploverRows.Count} tokens of a rule event of the record's type");
        if (trainRows.Count == 0) throw new InvalidOperationException("no training examples: the annotations have no train sentence with a verb or a noun");
        log.WriteLine($"tokens: {trainRows.Count} train ({trainRows.Count(r => r.Label != 0)} in a gold trigger) from {train.Count} sentences, {devRows.Count} dev ({devRows.Count(r => r.Label != 0)}) from {dev.Count}");

        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (f, _) in trainRows)
        {
            foreach (var name in f.Distinct()) counts[name] = counts.GetValueOrDefault(name) + 1;
        }

        var names = counts.Where(p => p.Value >= 2).Select(p => p.Key).Order(StringComparer.Ordinal).ToArray();
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < names.Length; i++) index[names[i]] = i;
        Example Encode((List<string> F, int Label) r) => new([.. r.F.Where(index.ContainsKey).Select(f => index[f]).Distinct()], r.Label);
        var trainX = trainRows.Select(Encode).ToArray();
        var devX = devRows.Select(Encode).ToArray();

        (double[] W, double[] B, double Loss, double L2)? best = null;
        foreach (var l2 in Penalties)
        {
            var (w, b) = Fit(trainX, names.Length, classes.Count, l2);
            var loss = devX.Length == 0 ? 0 : devX.Average(x => -Math.Log(Math.Max(1e-9, Probabilities(w, b, classes.Count, x.Features)[x.Label])));
            log.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  L2 {l2,-7} dev token log-loss {loss:0.0000}"));
            if (best is null || loss < best.Value.Loss - 1e-9) best = (w, b, loss, l2);
        }

        var (bw, bb, bestLoss, bestL2) = best!.Value;
        var weights = new Dictionary<string, double[]>(StringComparer.Ordinal);
        for (var f = 0; f < names.Length; f++)
        {
            var row = new double[classes.Count];
            var any = false;
            for (var k = 0; k < classes.Count; k++)
            {
                var v = Math.Round(bw[f * classes.Count + k], 4);
                row[k] = v;
                any |= Math.Abs(v) >= 0.01;
            }

            if (any) weights[names[f]] = row;
        }

        var model = new TriggerModel(classes, weights, bb, 0, 1.01);
        Diagnose(model, devRows, log);

        // Thresholds on the dev sentences: every combination, scored as `dossier eval events` scores them (no scorer).
        var calls = dev.Select(p => stage.TriggerCalls(p.Document, model).SelectMany(c => c).ToList()).ToList();
        var grid = new List<(double Veto, double VetoEvent, double Propose, EventTypeScores S)>();
        foreach (var veto in Vetoes)
        {
            foreach (var vetoEvent in EventVetoes)
            {
                foreach (var propose in Proposals)
                {
                    var rescored = dev.Select((p, i) => p with { Events = TriggerDecisions.Select(calls[i], veto, vetoEvent, propose) }).ToList();
                    var s = AnnotationEvaluator.Score(rescored, 0).All;
                    grid.Add((veto, vetoEvent, propose, s));
                    log.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  veto {veto:0.00} veto-event {vetoEvent:0.00} propose {propose:0.00}: dev P {s.Precision:0.000} R {s.Recall:0.000} F1 {s.F1:0.000} ({s.Predicted} predicted)"));
                }
            }
        }

        var rules = grid.First(g => g.Veto == 0 && g.VetoEvent == 0 && g.Propose > 1);
        // The model proposes; it does not delete. Its probability is a feature of the event scorer, whose threshold then
        // does the vetoing: on dev that reaches the same recall at precision 0.6 as dropping the rule events the model
        // doubts (0.330 against 0.342), while dropping them cost the PLOVER records' type recall (0.85 against 0.74) and
        // rule events on the reference report. So the vetoes are printed for the record and the proposal threshold is
        // the one of the best dev F1 without a veto.
        var chosen = grid.Where(g => g.Veto == 0 && g.VetoEvent == 0).OrderByDescending(g => g.S.F1).ThenByDescending(g => g.S.Recall).First();
        var how = "best F1 with no veto: the event scorer's threshold, which reads the model's probability, buys precision";
        model = model.With(chosen.Veto, chosen.VetoEvent, chosen.Propose);
        var summary = string.Create(CultureInfo.InvariantCulture,
            $"chosen L2 {bestL2}, dev token log-loss {bestLoss:0.0000}; veto {chosen.Veto:0.00}, veto-event {chosen.VetoEvent:0.00}, propose {chosen.Propose:0.00} ({how}): dev P {chosen.S.Precision:0.000} R {chosen.S.Recall:0.000} F1 {chosen.S.F1:0.000}; rules alone P {rules.S.Precision:0.000} R {rules.S.Recall:0.000} F1 {rules.S.F1:0.000}");
        log.WriteLine(summary);
        var casesPath = Environment.GetEnvironmentVariable("DOSSIER_CANDIDATE_CASES");
        using (var cases = string.IsNullOrEmpty(casesPath) ? null : new StreamWriter(casesPath))
        {
            log.WriteLine("dev gold events by candidate (before the event scorer):");
            foreach (var (reason, n) in CandidateDiagnosis.Run(lexicon, model, dev, cases).OrderByDescending(p => p.Value)) log.WriteLine($"  {n,4} {reason}");
        }

        model.Save(outPath,
        [
            "Trigger model: multinomial logistic regression over TriggerFeatures of each verb and common noun (classes: NONE and the PLOVER types). Built by `dossier train event-trigger`; do not edit.",
            string.Create(CultureInfo.InvariantCulture, $"Data: {train.Count} train / {dev.Count} dev annotated sentences, {trainRows.Count} / {devRows.Count} candidate tokens; features seen at least twice."),
            summary,
            "Rows: @classes; @veto, @veto-event and @propose (thresholds chosen on dev); @bias and feature rows: one weight per class (probabilities = softmax of bias + sum of the rows present).",
        ]);
        return model;
    }

    /// <summary>The L2 penalty of the fold models (<see cref="OutOfFold"/>): the one the shipped model chose on dev.</summary>
    public const double FoldPenalty = 0.0003;

    /// <summary>
    /// The events of each train sentence as the pipeline would give them with a trigger model that never saw the
    /// sentence (cross-fitting): the train documents are cut into <paramref name="folds"/> parts; for each part a model
    /// is fitted on the others (<see cref="FoldPenalty"/>, the thresholds of <paramref name="model"/>) and proposes and
    /// scores that part's triggers. The event scorer learns from these events, so that the trigger model's probability
    /// (its <c>prior=</c> feature) is as reliable in training as on text the model has not seen; in its own train
    /// sentences the model is overconfident. Deterministic.
    /// </summary>
    /// <param name="train">The train sentences analysed without the trigger model and the scorer (rule events only).</param>
    /// <param name="lexicon">The event lexicon of the rule coder.</param>
    /// <param name="model">The shipped trigger model (its thresholds are used).</param>
    /// <param name="folds">How many parts.</param>
    /// <param name="log">Progress.</param>
    public static IReadOnlyList<SentencePrediction> OutOfFold(IReadOnlyList<SentencePrediction> train, EventLexicon lexicon, TriggerModel model, int folds, TextWriter log)
    {
        ArgumentNullException.ThrowIfNull(train);
        ArgumentNullException.ThrowIfNull(lexicon);
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(log);
        ArgumentOutOfRangeException.ThrowIfLessThan(folds, 2);
        var stage = new EventStage(lexicon);
        var classes = model.Classes.ToList();
        var fold = train.Select(p => Fold(p.Gold.Corpus + "/" + p.Gold.Doc, folds)).ToArray();
        var rows = train.Select(p => Rows(stage, [p], classes)).ToArray();
        var result = new SentencePrediction[train.Count];
        for (var k = 0; k < folds; k++)
        {
            var fitRows = new List<(List<string> Features, int Label)>();
            for (var i = 0; i < train.Count; i++)
            {
                if (fold[i] != k) fitRows.AddRange(rows[i]);
            }

            var foldModel = FitOn(fitRows, classes, FoldPenalty).With(model.Veto, model.VetoEvent, model.Propose);
            var count = 0;
            for (var i = 0; i < train.Count; i++)
            {
                if (fold[i] != k) continue;
                var calls = stage.TriggerCalls(train[i].Document, foldModel).SelectMany(c => c).ToList();
                result[i] = train[i] with { Events = TriggerDecisions.Select(calls, foldModel.Veto, foldModel.VetoEvent, foldModel.Propose) };
                count++;
            }

            log.WriteLine($"  fold {k + 1}/{folds}: a trigger model fitted on {fitRows.Count} tokens proposes for {count} train sentences");
        }

        return result;
    }

    /// <summary>The fold of a document: a stable hash of its name (FNV-1a), so that the folds do not depend on the order of the files.</summary>
    private static int Fold(string document, int folds)
    {
        var hash = 2166136261u;
        foreach (var c in document)
        {
            hash ^= c;
            hash *= 16777619u;
        }

        return (int)(hash % (uint)folds);
    }

    /// <summary>A model fitted on <paramref name="rows"/> (features seen at least twice) at penalty <paramref name="l2"/>, with no thresholds.</summary>
    private static TriggerModel FitOn(List<(List<string> Features, int Label)> rows, List<string> classes, double l2)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (f, _) in rows)
        {
            foreach (var name in f.Distinct()) counts[name] = counts.GetValueOrDefault(name) + 1;
        }

        var names = counts.Where(p => p.Value >= 2).Select(p => p.Key).Order(StringComparer.Ordinal).ToArray();
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < names.Length; i++) index[names[i]] = i;
        var examples = rows.Select(r => new Example([.. r.Features.Where(index.ContainsKey).Select(f => index[f]).Distinct()], r.Label)).ToArray();
        var (w, b) = Fit(examples, names.Length, classes.Count, l2);
        var weights = new Dictionary<string, double[]>(StringComparer.Ordinal);
        for (var f = 0; f < names.Length; f++)
        {
            var row = new double[classes.Count];
            for (var k = 0; k < classes.Count; k++) row[k] = Math.Round(w[f * classes.Count + k], 4);
            weights[names[f]] = row;
        }

        return new TriggerModel(classes, weights, b, 0, 1.01);
    }

    private static void Diagnose(TriggerModel model, List<(List<string> Features, int Label)> rows, TextWriter log)
    {
        int gold = 0, right = 0, typed = 0, ruleGold = 0, ruleRight = 0, falsePos = 0, noRuleRight = 0;
        foreach (var (f, label) in rows)
        {
            var p = model.Probabilities(f);
            var best = Array.IndexOf(p, p.Max());
            var hasRule = !f.Contains("rule=none");
            if (label != 0)
            {
                gold++;
                if (best == label) right++;
                if (best != 0) typed++;
                if (hasRule) { ruleGold++; if (best == label) ruleRight++; }
                else if (best == label) noRuleRight++;
            }
            else if (best != 0) falsePos++;
        }

        log.WriteLine($"  dev tokens in gold triggers: {gold}; argmax right {right}, typed {typed}; with a rule event {ruleGold} (right {ruleRight}); without one, right {noRuleRight}; NONE tokens typed {falsePos}");
    }

    /// <summary>The trigger tokens of the rule events of each training PLOVER record's type, labelled with it.</summary>
    private static List<(List<string> Features, int Label)> PloverRows(EventStage stage, string path, Func<string, Document> analyse, List<string> classes)
    {
        using var stream = File.OpenRead(path);
        using var json = System.Text.Json.JsonDocument.Parse(stream);
        var position = 0;
        var rows = new List<(List<string>, int)>();
        foreach (var record in json.RootElement.EnumerateArray())
        {
            var text = record.TryGetProperty("text", out var tp) && tp.ValueKind == System.Text.Json.JsonValueKind.String ? tp.GetString() : null;
            var type = record.TryGetProperty("event", out var ep) && ep.ValueKind == System.Text.Json.JsonValueKind.String ? ep.GetString() : null;
            if (string.IsNullOrWhiteSpace(text) || string.IsNullOrEmpty(type) || type == "DOCUMENT") continue;
            if (EventScorerTrainer.PloverSplit(position++) != "train") continue;
            var k = classes.IndexOf(EventEvaluator.PloverType(type));
            if (k <= 0) continue;
            var document = analyse(text);
            var triggers = new HashSet<int>();
            foreach (var e in document.Events.IsDefault ? [] : document.Events)
            {
                if (e.Type != classes[k]) continue;
                for (var i = 0; i < document.Tokens.Length; i++)
                {
                    if (document.Tokens[i].Start == e.Trigger.Start) triggers.Add(i);
                }
            }

            foreach (var (token, features) in stage.TriggerExamples(document))
            {
                if (triggers.Contains(token)) rows.Add((features, k));
            }
        }

        return rows;
    }

    /// <summary>The candidate tokens of the sentences with their features and gold class.</summary>
    private static List<(List<string> Features, int Label)> Rows(EventStage stage, IReadOnlyList<SentencePrediction> predictions, List<string> classes)
    {
        var rows = new List<(List<string>, int)>();
        foreach (var p in predictions)
        {
            var document = p.Document;
            var labels = new Dictionary<int, int>();
            foreach (var g in p.Gold.Events)
            {
                var k = classes.IndexOf(g.Type);
                if (k < 0 || string.IsNullOrEmpty(g.Trigger)) continue;
                var at = document.Text.IndexOf(g.Trigger, StringComparison.Ordinal);
                if (at < 0) at = document.Text.IndexOf(g.Trigger, StringComparison.OrdinalIgnoreCase);
                if (at < 0) continue;
                for (var i = 0; i < document.Tokens.Length; i++)
                {
                    var t = document.Tokens[i];
                    if (t.Start < at + g.Trigger.Length && at < t.End) labels.TryAdd(i, k);
                }
            }

            foreach (var (token, features) in stage.TriggerExamples(document)) rows.Add((features, labels.GetValueOrDefault(token)));
        }

        return rows;
    }

    private static double[] Probabilities(double[] w, double[] b, int k, int[] features)
    {
        var z = (double[])b.Clone();
        foreach (var f in features)
        {
            for (var c = 0; c < k; c++) z[c] += w[f * k + c];
        }

        TriggerModel.Softmax(z);
        return z;
    }

    /// <summary>Full-batch AdaGrad on the mean log-loss plus l2/2·|w|² (intercepts not penalised); no randomness.</summary>
    private static (double[] W, double[] B) Fit(Example[] examples, int features, int k, double l2, int iterations = 300)
    {
        var w = new double[features * k];
        var g2 = new double[w.Length];
        var grad = new double[w.Length];
        var b = new double[k];
        var bg2 = new double[k];
        const double rate = 0.5;
        var n = Math.Max(1, examples.Length);
        for (var it = 0; it < iterations; it++)
        {
            Array.Clear(grad);
            var bgrad = new double[k];
            foreach (var x in examples)
            {
                var p = Probabilities(w, b, k, x.Features);
                p[x.Label] -= 1;
                for (var c = 0; c < k; c++) bgrad[c] += p[c];
                foreach (var f in x.Features)
                {
                    for (var c = 0; c < k; c++) grad[f * k + c] += p[c];
                }
            }

            for (var c = 0; c < k; c++)
            {
                var g = bgrad[c] / n;
                bg2[c] += g * g;
                b[c] -= rate * g / (Math.Sqrt(bg2[c]) + 1e-8);
            }

            for (var i = 0; i < w.Length; i++)
            {
                var g = grad[i] / n + l2 * w[i];
                if (g == 0) continue;
                g2[i] += g * g;
                w[i] -= rate * g / (Math.Sqrt(g2[i]) + 1e-8);
            }
        }

        return (w, b);
    }
}
