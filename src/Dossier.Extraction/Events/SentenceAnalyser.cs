using System.Collections.Immutable;
using System.Globalization;
using System.Text.RegularExpressions;
using Dossier.Core.Documents;

namespace Dossier.Extraction.Events;

/// <summary>Finds the events of one sentence on its dependency tree. Token indexes are document-level.</summary>
internal sealed partial class SentenceAnalyser
{
    private static readonly string[] StatusOrder = ["negated", "refused", "requested", "possible", "planned"];

    private static readonly HashSet<string> TargetPreps = new(StringComparer.Ordinal) { "with", "to", "against", "on", "toward", "towards", "at" };

    private static readonly HashSet<string> LocationPreps = new(StringComparer.Ordinal) { "in", "at", "near", "outside", "inside" };

    private static readonly HashSet<string> NounPhraseRelations = new(StringComparer.Ordinal)
    {
        "compound", "flat", "flat:name", "amod", "nmod:poss", "nummod", "nmod", "appos", "det:poss",
    };

    private static readonly HashSet<string> ClauseRelations = new(StringComparer.Ordinal)
    {
        "ccomp", "advcl", "parataxis", "acl:relcl", "csubj", "list",
    };

    /// <summary>PLOVER types whose two sides play the same part (a meeting has no direction).</summary>
    private static readonly HashSet<string> Symmetric = new(StringComparer.Ordinal) { "CONSULT", "AGREE", "COOPERATE" };

    private readonly EventLexicon _lexicon;
    private readonly DocumentContext _context;
    private readonly Document _document;
    private readonly ImmutableArray<Token> _tokens;
    private readonly int _sentenceIndex;
    private readonly Sentence _sentence;
    private readonly int _first;
    private readonly int _end;
    private readonly List<int>[] _children;

    public SentenceAnalyser(EventLexicon lexicon, DocumentContext context, int sentenceIndex, Sentence sentence)
    {
        _lexicon = lexicon;
        _context = context;
        _document = context.Document;
        _tokens = _document.Tokens;
        _sentenceIndex = sentenceIndex;
        _sentence = sentence;
        _first = sentence.FirstToken;
        _end = sentence.EndToken;
        _children = new List<int>[sentence.TokenCount];
        for (var i = 0; i < _children.Length; i++) _children[i] = [];
        for (var i = _first; i < _end; i++)
        {
            var h = Head(i);
            if (h >= 0) _children[h - _first].Add(i);
        }
    }

    /// <summary>The head of a token within this sentence, or -1 (root, out of range or a cycle-prone self link).</summary>
    private int Head(int i)
    {
        var h = _tokens[i].Head;
        return h >= _first && h < _end && h != i ? h : -1;
    }

    private string Rel(int i) => _tokens[i].Relation ?? "";

    private string BaseRel(int i)
    {
        var r = Rel(i);
        var colon = r.IndexOf(':', StringComparison.Ordinal);
        return colon < 0 ? r : r[..colon];
    }

    private string Lemma(int i) => (_tokens[i].Lemma ?? _document.TextOf(_tokens[i])).ToLowerInvariant();

    private string Text(int i) => _document.TextOf(_tokens[i]);

    private List<int> Children(int i) => _children[i - _first];

    private IEnumerable<int> ChildrenWith(int i, params string[] relations) => Children(i).Where(c => relations.Contains(Rel(c)));

    private int Child(int i, params string[] relations)
    {
        foreach (var c in Children(i))
        {
            if (relations.Contains(Rel(c))) return c;
        }

        return -1;
    }

    /// <summary>The preposition ("case" child) of a nominal, lower case, or null.</summary>
    private string? CaseOf(int i)
    {
        foreach (var c in Children(i))
        {
            if (Rel(c) == "case") return Lemma(c);
        }

        return null;
    }

    private bool IsVerb(int i) => _tokens[i].Upos == "VERB" || (_tokens[i].Xpos?.StartsWith("VB", StringComparison.Ordinal) ?? false) && _tokens[i].Upos != "AUX";

