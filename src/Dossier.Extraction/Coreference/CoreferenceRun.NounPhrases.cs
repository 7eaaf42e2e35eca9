using Dossier.Core.Labels;

namespace Dossier.Extraction.Coreference;

/// <summary>Mention finding from the parse: every noun phrase (names, common-noun phrases, pronouns) with GUM-style spans.</summary>
internal sealed partial class CoreferenceRun
{
    /// <summary>Dependents of a phrase's head that are not part of the phrase (UD relations): prepositions, coordination, appositions, the clause around a predicate noun.</summary>
    private static readonly HashSet<string> OutsidePhrase =
    [
        "case", "cc", "cc:preconj", "conj", "appos", "punct", "cop", "nsubj", "nsubj:pass", "csubj", "csubj:pass", "aux", "aux:pass",
        "mark", "advcl", "parataxis", "discourse", "vocative", "expl", "obl", "obl:tmod", "obl:npmod", "obl:agent", "dep", "orphan",
        "reparandum", "dislocated", "list", "advmod",
    ];

    /// <summary>Pronoun paradigms: person, number (s, p, ? for "you") and gender (m, f, n, p, ?).</summary>
    private static readonly Dictionary<string, (char Person, char Number, char Gender)> PronounForms = new(StringComparer.Ordinal)
    {
        ["i"] = ('1', 's', '?'), ["me"] = ('1', 's', '?'), ["my"] = ('1', 's', '?'), ["mine"] = ('1', 's', '?'), ["myself"] = ('1', 's', '?'),
        ["we"] = ('1', 'p', 'p'), ["us"] = ('1', 'p', 'p'), ["our"] = ('1', 'p', 'p'), ["ours"] = ('1', 'p', 'p'), ["ourselves"] = ('1', 'p', 'p'),
        ["you"] = ('2', '?', '?'), ["your"] = ('2', '?', '?'), ["yours"] = ('2', '?', '?'), ["yourself"] = ('2', 's', '?'), ["yourselves"] = ('2', 'p', 'p'),
        ["he"] = ('3', 's', 'm'), ["him"] = ('3', 's', 'm'), ["his"] = ('3', 's', 'm'), ["himself"] = ('3', 's', 'm'),
        ["she"] = ('3', 's', 'f'), ["her"] = ('3', 's', 'f'), ["hers"] = ('3', 's', 'f'), ["herself"] = ('3', 's', 'f'),
        ["it"] = ('3', 's', 'n'), ["its"] = ('3', 's', 'n'), ["itself"] = ('3', 's', 'n'),
        ["they"] = ('3', 'p', 'p'), ["them"] = ('3', 'p', 'p'), ["their"] = ('3', 'p', 'p'), ["theirs"] = ('3', 'p', 'p'), ["themselves"] = ('3', 'p', 'p'),
        ["this"] = ('3', 's', 'n'), ["that"] = ('3', 's', 'n'), ["these"] = ('3', 'p', 'p'), ["those"] = ('3', 'p', 'p'),
    };

