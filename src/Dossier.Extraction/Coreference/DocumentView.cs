using Dossier.Core.Documents;
using Dossier.Extraction.Actors;

namespace Dossier.Extraction.Coreference;

/// <summary>Token-level helpers over one document: text, tags, spans, its dependency tree and title matching.</summary>
internal sealed class DocumentView
{
    private readonly int[] _starts;

    public DocumentView(Document document, ActorKnowledgeBase kb)
    {
        Document = document;
        Kb = kb;
        Tokens = document.Tokens;
        Tree = new DependencyTree(document);
        _starts = [.. document.Tokens.Select(t => t.Start)];
    }

    public Document Document { get; }

    public ActorKnowledgeBase Kb { get; }

    public System.Collections.Immutable.ImmutableArray<Token> Tokens { get; }

    /// <summary>The document's dependency trees, built once.</summary>
    public DependencyTree Tree { get; }

    public string Text(int token) => Document.TextOf(Tokens[token]);

    public string Lower(int token) => Text(token).ToLowerInvariant();

    public string? Xpos(int token) => Tokens[token].Xpos;

    public Sentence SentenceOf(int token) => Document.Sentences[Tokens[token].Sentence];

    public bool IsCapitalized(int token)
    {
        var t = Text(token);
        return t.Length > 0 && char.IsUpper(t[0]);
    }

    public bool IsPossessive(int token) => token < Tokens.Length && Text(token) is "'s" or "\u2019s" or "'" or "\u2019";

    /// <summary>The first token that ends after <paramref name="offset"/>.</summary>
    public int TokenAtOrAfter(int offset)
    {
        var i = Array.BinarySearch(_starts, offset);
        if (i >= 0) return i;
        i = ~i;

        // Offset inside the previous token.
        if (i > 0 && Tokens[i - 1].End > offset) return i - 1;
        return Math.Min(i, Tokens.Length);
    }

    /// <summary>The exclusive end token for a span ending at <paramref name="offset"/>.</summary>
    public int TokenEnd(int offset)
    {
        var i = TokenAtOrAfter(offset);
        while (i < Tokens.Length && Tokens[i].Start < offset) i++;
        return i;
    }

    /// <summary>The words of tokens [first, end) as a title look-up key: "Vice - President" → "vice-president".</summary>
    public string Phrase(int first, int end)
    {
        var parts = new List<string>();
        for (var i = first; i < end; i++) parts.Add(Text(i));
        return string.Join(' ', parts).Replace(" - ", "-", StringComparison.Ordinal);
    }

    /// <summary>The text between two tokens, as written.</summary>
    public string Span(int first, int end) => Document.Text[Tokens[first].Start..Tokens[end - 1].End];

    /// <summary>The longest lexicon title made of tokens [p, last] with p ≥ <paramref name="min"/>.</summary>
    public (int Start, TitleInfo Info)? TitleEndingAt(int last, int min)
    {
        if (last < 0 || last >= Tokens.Length) return null;
        var sentenceStart = SentenceOf(last).FirstToken;
        min = Math.Max(min, sentenceStart);
        for (var length = Math.Min(Kb.MaxTitleWords + 2, last - min + 1); length >= 1; length--)
        {
            var start = last - length + 1;
            if (Text(start) is "-" or "of" or "the") continue;
            var info = Kb.FindTitle(Phrase(start, last + 1));
            if (info is not null) return (start, info);
        }

        return null;
    }

    /// <summary>The longest lexicon title made of tokens [first, q) with q ≤ <paramref name="maxEnd"/>.</summary>
    public (int End, TitleInfo Info)? TitleStartingAt(int first, int maxEnd)
    {
        if (first < 0 || first >= Tokens.Length) return null;
        maxEnd = Math.Min(maxEnd, SentenceOf(first).FirstToken + SentenceOf(first).TokenCount);
        for (var end = Math.Min(maxEnd, first + Kb.MaxTitleWords + 2); end > first; end--)
        {
            if (Text(end - 1) is "-" or "of" or "the") continue;
            var info = Kb.FindTitle(Phrase(first, end));
            if (info is not null) return (end, info);
        }

        return null;
    }

    /// <summary>Title case for a role title: "foreign minister" → "Foreign Minister", "secretary of state" → "Secretary of State".</summary>
    public static string TitleCase(string phrase)
    {
        var words = phrase.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        for (var i = 0; i < words.Length; i++)
        {
            var w = words[i];
            if (i > 0 && w is "of" or "the" or "and" or "for") continue;
            if (w.Length > 0 && w.All(c => !char.IsLetter(c) || char.IsLower(c)))
            {
                words[i] = string.Join('-', w.Split('-').Select(p => p.Length == 0 ? p : char.ToUpperInvariant(p[0]) + p[1..]));
            }
        }

        return string.Join(' ', words);
    }
}
