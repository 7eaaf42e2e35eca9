using Dossier.Core.Documents;

namespace Dossier.Nlp.Tokenization;

/// <summary>
/// Rule-based English tokenizer following the conventions of the Universal Dependencies English
/// Web Treebank (EWT). It produces half-open UTF-16 spans of the input, in order, non-overlapping,
/// never empty, never starting or ending with white space and never splitting a surrogate pair.
/// Tokens are the syntactic words of UD: clitics are split ("do|n't", "ca|n't", "Bush|'s",
/// "can|not", "gon|na"), currency symbols and units stand alone ("$|2.5|million", "£|600|m"),
/// hyphenated compounds are split ("two|-|hour") except after common prefixes ("e-mail",
/// "non-stop") and in phone numbers, while abbreviations ("Mr.", "U.S."), initials ("J."),
/// numbers ("1,000,000", "2.5", "5:30"), URLs and e-mail addresses are kept whole. Quotes,
/// brackets and dashes ("—", "–", "--") are tokens of their own.
/// Its word lists come from a <see cref="TokenizerLexicon"/> (<c>models/tokens/</c>).
/// The tokenizer is stateless, allocation-free apart from the output list, and thread-safe.
/// </summary>
public static class Tokenizer
{
    /// <summary>Tokenizes <paramref name="text"/> into a new list of spans, with the shipped word lists (<see cref="TokenizerLexicon.Default"/>).</summary>
    public static List<TextSpan> Tokenize(string text) => Tokenize(text, TokenizerLexicon.Default);

    /// <summary>Tokenizes <paramref name="text"/> into a new list of spans, with the word lists of <paramref name="lexicon"/>.</summary>
    public static List<TextSpan> Tokenize(string text, TokenizerLexicon lexicon)
    {
        ArgumentNullException.ThrowIfNull(text);
        var tokens = new List<TextSpan>(text.Length / 5 + 4);
        Tokenize(text, tokens, lexicon);
        return tokens;
    }

    /// <summary>Appends the token spans of <paramref name="text"/> to <paramref name="tokens"/>, with the shipped word lists.</summary>
    public static void Tokenize(ReadOnlySpan<char> text, List<TextSpan> tokens) => Tokenize(text, tokens, TokenizerLexicon.Default);

