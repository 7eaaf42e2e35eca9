using Dossier.Core.Documents;
using Dossier.Core.Labels;

namespace Dossier.Extraction.Events;

/// <summary>
/// Whether a candidate's arguments make it an interaction between actors at all. An event of an interaction type
/// needs a plausible actor from syntax: a verb whose subject is there but names no actor reports what a thing did
/// ("the storm hit the coast", "when it comes to trade"); an act aimed back at its own subject ("calling itself")
/// has no counterpart; a generic statement ("governments sanction rivals") reports no event; a meeting needs two parties; a cooperative act done to a thing with no actor to receive it
/// ("paid tribute", "won the race") is idiom, not cooperation. The rules read the parse, not word lists.
/// </summary>
internal sealed class InteractionRules
{
    private readonly AnalysedSentence _s;
    private readonly DependencyTree _tree;
    private readonly ActorTokens _actors;

    public InteractionRules(AnalysedSentence sentence, ActorTokens actors)
    {
        _s = sentence;
        _tree = sentence.Tree;
        _actors = actors;
    }

    /// <summary>False when the candidate, with the argument tokens found and the actors resolved from them, reports no interaction.</summary>
    public bool Holds(EventCandidate c, EventCode type, List<int> sources, List<ActorAt> sourceActors, List<int> targets, List<ActorAt> targetActors)
    {
        // A subject that names no actor (a thing, a dummy "it"): not an act of an actor.
        if (!SubjectActs(c, sources, sourceActors)) return false;

        // A generic statement ("governments sanction their rivals", "a state attacks when it must"): a present-tense verb
        // with no auxiliary whose subject is a bare plural or an indefinite singular common noun reports no event.
        if (!c.IsNoun && c.Demanded < 0 && IsGeneric(c.Trigger, sources)) return false;

        // "calling itself", "defended himself": the act has no counterpart.
        if (targets.Any(IsReflexive) || !c.IsNoun && _tree.Child(c.Trigger, "obj") is var o && o >= 0 && IsReflexive(o)) return false;

        // A meeting needs two parties: a counterpart, several sources, or a plural one ("the ministers met").
        if (!c.IsNoun && c.Demanded < 0 && type.Code.StartsWith("04", StringComparison.Ordinal) && targetActors.Count == 0
            && sourceActors.Count == 1 && !IsPlural(sourceActors[0].Head))
        {
            return false;
        }

        // Diplomatic and material cooperation need a partner: such an act done by one party to a thing — an object
        // that is no actor, holds none and is no event ("paid tribute", "won the race", "signed the striker") — with
        // no actor to receive it and no "with" partner is idiom, not interaction. Entries keyed on the object
        // ("upgrade ties") chose their code from it and stay.
        if (!c.IsNoun && c.Asked < 0 && IsPartnerAct(type) && targetActors.Count == 0 && sourceActors.Count <= 1
            && !_tree.ChildrenWith(c.Trigger, "obl", "obl:arg").Any(o => _tree.CaseMarker(o) == "with")
            && _tree.Child(c.Trigger, "obj") is var obj && obj >= 0 && !_actors.IsActor(obj) && _actors.NestedActor(obj) < 0
            && !_tree.ChildrenWith(obj, "nmod").Any(o => _tree.CaseMarker(o) == "with")
            && _s.Lexicon.Noun(_tree.Lemma(obj)) is null && _s.Lexicon.VerbEntry(_tree.Lemma(c.Trigger) + " " + _tree.Lemma(obj)) is null)
        {
            return false;
        }

        // Praise, intent and disapproval are said of or to someone: such a verb used on its own — no counterpart, no
        // object, no complement, no phrase but a place ("she won in Paris", "he competed", "they decided") — reports no
        // interaction.
        if (!c.IsNoun && c.Asked < 0 && c.Demanded < 0 && IsAddressedAct(type) && targetActors.Count == 0 && sourceActors.Count <= 1
            && !_tree.Children(c.Trigger).Any(d => _tree.Relation(d) is "obj" or "iobj" or "ccomp" or "xcomp" or "obl:arg"
                || _tree.Relation(d) == "obl" && _tree.CaseMarker(d) is { } p && !_s.Lexicon.Words.LocationPrepositions.Contains(p)))
        {
            return false;
        }

        return true;
    }

