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

    /// <param name="Absorbs">A light verb ("held talks"): the verb is part of this event, not one of its own.</param>
    /// <param name="Demanded">For a demand read off "X said Y must ...": the predicate demanded; else -1.</param>
    private sealed record Candidate(int Trigger, int Clause, string Code, bool SubjectIsTarget, bool IsNoun, bool Absorbs = false, int Demanded = -1);

    /// <summary>Particles of phrasal verbs the parser may attach as adverbs ("handed over", "blew up").</summary>
    private static readonly HashSet<string> Particles = new(StringComparer.Ordinal) { "over", "up", "out", "off", "back", "down", "away" };

    /// <summary>Modals that make a reported clause a demand on its subject ("X said Y must withdraw").</summary>
    private static readonly HashSet<string> DemandModals = new(StringComparer.Ordinal) { "must", "should" };

    /// <summary>Prepositions of a time that anchors rather than dates an event ("ahead of the 2026 elections").</summary>
    private static readonly HashSet<string> ReferencePreps = new(StringComparer.Ordinal) { "before", "after", "ahead", "until", "since", "following", "prior", "till" };

    /// <summary>Head words of a quantity whose "of" phrase names the actors ("hundreds of protesters", "some of the rebels").</summary>
    private static readonly HashSet<string> QuantityWords = new(StringComparer.Ordinal)
    {
        "hundred", "hundreds", "thousand", "thousands", "dozen", "dozens", "score", "scores", "million", "millions", "number",
        "some", "many", "most", "all", "several", "few", "one", "two", "three", "members", "member", "part", "majority", "rest", "third", "half", "quarter", "portion",
    };

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
            if (c.Absorbs) lightNouns.Add(c.Clause);
        }

        for (var i = _first; i < _end; i++)
        {
            if (!IsVerb(i) || lightNouns.Contains(i)) continue;
            var c = VerbCandidate(i);
            if (c is not null) candidates.Add(c);
        }

        // "X said Y must withdraw": a demand by the speaker on Y, anchored on the reporting verb.
        for (var i = _first; i < _end; i++)
        {
            if (!Children(i).Any(a => Rel(a) == "aux" && DemandModals.Contains(Lemma(a)))) continue;
            var report = ReportingVerb(i);
            if (report >= 0) candidates.Add(new Candidate(report, report, "100", false, false, Demanded: i));
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
        var code = VerbEntry(v, Lemma(v));
        if (code is null && _tokens[v].Xpos is "VBD" or "VBN" && Text(v).ToLowerInvariant() is { } form && form.EndsWith('d'))
        {
            // The lemmatizer misses some regular forms ("rioted" → "riote"): try the stem.
            code = form.EndsWith("ed", StringComparison.Ordinal) ? VerbEntry(v, form[..^2]) ?? VerbEntry(v, form[..^1]) : VerbEntry(v, form[..^1]);
        }

        if (code is null || code == EventLexicon.None || Split(code) is not { } split) return null;
        return new Candidate(v, v, split.Code, split.SubjectIsTarget, false);
    }

    /// <summary>
    /// The most specific lexicon entry of a verb: "lemma prep noun" ("appear in court"), "lemma object" ("expel diplomat"),
    /// "lemma particle" ("hand over"),
    /// "lemma [not] adjective" ("plead not guilty"), "lemma prep" ("call for"), then the lemma. An entry of "-" stops the
    /// search: the phrase is not an event even when the bare verb is ("return to Geneva").
    /// </summary>
    private string? VerbEntry(int v, string lemma)
    {
        foreach (var c in ChildrenWith(v, "obl", "obl:arg"))
        {
            if (CaseOf(c) is { } p && _lexicon.VerbEntry(lemma + " " + p + " " + Lemma(c)) is { } e) return e;
        }

        var obj = Child(v, "obj");
        if (obj >= 0 && IsNoun(obj) && _lexicon.VerbEntry(lemma + " " + Lemma(obj)) is { } withObject) return withObject;

        var prt = Child(v, "compound:prt");
        if (prt < 0) prt = Children(v).FirstOrDefault(a => a > v && Rel(a) == "advmod" && Particles.Contains(Lemma(a)), -1);
        if (prt < 0 && v + 1 < _end && Particles.Contains(Lemma(v + 1)) && _tokens[v + 1].Upos is "ADV" or "ADP" or "PART") prt = v + 1;
        if (prt >= 0 && _lexicon.VerbEntry(lemma + " " + Lemma(prt)) is { } phrasal) return phrasal;
        foreach (var a in ChildrenWith(v, "xcomp", "advmod"))
        {
            if (_tokens[a].Upos != "ADJ") continue;
            var not = HasNegation(a) || Children(v).Any(n => n < a && Rel(n) == "advmod" && Lemma(n) is "not" or "n't");
            if (_lexicon.VerbEntry(lemma + " " + (not ? "not " : "") + Lemma(a)) is { } adjective) return adjective;
        }

        foreach (var c in ChildrenWith(v, "obl", "obl:arg", "obj"))
        {
            if (CaseOf(c) is { } p && _lexicon.VerbEntry(lemma + " " + p) is { } prep) return prep;
        }

        return _lexicon.VerbEntry(lemma);
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
        var eventLemma = lemma;
        if (nounCode is null && _lexicon.IsFrameNoun(lemma))
        {
            // "a mediation effort", "the peace process": the modifier says what kind of undertaking it is.
            foreach (var c in ChildrenWith(n, "compound", "amod"))
            {
                if ((nounCode = _lexicon.Noun(Lemma(c))) is not null)
                {
                    eventLemma = Lemma(c);
                    break;
                }
            }
        }

        if (Split(nounCode) is not { } own) return null;
        var head = Head(n);
        var rel = Rel(n);
        if (head >= 0 && IsVerb(head) && rel is "obj" or "nsubj" or "nsubj:pass" or "obl" or "xcomp")
        {
            // The parser may hang the preposition on the phrase's first word: "for [U.S. weapons] purchases".
            var p = CaseOf(n) ?? ChildrenWith(n, "compound", "amod").Where(m => m < n).Select(CaseOf).FirstOrDefault(x => x is not null);
            var light = rel is "obj" or "nsubj:pass" ? _lexicon.Light(Lemma(head), eventLemma)
                : rel == "obl" && p is not null ? _lexicon.Light(Lemma(head) + " " + p, eventLemma) : null;
            if (light is not null && Split(light) is { } ls)
            {
                return new Candidate(n, head, light == nounCode ? own.Code : ls.Code, ls.SubjectIsTarget || (light == nounCode && own.SubjectIsTarget), true, Absorbs: true);
            }

            if (GovernorStatus(n, head) is not null) return new Candidate(n, head, own.Code, own.SubjectIsTarget, true);

            // The object of a verb that is no event itself ("sped up the withdrawal", "completed its investigation"), or
            // the aim or setting of the clause ("returned for talks", "went on strike in protest").
            var verbCode = VerbEntry(head, Lemma(head));
            var bare = verbCode is null || verbCode == EventLexicon.None;
            if (bare && rel is "obj" or "nsubj:pass" && !_lexicon.IsSpeechVerb(Lemma(head))) return new Candidate(n, head, own.Code, own.SubjectIsTarget, true);
            if (rel == "obl" && p is "for" or "in" or "during" or "on") return new Candidate(n, head, own.Code, own.SubjectIsTarget, true);
        }

        // The noun names its own actors: "talks with X", "a meeting between X and Y", "X's visit", "protests against X".
        foreach (var c in Children(n))
        {
            var r = Rel(c);
            if (r == "nmod:poss" && IsActor(c)) return new Candidate(n, n, own.Code, own.SubjectIsTarget, true);
            if (r.StartsWith("nmod", StringComparison.Ordinal) && CaseOf(c) is { } cp
                && (cp is "with" or "between" && IsActor(c) || cp == "against" && (IsActor(c) || NestedActor(c) >= 0)))
            {
                return new Candidate(n, n, own.Code, own.SubjectIsTarget, true);
            }
        }

        return null;
    }

    /// <summary>The communication verb ("said", "insisted") whose reported clause holds <paramref name="p"/>, or -1.</summary>
    private int ReportingVerb(int p)
    {
        var i = p;
        for (var depth = 0; depth < 4; depth++)
        {
            var h = Head(i);
            if (h < 0) return -1;
            if (Rel(i) is "ccomp" && _lexicon.IsSpeechVerb(Lemma(h)) && Child(h, "nsubj") >= 0) return h;
            if (Rel(i) is not ("conj" or "xcomp")) return -1;
            i = h;
        }

        return -1;
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
        if (c.Demanded >= 0)
        {
            var speakerSubject = Child(c.Trigger, "nsubj");
            if (speakerSubject >= 0) sources.Add(speakerSubject);
            var demanded = Subject(c.Demanded, 0);
            if (demanded >= 0 && IsActor(demanded)) targets.Add(demanded);
        }
        else if (c.IsNoun)
        {
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

        var speaker = c.Demanded >= 0 ? -1 : Speaker(c.Clause);
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
            else if (t.Type is "DATE" or "TIME" && date is null && t.Value is { Length: > 0 } v && char.IsAsciiDigit(v[0]) && !IsReferenceTime(t))
            {
                date = new EventDate(t.Text, t.Value);
                dateValue = t.Value;
            }
        }

        if (status == "occurred" && IsFuture(dateValue)) status = "planned";

        // A stated intention is coded as CAMEO codes it: "X will give Y aid" expresses intent to cooperate (03x,
        // AGREE), "X would blockade Y" threatens (13x, THREATEN), "X will not accept Y" rejects (12x). The act
        // itself stays in attributes["intended"].
        if (c.Demanded < 0 && IntentCue(c) && Intended(type.Code, status) is { } intended && _lexicon.Code(intended.Code) is { Plover: not null } stated)
        {
            attributes["intended"] = type.Plover + "/" + type.Code;
            type = stated;
            status = intended.Status;

            // "X will withdraw its troops unless Y ...": an intention held over someone is a threat.
            if (status is "planned" or "possible" && Conditional(c.Clause) && _lexicon.Code("130") is { Plover: not null } threat) type = threat;
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
        if (status is "negated" or "refused") return root is >= 3 and <= 8 ? ("120", "occurred") : null;
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

    /// <summary>True when a clause carries an "unless" (or "if … not") condition.</summary>
    private bool Conditional(int clause)
    {
        foreach (var a in ChildrenWith(clause, "advcl"))
        {
            if (Children(a).Any(m => Rel(m) == "mark" && Lemma(m) == "unless")) return true;
        }

        return false;
    }

    /// <summary>A time that anchors the event rather than dates it: "ahead of the 2026 elections", "before March".</summary>
    private bool IsReferenceTime(TimeExpression t)
    {
        foreach (var i in _context.TokensOverlapping(t.Start, t.End))
        {
            var k = i;
            for (var depth = 0; depth < 3 && k >= 0; depth++)
            {
                foreach (var c in Children(k))
                {
                    if (Rel(c) is "case" or "mark" && ReferencePreps.Contains(Lemma(c))) return true;
                    if (Rel(c) == "case" && Lemma(c) == "of" && c > 0 && c - 1 >= _first && ReferencePreps.Contains(Lemma(c - 1))) return true;
                }

                if (BaseRel(k) is "obl" or "advcl" or "advmod") break;
                k = Head(k);
            }
        }

        return false;
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
        else if (Rel(v) == "acl" && _tokens[v].Xpos == "VBN" && Child(v, "obj") < 0 && Head(v) is var modified && modified >= 0)
        {
            // "the diplomats expelled last week": the noun a passive participle modifies undergoes the act.
            targets.Add(modified);
            passive = true;
        }

        if (!passive) AddTargets(v, targets);

        // "X threatened to deliver blows to Y", "X offered to negotiate with Y": the complement's target.
        if (!passive && targets.Count == 0)
        {
            foreach (var x in ChildrenWith(v, "xcomp"))
            {
                if (IsVerb(x)) AddTargets(x, targets);
                if (targets.Count > 0) break;
            }
        }
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
                // "were engaged in ethnic cleansing": the subject of a light verb's adjectival passive still acts.
                var passive = Child(clause, "nsubj:pass", "aux:pass") >= 0 && !(c.Absorbs && Rel(n) == "obl");
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
        var s = Child(v, "nsubj", "nsubj:pass", "csubj", "nsubj:outer");

        // "X's goal was to push for …": the possessor of a non-actor subject of a copular clause acts.
        if (s >= 0 && Rel(s) == "nsubj:outer" && !IsActor(s) && Child(s, "nmod:poss") is var owner && owner >= 0 && IsActor(owner)) return owner;
        if (s < 0 && Child(v, "expl") is var expl && expl >= 0 && Lemma(expl) == "it") s = expl; // "it is willing to …" parsed as expletive

        // Two subjects (a parse of "Some 800,000 Kurds ..."): the one that names an actor.
        if (s >= 0 && !IsActor(s)) s = ChildrenWith(v, "nsubj", "nsubj:pass").Where(IsActor).DefaultIfEmpty(s).First();
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
            case "acl" when _tokens[v].Xpos == "VBG" && !Children(v).Any(m => Rel(m) == "mark"):
            case "acl" when _tokens[v].Xpos is "VBN" or "VBD" && Child(v, "obj") >= 0:
                // "demonstrators protesting the results"; and "Zambia extradited X", parsed as a participle on "Zambia".
                // "demonstrators protesting the results": the noun the participle modifies.
                return head;
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
                var b = best < 0 ? null : _context.EntityAt[best]!;
                if (b is null || (e.Country is not null && b.Country is null) || (b.Country is null && b.Code is null && e.Code is not null)) best = i;
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

        foreach (var h0 in all.Distinct())
        {
            var h = Quantified(h0);

            // Subjects: "British aircraft", "Swiss doctors" — a thing or group named by its nationality acts for it.
            if (!IsActor(h) && NestedActor(h, strict: !lenient) < 0
                && !(lenient && IsNoun(h) && ActorHints.Find(PhraseText(h), _context.Published, false) is not null)) continue;
            var actor = ActorOf(h);

            // "X said it would ...": an unresolved (or uncoded) pronoun of a reported clause stands for the speaker.
            if (_tokens[h].Xpos == "PRP" && speaker >= 0 && (actor.Entity is null || actor.Code is null && actor.Country is null)
                && (IsActor(speaker) || NestedActor(speaker) >= 0) && ActorOf(speaker) is var spoken && (actor.Entity is null || spoken.Country is not null || spoken.Code is not null))
            {
                actor = spoken;
            }

            if (result.Any(r => r.Actor.Entity is not null && r.Actor.Entity == actor.Entity)) continue;
            result.Add(new ActorAt(h, actor));
        }

        return result;
    }

    /// <summary>"Hundreds of thousands of people" → "people": the actors a quantity word counts.</summary>
    private int Quantified(int h)
    {
        var i = h;
        for (var depth = 0; depth < 3; depth++)
        {
            if (IsActor(i) && _tokens[i].Upos != "NUM" && !QuantityWords.Contains(Lemma(i))) return i;
            if (_tokens[i].Upos != "NUM" && !QuantityWords.Contains(Lemma(i)) && !QuantityWords.Contains(Text(i).ToLowerInvariant())) return h;
            var of = ChildrenWith(i, "nmod").FirstOrDefault(c => CaseOf(c) == "of", -1);
            if (of < 0) return h;
            i = of;
        }

        return IsActor(i) ? i : h;
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

    private EventActor ActorOf(int h) => WithCountry(BareActorOf(h), h);

    /// <summary>
    /// An actor without a country or non-state code takes one from its apposition ("a member of the Syrian parliament,
    /// Mohammed Mamoun"), else from the actors knowledge base (its name, or a nationality word in it).
    /// </summary>
    private EventActor WithCountry(EventActor actor, int h)
    {
        if (actor.Country is not null || actor.Code is { Length: >= 3 } code && Dossier.Extraction.Actors.ActorCodes.SectorOf(code) == code[..3]) return actor;
        var related = new List<int>();
        if (Rel(h) == "appos" && Head(h) >= 0) related.Add(Head(h));
        related.AddRange(ChildrenWith(h, "appos"));

        // A subject the parser split in two ("Taiwan's Vice | Foreign Minister"): the other part's words.
        if (BaseRel(h) == "nsubj" && Head(h) is var verb && verb >= 0) related.AddRange(Children(verb).Where(o => o != h && BaseRel(o) == "nsubj" && Math.Abs(o - h) <= 3));
        foreach (var r in related)
        {
            var country = _context.EntityAt[r]?.Country ?? (NestedActor(r) is var n && n >= 0 ? _context.EntityAt[n]!.Country : null);
            if (country is not null) return actor with { Country = country };
        }

        // "a newspaper based in Beirut": the place it is based in.
        foreach (var based in ChildrenWith(h, "acl"))
        {
            if (Lemma(based) != "base") continue;
            foreach (var o in ChildrenWith(based, "obl"))
            {
                if (PlaceIn(o, 0) is var place && place >= 0 && _context.EntityAt[place]!.Country is { } home) return actor with { Country = home };
            }
        }

        if (_tokens[h].Xpos is "PRP" or "PRP$") return actor;
        var name = actor.Entity is not null ? actor.Text : PhraseText(h);
        var named = actor.Entity is not null || _tokens[h].Upos == "PROPN";
        if ((ActorHints.Find(name, _context.Published, named) ?? (actor.Entity is not null ? ActorHints.Find(PhraseText(h), _context.Published, false) : null)) is { } hint)
        {
            return actor with { Country = hint.Country, Code = actor.Code ?? hint.Code };
        }

        return actor;
    }

    private EventActor BareActorOf(int h)
    {
        // "Russian President | Vladimir Putin" split by the parser: a title followed by a person's name is that person.
        if (_context.EntityAt[h] is null && _lexicon.IsActorNoun(Lemma(h)) && h + 1 < _end
            && _context.EntityAt[h + 1] is { Type: "PERSON" } person && _context.MentionAt[h + 1] is { } named0)
        {
            return new EventActor(DisplayName(person, named0), person.Id, person.Country, person.Sector, person.Code);
        }

        if (_context.EntityAt[h] is { } entity && _context.MentionAt[h] is { } mention)
        {
            var country = entity.Country;
            if (country is null && NestedActor(h) is var n && n >= 0) country = _context.EntityAt[n]!.Country;
            return new EventActor(DisplayName(entity, mention), entity.Id, country, entity.Sector, entity.Code);
        }

        var nested = NestedActor(h);
        var nestedEntity = nested >= 0 ? _context.EntityAt[nested] : null;
        var named = NestedActor(h, strict: true);
        if (named >= 0 && !_lexicon.IsActorNoun(Lemma(h)) && _tokens[h].Upos != "PROPN")
        {
            nested = named;
            nestedEntity = _context.EntityAt[named]!;
            // The head is a thing ("resolution") named after an actor ("Security Council"): the actor is that entity.
            return new EventActor(DisplayName(nestedEntity, _context.MentionAt[nested]!), nestedEntity.Id, nestedEntity.Country, nestedEntity.Sector, nestedEntity.Code);
        }

        return new EventActor(PhraseText(h), null, nestedEntity?.Country, null, null);
    }

    /// <summary>The entity's canonical name ("John Bolton" for "He", "Bolton" or "the former adviser"), else the mention.</summary>
    private static string DisplayName(Entity entity, Mention mention) =>
        string.IsNullOrWhiteSpace(entity.Name) ? mention.Text : entity.Name;

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
            // Other clauses are other events' business, conjoined ones too ("he was released, and his trial is set for …").
            if (root == top && ClauseRelations.Contains(Rel(c))) continue;
            if (root == top && Rel(c) == "conj" && IsVerb(c) && Child(c, "nsubj", "nsubj:pass") >= 0) continue;
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

            // Not a place of another predicate inside the clause ("conditions restricting travel outside the United States").
            if (GoverningVerb(o) is var gv && gv >= 0 && !anchors.Contains(gv)) continue;
            var place = PlaceIn(o, 0);
            if (place >= 0)
            {
                var e = _context.EntityAt[place]!;
                return new EventLocation(_context.MentionAt[place]!.Text, e.Id, e.Country);
            }
        }

        return null;
    }

    /// <summary>The nearest verb above a token, or -1.</summary>
    private int GoverningVerb(int i)
    {
        var k = Head(i);
        for (var depth = 0; depth < 8 && k >= 0; depth++)
        {
            if (IsVerb(k)) return k;
            k = Head(k);
        }

        return -1;
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
