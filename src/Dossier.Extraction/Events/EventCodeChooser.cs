using Dossier.Core.Documents;
using Dossier.Core.Labels;

namespace Dossier.Extraction.Events;

/// <summary>
/// Where an event's CAMEO code is chosen: a verb's most specific lexicon entry, an event noun's (or its light verb's)
/// entry, the demand code of "X said Y must …", and the recoding of a stated intention ("will give aid" expresses
/// intent, "would blockade" threatens, "will not accept" rejects; held under "unless" it is a threat). The codes of
/// constructions are data (<see cref="EventCodeOverrides"/>).
/// </summary>
internal sealed class EventCodeChooser
{
    private readonly AnalysedSentence _s;
    private readonly DependencyTree _tree;
    private readonly EventLexicon _lexicon;
    private readonly EventStatusRules _status;

    public EventCodeChooser(AnalysedSentence sentence, EventStatusRules status)
    {
        _s = sentence;
        _tree = sentence.Tree;
        _lexicon = sentence.Lexicon;
        _status = status;
    }

    /// <summary>The code of "X said Y must/should …": a demand by X on Y.</summary>
    public string DemandCode => _lexicon.Overrides.DemandCode;

    /// <summary>The code of "X asked Y to V" when the verb of asking has none of its own.</summary>
    public string RequestCode => _lexicon.Overrides.RequestCode;

    /// <summary>
    /// The code of a verb in its frame: an act of force (material conflict) spoken or written — made in a statement or
    /// interview, aimed at a statement, an outlet or an abstract thing, or with a speech complement ("attacked the plan, saying …") —
    /// is a verbal attack (ACCUSE); any other code is kept.
    /// </summary>
    public string Framed(int v, string code)
    {
        if (_lexicon.Code(code) is not { QuadClass: 4 } act || !VerbalFrame(v, act.Plover == AssaultType)) return code;
        return _lexicon.Overrides.VerbalAttackCode;
    }

    /// <summary>The PLOVER type of physical attack: the one act of force that has a verbal reading by its object alone.</summary>
    private const string AssaultType = "ASSAULT";

    private bool VerbalFrame(int v, bool assault)
    {
        var media = _lexicon.Words.CommunicationNouns;
        bool Spoken(int n) => media.Contains(_tree.Lemma(n)) || _s.Context.EntityAt[n] is { Sector: { } sector } e && _lexicon.Words.MediaSectors.Contains(sector) && e.Type != EntityTypes.Person;
        foreach (var c in _tree.Children(v))
        {
            var r = _tree.Relation(c);
            if (r is "obl" or "obl:arg" && _tree.CaseMarker(c) is "in" or "during" or "on" or "at" && media.Contains(_tree.Lemma(c))) return true;
            if (r is "obj" or "obl" or "obl:arg" && _tree.IsNoun(c) && Spoken(c) && _tree.CaseMarker(c) is null or "at" or "on") return true;

            // An attack aimed at an abstract thing ("attacked the plan", "assailed the ministry's handling of it"), not at a
            // body or a place; a plural with a noun modifier is a military sense of the noun ("rebel positions", "its lines",
            // "the positions of the army").
            if (assault && r == "obj" && _tree.IsNoun(c) && _s.Context.EntityAt[c] is null && _s.Tokens[c].Upos == "NOUN"
                && _lexicon.Words.AbstractNouns.Contains(_tree.Lemma(c))
                && !(_s.Tokens[c].Xpos == "NNS" && _tree.Children(c).Any(m => _tree.BaseRelation(m) is "compound" or "nmod"))) return true;
            if (r == "ccomp") return true;
            if (r == "advcl" && _lexicon.IsSpeechVerb(_tree.Lemma(c)) && _s.Tokens[c].Xpos == "VBG") return true;
        }

        return false;
    }

    /// <summary>A lexicon entry read as code and direction: ":173" is 173 with the subject as target.</summary>
    public static (string Code, bool SubjectIsTarget)? Split(string? entry) =>
        entry is null ? null : entry.StartsWith(':') ? (entry[1..], true) : (entry, false);

