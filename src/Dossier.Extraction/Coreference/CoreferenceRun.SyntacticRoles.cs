namespace Dossier.Extraction.Coreference;

/// <summary>What a mention does in its clause, from the dependency tree: subject, agent, party to an act.</summary>
internal sealed partial class CoreferenceRun
{
    /// <summary>Whether a nominal dependent is introduced by a preposition that names a party to an act.</summary>
    private bool HasPartyMarker(int token) =>
        Tree.Children(token).Any(c => Tree.Relation(c) == "case" && _lexicon.PartyMarkers.Contains(Tree.Text(c)));

    /// <summary>Syntactic role of a mention: the token of its span whose head lies outside it.</summary>
    private void MarkSubjects(MentionInfo m)
    {
        for (var t = m.FirstToken; t < m.EndToken; t++)
        {
            var head = Tree.Head(t);
            if (head >= m.FirstToken && head < m.EndToken) continue;
            var rel = Tree.Relation(t);
            m.IsSubject = rel.StartsWith("nsubj", StringComparison.Ordinal);
            m.IsAgent = rel is "nsubj" && head >= 0 && Tree.IsVerbOrAuxiliary(head);
            m.IsParty = head >= 0 && (rel is "obj" or "iobj" ? Tree.IsVerbOrAuxiliary(head) : rel is "obl" or "nmod" && HasPartyMarker(t));

            // "Kyiv and Moscow agreed": a conjunct of a subject is a subject.
            if (rel == "conj" && head >= 0 && Tree.Relation(head) == "nsubj")
            {
                m.IsSubject = true;
                var verb = Tree.Head(head);
                m.IsAgent = verb >= 0 && Tree.IsVerbOrAuxiliary(verb);
            }

            return;
        }
    }

    /// <summary>The token of a mention's span whose head lies outside it (its syntactic head), else its first token.</summary>
    private int HeadOf(MentionInfo m)
    {
        for (var t = m.FirstToken; t < m.EndToken; t++)
        {
            var h = Tree.Head(t);
            if (h < m.FirstToken || h >= m.EndToken) return t;
        }

        return m.FirstToken;
    }
}
