using System.Globalization;
using Dossier.Core.Documents;
using Dossier.Core.Labels;

namespace Dossier.Extraction.Events;

/// <summary>
/// Where an event's status is decided (<see cref="EventStatuses"/>): the status cues (general.tsv <c>status</c>) that
/// modify or govern its predicate (an accusation, charge or claim makes what it asserts alleged), the strongest by
/// <see cref="EventStatuses.CuePrecedence"/>, else occurred; a predicate inside a condition is possible; an
/// occurred event dated after publication is planned; a declined stated intention has occurred (it is a rejection).
/// A plan reported as put off or called off ("postponed the talks", "the summit was called off") is postponed or
/// cancelled (issue 19): the corpus records it as a change in the planned event's status history, and the verb of the
/// change is no event of its own (<see cref="PlanChanger"/>, <see cref="ChangesPlannedAct"/>).
/// </summary>
internal sealed class EventStatusRules
{
    private readonly AnalysedSentence _s;
    private readonly DependencyTree _tree;

    public EventStatusRules(AnalysedSentence sentence)
    {
        _s = sentence;
        _tree = sentence.Tree;
    }

    /// <summary>The status its cues give a candidate: "will meet" planned, "refused to sign" refused, "did not meet" negated.</summary>
    public string Status(EventCandidate c)
    {
        var found = new HashSet<string>(StringComparer.Ordinal);
        Modifiers(c.Trigger, found);
        if (c.Clause != c.Trigger) Modifiers(c.Clause, found);

        // Governors: "plans to meet", "urged Y to withdraw", "refused to sign", "confirmed plans to meet".
        var i = c.Clause;
        if (c.Clause != c.Trigger && GovernorStatus(c.Trigger, c.Clause) is { } direct) found.Add(direct);
        for (var depth = 0; depth < 4; depth++)
        {
            var h = _tree.Head(i);
            if (h < 0 || _tree.Relation(i) is not ("xcomp" or "ccomp" or "acl" or "obj" or "obl" or "nsubj:pass" or "advcl")) break;

            // An accusation, charge or claim holds what it asserts as alleged, a speech verb among them ("claimed that …").
            var governed = GovernorStatus(i, h) ?? (_tree.Relation(i) == "advcl" ? MarkedStatus(i, h) : null);
            if (governed == EventStatuses.Alleged) found.Add(governed);
            if (_tree.Relation(i) == "advcl" && governed is null) break;
            if (_s.Lexicon.IsSpeechVerb(_tree.Lemma(h))) break;
            if (governed is not null) found.Add(governed);
            if (HasNegation(h)) found.Add(EventStatuses.Negated);
            i = h;
        }

        if (Hypothetical(c.Clause)) found.Add(EventStatuses.Possible);

        foreach (var s in EventStatuses.CuePrecedence)
        {
            if (found.Contains(s)) return s;
        }

        return EventStatuses.Occurred;
    }

    /// <summary>An event reported as having happened but dated after the publication date is planned.</summary>
    public string Dated(string status, string? dateValue) =>
        status == EventStatuses.Occurred && IsFuture(dateValue) ? EventStatuses.Planned : status;

    /// <summary>
    /// The status of a stated intention recoded by <see cref="EventCodeChooser.StatedIntention"/>: a declined one
    /// ("will not accept", a rejection) has occurred; a planned or possible one stays so.
    /// </summary>
    public static string OfStatedIntention(string status) =>
        IsDeclined(status) ? EventStatuses.Occurred : status;

    /// <summary>Whether a status denies the act (negated or refused).</summary>
    public static bool IsDeclined(string status) => status is EventStatuses.Negated or EventStatuses.Refused;

    /// <summary>Whether a status is an intention not yet carried out (planned or possible).</summary>
    public static bool IsIntended(string status) => status is EventStatuses.Planned or EventStatuses.Possible;

    /// <summary>Status that a governing word gives its dependent predicate: "plans (a summit)", "called for (talks)".</summary>
    public string? GovernorStatus(int dependent, int governor)
    {
        var lemma = _tree.Lemma(governor);
        var p = _tree.CaseMarker(dependent);
        var prt = _tree.Child(governor, "compound:prt");
        return (prt >= 0 ? Cue(lemma, _tree.Lemma(prt)) : null)
            ?? (p is not null ? Cue(lemma, p) : null)
            ?? (_tree.Relation(dependent) is "obj" or "xcomp" or "ccomp" or "acl" or "nsubj:pass" ? Cue(lemma, null) : null);
    }

