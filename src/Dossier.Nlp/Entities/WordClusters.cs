using System.Diagnostics;
using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Text.RegularExpressions;
using Dossier.Nlp.Models;

namespace Dossier.Nlp.Entities;

/// <summary>
/// Word clusters learned from unlabelled text, a feature of the name tagger: words that occur in the same
/// contexts share a cluster, so a name the training data never showed still looks like the names it did
/// show. Keyed by the folded lower-case form (<see cref="FeatureHash.LowerFolded"/>: case, digits and curly
/// quotes folded), so "TAMPA", "Tampa" and "tampa" have one cluster. Two levels: a fine cluster (up to 1,024)
/// and a coarse one (up to 64) that groups fine clusters. Built by <see cref="Build"/>
/// (<c>dossier train ner-clusters</c>); stored in the tagger file and as <c>models/ner/word-clusters.tsv.gz</c>.
/// </summary>
internal sealed partial class WordClusters
{
    public const string FileName = "word-clusters.tsv.gz";

    // Folded lower-case hash -> case, fine and coarse cluster (Get); -> proper-noun class (ProperNounClass). Tables that a
    // cache file holds as they are (NerModel.Cache.cs).
    private readonly UInt64Table _byHash;
    private readonly UInt64Table _properNouns;
    private List<(string Word, int Fine, int Coarse, int Case)>? _entries;
    private readonly Func<List<(string Word, int Fine, int Coarse, int Case)>>? _entriesSource; // of a cached copy: from the tagger file, when first asked for

    private WordClusters(List<(string Word, int Fine, int Coarse, int Case)> entries, IReadOnlyCollection<KeyValuePair<ulong, int>>? properNouns = null)
    {
        _entries = entries;
        var byHash = new Dictionary<ulong, int>(entries.Count);
        foreach (var (word, fine, coarse, @case) in entries) byHash.TryAdd(FeatureHash.LowerFolded(word), (@case << 24) | ((fine + 1) << 8) | (coarse + 1));
        _byHash = UInt64Table.Build(byHash);
        _properNouns = UInt64Table.Build(properNouns ?? []);
    }

    private WordClusters(UInt64Table byHash, UInt64Table properNouns, Func<List<(string Word, int Fine, int Coarse, int Case)>> entries)
    {
        _byHash = byHash;
        _properNouns = properNouns;
        _entriesSource = entries;
    }

    public static WordClusters Empty { get; } = new([]);

    /// <summary>
    /// The words (folded lower case) with their fine and coarse cluster and how they are written inside a sentence
    /// (truecasing evidence: 0 seen too rarely there, 1 capitalised under 10% of the time, 2 under 50%, 3 under 90%,
    /// 4 almost always), in file order.
    /// </summary>
    public List<(string Word, int Fine, int Coarse, int Case)> Entries => _entries ??= _entriesSource!();

    public int Count => Entries.Count;

    /// <summary>Case class in bits 24–26, fine cluster + 1 in bits 8–23, coarse cluster + 1 in the low 8 bits; 0 for an unknown word.</summary>
    public int Get(ulong lowerFolded) => _byHash.TryGetValue(lowerFolded, out var c) ? c : 0;

    public static WordClusters Load(string path)
    {
        using var file = File.OpenRead(path);
        using var gzip = new GZipStream(file, CompressionMode.Decompress);
        using var reader = new StreamReader(gzip, Encoding.UTF8);
        var entries = new List<(string, int, int, int)>();
        var line = 0;
        var complete = false;
        while (reader.ReadLine() is { } text)
        {
            line++;
            if (text.StartsWith("# end ", StringComparison.Ordinal))
            {
                if (text != "# end " + entries.Count.ToString(CultureInfo.InvariantCulture)) throw new InvalidDataException($"{path}:{line}: the end line does not match the {entries.Count} words");
                complete = true;
                continue;
            }

            if (text.StartsWith('#') && !text.Contains('\t', StringComparison.Ordinal)) continue; // a comment ("#" as a word has columns)
            var parts = text.Split('\t');
            if (complete || parts.Length != 4 || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var fine)
                || !int.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var coarse) || fine > 65_000 || coarse > 250
                || !int.TryParse(parts[3], NumberStyles.None, CultureInfo.InvariantCulture, out var @case) || @case > 4)
            {
                throw new InvalidDataException($"{path}:{line}: expected WORD, FINE, COARSE, CASE");
            }

