namespace Dossier.Nlp.Tokenization;

/// <summary>
/// Where UD English splits a clitic off a written word after an apostrophe ("do|n't", "Bush|'s", "I|'m").
/// Contractions written without one ("can|not", "gon|na") and units glued to a number ("5|pm") are listed
/// in <see cref="TokenizerLexicon"/>. Allocation-free.
/// </summary>
internal static class WordSplits
{
    /// <summary>
    /// The offset within <paramref name="word"/> where a clitic begins ("n't", "'s", "'re", "'ll",
    /// "'m", "'ve", "'d", straight or curly apostrophe, any case), or -1. The stem is never empty.
    /// </summary>
    public static int CliticStart(ReadOnlySpan<char> word)
    {
        var n = word.Length;
        if (n < 3) return -1;
        var last = (char)(word[n - 1] | 0x20);
        if (last == 't' && n >= 4 && CharClass.IsApostrophe(word[n - 2]) && (word[n - 3] | 0x20) == 'n')
        {
            return n - 3;
        }

        if (CharClass.IsApostrophe(word[n - 2]) && last is 's' or 'm' or 'd')
        {
            return n - 2;
        }

        if (n >= 4 && CharClass.IsApostrophe(word[n - 3]))
        {
            var prev = (char)(word[n - 2] | 0x20);
            if ((prev == 'r' && last == 'e') || (prev == 'v' && last == 'e') || (prev == 'l' && last == 'l'))
            {
                return n - 3;
            }
        }

        return -1;
    }
}
