using Dossier.Core.Documents;

namespace Dossier.Extraction.Events.Scoring;

/// <summary>
/// The features the trigger model reads off one candidate token (a verb or a common noun) of a parsed sentence: its
/// word, lemma, suffix, part of speech and relation; its head and the head's head; its children by relation (the
/// lemmas of auxiliaries, marks, adverbs, case markers and particles: negation, modality, conditions, "by"-phrases);
/// the kind of each argument (entity type, pronoun or noun, with its preposition); whether the token lies inside a
/// name; the PLOVER types the event lexicon gives its lemma as a verb or a noun; and the types of the rule coder's
/// events on the token, its head and its children. Read only from the document's layers and the rule events.
/// </summary>
internal static class TriggerFeatures
{
    private static readonly string[] Governed = ["aux", "aux:pass", "mark", "advmod", "case", "compound:prt", "cop", "xcomp", "ccomp"];

    /// <summary>Whether the token is a candidate trigger (a lexical verb or a common noun).</summary>
    public static bool IsCandidate(DependencyTree tree, int t) => tree.IsVerb(t) || tree.IsNoun(t);

    /// <summary>The features of token <paramref name="t"/>.</summary>
    /// <param name="context">The document's lookups (entity over each token).</param>
    /// <param name="lexicon">The event lexicon (the PLOVER types of the lemma's entries).</param>
    /// <param name="t">A document-level token index.</param>
    /// <param name="ruleTypes">The types of the rule coder's events by trigger token.</param>
    /// <param name="dropped">The types of the rule candidates that yielded no event, by trigger token (<see cref="SentenceAnalyser.Dropped"/>), or null.</param>
    public static List<string> Of(DocumentContext context, EventLexicon lexicon, int t, IReadOnlyDictionary<int, List<string>> ruleTypes, IReadOnlyDictionary<int, List<string>>? dropped = null)
    {
        var tree = context.Tree;
        var document = context.Document;
        var token = document.Tokens[t];
        var lemma = tree.Lemma(t);
        var word = tree.Text(t).ToLowerInvariant();
        var rel = tree.Relation(t);
        var upos = token.Upos ?? "-";
        var f = new List<string>(64)
        {
            "w=" + word, "l=" + lemma, "p=" + upos, "x=" + (token.Xpos ?? "-"), "r=" + rel, "l|p=" + lemma + "|" + upos, "l|r=" + lemma + "|" + rel,
            "suf=" + (lemma.Length > 4 ? lemma[^3..] : lemma),
        };
        if (word.Length > 0 && char.IsUpper(tree.Text(t)[0]) && t > context.Document.Sentences[token.Sentence].FirstToken) f.Add("cap");
        if (context.EntityAt[t] is { } inside) f.Add("in-entity=" + inside.Type);

        var head = tree.Head(t);
        if (head < 0)
        {
            f.Add("root");
        }
        else
        {
            f.Add("hl=" + tree.Lemma(head));
            f.Add("hp=" + document.Tokens[head].Upos);
            f.Add("hr=" + tree.Relation(head));
            f.Add("r|hl=" + rel + "|" + tree.Lemma(head));
            f.Add("l|hl=" + lemma + "|" + tree.Lemma(head));
            if (tree.CaseMarker(t) is { } own) f.Add("case|hl=" + own + "|" + tree.Lemma(head));
            var up = tree.Head(head);
            if (up >= 0) f.Add("hhl=" + tree.Lemma(up));
            foreach (var c in tree.Children(head))
            {
                var r = tree.BaseRelation(c);
                if (r is "aux" or "mark" && c != t) f.Add("h." + r + "=" + tree.Lemma(c));
            }
        }

        var children = 0;
        foreach (var c in tree.Children(t))
        {
            var r = tree.Relation(c);
            var baseRel = tree.BaseRelation(c);
            f.Add("c=" + r);
            if (Array.IndexOf(Governed, r) >= 0 || Array.IndexOf(Governed, baseRel) >= 0) f.Add("c." + baseRel + "=" + tree.Lemma(c));
            if (r == "compound:prt") f.Add("l+prt=" + lemma + " " + tree.Lemma(c));
            if (baseRel is "nsubj" or "obj" or "iobj" or "obl" or "nmod" || r is "obl:agent" or "nmod:poss" or "compound" or "amod")
            {
                children++;
                var kind = Kind(context, c);
                var prep = tree.CaseMarker(c);
                var slot = prep is null ? r : r + ":" + prep;
                f.Add("a=" + slot + "|" + kind);
                f.Add("a=" + slot);
                f.Add("l|a=" + lemma + "|" + slot);
                if (kind != "N") f.Add("l|ak=" + lemma + "|" + slot + "|" + kind);
                else
                {
                    f.Add("al=" + slot + "|" + tree.Lemma(c));

                    // The class of a common noun argument: an actor noun ("officials"), people ("students") or an abstract thing ("the plan").
                    var argLemma = tree.Lemma(c);
                    var cls = lexicon.IsActorNoun(argLemma) ? "actor"
                        : lexicon.Words.PersonNouns.Contains(argLemma) ? "person"
                        : lexicon.Words.AbstractNouns.Contains(argLemma) ? "abstract" : null;
                    if (cls is not null)
                    {
                        f.Add("a=" + slot + "|" + cls);
                        f.Add("l|ak=" + lemma + "|" + slot + "|" + cls);
                    }
                }
            }
        }

        f.Add("nargs=" + Math.Min(children, 3));

        // What the lexicon says of the lemma (the lexicon is data: CAMEO's verb dictionary and the event nouns).
        if (tree.IsVerb(t))
        {
            var prt = tree.Child(t, "compound:prt");
            var code = prt >= 0 ? lexicon.Verb(lemma, tree.Lemma(prt)) ?? lexicon.Verb(lemma) : lexicon.Verb(lemma);
            f.Add("lexv=" + Plover(lexicon, code));
            if (lexicon.IsSpeechVerb(lemma)) f.Add("speech");
            if (lexicon.IsLightVerb(lemma)) f.Add("light");
            if (lexicon.Words.MentalVerbs.Contains(lemma)) f.Add("mental");
        }
        else
        {
            var noun = lexicon.Noun(lemma);
            f.Add("lexn=" + Plover(lexicon, noun));

            // A noun the event nouns lack, derived from a verb with a code ("hijacking", "harassment", "pullout"), or
            // the same word as such a verb ("support"): the verb's type, as a weaker cue the model weighs.
            if (noun is null && lexicon.DeverbalCode(lemma) is { } derived) f.Add("lexdv=" + Plover(lexicon, derived));
            else if (noun is null && lexicon.Verb(lemma) is { } same) f.Add("lexz=" + Plover(lexicon, same));
            if (lexicon.IsActorNoun(lemma)) f.Add("actor-noun");
        }

        // The rule coder's events on the token and its neighbours.
        var any = false;
        if (ruleTypes.TryGetValue(t, out var own2))
        {
            foreach (var type in own2)
            {
                f.Add("rule=" + type);
                f.Add("rule|p=" + type + "|" + upos);
            }

            any = true;
        }

        if (head >= 0 && ruleTypes.TryGetValue(head, out var above)) foreach (var type in above) f.Add("rule-head=" + type);
        foreach (var c in tree.Children(t))
        {
            if (ruleTypes.TryGetValue(c, out var below)) foreach (var type in below) f.Add("rule-child=" + type);
        }

        if (!any) f.Add("rule=none");
        if (dropped is not null && dropped.TryGetValue(t, out var lost))
        {
            foreach (var type in lost) f.Add("dropped=" + type);
        }

        if (Quoted(document, token.Start, token.Sentence)) f.Add("quoted");
        if (document.Topic is { } topic) f.Add("topic=" + topic);
        return f;
    }

    /// <summary>Whether an odd number of quotation marks precede the position in its sentence.</summary>
    private static bool Quoted(Document document, int position, int sentence)
    {
        var from = document.Sentences[sentence].Start;
        var marks = 0;
        for (var i = from; i < position && i < document.Text.Length; i++)
        {
            if (document.Text[i] is '"' or '\u201c' or '\u201d') marks++;
        }

        return marks % 2 == 1;
    }

    private static string Kind(DocumentContext context, int c)
    {
        if (context.EntityAt[c] is { } e) return e.Type;
        var upos = context.Document.Tokens[c].Upos;
        return upos is "PRON" or "PROPN" ? upos : "N";
    }

    private static string Plover(EventLexicon lexicon, string? code)
    {
        if (code is null) return "none";
        var bare = code.TrimStart(':');
        if (bare == EventLexicon.None) return "removed";
        return lexicon.Code(bare)?.Plover ?? "stmt";
    }
}
