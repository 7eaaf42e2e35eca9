using System.Runtime.CompilerServices;
using Dossier.Nlp.Models;

namespace Dossier.Nlp.Entities;

/// <summary>Hashes of one word's surface properties, computed once per token.</summary>
internal struct NerWord
{
    public ulong Lower;
    public ulong Form;
    public ulong Shape;
    public ulong ShortShape;
    public ulong P1, P2, P3, P4, S1, S2, S3, S4;

    /// <summary>0 no letters, 1 lower case, 2 initial capital, 3 all capitals, 4 mixed (McDonald, iPhone).</summary>
    public byte Cap;

    public byte Length;
    public int GazKinds;
    public sbyte GazPart;
    public int ListMask;
    public sbyte ListPart;

    /// <summary>Word cluster of the lower-case form (<see cref="WordClusters.Get"/>): fine + 1 above bit 8, coarse + 1 below; 0 unknown.</summary>
    public int Cluster;

    /// <summary>How often a treebank tags the word PROPN (<see cref="WordClusters.ProperNounClass"/>).</summary>
    public byte Proper;

    /// <summary>Gazetteer and training-name matches of words written in lower case (kinds or class mask, and BILU part).</summary>
    public int LowGazKinds;
    public sbyte LowGazPart;
    public int LowListMask;
    public sbyte LowListPart;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static NerWord Compute(string w)
    {
        var s = w.AsSpan();
        var info = new NerWord
        {
            Lower = FeatureHash.LowerFolded(s),
            Form = FeatureHash.Chars(s),
            P1 = FeatureHash.Chars(s[..Math.Min(1, s.Length)]),
            P2 = FeatureHash.LowerFolded(s[..Math.Min(2, s.Length)]),
            P3 = FeatureHash.LowerFolded(s[..Math.Min(3, s.Length)]),
            P4 = FeatureHash.LowerFolded(s[..Math.Min(4, s.Length)]),
            S1 = FeatureHash.LowerFolded(s[Math.Max(0, s.Length - 1)..]),
            S2 = FeatureHash.LowerFolded(s[Math.Max(0, s.Length - 2)..]),
            S3 = FeatureHash.LowerFolded(s[Math.Max(0, s.Length - 3)..]),
            S4 = FeatureHash.LowerFolded(s[Math.Max(0, s.Length - 4)..]),
            Length = (byte)Math.Min(s.Length, 12),
            GazPart = -1,
            ListPart = -1,
            LowGazPart = -1,
            LowListPart = -1,
        };

        // Shape: X upper, x lower, d digit, other characters as themselves; runs capped at 3 (long) or 1 (short).
        var h = 14695981039346656037UL;
        var hs = 14695981039346656037UL;
        var previous = '\0';
        var run = 0;
        int upper = 0, lower = 0;
        var firstUpper = false;
        for (var i = 0; i < s.Length; i++)
        {
            var c = s[i];
            char k;
            if (char.IsUpper(c))
            {
                k = 'X';
                upper++;
                if (i == 0) firstUpper = true;
            }
            else if (char.IsLower(c) || char.IsLetter(c))
            {
                k = 'x';
                lower++;
            }
            else if (char.IsDigit(c)) k = 'd';
            else k = FeatureHash.Fold(c);

            run = k == previous ? run + 1 : 1;
            previous = k;
            if (run <= 3) h = (h ^ k) * 1099511628211UL;
            if (run == 1) hs = (hs ^ k) * 1099511628211UL;
        }

        info.Shape = FeatureHash.Fmix(h);
        info.ShortShape = FeatureHash.Fmix(hs);
        info.Cap = upper + lower == 0 ? (byte)0
            : upper == 0 ? (byte)1
            : lower == 0 ? (upper == 1 && s.Length == 1 ? (byte)2 : (byte)3)
            : firstUpper && upper == 1 ? (byte)2
            : (byte)4;
        return info;
    }
}