            entries.Add((parts[0], fine, coarse, @case));
        }

        if (!complete) throw new InvalidDataException($"{path}: the end line is missing");
        return new WordClusters(entries);
    }

    /// <summary>
    /// Per word (folded lower case hash): how often a treebank tags it PROPN (<see cref="ProperNounClass"/>); learned by
    /// <c>train ner</c> from the train documents of EWT and GUM and stored with the clusters in the tagger file.
    /// </summary>
    public IReadOnlyDictionary<ulong, byte> ProperNouns => _properNouns.Pairs().ToDictionary(p => p.Key, p => (byte)p.Value);

    /// <summary>0 unknown (seen under twice), 1 never a proper noun, 2 under 10% of the time, 3 under 50%, 4 under 90%, 5 more.</summary>
    public int ProperNounClass(ulong lowerFolded) => _properNouns.TryGetValue(lowerFolded, out var c) ? c : 0;

    /// <summary>A copy with the proper-noun rates counted from treebank sentences (words and their UPOS tags).</summary>
    public WordClusters WithProperNouns(IEnumerable<(string[] Words, string[] Upos)> sentences)
    {
        var counts = new Dictionary<ulong, (int Total, int Proper)>();
        foreach (var (words, upos) in sentences)
        {
            for (var i = 0; i < words.Length; i++)
            {
                var key = FeatureHash.LowerFolded(words[i]);
                counts.TryGetValue(key, out var c);
                counts[key] = (c.Total + 1, c.Proper + (upos[i] == "PROPN" ? 1 : 0));
            }
        }

        var rates = new Dictionary<ulong, int>();
        foreach (var (key, (total, proper)) in counts)
        {
            if (total < 2) continue;
            var rate = (double)proper / total;
            rates[key] = proper == 0 ? 1 : rate < 0.1 ? 2 : rate < 0.5 ? 3 : rate < 0.9 ? 4 : 5;
        }

        return new WordClusters(Entries, rates);
    }

    public void Write(BinaryWriter writer)
    {
        writer.Write(Entries.Count);
        foreach (var (word, fine, coarse, @case) in Entries)
        {
            writer.Write(word);
            writer.Write((ushort)fine);
            writer.Write((byte)coarse);
            writer.Write((byte)@case);
        }

        writer.Write(_properNouns.Count);
        foreach (var (key, value) in _properNouns.Pairs().OrderBy(p => p.Key))
        {
            writer.Write(key);
            writer.Write((byte)value);
        }
    }

    public static WordClusters Read(BinaryReader reader)
    {
        var count = reader.ReadInt32();
        if (count is < 0 or > 1_000_000) throw new InvalidDataException("bad word cluster count");
        var entries = new List<(string, int, int, int)>(count);
        for (var i = 0; i < count; i++) entries.Add((reader.ReadString(), reader.ReadUInt16(), reader.ReadByte(), reader.ReadByte()));
        var rateCount = reader.ReadInt32();
        if (rateCount is < 0 or > 1_000_000) throw new InvalidDataException("bad proper-noun rate count");
        var rates = new Dictionary<ulong, int>(rateCount);
        for (var i = 0; i < rateCount; i++) rates[reader.ReadUInt64()] = reader.ReadByte();
        return new WordClusters(entries, rates);
    }

    /// <summary>Writes the two look-up tables to a cache file (<see cref="ReadLayout"/>; the words themselves stay in the tagger file).</summary>
    public void WriteLayout(BinaryWriter header, Action<ReadOnlySpan<byte>> block)
    {
        _byHash.Write(header, block);
        _properNouns.Write(header, block);
    }

    /// <summary>
    /// The clusters <see cref="WriteLayout"/> wrote, looked up in the mapped file; their words (<see cref="Entries"/>, for
    /// saving and training only) are <paramref name="entries"/>', read when first asked for.
    /// </summary>
    /// <exception cref="InvalidDataException">A size or a value is out of range.</exception>
    public static WordClusters ReadLayout(BinaryReader header, ModelCacheFile file, Func<List<(string Word, int Fine, int Coarse, int Case)>> entries) =>
        new(UInt64Table.Read(header, file, 0, (4 << 24) | (65_001 << 8) | 251), UInt64Table.Read(header, file, 0, 255), entries);

    /// <summary>True when both hold the same words and the same look-ups (clusters and proper-noun classes).</summary>
    public bool SameAs(WordClusters other) =>
        Entries.SequenceEqual(other.Entries) && Same(_byHash, other._byHash) && Same(_properNouns, other._properNouns);

    private static bool Same(UInt64Table a, UInt64Table b) => a.Count == b.Count && a.Pairs().All(p => b.TryGetValue(p.Key, out var v) && v == p.Value);

    /// <summary>Settings of <see cref="Build"/>; the defaults built the shipped file.</summary>
    internal sealed record BuildOptions
    {
        public int MinCount { get; init; } = 3;

        public int MaxWords { get; init; } = 40_000;

        public int ContextWords { get; init; } = 1_500;

        public int Fine { get; init; } = 512;

        public int Coarse { get; init; } = 48;

        public int Iterations { get; init; } = 12;

        public ulong Seed { get; init; } = 20261206;
    }

    /// <summary>
    /// Clusters the words of the unlabelled text under <paramref name="sharedDirectory"/> (training splits only where a
    /// corpus has splits: CoNLL-2003 train, UD EWT train, all GUM documents, TempEval-3, the BBC articles) and writes
    /// <paramref name="outputPath"/>. Each word (seen at least <see cref="BuildOptions.MinCount"/> times) is described by
    /// the positive PMI of the frequent words at distance 1 and 2 to its left and right, of unit length; spherical k-means groups the vectors into fine clusters and the fine centroids into
    /// coarse ones. Deterministic (fixed seed, files read in name order).
    /// </summary>
    public static void Build(string sharedDirectory, string outputPath, TextWriter log, BuildOptions? options = null)
    {
        options ??= new BuildOptions();
        var watch = Stopwatch.StartNew();
        var sentences = ReadText(sharedDirectory, log);
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        var inside = new Dictionary<string, (int All, int Capitalised)>(StringComparer.Ordinal);
        long tokens = 0;
        for (var k = 0; k < sentences.Count; k++)
        {
            var original = sentences[k];
            var folded = new string[original.Length];
            var shouted = original.Count(w => w.Any(char.IsLetter) && !w.Any(char.IsLower)) * 2 > original.Length;
            for (var i = 0; i < original.Length; i++)
            {
                var w = folded[i] = Fold(original[i]);
                counts[w] = counts.GetValueOrDefault(w) + 1;
                tokens++;

                // Truecasing evidence: how the word is written inside a sentence that is not all in capitals.
                if (i == 0 || shouted || !char.IsLetter(original[i][0]) || original[i - 1] is "." or "\"" or ":" or "?" or "!") continue;
                var (seen, capitalised) = inside.GetValueOrDefault(w);
                inside[w] = (seen + 1, capitalised + (char.IsUpper(original[i][0]) ? 1 : 0));
            }

            sentences[k] = folded;
        }

        var byFrequency = counts.OrderByDescending(p => p.Value).ThenBy(p => p.Key, StringComparer.Ordinal).ToList();
        var vocabulary = byFrequency.Where(p => p.Value >= options.MinCount).Take(options.MaxWords).Select(p => p.Key).ToList();
        var wordId = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < vocabulary.Count; i++) wordId[vocabulary[i]] = i;
        var contextCount = Math.Min(options.ContextWords, vocabulary.Count);
        log.WriteLine(FormattableString.Invariant($"clusters: {sentences.Count:N0} sentences, {tokens:N0} tokens, {counts.Count:N0} word types, {vocabulary.Count:N0} clustered, {contextCount:N0} context words"));

        // Co-occurrence counts: context feature = position (−2, −1, +1, +2) × context word (or "other", or the sentence edge).
        var slots = contextCount + 2;
        var features = 4 * slots;
        var pairs = new Dictionary<long, int>();
        var featureTotals = new long[features];
        var wordTotals = new long[vocabulary.Count];
        foreach (var s in sentences)
        {
            var ids = new int[s.Length];
            for (var i = 0; i < s.Length; i++) ids[i] = wordId.TryGetValue(s[i], out var id) ? id : -1;
            for (var i = 0; i < s.Length; i++)
            {
                if (ids[i] < 0) continue;
                for (var p = 0; p < 4; p++)
                {
                    var j = i + p switch { 0 => -2, 1 => -1, 2 => 1, _ => 2 };
                    var slot = j < 0 || j >= s.Length ? contextCount + 1 : ids[j] >= 0 && ids[j] < contextCount ? ids[j] : contextCount;
                    var f = p * slots + slot;
                    var key = (long)ids[i] * features + f;
                    pairs[key] = pairs.GetValueOrDefault(key) + 1;
                    featureTotals[f]++;
                    wordTotals[ids[i]]++;
                }
            }
        }

        // Positive PMI rows, sparse and of unit length.
        var rows = new List<(int Feature, float Weight)>[vocabulary.Count];
        for (var w = 0; w < rows.Length; w++) rows[w] = [];
        double all = featureTotals.Sum();
        foreach (var (key, count) in pairs.OrderBy(p => p.Key))
        {
            var w = (int)(key / features);
            var f = (int)(key % features);
            var pmi = Math.Log(count * all / ((double)wordTotals[w] * featureTotals[f]));
            if (pmi > 0) rows[w].Add((f, (float)pmi));
        }

        var sparse = rows.Select(r =>
        {
            var norm = MathF.Sqrt(r.Sum(x => x.Weight * x.Weight));
            return r.Select(x => (x.Feature, norm > 0 ? x.Weight / norm : 0f)).ToArray();
        }).ToArray();
        log.WriteLine(FormattableString.Invariant($"clusters: {pairs.Count:N0} co-occurrences, {sparse.Sum(r => r.Length):N0} positive, {watch.Elapsed.TotalSeconds:F0} s"));

        var random = new SplitMix64(options.Seed);
        var fineCount = Math.Min(options.Fine, vocabulary.Count);
        var fine = KMeans(sparse, features, fineCount, options.Iterations, random, out var centroids, log);
        var dense = Enumerable.Range(0, fineCount).Select(c => Enumerable.Range(0, features).Select(f => (f, centroids[f * fineCount + c])).Where(x => x.Item2 != 0).ToArray()).ToArray();
        var coarseOfFine = KMeans(dense, features, Math.Min(options.Coarse, fineCount), options.Iterations, random, out _, log);

        var directory = Path.GetDirectoryName(Path.GetFullPath(outputPath));
        if (directory is not null) Directory.CreateDirectory(directory);
        using (var file = File.Create(outputPath))
        using (var gzip = new GZipStream(file, CompressionLevel.SmallestSize))
        using (var writer = new StreamWriter(gzip, new UTF8Encoding(false)))
        {
            writer.NewLine = "\n";
            writer.WriteLine("# word clusters for the name tagger: WORD (lower case, digits as 0), FINE cluster, COARSE cluster, CASE (inside a sentence: 0 rare, 1 capitalised < 10%, 2 < 50%, 3 < 90%, 4 more); built by `dossier train ner-clusters` from the unlabelled text of ../shared (see models/ner/SOURCES.md)");
            var order = Enumerable.Range(0, vocabulary.Count).OrderBy(i => fine[i]).ThenBy(i => i);
            foreach (var i in order)
            {
                var (seen, capitalised) = inside.GetValueOrDefault(vocabulary[i]);
                var ratio = seen == 0 ? 0 : (double)capitalised / seen;
                var @case = seen < 2 ? 0 : ratio < 0.1 ? 1 : ratio < 0.5 ? 2 : ratio < 0.9 ? 3 : 4;
                writer.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{vocabulary[i]}\t{fine[i]}\t{coarseOfFine[fine[i]]}\t{@case}"));
            }
            writer.WriteLine(string.Create(CultureInfo.InvariantCulture, $"# end {vocabulary.Count}"));
        }

        log.WriteLine(FormattableString.Invariant($"clusters: wrote {outputPath} ({new FileInfo(outputPath).Length:N0} bytes) in {watch.Elapsed.TotalMinutes:F1} min"));
    }

    /// <summary>Spherical k-means over sparse unit rows; <paramref name="centroids"/> is feature-major (<c>[f * k + c]</c>).</summary>
    private static int[] KMeans((int Feature, float Weight)[][] rows, int features, int k, int iterations, SplitMix64 random, out float[] centroids, TextWriter log)
    {
        var n = rows.Length;
        var c0 = new float[features * k];
        var start = Enumerable.Range(0, n).ToArray();
        random.Shuffle(start);
        for (var c = 0; c < k; c++) foreach (var (f, w) in rows[start[c]]) c0[f * k + c] = w;
        centroids = c0;
        var assignment = new int[n];
        for (var iteration = 0; iteration < iterations; iteration++)
        {
            var local = centroids;
            var next = new int[n];
            Parallel.For(0, n, new ParallelOptions { MaxDegreeOfParallelism = 2 }, () => new float[k], (i, _, scores) =>
            {
                Array.Clear(scores);
                foreach (var (f, w) in rows[i])
                {
                    var column = local.AsSpan(f * k, k);
                    for (var c = 0; c < k; c++) scores[c] += w * column[c];
                }

                var best = 0;
                for (var c = 1; c < k; c++)
                {
                    if (scores[c] > scores[best]) best = c;
                }

                next[i] = best;
                return scores;
            }, _ => { });
            var changed = 0;
            for (var i = 0; i < n; i++)
            {
                if (next[i] != assignment[i] || iteration == 0) changed++;
                assignment[i] = next[i];
            }

            var sums = new float[features * k];
            var sizes = new int[k];
            for (var i = 0; i < n; i++)
            {
                var c = assignment[i];
                sizes[c]++;
                foreach (var (f, w) in rows[i]) sums[f * k + c] += w;
            }

            var norms = new float[k];
            for (var f = 0; f < features; f++) for (var c = 0; c < k; c++) norms[c] += sums[f * k + c] * sums[f * k + c];
            for (var c = 0; c < k; c++)
            {
                if (sizes[c] == 0)
                {
                    // An empty cluster restarts at a random word.
                    foreach (var (f, w) in rows[random.NextInt(n)]) sums[f * k + c] = w;
                    norms[c] = 1;
                }

                norms[c] = norms[c] > 0 ? 1 / MathF.Sqrt(norms[c]) : 0;
            }

            for (var f = 0; f < features; f++) for (var c = 0; c < k; c++) sums[f * k + c] *= norms[c];
            centroids = sums;
            log.WriteLine(FormattableString.Invariant($"clusters: k-means {k}, pass {iteration + 1}: {changed:N0} moved"));
            if (changed == 0) break;
        }

        return assignment;
    }




    /// <summary>The folded lower-case form a cluster is keyed by, as a string (<see cref="FeatureHash.Fold"/> per character).</summary>
    public static string Fold(string word)
    {
        var chars = new char[word.Length];
        for (var i = 0; i < chars.Length; i++) chars[i] = FeatureHash.Fold(word[i]);
        return new string(chars);
    }

    private static List<string[]> ReadText(string shared, TextWriter log)
    {
        var sentences = new List<string[]>();
        void Add(IEnumerable<string> words)
        {
            var array = words.Where(w => w.Length > 0).ToArray();
            if (array.Length > 0) sentences.Add(array);
        }

        void Raw(string text)
        {
            foreach (var line in text.Split('\n'))
            {
                foreach (var sentence in SentenceEnd().Split(line)) Add(Word().Matches(sentence).Select(m => m.Value));
            }
        }

        var data = Path.Combine(shared, "data");
        var conll = Path.Combine(data, "conll2003", "eng.train.txt");
        if (File.Exists(conll))
        {
            foreach (var document in Conll2003.ReadDocuments(conll)) foreach (var s in document) Add(s.Words);
        }

        var conllu = new List<string>();
        var ewt = Path.Combine(data, "ud-ewt", "en_ewt-ud-train.conllu");
        if (File.Exists(ewt)) conllu.Add(ewt);
        var gum = Path.Combine(data, "gum");
        if (Directory.Exists(gum)) conllu.AddRange(Directory.GetFiles(gum, "*.conllu").Order(StringComparer.Ordinal));
        foreach (var path in conllu)
        {
            var words = new List<string>();
            foreach (var line in File.ReadLines(path))
            {
                if (line.Length == 0)
                {
                    Add(words);
                    words.Clear();
                    continue;
                }

                if (line.StartsWith('#')) continue;
                var columns = line.Split('\t');
                if (columns.Length > 1 && !columns[0].Contains('-', StringComparison.Ordinal) && !columns[0].Contains('.', StringComparison.Ordinal)) words.Add(columns[1]);
            }

            Add(words);
        }

        var tempeval = Path.Combine(data, "tempeval3");
        if (Directory.Exists(tempeval))
        {
            foreach (var path in Directory.GetFiles(tempeval, "*.tml", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
            {
                Raw(System.Net.WebUtility.HtmlDecode(Tag().Replace(File.ReadAllText(path), " ")));
            }
        }

        var bbc = Path.Combine(shared, "corpora", "bbc");
        if (Directory.Exists(bbc))
        {
            foreach (var path in Directory.GetFiles(bbc, "*.txt", SearchOption.AllDirectories).Order(StringComparer.Ordinal)) Raw(File.ReadAllText(path));
        }

        log.WriteLine(FormattableString.Invariant($"clusters: read {conllu.Count} CoNLL-U files, CoNLL-2003 train, TempEval-3 and BBC from {shared}"));
        return sentences;
    }

    [GeneratedRegex(@"(?<=[.!?])\s+(?=[""'\p{Lu}])")]
    private static partial Regex SentenceEnd();

    [GeneratedRegex(@"['’]\p{L}+|\p{L}+(?:[.&-]\p{L}+)*|\d+(?:[.,:]\d+)*|\S")]
    private static partial Regex Word();

    [GeneratedRegex("<[^>]*>")]
    private static partial Regex Tag();
}