    /// <summary>
    /// The verb that changes a candidate's plan (issue 19): the governor, on the path <see cref="Status"/> walks up from
    /// the candidate's clause, whose cue is a postponement or a cancellation ("postponed [their talks]", "[the summit]
    /// was called off", "shelved [its plan to withdraw]"); -1 when none. That verb reports a status of the candidate,
    /// not an act of its own.
    /// </summary>
    public int PlanChanger(EventCandidate c)
    {
        if (c.Clause != c.Trigger && EventStatuses.IsChangeOfPlan(GovernorStatus(c.Trigger, c.Clause))) return c.Clause;
        var i = c.Clause;
        for (var depth = 0; depth < 4; depth++)
        {
            var h = _tree.Head(i);
            if (h < 0 || _tree.Relation(i) is not ("xcomp" or "ccomp" or "acl" or "obj" or "obl" or "nsubj:pass")) break;
            if (_s.Lexicon.IsSpeechVerb(_tree.Lemma(h))) break;
            if (EventStatuses.IsChangeOfPlan(GovernorStatus(i, h))) return h;
            i = h;
        }

        return -1;
    }

    /// <summary>
    /// Whether a verb is a change-of-plan cue over a complement (object, passive subject, verbal complement, or an oblique
    /// whose preposition makes the cue: "called [off the vote]" as the parser may read it) that the event lexicon knows
    /// as an act, as a noun or a verb ("called off the vote"), even where no rule made an event of the complement: the
    /// verb then reports a status, not an act of its own.
    /// </summary>
    public bool ChangesPlannedAct(int v)
    {
        if (!_tree.IsVerb(v)) return false;
        foreach (var c in _tree.ChildrenWith(v, "obj", "nsubj:pass", "xcomp", "obl"))
        {
            if (!EventStatuses.IsChangeOfPlan(GovernorStatus(c, v))) continue;
            var lemma = _tree.Lemma(c);
            if (_s.Lexicon.Noun(lemma) is not null || _s.Lexicon.Verb(lemma) is not null) return true;
        }

        return false;
    }

    /// <summary>
    /// The status cue of a governing verb, also when the lemmatizer left off a silent final e ("postponed" → "postpon":
    /// the cue list holds "postpone").
    /// </summary>
    private string? Cue(string lemma, string? particle) =>
        _s.Lexicon.Status(lemma, particle)
        ?? (lemma.Length > 3 && !lemma.EndsWith('e') ? _s.Lexicon.Status(lemma + "e", particle) : null);

    /// <summary>Whether a clause lies inside a condition ("if X attacked …", "unless Y withdraws"): a hypothetical, not
    /// an act reported as having happened (hypothetical-marks.tsv).</summary>
    public bool Hypothetical(int clause)
    {
        var marks = _s.Lexicon.Words.HypotheticalMarks;
        var k = clause;
        for (var depth = 0; depth < 8 && k >= 0; depth++)
        {
            if (_tree.Relation(k) == "advcl" && _tree.Children(k).Any(m => _tree.Relation(m) == "mark" && marks.Contains(_tree.Lemma(m)))) return true;
            k = _tree.Head(k);
        }

        return false;
    }

    /// <summary>The status a governor gives an adverbial clause by its subordinator: "accused of killing", "charged with assaulting".</summary>
    private string? MarkedStatus(int clause, int governor)
    {
        var mark = _tree.Children(clause).FirstOrDefault(m => _tree.Relation(m) == "mark", -1);
        return mark >= 0 ? _s.Lexicon.Status(_tree.Lemma(governor), _tree.Lemma(mark)) : null;
    }

    /// <summary>Whether a predicate carries a negation cue ("not", "never").</summary>
    public bool HasNegation(int p) =>
        _tree.Children(p).Any(c => _tree.Relation(c) is "advmod" or "neg" && _s.Lexicon.Status(_tree.Lemma(c)) == EventStatuses.Negated);

    private void Modifiers(int p, HashSet<string> found)
    {
        foreach (var c in _tree.Children(p))
        {
            if (_tree.Relation(c) is "aux" or "advmod" or "amod" or "det" or "neg" && _s.Lexicon.Status(_tree.Lemma(c)) is { } s) found.Add(s);
        }
    }

    private bool IsFuture(string? value)
    {
        if (value is null || _s.Context.Published is not { } published || value.Length < 10) return false;
        return DateOnly.TryParseExact(value[..10], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) && d > published;
    }
}
