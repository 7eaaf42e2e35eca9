using System.Runtime.CompilerServices;
using Dossier.Nlp.Models;

namespace Dossier.Nlp.Syntax;

/// <summary>
/// Greedy arc-hybrid transition parser (Kuhlmann et al. 2011) with labelled transitions, scored by an
/// averaged perceptron over Zhang &amp; Nivre (2011)-style feature templates and trained with the
/// dynamic oracle of Goldberg &amp; Nivre (2013). The root sits at the bottom of the stack and may take
/// exactly one dependent, so every output is a single tree.
/// Classes: 0 = SHIFT, 1 + l = LEFT-ARC(l), 1 + L + l = RIGHT-ARC(l).
/// </summary>
internal sealed class DependencyParser
{
    public const string Kind = "dependency-parser";
    public const int MaxFeatures = 96;
    public const string RootRelation = "root";

    public DependencyParser(string[] labels, LinearModel model)
    {
        if (model.Classes != 1 + 2 * labels.Length) throw new InvalidDataException("label count does not match the model");
        RootLabel = Array.IndexOf(labels, RootRelation);
        if (RootLabel < 0) throw new InvalidDataException("no root relation");
        Labels = labels;
        Model = model;
    }

    public string[] Labels { get; }

    public int RootLabel { get; }

    public LinearModel Model { get; }

    /// <summary>
    /// Parses one sentence. <paramref name="heads"/> receives 0-based head indices (-1 for the root's
    /// dependent), <paramref name="labels"/> indices into <see cref="Labels"/>.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // not precompiled: compiled at first use, fully optimised (docs/evaluation.md, branch speed13)
    public void Parse(ReadOnlySpan<WordInfo> words, ReadOnlySpan<int> tags, Span<int> heads, Span<int> labels)
    {
        var n = words.Length;
        if (n == 0) return;
        var state = new ParseState(n);
        var classes = Model.Classes;
        Span<ulong> features = stackalloc ulong[MaxFeatures];
        Span<float> scores = classes <= 512 ? stackalloc float[Model.Stride] : new float[Model.Stride];
        while (!state.Terminal)
        {
            var action = Forced(state, Labels.Length, RootLabel);
            if (action < 0)
            {
                var count = Extract(state, words, tags, features);
                scores.Clear();
                Model.Score(features[..count], scores);
                action = BestValid(state, scores[..classes], Labels.Length, RootLabel);
            }

            state.Apply(action, Labels.Length);
        }

        for (var i = 1; i <= n; i++)
        {
            heads[i - 1] = state.Head[i] - 1;
            labels[i - 1] = state.Label[i];
        }
    }