    /// <summary>Appends the token spans of <paramref name="text"/> to <paramref name="tokens"/>, with the word lists of <paramref name="lexicon"/>.</summary>
    public static void Tokenize(ReadOnlySpan<char> text, List<TextSpan> tokens, TokenizerLexicon lexicon)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        ArgumentNullException.ThrowIfNull(lexicon);
        var lex = lexicon;
        var i = 0;
        while (i < text.Length)
        {
            if (CharClass.IsSpace(text[i]))
            {
                i++;
                continue;
            }

            var start = i;
            while (i < text.Length && !CharClass.IsSpace(text[i])) i++;
            Chunk(text, start, i, tokens, lex);
        }
    }

    /// <summary>Tokenizes one run of non-space characters <c>[start, end)</c>.</summary>
    private static void Chunk(ReadOnlySpan<char> s, int start, int end, List<TextSpan> tokens, TokenizerLexicon lex)
    {
        var hasAt = s[start..end].Contains('@');
        var p = start;
        while (p < end)
        {
            if (CharClass.IsWord(s[p]))
            {
                var u = UrlEnd(s, p, end, hasAt);
                if (u > p)
                {
                    tokens.Add(new TextSpan(p, u));
                    p = u;
                    continue;
                }

                p = Word(s, p, end, tokens, lex);
            }
            else
            {
                p = Punctuation(s, p, start, end, tokens);
            }
        }
    }

    /// <summary>The end of a URL or e-mail address starting at <paramref name="p"/>, or -1.</summary>
    private static int UrlEnd(ReadOnlySpan<char> s, int p, int end, bool hasAt)
    {
        var rest = s[p..end];
        var first = (char)(rest[0] | 0x20);
        var url = first switch
        {
            'h' => rest.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || rest.StartsWith("https://", StringComparison.OrdinalIgnoreCase),
            'f' => rest.StartsWith("ftp://", StringComparison.OrdinalIgnoreCase),
            'w' => rest.Length > 4 && rest.StartsWith("www.", StringComparison.OrdinalIgnoreCase) && CharClass.IsWord(rest[4]),
            'm' => rest.Length > 7 && rest.StartsWith("mailto:", StringComparison.OrdinalIgnoreCase),
            _ => false,
        };
        if (url)
        {
            var q = end;
            while (q > p + 1)
            {
                var c = s[q - 1];
                if (c is '.' or ',' or ';' or ':' or '!' or '?' or '"' or '\'' or '\u201D' or '\u2019' or '>' or ']' or '}' or '*')
                {
                    q--;
                }
                else if (c == ')' && s[p..q].Count('(') < s[p..q].Count(')'))
                {
                    q--;
                }
                else
                {
                    break;
                }
            }

            return q;
        }

        if (!hasAt) return -1;
        var at = p;
        while (at < end && (CharClass.IsWord(s[at]) || s[at] is '.' or '-' or '+' or '%' or '\''))
        {
            at++;
        }

        if (at >= end || s[at] != '@' || at == p) return -1;
        var d = at + 1;
        var dotted = false;
        while (d < end && (CharClass.IsWord(s[d]) || s[d] is '.' or '-'))
        {
            if (s[d] == '.' && d + 1 < end && CharClass.IsWord(s[d + 1]) && d > at + 1) dotted = true;
            d++;
        }

        while (d > at + 1 && s[d - 1] is '.' or '-') d--;

        // "jane@example.com", and Lotus Notes addresses such as "Bryngelson@AZURIX".
        return dotted || (d - at > 2 && CharClass.IsLetter(s[at - 1]) && CharClass.IsLetter(s[at + 1])) ? d : -1;
    }

    /// <summary>Scans a word starting at <paramref name="p"/>, emits its tokens and returns where it ends.</summary>
    private static int Word(ReadOnlySpan<char> s, int p, int end, List<TextSpan> tokens, TokenizerLexicon lex)
    {
        var q = p + 1;
        while (q < end)
        {
            var c = s[q];
            if (CharClass.IsWord(c))
            {
                q++;
                continue;
            }

            if (q + 1 < end && CharClass.IsWord(s[q + 1]))
            {
                var prev = s[q - 1];
                var next = s[q + 1];
                var join = c switch
                {
                    '.' or '-' or '\u2010' => true,
                    ',' or ':' or '/' => CharClass.IsDigit(prev) && CharClass.IsDigit(next),
                    '&' => CharClass.IsUpper(prev) && CharClass.IsUpper(next),
                    '\'' or '\u2019' => CharClass.IsLetter(next),
                    _ => false,
                };
                if (join)
                {
                    q += 2;
                    continue;
                }
            }

            break;
        }

        // A final period stays with abbreviations and initials ("Mr.", "U.S.", "J."), not with "...".
        var attached = false;
        var doubled = q + 2 <= end && s[q] == '.' && q + 1 < end && s[q + 1] == '.' && (q + 2 == end || s[q + 2] != '.');
        if (q < end && s[q] == '.' && (q + 1 >= end || s[q + 1] != '.' || doubled))
        {
            var wordStart = p;
            for (var k = q - 1; k > p; k--)
            {
                if (s[k] is '-' or '\u2010')
                {
                    wordStart = k + 1;
                    break;
                }
            }

            if (KeepsPeriod(s, wordStart, q, end, lex))
            {
                q++;
                attached = true;
            }
        }

        EmitWord(s, p, attached ? q - 1 : q, tokens, attached, lex);
        return q;
    }

    /// <summary>Decides whether the period at <paramref name="q"/> belongs to the word <c>[a, q)</c>.</summary>
    private static bool KeepsPeriod(ReadOnlySpan<char> s, int a, int q, int chunkEnd, TokenizerLexicon lex)
    {
        var w = s[a..q];
        bool mayEnd;
        if (w.Length == 1)
        {
            // Initials: "J. R. R. Tolkien"; "... because of X. So" ends a sentence.
            if (!CharClass.IsUpper(w[0])) return false;
            mayEnd = true;
        }
        else if (lex.IsAbbreviation(w))
        {
            mayEnd = lex.MayEnd(w);
        }
        else if (IsDottedAcronym(w))
        {
            mayEnd = true;
        }
        else if (lex.IsBeforeNumber(w))
        {
            var k = q + 1;
            while (k < s.Length && CharClass.IsSpace(s[k]) && k - q < 3) k++;
            return k < s.Length && k > q + 1 && CharClass.IsDigit(s[k]);
        }
        else
        {
            return false;
        }

        return !mayEnd || !StartsSentence(s, q + 1, chunkEnd, lex);
    }

    /// <summary>"U.S", "e.g", "Ph.D": letters in dot-separated groups of one or two.</summary>
    private static bool IsDottedAcronym(ReadOnlySpan<char> w)
    {
        var run = 0;
        var dots = 0;
        foreach (var c in w)
        {
            if (c == '.')
            {
                if (run == 0) return false;
                run = 0;
                dots++;
            }
            else if (CharClass.IsLetter(c))
            {
                if (++run > 2) return false;
            }
            else
            {
                return false;
            }
        }

        return dots > 0 && run > 0;
    }

    /// <summary>
    /// True when a sentence plausibly starts after the period that ends at <paramref name="k"/>:
    /// end of text, a blank line, or white space followed by an opening quote or a common
    /// capitalised sentence starter. Anything glued to the period ("U.S.-based") means no.
    /// </summary>
    private static bool StartsSentence(ReadOnlySpan<char> s, int k, int chunkEnd, TokenizerLexicon lex)
    {
        if (k < chunkEnd && s[k] == '.') return false;
        while (k < chunkEnd && CharClass.IsCloser(s[k])) k++;
        if (k < chunkEnd) return false;
        var newlines = 0;
        while (k < s.Length && CharClass.IsSpace(s[k]))
        {
            if (s[k] == '\n') newlines++;
            k++;
        }

        if (k >= s.Length || newlines >= 2) return true;
        var c = s[k];
        if (c is '"' or '\u201C' or '\u2018') return true;
        if (!CharClass.IsUpper(c)) return false;
        var e = k + 1;
        while (e < s.Length && CharClass.IsLetter(s[e])) e++;
        return lex.IsSentenceStarter(s[k..e]);
    }

    /// <summary>Emits <c>[p, q)</c> split at hyphens, plus its attached period when <paramref name="period"/>.</summary>
    private static void EmitWord(ReadOnlySpan<char> s, int p, int q, List<TextSpan> tokens, bool period, TokenizerLexicon lex)
    {
        var end = period ? q + 1 : q;
        var hyphen = s[p..q].IndexOfAny('-', '\u2010');
        if (hyphen < 0 || IsNumericCode(s[p..q]))
        {
            EmitPiece(s, p, end, tokens, lex);
            return;
        }

        var tokenStart = p;
        var segmentStart = p;
        for (var k = p + hyphen; k < q; k++)
        {
            if (s[k] is not ('-' or '\u2010')) continue;
            if (!lex.IsHyphenPrefix(s[segmentStart..k]))
            {
                EmitPiece(s, tokenStart, k, tokens, lex);
                tokens.Add(new TextSpan(k, k + 1));
                tokenStart = k + 1;
            }

            segmentStart = k + 1;
        }

        EmitPiece(s, tokenStart, end, tokens, lex);
    }

    /// <summary>
    /// Phone numbers, ZIP+4 codes and dates written with hyphens stay whole: "713-853-3989",
    /// "713/853-6197", "345-9945", extension "3-5213", "94720-5180"; ranges such as "5-10" or
    /// "1969-1970" do not.
    /// </summary>
    private static bool IsNumericCode(ReadOnlySpan<char> w)
    {
        var separators = 0;
        var firstGroup = -1;
        for (var i = 0; i < w.Length; i++)
        {
            var c = w[i];
            if (c is '-' or '\u2010' or '/')
            {
                if (separators++ == 0) firstGroup = i;
            }
            else if (!CharClass.IsDigit(c))
            {
                return false;
            }
        }

        return separators >= 2 || (separators == 1 && firstGroup is <= 3 or 5 && w.Length - firstGroup - 1 == 4);
    }

    /// <summary>Emits one hyphen-free piece, splitting clitics, fused contractions and number+unit.</summary>
    private static void EmitPiece(ReadOnlySpan<char> s, int a, int b, List<TextSpan> tokens, TokenizerLexicon lex)
    {
        if (b <= a) return;
        var w = s[a..b];
        var parts = lex.FusedParts(w);
        if (!parts.IsEmpty)
        {
            var k = a;
            foreach (var length in parts)
            {
                tokens.Add(new TextSpan(k, k + length));
                k += length;
            }

            return;
        }

        if (w.Length == 3 && lex.IsItIs(w, NextWord(s, b)))
        {
            tokens.Add(new TextSpan(a, a + 2));
            tokens.Add(new TextSpan(a + 2, b));
            return;
        }

        var clitic = WordSplits.CliticStart(w);
        if (clitic > 0)
        {
            tokens.Add(new TextSpan(a, a + clitic));
            tokens.Add(new TextSpan(a + clitic, b));
            return;
        }

        if (CharClass.IsDigit(w[0]))
        {
            var k = 1;
            while (k < w.Length && (CharClass.IsDigit(w[k]) || w[k] is '.' or ',' or ':')) k++;
            if (k < w.Length && CharClass.IsLetter(w[k]) && IsDigitsThenUnit(w, k, lex))
            {
                tokens.Add(new TextSpan(a, a + k));
                tokens.Add(new TextSpan(a + k, b));
                return;
            }
        }

        tokens.Add(new TextSpan(a, b));
    }

    /// <summary>The letters of the word after white space following <paramref name="k"/> (empty when none).</summary>
    private static ReadOnlySpan<char> NextWord(ReadOnlySpan<char> s, int k)
    {
        if (k >= s.Length || !CharClass.IsSpace(s[k])) return default;
        while (k < s.Length && CharClass.IsSpace(s[k])) k++;
        var e = k;
        while (e < s.Length && CharClass.IsLetter(s[e]) && e - k < 12) e++;
        return s[k..e];
    }

    private static bool IsDigitsThenUnit(ReadOnlySpan<char> w, int k, TokenizerLexicon lex)
    {
        if (!CharClass.IsDigit(w[k - 1])) return false;
        var unit = w[k..];
        if (unit[^1] == '.') unit = unit[..^1];
        return lex.IsUnit(unit);
    }

    /// <summary>The letters of a clitic after its apostrophe: s, m, d, re, ve, ll (any case).</summary>
    private static bool IsClitic(ReadOnlySpan<char> w) => w.Length switch
    {
        1 => (w[0] | 0x20) is 's' or 'm' or 'd',
        2 => ((w[0] | 0x20) == 'r' && (w[1] | 0x20) == 'e') || ((w[0] | 0x20) == 'v' && (w[1] | 0x20) == 'e') || ((w[0] | 0x20) == 'l' && (w[1] | 0x20) == 'l'),
        _ => false,
    };

    /// <summary>Emits the punctuation or symbol token starting at <paramref name="p"/> and returns where it ends.</summary>
    private static int Punctuation(ReadOnlySpan<char> s, int p, int chunkStart, int end, List<TextSpan> tokens)
    {
        var c = s[p];
        var q = p + 1;
        if (c == '@' && q < end && CharClass.IsWord(s[q]))
        {
            // "@example.com" as in "first name plus @example.com".
            var e = q;
            var dotted = false;
            while (e < end && (CharClass.IsWord(s[e]) || (s[e] is '.' or '-' && e + 1 < end && CharClass.IsWord(s[e + 1]))))
            {
                dotted |= s[e] == '.';
                e++;
            }

            if (dotted)
            {
                tokens.Add(new TextSpan(p, e));
                return e;
            }
        }

        if (c is ':' or ';' or '=')
        {
            var e = EmoticonEnd(s, p, chunkStart, end);
            if (e > p)
            {
                tokens.Add(new TextSpan(p, e));
                return e;
            }
        }
        else if (char.IsHighSurrogate(c))
        {
            if (q < end && char.IsLowSurrogate(s[q]))
            {
                var regional = c == '\uD83C' && s[q] is >= '\uDDE6' and <= '\uDDFF';
                q++;
                if (regional && q + 1 < end && s[q] == '\uD83C' && s[q + 1] is >= '\uDDE6' and <= '\uDDFF') q += 2;
                q = SymbolEnd(s, q, end);
            }

            tokens.Add(new TextSpan(p, q));
            return q;
        }
        else if (CharClass.IsApostrophe(c) && q + 1 < end && CharClass.IsDigit(s[q]) && CharClass.IsDigit(s[q + 1]))
        {
            // Decades: '80s.
            var e = q + 2;
            if (e < end && s[e] == 's') e++;
            if (e == end || !CharClass.IsWord(s[e]))
            {
                tokens.Add(new TextSpan(p, e));
                return e;
            }
        }

        if (p == chunkStart)
        {
            // Text tokenized the Penn Treebank way writes a clitic apart ("Men 's", "they 're"): one token, as when it is glued.
            if (CharClass.IsApostrophe(c))
            {
                var e = q;
                while (e < end && CharClass.IsLetter(s[e]) && e - q < 2) e++;
                if ((e == end || !CharClass.IsWord(s[e])) && IsClitic(s[q..e]))
                {
                    tokens.Add(new TextSpan(p, e));
                    return e;
                }
            }

            // A decimal number without its leading zero (".533", ".45"): one token, not a full stop and a number.
            if (c == '.' && q < end && CharClass.IsDigit(s[q]))
            {
                var e = q;
                while (e < end && CharClass.IsDigit(s[e])) e++;
                if (e == end || !CharClass.IsWord(s[e]))
                {
                    tokens.Add(new TextSpan(p, e));
                    return e;
                }
            }
        }

        switch (c)
        {
            case '.' or '!' or '?':
                while (q < end && s[q] is '.' or '!' or '?') q++;
                break;
            case '\u2018' or '\u2019' when q < end && s[q] is '\u2018' or '\u2019':
                // Doubled single quotes used as a double quote: ‘‘ or ’’.
                q++;
                break;
            case '-' or '*' or '=' or '~' or '#' or '+' or '>' or '<' or '^' or '|' or '/' or '\\' or '`' or '\'' or '_' or ',' or '$':
                while (q < end && s[q] == c) q++;
                break;
            default:
                while (q < end && CharClass.IsContinuation(s[q])) q++;
                break;
        }

        tokens.Add(new TextSpan(p, q));
        return q;
    }

    /// <summary>Extends a symbol (emoji) over variation selectors, skin tones and zero-width-joiner sequences.</summary>
    private static int SymbolEnd(ReadOnlySpan<char> s, int q, int end)
    {
        while (q < end)
        {
            var c = s[q];
            if (CharClass.IsContinuation(c))
            {
                q++;
            }
            else if (c == '\uD83C' && q + 1 < end && s[q + 1] is >= '\uDFFB' and <= '\uDFFF')
            {
                q += 2;
            }
            else if (c == '\u200D' && q + 1 < end)
            {
                q++;
                q += char.IsHighSurrogate(s[q]) && q + 1 < end && char.IsLowSurrogate(s[q + 1]) ? 2 : 1;
            }
            else
            {
                break;
            }
        }

        return q;
    }

    /// <summary>The end of an emoticon such as ":)", ":-(", ";-)" or ":D" starting at <paramref name="p"/>, or -1.</summary>
    private static int EmoticonEnd(ReadOnlySpan<char> s, int p, int chunkStart, int end)
    {
        var k = p + 1;
        if (k < end && s[k] is '-' or '\'' or '^' or 'o') k++;
        if (k >= end) return -1;
        var mouth = s[k];
        if (mouth is not (')' or '(' or 'D' or 'P' or 'p' or 'O' or '3' or '/' or '\\' or '|' or '[' or ']' or '*' or '$' or '@')) return -1;
        if (s[p] == '=' && p > chunkStart && CharClass.IsWord(s[p - 1])) return -1;
        var e = k + 1;
        while (e < end && s[e] == mouth && mouth is ')' or '(') e++;
        if (e < end && CharClass.IsWord(s[e])) return -1;
        if (p > chunkStart && CharClass.IsDigit(s[p - 1])) return -1;
        return e;
    }
}
