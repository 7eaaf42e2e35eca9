using Dossier.Core.Documents;

namespace Dossier.Extraction.Events;

/// <summary>
/// The clause an event belongs to: its verb, and its scope — the tokens whose dates, values and attributes are the
/// event's (the trigger's and its clause verb's subtrees, without other clauses).
/// </summary>
internal sealed class EventClause
{
    /// <summary>Relations that open another clause: another event's business.</summary>
    private static readonly HashSet<string> ClauseRelations = new(StringComparer.Ordinal)
    {
        "ccomp", "advcl", "parataxis", "acl:relcl", "csubj", "list",
    };

    private readonly DependencyTree _tree;

    public EventClause(AnalysedSentence sentence)
    {
        _tree = sentence.Tree;
    }

    /// <summary>The tokens of the event's clause: the trigger's subtree and its clause verb's.</summary>
    public HashSet<int> Scope(EventCandidate c)
    {
        var scope = new HashSet<int>();
        Subtree(c.Trigger, scope, c.Trigger);
        var clause = c.Clause != c.Trigger ? c.Clause : c.IsNoun ? ClimbToVerb(c.Trigger) : -1;
        if (clause >= 0) Subtree(clause, scope, clause);
        return scope;
    }

    /// <summary>Adds the subtree of <paramref name="root"/> to <paramref name="into"/>; below <paramref name="top"/>, not its other clauses.</summary>
    public void Subtree(int root, HashSet<int> into, int top)
    {
        if (!into.Add(root)) return;
        foreach (var c in _tree.Children(root))
        {
            // Other clauses are other events' business, conjoined ones too ("he was released, and his trial is set for …").
            if (root == top && ClauseRelations.Contains(_tree.Relation(c))) continue;
            if (root == top && _tree.Relation(c) == "conj" && _tree.IsVerb(c) && _tree.Child(c, "nsubj", "nsubj:pass") >= 0) continue;
            Subtree(c, into, top);
        }
    }

    /// <summary>The verb a nominal hangs from (through obl/obj/nmod/conj), or -1.</summary>
    public int ClimbToVerb(int n)
    {
        var i = n;
        for (var depth = 0; depth < 4; depth++)
        {
            var h = _tree.Head(i);
            if (h < 0) return -1;
            if (_tree.IsVerb(h)) return h;
            if (_tree.BaseRelation(i) is not ("nmod" or "conj" or "appos")) return -1;
            i = h;
        }

        return -1;
    }

    /// <summary>The nearest verb above a token, or -1.</summary>
    public int GoverningVerb(int i)
    {
        var k = _tree.Head(i);
        for (var depth = 0; depth < 8 && k >= 0; depth++)
        {
            if (_tree.IsVerb(k)) return k;
            k = _tree.Head(k);
        }

        return -1;
    }
}