/// <summary>
/// A document prepared for tagging: words, their hashes and gazetteer matches, which sentences are
/// written all in capitals (headlines), how each word is written elsewhere in the document, and the
/// tags given so far to each word (the "prediction history" of Ratinov &amp; Roth 2009), and which sentences
/// capitalise nothing (web text written in lower case), where capitals are no evidence either way.
/// </summary>
internal sealed class NerDocument
{
    public NerDocument(IReadOnlyList<IReadOnlyList<string>> sentences, Gazetteer gazetteer, NameList names, WordClusters clusters)
    {
        var named = new List<(int Start, int End, int Mask)>();
        Sentences = sentences;
        Words = new NerWord[sentences.Count][];
        AllCaps = new bool[sentences.Count];
        LowerCase = new bool[sentences.Count];
        var matches = new List<GazMatch>();
        for (var s = 0; s < sentences.Count; s++)
        {
            var sentence = sentences[s];
            var words = new NerWord[sentence.Count];
            int upper = 0, lower = 0, small = 0, capitalised = 0;
            for (var i = 0; i < words.Length; i++)
            {
                words[i] = NerWord.Compute(sentence[i]);
                words[i].Cluster = clusters.Get(words[i].Lower);
                words[i].Proper = (byte)clusters.ProperNounClass(words[i].Lower);
                if (words[i].Cap == 1 || words[i].Cap == 2 || words[i].Cap == 4) lower++;
                if (words[i].Cap == 3) upper++;
                if (words[i].Cap == 1) small++;
                else if (i > 0 && words[i].Cap >= 2 && sentence[i] != "I" && !sentence[i].StartsWith("I'", StringComparison.Ordinal)) capitalised++;
            }

            // A headline or a shouted sentence: no word in lower case, several in capitals.
            AllCaps[s] = lower == 0 && upper >= 2 || (lower <= 1 && upper >= 6);

            // A sentence that capitalises nothing after its first word but "I".
            LowerCase[s] = !AllCaps[s] && capitalised == 0 && small >= 3;
            var hashes = new ulong[words.Length];
            for (var i = 0; i < words.Length; i++) hashes[i] = words[i].Lower;
            gazetteer.Match(sentence, hashes, AllCaps[s], matches);
            foreach (var m in matches)
            {
                var kinds = (int)m.Entry.Kinds;
                for (var i = m.Start; i < m.End; i++)
                {
                    words[i].GazKinds = kinds;
                    words[i].GazPart = (sbyte)(m.End - m.Start == 1 ? 3 : i == m.Start ? 0 : i == m.End - 1 ? 2 : 1);
                }
            }

            names.Match(sentence, hashes, named);
            foreach (var (start, end, mask) in named)
            {
                for (var i = start; i < end; i++)
                {
                    words[i].ListMask = mask;
                    words[i].ListPart = (sbyte)(end - start == 1 ? 3 : i == start ? 0 : i == end - 1 ? 2 : 1);
                }
            }

            gazetteer.Match(sentence, hashes, false, matches, lowerOnly: true);
            foreach (var m in matches)
            {
                for (var i = m.Start; i < m.End; i++)
                {
                    words[i].LowGazKinds = (int)m.Entry.Kinds;
                    words[i].LowGazPart = (sbyte)(m.End - m.Start == 1 ? 3 : i == m.Start ? 0 : i == m.End - 1 ? 2 : 1);
                }
            }

            names.Match(sentence, hashes, named, lowerOnly: true);
            foreach (var (start, end, mask) in named)
            {
                for (var i = start; i < end; i++)
                {
                    words[i].LowListMask = mask;
                    words[i].LowListPart = (sbyte)(end - start == 1 ? 3 : i == start ? 0 : i == end - 1 ? 2 : 1);
                }
            }

            Words[s] = words;
            if (!AllCaps[s])
            {
                // Context aggregation (Ratinov & Roth 2009): the clusters of the words around each capitalised word, over the document.
                for (var i = 0; i < words.Length; i++)
                {
                    if (words[i].Cap is 0 or 1) continue;
                    if (i > 0 && words[i - 1].Cluster != 0) AddContext(words[i].Lower, 1, words[i - 1].Cluster);
                    if (i + 1 < words.Length && words[i + 1].Cluster != 0) AddContext(words[i].Lower, 2, words[i + 1].Cluster);
                }
            }

            if (AllCaps[s] || LowerCase[s]) continue;
            for (var i = 1; i < words.Length; i++)
            {
                var flag = words[i].Cap switch { 1 => 2, 2 or 4 => 1, 3 => 4, _ => 0 };
                if (flag == 0) continue;
                Case.TryGetValue(words[i].Lower, out var old);
                Case[words[i].Lower] = (byte)(old | flag);
            }
        }
    }

    public IReadOnlyList<IReadOnlyList<string>> Sentences { get; }

    /// <summary>At most this many distinct neighbour clusters are kept per capitalised word.</summary>
    public const int MaxContexts = 12;

    /// <summary>Per capitalised word (lower-case hash): the distinct fine clusters of the words before (side 1) and after it (side 2) anywhere in the document.</summary>
    public Dictionary<ulong, List<ulong>> Contexts { get; } = [];