    /// <summary>
    /// False when the candidate has a subject among its source tokens and none of them names an actor: what a thing or a
    /// dummy <em>it</em> did ("heavy snow closed the roads", "the shares closed lower") is no act of an actor. A body of an
    /// actor ("army units") and a common noun of people ("students", "volunteers": GUM types it a person) act. The only
    /// check the trigger model's proposals also pass (they may otherwise leave both roles empty).
    /// </summary>
    public bool SubjectActs(EventCandidate c, List<int> sources, List<ActorAt> sourceActors) =>
        c.Demanded >= 0 || sourceActors.Count > 0 || !sources.Any(IsSubject) || sources.Any(s => IsSubject(s) && (ActorModified(s) || PersonNoun(s)));

    /// <summary>A common noun, named by no entity, that GUM's entity annotations type as a person ("students", "workers").</summary>
    private bool PersonNoun(int i) =>
        _tree.IsNoun(i) && _s.Context.EntityAt[i] is null && _s.Lexicon.Words.PersonNouns.Contains(_tree.Lemma(i));

    /// <summary>A common noun an actor word modifies as a compound ("army units", "rebel fighters"): a body of that actor.</summary>
    private bool ActorModified(int i) =>
        _tree.IsNoun(i) && _s.Context.EntityAt[i] is null && _tree.ChildrenWith(i, "compound").Any(m => m < i && _actors.IsActor(m));

    /// <summary>Verbal acts addressed to someone: intent to cooperate (CAMEO 03), praise (05) and disapproval (11).</summary>
    private static bool IsAddressedAct(EventCode type) =>
        type.Code.StartsWith("03", StringComparison.Ordinal) || type.Code.StartsWith("05", StringComparison.Ordinal) || type.Code.StartsWith("11", StringComparison.Ordinal);

    /// <summary>Diplomatic or material cooperation (CAMEO roots 05 and 06): acts done with or for a partner.</summary>
    private static bool IsPartnerAct(EventCode type) =>
        type.Code.StartsWith("05", StringComparison.Ordinal) || type.Code.StartsWith("06", StringComparison.Ordinal);

    private bool IsGeneric(int v, List<int> sources)
    {
        if (_s.Tokens[v].Xpos is not ("VBZ" or "VBP") || _tree.Children(v).Any(a => _tree.BaseRelation(a) == "aux")) return false;
        var subject = sources.FirstOrDefault(i => _tree.Head(i) == v && IsSubject(i), -1);
        if (subject < 0 || _s.Context.EntityAt[subject] is not null || !_tree.IsNoun(subject)) return false;
        var modifiers = _tree.Children(subject).Where(m => _tree.Relation(m) is "det" or "nmod:poss" or "nummod" or "compound" or "amod" && m < subject).ToList();
        if (modifiers.Any(m => _tree.Relation(m) is "nmod:poss" or "nummod" || _s.Context.EntityAt[m] is not null || _s.Tokens[m].Upos == "PROPN")) return false;
        var det = modifiers.Where(m => _tree.Relation(m) == "det").Select(_tree.Lemma).FirstOrDefault();
        return _s.Tokens[subject].Xpos == "NNS" ? det is null : det is "a" or "an" or "any" or "every";
    }

    /// <summary>A plural noun, or a plural personal pronoun ("they plan to meet again"; the paradigm is grammar).</summary>
    private bool IsPlural(int i) =>
        _s.Tokens[i].Xpos is "NNS" or "NNPS" || _s.Tokens[i].Xpos == "PRP" && _tree.Lemma(i) is "they" or "we" or "them" or "us";

    private bool IsSubject(int i) => _tree.BaseRelation(i) is "nsubj" or "csubj" or "expl";

    private bool IsReflexive(int i) =>
        _s.Tokens[i].Xpos == "PRP" && _tree.Text(i).ToLowerInvariant() is var w
        && (w.EndsWith("self", StringComparison.Ordinal) || w.EndsWith("selves", StringComparison.Ordinal));
}
