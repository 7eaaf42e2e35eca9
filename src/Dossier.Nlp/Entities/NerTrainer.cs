using System.Diagnostics;
using System.Globalization;
using Dossier.Nlp.Models;

namespace Dossier.Nlp.Entities;

/// <summary>Settings of <see cref="NerTrainer.Train"/>. The defaults built the shipped model.</summary>
public sealed record NerTrainingOptions
{
    /// <summary>Passes over the training data; the pass that scores best on dev is kept (the last one without dev).</summary>
    public int Iterations { get; init; } = 15;

    /// <summary>Seed of the order in which documents are visited.</summary>
    public ulong Seed { get; init; } = 20251016;

    /// <summary>The feature hash has 2^HashBits buckets.</summary>
    public int HashBits { get; init; } = 21;

    /// <summary>Averaged weights smaller than this in magnitude are dropped.</summary>
    public float Prune { get; init; } = 0.05f;

    /// <summary>The gazetteer; default <c>{output}/ner/gazetteer.tsv.gz</c> (built by tools/gazetteer/build.js). It is copied beside the model.</summary>
    public string? GazetteerPath { get; init; }

    /// <summary>Train without gazetteer features (the model still ships the gazetteer for typing).</summary>
    public bool GazetteerFeatures { get; init; } = true;

    /// <summary>Folds of the jackknifed training-name lists; 0 trains without them.</summary>
    public int NameListFolds { get; init; } = 10;

    /// <summary>Training file, relative to the data directory.</summary>
    public string TrainFile { get; init; } = Path.Combine("conll2003", "eng.train.txt");

    /// <summary>Development file, relative to the data directory; used to report each pass and keep the best one. Skipped when absent.</summary>
    public string DevFile { get; init; } = Path.Combine("conll2003", "eng.dev.txt");

    /// <summary>
    /// A second development file (Universal NER IOB2, web text), relative to the data directory, scored after each pass
    /// to tune settings by (the pass kept is chosen on <see cref="DevFile"/>). Never trained on. Skipped when absent or null.
    /// </summary>
    public string? TuneFile { get; init; } = Path.Combine("uner", "en_ewt-ud-dev.iob2");

    /// <summary>Folder of GUM CoNLL-U files, relative to the data directory, whose entity names are added to the training data (<see cref="GumNames"/>); skipped when absent.</summary>
    public string GumDirectory { get; init; } = "gum";

    /// <summary>GUM documents (file names without extension) not trained on: GUM's dev documents.</summary>
    public IReadOnlyCollection<string> GumExclude { get; init; } = [];

    /// <summary>
    /// Cut title words (<see cref="NerLexicon.TitleWords"/>: "President", "Mr." …) off the start of GUM's person names, as
    /// CoNLL-2003 and the entity typer do; GUM tags them as part of the name. Off: tried (with a look-ahead feature) it
    /// changed neither dev figure (CoNLL 0.9081, UNER 0.6218) and lost "MOSCOW" in an all-capital headline; see models/ner/MODELS.md.
    /// </summary>
    public bool CutGumTitles { get; init; }

    /// <summary>Word clusters (<c>dossier train ner-clusters</c>); default <c>{output}/ner/word-clusters.tsv.gz</c>; trained without cluster features when absent.</summary>
    public string? ClustersPath { get; init; }

    /// <summary>
    /// Share of the training documents added again as a case-changed copy: in the copy each sentence is written all
    /// in lower case (probability <see cref="LowerShare"/>), all in capitals (<see cref="UpperShare"/>) or left as it is.
    /// </summary>
    public double CaseCopies { get; init; } = 0.3;

    public double LowerShare { get; init; } = 0.5;

    public double UpperShare { get; init; } = 0.2;

    /// <summary>
    /// A treebank of web text (CoNLL-U, relative to the data directory): with GUM's train documents it gives each word's
    /// proper-noun rate (<see cref="WordClusters.WithProperNouns"/>, a feature); with <see cref="LabelWebTreebank"/> its
    /// sentences are also labelled by a teacher under their PROPN tags (<see cref="EwtNames"/>) and trained on. Skipped when absent or null.
    /// </summary>
    public string? WebTreebankFile { get; init; } = Path.Combine("ud-ewt", "en_ewt-ud-train.conllu");

