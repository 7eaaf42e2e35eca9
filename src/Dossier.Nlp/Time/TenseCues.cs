namespace Dossier.Nlp.Time;

/// <summary>
/// Decides whether the sentence around a time expression speaks of the past or the future: the nearest cue
/// within 15 tokens before, else after, wins. Cues are modal and planning words ("will", "plans to", "is due"),
/// "ago"/"yesterday"/"last", and verb tense: the syntax layer's XPOS (VBD/VBN past, MD will/would future) when
/// a syntax stage has run, else the word's spelling (irregular past forms, -ed).
/// </summary>
internal sealed class TenseCues
{
    private readonly SentenceWords _s;
    private readonly TimeLexicon _lexicon;

    public TenseCues(SentenceWords words, TimeLexicon lexicon)
    {
        _s = words;
        _lexicon = lexicon;
    }

    /// <summary>The tense of the expression at tokens <c>[first, end)</c>.</summary>
    public Tense Around(int first, int end)
    {
        for (var k = first - 1; k >= 0 && k >= first - 15; k--)
        {
            var c = Cue(k);
            if (c != Tense.Unknown) return c;
        }

        for (var k = end; k < _s.Count && k < end + 15; k++)
        {
            var c = Cue(k);
            if (c != Tense.Unknown) return c;
        }

        return Tense.Unknown;
    }

    private string W(int i) => _s.W(i);

    private Tense Cue(int k)
    {
        var w = W(k);
        var xpos = _s.Xpos(k);
        if (w is "will" or "'ll" or "shall" or "would" or "scheduled" or "upcoming" or "slated" or "forthcoming") return Tense.Future;
        if (w == "wo" && W(k + 1) == "n't") return Tense.Future;
        if (w is "next" or "coming" && (_lexicon.Units.ContainsKey(W(k + 1)) || _lexicon.Weekdays.ContainsKey(W(k + 1)) || _lexicon.Months.ContainsKey(_s.M(k + 1)) || _lexicon.Seasons.ContainsKey(W(k + 1)))) return Tense.Future;
        if (w == "as" && W(k - 1) is "soon" or "early" && W(k - 2) == "as") return Tense.Future;
        if (w == "expected" && W(k + 1) == "to" && W(k - 1) is "is" or "are" or "'s" or "'re" or "be") return Tense.Future;
        if (w == "to" && k + 1 < _s.Count && IsInfinitive(k + 1)) return Tense.Future;
        if (w == "due" && W(k - 1) is "is" or "are" or "was" or "were" or "'s" or "'re") return Tense.Future;
        if (W(k + 1) == "to" && _lexicon.FutureBeforeTo.Contains(w)) return Tense.Future;
        if (w is "going" && W(k + 1) == "to") return Tense.Future;
        if (w is "ago" or "yesterday" or "last" or "earlier" or "previously") return Tense.Past;
        bool past;
        if (xpos is not null)
        {
            past = xpos is "VBD" or "VBN";
            if (!past && xpos == "MD") return w is "will" or "would" or "shall" or "'ll" ? Tense.Future : Tense.Unknown;
        }
        else
        {
            past = _lexicon.IsPastForm(w);
        }

        if (!past) return Tense.Unknown;
        // "will be held", "to be signed": a participle after a modal or "to be" is not past.
        if (W(k - 1) == "be" && W(k - 2) is "will" or "would" or "'ll" or "shall" or "to" or "could" or "might" or "may" or "must" or "should" or "not") return Tense.Future;
        return Tense.Past;
    }

    /// <summary>True when the token after "to" looks like a bare verb: "to resume", "to be".</summary>
    private bool IsInfinitive(int k)
    {
        var x = _s.Xpos(k);
        if (x is not null) return x == "VB";
        var w = W(k);
        if (w.Length < 2 || !char.IsLower(_s.Original(k)[0]) || w.EndsWith("ing", StringComparison.Ordinal) || w.EndsWith("ed", StringComparison.Ordinal)) return false;
        foreach (var c in w)
        {
            if (c is < 'a' or > 'z') return false;
        }

        return !_lexicon.NotInfinitive.Contains(w);
    }
}