    private bool IsNoun(int i) => _tokens[i].Upos is "NOUN" || _tokens[i].Xpos is "NN" or "NNS";

    private sealed record Candidate(int Trigger, int Clause, string Code, bool SubjectIsTarget, bool IsNoun);

    public IEnumerable<Event> Run()
    {
        var found = new List<Event>();
        var seen = new HashSet<(int, string)>();
        var lightNouns = new HashSet<int>();
        var candidates = new List<Candidate>();

        // Nouns first: a light verb with an event noun is one event, anchored on the noun.
        for (var i = _first; i < _end; i++)
        {
            if (!IsNoun(i)) continue;
            var c = NounCandidate(i);
            if (c is null) continue;
            candidates.Add(c);
            if (c.Clause != c.Trigger) lightNouns.Add(c.Clause);
        }

        for (var i = _first; i < _end; i++)
        {
            if (!IsVerb(i) || lightNouns.Contains(i)) continue;
            var c = VerbCandidate(i);
            if (c is not null) candidates.Add(c);
        }

        foreach (var c in candidates.OrderBy(c => c.Trigger))
        {
            if (!seen.Add((c.Trigger, c.Code))) continue;
            var e = Build(c);
            if (e is not null) found.Add(e);
        }

        return found;
    }

    private static (string Code, bool SubjectIsTarget)? Split(string? code) =>
        code is null ? null : code.StartsWith(':') ? (code[1..], true) : (code, false);

    private Candidate? VerbCandidate(int v)
    {
        var lemma = Lemma(v);
        string? code = null;
        var prt = Child(v, "compound:prt");
        if (prt >= 0) code = _lexicon.Verb(lemma, Lemma(prt));
        if (code is null)
        {
            foreach (var c in ChildrenWith(v, "obl", "obl:arg", "obj"))
            {
                var p = CaseOf(c);
                if (p is not null && (code = _lexicon.Verb(lemma, p)) is not null) break;
            }
        }

        code ??= _lexicon.Verb(lemma);
        if (Split(code) is not { } split) return null;
        return new Candidate(v, v, split.Code, split.SubjectIsTarget, false);
    }

    private Candidate? NounCandidate(int n)
    {
        var lemma = Lemma(n);
        string? nounCode = null;
        foreach (var c in ChildrenWith(n, "compound", "amod"))
        {
            if ((nounCode = _lexicon.Noun(Lemma(c) + " " + lemma)) is not null) break;
        }

        nounCode ??= _lexicon.Noun(lemma);
        if (nounCode is null) return null;
        var head = Head(n);
        var rel = Rel(n);
        if (head >= 0 && IsVerb(head) && rel is "obj" or "nsubj" or "nsubj:pass" or "obl" or "xcomp")
        {
            var light = rel is "obj" or "nsubj:pass" ? _lexicon.Light(Lemma(head), lemma) : null;
            if (light is not null && Split(light) is { } ls) return new Candidate(n, head, light == nounCode ? nounCode : ls.Code, ls.SubjectIsTarget, true);
            if (GovernorStatus(n, head) is not null) return new Candidate(n, head, nounCode, false, true);
        }

        // The noun names its own actors: "talks with X", "a meeting between X and Y", "X's visit".
        foreach (var c in Children(n))
        {
            var r = Rel(c);
            if (r == "nmod:poss" && IsActor(c)) return new Candidate(n, n, nounCode, false, true);
            if (r.StartsWith("nmod", StringComparison.Ordinal) && CaseOf(c) is "with" or "between" or "against" && IsActor(c))
            {
                return new Candidate(n, n, nounCode, false, true);
            }
        }

        return null;
    }

