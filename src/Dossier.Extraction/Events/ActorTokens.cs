using Dossier.Core.Documents;
using Dossier.Core.Labels;

namespace Dossier.Extraction.Events;

/// <summary>Which tokens of a sentence name actors: entities that can act, pronouns, proper nouns and actor nouns.</summary>
internal sealed class ActorTokens
{
    /// <summary>The relations inside a noun phrase (its modifiers, not its clauses).</summary>
    private static readonly HashSet<string> NounPhraseRelations = new(StringComparer.Ordinal)
    {
        "compound", "flat", "flat:name", "amod", "nmod:poss", "nummod", "nmod", "appos", "det:poss",
    };

    private readonly AnalysedSentence _s;
    private readonly DependencyTree _tree;

    public ActorTokens(AnalysedSentence sentence)
    {
        _s = sentence;
        _tree = sentence.Tree;
    }

    /// <summary>Whether an entity of this type can act (a person, an organization, a country or a group).</summary>
    public static bool CanAct(Entity e) => e.Type is EntityTypes.Person or EntityTypes.Organization or EntityTypes.Gpe or EntityTypes.Group;

    /// <summary>True when a nominal names an actor: an entity that can act, a pronoun, a proper noun or an actor noun.</summary>
    public bool IsActor(int i)
    {
        if (InTime(i)) return false;
        if (_s.Context.EntityAt[i] is { } e) return CanAct(e);
        var t = _s.Tokens[i];

        // "it" that coreference did not link to an actor is a thing or a dummy subject ("when it comes to …").
        if (IsUnresolvedIt(i)) return false;
        if (t.Xpos is "PRP" || t.Upos == "PROPN") return true;
        return _tree.IsNoun(i) && _s.Lexicon.IsActorNoun(_tree.Lemma(i));
    }

    /// <summary>Whether a token is the pronoun "it" with no entity behind it.</summary>
    public bool IsUnresolvedIt(int i) => _s.Context.EntityAt[i] is null && _s.Tokens[i].Xpos == "PRP" && _tree.Lemma(i) == "it";

    /// <summary>
    /// A token inside a noun phrase (its modifiers, not its clauses) covered by an actor entity, or -1. Strict: only
    /// the words that name it (compound, flat, amod, possessor) — "a Security Council resolution", not "a missionary from X".
    /// </summary>
    public int NestedActor(int head, bool strict = false)
    {
        var queue = new Queue<(int Token, int Depth)>();
        queue.Enqueue((head, 0));
        var best = -1;
        while (queue.Count > 0)
        {
            var (i, d) = queue.Dequeue();
            if (i != head && _s.Context.EntityAt[i] is { } e && CanAct(e))
            {
                var b = best < 0 ? null : _s.Context.EntityAt[best]!;
                if (b is null || (e.Country is not null && b.Country is null) || (b.Country is null && b.Code is null && e.Code is not null)) best = i;
            }

            if (d >= 2) continue;
            foreach (var c in _tree.Children(i))
            {
                if (strict ? _tree.Relation(c) is "compound" or "flat" or "flat:name" or "amod" or "nmod:poss" : NounPhraseRelations.Contains(_tree.Relation(c))) queue.Enqueue((c, d + 1));
            }
        }

        return best;
    }

    /// <summary>Whether a token lies in a time expression of the sentence ("Monday" is no actor).</summary>
    private bool InTime(int i)
    {
        var t = _s.Tokens[i];
        foreach (var x in _s.Context.TimesOf(_s.Index))
        {
            if (x.Sentence == _s.Index && x.Start < t.End && t.Start < x.End) return true;
        }

        return false;
    }
}