    /// <summary>
    /// The action <see cref="BestValid"/> returns whatever the scores when only one is valid (SHIFT while the
    /// stack holds only the root; RIGHT-ARC(root) of the last word once the buffer is empty), else -1: such a
    /// transition needs no features and no scoring.
    /// </summary>
    public static int Forced(ParseState state, int labelCount, int rootLabel)
    {
        if (state.Sp < 2) return state.CanShift ? 0 : -1;
        if (!state.CanShift && state.S1 == 0) return 1 + labelCount + rootLabel;
        return -1;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // not precompiled: compiled at first use, fully optimised (docs/evaluation.md, branch speed13)
    public static int BestValid(ParseState state, ReadOnlySpan<float> scores, int labelCount, int rootLabel)
    {
        var best = -1;
        var bestScore = float.NegativeInfinity;
        if (state.CanShift)
        {
            best = 0;
            bestScore = scores[0];
        }

        if (state.CanLeft)
        {
            for (var l = 0; l < labelCount; l++)
            {
                if (l == rootLabel) continue;
                var s = scores[1 + l];
                if (best < 0 || s > bestScore)
                {
                    best = 1 + l;
                    bestScore = s;
                }
            }
        }

        if (state.CanRight)
        {
            if (state.S1 == 0)
            {
                var s = scores[1 + labelCount + rootLabel];
                if (best < 0 || s > bestScore) best = 1 + labelCount + rootLabel;
            }
            else
            {
                for (var l = 0; l < labelCount; l++)
                {
                    if (l == rootLabel) continue;
                    var s = scores[1 + labelCount + l];
                    if (best < 0 || s > bestScore)
                    {
                        best = 1 + labelCount + l;
                        bestScore = s;
                    }
                }
            }
        }

        return best;
    }

    private static ulong W(ReadOnlySpan<WordInfo> words, int t) => t < 0 ? 0x10UL : t == 0 ? 0x11UL : words[t - 1].Lower;

    private static ulong P(ReadOnlySpan<int> tags, int t) => t < 0 ? 0UL : t == 0 ? 1UL : (ulong)tags[t - 1] + 2;

    private static int Bucket(int d) => d <= 5 ? d : d <= 10 ? 6 : d <= 20 ? 7 : 8;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // not precompiled: compiled at first use, fully optimised (docs/evaluation.md, branch speed13)
    public static int Extract(ParseState st, ReadOnlySpan<WordInfo> words, ReadOnlySpan<int> tags, Span<ulong> f)
    {
        var s0 = st.S0;
        var s1 = st.S1;
        var s2 = st.Sp >= 3 ? st.Stack[st.Sp - 3] : -1;
        var b0 = st.B <= st.N ? st.B : -1;
        var b1 = st.B + 1 <= st.N ? st.B + 1 : -1;
        var b2 = st.B + 2 <= st.N ? st.B + 2 : -1;

        ulong Lab(int t) => t <= 0 ? 0UL : (ulong)(st.Label[t] + 1);
        int L1(int t) => t < 0 ? -1 : st.L1[t];
        int L2(int t) => t < 0 ? -1 : st.L2[t];
        int R1(int t) => t < 0 ? -1 : st.R1[t];
        int R2(int t) => t < 0 ? -1 : st.R2[t];

        ulong s0w = W(words, s0), s0p = P(tags, s0), s1w = W(words, s1), s1p = P(tags, s1), s2p = P(tags, s2);
        ulong b0w = W(words, b0), b0p = P(tags, b0), b1w = W(words, b1), b1p = P(tags, b1), b2w = W(words, b2), b2p = P(tags, b2);
        int s0l = L1(s0), s0l2 = L2(s0), s0r = R1(s0), s0r2 = R2(s0), b0l = L1(b0), b0l2 = L2(b0);
        int s1l = L1(s1), s1r = R1(s1), s1r2 = R2(s1);
        var d = s0 >= 0 && b0 >= 0 ? (ulong)Bucket(b0 - s0) : 0UL;
        var d1 = s1 >= 0 && s0 >= 0 ? (ulong)Bucket(s0 - s1) : 0UL;
        ulong s0vl = s0 >= 0 ? (ulong)st.VL[s0] : 0, s0vr = s0 >= 0 ? (ulong)st.VR[s0] : 0, b0vl = b0 >= 0 ? (ulong)st.VL[b0] : 0;
        ulong s1vl = s1 >= 0 ? (ulong)st.VL[s1] : 0, s1vr = s1 >= 0 ? (ulong)st.VR[s1] : 0;
        ulong s0ls = s0 >= 0 ? st.LSet[s0] : 0, s0rs = s0 >= 0 ? st.RSet[s0] : 0, b0ls = b0 >= 0 ? st.LSet[b0] : 0;
        ulong s0lp = P(tags, s0l), s0rp = P(tags, s0r), b0lp = P(tags, b0l), s1rp = P(tags, s1r), s1lp = P(tags, s1l);

        var n = 0;
        f[n++] = FeatureHash.F(101, s0w, s0p);
        f[n++] = FeatureHash.F(102, s0w);
        f[n++] = FeatureHash.F(103, s0p);
        f[n++] = FeatureHash.F(104, b0w, b0p);
        f[n++] = FeatureHash.F(105, b0w);
        f[n++] = FeatureHash.F(106, b0p);
        f[n++] = FeatureHash.F(107, b1w, b1p);
        f[n++] = FeatureHash.F(108, b1w);
        f[n++] = FeatureHash.F(109, b1p);
        f[n++] = FeatureHash.F(110, b2w, b2p);
        f[n++] = FeatureHash.F(111, b2w);
        f[n++] = FeatureHash.F(112, b2p);
        f[n++] = FeatureHash.F(113, s1w, s1p);
        f[n++] = FeatureHash.F(114, s1w);
        f[n++] = FeatureHash.F(115, s1p);
        f[n++] = FeatureHash.F(116, s2p);

        f[n++] = FeatureHash.F(117, s0w, s0p, b0w, b0p);
        f[n++] = FeatureHash.F(118, s0w, s0p, b0w);
        f[n++] = FeatureHash.F(119, s0w, b0w, b0p);
        f[n++] = FeatureHash.F(120, s0w, s0p, b0p);
        f[n++] = FeatureHash.F(121, s0p, b0w, b0p);
        f[n++] = FeatureHash.F(122, s0w, b0w);
        f[n++] = FeatureHash.F(123, s0p, b0p);
        f[n++] = FeatureHash.F(124, b0p, b1p);
        f[n++] = FeatureHash.F(125, s1p, s0p);
        f[n++] = FeatureHash.F(126, s1w, s0w);
        f[n++] = FeatureHash.F(127, s1w, s1p, s0p);
        f[n++] = FeatureHash.F(128, s1p, s0w, s0p);
        f[n++] = FeatureHash.F(129, s1p, b0p);
        f[n++] = FeatureHash.F(130, s1w, b0w);

        f[n++] = FeatureHash.F(131, b0p, b1p, b2p);
        f[n++] = FeatureHash.F(132, s0p, b0p, b1p);
        f[n++] = FeatureHash.F(133, s1p, s0p, b0p);
        f[n++] = FeatureHash.F(134, s0p, s0lp, b0p);
        f[n++] = FeatureHash.F(135, s0p, s0rp, b0p);
        f[n++] = FeatureHash.F(136, s0p, b0p, b0lp);
        f[n++] = FeatureHash.F(137, s2p, s1p, s0p);
        f[n++] = FeatureHash.F(138, s1p, s1rp, s0p);
        f[n++] = FeatureHash.F(139, s1p, s1lp, s0p);
        f[n++] = FeatureHash.F(140, s0w, b0p, b1p);
        f[n++] = FeatureHash.F(141, b0w, b1w);
        f[n++] = FeatureHash.F(142, b0w, b1p);

        f[n++] = FeatureHash.F(143, s0w, d);
        f[n++] = FeatureHash.F(144, s0p, d);
        f[n++] = FeatureHash.F(145, b0w, d);
        f[n++] = FeatureHash.F(146, b0p, d);
        f[n++] = FeatureHash.F(147, s0w, b0w, d);
        f[n++] = FeatureHash.F(148, s0p, b0p, d);
        f[n++] = FeatureHash.F(149, s1p, s0p, d1);
        f[n++] = FeatureHash.F(150, s1w, s0w, d1);

        f[n++] = FeatureHash.F(151, s0w, s0vr);
        f[n++] = FeatureHash.F(152, s0p, s0vr);
        f[n++] = FeatureHash.F(153, s0w, s0vl);
        f[n++] = FeatureHash.F(154, s0p, s0vl);
        f[n++] = FeatureHash.F(155, b0w, b0vl);
        f[n++] = FeatureHash.F(156, b0p, b0vl);
        f[n++] = FeatureHash.F(157, s1p, s1vl, s1vr);

        f[n++] = FeatureHash.F(158, W(words, s0l));
        f[n++] = FeatureHash.F(159, s0lp);
        f[n++] = FeatureHash.F(160, Lab(s0l));
        f[n++] = FeatureHash.F(161, W(words, s0r));
        f[n++] = FeatureHash.F(162, s0rp);
        f[n++] = FeatureHash.F(163, Lab(s0r));
        f[n++] = FeatureHash.F(164, W(words, b0l));
        f[n++] = FeatureHash.F(165, b0lp);
        f[n++] = FeatureHash.F(166, Lab(b0l));
        f[n++] = FeatureHash.F(167, W(words, s1r));
        f[n++] = FeatureHash.F(168, s1rp);
        f[n++] = FeatureHash.F(169, Lab(s1r));
        f[n++] = FeatureHash.F(170, Lab(s1l));

        f[n++] = FeatureHash.F(171, W(words, s0l2));
        f[n++] = FeatureHash.F(172, P(tags, s0l2));
        f[n++] = FeatureHash.F(173, Lab(s0l2));
        f[n++] = FeatureHash.F(174, W(words, s0r2));
        f[n++] = FeatureHash.F(175, P(tags, s0r2));
        f[n++] = FeatureHash.F(176, Lab(s0r2));
        f[n++] = FeatureHash.F(177, W(words, b0l2));
        f[n++] = FeatureHash.F(178, P(tags, b0l2));
        f[n++] = FeatureHash.F(179, Lab(b0l2));
        f[n++] = FeatureHash.F(180, s0p, s0lp, P(tags, s0l2));
        f[n++] = FeatureHash.F(181, s0p, s0rp, P(tags, s0r2));
        f[n++] = FeatureHash.F(182, b0p, b0lp, P(tags, b0l2));
        f[n++] = FeatureHash.F(183, s1p, s1rp, P(tags, s1r2));

        f[n++] = FeatureHash.F(184, s0w, s0rs);
        f[n++] = FeatureHash.F(185, s0p, s0rs);
        f[n++] = FeatureHash.F(186, s0w, s0ls);
        f[n++] = FeatureHash.F(187, s0p, s0ls);
        f[n++] = FeatureHash.F(188, b0w, b0ls);
        f[n++] = FeatureHash.F(189, b0p, b0ls);
        f[n++] = FeatureHash.F(190, s0p, Lab(s0l), Lab(s0r));
        f[n++] = FeatureHash.F(191, b0 >= 0 ? words[b0 - 1].Suffix3 : 0, b0p);
        f[n++] = FeatureHash.F(192, s0 > 0 ? words[s0 - 1].Suffix3 : 0, s0p);
        return n;
    }

    public void Write(BinaryWriter writer)
    {
        ModelFile.WriteStrings(writer, Labels);
        Model.Write(writer);
    }

    public static DependencyParser Read(BinaryReader reader)
    {
        var labels = ModelFile.ReadStrings(reader);
        var model = LinearModel.Read(reader);
        return new DependencyParser(labels, model);
    }
}

/// <summary>An arc-hybrid configuration. Token 0 is the root; words are 1..N.</summary>
internal sealed class ParseState
{
    public readonly int N;
    public readonly int[] Stack;
    public int Sp;
    public int B;
    public readonly int[] Head;
    public readonly int[] Label;
    public readonly int[] L1;
    public readonly int[] L2;
    public readonly int[] R1;
    public readonly int[] R2;
    public readonly int[] VL;
    public readonly int[] VR;
    public readonly ulong[] LSet;
    public readonly ulong[] RSet;