    private void AddContext(ulong word, ulong side, int cluster)
    {
        var item = side << 32 | (((ulong)cluster >> 8) & 0xFFFF);
        if (!Contexts.TryGetValue(word, out var list))
        {
            list = new List<ulong>(4);
            Contexts[word] = list;
        }

        if (list.Count < MaxContexts && !list.Contains(item)) list.Add(item);
    }

    public NerWord[][] Words { get; }

    public bool[] AllCaps { get; }

    /// <summary>Sentences that capitalise no word after the first but "I" (see <see cref="NerDocument"/>).</summary>
    public bool[] LowerCase { get; }

    /// <summary>Per word (lower-case hash): 1 seen capitalised, 2 seen in lower case, 4 seen in capitals, in a sentence not all in capitals and not first.</summary>
    public Dictionary<ulong, byte> Case { get; } = [];

    /// <summary>Per word (lower-case hash): how often it was tagged O, PER, ORG, LOC, MISC so far.</summary>
    public Dictionary<ulong, int[]> History { get; } = [];

    public void Remember(int sentence, ReadOnlySpan<int> tags)
    {
        var words = Words[sentence];
        for (var i = 0; i < words.Length; i++)
        {
            if (words[i].Cap is 0 or 1) continue;
            if (!History.TryGetValue(words[i].Lower, out var counts))
            {
                counts = new int[5];
                History[words[i].Lower] = counts;
            }

            counts[NerTags.Type(tags[i]) + 1]++;
        }
    }
}

/// <summary>The feature templates of the tagger.</summary>
internal static class NerFeatures
{
    public const int Max = 80 + NerDocument.MaxContexts;
    private const ulong None = 0x9E3779B97F4A7C15UL;
    private const int Start = NerTags.Count; // the tag before the first word
    private static readonly NerWord Pad = NerWord.Compute("<pad>");

