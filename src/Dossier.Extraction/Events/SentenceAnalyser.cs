using System.Collections.Immutable;
using Dossier.Core.Documents;

namespace Dossier.Extraction.Events;

/// <summary>
/// Finds the events of one sentence: its triggers (<see cref="TriggerFinder"/>), and for each its code
/// (<see cref="EventCodeChooser"/>), arguments (<see cref="ArgumentFinder"/>, <see cref="EventActorResolver"/>), whether
/// its arguments make it an interaction at all (<see cref="InteractionRules"/>),
/// status (<see cref="EventStatusRules"/>), date (<see cref="EventDateFinder"/>), attributes
/// (<see cref="EventAttributes"/>) and place (<see cref="PlaceFinder"/>). Token indexes are document-level.
/// </summary>
internal sealed class SentenceAnalyser
{
    private readonly AnalysedSentence _s;
    private readonly EventStatusRules _status;
    private readonly EventCodeChooser _codes;
    private readonly TriggerFinder _triggers;
    private readonly ArgumentFinder _arguments;
    private readonly EventActorResolver _actors;
    private readonly EventClause _clause;
    private readonly EventDateFinder _dates;
    private readonly EventAttributes _attributes;
    private readonly PlaceFinder _places;
    private readonly InteractionRules _interaction;
    private HashSet<int>? _planChangers;

    public SentenceAnalyser(EventLexicon lexicon, DocumentContext context, int sentenceIndex, Sentence sentence)
    {
        _s = new AnalysedSentence(lexicon, context, sentenceIndex, sentence);
        var actorTokens = new ActorTokens(_s);
        _clause = new EventClause(_s);
        _status = new EventStatusRules(_s);
        _codes = new EventCodeChooser(_s, _status);
        _triggers = new TriggerFinder(_s, _codes, _status, actorTokens);
        _arguments = new ArgumentFinder(_s, actorTokens, _clause);
        _places = new PlaceFinder(_s, _clause);
        _actors = new EventActorResolver(_s, actorTokens, _places);
        _dates = new EventDateFinder(_s);
        _attributes = new EventAttributes(_s, _clause);
        _interaction = new InteractionRules(_s, actorTokens);
    }

    /// <summary>The sentence's events in trigger order; one per trigger and code.</summary>
    public IEnumerable<Event> Run()
    {
        var found = new List<Event>();
        var seen = new HashSet<(int, string)>();
        var dropped = new Dictionary<int, List<string>>();
        var candidates = _triggers.Find();
        var changers = PlanChangers(candidates);
        foreach (var c in candidates.OrderBy(c => c.Trigger))
        {
            // "postponed the talks": the verb is the talks' status (postponed), not an act of its own.
            if (changers.Contains(c.Trigger)) continue;
            if (!seen.Add((c.Trigger, c.Code))) continue;
            var e = Build(c);
            if (e is not null) found.Add(e);
            else if (_s.Lexicon.Code(c.Code)?.Plover is { } type)
            {
                if (!dropped.TryGetValue(c.Trigger, out var types)) dropped[c.Trigger] = types = [];
                if (!types.Contains(type)) types.Add(type);
            }
        }

        Dropped = dropped;
        return found;
    }

    /// <summary>
    /// After <see cref="Run"/>: the PLOVER types of the rule candidates that yielded no event (no actor named, or their
    /// arguments report no interaction), by trigger token; the trigger model reads them as a feature ("three people were
    /// killed": the lexicon's act, with no party named).
    /// </summary>
    public IReadOnlyDictionary<int, List<string>> Dropped { get; private set; } = new Dictionary<int, List<string>>();

    /// <summary>For the trainer's diagnosis: the rule coder's candidates, each with whether it yields an event.</summary>
    internal List<(EventCandidate Candidate, bool Built)> Diagnose() =>
        [.. _triggers.Find().Select(c => (c, _s.Lexicon.Code(c.Code)?.Plover is not null && Build(c) is not null))];

    /// <summary>For the trainer's diagnosis: the PLOVER type the lexicon gives token <paramref name="t"/> (verb code or noun entry), or null.</summary>
    internal string? LexiconType(int t)
    {
        var tree = _s.Tree;
        if (tree.IsVerb(t)) return _codes.VerbCode(t) is { } v ? _s.Lexicon.Code(v.Code)?.Plover : null;
        return EventCodeChooser.Split(_codes.NounEntry(t).Entry) is { } n ? _s.Lexicon.Code(n.Code)?.Plover : null;
    }

    /// <summary>
    /// The event the trigger model proposes on token <paramref name="t"/> with PLOVER type <paramref name="plover"/>, or
    /// null when it has no actor or its arguments report no interaction (as for the rule coder's candidates). The code is
    /// the lexicon's for the token when it has that type, else <paramref name="fallback"/> (the type's most general code).
    /// </summary>
    public Event? Propose(int t, string plover, string fallback)
    {
        _planChangers ??= PlanChangers(_triggers.Find());
        if (_planChangers.Contains(t)) return null;
        var tree = _s.Tree;
        var isNoun = !tree.IsVerb(t);
        string? code = null;
        var subjectIsTarget = false;
        if (isNoun)
        {
            if (EventCodeChooser.Split(_codes.NounEntry(t).Entry) is { } n && _s.Lexicon.Code(n.Code)?.Plover == plover) code = n.Code;
        }
        else if (_codes.VerbCode(t) is { } v && _s.Lexicon.Code(v.Code)?.Plover == plover)
        {
            (code, subjectIsTarget) = (v.Code, v.SubjectIsTarget);
        }

        var head = tree.Head(t);
        var clause = isNoun && head >= 0 && tree.IsVerb(head) && tree.Relation(t) is "obj" or "nsubj" or "nsubj:pass" or "obl" or "xcomp" ? head : t;
        return Build(new EventCandidate(t, clause, code ?? fallback, subjectIsTarget, isNoun), learned: true);
    }

