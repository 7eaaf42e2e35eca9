using Dossier.Core.Labels;
using Dossier.Extraction.Actors;

namespace Dossier.Extraction.Coreference;

/// <summary>Definite descriptions: finding "the Ukrainian leader" and resolving it to the person who holds that title.</summary>
internal sealed partial class CoreferenceRun
{
    /// <summary>"the president", "the Ukrainian leader", "Russia's foreign minister" not followed by a name.</summary>
    private void FindNominals()
    {
        var tokens = _view.Tokens;
        var added = new List<MentionInfo>();
        for (var i = 0; i < tokens.Length; i++)
        {
            var lower = _view.Lower(i);
            var possessive = _view.IsPossessive(i) && i > 0 && MentionCovering(i - 1) is { Type: EntityTypes.Gpe };
            if (lower != "the" && !possessive) continue;
            if (MentionCovering(i) is not null) continue;

            // "X, the foreign minister of Y": the apposition is read as X's role, not as another mention.
            if (i >= 2 && _view.Text(i - 1) == "," && MentionCovering(i - 2) is { Type: EntityTypes.Person }) continue;
            var sentence = _view.SentenceOf(i);
            var sentenceEnd = sentence.FirstToken + sentence.TokenCount;
            string? country = possessive ? CountryOfModifier(MentionCovering(i - 1)!) : null;
            var status = "current";
            var j = i + 1;
            for (var steps = 0; steps < 4 && j < sentenceEnd; steps++)
            {
                var word = _view.Lower(j);
                if (_lexicon.FormerWords.Contains(word)) status = "former";
                else if (_lexicon.DesignateWords.Contains(word)) status = "designate";
                else if (_lexicon.NeutralTitleWords.Contains(word) || word == "-") { }
                else if (MentionStartingAt(j) is { Type: EntityTypes.Group or EntityTypes.Gpe } mod && Kb.FindTitle(mod.Text) is null)
                {
                    country ??= CountryOfModifier(mod);
                    j = mod.EndToken;
                    continue;
                }
                else if (_view.IsCapitalized(j) && Kb.FindDemonym(_view.Text(j)) is { } demonym && MentionCovering(j) is null) country ??= demonym.Iso3;
                else break;
                j++;
            }

            if (j >= sentenceEnd || MentionCovering(j) is not null) continue;
            var title = _view.TitleStartingAt(j, sentenceEnd);
            if (title is not { } t) continue;

            // "the leader" / "the minister" alone are too vague; with a nationality they are fine.
            if (_lexicon.VagueTitles.Contains(t.Info.Title) && country is null) continue;
            var q = t.End;

            // Followed by a name, it is a pre-nominal title, not a description.
            if (q < sentenceEnd && (_view.IsCapitalized(q) && (_view.Xpos(q) ?? "").StartsWith("NNP", StringComparison.Ordinal) || MentionStartingAt(q) is { Type: EntityTypes.Person })) continue;
            if (q < sentenceEnd && (_view.Xpos(q) ?? "").StartsWith("NN", StringComparison.Ordinal)) continue;
            if (q < sentenceEnd && _view.Text(q) == "-") continue;
            if (q + 1 < sentenceEnd && _view.Lower(q) == "of" && MentionStartingAt(q + 1) is { } of && of.Type is EntityTypes.Gpe or EntityTypes.Group) country ??= CountryOfModifier(of);
            var first = possessive ? j : i;
            var start = tokens[first].Start;
            var end = tokens[q - 1].End;
            var m = new MentionInfo(MentionKind.Nominal, start, end, _view.Document.Text[start..end], tokens[i].Sentence, first, q, EntityTypes.Person)
            {
                Nationality = country,
            };
            m.Roles.Add(new RoleEvidence(DocumentView.TitleCase(_view.Phrase(j, t.End)), t.Info, country, null, status));
            added.Add(m);
            i = q - 1;
        }

        _mentions.AddRange(added);
        _mentions.Sort((a, b) => a.Start.CompareTo(b.Start));
        MentionsChanged();
    }

    /// <summary>A description joins the most recent person who holds a compatible title (same country, not only formerly); else, with a country, an actor of its own; else it is dropped.</summary>
    private void AssignNominal(MentionInfo m)
    {
        var role = m.Roles[0];
        foreach (var c in PersonClustersByRecency(m))
        {
            var roles = c.Mentions.SelectMany(x => x.Roles).ToList();
            var compatible = roles.Any(r => SameTitle(r, role) || (role.Info.Title == "leader" && r.Info.IsLeader));
            if (!compatible) continue;
            if (role.Country is { } wanted)
            {
                var has = roles.Select(r => r.Country).Concat(c.Mentions.Select(x => x.Nationality ?? x.InheritedCountry)).Where(x => x is not null).ToList();
                var known = c.Known?.CodeAt(_view.Document.Metadata.Published)?.Code is { } code ? ActorCodes.CountryOf(code) : null;
                if (known is not null) has.Add(known);
                if (has.Count > 0 && !has.Contains(wanted)) continue;
            }

            if (role.Status == "current" && roles.All(r => r.Status == "former")) continue;
            Attach(m, c);
            return;
        }

        // No one named holds it: keep it as an actor of its own when its country is known ("the Russian president").
        if (role.Country is not null)
        {
            Attach(m, Keyed("R:" + role.Info.Title + ":" + role.Country + ":" + role.Status, EntityTypes.Person));
            return;
        }

        m.Removed = true;
    }
}