    /// <summary>Status that a governing word gives its dependent predicate: "plans (a summit)", "called for (talks)".</summary>
    private string? GovernorStatus(int dependent, int governor)
    {
        var lemma = Lemma(governor);
        var p = CaseOf(dependent);
        var prt = Child(governor, "compound:prt");
        return (prt >= 0 ? _lexicon.Status(lemma, Lemma(prt)) : null)
            ?? (p is not null ? _lexicon.Status(lemma, p) : null)
            ?? (Rel(dependent) is "obj" or "xcomp" or "ccomp" or "acl" or "nsubj:pass" ? _lexicon.Status(lemma) : null);
    }

    private Event? Build(Candidate c)
    {
        CameoCode? type = _lexicon.Code(c.Code);
        if (type?.Plover is null) return null;

        var sources = new List<int>();
        var targets = new List<int>();
        if (c.IsNoun) NounArguments(c, sources, targets);
        else VerbArguments(c.Trigger, sources, targets);
        if (c.SubjectIsTarget)
        {
            targets.InsertRange(0, sources);
            sources.Clear();
        }

        var speaker = Speaker(c.Clause);
        var sourceActors = Actors(sources, speaker, lenient: true);
        var targetActors = Actors(targets, speaker, lenient: false);
        targetActors.RemoveAll(t => sourceActors.Any(s => s.Head == t.Head || (s.Actor.Entity is not null && s.Actor.Entity == t.Actor.Entity)));
        if (sourceActors.Count == 0 && targetActors.Count == 0) return null;

        var scope = Scope(c);
        var status = Status(c);
        var attributes = ImmutableDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
        if (speaker >= 0) attributes["speaker"] = PhraseText(speaker);

        EventDate? date = null;
        string? dateValue = null;
        foreach (var t in TimesIn(scope))
        {
            if (t.Type == "DURATION")
            {
                if (t.Value is not null) attributes.TryAdd("duration", t.Value);
            }
            else if (t.Type is "DATE" or "TIME" && date is null)
            {
                date = new EventDate(t.Text, t.Value);
                dateValue = t.Value;
            }
        }

        if (status == "occurred" && IsFuture(dateValue)) status = "planned";

        // A stated intention is coded as CAMEO codes it: "X will give Y aid" expresses intent to cooperate (03x,
        // AGREE), "X would blockade Y" threatens (13x, THREATEN), "X will not accept Y" rejects (12x). The act
        // itself stays in attributes["intended"].
        if (IntentCue(c) && Intended(type.Code, status) is { } intended && _lexicon.Code(intended.Code) is { Plover: not null } stated)
        {
            attributes["intended"] = type.Plover + "/" + type.Code;
            type = stated;
            status = intended.Status;
        }

        Attributes(scope, attributes);
        var location = Location(c, scope);
        var trigger = _tokens[c.Trigger];
        var confidence = 0.35
            + (sourceActors.Any(a => a.Actor.Entity is not null || a.Actor.Country is not null) ? 0.25 : sourceActors.Count > 0 ? 0.1 : 0)
            + (targetActors.Any(a => a.Actor.Entity is not null || a.Actor.Country is not null) ? 0.2 : targetActors.Count > 0 ? 0.08 : 0)
            + (c.IsNoun && c.Clause == c.Trigger ? 0 : 0.1)
            + (date is not null ? 0.05 : 0);

        return new Event("", type.Plover, type.Code, type.QuadClass, type.Goldstein, status,
            new EventSpan(Text(c.Trigger), trigger.Start, trigger.End), _sentenceIndex)
        {
            Mode = type.Mode,
            Source = [.. sourceActors.Select(a => a.Actor)],
            Target = [.. targetActors.Select(a => a.Actor)],
            Location = location,
            Date = date,
            Attributes = attributes.ToImmutable(),
            Evidence = _document.Slice(_sentence.Start, _sentence.End),
            Confidence = Math.Round(Math.Clamp(confidence, 0.05, 0.95), 2),
        };
    }

