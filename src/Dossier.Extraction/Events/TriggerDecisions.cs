using Dossier.Core.Documents;
using Dossier.Extraction.Events.Scoring;

namespace Dossier.Extraction.Events;

/// <summary>One event the combination of the rule coder and the trigger model may keep.</summary>
/// <param name="Event">The event (from the rules, or built on the token the model proposes).</param>
/// <param name="Token">Its trigger token; -1 when it is not a candidate token of the model (then a rule event is kept).</param>
/// <param name="Head">The trigger token's head in the dependency tree, or -1.</param>
/// <param name="Probability">The model's probability of the event's type on its trigger (NaN when <paramref name="Token"/> is -1).</param>
/// <param name="FromRules">Found by the rule coder (else proposed by the model).</param>
/// <param name="Eventful">The model's probability that the trigger reports an event of any type (1 − P(NONE); NaN as above).</param>
internal sealed record TriggerCall(Event Event, int Token, int Head, double Probability, bool FromRules, double Eventful = double.NaN);

/// <summary>
/// How the rule coder and the trigger model are combined for one sentence: the model reads every candidate token
/// (<see cref="TriggerFeatures"/>, with the rule events as features); a rule event is kept unless the model gives its
/// type less than <see cref="TriggerModel.Veto"/> on its trigger, or an event of any type less than
/// <see cref="TriggerModel.VetoEvent"/>; a token whose most probable type (not NONE) reaches
/// <see cref="TriggerModel.Propose"/> becomes an event (<see cref="SentenceAnalyser.Propose"/>) unless an event of that
/// type is already kept on it or on a token next to it in the tree (its head or a child: "held talks"); a light verb
/// or verb of ending whose object is a rule event is proposed as nothing ("launched an offensive"), and neither is
/// that object ("stopped its attacks" is a de-escalation, not an assault).
/// </summary>
internal static class TriggerDecisions
{
    /// <summary>Proposals below this probability are not built at all (the thresholds tried start above it).</summary>
    public const double Floor = 0.1;

    /// <summary>The rule events and the model's proposals of one sentence, each with the model's probability.</summary>
    public static List<TriggerCall> Calls(TriggerModel model, DocumentContext context, EventLexicon lexicon, SentenceAnalyser analyser, Sentence sentence, IReadOnlyList<Event> ruleEvents)
    {
        var tree = context.Tree;
        var tokenOf = new Dictionary<Event, int>(ReferenceEqualityComparer.Instance);
        var ruleTypes = new Dictionary<int, List<string>>();
        foreach (var e in ruleEvents)
        {
            var t = -1;
            for (var i = sentence.FirstToken; i < sentence.EndToken; i++)
            {
                if (context.Document.Tokens[i].Start == e.Trigger.Start) { t = i; break; }
            }

            tokenOf[e] = t;
            if (t < 0) continue;
            if (!ruleTypes.TryGetValue(t, out var list)) ruleTypes[t] = list = [];
            if (!list.Contains(e.Type)) list.Add(e.Type);
        }

        var probabilities = new Dictionary<int, double[]>();
        for (var i = sentence.FirstToken; i < sentence.EndToken; i++)
        {
            if (TriggerFeatures.IsCandidate(tree, i)) probabilities[i] = model.Probabilities(TriggerFeatures.Of(context, lexicon, i, ruleTypes, analyser.Dropped));
        }

        var calls = new List<TriggerCall>();
        foreach (var e in ruleEvents)
        {
            var t = tokenOf[e];
            var k = IndexOf(model.Classes, e.Type);
            var p = t >= 0 && k >= 0 && probabilities.TryGetValue(t, out var ps) ? ps[k] : double.NaN;
            calls.Add(new TriggerCall(e, double.IsNaN(p) ? -1 : t, t >= 0 ? tree.Head(t) : -1, p, true, double.IsNaN(p) ? double.NaN : 1 - probabilities[t][0]));
        }

        foreach (var (t, ps) in probabilities)
        {
            var best = 0;
            for (var k = 1; k < ps.Length; k++)
            {
                if (best == 0 || ps[k] > ps[best]) best = k;
            }

            if (ps[best] < Floor) continue;
            var type = model.Classes[best];
            if (ruleTypes.TryGetValue(t, out var there) && there.Contains(type)) continue;

            // A light verb whose object noun is a rule event ("launched an offensive", "held talks") carries that event: it
            // is no second one of another type (one event per trigger).
            if ((lexicon.IsLightVerb(tree.Lemma(t)) || lexicon.Words.EndingVerbs.Contains(tree.Lemma(t)))
                && ruleTypes.Keys.Any(k => tree.Head(k) == t && tree.Relation(k) == "obj")) continue;

            // An act of force a verb of ending takes as its object is ended, not done ("stopped its attacks"): the rule
            // event there is the de-escalation, and the noun is no assault of its own.
            if (there is not null && tree.Relation(t) == "obj" && tree.Head(t) is var ender && ender >= 0 && lexicon.Words.EndingVerbs.Contains(tree.Lemma(ender))) continue;
            var fallback = lexicon.GeneralCode(type);
            if (fallback is null) continue;
            if (analyser.Propose(t, type, fallback) is { } proposed) calls.Add(new TriggerCall(proposed, t, tree.Head(t), ps[best], false, 1 - ps[0]));
        }

        return calls;
    }

    /// <summary>The events kept at the thresholds, in trigger order: a rule event stays when the model gives its type at
    /// least <paramref name="veto"/> and an event of any type at least <paramref name="vetoEvent"/>; a proposal is
    /// added when its type reaches <paramref name="propose"/>.</summary>
    public static List<Event> Select(IReadOnlyList<TriggerCall> calls, double veto, double vetoEvent, double propose)
    {
        var kept = new List<TriggerCall>();
        foreach (var c in calls)
        {
            if (c.FromRules && (c.Token < 0 || c.Probability >= veto && c.Eventful >= vetoEvent)) kept.Add(c);
        }

        foreach (var c in calls.Where(c => !c.FromRules && c.Probability >= propose).OrderByDescending(c => c.Probability).ThenBy(c => c.Token))
        {
            if (kept.Any(k => k.Event.Type == c.Event.Type && k.Token >= 0 && (k.Token == c.Token || k.Token == c.Head || k.Head == c.Token))) continue;
            kept.Add(c);
        }

        // The model's probability becomes the event's first confidence (the event scorer reads it and replaces it).
        return [.. kept.Select(k => double.IsNaN(k.Probability) ? k.Event : k.Event with { Confidence = Math.Round(k.Probability, 3) })
            .OrderBy(e => e.Trigger.Start).ThenBy(e => e.Type, StringComparer.Ordinal)];
    }

    private static int IndexOf(IReadOnlyList<string> list, string value)
    {
        for (var i = 0; i < list.Count; i++)
        {
            if (list[i] == value) return i;
        }

        return -1;
    }
}