    /// <summary>
    /// Train on <see cref="WebTreebankFile"/> labelled by a teacher (off: on top of the proper-noun rates it gained 0.3
    /// points of web-text F1 and cost 0.5 of CoNLL dev F1; see models/ner/MODELS.md).
    /// </summary>
    public bool LabelWebTreebank { get; init; }

    /// <summary>
    /// The models directory of the teacher that labels <see cref="WebTreebankFile"/>; null trains the teacher first with
    /// the same options and no treebank (so the command needs no earlier model).
    /// </summary>
    public string? TeacherDirectory { get; init; }
}

/// <summary>
/// Trains the named-entity tagger on CoNLL-2003 English and writes <c>{output}/ner/ner-en-tagger.bin.gz</c>
/// (with the gazetteer beside it). Single-threaded and deterministic: same data and options, same bytes.
/// </summary>
public static class NerTrainer
{
    public static void Train(string dataDirectory, string outputDirectory, TextWriter log, NerTrainingOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(dataDirectory);
        ArgumentNullException.ThrowIfNull(outputDirectory);
        ArgumentNullException.ThrowIfNull(log);
        options ??= new NerTrainingOptions();
        var total = Stopwatch.StartNew();
        var treebankPath = options.WebTreebankFile is null ? null : Path.Combine(dataDirectory, options.WebTreebankFile);
        List<List<ConllSentence>>? web = null;
        if (options.LabelWebTreebank && treebankPath is not null && File.Exists(treebankPath))
        {
            NerModel teacher;
            if (options.TeacherDirectory is not null)
            {
                teacher = NerModel.Load(options.TeacherDirectory);
                log.WriteLine($"ner: teacher {options.TeacherDirectory}");
            }
            else
            {
                log.WriteLine("ner: training the teacher (no web treebank)");
                teacher = Fit(dataDirectory, outputDirectory, log, options, null, out var teacherPass);
                log.WriteLine(FormattableString.Invariant($"ner: teacher is pass {teacherPass}"));
            }

            web = EwtNames.Label(teacher, EwtNames.Read(treebankPath), NerLexicon.Default.CalendarWords, out var counts);
            log.WriteLine($"ner: web treebank {treebankPath}: {counts}");
        }

        var best = Fit(dataDirectory, outputDirectory, log, options, web, out var bestIteration);
        best.Save(outputDirectory);
        var file = new FileInfo(Path.Combine(outputDirectory, NerModel.DirectoryName, NerModel.TaggerFileName));
        log.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"ner: kept pass {bestIteration}; {best.Size.Features:N0} features, {best.Size.Weights:N0} weights; wrote {file.FullName} ({file.Length:N0} bytes) in {total.Elapsed.TotalMinutes:F1} min"));
    }

    /// <summary>Trains on CoNLL train, GUM's names and <paramref name="web"/> (when given); returns the pass best on dev.</summary>
    private static NerModel Fit(string dataDirectory, string outputDirectory, TextWriter log, NerTrainingOptions options, List<List<ConllSentence>>? web, out int bestIteration)
    {
        if (options.Iterations < 1) throw new ArgumentOutOfRangeException(nameof(options), "Iterations must be at least 1");
        if (options.HashBits is < 8 or > 26) throw new ArgumentOutOfRangeException(nameof(options), "HashBits must be between 8 and 26");
        var trainPath = Path.Combine(dataDirectory, options.TrainFile);
        if (!File.Exists(trainPath)) throw new FileNotFoundException($"{trainPath}: the CoNLL-2003 training file is missing", trainPath);
        var gazetteerPath = options.GazetteerPath ?? Path.Combine(outputDirectory, NerModel.DirectoryName, Gazetteer.FileName);
        if (!File.Exists(gazetteerPath))
        {
            throw new FileNotFoundException($"{gazetteerPath}: the gazetteer is missing; build it with `node tools/gazetteer/build.js ../shared/data models/ner/gazetteer.tsv.gz`", gazetteerPath);
        }

        var gazetteer = Gazetteer.Load(gazetteerPath);
        var featureGazetteer = options.GazetteerFeatures ? gazetteer : Gazetteer.Empty;
        var train = Conll2003.ReadDocuments(trainPath);
        var gumPath = Path.Combine(dataDirectory, options.GumDirectory);
        if (options.GumDirectory.Length > 0 && Directory.Exists(gumPath))
        {
            var gum = GumNames.ReadDocuments(gumPath, options.GumExclude, out var skipped, options.CutGumTitles ? NerLexicon.Default.TitleWords : null);
            log.WriteLine(GumNames.Describe(gum, skipped));
            train.AddRange(gum);
        }

        if (web is not null) train.AddRange(web);

        var clustersPath = options.ClustersPath ?? Path.Combine(outputDirectory, NerModel.DirectoryName, WordClusters.FileName);
        var clusters = File.Exists(clustersPath) ? WordClusters.Load(clustersPath) : WordClusters.Empty;
        var treebank = new List<(string[] Words, string[] Upos)>();
        var treebankPath = options.WebTreebankFile is null ? null : Path.Combine(dataDirectory, options.WebTreebankFile);
        if (treebankPath is not null && File.Exists(treebankPath)) treebank.AddRange(EwtNames.Read(treebankPath).SelectMany(d => d.Words.Zip(d.Upos)));
        if (options.GumDirectory.Length > 0 && Directory.Exists(gumPath))
        {
            foreach (var file in Directory.GetFiles(gumPath, "*.conllu").Order(StringComparer.Ordinal))
            {
                if (!options.GumExclude.Contains(Path.GetFileNameWithoutExtension(file))) treebank.AddRange(EwtNames.Read(file).SelectMany(d => d.Words.Zip(d.Upos)));
            }
        }

        if (treebank.Count > 0)
        {
            clusters = clusters.WithProperNouns(treebank);
            log.WriteLine(FormattableString.Invariant($"ner: proper-noun rates of {clusters.ProperNouns.Count:N0} words from {treebank.Count:N0} treebank sentences (EWT train, GUM train)"));
        }
        log.WriteLine(FormattableString.Invariant($"ner: {clusters.Count:N0} clustered words from {clustersPath}"));
        var devPath = Path.Combine(dataDirectory, options.DevFile);
        var dev = File.Exists(devPath) ? Conll2003.ReadDocuments(devPath) : null;
        var tunePath = options.TuneFile is null ? null : Path.Combine(dataDirectory, options.TuneFile);
        var tune = dev is not null && tunePath is not null && File.Exists(tunePath) ? Conll2003.ReadDocuments(tunePath) : null;
        var words = train.Sum(d => d.Sum(s => s.Words.Length));
        log.WriteLine(FormattableString.Invariant($"ner: {train.Count:N0} documents, {train.Sum(d => d.Count):N0} sentences, {words:N0} words; gazetteer {gazetteer.Count:N0} names; 2^{options.HashBits} buckets"));

        var folds = options.NameListFolds;
        var foldLists = new NameList[Math.Max(folds, 1)];
        for (var f = 0; f < folds; f++)
        {
            var fold = f;
            foldLists[f] = NameList.Build(train.Where((_, d) => d % folds != fold).SelectMany(d => d));
        }

        var names = folds > 0 ? NameList.Build(train.SelectMany(d => d)) : NameList.Empty;
        var original = train.Count;
        var source = Enumerable.Range(0, original).ToList(); // the document each copy was made from (its jackknife fold)
        var caseRandom = new SplitMix64(options.Seed ^ 0xCA5EUL);
        for (var d = 0; d < original; d++)
        {
            if (caseRandom.NextDouble() >= options.CaseCopies) continue;
            var copy = new List<ConllSentence>(train[d].Count);
            foreach (var sentence in train[d])
            {
                var r = caseRandom.NextDouble();
                Func<string, string>? change = r < options.LowerShare ? w => w.ToLowerInvariant() : r < options.LowerShare + options.UpperShare ? w => w.ToUpperInvariant() : null;
                copy.Add(change is null ? sentence : sentence with { Words = sentence.Words.Select(change).ToArray() });
            }

            train.Add(copy);
            source.Add(d);
        }

        words = train.Sum(d => d.Sum(s => s.Words.Length));
        log.WriteLine(FormattableString.Invariant($"ner: {train.Count - original:N0} case-changed copies; {train.Count:N0} documents, {words:N0} words in all"));
        var docs = new NerDocument[train.Count];
        var gold = new int[train.Count][][];
        var output = new int[train.Count][][];
        for (var d = 0; d < train.Count; d++)
        {
            docs[d] = new NerDocument(train[d].Select(s => (IReadOnlyList<string>)s.Words).ToList(), featureGazetteer, folds > 0 ? foldLists[source[d] % folds] : NameList.Empty, clusters);
            gold[d] = train[d].Select(s => NerTags.FromSpans(s.Words.Length, s.Spans)).ToArray();
            output[d] = train[d].Select(s => new int[s.Words.Length]).ToArray();
        }

        var weights = new NerTrainingWeights(options.HashBits, NerTags.Count);
        var random = new SplitMix64(options.Seed);
        var order = Enumerable.Range(0, docs.Length).ToArray();
        NerModel? best = null;
        var bestF1 = double.NegativeInfinity;
        bestIteration = 0;
        for (var iteration = 1; iteration <= options.Iterations; iteration++)
        {
            var watch = Stopwatch.StartNew();
            random.Shuffle(order);
            var errors = 0;
            foreach (var d in order)
            {
                docs[d].History.Clear();
                NerDecoder.Tag(docs[d], weights, options.HashBits, output[d], gold[d], weights);
                for (var s = 0; s < output[d].Length; s++)
                {
                    for (var i = 0; i < output[d][s].Length; i++)
                    {
                        if (output[d][s][i] != gold[d][s][i]) errors++;
                    }
                }
            }

            var model = new NerModel(weights.Compile(options.Prune).Quantised(), names, gazetteer, clusters);
            var line = FormattableString.Invariant($"ner: pass {iteration}: train tag accuracy {1 - (double)errors / words:P2}, {watch.Elapsed.TotalSeconds:F1} s");
            if (dev is not null)
            {
                var scores = Evaluate(model, dev);
                line += FormattableString.Invariant($"; dev {scores}");
                var f1 = scores.F1;
                if (tune is not null)
                {
                    // Printed to tune the settings by; the pass kept is chosen on CoNLL dev alone (choosing on the mean of
                    // both kept an early, less trained pass that lost names of the reference report).
                    var webScores = NerEvaluator.Evaluate(model, tune);
                    line += FormattableString.Invariant($"; tune F1 {webScores.F1:P2}");
                }

                if (f1 > bestF1)
                {
                    bestF1 = f1;
                    best = model;
                    bestIteration = iteration;
                }
            }
            else
            {
                best = model;
                bestIteration = iteration;
            }

            log.WriteLine(line);
            log.Flush();
        }

        return best!;
    }

    internal static NerScores Evaluate(NerModel model, List<List<ConllSentence>> documents)
    {
        var gold = new List<(int, int, int, string)>();
        var guess = new List<(int, int, int, string)>();
        var sentenceId = 0;
        var words = 0;
        var typer = new EntityTyper(NerLexicon.Default);
        var watch = Stopwatch.StartNew();
        foreach (var document in documents)
        {
            var predicted = model.Recognize(document.Select(s => (IReadOnlyList<string>)s.Words).ToList(), typer);
            for (var s = 0; s < document.Count; s++, sentenceId++)
            {
                words += document[s].Words.Length;
                foreach (var (start, end, type) in document[s].Spans) gold.Add((sentenceId, start, end, NerTags.Classes[type]));
                foreach (var span in predicted[s]) guess.Add((sentenceId, span.Start, span.End, NerEvaluator.ToConll(span.Type)));
            }
        }

        return NerEvaluator.Score(gold, guess, words, watch.Elapsed.TotalSeconds);
    }
}