    /// <summary>The code of a verb, trying the stem of a regular past form the lemmatizer missed; null when it is no event.</summary>
    public (string Code, bool SubjectIsTarget)? VerbCode(int v)
    {
        var code = VerbEntry(v, _tree.Lemma(v));
        if (code is null && _s.Tokens[v].Xpos is "VBD" or "VBN" && _tree.Text(v).ToLowerInvariant() is { } form && form.EndsWith('d'))
        {
            // The lemmatizer misses some regular forms ("rioted" → "riote"): try the stem.
            code = form.EndsWith("ed", StringComparison.Ordinal) ? VerbEntry(v, form[..^2]) ?? VerbEntry(v, form[..^1]) : VerbEntry(v, form[..^1]);
        }

        return code is null || code == EventLexicon.None ? null : Split(code);
    }

    /// <summary>
    /// The most specific lexicon entry of a verb: "lemma prep noun" ("appear in court"), "lemma object" ("expel diplomat"),
    /// "lemma particle" ("hand over"),
    /// "lemma [not] adjective" ("plead not guilty"), "lemma prep" ("call for"), then the lemma. An entry of "-" stops the
    /// search: the phrase is not an event even when the bare verb is ("return to Geneva").
    /// </summary>
    public string? VerbEntry(int v, string lemma)
    {
        foreach (var c in _tree.ChildrenWith(v, "obl", "obl:arg"))
        {
            if (_tree.CaseMarker(c) is { } p && _lexicon.VerbEntry(lemma + " " + p + " " + _tree.Lemma(c)) is { } e) return e;
        }

        var obj = _tree.Child(v, "obj");
        if (obj >= 0 && _tree.IsNoun(obj) && _lexicon.VerbEntry(lemma + " " + _tree.Lemma(obj)) is { } withObject) return withObject;

        var particles = _lexicon.Words.PhrasalParticles;
        var prt = _tree.Child(v, "compound:prt");
        if (prt < 0) prt = _tree.Children(v).FirstOrDefault(a => a > v && _tree.Relation(a) == "advmod" && particles.Contains(_tree.Lemma(a)), -1);
        if (prt < 0 && v + 1 < _s.End && particles.Contains(_tree.Lemma(v + 1)) && _s.Tokens[v + 1].Upos is "ADV" or "ADP" or "PART") prt = v + 1;
        if (prt >= 0 && _lexicon.VerbEntry(lemma + " " + _tree.Lemma(prt)) is { } phrasal) return phrasal;
        foreach (var a in _tree.ChildrenWith(v, "xcomp", "advmod"))
        {
            if (_s.Tokens[a].Upos != "ADJ") continue;
            var not = _status.HasNegation(a) || _tree.Children(v).Any(n => n < a && _tree.Relation(n) == "advmod" && _tree.Lemma(n) is "not" or "n't");
            if (_lexicon.VerbEntry(lemma + " " + (not ? "not " : "") + _tree.Lemma(a)) is { } adjective) return adjective;
        }

        foreach (var c in _tree.ChildrenWith(v, "obl", "obl:arg", "obj"))
        {
            if (_tree.CaseMarker(c) is { } p && _lexicon.VerbEntry(lemma + " " + p) is { } prep) return prep;
        }

        return _lexicon.VerbEntry(lemma);
    }

    /// <summary>
    /// The entry of an event noun: "modifier noun" ("hunger strike"), the noun, or for a frame noun ("mediation
    /// effort") its modifier's; with the lemma of the word that carries the event.
    /// </summary>
    public (string? Entry, string EventLemma) NounEntry(int n)
    {
        var lemma = _tree.Lemma(n);
        string? nounCode = null;
        foreach (var c in _tree.ChildrenWith(n, "compound", "amod"))
        {
            if ((nounCode = _lexicon.Noun(_tree.Lemma(c) + " " + lemma)) is not null) break;
        }

        nounCode ??= _lexicon.Noun(lemma);
        var eventLemma = lemma;
        if (nounCode is null && _lexicon.IsFrameNoun(lemma))
        {
            // "a mediation effort", "the peace process": the modifier says what kind of undertaking it is.
            foreach (var c in _tree.ChildrenWith(n, "compound", "amod"))
            {
                if ((nounCode = _lexicon.Noun(_tree.Lemma(c))) is not null)
                {
                    eventLemma = _tree.Lemma(c);
                    break;
                }
            }
        }

        return (nounCode, eventLemma);
    }

