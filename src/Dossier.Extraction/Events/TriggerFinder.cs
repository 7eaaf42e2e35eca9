using Dossier.Core.Documents;
using Dossier.Core.Labels;

namespace Dossier.Extraction.Events;

/// <summary>
/// Where a sentence's event triggers are found: event nouns (with a light verb, under a status verb, as the aim or
/// setting of a clause, or naming their own actors), verbs with a lexicon entry, and demands read off "X said Y must
/// …". Their codes come from <see cref="EventCodeChooser"/>.
/// </summary>
internal sealed class TriggerFinder
{
    private readonly AnalysedSentence _s;
    private readonly DependencyTree _tree;
    private readonly EventCodeChooser _codes;
    private readonly EventStatusRules _status;
    private readonly ActorTokens _actors;

    public TriggerFinder(AnalysedSentence sentence, EventCodeChooser codes, EventStatusRules status, ActorTokens actors)
    {
        _s = sentence;
        _tree = sentence.Tree;
        _codes = codes;
        _status = status;
        _actors = actors;
    }

    /// <summary>The candidates of the sentence: nouns, then verbs, then demands, each in text order.</summary>
    public List<EventCandidate> Find()
    {
        var lightNouns = new HashSet<int>();
        var candidates = new List<EventCandidate>();

        // Nouns first: a light verb with an event noun is one event, anchored on the noun.
        for (var i = _s.First; i < _s.End; i++)
        {
            if (!_tree.IsNoun(i)) continue;
            var c = NounCandidate(i);
            if (c is null) continue;
            candidates.Add(c);
            if (c.Absorbs) lightNouns.Add(c.Clause);
        }

        // "X asked Y to V": one request by X of Y, whatever V is; V is what was asked for, not an event of its own.
        var asked = new HashSet<int>();
        for (var i = _s.First; i < _s.End; i++)
        {
            if (!_tree.IsVerb(i) || lightNouns.Contains(i) || AskedAct(i) is not { } act) continue;
            var own = _codes.VerbCode(i);
            var code = own is { } o && _s.Lexicon.Code(o.Code)?.Plover is not null ? o.Code : _codes.RequestCode;
            candidates.Add(new EventCandidate(i, i, code, false, false, Asked: act));
            asked.Add(i);
            asked.Add(act);
            foreach (var more in _tree.ChildrenWith(act, "conj")) asked.Add(more);
        }

        for (var i = _s.First; i < _s.End; i++)
        {
            if (!_tree.IsVerb(i) || lightNouns.Contains(i) || asked.Contains(i)) continue;

            // Verbs of thinking and feeling report a state of mind, not an interaction ("thinks", "fears").
            if (_s.Lexicon.Words.MentalVerbs.Contains(_tree.Lemma(i))) continue;
            if (_codes.VerbCode(i) is { } code) candidates.Add(new EventCandidate(i, i, _codes.Framed(i, code.Code), code.SubjectIsTarget, false));
        }

        // "X said Y must withdraw": a demand by the speaker on Y, anchored on the reporting verb.
        var modals = _s.Lexicon.Words.DemandModals;
        for (var i = _s.First; i < _s.End; i++)
        {
            if (!_tree.Children(i).Any(a => _tree.Relation(a) == "aux" && modals.Contains(_tree.Lemma(a)))) continue;
            var report = ReportingVerb(i);
            if (report >= 0) candidates.Add(new EventCandidate(report, report, _codes.DemandCode, false, false, Demanded: i));
        }

        return candidates;
    }

