using System.Globalization;
using Dossier.Core.Documents;

namespace Dossier.Extraction.Events.Scoring;

/// <summary>
/// The features the event scorer reads off one event the rule coder produced: the trigger's lemma, part of speech and
/// place in the dependency tree, the clause's auxiliaries and marks (negation, modals, conditions), the code and type,
/// whether a source and a target were found, their entity types, actor codes and relations to the trigger, the
/// status, the sentence's length and whether the trigger stands inside quotation marks. Read only from the event and
/// the document's layers, so it does not depend on how the rule classes found the event.
/// </summary>
public static class EventFeatures
{
    /// <summary>The feature names of <paramref name="e"/>, an event of <paramref name="tree"/>'s document (binary features, each once).</summary>
    public static IReadOnlyList<string> Of(DependencyTree tree, Event e)
    {
        ArgumentNullException.ThrowIfNull(tree);
        ArgumentNullException.ThrowIfNull(e);
        var document = tree.Document;
        var features = new List<string>(48) { "type=" + e.Type, "cameo=" + e.Cameo, "cameo2=" + Root(e.Cameo), "status=" + e.Status, "quad=" + e.QuadClass.ToString(CultureInfo.InvariantCulture) };
        // The confidence the coder gave it (the trigger model's probability when it ran), in tenths.
        features.Add("prior=" + Math.Clamp((int)(e.Confidence * 10), 0, 9).ToString(CultureInfo.InvariantCulture));
        var t = TriggerToken(document, e);
        if (t >= 0)
        {
            var lemma = tree.Lemma(t);
            var token = document.Tokens[t];
            features.Add("lemma=" + lemma);
            features.Add("type*lemma=" + e.Type + "|" + lemma);
            features.Add("upos=" + token.Upos);
            features.Add("type*upos=" + e.Type + "|" + token.Upos);
            features.Add("rel=" + tree.Relation(t));
            features.Add("type*rel=" + e.Type + "|" + tree.Relation(t));
            features.Add("lemma*status=" + lemma + "|" + e.Status);
            var head = tree.Head(t);
            features.Add("headrel=" + (head < 0 ? "-" : tree.Relation(head)));
            features.Add("headupos=" + (head < 0 ? "-" : document.Tokens[head].Upos));
            features.Add("depth=" + Math.Min(Depth(tree, t), 4).ToString(CultureInfo.InvariantCulture));
            foreach (var c in tree.Children(t))
            {
                var r = tree.BaseRelation(c);
                if (r is "aux" or "mark" or "advmod" or "cop") features.Add(r + "=" + tree.Lemma(c));
                if (r is "nsubj" or "obj" or "iobj" or "obl" or "ccomp" or "xcomp" or "nmod") features.Add("child=" + tree.Relation(c));
            }

            // Marks and auxiliaries of the clauses above the trigger ("if ...", "could ... to", "said ...").
            var h = head;
            for (var depth = 0; h >= 0 && depth < 4; depth++)
            {
                features.Add("anc=" + tree.Lemma(h) + "|" + tree.Relation(h));
                foreach (var c in tree.Children(h))
                {
                    var r = tree.BaseRelation(c);
                    if (r is "aux" or "mark") features.Add("anc." + r + "=" + tree.Lemma(c));
                }

                h = tree.Head(h);
            }

            features.Add("quoted=" + InsideQuotes(document, e, token.Start));
        }
        else
        {
            features.Add("trigger=unfound");
        }

        Actors(features, "src", e.Type, e.Source, document, tree, t, e.Sentence);
        Actors(features, "tgt", e.Type, e.Target, document, tree, t, e.Sentence);
        features.Add("type*src=" + e.Type + "|" + (e.Source.IsDefaultOrEmpty ? "none" : "some"));
        features.Add("len=" + LengthBucket(document, e.Sentence));
        features.Add("speaker=" + e.Attributes.ContainsKey("speaker"));
        features.Add("intended=" + e.Attributes.ContainsKey("intended"));
        features.Add("date=" + (e.Date is not null));
        features.Add("place=" + (e.Location is not null && e.Location.Scope != Core.Labels.PlaceClasses.DocumentScope)); // the sentence names one; not the document fallback
        features.Add("mode=" + (e.Mode ?? "-"));
        return features.Distinct(StringComparer.Ordinal).ToList();
    }

    private static string Root(string cameo) => cameo.Length >= 2 ? cameo[..2] : cameo;

