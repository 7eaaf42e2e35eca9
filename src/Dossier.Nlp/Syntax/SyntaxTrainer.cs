using System.Diagnostics;
using System.Globalization;

namespace Dossier.Nlp.Syntax;

/// <summary>Settings of <see cref="SyntaxTrainer"/>. The defaults produce the shipped models.</summary>
public sealed record SyntaxTrainingOptions
{
    /// <summary>Seed of the shuffling and exploration generator: same data and seed, same model bytes.</summary>
    public int Seed { get; init; } = 20251016;

    /// <summary>Most tagger passes; the pass with the best dev accuracy is kept.</summary>
    public int TaggerIterations { get; init; } = 10;

    /// <summary>Most parser passes; the pass with the best dev LAS is kept.</summary>
    public int ParserIterations { get; init; } = 15;

    /// <summary>Folds for jackknifed training tags for the parser (≤ 1: the parser trains on gold tags).</summary>
    public int JackknifeFolds { get; init; } = 4;

    /// <summary>
    /// Train a second, stacked tagger that also sees the first tagger's (jackknifed) tags of the
    /// following words. Needs <see cref="JackknifeFolds"/> &gt; 1.
    /// </summary>
    public bool StackedTagger { get; init; } = true;

    /// <summary>Add <c>{data}/gum/*.conllu</c> to the training data.</summary>
    public bool IncludeGum { get; init; } = true;

    /// <summary>Averaged tagger weights smaller than this are dropped from the model.</summary>
    public float TaggerPrune { get; init; } = 0.1f;

    /// <summary>Averaged parser weights smaller than this are dropped from the model.</summary>
    public float ParserPrune { get; init; } = 1f;

    /// <summary>Probability of following a wrong predicted transition (dynamic-oracle error exploration) from pass 2 on.</summary>
    public double Explore { get; init; } = 0.9;
}

/// <summary>Trains the syntax models (<see cref="SyntaxModel"/>) from Universal Dependencies CoNLL-U files.</summary>
public static class SyntaxTrainer
{
    public const string TrainFile = "ud-ewt/en_ewt-ud-train.conllu";
    public const string DevFile = "ud-ewt/en_ewt-ud-dev.conllu";
    public const string TestFile = "ud-ewt/en_ewt-ud-test.conllu";
    public const string GumDirectory = "gum";

    /// <summary>
    /// Reads <c>{data}/ud-ewt/en_ewt-ud-train.conllu</c> (+ <c>{data}/gum/*.conllu</c>), selects the
    /// number of passes on <c>en_ewt-ud-dev.conllu</c> when present, prints progress to <paramref name="log"/>
    /// and writes the model files into <paramref name="outputDirectory"/>.
    /// </summary>
    /// <exception cref="FileNotFoundException">When the EWT training file is absent.</exception>
    public static void Train(string dataDirectory, string outputDirectory, TextWriter log, SyntaxTrainingOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(dataDirectory);
        ArgumentNullException.ThrowIfNull(outputDirectory);
        ArgumentNullException.ThrowIfNull(log);
        options ??= new SyntaxTrainingOptions();
        var clock = Stopwatch.StartNew();
        var trainPath = Path.Combine(dataDirectory, TrainFile);
        if (!File.Exists(trainPath))
        {
            throw new FileNotFoundException($"{trainPath}: no such file (expected UD English EWT under {dataDirectory})", trainPath);
        }

        var train = new List<ConlluSentence>(ConlluReader.ReadFile(trainPath));
        log.WriteLine($"read {trainPath}: {train.Count:N0} sentences, {train.Sum(s => s.Words.Count):N0} words");
        var gum = Path.Combine(dataDirectory, GumDirectory);
        if (options.IncludeGum && Directory.Exists(gum))
        {
            var files = Directory.GetFiles(gum, "*.conllu").OrderBy(f => Path.GetFileName(f), StringComparer.Ordinal).ToArray();
            var before = train.Count;
            foreach (var file in files) train.AddRange(ConlluReader.ReadFile(file));
            log.WriteLine($"read {files.Length} GUM files: {train.Count - before:N0} sentences, {train.Skip(before).Sum(s => s.Words.Count):N0} words");
        }

        var devPath = Path.Combine(dataDirectory, DevFile);
        IReadOnlyList<ConlluSentence>? dev = File.Exists(devPath) ? ConlluReader.ReadFile(devPath) : null;
        if (dev is not null) log.WriteLine($"dev {devPath}: {dev.Count:N0} sentences");
        else log.WriteLine("no dev file: keeping the last pass of each model");

        var model = TrainModel(train, dev, log, options);
        model.Save(outputDirectory);
        foreach (var name in SyntaxModel.FileNames)
        {
            var info = new FileInfo(Path.Combine(outputDirectory, name));
            log.WriteLine($"wrote {info.FullName} ({info.Length / 1024.0 / 1024.0:F2} MiB)");
        }

        log.WriteLine($"training took {clock.Elapsed.TotalMinutes.ToString("F1", CultureInfo.InvariantCulture)} min");
        log.Flush();
    }

