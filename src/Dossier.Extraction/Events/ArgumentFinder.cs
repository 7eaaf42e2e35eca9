using Dossier.Core.Documents;
using Dossier.Core.Labels;

namespace Dossier.Extraction.Events;

/// <summary>
/// Where an event's source and target tokens are found: for a verb the subject (the "by" agent of a passive) and the
/// indirect object, object or with/to/against/on phrase; for a noun its "between" phrase or possessor and its
/// target phrase, else its clause's; for a demand the speaker and the subject of the demanded clause.
/// </summary>
internal sealed class ArgumentFinder
{
    private readonly AnalysedSentence _s;
    private readonly DependencyTree _tree;
    private readonly ActorTokens _actors;
    private readonly EventClause _clause;
    private readonly IReadOnlySet<string> _targetPreps;
    private bool _settingsAreNoTargets;

    public ArgumentFinder(AnalysedSentence sentence, ActorTokens actors, EventClause clause)
    {
        _s = sentence;
        _tree = sentence.Tree;
        _actors = actors;
        _clause = clause;
        _targetPreps = sentence.Lexicon.Words.TargetPrepositions;
    }

    /// <summary>The head tokens of the candidate's sources and targets (before conjuncts and actor checks).</summary>
    public (List<int> Sources, List<int> Targets) Find(EventCandidate c)
    {
        // A cooperative act's "at"/"in" phrase is its setting, never its counterpart ("met at the X Hotel").
        _settingsAreNoTargets = _s.Lexicon.Code(c.Code) is { QuadClass: 1 or 2 };
        var sources = new List<int>();
        var targets = new List<int>();
        if (c.Demanded >= 0)
        {
            var speakerSubject = _tree.Child(c.Trigger, "nsubj");
            if (speakerSubject >= 0) sources.Add(speakerSubject);
            var demanded = Subject(c.Demanded, 0);
            if (demanded >= 0 && _actors.IsActor(demanded)) targets.Add(demanded);
        }
        else if (c.IsNoun)
        {
            // "the killing of Y by Z", "the army's arrest of Y": the noun's own phrases say who did what to whom.
            if (NominalRoles(c.Trigger, c.PossessorUndergoes, sources, targets)) return (sources, targets);
            NounArguments(c, sources, targets);
        }
        else
        {
            VerbArguments(c.Trigger, sources, targets);
        }

        if (c.SubjectIsTarget)
        {
            targets.InsertRange(0, sources);
            sources.Clear();
        }

        return (sources, targets);
    }

    private void VerbArguments(int v, List<int> sources, List<int> targets)
    {
        var passive = IsPassive(v);
        var subject = Subject(v, 0);
        if (passive)
        {
            foreach (var c in _tree.ChildrenWith(v, "obl", "obl:agent"))
            {
                if (_tree.CaseMarker(c) == "by") sources.Add(c);
            }

            if (subject >= 0) targets.Add(subject);
        }
        else if (subject >= 0)
        {
            sources.Add(subject);
        }
        else if (_tree.Relation(v) == "acl" && _s.Tokens[v].Xpos == "VBN" && _tree.Child(v, "obj") < 0 && _tree.Head(v) is var modified && modified >= 0)
        {
            // "the diplomats expelled last week": the noun a passive participle modifies undergoes the act.
            targets.Add(modified);
            passive = true;
        }

        if (!passive) AddTargets(v, targets);

        // "X threatened to deliver blows to Y", "X offered to negotiate with Y": the complement's target.
        if (!passive && targets.Count == 0)
        {
            foreach (var x in _tree.ChildrenWith(v, "xcomp"))
            {
                if (_tree.IsVerb(x)) AddTargets(x, targets);
                if (targets.Count > 0) break;
            }
        }
    }

    private void AddTargets(int predicate, List<int> targets)
    {
        var iobj = _tree.Child(predicate, "iobj");
        if (iobj >= 0 && _actors.IsActor(iobj)) targets.Add(iobj);
        var obj = _tree.Child(predicate, "obj");
        if (obj >= 0 && targets.Count == 0 && _actors.IsActor(obj)) targets.Add(obj);
        if (targets.Count > 0) return;
        foreach (var c in _tree.ChildrenWith(predicate, "obl", "obl:arg", "nmod"))
        {
            if (_tree.CaseMarker(c) is { } p && IsTargetPreposition(p) && _actors.IsActor(c))
            {
                targets.Add(c);
                return;
            }
        }

        // An object that is not an actor may still hold one: "a Security Council resolution".
        if (obj >= 0 && _actors.NestedActor(obj, strict: true) >= 0)
        {
            targets.Add(obj);
            return;
        }

        // The parser often hangs "to Y" / "with Y" on the object: "delivered drones worth $2 billion to Y".
        if (obj >= 0 && DeepTarget(obj, 0) is var deep && deep >= 0) targets.Add(deep);
    }