    private bool IntentCue(Candidate c)
    {
        if (Children(c.Clause).Any(a => Rel(a) == "aux" && _lexicon.IsIntentCue(Lemma(a)))) return true;
        var h = Head(c.Clause);
        return h >= 0 && Rel(c.Clause) is "xcomp" or "obj" && _lexicon.IsIntentCue(Lemma(h));
    }

    /// <summary>The CAMEO code of a stated intention to carry out an act with code <paramref name="code"/>.</summary>
    private static (string Code, string Status)? Intended(string code, string status)
    {
        var root = int.Parse(code[..2], CultureInfo.InvariantCulture);
        var sub = code.Length > 2 ? code[2] : '0';
        if (status is "negated" or "refused") return root is >= 4 and <= 8 ? ("120", "occurred") : null;
        if (status is not ("planned" or "possible")) return null;
        return root switch
        {
            4 => ("036", status),
            5 => ("032", status),
            6 => ("031", status),
            7 => (sub is >= '1' and <= '4' ? "033" + sub : "033", status),
            8 => ("035", status),
            14 => ("133", status),
            16 => (code.StartsWith("163", StringComparison.Ordinal) ? "1312" : "131", status),
            17 => (code.StartsWith("172", StringComparison.Ordinal) ? "132" : "137", status),
            19 => (code.StartsWith("191", StringComparison.Ordinal) ? "1381" : code.StartsWith("192", StringComparison.Ordinal) ? "1382" : "138", status),
            18 or 20 => ("138", status),
            _ => null,
        };
    }

    private bool IsFuture(string? value)
    {
        if (value is null || _context.Published is not { } published || value.Length < 10) return false;
        return DateOnly.TryParseExact(value[..10], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) && d > published;
    }

    // ---- arguments ----

    private void VerbArguments(int v, List<int> sources, List<int> targets)
    {
        var passive = Child(v, "nsubj:pass", "aux:pass") >= 0;
        var subject = Subject(v, 0);
        if (passive)
        {
            foreach (var c in ChildrenWith(v, "obl", "obl:agent"))
            {
                if (CaseOf(c) == "by") sources.Add(c);
            }

            if (subject >= 0) targets.Add(subject);
        }
        else if (subject >= 0)
        {
            sources.Add(subject);
        }

        if (!passive) AddTargets(v, targets);
    }

    private void AddTargets(int predicate, List<int> targets)
    {
        var iobj = Child(predicate, "iobj");
        if (iobj >= 0 && IsActor(iobj)) targets.Add(iobj);
        var obj = Child(predicate, "obj");
        if (obj >= 0 && targets.Count == 0 && IsActor(obj)) targets.Add(obj);
        if (targets.Count > 0) return;
        foreach (var c in ChildrenWith(predicate, "obl", "obl:arg", "nmod"))
        {
            if (CaseOf(c) is { } p && TargetPreps.Contains(p) && IsActor(c))
            {
                targets.Add(c);
                return;
            }
        }

        // An object that is not an actor may still hold one: "a Security Council resolution".
        if (obj >= 0 && NestedActor(obj, strict: true) >= 0)
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
        foreach (var c in ChildrenWith(i, "nmod"))
        {
            if (CaseOf(c) is { } p && TargetPreps.Contains(p) && IsActor(c)) return c;
            if (DeepTarget(c, depth + 1) is var d && d >= 0) return d;
        }

        return -1;
    }

