using Dossier.Core.Labels;

namespace Dossier.Extraction.Coreference;

/// <summary>
/// Mention ranking: every noun phrase the sieves left alone (descriptions, pronouns, names the recognizer missed) is
/// scored against the phrases before it by <see cref="MentionRanker"/> and joins the actor of the best one, or starts
/// one of its own when no candidate scores above "new entity" (0). Links the sieves made are kept.
/// </summary>
internal sealed partial class CoreferenceRun
{
    /// <summary>How many phrases back an anaphor looks for its antecedent.</summary>
    internal const int Window = 30;

    /// <summary>Links each phrase without an actor to its best-scoring antecedent's actor.</summary>
    private void RankNounPhrases()
    {
        if (_ranker is null) return;
        var phrases = FindNounPhrases();
        if (_keepUnnamed)
        {
            // The evaluation scores mentions as GUM draws them: a name or title the sieves found counts with its noun phrase ("the Netherlands").
            foreach (var p in phrases)
            {
                if (p.Mention is { } m && (m.FirstToken, m.EndToken) != (p.First, p.End)) _evaluationSpans.TryAdd(m, (p.First, p.End));
            }
        }

        Span<int> features = stackalloc int[RankingFeatures.MaxPerPair];
        var mask = _ranker.Mask;
        var lastWithWords = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var a in phrases)
        {
            if (a.Cluster is not null || a.Mention is not null)
            {
                if (a.Kind != PhraseKind.Pronoun) lastWithWords[a.Words] = a.Index;
                continue;
            }

            // An apposition ("X, Algeria's leading activist") is read by the sieves as what X is, and events read the
            // country in it; only the evaluation, which scores GUM's appositions as mentions, links it.
            if (a.Relation == "appos" && !_keepUnnamed) continue;
            var earlier = Candidates(phrases, a, lastWithWords);
            NounPhrase? best = null;
            var bestScore = _ranker.Threshold;
            foreach (var j in earlier)
            {
                var c = phrases[j];
                var n = RankingFeatures.Pair(a, c, Tree.Head, features, mask);
                var s = _ranker.Score(features[..n]);
                if (s > bestScore)
                {
                    bestScore = s;
                    best = c;
                }
            }

            if (best is null) continue;
            var cluster = best.Cluster;
            if (cluster is null)
            {
                cluster = NewCluster(best.NameType.Length > 0 ? best.NameType : best.Gender is 'm' or 'f' ? EntityTypes.Person : "");
                best.Cluster = cluster;
                best.Added = AddPhraseMention(best, cluster);
            }

            a.Cluster = cluster;
            a.Added = AddPhraseMention(a, cluster);
            if (a.Gender is 'm' or 'f' && cluster.Type == EntityTypes.Person && cluster.Gender == '\0') cluster.Gender = a.Gender;
        }
    }

    /// <summary>
    /// The candidate antecedents of <paramref name="a"/>: the <see cref="Window"/> phrases before it, and beyond them the last
    /// phrase with the same words (not for pronouns), which may link however far back it is; then records <paramref name="a"/>'s words.
    /// </summary>
    internal static List<int> Candidates(List<NounPhrase> phrases, NounPhrase a, Dictionary<string, int> lastWithWords)
    {
        var result = new List<int>();
        for (var j = a.Index - 1; j >= 0 && j >= a.Index - Window; j--)
        {
            if (MayLink(a, phrases[j])) result.Add(j);
        }

        if (a.Kind != PhraseKind.Pronoun)
        {
            if (lastWithWords.TryGetValue(a.Words, out var same) && same < a.Index - Window && MayLink(a, phrases[same])) result.Add(same);
            lastWithWords[a.Words] = a.Index;
        }

        return result;
    }

    /// <summary>
    /// Hard constraints the model may not overrule: not nested in each other; a he/she never joins an actor of another
    /// type than a person, nor one of the other gender; an "it" or "they" never joins a person.
    /// </summary>
    internal static bool MayLink(NounPhrase a, NounPhrase c)
    {
        if (a.Head >= c.First && a.Head < c.End || c.Head >= a.First && c.Head < a.End) return false;
        var cluster = c.Cluster;
        var type = cluster?.Type ?? c.NameType;
        if (a.Kind == PhraseKind.Pronoun && a.Person == '3')
        {
            if (a.Gender is 'm' or 'f')
            {
                if (type.Length > 0 && type != EntityTypes.Person) return false;
                var g = cluster is { Gender: not '\0' } ? cluster.Gender : c.Gender;
                if (g is 'm' or 'f' && g != a.Gender) return false;
                if (g is 'n' or 'p') return false;
            }
            else if (a.Gender is 'n' or 'p' && (type == EntityTypes.Person || c.Gender is 'm' or 'f' || cluster is { Gender: 'm' or 'f' })) return false;
        }

        return true;
    }

    /// <summary>A working mention for a phrase the ranking linked.</summary>
    private MentionInfo AddPhraseMention(NounPhrase p, Cluster cluster)
    {
        var start = _view.Tokens[p.First].Start;
        var end = _view.Tokens[p.End - 1].End;
        var kind = p.Kind == PhraseKind.Pronoun ? MentionKind.Pronoun : MentionKind.Description;
        var m = new MentionInfo(kind, start, end, _view.Document.Text[start..end], p.Sentence, p.First, p.End, cluster.Type)
        {
            Gender = p.Gender,
        };
        Attach(m, cluster);
        AppendMention(m);
        return m;
    }
}