    private int DeepTarget(int i, int depth)
    {
        if (depth > 2) return -1;
        foreach (var c in _tree.ChildrenWith(i, "nmod"))
        {
            if (_tree.CaseMarker(c) is { } p && _targetPreps.Contains(p) && _actors.IsActor(c)) return c;
            if (DeepTarget(c, depth + 1) is var d && d >= 0) return d;
        }

        return -1;
    }

    /// <summary>
    /// The roles a nominalisation's own phrases give: the "by" phrase is the agent; the "of" phrase is the one acted on
    /// when the noun's possessor undergoes the act (<paramref name="patientNoun"/>: "X's arrest") or another phrase names
    /// the agent ("the army's killing of Y"). False (nothing added) when the noun has neither a "by" agent nor an "of"
    /// phrase that the rule reads, so the clause decides.
    /// </summary>
    private bool NominalRoles(int n, bool patientNoun, List<int> sources, List<int> targets)
    {
        var by = -1;
        var of = -1;
        foreach (var m in _tree.ChildrenWith(n, "nmod", "nmod:agent"))
        {
            var p = _tree.CaseMarker(m);
            if (p == "by" && by < 0 && _actors.IsActor(m)) by = m;
            else if (p == "of" && of < 0 && _actors.IsActor(m)) of = m;
        }

        // "the shooting of three farmers by soldiers": the parser may hang the agent on the "of" phrase.
        if (by < 0 && of >= 0) by = _tree.ChildrenWith(of, "nmod").FirstOrDefault(m => _tree.CaseMarker(m) == "by" && _actors.IsActor(m), -1);
        var poss = _tree.Child(n, "nmod:poss");
        if (poss >= 0 && !_actors.IsActor(poss)) poss = -1;
        var agent = by >= 0 ? by : of >= 0 && poss >= 0 ? poss : -1;
        var patient = of >= 0 && (patientNoun || agent >= 0) ? of : patientNoun && by >= 0 ? poss : -1;
        if (agent < 0 && patient < 0) return false;
        if (agent >= 0) sources.Add(agent);
        if (patient >= 0) targets.Add(patient);
        return true;
    }

    private void NounArguments(EventCandidate c, List<int> sources, List<int> targets)
    {
        var n = c.Trigger;
        var poss = _tree.Child(n, "nmod:poss");
        foreach (var m in _tree.ChildrenWith(n, "nmod"))
        {
            var p = _tree.CaseMarker(m);
            if (p == "between" && _actors.IsActor(m)) sources.Add(m);
            else if (p is not null && _targetPreps.Contains(p) && _actors.IsActor(m) && targets.Count == 0) targets.Add(m);
        }

        if (sources.Count == 0 && poss >= 0 && _actors.IsActor(poss))
        {
            // "X's arrest": the possessor of a noun of undergoing is acted on; "X's visit": it acts.
            if (c.PossessorUndergoes) targets.Insert(0, poss);
            else sources.Add(poss);
        }

        // The clause the noun belongs to: its light or status verb, else the verb it hangs from.
        var clause = c.Clause != n ? c.Clause : _clause.ClimbToVerb(n);

        // "X accused Y of the massacre", "Y was charged with the murder": the one accused acts, never the accuser.
        if (clause >= 0 && sources.Count == 0 && IsAccusation(clause, n))
        {
            var accused = _tree.Child(clause, "obj", "nsubj:pass");
            if (accused >= 0 && _actors.IsActor(accused)) sources.Add(accused);
            clause = -1;
        }

        if (clause >= 0)
        {
            if (sources.Count == 0)
            {
                // "were engaged in ethnic cleansing": the subject of a light verb's adjectival passive still acts.
                var passive = IsPassive(clause) && !(c.Absorbs && _tree.Relation(n) == "obl");

                // "a student who died in the raid": the subject of a verb it undergoes ("die") is no agent of the raid.
                var undergoes = _s.Lexicon.VerbEntry(_tree.Lemma(clause)) is { } entry && entry.StartsWith(':');
                var subject = Subject(clause, 0);
                if (subject >= 0 && subject != n && !passive && !undergoes) sources.Add(subject);
            }

            if (targets.Count == 0 && c.Clause != n)
            {
                foreach (var o in _tree.ChildrenWith(clause, "obl", "iobj"))
                {
                    if (o == n) continue;
                    var p = _tree.CaseMarker(o);
                    if ((p is null || IsTargetPreposition(p)) && _actors.IsActor(o))
                    {
                        targets.Add(o);
                        break;
                    }
                }
            }
        }
    }

    /// <summary>
    /// Whether a verb is passive: it has a passive auxiliary, or a passive subject and no perfect "have" ("the
    /// government and the rebels have agreed", parsed with a passive subject, is active).
    /// </summary>
    private bool IsPassive(int v) =>
        _tree.Child(v, "aux:pass") >= 0
        || _tree.Child(v, "nsubj:pass") >= 0 && !_tree.Children(v).Any(a => _tree.Relation(a) == "aux" && _tree.Lemma(a) == "have");

    private bool IsTargetPreposition(string p) =>
        _targetPreps.Contains(p) && !(_settingsAreNoTargets && _s.Lexicon.Words.LocationPrepositions.Contains(p));

