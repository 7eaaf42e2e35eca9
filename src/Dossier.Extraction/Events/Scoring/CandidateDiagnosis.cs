using System.Globalization;
using Dossier.Core.Documents;
using Dossier.Extraction.Events.Annotations;

namespace Dossier.Extraction.Events.Scoring;

/// <summary>
/// Why the dev sentences' gold events get no candidate of their type (before the event scorer): for each gold event
/// with no event of its type in its sentence after the rules and the trigger model's proposals, the first reason that
/// holds — its trigger is no verb or common noun (the model reads only those), a rule candidate of its type was built
/// and dropped (no actor named, or its arguments report no interaction), the model proposed its type and the proposal
/// was not built (a subject that names no actor), the model proposed another type, or the model gave the type less
/// than the proposal threshold (split by what the lexicon says of the word). Printed by <c>dossier train
/// event-trigger</c>; the <c>heldout</c> sentences are never read.
/// </summary>
internal static class CandidateDiagnosis
{
    /// <summary>The reason of each dev gold event, counted; with <paramref name="cases"/>, one line per event.</summary>
    public static SortedDictionary<string, int> Run(EventLexicon lexicon, TriggerModel model, IReadOnlyList<SentencePrediction> dev, TextWriter? cases = null)
    {
        var counts = new SortedDictionary<string, int>(StringComparer.Ordinal);
        foreach (var p in dev)
        {
            var document = p.Document;
            var tree = document.Tokens.IsDefaultOrEmpty || document.Sentences.IsDefaultOrEmpty ? null : new DependencyTree(document);
            if (tree is null || !tree.IsParsed)
            {
                foreach (var g in p.Gold.Events) Count(counts, "no parse", cases, p, g, "");
                continue;
            }

            var context = new DocumentContext(document, tree);
            var sentences = new List<(SentenceAnalyser Analyser, Sentence Sentence, List<(EventCandidate Candidate, bool Built)> Rules, List<Event> Kept, Dictionary<int, List<string>> RuleTypes)>();
            for (var s = 0; s < document.Sentences.Length; s++)
            {
                var sentence = document.Sentences[s];
                if (sentence.TokenCount <= 0 || sentence.FirstToken < 0 || sentence.EndToken > document.Tokens.Length) continue;
                var analyser = new SentenceAnalyser(lexicon, context, s, sentence);
                var ruleEvents = analyser.Run().ToList();
                var ruleTypes = new Dictionary<int, List<string>>();
                foreach (var e in ruleEvents)
                {
                    for (var i = sentence.FirstToken; i < sentence.EndToken; i++)
                    {
                        if (document.Tokens[i].Start != e.Trigger.Start) continue;
                        if (!ruleTypes.TryGetValue(i, out var list)) ruleTypes[i] = list = [];
                        if (!list.Contains(e.Type)) list.Add(e.Type);
                    }
                }

                var kept = TriggerDecisions.Select(TriggerDecisions.Calls(model, context, lexicon, analyser, sentence, ruleEvents), model.Veto, model.VetoEvent, model.Propose);
                sentences.Add((analyser, sentence, analyser.Diagnose(), kept, ruleTypes));
            }

            foreach (var g in p.Gold.Events)
            {
                if (sentences.Any(s => s.Kept.Any(e => e.Type == g.Type)))
                {
                    Count(counts, "a candidate of its type", null, p, g, "");
                    continue;
                }

                var at = string.IsNullOrEmpty(g.Trigger) ? -1 : document.Text.IndexOf(g.Trigger, StringComparison.Ordinal);
                if (at < 0 && !string.IsNullOrEmpty(g.Trigger)) at = document.Text.IndexOf(g.Trigger, StringComparison.OrdinalIgnoreCase);
                var tokens = new List<int>();
                for (var i = 0; at >= 0 && i < document.Tokens.Length; i++)
                {
                    if (document.Tokens[i].Start < at + g.Trigger.Length && at < document.Tokens[i].End) tokens.Add(i);
                }

                var home = sentences.FindIndex(s => tokens.Count > 0 && tokens[0] >= s.Sentence.FirstToken && tokens[0] < s.Sentence.EndToken);
                var other = sentences.Any(s => s.Kept.Count > 0) ? " [sentence has another event]" : "";
                var source = SourceKind(document, context, g.Source);
                if (home < 0)
                {
                    Count(counts, "trigger not found in the text", cases, p, g, "");
                    continue;
                }

                var (analyser, _, rules, _, ruleTypes) = sentences[home];
                var candidates = tokens.Where(t => TriggerFeatures.IsCandidate(tree, t)).ToList();
                if (candidates.Count == 0)
                {
                    Count(counts, "trigger is no verb or common noun", cases, p, g, "upos " + string.Join(",", tokens.Select(t => document.Tokens[t].Upos)));
                    continue;
                }

                if (rules.Any(r => !r.Built && (tokens.Contains(r.Candidate.Trigger) || tokens.Contains(r.Candidate.Clause)) && lexicon.Code(r.Candidate.Code)?.Plover == g.Type))
                {
                    Count(counts, "rule candidate of its type, dropped (no actor / no interaction); source " + source + other, cases, p, g, "");
                    continue;
                }

                var k = IndexOf(model.Classes, g.Type);
                var best = (Token: -1, Class: 0, P: 0.0, Gold: 0.0);
                foreach (var t in candidates)
                {
                    var ps = model.Probabilities(TriggerFeatures.Of(context, lexicon, t, ruleTypes, analyser.Dropped));
                    var b = 0;
                    for (var c = 1; c < ps.Length; c++)
                    {
                        if (b == 0 || ps[c] > ps[b]) b = c;
                    }

                    if (best.Token < 0 || (k >= 0 ? ps[k] : 0) > best.Gold) best = (t, b, ps[b], k >= 0 ? ps[k] : 0);
                }

                var lex = analyser.LexiconType(best.Token);
                var detail = string.Create(CultureInfo.InvariantCulture, $"token '{tree.Text(best.Token)}' {document.Tokens[best.Token].Upos} p(type) {best.Gold:0.00} best {model.Classes[best.Class]} {best.P:0.00} lexicon {lex ?? "-"}");
                if (best.Class == k && best.P >= model.Propose)
                {
                    var fallback = lexicon.GeneralCode(g.Type);
                    var built = fallback is not null && analyser.Propose(best.Token, g.Type, fallback) is not null;
                    Count(counts, built ? "model proposes its type, dropped beside another event" : "model proposes its type, not built (subject names no actor); source " + source, cases, p, g, detail);
                }
                else if (best.P >= model.Propose)
                {
                    Count(counts, "model's best type is another" + (lex is null ? "" : lex == g.Type ? " (lexicon: the type)" : " (lexicon: another type)"), cases, p, g, detail);
                }
                else
                {
                    var band = best.Gold >= 0.05 ? "p(type) 0.05-" + model.Propose.ToString("0.00", CultureInfo.InvariantCulture) : "p(type) < 0.05";
                    var what = lex is null ? "no lexicon type" : lex == g.Type ? "lexicon has the type, no rule candidate" : "lexicon gives another type";
                    Count(counts, "model under the threshold, " + what + ", " + band, cases, p, g, detail);
                }
            }
        }

        return counts;
    }

    /// <summary>Whether the gold source names an entity, is a common-noun group or pronoun, or is absent.</summary>
    private static string SourceKind(Document document, DocumentContext context, string? source)
    {
        if (string.IsNullOrWhiteSpace(source)) return "none";
        var at = document.Text.IndexOf(source, StringComparison.Ordinal);
        if (at < 0) return "elsewhere";
        var named = false;
        var pronoun = true;
        for (var i = 0; i < document.Tokens.Length; i++)
        {
            var t = document.Tokens[i];
            if (t.Start >= at + source.Length || t.End <= at) continue;
            named |= context.EntityAt[i] is not null;
            pronoun &= t.Upos == "PRON";
        }

        return named ? "named" : pronoun ? "pronoun" : "common noun";
    }

    private static void Count(SortedDictionary<string, int> counts, string reason, TextWriter? cases, SentencePrediction p, GoldEvent g, string detail)
    {
        counts[reason] = counts.GetValueOrDefault(reason) + 1;
        cases?.WriteLine($"{reason}\t{g.Type}\t'{g.Trigger}'\tsrc={g.Source}\t{detail}\t{p.Gold.Text}");
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
