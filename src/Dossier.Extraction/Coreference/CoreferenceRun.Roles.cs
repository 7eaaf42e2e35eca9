using Dossier.Core.Labels;
using Dossier.Extraction.Actors;

namespace Dossier.Extraction.Coreference;

/// <summary>Title and role reading: the titles a person's mention states, with their country, organisation and status.</summary>
internal sealed partial class CoreferenceRun
{
    /// <summary>The country a nationality, country or place mention stands for when it modifies a title or a noun ("U.S.", "Ukrainian").</summary>
    private string? CountryOfModifier(MentionInfo m)
    {
        if (m.Type == EntityTypes.Group) return Kb.FindDemonym(m.Text)?.Iso3 ?? m.Country;
        if (m.Type is EntityTypes.Gpe or EntityTypes.Location) return Kb.FindPlace(m.Text)?.Iso3 ?? m.Country;
        return null;
    }

    /// <summary>Titles before a person's name ("former U.S. Secretary of State X"), after it ("X of Ukraine"), and in apposition ("X, the foreign minister of Y").</summary>
    private void FindRoles()
    {
        foreach (var m in _mentions.Where(m => !m.Removed && m.Type == EntityTypes.Person).ToList())
        {
            var s = m.FirstToken;
            var sentenceFirst = _view.SentenceOf(s).FirstToken;
            var status = "current";
            var titleLast = s - 1;
            if (titleLast - 1 >= sentenceFirst && _view.Lower(titleLast) == "elect" && _view.Text(titleLast - 1) == "-")
            {
                status = "designate";
                titleLast -= 2;
            }

            var pre = _view.TitleEndingAt(titleLast, s - Kb.MaxTitleWords - 3);
            if (pre is null && titleLast >= sentenceFirst && HyphenatedTitle(titleLast) is { } glued)
            {
                // "Ex-Senator", "President-elect" written as one token.
                status = glued.Status;
                var words = glued.Title;
                var start = titleLast;
                for (var p0 = titleLast - 1; p0 >= Math.Max(sentenceFirst, titleLast - Kb.MaxTitleWords); p0--)
                {
                    if (Kb.FindTitle(_view.Phrase(p0, titleLast) + " " + glued.Title) is null) continue;
                    words = _view.Phrase(p0, titleLast) + " " + glued.Title;
                    start = p0;
                }

                var (gc, go, gs) = ReadModifiersBefore(start - 1, sentenceFirst);
                if (gs != "current" && status == "current") status = gs;
                m.Roles.Add(new RoleEvidence(DocumentView.TitleCase(words), Kb.FindTitle(words)!, gc, go, status));
            }

            if (pre is { } found && !(found.Info.Title is "leader" or "official"))
            {
                var p = found.Start;
                while (p - 1 >= sentenceFirst && _lexicon.TitlePrefixes.Contains(_view.Lower(p - 1)) && MentionCovering(p - 1) is null) p--;
                var (country, org, st) = ReadModifiersBefore(p - 1, sentenceFirst);
                if (status == "current") status = st;

                // "President X of Ukraine".
                var e = m.EndToken;
                if (e + 1 < _view.Tokens.Length && _view.Lower(e) == "of" && MentionStartingAt(e + 1) is { } of && of.Sentence == m.Sentence)
                {
                    if (of.Type is EntityTypes.Gpe or EntityTypes.Group) country ??= CountryOfModifier(of);
                    else if (of.Type == EntityTypes.Organization) org ??= of.Text;
                }

                var title = DocumentView.TitleCase(_view.Phrase(p, titleLast + 1));
                m.Roles.Add(new RoleEvidence(title, found.Info, country, org, status));

                // A name inside the title ("Treasury" in "Treasury Secretary") is not an actor of its own.
                foreach (var other in _mentions)
                {
                    if (other != m && !other.Removed && other.FirstToken >= p && other.EndToken <= s && other.Type is not (EntityTypes.Gpe or EntityTypes.Group or EntityTypes.Location)) other.Removed = true;
                }
            }

            ReadAppositive(m);
        }
    }

    /// <summary>A title glued to a status word in one token: "Ex-Senator" (former), "President-elect" (designate).</summary>
    private (string Title, string Status)? HyphenatedTitle(int token)
    {
        var text = _view.Text(token);
        var dash = text.IndexOf('-', StringComparison.Ordinal);
        if (dash <= 0 || dash == text.Length - 1) return null;
        var head = text[..dash];
        var tail = text[(dash + 1)..];
        if (_lexicon.FormerWords.Contains(head.ToLowerInvariant()) && Kb.FindTitle(tail) is not null) return (tail, "former");
        if (tail.ToLowerInvariant() is "elect" or "designate" && Kb.FindTitle(head) is not null) return (head, "designate");
        return null;
    }