    private EventCandidate? NounCandidate(int n)
    {
        var (nounCode, eventLemma) = _codes.NounEntry(n);
        var head = _tree.Head(n);
        var rel = _tree.Relation(n);

        // "mounted an operation against the insurgents": an undertaking whose modifiers do not say what it is, aimed against
        // an actor, is an act of force; its light verb ("launch", "carry out") is part of it.
        if (nounCode is null && _s.Lexicon.IsFrameNoun(_tree.Lemma(n)) && AimedAgainstActor(n))
        {
            nounCode = _s.Lexicon.Overrides.UndertakingAgainstCode;
            if (head >= 0 && _tree.IsVerb(head) && rel == "obj" && _s.Lexicon.IsLightVerb(_tree.Lemma(head)))
            {
                return new EventCandidate(n, head, nounCode, false, true, Absorbs: true);
            }
        }

        if (EventCodeChooser.Split(nounCode) is not { } own) return null;

        // "agreed to end the fighting", "halted six days of shelling": an act of force ended is a de-escalation by whoever
        // ends it, not an assault; the verb of ending is part of it.
        if (EndingVerb(n) is var ending && ending >= 0 && _s.Lexicon.Code(own.Code) is { QuadClass: 4 })
        {
            return new EventCandidate(n, ending, _s.Lexicon.Overrides.DeEscalationCode, false, true, Absorbs: true);
        }

        if (head >= 0 && _tree.IsVerb(head) && rel is "obj" or "nsubj" or "nsubj:pass" or "obl" or "xcomp")
        {
            // The parser may hang the preposition on the phrase's first word: "for [U.S. weapons] purchases".
            var p = _tree.CaseMarker(n) ?? _tree.ChildrenWith(n, "compound", "amod").Where(m => m < n).Select(_tree.CaseMarker).FirstOrDefault(x => x is not null);
            if (_codes.LightCode(head, rel, p, eventLemma, nounCode!) is { } light)
            {
                return new EventCandidate(n, head, light.Code, light.SubjectIsTarget, true, Absorbs: true, PossessorUndergoes: own.SubjectIsTarget);
            }

            if (_status.GovernorStatus(n, head) is not null) return new EventCandidate(n, head, own.Code, false, true, PossessorUndergoes: own.SubjectIsTarget);

            // The object of a verb that is no event itself ("sped up the withdrawal", "completed its investigation"), or
            // the aim or setting of the clause ("returned for talks", "went on strike in protest").
            var verbCode = _codes.VerbEntry(head, _tree.Lemma(head));
            var bare = verbCode is null || verbCode == EventLexicon.None;
            if (bare && rel is "obj" or "nsubj:pass" && !_s.Lexicon.IsSpeechVerb(_tree.Lemma(head))) return new EventCandidate(n, head, own.Code, false, true, PossessorUndergoes: own.SubjectIsTarget);
            if (rel == "obl" && p is not null && _s.Lexicon.Words.SettingPrepositions.Contains(p)) return new EventCandidate(n, head, own.Code, false, true, PossessorUndergoes: own.SubjectIsTarget);
        }

        // "accused Y of the massacre", parsed with the noun on the accused: what the accusation charges Y with.
        if (head >= 0 && rel.StartsWith("nmod", StringComparison.Ordinal) && _tree.Relation(head) == "obj" && _tree.Head(head) is var accusing && accusing >= 0
            && _tree.IsVerb(accusing) && _tree.CaseMarker(n) is { } of && _s.Lexicon.Status(_tree.Lemma(accusing), of) == EventStatuses.Alleged)
        {
            return new EventCandidate(n, accusing, own.Code, false, true, PossessorUndergoes: own.SubjectIsTarget);
        }

        // The noun names its own actors: "talks with X", "a meeting between X and Y", "X's visit", "protests against X".
        foreach (var c in _tree.Children(n))
        {
            var r = _tree.Relation(c);
            if (r == "nmod:poss" && _actors.IsActor(c)) return new EventCandidate(n, n, own.Code, false, true, PossessorUndergoes: own.SubjectIsTarget);
            if (r.StartsWith("nmod", StringComparison.Ordinal) && _tree.CaseMarker(c) is { } cp
                && (cp is "with" or "between" or "by" && _actors.IsActor(c) || cp == "against" && (_actors.IsActor(c) || _actors.NestedActor(c) >= 0)
                    || cp == "of" && own.SubjectIsTarget && _actors.IsActor(c)))
            {
                return new EventCandidate(n, n, own.Code, false, true, PossessorUndergoes: own.SubjectIsTarget);
            }
        }

        return null;
    }

    /// <summary>The verb of ending whose object is the noun, or whose object's "of" phrase it is ("end six days of
    /// fighting"); -1 when none.</summary>
    private int EndingVerb(int n)
    {
        var at = n;
        var head = _tree.Head(at);
        if (head >= 0 && _tree.Relation(at) == "nmod" && _tree.CaseMarker(at) == "of" && _tree.Relation(head) == "obj")
        {
            at = head;
            head = _tree.Head(at);
        }

        return head >= 0 && _tree.Relation(at) == "obj" && _tree.IsVerb(head) && _s.Lexicon.Words.EndingVerbs.Contains(_tree.Lemma(head)) ? head : -1;
    }

    /// <summary>Whether a noun has an "against" phrase that names an actor, or holds one ("against rebel positions").
    /// The phrase may hang on the light verb that takes the noun as its object ("launched an operation against them").</summary>
    private bool AimedAgainstActor(int n)
    {
        bool Against(int c) => _tree.CaseMarker(c) == "against" && (_actors.IsActor(c) || _actors.NestedActor(c) >= 0);
        if (_tree.Children(n).Any(c => _tree.Relation(c).StartsWith("nmod", StringComparison.Ordinal) && Against(c))) return true;
        var head = _tree.Head(n);
        return head >= 0 && _tree.Relation(n) == "obj" && _tree.IsVerb(head) && _tree.ChildrenWith(head, "obl", "obl:arg").Any(c => c > n && Against(c));
    }

    /// <summary>The act a verb of asking asks its object to do ("urged Y to withdraw"), or null: the verb's status cue
    /// is a request, it has an object that names an actor and a verbal complement.</summary>
    private int? AskedAct(int v)
    {
        var lemma = _tree.Lemma(v);
        var prt = _tree.Child(v, "compound:prt");
        var requested = _s.Lexicon.Status(lemma) == EventStatuses.Requested
            || prt >= 0 && _s.Lexicon.Status(lemma, _tree.Lemma(prt)) == EventStatuses.Requested;
        if (!requested) return null;
        var obj = _tree.Child(v, "obj", "iobj");
        if (obj < 0 || !_actors.IsActor(obj)) return null;
        var act = _tree.ChildrenWith(v, "xcomp").FirstOrDefault(_tree.IsVerb, -1);
        return act >= 0 ? act : null;
    }

    /// <summary>The communication verb ("said", "insisted") whose reported clause holds <paramref name="p"/>, or -1.</summary>
    private int ReportingVerb(int p)
    {
        var i = p;
        for (var depth = 0; depth < 4; depth++)
        {
            var h = _tree.Head(i);
            if (h < 0) return -1;
            if (_tree.Relation(i) is "ccomp" && _s.Lexicon.IsSpeechVerb(_tree.Lemma(h)) && _tree.Child(h, "nsubj") >= 0) return h;
            if (_tree.Relation(i) is not ("conj" or "xcomp")) return -1;
            i = h;
        }

        return -1;
    }
}