    private void NounArguments(Candidate c, List<int> sources, List<int> targets)
    {
        var n = c.Trigger;
        var poss = Child(n, "nmod:poss");
        foreach (var m in ChildrenWith(n, "nmod"))
        {
            var p = CaseOf(m);
            if (p == "between" && IsActor(m)) sources.Add(m);
            else if (p is not null && TargetPreps.Contains(p) && IsActor(m) && targets.Count == 0) targets.Add(m);
        }

        if (sources.Count == 0 && poss >= 0 && IsActor(poss)) sources.Add(poss);

        // The clause the noun belongs to: its light or status verb, else the verb it hangs from.
        var clause = c.Clause != n ? c.Clause : ClimbToVerb(n);
        if (clause >= 0)
        {
            if (sources.Count == 0)
            {
                var passive = Child(clause, "nsubj:pass", "aux:pass") >= 0;
                var subject = Subject(clause, 0);
                if (subject >= 0 && subject != n && !passive) sources.Add(subject);
            }

            if (targets.Count == 0 && c.Clause != n)
            {
                foreach (var o in ChildrenWith(clause, "obl", "iobj"))
                {
                    if (o == n) continue;
                    var p = CaseOf(o);
                    if ((p is null || TargetPreps.Contains(p)) && IsActor(o))
                    {
                        targets.Add(o);
                        break;
                    }
                }
            }
        }
    }

    /// <summary>The verb a nominal hangs from (through obl/obj/nmod/conj), or -1.</summary>
    private int ClimbToVerb(int n)
    {
        var i = n;
        for (var depth = 0; depth < 4; depth++)
        {
            var h = Head(i);
            if (h < 0) return -1;
            if (IsVerb(h)) return h;
            if (BaseRel(i) is not ("nmod" or "conj" or "appos")) return -1;
            i = h;
        }

        return -1;
    }

    /// <summary>The subject of a predicate: its own, else the controller, first conjunct or relative head.</summary>
    private int Subject(int v, int depth)
    {
        if (depth > 4) return -1;
        var s = Child(v, "nsubj", "nsubj:pass", "csubj");
        if (s >= 0)
        {
            // "the minister who met ..." — a relative pronoun stands for the noun the clause modifies.
            if (_tokens[s].Xpos is "WP" or "WDT" || Lemma(s) is "who" or "which" or "that")
            {
                var h = Head(v);
                return Rel(v) == "acl:relcl" && h >= 0 ? h : -1;
            }

            return s;
        }

        var head = Head(v);
        if (head < 0) return -1;
        switch (Rel(v))
        {
            case "xcomp":
                // Object control: "X urged Y to ..." — Y; else subject control: "X plans to ..." — X.
                var obj = Child(head, "obj");
                if (obj >= 0 && _lexicon.Status(Lemma(head)) == "requested") return obj;
                return Subject(head, depth + 1);
            case "conj":
            case "advcl":
                return Subject(head, depth + 1);
            case "acl":
                // "plans to meet": the noun's clause subject.
                var verb = Head(head) is var hh && hh >= 0 && IsVerb(hh) ? hh : ClimbToVerb(head);
                return verb >= 0 ? Subject(verb, depth + 1) : -1;
            case "acl:relcl":
                return head;
            default:
                return -1;
        }
    }

    /// <summary>True when a nominal names an actor: an entity that can act, a pronoun, a proper noun or an actor noun.</summary>
    private bool IsActor(int i)
    {
        if (InTime(i)) return false;
        if (_context.EntityAt[i] is { } e) return e.Type is "PERSON" or "ORG" or "GPE" or "NORP";
        var t = _tokens[i];
        if (t.Xpos is "PRP" || t.Upos == "PROPN") return true;
        return IsNoun(i) && _lexicon.IsActorNoun(Lemma(i));
    }

    private bool InTime(int i)
    {
        var t = _tokens[i];
        foreach (var x in _context.Times)
        {
            if (x.Sentence == _sentenceIndex && x.Start < t.End && t.Start < x.End) return true;
        }

        return false;
    }