    /// <summary>Whether a governor's object is the actor of its complement: a request ("urged Y to …", only
    /// <paramref name="requests"/>) or an accusation ("accused Y of …").</summary>
    private bool ObjectControls(int governor, bool requests) =>
        _s.Lexicon.Status(_tree.Lemma(governor)) is var s && (s == EventStatuses.Alleged || requests && s == EventStatuses.Requested)
        || _tree.Children(governor).Any(m => _tree.CaseMarker(m) is { } p && _s.Lexicon.Status(_tree.Lemma(governor), p) == EventStatuses.Alleged);

    /// <summary>Whether a noun is what its clause accuses or charges someone of ("accused Y of the massacre").</summary>
    private bool IsAccusation(int clause, int n) =>
        (_tree.CaseMarker(n) is { } p ? _s.Lexicon.Status(_tree.Lemma(clause), p) : _tree.Relation(n) == "obj" ? _s.Lexicon.Status(_tree.Lemma(clause)) : null)
        == EventStatuses.Alleged;

    /// <summary>The subject of a predicate: its own, else the controller, first conjunct or relative head.</summary>
    private int Subject(int v, int depth)
    {
        if (depth > 4) return -1;
        var s = _tree.Child(v, "nsubj", "nsubj:pass", "csubj", "nsubj:outer");

        // "X's goal was to push for …": the possessor of a non-actor subject of a copular clause acts.
        if (s >= 0 && _tree.Relation(s) == "nsubj:outer" && !_actors.IsActor(s) && _tree.Child(s, "nmod:poss") is var owner && owner >= 0 && _actors.IsActor(owner)) return owner;
        if (s < 0 && _tree.Child(v, "expl") is var expl && expl >= 0 && _tree.Lemma(expl) == "it") s = expl; // "it is willing to …" parsed as expletive

        // Two subjects (a parse of "Some 800,000 Kurds ..."): the one that names an actor.
        if (s >= 0 && !_actors.IsActor(s)) s = _tree.ChildrenWith(v, "nsubj", "nsubj:pass").Where(_actors.IsActor).DefaultIfEmpty(s).First();
        if (s >= 0)
        {
            // "the minister who met ..." — a relative pronoun stands for the noun the clause modifies.
            if (_s.Tokens[s].Xpos is "WP" or "WDT" || _tree.Lemma(s) is "who" or "which" or "that")
            {
                var h = _tree.Head(v);
                return _tree.Relation(v) == "acl:relcl" && h >= 0 ? h : -1;
            }

            return s;
        }

        var head = _tree.Head(v);
        if (head < 0) return -1;
        switch (_tree.Relation(v))
        {
            case "xcomp":
                // "X is hard to reach": the subject of a tough adjective is the object of its complement, not its actor.
                if (_s.Tokens[head].Upos == "ADJ" && _tree.Child(v, "obj") < 0) return -1;

                // Object control: "X urged Y to ..." — Y; else subject control: "X plans to ..." — X.
                var obj = _tree.Child(head, "obj", "iobj");
                if (obj >= 0 && ObjectControls(head, requests: true)) return obj;
                var controller = Subject(head, depth + 1);

                // "when it comes to trade": "it" controls only through a verb of plan, will or refusal ("it plans to"),
                // even when coreference linked it to an actor.
                if (controller >= 0 && _s.Tokens[controller].Xpos == "PRP" && _tree.Lemma(controller) == "it"
                    && _s.Lexicon.Status(_tree.Lemma(head)) is null && !_s.Lexicon.IsIntentCue(_tree.Lemma(head))) return -1;
                return controller;
            case "advcl" when _tree.Children(v).Any(m => _tree.Relation(m) == "mark") && _tree.Child(head, "obj") is var accused && accused >= 0 && ObjectControls(head, requests: false):
                // "X accused Y of killing Z": the one accused is the one said to act.
                return accused;
            case "acl" when _s.Tokens[v].Xpos == "VBG" && _tree.Children(v).Any(m => _tree.Relation(m) == "mark")
                && _tree.Relation(head) == "obj" && _tree.Head(head) is var governor && governor >= 0 && ObjectControls(governor, requests: false):
                // The same parsed as a clause on the object: "accused [the driver of killing …]".
                return head;
            case "conj":
            case "advcl":
                return Subject(head, depth + 1);
            case "acl" when _s.Tokens[v].Xpos == "VBG" && !_tree.Children(v).Any(m => _tree.Relation(m) == "mark"):
            case "acl" when _s.Tokens[v].Xpos is "VBN" or "VBD" && _tree.Child(v, "obj") >= 0:
                // "demonstrators protesting the results": the noun the participle modifies; and "Zambia extradited X",
                // parsed as a participle on "Zambia".
                return head;
            case "acl":
                // "plans to meet": the noun's clause subject.
                var verb = _tree.Head(head) is var hh && hh >= 0 && _tree.IsVerb(hh) ? hh : _clause.ClimbToVerb(head);
                return verb >= 0 ? Subject(verb, depth + 1) : -1;
            case "acl:relcl":
                return head;
            default:
                return -1;
        }
    }
}
