using Dossier.Core.Documents;

namespace Dossier.Nlp.Time;

/// <summary>
/// The tokens of one sentence as the time rules read them: lower-cased words with typographic apostrophes made
/// plain, the original spellings, the syntax layer's XPOS tags, and whether the sentence is written without case
/// (all capitals, no capitals), in which case every word counts as capitalised. Out-of-range positions read as "".
/// </summary>
internal sealed class SentenceWords
{
    private readonly string[] _w;
    private readonly string[] _o;
    private readonly Token[] _t;
    private readonly bool _caseless;

    public SentenceWords(Document document, Sentence sentence)
    {
        var tokens = document.TokensOf(sentence);
        Count = tokens.Length;
        _w = new string[Count];
        _o = new string[Count];
        _t = tokens.ToArray();
        var upper = 0;
        var lower = 0;
        for (var i = 0; i < Count; i++)
        {
            _o[i] = document.TextOf(tokens[i]);
            _w[i] = _o[i].ToLowerInvariant().Replace('\u2019', '\'');
            foreach (var c in _o[i])
            {
                if (char.IsUpper(c)) upper++;
                else if (char.IsLower(c)) lower++;
            }
        }

        _caseless = upper == 0 || lower == 0 || upper > lower;
    }

    /// <summary>The number of tokens.</summary>
    public int Count { get; }

    /// <summary>True when the sentence has no usable case (headline capitals, all lower case).</summary>
    public bool Caseless => _caseless;

    /// <summary>The lower-case word at <paramref name="i"/>, or "" outside the sentence.</summary>
    public string W(int i) => i >= 0 && i < Count ? _w[i] : "";

    /// <summary>Lower case without a final period ("oct." → "oct").</summary>
    public string M(int i)
    {
        var w = W(i);
        return w.Length > 1 && w[^1] == '.' ? w[..^1] : w;
    }

    /// <summary>The word as written at <paramref name="i"/> (which must be inside the sentence).</summary>
    public string Original(int i) => _o[i];

    /// <summary>The XPOS tag at <paramref name="i"/>, null when no syntax stage has run.</summary>
    public string? Xpos(int i) => _t[i].Xpos;

    /// <summary>True when the word at <paramref name="i"/> starts with a capital, or the sentence is caseless.</summary>
    public bool Capitalised(int i) => _caseless || i >= 0 && i < Count && _o[i].Length > 0 && char.IsUpper(_o[i][0]);

    /// <summary>The lower-case words <c>[first, end)</c> joined by spaces.</summary>
    public string Join(int first, int end) => string.Join(" ", _w[first..end]);
}
