namespace Dossier.Nlp.Entities;

/// <summary>
/// BILOU tags over the four CoNLL classes: 0 = O, then for class k (PER, ORG, LOC, MISC)
/// B = 1 + 4k, I = 2 + 4k, L = 3 + 4k, U = 4 + 4k.
/// </summary>
internal static class NerTags
{
    public static readonly string[] Classes = ["PER", "ORG", "LOC", "MISC"];
    public const int Count = 17;
    public const int O = 0;

    public static int Type(int tag) => tag == O ? -1 : (tag - 1) / 4;

    /// <summary>0 B, 1 I, 2 L, 3 U; -1 for O.</summary>
    public static int Part(int tag) => tag == O ? -1 : (tag - 1) % 4;

    public static int Make(int type, int part) => 1 + type * 4 + part;

    public static string Name(int tag) => tag == O ? "O" : "BILU"[Part(tag)] + "-" + Classes[Type(tag)];

    public static int ClassIndex(string name) => Array.IndexOf(Classes, name);

    /// <summary>Can <paramref name="tag"/> follow <paramref name="previous"/> (-1 at the start), and end the sentence when <paramref name="last"/>?</summary>
    public static bool Allowed(int previous, int tag, bool last)
    {
        var part = Part(tag);
        if (last && part is 0 or 1) return false;
        var open = previous > 0 && Part(previous) is 0 or 1;
        if (open) return part is 1 or 2 && Type(tag) == Type(previous);
        return part is -1 or 0 or 3;
    }

    /// <summary>BILOU tags of a sentence from spans (start, end, class).</summary>
    public static int[] FromSpans(int length, IEnumerable<(int Start, int End, int Type)> spans)
    {
        var tags = new int[length];
        foreach (var (s, e, t) in spans)
        {
            if (e - s == 1)
            {
                tags[s] = Make(t, 3);
                continue;
            }

            tags[s] = Make(t, 0);
            for (var i = s + 1; i < e - 1; i++) tags[i] = Make(t, 1);
            tags[e - 1] = Make(t, 2);
        }

        return tags;
    }

    /// <summary>Spans (start, end, class) of a BILOU tag sequence; tolerant of invalid sequences.</summary>
    public static List<(int Start, int End, int Type)> ToSpans(ReadOnlySpan<int> tags)
    {
        var spans = new List<(int, int, int)>();
        var start = -1;
        var type = -1;
        for (var i = 0; i < tags.Length; i++)
        {
            var part = Part(tags[i]);
            var t = Type(tags[i]);
            if (start >= 0 && (part is -1 or 0 or 3 || t != type))
            {
                spans.Add((start, i, type));
                start = -1;
            }

            switch (part)
            {
                case 3:
                    spans.Add((i, i + 1, t));
                    break;
                case 0 or 1:
                    if (start < 0)
                    {
                        start = i;
                        type = t;
                    }

                    break;
                case 2:
                    if (start < 0) spans.Add((i, i + 1, t));
                    else spans.Add((start, i + 1, type));
                    start = -1;
                    break;
            }
        }

        if (start >= 0) spans.Add((start, tags.Length, type));
        return spans;
    }
}