    /// <summary>
    /// The code of a light-verb construction ("held talks", "engaged in fighting"): the pair's own code, or the noun's
    /// when the light verb takes it over; null when the verb is no light verb of this noun.
    /// </summary>
    /// <param name="verb">The verb the noun depends on.</param>
    /// <param name="relation">The noun's relation to it.</param>
    /// <param name="preposition">The noun's preposition, or null.</param>
    /// <param name="eventLemma">The lemma that carries the event (<see cref="NounEntry"/>).</param>
    /// <param name="nounEntry">The noun's own entry.</param>
    public (string Code, bool SubjectIsTarget)? LightCode(int verb, string relation, string? preposition, string eventLemma, string nounEntry)
    {
        var key = relation is "obj" or "nsubj:pass" ? _tree.Lemma(verb) : relation == "obl" && preposition is not null ? _tree.Lemma(verb) + " " + preposition : null;
        var light = key is null ? null : _lexicon.Light(key, eventLemma);
        if (light is null || Split(light) is not { } ls) return null;
        var own = Split(nounEntry)!.Value;

        // Only the pair's own entry ("face trial") makes the subject undergo the act; the noun's (":" on "trial")
        // is about its possessor ("his trial"), not about whoever holds it ("the court held a trial").
        return (light == nounEntry ? own.Code : ls.Code, ls.SubjectIsTarget && (light != nounEntry || _lexicon.IsLightPair(key!, eventLemma)));
    }

    /// <summary>
    /// A stated intention is coded as CAMEO codes it: "X will give Y aid" expresses intent to cooperate (03x, AGREE),
    /// "X would blockade Y" threatens (13x, THREATEN), "X will not accept Y" rejects (12x). The code stated, or null
    /// when the candidate states no intention or its act has no intent code.
    /// </summary>
    public EventCode? StatedIntention(EventCandidate c, EventCode act, string status)
    {
        if (c.Demanded >= 0 || !IntentCue(c)) return null;
        var declined = EventStatusRules.IsDeclined(status);
        if (!declined && !EventStatusRules.IsIntended(status)) return null;
        return _lexicon.Overrides.IntentCode(act.Code, declined) is { } code && _lexicon.Code(code) is { Plover: not null } stated ? stated : null;
    }

    /// <summary>"X will withdraw its troops unless Y …": an intention held over someone is a threat.</summary>
    public EventCode ThreatWhenConditional(EventCandidate c, EventCode stated, string status) =>
        EventStatusRules.IsIntended(status) && Conditional(c.Clause) && _lexicon.Code(_lexicon.Overrides.ConditionalThreatCode) is { Plover: not null } threat
            ? threat
            : stated;

    private bool IntentCue(EventCandidate c)
    {
        if (_tree.Children(c.Clause).Any(a => _tree.Relation(a) == "aux" && _lexicon.IsIntentCue(_tree.Lemma(a)))) return true;
        var h = _tree.Head(c.Clause);
        return h >= 0 && _tree.Relation(c.Clause) is "xcomp" or "obj" && _lexicon.IsIntentCue(_tree.Lemma(h));
    }

    /// <summary>True when a clause carries an "unless" condition.</summary>
    private bool Conditional(int clause)
    {
        foreach (var a in _tree.ChildrenWith(clause, "advcl"))
        {
            if (_tree.Children(a).Any(m => _tree.Relation(m) == "mark" && _lexicon.Words.ConditionMarks.Contains(_tree.Lemma(m)))) return true;
        }

        return false;
    }
}