    /// <summary>Writes the feature buckets of word <paramref name="i"/> of sentence <paramref name="s"/> and returns how many.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static int Extract(NerDocument doc, int s, int i, int previous1, int previous2, int bits, Span<int> buckets)
    {
        var words = doc.Words[s];
        var n = words.Length;
        ref readonly var w = ref words[i];
        ref readonly var wm1 = ref i > 0 ? ref words[i - 1] : ref Pad;
        ref readonly var wm2 = ref i > 1 ? ref words[i - 2] : ref Pad;
        ref readonly var wp1 = ref i + 1 < n ? ref words[i + 1] : ref Pad;
        ref readonly var wp2 = ref i + 2 < n ? ref words[i + 2] : ref Pad;
        var ac = doc.AllCaps[s] ? 100 : doc.LowerCase[s] ? 200 : 0;
        var t1 = (ulong)(previous1 < 0 ? Start : previous1);
        var t2 = (ulong)(previous2 < 0 ? Start : previous2);
        var first = i == 0 ? 1UL : 0UL;
        var shift = 64 - bits;
        var k = 0;

        Add(buckets, ref k, shift, FeatureHash.F(1, 1));
        Add(buckets, ref k, shift, FeatureHash.F(2, w.Lower));
        Add(buckets, ref k, shift, FeatureHash.F(3, w.Form));
        Add(buckets, ref k, shift, FeatureHash.F(4, wm1.Lower));
        Add(buckets, ref k, shift, FeatureHash.F(5, wp1.Lower));
        Add(buckets, ref k, shift, FeatureHash.F(6, wm2.Lower));
        Add(buckets, ref k, shift, FeatureHash.F(7, wp2.Lower));
        Add(buckets, ref k, shift, FeatureHash.F(8 + ac, w.Shape));
        Add(buckets, ref k, shift, FeatureHash.F(9 + ac, wm1.ShortShape));
        Add(buckets, ref k, shift, FeatureHash.F(10 + ac, wp1.ShortShape));
        Add(buckets, ref k, shift, FeatureHash.F(11 + ac, wm1.ShortShape, w.ShortShape, wp1.ShortShape));
        Add(buckets, ref k, shift, FeatureHash.F(12 + ac, w.P1));
        Add(buckets, ref k, shift, FeatureHash.F(13, w.P2));
        Add(buckets, ref k, shift, FeatureHash.F(14, w.P3));
        Add(buckets, ref k, shift, FeatureHash.F(15, w.P4));
        Add(buckets, ref k, shift, FeatureHash.F(16, w.S1));
        Add(buckets, ref k, shift, FeatureHash.F(17, w.S2));
        Add(buckets, ref k, shift, FeatureHash.F(18, w.S3));
        Add(buckets, ref k, shift, FeatureHash.F(19, w.S4));
        Add(buckets, ref k, shift, FeatureHash.F(20, wm1.Lower, w.Lower));
        Add(buckets, ref k, shift, FeatureHash.F(21, w.Lower, wp1.Lower));
        Add(buckets, ref k, shift, FeatureHash.F(22, wm1.Lower, wp1.Lower));
        Add(buckets, ref k, shift, FeatureHash.F(23, t1));
        Add(buckets, ref k, shift, FeatureHash.F(24, t2, t1));
        Add(buckets, ref k, shift, FeatureHash.F(25, t1, w.Lower));
        Add(buckets, ref k, shift, FeatureHash.F(26 + ac, t1, w.Shape));
        Add(buckets, ref k, shift, FeatureHash.F(27 + ac, first, w.Cap));
        Add(buckets, ref k, shift, FeatureHash.F(28 + ac, wm1.Cap, w.Cap, wp1.Cap));
        if (w.GazPart >= 0)
        {
            Add(buckets, ref k, shift, FeatureHash.F(29, (ulong)w.GazKinds, (ulong)w.GazPart));
            for (var bit = 1; bit <= (int)GazKind.BigCity; bit <<= 1)
            {
                if ((w.GazKinds & bit) != 0) Add(buckets, ref k, shift, FeatureHash.F(30, (ulong)bit, (ulong)w.GazPart));
            }
        }
        else
        {
            Add(buckets, ref k, shift, FeatureHash.F(29, None));
        }

        Add(buckets, ref k, shift, FeatureHash.F(31, (ulong)wm1.GazKinds, (ulong)(wm1.GazPart + 1)));
        Add(buckets, ref k, shift, FeatureHash.F(32, (ulong)wp1.GazKinds, (ulong)(wp1.GazPart + 1)));
        if (w.Cap != 0)
        {
            doc.Case.TryGetValue(w.Lower, out var seen);
            Add(buckets, ref k, shift, FeatureHash.F(33 + ac, seen, w.Cap, first));
        }

        if (w.Cap is not (0 or 1) && doc.History.TryGetValue(w.Lower, out var counts))
        {
            var best = 0;
            for (var c = 1; c < counts.Length; c++)
            {
                if (counts[c] > counts[best]) best = c;
            }

            Add(buckets, ref k, shift, FeatureHash.F(34, (ulong)best));
            Add(buckets, ref k, shift, FeatureHash.F(35 + ac, (ulong)best, w.Cap, first));
        }

        if (w.ListPart >= 0)
        {
            Add(buckets, ref k, shift, FeatureHash.F(39, (ulong)w.ListMask, (ulong)w.ListPart));
            for (var c = 0; c < 4; c++)
            {
                if ((w.ListMask & (1 << c)) != 0) Add(buckets, ref k, shift, FeatureHash.F(40, (ulong)c, (ulong)w.ListPart));
            }
        }
        else
        {
            Add(buckets, ref k, shift, FeatureHash.F(39, None));
        }

        Add(buckets, ref k, shift, FeatureHash.F(41, (ulong)wm1.ListMask, (ulong)(wm1.ListPart + 1), (ulong)(wp1.ListPart + 1)));
        Add(buckets, ref k, shift, FeatureHash.F(36, wm1.Lower, w.Shape));
        Add(buckets, ref k, shift, FeatureHash.F(37, w.Shape, wp1.Lower));
        Add(buckets, ref k, shift, FeatureHash.F(38 + ac, w.Length, w.Cap));

        // Word clusters (of the lower-case forms, so the same in any case) and lower-case list matches.
        var cw = (ulong)w.Cluster;
        var fine = (cw >> 8) & 0xFFFF;
        var fm1 = ((ulong)wm1.Cluster >> 8) & 0xFFFF;
        var truecase = cw >> 24;
        Add(buckets, ref k, shift, FeatureHash.F(42, fine));
        Add(buckets, ref k, shift, FeatureHash.F(43, cw & 0xFF));
        Add(buckets, ref k, shift, FeatureHash.F(44, fm1));
        Add(buckets, ref k, shift, FeatureHash.F(45, ((ulong)wp1.Cluster >> 8) & 0xFFFF));
        Add(buckets, ref k, shift, FeatureHash.F(46 + ac, fine, w.Cap, first));
        Add(buckets, ref k, shift, FeatureHash.F(47, (ulong)wm1.Cluster & 0xFF, cw & 0xFF, (ulong)wp1.Cluster & 0xFF));
        Add(buckets, ref k, shift, FeatureHash.F(48, t1, fine));
        Add(buckets, ref k, shift, FeatureHash.F(49, fm1, fine));

        // Truecasing: how the word is usually written inside a sentence, against how it is written here.
        Add(buckets, ref k, shift, FeatureHash.F(52 + ac, truecase, w.Cap, first));
        Add(buckets, ref k, shift, FeatureHash.F(53 + ac, (ulong)wm1.Cluster >> 24, truecase, (ulong)wp1.Cluster >> 24));
        if (w.LowGazPart >= 0) Add(buckets, ref k, shift, FeatureHash.F(50 + ac, (ulong)w.LowGazKinds, (ulong)w.LowGazPart));
        if (w.LowListPart >= 0) Add(buckets, ref k, shift, FeatureHash.F(51 + ac, (ulong)w.LowListMask, (ulong)w.LowListPart));
        // Proper-noun evidence: how often a treebank of news and web text tags the word and its neighbours PROPN.
        Add(buckets, ref k, shift, FeatureHash.F(55 + ac, w.Proper, w.Cap, first));
        Add(buckets, ref k, shift, FeatureHash.F(56, wm1.Proper, w.Proper, wp1.Proper));
        Add(buckets, ref k, shift, FeatureHash.F(57, t1, w.Proper));
        if (w.Cap is not (0 or 1) && doc.Contexts.TryGetValue(w.Lower, out var contexts))
        {
            foreach (var context in contexts) Add(buckets, ref k, shift, FeatureHash.F(54, context));
        }

        return k;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Add(Span<int> buckets, ref int k, int shift, ulong feature) => buckets[k++] = (int)(feature >> shift);
}

/// <summary>Greedy left-to-right BILOU decoding of a whole document, sentence by sentence.</summary>
internal static class NerDecoder
{
    /// <summary>The BILOU part of a name's first word (B).</summary>
    private const int BeginPart = 0;