    /// <summary>
    /// A token inside a noun phrase (its modifiers, not its clauses) covered by an actor entity, or -1. Strict: only
    /// the words that name it (compound, flat, amod, possessor) — "a Security Council resolution", not "a missionary from X".
    /// </summary>
    private int NestedActor(int head, bool strict = false)
    {
        var queue = new Queue<(int Token, int Depth)>();
        queue.Enqueue((head, 0));
        var best = -1;
        while (queue.Count > 0)
        {
            var (i, d) = queue.Dequeue();
            if (i != head && _context.EntityAt[i] is { } e && e.Type is "PERSON" or "ORG" or "GPE" or "NORP")
            {
                if (best < 0 || (e.Country is not null && _context.EntityAt[best]!.Country is null)) best = i;
            }

            if (d >= 2) continue;
            foreach (var c in Children(i))
            {
                if (strict ? Rel(c) is "compound" or "flat" or "flat:name" or "amod" or "nmod:poss" : NounPhraseRelations.Contains(Rel(c))) queue.Enqueue((c, d + 1));
            }
        }

        return best;
    }

    private sealed record ActorAt(int Head, EventActor Actor);

    /// <summary>The actors of an argument and its conjuncts. Lenient (subjects): a non-actor head ("doctors from two
    /// American aid groups") still counts when its phrase names an actor anywhere, not only in its name words.</summary>
    private List<ActorAt> Actors(List<int> heads, int speaker, bool lenient)
    {
        var result = new List<ActorAt>();
        var all = new List<int>();
        foreach (var h in heads)
        {
            all.Add(h);
            Conjuncts(h, all, 0);
        }

        foreach (var h in all.Distinct())
        {
            if (!IsActor(h) && NestedActor(h, strict: !lenient) < 0) continue;
            var actor = ActorOf(h);

            // "X said it would ...": an unresolved pronoun of a reported clause stands for the speaker.
            if (actor.Entity is null && _tokens[h].Xpos == "PRP" && speaker >= 0 && IsActor(speaker)) actor = ActorOf(speaker);
            if (result.Any(r => r.Actor.Entity is not null && r.Actor.Entity == actor.Entity)) continue;
            result.Add(new ActorAt(h, actor));
        }

        return result;
    }

    private void Conjuncts(int h, List<int> into, int depth)
    {
        if (depth > 6) return;
        foreach (var c in ChildrenWith(h, "conj"))
        {
            if (!IsNoun(c) && _tokens[c].Upos is not ("PROPN" or "PRON")) continue;
            into.Add(c);
            Conjuncts(c, into, depth + 1);
        }
    }

    private EventActor ActorOf(int h)
    {
        if (_context.EntityAt[h] is { } entity && _context.MentionAt[h] is { } mention)
        {
            var country = entity.Country;
            if (country is null && NestedActor(h) is var n && n >= 0) country = _context.EntityAt[n]!.Country;
            return new EventActor(mention.Text, entity.Id, country, entity.Sector, entity.Code);
        }

        var nested = NestedActor(h);
        var nestedEntity = nested >= 0 ? _context.EntityAt[nested] : null;
        var named = NestedActor(h, strict: true);
        if (named >= 0 && !_lexicon.IsActorNoun(Lemma(h)) && _tokens[h].Upos != "PROPN")
        {
            nested = named;
            nestedEntity = _context.EntityAt[named]!;
            // The head is a thing ("resolution") named after an actor ("Security Council"): the actor is that entity.
            return new EventActor(_context.MentionAt[nested]!.Text, nestedEntity.Id, nestedEntity.Country, nestedEntity.Sector, nestedEntity.Code);
        }

        return new EventActor(PhraseText(h), null, nestedEntity?.Country, null, null);
    }

    /// <summary>The words of a noun phrase: the head and its left modifiers (no determiners, cases or clauses).</summary>
    private string PhraseText(int h)
    {
        var start = h;
        foreach (var c in Children(h))
        {
            if (c < start && Rel(c) is "compound" or "amod" or "flat" or "flat:name" or "nummod" or "nmod:poss") start = Math.Min(start, Leftmost(c, 0));
        }

        var end = h;
        foreach (var c in Children(h))
        {
            if (c > end && Rel(c) is "flat" or "flat:name" or "compound") end = Math.Max(end, c);
        }

        return _document.Slice(_tokens[start].Start, _tokens[end].End);
    }