    /// <summary>
    /// The verbs of the sentence that change a plan (issue 19), which code no event of their own: the postponement or
    /// cancellation cue over a candidate's clause (<see cref="EventStatusRules.PlanChanger"/>), or over a complement the
    /// lexicon knows as an act though no candidate stands on it (<see cref="EventStatusRules.ChangesPlannedAct"/>).
    /// </summary>
    private HashSet<int> PlanChangers(List<EventCandidate> candidates)
    {
        var changers = new HashSet<int>();
        foreach (var c in candidates)
        {
            var v = _status.PlanChanger(c);
            if (v >= 0 && v != c.Trigger) changers.Add(v);
        }

        for (var i = _s.First; i < _s.End; i++)
        {
            if (!changers.Contains(i) && _status.ChangesPlannedAct(i)) changers.Add(i);
        }

        _planChangers = changers;
        return changers;
    }

    /// <summary>The event of a candidate, or null when its code has no PLOVER type, it has no actor or its arguments
    /// report no interaction.</summary>
    private Event? Build(EventCandidate c, bool learned = false)
    {
        var type = _s.Lexicon.Code(c.Code);
        if (type?.Plover is null) return null;

        var (sources, targets) = _arguments.Find(c);
        var speaker = c.Demanded >= 0 ? -1 : _attributes.Speaker(c.Clause);

        // A pronoun of a reported clause may stand for the speaker only as the one who acts ("X said it would …"):
        // "he has been charged, the prosecutor said" is not a charge against the prosecutor.
        var sourceActors = _actors.Actors(sources, speaker, lenient: true);
        var targetActors = _actors.Actors(targets, -1, lenient: false);
        targetActors.RemoveAll(t => sourceActors.Any(s => s.Head == t.Head || (s.Actor.Entity is not null && s.Actor.Entity == t.Actor.Entity)));
        // The trigger model has read the arguments' kinds already: its events may leave both roles empty.
        if (!learned && sourceActors.Count == 0 && targetActors.Count == 0) return null;
        if (!learned && !_interaction.Holds(c, type, sources, sourceActors, targets, targetActors)) return null;
        if (learned && !_interaction.SubjectActs(c, sources, sourceActors)) return null; // "heavy snow closed the roads"

        var scope = _clause.Scope(c);
        var status = _status.Status(c);
        var attributes = ImmutableDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
        if (speaker < 0 && c.Demanded < 0) speaker = _attributes.Attribution(c.Clause);
        if (speaker >= 0) attributes["speaker"] = _actors.SpeakerName(speaker);
        if (c.Asked >= 0 && _codes.VerbCode(c.Asked) is { } asked && _s.Lexicon.Code(asked.Code) is { Plover: not null } act)
        {
            attributes["requested"] = act.Plover + "/" + act.Code;
        }

        var date = _dates.Date(scope, attributes);
        status = _status.Dated(status, date?.Value);
        if (_codes.StatedIntention(c, type, status) is { } stated)
        {
            attributes["intended"] = type.Plover + "/" + type.Code;
            status = EventStatusRules.OfStatedIntention(status);
            type = _codes.ThreatWhenConditional(c, stated, status);
        }

        _attributes.Add(scope, attributes);
        var location = _places.Location(c, scope);
        var trigger = _s.Tokens[c.Trigger];
        var confidence = 0.35
            + (sourceActors.Any(a => a.Actor.Entity is not null || a.Actor.Country is not null) ? 0.25 : sourceActors.Count > 0 ? 0.1 : 0)
            + (targetActors.Any(a => a.Actor.Entity is not null || a.Actor.Country is not null) ? 0.2 : targetActors.Count > 0 ? 0.08 : 0)
            + (c.IsNoun && c.Clause == c.Trigger ? 0 : 0.1)
            + (date is not null ? 0.05 : 0);

        // Every code chosen above has a PLOVER type (the lexicon's and the chooser's are checked for one).
        return new Event("", type.Plover!, type.Code, type.QuadClass, type.Goldstein, status,
            new EventSpan(_s.Tree.Text(c.Trigger), trigger.Start, trigger.End), _s.Index)
        {
            Mode = type.Mode,
            Source = [.. sourceActors.Select(a => a.Actor)],
            Target = [.. targetActors.Select(a => a.Actor)],
            Location = location,
            Date = date,
            Attributes = attributes.ToImmutable(),
            Evidence = EventEvidence.Text(_s.Document.Text, _s.Sentence.Start, _s.Sentence.End, trigger.Start, trigger.End),
            EvidenceStart = _s.Sentence.Start,
            EvidenceEnd = _s.Sentence.End,
            Confidence = Math.Round(Math.Clamp(confidence, 0.05, 0.95), 2),
        };
    }
}