    /// <summary>Trains all three models from sentences in memory; <paramref name="dev"/> (optional) selects the number of passes.</summary>
    public static SyntaxModel TrainModel(IReadOnlyList<ConlluSentence> train, IReadOnlyList<ConlluSentence>? dev, TextWriter log, SyntaxTrainingOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(train);
        ArgumentNullException.ThrowIfNull(log);
        options ??= new SyntaxTrainingOptions();
        if (train.Count == 0 || train.All(s => s.Words.Count == 0)) throw new ArgumentException("no training sentences", nameof(train));
        var seed = (ulong)(uint)options.Seed;
        var clock = Stopwatch.StartNew();

        // Label inventories, sorted for determinism.
        var tags = train.SelectMany(s => s.Words).Select(JointTag).Distinct().OrderBy(t => t, StringComparer.Ordinal).ToArray();
        var tagIndex = tags.Select((t, i) => (t, i)).ToDictionary(p => p.t, p => p.i, StringComparer.Ordinal);
        var labels = train.SelectMany(s => s.Words).Select(w => w.Relation).Append(DependencyParser.RootRelation)
            .Distinct().OrderBy(l => l, StringComparer.Ordinal).ToArray();
        if (labels.Length > 64) log.WriteLine($"note: {labels.Length} relations; label-set features fold relations beyond 64");
        var labelIndex = labels.Select((l, i) => (l, i)).ToDictionary(p => p.l, p => p.i, StringComparer.Ordinal);

        var taggerTrain = train.Where(s => s.Words.Count > 0).Select(s => ToTagged(s, tagIndex)).ToList();
        var taggerDev = dev?.Where(s => s.Words.Count > 0).Select(s => ToTagged(s, tagIndex)).ToList();
        log.WriteLine($"{tags.Length} tags, {labels.Length} relations, {taggerTrain.Sum(s => s.Words.Length):N0} training words");

        // 1. Tagger.
        var tagger = PosTagger.Train(tags, taggerTrain, taggerDev, options.TaggerIterations, seed, options.TaggerPrune, log, "tagger", out var taggerPasses);
        log.WriteLine($"tagger: kept pass {taggerPasses} ({tagger.Model.FeatureCount:N0} features, {tagger.Model.WeightCount:N0} weights) after {clock.Elapsed.TotalSeconds:F0} s");

        // 2. Lemmatizer.
        var lemmatizer = Lemmatizer.Train(train);
        log.WriteLine($"lemmatizer: {lemmatizer.ExceptionCount:N0} exceptions, {lemmatizer.RuleCount:N0} suffix rules");
        if (dev is not null)
        {
            long right = 0, total = 0;
            foreach (var s in dev)
            {
                foreach (var w in s.Words)
                {
                    total++;
                    if (lemmatizer.Lemmatize(w.Form, w.Xpos) == w.Lemma) right++;
                }
            }

            log.WriteLine($"lemmatizer: dev accuracy with gold XPOS {(double)right / Math.Max(1, total):F4}");
        }

        // 3. Training tags for the parser: jackknifed so that they are as noisy as at run time.
        var parserTags = new int[taggerTrain.Count][];
        var folds = options.JackknifeFolds;
        if (folds > 1 && taggerTrain.Count >= folds)
        {
            for (var fold = 0; fold < folds; fold++)
            {
                var rest = new List<(WordInfo[] Words, int[] Gold)>();
                for (var i = 0; i < taggerTrain.Count; i++)
                {
                    if (i % folds != fold) rest.Add(taggerTrain[i]);
                }

                var foldTagger = PosTagger.Train(tags, rest, null, taggerPasses, seed + (ulong)fold + 1, options.TaggerPrune, null, $"fold {fold}", out _);
                long right = 0, total = 0;
                for (var i = fold; i < taggerTrain.Count; i += folds)
                {
                    var (words, gold) = taggerTrain[i];
                    var predicted = new int[words.Length];
                    foldTagger.Tag(words, predicted);
                    parserTags[i] = predicted;
                    for (var k = 0; k < words.Length; k++)
                    {
                        total++;
                        if (predicted[k] == gold[k]) right++;
                    }
                }

                log.WriteLine($"jackknife fold {fold + 1}/{folds}: held-out UPOS|XPOS accuracy {(double)right / Math.Max(1, total):F4} ({clock.Elapsed.TotalSeconds:F0} s)");
                log.Flush();
            }
        }
        else
        {
            for (var i = 0; i < taggerTrain.Count; i++) parserTags[i] = taggerTrain[i].Gold;
        }

        if (options.StackedTagger && folds > 1 && taggerTrain.Count >= folds)
        {
            var firstTagger = tagger;
            tagger = PosTagger.Train(tags, taggerTrain, taggerDev, options.TaggerIterations, seed + 101, options.TaggerPrune, log, "stacked tagger", out var stackedPasses, firstTagger, parserTags);
            log.WriteLine($"stacked tagger: kept pass {stackedPasses} ({tagger.Model.FeatureCount:N0} features, {tagger.Model.WeightCount:N0} weights) after {clock.Elapsed.TotalSeconds:F0} s");
        }

        var trainSentences = train.Where(s => s.Words.Count > 0).ToList();
        var parserTrain = new List<ParserSentence>(trainSentences.Count);
        for (var i = 0; i < trainSentences.Count; i++)
        {
            parserTrain.Add(ToParser(trainSentences[i], taggerTrain[i].Words, parserTags[i], labelIndex));
        }

        List<ParserSentence>? parserDev = null;
        if (dev is not null && taggerDev is not null)
        {
            var devSentences = dev.Where(s => s.Words.Count > 0).ToList();
            parserDev = new List<ParserSentence>(devSentences.Count);
            for (var i = 0; i < devSentences.Count; i++)
            {
                var words = taggerDev[i].Words;
                var predicted = new int[words.Length];
                tagger.Tag(words, predicted);
                parserDev.Add(ToParser(devSentences[i], words, predicted, labelIndex));
            }
        }

        // 4. Parser.
        var parser = ParserTraining.Train(labels, parserTrain, parserDev, options.ParserIterations, seed * 31 + 7, options.ParserPrune, options.Explore, log, out var parserPasses);
        log.WriteLine($"parser: kept pass {parserPasses} ({parser.Model.FeatureCount:N0} features, {parser.Model.WeightCount:N0} weights) after {clock.Elapsed.TotalSeconds:F0} s");
        log.Flush();
        return new SyntaxModel(tagger, lemmatizer, parser);
    }

    internal static string JointTag(ConlluWord w) => string.Concat(w.Upos, "|", w.Xpos);

    private static (WordInfo[] Words, int[] Gold) ToTagged(ConlluSentence s, Dictionary<string, int> tagIndex)
    {
        var words = new WordInfo[s.Words.Count];
        var gold = new int[s.Words.Count];
        for (var i = 0; i < words.Length; i++)
        {
            words[i] = WordInfo.Compute(s.Words[i].Form);
            gold[i] = tagIndex.TryGetValue(JointTag(s.Words[i]), out var t) ? t : -1;
        }

        return (words, gold);
    }

    private static ParserSentence ToParser(ConlluSentence s, WordInfo[] words, int[] tags, Dictionary<string, int> labelIndex)
    {
        var n = s.Words.Count;
        var heads = new int[n + 1];
        var labels = new int[n + 1];
        heads[0] = -1;
        labels[0] = -1;
        for (var i = 0; i < n; i++)
        {
            heads[i + 1] = s.Words[i].Head + 1;
            labels[i + 1] = labelIndex.TryGetValue(s.Words[i].Relation, out var l) ? l : -1;
        }

        return new ParserSentence(words, tags, heads, labels);
    }
}
