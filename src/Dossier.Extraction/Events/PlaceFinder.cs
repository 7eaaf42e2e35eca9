using Dossier.Core.Documents;
using Dossier.Core.Labels;

namespace Dossier.Extraction.Events;

/// <summary>
/// Where an event's place is found: a place phrase ("in Maryland", location-prepositions.tsv) of the trigger or its
/// clause verb, else one anywhere in the clause that no other predicate of it governs.
/// </summary>
internal sealed class PlaceFinder
{
    private readonly AnalysedSentence _s;
    private readonly DependencyTree _tree;
    private readonly EventClause _clause;

    public PlaceFinder(AnalysedSentence sentence, EventClause clause)
    {
        _s = sentence;
        _tree = sentence.Tree;
        _clause = clause;
    }

    /// <summary>The event's location, or null.</summary>
    public EventLocation? Location(EventCandidate c, HashSet<int> scope)
    {
        var preps = _s.Lexicon.Words.LocationPrepositions;
        var anchors = new List<int> { c.Trigger };
        if (c.Clause != c.Trigger) anchors.Add(c.Clause);
        else if (c.IsNoun && _clause.ClimbToVerb(c.Trigger) is var v && v >= 0) anchors.Add(v);
        foreach (var a in anchors)
        {
            foreach (var o in _tree.ChildrenWith(a, "obl", "nmod", "obl:arg"))
            {
                if (_tree.CaseMarker(o) is not { } p || !preps.Contains(p)) continue;
                var place = PlaceIn(o, 0);
                if (place >= 0) return LocationAt(place);
            }
        }

        // Else a place phrase anywhere in the clause (the parser hangs many on the nearest noun).
        foreach (var o in scope.Order())
        {
            if (_tree.BaseRelation(o) is not ("obl" or "nmod") || _tree.CaseMarker(o) is not { } p || !preps.Contains(p)) continue;

            // Not a place of another predicate inside the clause ("conditions restricting travel outside the United States").
            if (_clause.GoverningVerb(o) is var gv && gv >= 0 && !anchors.Contains(gv)) continue;
            var place = PlaceIn(o, 0);
            if (place >= 0) return LocationAt(place);
        }

        return null;
    }

    /// <summary>A GPE, LOC or FAC entity token at or below a location phrase ("in federal court in Maryland"), or -1.</summary>
    public int PlaceIn(int i, int depth)
    {
        if (_s.Context.EntityAt[i] is { Type: EntityTypes.Gpe or EntityTypes.Location or EntityTypes.Facility }) return i;
        if (depth >= 2) return -1;
        foreach (var c in _tree.Children(i))
        {
            if (_tree.Relation(c) is "nmod" or "compound" or "flat" or "appos" && PlaceIn(c, depth + 1) is var p && p >= 0) return p;
        }

        return -1;
    }

    private EventLocation LocationAt(int place)
    {
        var e = _s.Context.EntityAt[place]!;
        return new EventLocation(_s.Context.MentionAt[place]!.Text, e.Id, e.Country) { Place = e.Place, Scope = Core.Labels.PlaceClasses.SentenceScope };
    }
}