    /// <summary>The BILOU part of a one-word name (U).</summary>
    private const int UnitPart = 3;

    /// <summary>
    /// Tags every sentence of <paramref name="doc"/> into <paramref name="output"/>. With
    /// <paramref name="training"/> and <paramref name="gold"/>, updates the weights after each word
    /// (the history and the previous tags are the predicted ones, as at run time). With <paramref name="margins"/>,
    /// receives for each word how far the chosen tag's score lies above that of O (the tagger's confidence in it).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Tag(NerDocument doc, INerScorer scorer, int bits, int[][] output, int[][]? gold = null, NerTrainingWeights? training = null, float[][]? margins = null)
    {
        Span<int> buckets = stackalloc int[NerFeatures.Max];
        Span<float> scores = stackalloc float[NerTags.Count];
        for (var s = 0; s < doc.Words.Length; s++)
        {
            var n = doc.Words[s].Length;
            var tags = output[s];
            var brackets = NerBrackets.Of(doc.Sentences[s]);
            var reach = -1;
            for (var i = 0; i < n; i++)
            {
                var p1 = i > 0 ? tags[i - 1] : -1;
                var p2 = i > 1 ? tags[i - 2] : -1;
                var count = NerFeatures.Extract(doc, s, i, p1, p2, bits, buckets);
                var features = buckets[..count];
                scores.Clear();
                scorer.Score(features, scores);
                var last = i == n - 1;
                var best = -1;

                // A word written in lower case that text almost never capitalises ("of", "apple") opens no name (it may go on
                // one: "Bank of England"). Name particles ("de", "van", "bin") are capitalised often enough to stay free.
                var common = doc.Words[s][i].Cap == 1 && doc.Words[s][i].Cluster >> 24 == 1;
                for (var t = 0; t < NerTags.Count; t++)
                {
                    if (!NerTags.Allowed(p1, t, last)) continue;
                    if (common && NerTags.Part(t) is BeginPart or UnitPart) continue;
                    if (brackets is not null && !brackets.Allowed(i, t, reach)) continue;
                    if (best < 0 || scores[t] > scores[best]) best = t;
                }

                if (best < 0)
                {
                    // Cannot happen with a consistent bracket plan; keep the tag sequence valid whatever it says.
                    for (var t = 0; t < NerTags.Count; t++)
                    {
                        if (NerTags.Allowed(p1, t, last) && (best < 0 || scores[t] > scores[best])) best = t;
                    }
                }

                if (brackets is not null) reach = brackets.Reach(i, best, reach);
                if (margins is not null) margins[s][i] = scores[best] - scores[NerTags.O];

                if (training is not null && gold is not null)
                {
                    var truth = gold[s][i];
                    var guess = best;
                    if (truth != guess)
                    {
                        // Compare with the best tag over all classes too, so that the model also learns
                        // what the constraints would have hidden.
                        training.Update(features, truth, guess);
                    }

                    training.Tick();
                }

                tags[i] = best;
            }

            doc.Remember(s, tags);
        }
    }
}
