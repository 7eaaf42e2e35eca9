using Dossier.Core.Labels;
using Dossier.Extraction.Actors;

namespace Dossier.Extraction.Coreference;

/// <summary>Mention finding, names: the recognizer's mentions as working mentions, with hyphenated names split or joined and titles cut out of names.</summary>
internal sealed partial class CoreferenceRun
{
    /// <summary>The recognizer's mentions, as working mentions with token spans.</summary>
    private void ReadMentions()
    {
        var doc = _view.Document;
        foreach (var entity in doc.Names)
        {
            foreach (var m in entity.Mentions)
            {
                if (m.Start < 0 || m.End > doc.Text.Length || m.End <= m.Start) continue;
                var first = _view.TokenAtOrAfter(m.Start);
                var end = _view.TokenEnd(m.End);
                if (first >= end || first >= _view.Tokens.Length) continue;
                var sentence = _view.Tokens[first].Sentence;
                _mentions.Add(new MentionInfo(MentionKind.Name, m.Start, m.End, doc.Text[m.Start..m.End], sentence, first, end, entity.Type)
                {
                    Country = entity.Country,
                });
            }
        }

        _mentions.Sort((a, b) => a.Start != b.Start ? a.Start.CompareTo(b.Start) : b.End.CompareTo(a.End));
        MentionsChanged();
        SplitHyphenated();
    }

    /// <summary>
    /// "NATO-backed", "Soviet-era": a name glued to a lower-case word keeps only the name.
    /// "U.S.-Ukraine-Russia": countries joined by hyphens are one mention each.
    /// </summary>
    private void SplitHyphenated()
    {
        var added = new List<MentionInfo>();
        foreach (var m in _mentions)
        {
            var hyphens = Between(m.FirstToken, m.EndToken).Where(t => _view.Text(t) is "-" or "\u2010" or "\u2011").ToList();
            if (hyphens.Count == 0) continue;
            var lastHyphen = hyphens[^1];
            var tail = Between(lastHyphen + 1, m.EndToken).ToList();
            if (tail.Count == 1 && _view.Text(tail[0]).All(c => char.IsLower(c)) && lastHyphen > m.FirstToken)
            {
                SetSpan(m, m.FirstToken, lastHyphen);
                if (Kb.FindCountry(m.Text) is { } c) { m.Type = EntityTypes.Gpe; m.Country = c.Iso3; }
                else if (Kb.FindDemonym(m.Text) is { } d) { m.Type = EntityTypes.Group; m.Country = d.Iso3; }
                else if (Kb.FindActor(m.Text, ActorKind.Organization) is { Kind: not ActorKind.Person }) m.Type = EntityTypes.Organization;
                continue;
            }

            // Every segment a country (or, in a person's span, a capitalised single word).
            var bounds = new List<(int First, int End)>();
            var from = m.FirstToken;
            foreach (var h in hyphens.Append(m.EndToken))
            {
                if (h > from) bounds.Add((from, h));
                from = h + 1;
            }

            if (bounds.Count < 2) continue;
            var countries = bounds.Select(b => Kb.FindCountry(_view.Span(b.First, b.End))).ToList();
            var people = m.Type == EntityTypes.Person && bounds.All(b => b.End - b.First == 1 && _view.IsCapitalized(b.First));
            if (countries.All(c => c is not null) || people)
            {
                m.Removed = true;
                for (var i = 0; i < bounds.Count; i++)
                {
                    var (f, e) = bounds[i];
                    var start = _view.Tokens[f].Start;
                    var end = _view.Tokens[e - 1].End;
                    added.Add(new MentionInfo(MentionKind.Name, start, end, _view.Document.Text[start..end], m.Sentence, f, e, people ? EntityTypes.Person : EntityTypes.Gpe)
                    {
                        Country = countries[i]?.Iso3,
                    });
                }
            }
        }

        _mentions.AddRange(added);
        _mentions.RemoveAll(m => m.Removed);
        _mentions.Sort((a, b) => a.Start != b.Start ? a.Start.CompareTo(b.Start) : b.End.CompareTo(a.End));
        MentionsChanged();
    }

    /// <summary>"Asia" + "-" + "Pacific Economic Cooperation": a place glued by a hyphen to an organisation's name is part of it.</summary>
    private void JoinHyphenated()
    {
        var text = _view.Document.Text;
        for (var i = 0; i + 1 < _mentions.Count; i++)
        {
            var a = _mentions[i];
            var b = _mentions[i + 1];
            if (a.Sentence != b.Sentence || b.Start != a.End + 1 || text[a.End] is not ('-' or '\u2010' or '\u2011')) continue;
            if (a.Type is not (EntityTypes.Gpe or EntityTypes.Location or EntityTypes.Group) || b.Type is not (EntityTypes.Organization or EntityTypes.Event or EntityTypes.Facility or EntityTypes.Law)) continue;
            SetSpan(b, a.FirstToken, b.EndToken);
            a.Removed = true;
        }

        _mentions.RemoveAll(m => m.Removed);
        MentionsChanged();
    }

    /// <summary>
    /// A title the recognizer put inside a name ("National Security Adviser John Bolton" as ORG,
    /// "State Marco Rubio" after "Secretary of") is cut off; what is left is a person.
    /// </summary>
    private void CutTitlesOutOfNames()
    {
        foreach (var m in _mentions)
        {
            if (m.Type is EntityTypes.Gpe or EntityTypes.Group or EntityTypes.Location) continue;
            var sentenceFirst = _view.SentenceOf(m.FirstToken).FirstToken;
            var bestEnd = -1;
            for (var p = Math.Max(sentenceFirst, m.FirstToken - Kb.MaxTitleWords - 1); p <= m.FirstToken; p++)
            {
                for (var q = m.EndToken - 1; q > m.FirstToken; q--)
                {
                    if (q <= bestEnd) break;
                    if (!RestIsName(q, m.EndToken)) continue;
                    if (p < m.FirstToken && !Between(p, m.FirstToken).All(t => _view.IsCapitalized(t) || _view.Lower(t) is "of" or "the" or "-")) continue;
                    if (Kb.FindTitle(_view.Phrase(p, q)) is not null)
                    {
                        bestEnd = q;
                        break;
                    }
                }
            }

            if (bestEnd > m.FirstToken)
            {
                SetSpan(m, bestEnd, m.EndToken);
                m.Type = EntityTypes.Person;
            }
        }
    }

    private bool RestIsName(int first, int end)
    {
        if (end - first is < 1 or > 4) return false;
        for (var t = first; t < end; t++)
        {
            if (!_view.IsCapitalized(t) && _view.Text(t) != "-") return false;
        }

        return true;
    }
}