    private int Leftmost(int i, int depth)
    {
        var left = i;
        if (depth > 4) return left;
        foreach (var c in Children(i))
        {
            if (c < left && Rel(c) is not ("case" or "det" or "punct" or "cc")) left = Math.Min(left, Leftmost(c, depth + 1));
        }

        return left;
    }

    // ---- status, speaker ----

    private string Status(Candidate c)
    {
        var found = new HashSet<string>(StringComparer.Ordinal);
        Modifiers(c.Trigger, found);
        if (c.Clause != c.Trigger) Modifiers(c.Clause, found);

        // Governors: "plans to meet", "urged Y to withdraw", "refused to sign", "confirmed plans to meet".
        var i = c.Clause;
        if (c.Clause != c.Trigger && GovernorStatus(c.Trigger, c.Clause) is { } direct) found.Add(direct);
        for (var depth = 0; depth < 4; depth++)
        {
            var h = Head(i);
            if (h < 0 || Rel(i) is not ("xcomp" or "ccomp" or "acl" or "obj" or "obl" or "nsubj:pass")) break;
            if (_lexicon.IsSpeechVerb(Lemma(h))) break;
            if (GovernorStatus(i, h) is { } s) found.Add(s);
            if (HasNegation(h)) found.Add("negated");
            i = h;
        }

        foreach (var s in StatusOrder)
        {
            if (found.Contains(s)) return s;
        }

        return "occurred";
    }

    private void Modifiers(int p, HashSet<string> found)
    {
        foreach (var c in Children(p))
        {
            if (Rel(c) is "aux" or "advmod" or "amod" or "det" or "neg" && _lexicon.Status(Lemma(c)) is { } s) found.Add(s);
        }
    }

    private bool HasNegation(int p) => Children(p).Any(c => Rel(c) is "advmod" or "neg" && _lexicon.Status(Lemma(c)) == "negated");

    /// <summary>The subject of the communication verb that reports this clause ("X said ...", "..., X said"), or -1.</summary>
    private int Speaker(int p)
    {
        var i = p;
        for (var depth = 0; depth < 5; depth++)
        {
            foreach (var c in ChildrenWith(i, "parataxis"))
            {
                if (_lexicon.IsSpeechVerb(Lemma(c)) && Child(c, "nsubj") is var s && s >= 0) return s;
            }

            var h = Head(i);
            if (h < 0) return -1;
            if (Rel(i) is "ccomp" && _lexicon.IsSpeechVerb(Lemma(h))) return Child(h, "nsubj");
            if (Rel(i) is not ("xcomp" or "conj" or "obj" or "obl" or "acl" or "ccomp")) return -1;
            i = h;
        }

        return -1;
    }

    // ---- scope: the clause's tokens for dates, values and attributes ----

    private HashSet<int> Scope(Candidate c)
    {
        var scope = new HashSet<int>();
        Subtree(c.Trigger, scope, c.Trigger);
        var clause = c.Clause != c.Trigger ? c.Clause : c.IsNoun ? ClimbToVerb(c.Trigger) : -1;
        if (clause >= 0) Subtree(clause, scope, clause);
        return scope;
    }

    private void Subtree(int root, HashSet<int> into, int top)
    {
        if (!into.Add(root)) return;
        foreach (var c in Children(root))
        {
            // Other clauses are other events' business.
            if (root == top && ClauseRelations.Contains(Rel(c))) continue;
            Subtree(c, into, top);
        }
    }

    private IEnumerable<TimeExpression> TimesIn(HashSet<int> scope)
    {
        foreach (var t in _context.Times)
        {
            if (t.Sentence != _sentenceIndex) continue;
            if (_context.TokensOverlapping(t.Start, t.End).Any(scope.Contains)) yield return t;
        }
    }

    [GeneratedRegex(@"^(\d+)-counts?$", RegexOptions.CultureInvariant)]
    private static partial Regex CountWord();

