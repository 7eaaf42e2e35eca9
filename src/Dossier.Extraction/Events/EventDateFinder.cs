using System.Collections.Immutable;
using Dossier.Core.Documents;
using Dossier.Core.Labels;

namespace Dossier.Extraction.Events;

/// <summary>
/// Where an event's date is found: the first DATE or TIME expression of its clause with a calendar value that is not
/// a reference time ("ahead of the 2026 elections", "before March"); a DURATION is its <c>duration</c> attribute.
/// </summary>
internal sealed class EventDateFinder
{
    private readonly AnalysedSentence _s;
    private readonly DependencyTree _tree;

    public EventDateFinder(AnalysedSentence sentence)
    {
        _s = sentence;
        _tree = sentence.Tree;
    }

    /// <summary>The event's date from the times of its <paramref name="scope"/>; adds the <c>duration</c> attribute.</summary>
    public EventDate? Date(HashSet<int> scope, ImmutableDictionary<string, string>.Builder attributes)
    {
        EventDate? date = null;
        foreach (var t in TimesIn(scope))
        {
            if (t.Type == TimeTypes.Duration)
            {
                if (t.Value is not null) attributes.TryAdd("duration", t.Value);
            }
            else if (t.Type is TimeTypes.Date or TimeTypes.Time && date is null && t.Value is { Length: > 0 } v && char.IsAsciiDigit(v[0]) && !IsReferenceTime(t))
            {
                date = new EventDate(t.Text, t.Value);
            }
        }

        return date;
    }

    private IEnumerable<TimeExpression> TimesIn(HashSet<int> scope)
    {
        foreach (var t in _s.Context.TimesOf(_s.Index))
        {
            if (t.Sentence != _s.Index) continue;
            if (_s.Context.TokensOverlapping(t.Start, t.End).Any(scope.Contains)) yield return t;
        }
    }

    /// <summary>A time that anchors the event rather than dates it: "ahead of the 2026 elections", "before March".</summary>
    private bool IsReferenceTime(TimeExpression t)
    {
        var preps = _s.Lexicon.Words.ReferencePrepositions;
        foreach (var i in _s.Context.TokensOverlapping(t.Start, t.End))
        {
            var k = i;
            for (var depth = 0; depth < 3 && k >= 0; depth++)
            {
                foreach (var c in _tree.Children(k))
                {
                    if (_tree.Relation(c) is "case" or "mark" && preps.Contains(_tree.Lemma(c))) return true;
                    if (_tree.Relation(c) == "case" && _tree.Lemma(c) == "of" && c > 0 && c - 1 >= _s.First && preps.Contains(_tree.Lemma(c - 1))) return true;
                }

                if (_tree.BaseRelation(k) is "obl" or "advcl" or "advmod") break;
                k = _tree.Head(k);
            }
        }

        return false;
    }
}
