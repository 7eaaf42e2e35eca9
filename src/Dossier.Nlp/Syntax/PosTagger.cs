using System.Runtime.CompilerServices;
using Dossier.Nlp.Models;

namespace Dossier.Nlp.Syntax;

/// <summary>
/// Greedy left-to-right averaged-perceptron tagger over joint <c>UPOS|XPOS</c> labels. A stacked
/// tagger (<see cref="First"/> set) runs a first tagger and uses its tags of the following words as
/// right-hand context.
/// </summary>
internal sealed class PosTagger
{
    public const string Kind = "pos-tagger";
    public const int MaxFeatures = 56;
    private const ulong Start = 1;
    private const ulong Start2 = 2;
    private const ulong End = 3;
    private const ulong End2 = 4;

    public PosTagger(string[] tags, TagLexicon lexicon, LinearModel model, PosTagger? first = null)
    {
        Lexicon = lexicon;
        First = first;
        if (first is not null && !first.Tags.AsSpan().SequenceEqual(tags)) throw new InvalidDataException("the first-pass tagger has other tags");
        if (tags.Length != model.Classes) throw new InvalidDataException("tag count does not match the model");
        Tags = tags;
        Model = model;
        Upos = new string[tags.Length];
        Xpos = new string[tags.Length];
        for (var i = 0; i < tags.Length; i++)
        {
            var bar = tags[i].IndexOf('|', StringComparison.Ordinal);
            Upos[i] = bar < 0 ? tags[i] : tags[i][..bar];
            Xpos[i] = bar < 0 ? tags[i] : tags[i][(bar + 1)..];
        }
    }

    /// <summary>Joint labels <c>UPOS|XPOS</c>, indexed by class.</summary>
    public string[] Tags { get; }

    public string[] Upos { get; }

    public string[] Xpos { get; }

    public LinearModel Model { get; }

    public TagLexicon Lexicon { get; }