    private void Attributes(HashSet<int> scope, ImmutableDictionary<string, string>.Builder attributes)
    {
        foreach (var v in _context.Values)
        {
            if (v.Sentence != _sentenceIndex || v.Type != "MONEY") continue;
            if (!_context.TokensOverlapping(v.Start, v.End).Any(scope.Contains)) continue;
            attributes.TryAdd("amount", v.Amount is { } a && v.Unit is not null
                ? a.ToString(CultureInfo.InvariantCulture) + " " + v.Unit
                : v.Text);
        }

        foreach (var i in scope.Order())
        {
            var lemma = Lemma(i);
            var m = CountWord().Match(Text(i));
            if (m.Success) attributes.TryAdd("count", m.Groups[1].Value);
            if (lemma is "count" or "charge")
            {
                var num = Child(i, "nummod");
                if (num >= 0) attributes.TryAdd("count", NumberText(num));
                foreach (var of in ChildrenWith(i, "nmod", "acl"))
                {
                    if (CaseOf(of) == "of" || Rel(of) == "acl") attributes.TryAdd("charge", SubtreeText(of));
                }
            }

            if (_context.EntityAt[i] is { Type: "PRODUCT" } weapon) attributes.TryAdd("weapon", weapon.Name);
        }
    }

    private string NumberText(int i) =>
        _context.Values.FirstOrDefault(v => v.Start <= _tokens[i].Start && _tokens[i].End <= v.End) is { Amount: { } a }
            ? a.ToString(CultureInfo.InvariantCulture)
            : Text(i);

    private string SubtreeText(int root)
    {
        var set = new HashSet<int>();
        Subtree(root, set, -1);
        var tokens = set.Where(t => Rel(t) is not ("case" or "punct") || t != root && t > set.Min()).Order().ToList();
        if (tokens.Count > 0 && Rel(tokens[0]) == "case") tokens.RemoveAt(0);
        if (tokens.Count == 0) return Text(root);
        return _document.Slice(_tokens[tokens[0]].Start, _tokens[tokens[^1]].End);
    }

    // ---- location ----

    private EventLocation? Location(Candidate c, HashSet<int> scope)
    {
        var anchors = new List<int> { c.Trigger };
        if (c.Clause != c.Trigger) anchors.Add(c.Clause);
        else if (c.IsNoun && ClimbToVerb(c.Trigger) is var v && v >= 0) anchors.Add(v);
        foreach (var a in anchors)
        {
            foreach (var o in ChildrenWith(a, "obl", "nmod", "obl:arg"))
            {
                if (CaseOf(o) is not { } p || !LocationPreps.Contains(p)) continue;
                var place = PlaceIn(o, 0);
                if (place >= 0)
                {
                    var e = _context.EntityAt[place]!;
                    return new EventLocation(_context.MentionAt[place]!.Text, e.Id, e.Country);
                }
            }
        }

        // Else a place phrase anywhere in the clause (the parser hangs many on the nearest noun).
        foreach (var o in scope.Order())
        {
            if (BaseRel(o) is not ("obl" or "nmod") || CaseOf(o) is not { } p || !LocationPreps.Contains(p)) continue;
            var place = PlaceIn(o, 0);
            if (place >= 0)
            {
                var e = _context.EntityAt[place]!;
                return new EventLocation(_context.MentionAt[place]!.Text, e.Id, e.Country);
            }
        }

        return null;
    }

    /// <summary>A GPE, LOC or FAC entity token at or below a location phrase ("in federal court in Maryland").</summary>
    private int PlaceIn(int i, int depth)
    {
        if (_context.EntityAt[i] is { Type: "GPE" or "LOC" or "FAC" }) return i;
        if (depth >= 2) return -1;
        foreach (var c in Children(i))
        {
            if (Rel(c) is "nmod" or "compound" or "flat" or "appos" && PlaceIn(c, depth + 1) is var p && p >= 0) return p;
        }

        return -1;
    }
}