    /// <summary>The token the trigger starts on, or -1.</summary>
    internal static int TriggerToken(Document document, Event e)
    {
        if (document.Tokens.IsDefaultOrEmpty || e.Sentence < 0 || e.Sentence >= document.Sentences.Length) return -1;
        var s = document.Sentences[e.Sentence];
        for (var i = s.FirstToken; i < s.EndToken && i < document.Tokens.Length; i++)
        {
            var token = document.Tokens[i];
            if (token.Start <= e.Trigger.Start && e.Trigger.Start < token.End) return i;
        }

        return -1;
    }

    private static int Depth(DependencyTree tree, int t)
    {
        var depth = 0;
        for (var h = tree.Head(t); h >= 0 && depth < 50; h = tree.Head(h)) depth++;
        return depth;
    }

    private static string LengthBucket(Document document, int sentence)
    {
        if (sentence < 0 || sentence >= document.Sentences.Length) return "?";
        var n = document.Sentences[sentence].TokenCount;
        return n < 10 ? "<10" : n < 20 ? "<20" : n < 40 ? "<40" : ">=40";
    }

    /// <summary>Whether an odd number of quotation marks stands between the sentence's start and the trigger.</summary>
    private static bool InsideQuotes(Document document, Event e, int at)
    {
        if (e.Sentence < 0 || e.Sentence >= document.Sentences.Length) return false;
        var start = document.Sentences[e.Sentence].Start;
        var marks = 0;
        var text = document.Text;
        for (var i = start; i < at && i < text.Length; i++)
        {
            if (char.GetUnicodeCategory(text[i]) is UnicodeCategory.InitialQuotePunctuation or UnicodeCategory.FinalQuotePunctuation || text[i] == '"') marks++;
        }

        return marks % 2 == 1;
    }

    private static void Actors(List<string> features, string side, string type, System.Collections.Immutable.ImmutableArray<EventActor> actors, Document document, DependencyTree tree, int trigger, int sentence)
    {
        if (actors.IsDefaultOrEmpty)
        {
            features.Add(side + "=none");
            return;
        }

        features.Add(side + "=some");
        if (actors.Length > 1) features.Add(side + "=several");
        var a = actors[0];
        features.Add(side + ".coded=" + (a.Code is not null));
        features.Add(side + ".country=" + (a.Country is not null));
        features.Add(side + ".sector=" + (a.Sector ?? "-"));
        var entity = a.Entity is null ? null : document.Entities.FirstOrDefault(x => x.Id == a.Entity);
        features.Add(side + ".entity=" + (entity?.Type ?? "none"));
        features.Add(side + ".entity*type=" + (entity?.Type ?? "none") + "|" + type);
        var head = ActorHead(document, tree, entity, a, sentence);
        if (head < 0)
        {
            features.Add(side + ".rel=unfound");
            return;
        }

        features.Add(side + ".upos=" + document.Tokens[head].Upos);
        var rel = tree.Relation(head);
        var attached = trigger >= 0 && tree.Head(head) == trigger;
        features.Add(side + ".rel=" + rel + (attached ? "@trigger" : "@other"));
        features.Add(side + ".rel*type=" + rel + (attached ? "@trigger" : "@other") + "|" + type);
        if (trigger >= 0) features.Add(side + ".before=" + (head < trigger));
    }

    /// <summary>The syntactic head token of the actor's mention in the sentence (an entity mention, else its text), or -1.</summary>
    internal static int ActorHead(Document document, DependencyTree tree, Entity? entity, EventActor actor, int sentence)
    {
        if (sentence < 0 || sentence >= document.Sentences.Length) return -1;
        var s = document.Sentences[sentence];
        int start = -1, end = -1;
        if (entity is not null)
        {
            foreach (var m in entity.Mentions)
            {
                if (m.Sentence != sentence) continue;
                start = m.Start;
                end = m.End;
                break;
            }
        }

        if (start < 0 && actor.Text.Length > 0)
        {
            var at = document.Text.IndexOf(actor.Text, s.Start, Math.Max(0, s.End - s.Start), StringComparison.OrdinalIgnoreCase);
            if (at >= 0)
            {
                start = at;
                end = at + actor.Text.Length;
            }
        }

        if (start < 0) return -1;
        var best = -1;
        for (var i = s.FirstToken; i < s.EndToken && i < document.Tokens.Length; i++)
        {
            var token = document.Tokens[i];
            if (token.End <= start || token.Start >= end) continue;
            var h = tree.Head(i);
            var inside = h >= 0 && document.Tokens[h].Start >= start && document.Tokens[h].End <= end;
            if (!inside) return i;
            best = best < 0 ? i : best;
        }

        return best;
    }
}
