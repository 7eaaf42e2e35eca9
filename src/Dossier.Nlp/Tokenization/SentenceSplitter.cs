using Dossier.Core.Documents;

namespace Dossier.Nlp.Tokenization;

/// <summary>
/// Groups tokens into sentences. A sentence ends
/// <list type="bullet">
/// <item>after a token made only of terminal punctuation (". ! ? …", "...", "?!"), together with
/// the closing quotes and brackets and trailing emoticons or dashes that follow it, unless the next
/// token is continuing punctuation (", ; : )"), a lower-case word after a closing quote ("..." asked
/// Bush), or anything but a capital after an ellipsis. A lower-case word after ". ! ?" does start a
/// sentence (common in web text). "2." opening a numbered item does not end one. Abbreviations such
/// as "Mr." keep their period inside the token, so they never end a sentence here; the tokenizer
/// splits the period off when an abbreviation really ends one ("in the U.S|. The");</item>
/// <item>at a blank line (a paragraph break);</item>
/// <item>at a single line break when the line before ends with terminal punctuation, or when it is a
/// short line (under <see cref="ShortLine"/> characters: a headline, a dateline, a list item) not
/// ending in a comma-like mark and the next line does not start in lower case. Long lines broken
/// mid-sentence (hard-wrapped text) are joined;</item>
/// <item>around rule lines ("=====", "*****") and around e-mail header stamps
/// ("04/26/2001 07:17 AM").</item>
/// </list>
/// Output sentences cover consecutive token ranges in order, every token in exactly one sentence;
/// a sentence spans from its first token's start to its last token's end. Thread-safe and stateless.
/// </summary>
public static class SentenceSplitter
{
    /// <summary>Lines shorter than this that end without punctuation still end a sentence at a line break.</summary>
    public const int ShortLine = 70;

    /// <summary>
    /// The most tokens a sentence may have. A longer run is cut into pieces of at most this many tokens, after the
    /// last ';', ':' or ',' in the second half of a piece when there is one, and each cut is recorded
    /// (<see cref="Sentence.CutAtLimit"/>). News sentences stay far below it (the longest in the BBC sample has 242
    /// tokens); it bounds the cost of the parser and of the stages that work sentence by sentence.
    /// </summary>
    public const int MaxTokens = 400;