    /// <summary>Walks left from <paramref name="k"/> over status words, countries and organisations: "former U.S.", "Ukraine's", "Raytheon".</summary>
    private (string? Country, string? Org, string Status) ReadModifiersBefore(int k, int sentenceFirst)
    {
        string? country = null, org = null;
        var status = "current";
        for (var steps = 0; steps < 6 && k >= sentenceFirst; steps++)
        {
            var word = _view.Lower(k);
            if (_lexicon.FormerWords.Contains(word))
            {
                status = "former";
                k--;
                continue;
            }

            if (word == "-" && k - 1 >= sentenceFirst && _lexicon.FormerWords.Contains(_view.Lower(k - 1)))
            {
                status = "former";
                k -= 2;
                continue;
            }

            if (_lexicon.DesignateWords.Contains(word))
            {
                status = "designate";
                k--;
                continue;
            }

            if (_lexicon.NeutralTitleWords.Contains(word))
            {
                k--;
                continue;
            }

            if (_view.IsPossessive(k))
            {
                k--;
                continue;
            }

            if (MentionCovering(k) is { } mod)
            {
                if (mod.Type is EntityTypes.Gpe or EntityTypes.Group or EntityTypes.Location)
                {
                    country ??= CountryOfModifier(mod);
                }
                else if (mod.Type is EntityTypes.Organization or EntityTypes.Facility)
                {
                    org ??= mod.Text;
                }
                else
                {
                    break;
                }

                k = mod.FirstToken - 1;
                continue;
            }

            if (_view.IsCapitalized(k) && Kb.FindDemonym(_view.Text(k)) is { } demonym)
            {
                country ??= demonym.Iso3;
                k--;
                continue;
            }

            if (_view.IsCapitalized(k) && Kb.FindCountry(_view.Text(k)) is { } named)
            {
                country ??= named.Iso3;
                k--;
                continue;
            }

            break;
        }

        return (country, org, status);
    }

    /// <summary>"X, the foreign minister of Y," / "X, Ukraine's defence minister," / "X, a former senator from Ohio,".</summary>
    private void ReadAppositive(MentionInfo m)
    {
        var e = m.EndToken;
        var sentence = _view.SentenceOf(m.FirstToken);
        var sentenceEnd = sentence.FirstToken + sentence.TokenCount;
        if (e >= sentenceEnd || _view.Text(e) != ",") return;
        var j = e + 1;
        if (j < sentenceEnd && _view.Lower(j) is "the" or "a" or "an") j++;

        // Modifiers: status words, country adjectives, "Ukraine's".
        string? country = null, org = null;
        var status = "current";
        for (var steps = 0; steps < 6 && j < sentenceEnd; steps++)
        {
            var word = _view.Lower(j);
            if (_lexicon.FormerWords.Contains(word)) status = "former";
            else if (_lexicon.DesignateWords.Contains(word)) status = "designate";
            else if (word == "-" || _lexicon.NeutralTitleWords.Contains(word)) { }
            else if (_view.IsPossessive(j)) { }
            else if (MentionStartingAt(j) is { } mod && mod.Type is EntityTypes.Gpe or EntityTypes.Group or EntityTypes.Location or EntityTypes.Organization)
            {
                if (Kb.FindTitle(mod.Text) is not null) break;
                if (mod.Type == EntityTypes.Organization) org ??= mod.Text;
                else country ??= CountryOfModifier(mod);
                j = mod.EndToken;
                continue;
            }
            else if (_view.IsCapitalized(j) && Kb.FindDemonym(_view.Text(j)) is { } demonym) country ??= demonym.Iso3;
            else break;
            j++;
        }

        var title = _view.TitleStartingAt(j, sentenceEnd);
        if (title is not { } t) return;
        var q = t.End;

        // "A, Secretary of State B, …" is a list of titled names, not an apposition.
        if (q < sentenceEnd && (MentionStartingAt(q) is not null || (_view.IsCapitalized(q) && (_view.Xpos(q) ?? "").StartsWith("NNP", StringComparison.Ordinal)))) return;
        if (q < sentenceEnd && _view.Lower(q) == "-" && q + 1 < sentenceEnd && _view.Lower(q + 1) == "elect")
        {
            status = "designate";
            q += 2;
        }

        if (q + 1 < sentenceEnd && _view.Lower(q) is "of" or "for" or "at" or "from" or "in" && MentionStartingAt(q + 1) is { } of)
        {
            if (of.Type is EntityTypes.Gpe or EntityTypes.Group or EntityTypes.Location) country ??= CountryOfModifier(of);
            else if (of.Type is EntityTypes.Organization or EntityTypes.Facility) org ??= of.Text;
        }

        m.Roles.Add(new RoleEvidence(DocumentView.TitleCase(_view.Phrase(j, t.End)), t.Info, country, org, status));
    }
}