    /// <summary>The first-pass tagger of a stacked tagger, else null.</summary>
    public PosTagger? First { get; }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // not precompiled: compiled at first use, fully optimised (docs/evaluation.md, branch speed13)
    public void Tag(ReadOnlySpan<WordInfo> words, Span<int> tags)
    {
        int[] firstPass = [];
        if (First is not null)
        {
            firstPass = new int[words.Length];
            First.Tag(words, firstPass);
        }

        Span<ulong> features = stackalloc ulong[MaxFeatures];
        Span<float> scores = stackalloc float[Model.Stride];
        var lex = Lexicon.Lookup(words);
        for (var i = 0; i < words.Length; i++)
        {
            var n = Extract(words, lex, i, tags, firstPass, features);
            scores.Clear();
            Model.Score(features[..n], scores);
            tags[i] = ArgMax(scores[..Model.Classes]);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // not precompiled: compiled at first use, fully optimised (docs/evaluation.md, branch speed13)
    public static int ArgMax(ReadOnlySpan<float> scores)
    {
        var best = 0;
        var bestScore = float.NegativeInfinity;
        for (var c = 0; c < scores.Length; c++)
        {
            if (scores[c] > bestScore)
            {
                bestScore = scores[c];
                best = c;
            }
        }

        return best;
    }

    /// <summary>Features of position <paramref name="i"/>; <paramref name="tags"/> before <paramref name="i"/> are already predicted.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // not precompiled: compiled at first use, fully optimised (docs/evaluation.md, branch speed13)
    public static int Extract(ReadOnlySpan<WordInfo> w, ReadOnlySpan<LexInfo> lex, int i, ReadOnlySpan<int> tags, ReadOnlySpan<int> first, Span<ulong> f)
    {
        ref readonly var c = ref w[i];
        var p1 = i > 0 ? (ulong)tags[i - 1] + 8 : Start;
        var p2 = i > 1 ? (ulong)tags[i - 2] + 8 : (i > 0 ? Start : Start2);
        var wp1 = i > 0 ? w[i - 1].Lower : Start;
        var wp2 = i > 1 ? w[i - 2].Lower : Start2;
        var wn1 = i + 1 < w.Length ? w[i + 1].Lower : End;
        var wn2 = i + 2 < w.Length ? w[i + 2].Lower : End2;
        var sp1 = i > 0 ? w[i - 1].Suffix3 : Start;
        var sn1 = i + 1 < w.Length ? w[i + 1].Suffix3 : End;
        var shp1 = i > 0 ? w[i - 1].Shape : Start;
        var shn1 = i + 1 < w.Length ? w[i + 1].Shape : End;
        var n = 0;
        f[n++] = FeatureHash.F(0, 0);
        f[n++] = FeatureHash.F(1, c.Lower);
        f[n++] = FeatureHash.F(2, c.Suffix1);
        f[n++] = FeatureHash.F(3, c.Suffix2);
        f[n++] = FeatureHash.F(4, c.Suffix3);
        f[n++] = FeatureHash.F(5, c.Suffix4);
        f[n++] = FeatureHash.F(6, c.Prefix1);
        f[n++] = FeatureHash.F(7, c.Prefix2);
        f[n++] = FeatureHash.F(8, c.Prefix3);
        f[n++] = FeatureHash.F(9, c.Shape);
        f[n++] = FeatureHash.F(10, p1);
        f[n++] = FeatureHash.F(11, p2);
        f[n++] = FeatureHash.F(12, p1, p2);
        f[n++] = FeatureHash.F(13, p1, c.Lower);
        f[n++] = FeatureHash.F(14, wp1);
        f[n++] = FeatureHash.F(15, sp1);
        f[n++] = FeatureHash.F(16, wp2);
        f[n++] = FeatureHash.F(17, wn1);
        f[n++] = FeatureHash.F(18, sn1);
        f[n++] = FeatureHash.F(19, wn2);
        f[n++] = FeatureHash.F(20, wp1, c.Lower);
        f[n++] = FeatureHash.F(21, c.Lower, wn1);
        f[n++] = FeatureHash.F(22, shn1);
        f[n++] = FeatureHash.F(23, shp1);
        f[n++] = FeatureHash.F(24, c.Form);
        f[n++] = FeatureHash.F(25, p1, c.Suffix3);
        f[n++] = FeatureHash.F(26, i == 0 ? 1UL : 0UL, c.Flags & 0x7F);
        f[n++] = FeatureHash.F(27, c.Flags);
        f[n++] = FeatureHash.F(28, p1, wn1);
        f[n++] = FeatureHash.F(29, wp1, wn1);
        f[n++] = FeatureHash.F(30, i == 0 ? 1UL : 0UL, c.Form);
        f[n++] = FeatureHash.F(31, c.Suffix2, shn1);
        f[n++] = FeatureHash.F(32, p1, c.Shape);
        var l0 = lex[i];
        var ln1 = i + 1 < w.Length ? lex[i + 1] : new LexInfo(End, End);
        var ln2 = i + 2 < w.Length ? lex[i + 2] : new LexInfo(End2, End2);
        var lp1 = i > 0 ? lex[i - 1] : new LexInfo(Start, Start);
        f[n++] = FeatureHash.F(33, l0.Tag);
        f[n++] = FeatureHash.F(34, l0.Ambiguity);
        f[n++] = FeatureHash.F(35, ln1.Tag);
        f[n++] = FeatureHash.F(36, ln1.Ambiguity);
        f[n++] = FeatureHash.F(37, ln2.Tag);
        f[n++] = FeatureHash.F(38, p1, ln1.Tag);
        f[n++] = FeatureHash.F(39, l0.Ambiguity, ln1.Ambiguity);
        f[n++] = FeatureHash.F(40, p1, l0.Ambiguity);
        f[n++] = FeatureHash.F(41, lp1.Ambiguity, l0.Ambiguity);
        f[n++] = FeatureHash.F(42, l0.Ambiguity, c.Suffix3);
        if (first.Length > 0)
        {
            var f0 = (ulong)first[i] + 8;
            var fn1 = i + 1 < w.Length ? (ulong)first[i + 1] + 8 : End;
            var fn2 = i + 2 < w.Length ? (ulong)first[i + 2] + 8 : End2;
            f[n++] = FeatureHash.F(43, f0);
            f[n++] = FeatureHash.F(44, fn1);
            f[n++] = FeatureHash.F(45, fn2);
            f[n++] = FeatureHash.F(46, fn1, fn2);
            f[n++] = FeatureHash.F(47, p1, fn1);
            f[n++] = FeatureHash.F(48, c.Lower, fn1);
            f[n++] = FeatureHash.F(49, p1, f0, fn1);
            f[n++] = FeatureHash.F(50, c.Suffix3, fn1);
        }

        return n;
    }

    public void Write(BinaryWriter writer)
    {
        ModelFile.WriteStrings(writer, Tags);
        Lexicon.Write(writer);
        Model.Write(writer);
        writer.Write(First is not null);
        First?.Write(writer);
    }

    public static PosTagger Read(BinaryReader reader)
    {
        var tags = ModelFile.ReadStrings(reader);
        var lexicon = TagLexicon.Read(reader);
        var model = LinearModel.Read(reader);
        var first = reader.ReadBoolean() ? Read(reader) : null;
        return new PosTagger(tags, lexicon, model, first);
    }

    /// <summary>
    /// Trains on <paramref name="train"/> (words, gold tag ids) for up to <paramref name="iterations"/> passes,
    /// keeping the averaged model of the pass that tags <paramref name="dev"/> best (or the last pass without dev).
    /// </summary>
    public static PosTagger Train(
        string[] tags,
        IReadOnlyList<(WordInfo[] Words, int[] Gold)> train,
        IReadOnlyList<(WordInfo[] Words, int[] Gold)>? dev,
        int iterations,
        ulong seed,
        float prune,
        TextWriter? log,
        string label,
        out int bestIteration,
        PosTagger? first = null,
        IReadOnlyList<int[]>? firstPassTrain = null)
    {
        if (first is not null && firstPassTrain is null) throw new ArgumentNullException(nameof(firstPassTrain));
        var lexicon = TagLexicon.Build(train, tags.Length);
        var lexicons = train.Select(s => lexicon.Lookup(s.Words)).ToArray();
        var trainer = new PerceptronTrainer(tags.Length, 1 << 18);
        var rng = new SplitMix64(seed);
        var order = Enumerable.Range(0, train.Count).ToArray();
        Span<ulong> features = stackalloc ulong[MaxFeatures];
        var scores = new float[tags.Length];
        PosTagger? best = null;
        var bestScore = -1.0;
        bestIteration = 0;
        for (var it = 1; it <= iterations; it++)
        {
            rng.Shuffle(order);
            long correct = 0, total = 0;
            foreach (var s in order)
            {
                var (words, gold) = train[s];
                var lex = lexicons[s];
                var firstPass = first is null ? [] : firstPassTrain![s];
                var predicted = new int[words.Length];
                for (var i = 0; i < words.Length; i++)
                {
                    var n = Extract(words, lex, i, predicted, firstPass, features);
                    Array.Clear(scores);
                    trainer.Score(features[..n], scores);
                    var guess = ArgMax(scores);
                    if (guess != gold[i]) trainer.Update(features[..n], gold[i], guess);
                    else correct++;
                    trainer.Tick();
                    predicted[i] = guess;
                    total++;
                }
            }

            var model = new PosTagger(tags, lexicon, trainer.Compile(prune).Quantised(), first);
            if (dev is null || dev.Count == 0)
            {
                log?.WriteLine($"{label} iteration {it}: train {(double)correct / Math.Max(1, total):F4}");
                best = model;
                bestIteration = it;
                continue;
            }

            var (upos, joint) = model.Accuracy(dev);
            log?.WriteLine($"{label} iteration {it}: train {(double)correct / Math.Max(1, total):F4}  dev UPOS {upos:F4}  UPOS|XPOS {joint:F4}  ({model.Model.FeatureCount:N0} features, {model.Model.WeightCount:N0} weights)");
            if (joint > bestScore)
            {
                bestScore = joint;
                best = model;
                bestIteration = it;
            }
        }

        best ??= new PosTagger(tags, lexicon, trainer.Compile(prune).Quantised(), first);
        if (dev is not null && dev.Count > 0 && log is not null)
        {
            foreach (var threshold in new[] { 0.05f, 0.1f, 0.25f, 0.5f, 1f })
            {
                if (threshold <= prune) continue;
                var pruned = new PosTagger(tags, lexicon, best.Model.Pruned(threshold), first);
                var (upos, joint) = pruned.Accuracy(dev);
                log.WriteLine($"{label} pruned at {threshold}: {pruned.Model.FeatureCount:N0} features, {pruned.Model.WeightCount:N0} weights, dev UPOS {upos:F4} UPOS|XPOS {joint:F4}");
            }
        }

        log?.Flush();
        return best;
    }

    public (double Upos, double Joint) Accuracy(IReadOnlyList<(WordInfo[] Words, int[] Gold)> data)
    {
        long upos = 0, joint = 0, total = 0;
        foreach (var (words, gold) in data)
        {
            var predicted = new int[words.Length];
            Tag(words, predicted);
            for (var i = 0; i < words.Length; i++)
            {
                total++;
                if (gold[i] < 0) continue;
                if (predicted[i] == gold[i]) joint++;
                if (Upos[predicted[i]] == Upos[gold[i]]) upos++;
            }
        }

        return ((double)upos / Math.Max(1, total), (double)joint / Math.Max(1, total));
    }
}

/// <summary>What the training data says about a word: its most frequent tag and its set of frequent tags (hashed).</summary>
internal readonly record struct LexInfo(ulong Tag, ulong Ambiguity);

/// <summary>
/// Tag dictionary of the words seen at least <see cref="MinCount"/> times in training, keyed by the
/// hash of the lower-cased form: gives the tagger look-ahead features (the likely tags of the next words).
/// </summary>
internal sealed class TagLexicon
{
    public const int MinCount = 3;
    private const ulong Unknown = 5;
    private readonly Dictionary<ulong, LexInfo> _entries;

    private TagLexicon(Dictionary<ulong, LexInfo> entries) => _entries = entries;

    public int Count => _entries.Count;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // not precompiled: compiled at first use, fully optimised (docs/evaluation.md, branch speed13)
    public LexInfo[] Lookup(ReadOnlySpan<WordInfo> words)
    {
        var result = new LexInfo[words.Length];
        for (var i = 0; i < words.Length; i++)
        {
            result[i] = _entries.TryGetValue(words[i].Lower, out var e) ? e : new LexInfo(Unknown, Unknown);
        }

        return result;
    }

    public static TagLexicon Build(IReadOnlyList<(WordInfo[] Words, int[] Gold)> data, int tagCount)
    {
        var counts = new Dictionary<ulong, int[]>();
        foreach (var (words, gold) in data)
        {
            for (var i = 0; i < words.Length; i++)
            {
                if (gold[i] < 0) continue;
                if (!counts.TryGetValue(words[i].Lower, out var c)) counts[words[i].Lower] = c = new int[tagCount];
                c[gold[i]]++;
            }
        }

        var entries = new Dictionary<ulong, LexInfo>();
        foreach (var (key, c) in counts.OrderBy(p => p.Key))
        {
            var total = c.Sum();
            if (total < MinCount) continue;
            var best = 0;
            var amb = 0x51ED270B27UL;
            for (var t = 0; t < c.Length; t++)
            {
                if (c[t] > c[best]) best = t;
                if (c[t] * 20 >= total) amb = FeatureHash.Mix(amb, (ulong)t + 1);
            }

            entries[key] = new LexInfo((ulong)best + 16, FeatureHash.Fmix(amb));
        }

        return new TagLexicon(entries);
    }

    public void Write(BinaryWriter writer)
    {
        writer.Write(_entries.Count);
        foreach (var (key, e) in _entries.OrderBy(p => p.Key))
        {
            writer.Write(key);
            writer.Write7BitEncodedInt((int)e.Tag);
            writer.Write(e.Ambiguity);
        }
    }

    public static TagLexicon Read(BinaryReader reader)
    {
        var n = reader.ReadInt32();
        if (n < 0 || n > 10_000_000) throw new InvalidDataException("bad lexicon size");
        var entries = new Dictionary<ulong, LexInfo>(n);
        for (var i = 0; i < n; i++)
        {
            var key = reader.ReadUInt64();
            var tag = (ulong)reader.Read7BitEncodedInt();
            entries[key] = new LexInfo(tag, reader.ReadUInt64());
        }

        return new TagLexicon(entries);
    }

    public bool SameAs(TagLexicon other) => _entries.Count == other._entries.Count && _entries.All(p => other._entries.TryGetValue(p.Key, out var v) && v == p.Value);
}