    public ParseState(int n)
    {
        N = n;
        Stack = new int[n + 1];
        Head = new int[n + 1];
        Label = new int[n + 1];
        L1 = new int[n + 1];
        L2 = new int[n + 1];
        R1 = new int[n + 1];
        R2 = new int[n + 1];
        VL = new int[n + 1];
        VR = new int[n + 1];
        LSet = new ulong[n + 1];
        RSet = new ulong[n + 1];
        Array.Fill(Head, -1);
        Array.Fill(Label, -1);
        Array.Fill(L1, -1);
        Array.Fill(L2, -1);
        Array.Fill(R1, -1);
        Array.Fill(R2, -1);
        Stack[0] = 0;
        Sp = 1;
        B = 1;
    }

    public int S0 => Sp >= 1 ? Stack[Sp - 1] : -1;

    public int S1 => Sp >= 2 ? Stack[Sp - 2] : -1;

    public bool Terminal => B > N && Sp == 1;

    public bool CanShift => B <= N;

    public bool CanLeft => Sp >= 2 && B <= N;

    public bool CanRight => Sp >= 2 && (Stack[Sp - 2] != 0 || B > N);

    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // not precompiled: compiled at first use, fully optimised (docs/evaluation.md, branch speed13)
    public void Apply(int action, int labelCount)
    {
        if (action == 0)
        {
            Stack[Sp++] = B++;
        }
        else if (action <= labelCount)
        {
            AddArc(B, Stack[--Sp], action - 1);
        }
        else
        {
            var d = Stack[--Sp];
            AddArc(Stack[Sp - 1], d, action - 1 - labelCount);
        }
    }

    private void AddArc(int h, int d, int label)
    {
        Head[d] = h;
        Label[d] = label;
        if (d < h)
        {
            VL[h]++;
            LSet[h] |= 1UL << (label & 63);
            if (L1[h] < 0 || d < L1[h]) { L2[h] = L1[h]; L1[h] = d; }
            else if (L2[h] < 0 || d < L2[h]) L2[h] = d;
        }
        else
        {
            VR[h]++;
            RSet[h] |= 1UL << (label & 63);
            if (R1[h] < 0 || d > R1[h]) { R2[h] = R1[h]; R1[h] = d; }
            else if (R2[h] < 0 || d > R2[h]) R2[h] = d;
        }
    }
}