    /// <summary>The noun phrases of the document in text order (by head), each tied to the sieve mention its head lies in.</summary>
    private List<NounPhrase> FindNounPhrases()
    {
        var tokens = _view.Tokens;
        var phrases = new List<NounPhrase>();
        if (!Tree.IsParsed) return phrases;
        var byHead = new Dictionary<int, MentionInfo>();
        foreach (var m in _mentions)
        {
            if (m.Removed || m.Cluster is null) continue;
            byHead.TryAdd(HeadOf(m), m);
        }

        var quoteOf = new int[tokens.Length];
        Array.Fill(quoteOf, -1);
        var quotes = Quotations();
        for (var q = 0; q < quotes.Count; q++)
        {
            for (var t = quotes[q].First; t < quotes[q].End; t++) quoteOf[t] = q;
        }

        for (var h = 0; h < tokens.Length; h++)
        {
            var upos = tokens[h].Upos;
            var rel = Tree.Relation(h);
            var xpos = tokens[h].Xpos ?? "";
            var covering = MentionCovering(h, m => m.Cluster is not null && m.Kind == MentionKind.Name);
            PhraseKind kind;
            if (upos == "PRON")
            {
                if (xpos is "WP" or "WDT" or "WP$" || rel is "fixed") continue;
                kind = PhraseKind.Pronoun;
            }
            else if (upos == "PROPN" || covering is not null)
            {
                // Only the head word of a multi-word name starts a phrase.
                var head = Tree.Head(h);
                if (rel is "flat" or "compound" or "fixed" && head >= 0 && (tokens[head].Upos == "PROPN" || (covering is not null && head >= covering.FirstToken && head < covering.EndToken))) continue;
                if (covering is not null && upos is not ("PROPN" or "NOUN" or "NUM")) continue;
                kind = PhraseKind.Name;
            }
            else if (upos == "NOUN" || (upos == "NUM" && rel is not ("nummod" or "compound" or "flat" or "fixed" or "conj")))
            {
                kind = PhraseKind.Description;
            }
            else
            {
                continue;
            }

            var (first, end) = PhraseSpan(h);
            if (covering is not null)
            {
                first = Math.Min(first, covering.FirstToken);
                end = Math.Max(end, covering.EndToken);
            }

            var lower = _view.Lower(h);
            char person = '3', number = xpos is "NNS" or "NNPS" ? 'p' : 's', gender = '?';
            if (kind == PhraseKind.Pronoun)
            {
                if (PronounForms.TryGetValue(lower, out var form)) (person, number, gender) = form;
                else number = '?';
            }

            var determiner = "";
            foreach (var c in Tree.Children(h))
            {
                var r = Tree.Relation(c);
                if (r is "nmod:poss" or "det:poss") { determiner = "poss"; break; }
                if (r == "det") determiner = _view.Lower(c) is "an" ? "a" : _view.Lower(c);
            }

            var mention = byHead.GetValueOrDefault(h) ?? covering;
            var nameType = covering?.Type ?? mention?.Cluster?.Type ?? "";
            var headLemma = kind == PhraseKind.Name ? lower : Tree.Lemma(h);
            var wordsFirst = first < end && Tree.Relation(first) == "det" ? first + 1 : first;
            phrases.Add(new NounPhrase
            {
                Index = phrases.Count,
                First = first,
                End = end,
                Head = h,
                Sentence = tokens[h].Sentence,
                Kind = kind,
                Mention = mention,
                Cluster = mention?.Cluster,
                HeadLemma = headLemma,
                Class = _classes is null ? "" : _classes.GetValueOrDefault(ClassKey(kind, headLemma, nameType)) ?? "",
                Words = wordsFirst < end ? _view.Document.Text[tokens[wordsFirst].Start..tokens[end - 1].End].ToLowerInvariant() : lower,
                Number = number,
                Gender = gender == '?' && mention?.Cluster is { Gender: not '\0' } c2 && c2.Type == EntityTypes.Person ? c2.Gender : gender,
                Person = person,
                NameType = nameType,
                Relation = Tree.BaseRelation(h),
                Determiner = determiner,
                Quote = quoteOf[h],
                Speaker = rel is "nsubj" && Tree.Head(h) is var v && v >= 0 && _lexicon.SpeakerVerbs.Contains(Tree.Lemma(v)),
            });
        }

        return phrases;
    }

    /// <summary>The key of <see cref="MentionRanker.Classes"/>: a name's type ("#ORG"), else its head's lemma.</summary>
    internal static string ClassKey(PhraseKind kind, string headLemma, string nameType) =>
        kind == PhraseKind.Name && nameType.Length > 0 ? "#" + nameType : headLemma;

    /// <summary>The phrase of head <paramref name="h"/>: the head and the whole subtrees of its dependents that belong to the phrase, edge punctuation trimmed.</summary>
    private (int First, int End) PhraseSpan(int h)
    {
        int lo = h, hi = h;
        foreach (var c in Tree.Children(h))
        {
            if (OutsidePhrase.Contains(Tree.Relation(c))) continue;
            var (a, b) = Subtree(c);
            lo = Math.Min(lo, a);
            hi = Math.Max(hi, b);
        }

        while (hi > lo && _view.Tokens[hi].Upos == "PUNCT") hi--;
        while (lo < hi && _view.Tokens[lo].Upos == "PUNCT") lo++;
        return (lo, hi + 1);
    }

    private (int Lo, int Hi) Subtree(int t)
    {
        int lo = t, hi = t;
        var stack = new Stack<int>();
        stack.Push(t);

        // A well-formed tree visits each token once; the bound keeps a malformed one (a cycle) from looping.
        var budget = _view.Tokens.Length;
        while (stack.Count > 0 && budget-- > 0)
        {
            var x = stack.Pop();
            lo = Math.Min(lo, x);
            hi = Math.Max(hi, x);
            foreach (var c in Tree.Children(x)) stack.Push(c);
        }

        return (lo, hi);
    }
}
