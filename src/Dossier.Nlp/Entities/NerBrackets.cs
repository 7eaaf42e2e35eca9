namespace Dossier.Nlp.Entities;

/// <summary>
/// Where a name span may meet brackets in a sentence, so that the decoder never builds a span that crosses an
/// unbalanced bracket. A span may hold a bracketed group only whole ("Total Petroleum (North America) Ltd",
/// "Mladost (BJ)"); a group of more than one word is a name part only when the name goes on after it with a
/// capitalised word, otherwise it is an expansion or alias of the name before it ("X (Y Z) group") and the span
/// must end before the bracket, leaving the words inside to be a name of their own. No span starts or ends on a
/// bracket, and none runs into a closing bracket whose opening one it does not hold.
/// </summary>
internal sealed class NerBrackets
{
    /// <summary>Not a bracket.</summary>
    public const byte None = 0;

    /// <summary>An opening bracket a span may run into (its group may be part of a name).</summary>
    public const byte OpenInside = 1;

    /// <summary>An opening bracket no span may run into.</summary>
    public const byte OpenOutside = 2;

    /// <summary>A closing bracket (a span holds it only with its opening bracket).</summary>
    public const byte Close = 3;

    private NerBrackets(byte[] kind, int[] match, bool[] mustContinue)
    {
        Kind = kind;
        Match = match;
        MustContinue = mustContinue;
    }

    /// <summary>Per word: <see cref="None"/>, <see cref="OpenInside"/>, <see cref="OpenOutside"/> or <see cref="Close"/>.</summary>
    public byte[] Kind { get; }

    /// <summary>Per bracket: the index of its partner, or -1 when it has none in the sentence.</summary>
    public int[] Match { get; }

    /// <summary>Per closing bracket: a span that holds its group must go on after it (the group holds more than one word).</summary>
    public bool[] MustContinue { get; }

    /// <summary>The bracket plan of a sentence, or null when it holds no bracket (the common case, nothing to check).</summary>
    public static NerBrackets? Of(IReadOnlyList<string> words)
    {
        var any = false;
        for (var i = 0; i < words.Count && !any; i++) any = Side(words[i]) != 0;
        if (!any) return null;
        var kind = new byte[words.Count];
        var match = new int[words.Count];
        var mustContinue = new bool[words.Count];
        Array.Fill(match, -1);
        var stack = new Stack<int>();
        for (var i = 0; i < words.Count; i++)
        {
            var side = Side(words[i]);
            if (side == 1)
            {
                kind[i] = OpenOutside;
                stack.Push(i);
            }
            else if (side == -1)
            {
                kind[i] = Close;
                if (stack.Count > 0 && Pair(words[stack.Peek()], words[i]))
                {
                    var open = stack.Pop();
                    match[open] = i;
                    match[i] = open;
                }
            }
        }

        for (var i = 0; i < words.Count; i++)
        {
            if (kind[i] != OpenOutside || match[i] < 0) continue;
            var close = match[i];
            var inside = close - i - 1;
            if (inside == 0) continue;
            var goesOn = close + 1 < words.Count && Side(words[close + 1]) == 0 && EntityTyper.Capitalised(words[close + 1]);
            if (inside == 1 || goesOn)
            {
                kind[i] = OpenInside;
                mustContinue[close] = inside > 1;
            }
        }

        return new NerBrackets(kind, match, mustContinue);
    }

    /// <summary>
    /// May <paramref name="tag"/> stand at word <paramref name="i"/>, given the closing bracket <paramref name="reach"/>
    /// the open span must still reach (-1 when none)? Checked on top of <see cref="NerTags.Allowed"/>.
    /// </summary>
    public bool Allowed(int i, int tag, int reach)
    {
        if (tag == NerTags.O) return reach < 0;
        var part = NerTags.Part(tag);
        if (reach > i) return part == 1;
        if (reach == i) return part == 1 ? NextTakes(i) : part == 2 && !MustContinue[i];
        var kind = Kind[i];
        if (kind == OpenInside && part == 1) return true;
        if (kind != None) return false;
        return part is 2 or 3 || NextTakes(i);
    }

    /// <summary>The closing bracket a span must reach after <paramref name="tag"/> at word <paramref name="i"/>, given the one before.</summary>
    public int Reach(int i, int tag, int reach)
    {
        var part = NerTags.Part(tag);
        if (part is -1 or 2 or 3) return -1;
        if (reach > i) return reach;
        return Kind[i] == OpenInside && part == 1 ? Match[i] : -1;
    }

    /// <summary>Can a span open or going on at word <paramref name="i"/> run into the next word?</summary>
    private bool NextTakes(int i) => i + 1 < Kind.Length && Kind[i + 1] is None or OpenInside;

    /// <summary>1 for an opening bracket, -1 for a closing one, 0 otherwise.</summary>
    internal static int Side(string word) => word switch
    {
        "(" or "[" or "{" or "-LRB-" or "-LSB-" or "-LCB-" => 1,
        ")" or "]" or "}" or "-RRB-" or "-RSB-" or "-RCB-" => -1,
        _ => 0,
    };

    private static bool Pair(string open, string close) => (open, close) switch
    {
        ("(", ")") or ("[", "]") or ("{", "}") or ("-LRB-", "-RRB-") or ("-LSB-", "-RSB-") or ("-LCB-", "-RCB-") => true,
        _ => false,
    };
}
