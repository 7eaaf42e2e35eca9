using Dossier.Core.Labels;
using Dossier.Extraction.Actors;

namespace Dossier.Extraction.Coreference;

/// <summary>Mention finding, groups: "Ukrainian officials" as group actors, and the people a group lists taking its country.</summary>
internal sealed partial class CoreferenceRun
{
    /// <summary>
    /// A country, nationality or place modifying a group noun ("Ukrainian officials", "U.S. troops",
    /// "Indiana Republicans") becomes a group actor spanning both, coded country + the noun's sector.
    /// </summary>
    private void FindGroups()
    {
        var added = new List<MentionInfo>();
        foreach (var g in _mentions.Where(m => !m.Removed && m.Kind == MentionKind.Name && m.Type is EntityTypes.Group or EntityTypes.Gpe).ToList())
        {
            var sentence = _view.SentenceOf(g.FirstToken);
            var sentenceEnd = sentence.FirstToken + sentence.TokenCount;

            // The recognizer may already span both ("Indiana Republicans").
            if (g.EndToken - g.FirstToken >= 2)
            {
                var last = g.EndToken - 1;
                var place = _view.Span(g.FirstToken, last);
                var placeCountry = Kb.FindPlace(place)?.Iso3 ?? Kb.FindDemonym(place)?.Iso3;
                var sector = Kb.FindGroupSector(_view.Text(last));
                if (placeCountry is not null && sector is not null && IsGroupHead(last))
                {
                    g.Removed = true;
                    added.Add(MakeGroup(g.FirstToken, g.EndToken, placeCountry, sector));
                    continue;
                }
            }

            // The noun may be a mention of its own: "Texas" + "Republicans".
            if (MentionStartingAt(g.EndToken) is { Type: EntityTypes.Group or EntityTypes.Organization } next && next.EndToken - next.FirstToken == 1 && next.Sentence == g.Sentence
                && Kb.FindGroupSector(next.Text) is { } nounSector && IsGroupHead(next.FirstToken) && CountryOfModifier(g) is { } modifierCountry)
            {
                g.Removed = true;
                next.Removed = true;
                added.Add(MakeGroup(g.FirstToken, next.EndToken, modifierCountry, nounSector));
                continue;
            }

            // Otherwise the noun follows: [adjectives/nouns]* HEAD.
            var head = -1;
            for (var j = g.EndToken; j < sentenceEnd && j < g.EndToken + 3; j++)
            {
                var x = _view.Xpos(j) ?? "";
                if (MentionCovering(j) is not null) break;
                if (x.StartsWith("NN", StringComparison.Ordinal) || x == "JJ")
                {
                    if (x.StartsWith("NN", StringComparison.Ordinal)) head = j;
                    continue;
                }

                break;
            }

            if (head < 0) continue;

            // The head must end the noun phrase and not be a title before a name ("Russian President Putin").
            if (head + 1 < sentenceEnd && ((_view.Xpos(head + 1) ?? "").StartsWith("NN", StringComparison.Ordinal) || MentionStartingAt(head + 1) is { Type: EntityTypes.Person })) continue;
            var groupSector = Kb.FindGroupSector(_view.Text(head));
            if (groupSector is null || !IsGroupHead(head)) continue;
            var country = CountryOfModifier(g);
            if (country is null) continue;
            g.Removed = true;
            added.Add(MakeGroup(g.FirstToken, head + 1, country, groupSector));
        }

        _mentions.AddRange(added);
        _mentions.RemoveAll(m => m.Removed);
        _mentions.Sort((a, b) => a.Start.CompareTo(b.Start));
        MentionsChanged();
    }

    /// <summary>A plural noun or a collective noun ("government").</summary>
    private bool IsGroupHead(int token)
    {
        var x = _view.Xpos(token) ?? "";
        return x is "NNS" or "NNPS" || _lexicon.CollectiveNouns.Contains(_view.Lower(token));
    }

    /// <summary>A group mention over tokens [first, end), typed by its sector (<see cref="ActorCoder.GroupType"/>).</summary>
    private MentionInfo MakeGroup(int first, int end, string country, string sector)
    {
        var start = _view.Tokens[first].Start;
        var stop = _view.Tokens[end - 1].End;
        var type = ActorCoder.GroupType(sector);
        return new MentionInfo(MentionKind.Group, start, stop, _view.Document.Text[start..stop], _view.Tokens[first].Sentence, first, end, type)
        {
            Country = country,
            Sector = sector,
        };
    }

    /// <summary>"U.S. officials such as A, B and C": the people listed take the group's country.</summary>
    private void InheritListCountries()
    {
        foreach (var m in _mentions.Where(m => !m.Removed && m.Type == EntityTypes.Person && m.Kind == MentionKind.Name))
        {
            var group = _mentions.LastOrDefault(g => !g.Removed && g != m && g.Sentence == m.Sentence && g.EndToken <= m.FirstToken && (g.Kind == MentionKind.Group || g.Type is EntityTypes.Group or EntityTypes.Gpe) && g.Country is not null);
            if (group is null) continue;
            var marker = -1;
            for (var t = group.EndToken; t < m.FirstToken; t++)
            {
                if (_view.Lower(t) == "including" || (_view.Lower(t) == "as" && t > 0 && _view.Lower(t - 1) == "such") || _view.Lower(t) == "like")
                {
                    marker = t;
                    break;
                }
            }

            if (marker < 0 || marker - group.EndToken > 2) continue;
            if (Between(marker + 1, m.FirstToken).Any(t => Tree.IsVerbOrAuxiliary(t) && !_view.IsCapitalized(t))) continue;
            m.InheritedCountry = group.Country;
        }
    }
}