    /// <summary>Splits <paramref name="tokens"/> (spans of <paramref name="text"/>, in order) into sentences.</summary>
    public static List<Sentence> Split(string text, List<TextSpan> tokens)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(tokens);
        return Split(text, System.Runtime.InteropServices.CollectionsMarshal.AsSpan(tokens));
    }

    /// <summary>Splits <paramref name="tokens"/> (spans of <paramref name="text"/>, in order) into sentences.</summary>
    public static List<Sentence> Split(ReadOnlySpan<char> text, ReadOnlySpan<TextSpan> tokens)
    {
        var sentences = new List<Sentence>(tokens.Length / 16 + 1);
        var first = 0;
        for (var i = 0; i < tokens.Length; i++)
        {
            var last = i;
            var end = i + 1 >= tokens.Length || EndsAfter(text, tokens, first, ref last);
            if (!end) continue;
            while (last - first + 1 > MaxTokens)
            {
                var cut = CutPoint(text, tokens, first);
                sentences.Add(new Sentence(tokens[first].Start, tokens[cut].End, first, cut - first + 1) { CutAtLimit = true });
                first = cut + 1;
            }

            sentences.Add(new Sentence(tokens[first].Start, tokens[last].End, first, last - first + 1));
            first = last + 1;
            i = last;
        }

        return sentences;
    }

    /// <summary>The last token of a piece of an over-long run that starts at <paramref name="first"/>: the last ';', ':'
    /// or ',' in the second half of the piece, else the piece's last token.</summary>
    private static int CutPoint(ReadOnlySpan<char> text, ReadOnlySpan<TextSpan> tokens, int first)
    {
        var last = first + MaxTokens - 1;
        for (var k = last; k > first + MaxTokens / 2; k--)
        {
            if (tokens[k].Length == 1 && text[tokens[k].Start] is ';' or ':' or ',') return k;
        }

        return last;
    }

    /// <summary>
    /// Whether a sentence ends after token <paramref name="i"/>; when it does, <paramref name="i"/>
    /// moves past the closers that belong to the sentence (and a sentence may end after them).
    /// </summary>
    private static bool EndsAfter(ReadOnlySpan<char> text, ReadOnlySpan<TextSpan> tokens, int first, ref int i)
    {
        var token = tokens[i];
        var next = tokens[i + 1];
        var lineBreaks = LineBreaks(text[token.End..next.Start]);
        if (lineBreaks >= 2) return true;
        var tokenText = text[token.Start..token.End];
        var nextText = text[next.Start..next.End];
        if (IsSeparator(tokenText) || IsSeparator(nextText)) return true;
        if (IsTimestampEnd(text, tokens, i)) return true;
        if (i + 3 < tokens.Length && IsDate(nextText) && IsTimestampEnd(text, tokens, i + 3)
            && !CharClass.IsLower(tokenText[0]) && !CharClass.IsDigit(tokenText[0]))
        {
            return true;
        }

        if (!IsTerminal(tokenText))
        {
            return lineBreaks == 1 && EndsLine(text, tokens, i) && !CharClass.IsLower(text[next.Start]);
        }

        // "2." opening a numbered item is not a sentence of its own.
        if (tokenText is "." && IsListNumber(text, tokens, first, i)) return false;

        // Closing quotes and brackets, and trailing emoticons or dashes, stay with the sentence they close.
        var j = i;
        var quoted = false;
        while (j + 1 < tokens.Length)
        {
            var candidate = tokens[j + 1];
            var candidateText = text[candidate.Start..candidate.End];
            if (LineBreaks(text[tokens[j].End..candidate.Start]) > 0) break;
            var glued = candidate.Start == tokens[j].End;
            if (candidate.Length == 1 && CharClass.IsCloser(candidateText[0]))
            {
                if (!glued && !CharClass.IsUnambiguousCloser(candidateText[0])) break;
                quoted |= candidateText[0] is not (')' or ']' or '}');
            }
            else if (!IsTrailer(candidateText))
            {
                break;
            }

            j++;
        }

        i = j;
        if (j + 1 >= tokens.Length) return true;
        next = tokens[j + 1];
        if (LineBreaks(text[tokens[j].End..next.Start]) >= 1) return true;

        // ‘"Is it?" asked Bush.’: after a closing quote a lower-case word continues the sentence.
        if (quoted && CharClass.IsLower(text[next.Start])) return false;
        return StartsSentence(text, token, next);
    }

    /// <summary>A number (optionally after a bullet) that opens the current sentence, before token <paramref name="i"/>.</summary>
    private static bool IsListNumber(ReadOnlySpan<char> text, ReadOnlySpan<TextSpan> tokens, int first, int i)
    {
        if (i - 1 < first) return false;
        var number = text[tokens[i - 1].Start..tokens[i - 1].End];
        if (number.Length > 3 || tokens[i - 1].End != tokens[i].Start) return false;
        foreach (var c in number)
        {
            if (!CharClass.IsDigit(c) && !(number.Length == 1 && CharClass.IsLetter(c))) return false;
        }

        if (i - 1 == first) return true;
        return i - 2 == first && tokens[i - 2].Length == 1 && text[tokens[i - 2].Start] is '*' or '-' or '#' or '\u2022';
    }

    /// <summary>Emoticons and dashes that trail a sentence: ":)", "=)", "^_^", "-", "–", "*".</summary>
    private static bool IsTrailer(ReadOnlySpan<char> token)
    {
        if (token.Length == 1) return token[0] is '-' or '\u2013' or '\u2014' or '*' or '~';
        if (token.Length > 4 || IsSeparator(token)) return false;
        var symbols = 0;
        foreach (var c in token)
        {
            if (c is ':' or ';' or '=' or '^' or '>' or '<') symbols++;
            else if (c is not (')' or '(' or '-' or '_' or 'D' or 'P' or 'p' or 'O' or '3' or '/' or '\\' or '|' or '\'')) return false;
        }

        return symbols > 0;
    }

    /// <summary>Whether the token <paramref name="next"/> can begin a new sentence after terminal punctuation.</summary>
    private static bool StartsSentence(ReadOnlySpan<char> text, TextSpan terminal, TextSpan next)
    {
        var c = text[next.Start];
        var t = text[terminal.Start..terminal.End];
        var ellipsis = t.Length > 1 && t[0] == '.' && t[1] == '.' || t[0] == '\u2026';

        // "..." usually trails off inside a sentence; only a capital after it starts a new one.
        // After ". ! ?" a lower-case word still starts a sentence (common in web text).
        if (ellipsis && !CharClass.IsUpper(c) && !CharClass.IsOpener(c)) return false;
        return c is not (',' or ';' or ':' or ')' or ']' or '}' or '%' or '\u201D' or '.' or '!' or '?');
    }

    /// <summary>A line ending at token <paramref name="i"/> that is short and does not end in a continuing mark.</summary>
    private static bool EndsLine(ReadOnlySpan<char> text, ReadOnlySpan<TextSpan> tokens, int i)
    {
        var token = tokens[i];
        var lastChar = text[token.End - 1];
        if (lastChar is ',' or ';' or '-' or '(' or '[' or '&' or '/' or '\u2013' or '\u2014') return false;
        var lineStart = text[..token.Start].LastIndexOf('\n') + 1;
        return token.End - lineStart < ShortLine;
    }

    /// <summary>The number of line breaks in white space: LF, U+2028 and U+2029 count, CR only when there is no LF.</summary>
    private static int LineBreaks(ReadOnlySpan<char> gap)
    {
        if (gap.IsEmpty) return 0;
        var count = 0;
        var returns = 0;
        foreach (var c in gap)
        {
            if (c is '\n' or '\u2028' or '\u2029') count++;
            else if (c == '\r') returns++;
        }

        return count > 0 ? count : returns;
    }

    /// <summary>A line of four or more rule characters ("=====", "*****", "-----", "____").</summary>
    private static bool IsSeparator(ReadOnlySpan<char> token)
    {
        if (token.Length < 4) return false;
        foreach (var c in token)
        {
            if (c is not ('=' or '*' or '_' or '~' or '#' or '-' or '+')) return false;
        }

        return true;
    }

    /// <summary>Whether token <paramref name="i"/> is the "AM"/"PM" of a "04/26/2001 07:17 AM" stamp (e-mail headers).</summary>
    private static bool IsTimestampEnd(ReadOnlySpan<char> text, ReadOnlySpan<TextSpan> tokens, int i)
    {
        if (i < 2) return false;
        var t = text[tokens[i].Start..tokens[i].End];
        if (t is not ("AM" or "PM")) return false;
        return IsClock(text[tokens[i - 1].Start..tokens[i - 1].End]) && IsDate(text[tokens[i - 2].Start..tokens[i - 2].End]);
    }

    /// <summary>"2/13/01", "02/13/2001".</summary>
    private static bool IsDate(ReadOnlySpan<char> t)
    {
        if (t.Length is < 6 or > 10 || t.Count('/') != 2) return false;
        foreach (var c in t)
        {
            if (c != '/' && !CharClass.IsDigit(c)) return false;
        }

        return true;
    }

    /// <summary>"8:02", "08:02", "03:14:14".</summary>
    private static bool IsClock(ReadOnlySpan<char> t)
    {
        if (t.Length is < 4 or > 8 || t.IndexOf(':') is < 1 or > 2) return false;
        foreach (var c in t)
        {
            if (c != ':' && !CharClass.IsDigit(c)) return false;
        }

        return true;
    }

    private static bool IsTerminal(ReadOnlySpan<char> token)
    {
        foreach (var c in token)
        {
            if (!CharClass.IsTerminal(c)) return false;
        }

        return true;
    }
}
