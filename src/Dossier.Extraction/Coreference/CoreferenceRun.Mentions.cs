using Dossier.Extraction.Actors;

namespace Dossier.Extraction.Coreference;

/// <summary>One pass of the stage over one document. Not thread-safe; one per call.</summary>
internal sealed partial class CoreferenceRun
{
    private static readonly HashSet<string> FormerWords = ["former", "ex", "then", "onetime", "one-time", "erstwhile"];
    private static readonly HashSet<string> DesignateWords = ["incoming", "designate", "designated", "future", "presumptive", "elect"];
    private static readonly HashSet<string> NeutralWords = ["outgoing", "acting", "interim", "current", "sitting", "longtime", "long-time", "top", "senior", "key", "new"];
    private static readonly HashSet<string> TitlePrefixes = ["deputy", "vice", "assistant", "chief", "junior", "principal", "first", "second"];
    private static readonly HashSet<string> CollectiveNouns = ["government", "administration", "delegation", "military", "police", "army", "navy", "leadership", "opposition", "parliament", "cabinet", "ministry", "court", "media", "congress", "senate", "junta", "regime", "authority", "authorities"];

    // Titles too generic to stand alone as "the …" for a person.
    private static readonly HashSet<string> NonNominalTitles = ["official", "deputy", "executive", "chair", "director", "justice", "major", "general", "captain", "representative", "speaker", "commander", "rep", "sen", "gen", "col", "adm", "activist", "negotiator", "diplomat", "envoy", "founder", "adviser", "advisor", "secretary", "minister", "mp", "king", "queen", "leader"];

    private readonly DocumentView _view;
    private readonly List<MentionInfo> _mentions = [];
    private readonly List<Cluster> _clusters = [];

    public CoreferenceRun(DocumentView view) => _view = view;

    private ActorKnowledgeBase Kb => _view.Kb;

    /// <summary>The recognizer's mentions, as working mentions with token spans.</summary>
    private void ReadMentions()
    {
        var doc = _view.Document;
        foreach (var entity in doc.Entities)
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
                if (Kb.FindCountry(m.Text) is { } c) { m.Type = "GPE"; m.Country = c.Iso3; }
                else if (Kb.FindDemonym(m.Text) is { } d) { m.Type = "NORP"; m.Country = d.Iso3; }
                else if (Kb.FindActor(m.Text, ActorKind.Organization) is { Kind: not ActorKind.Person }) m.Type = "ORG";
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
            var people = m.Type == "PERSON" && bounds.All(b => b.End - b.First == 1 && _view.IsCapitalized(b.First));
            if (countries.All(c => c is not null) || people)
            {
                m.Removed = true;
                for (var i = 0; i < bounds.Count; i++)
                {
                    var (f, e) = bounds[i];
                    var start = _view.Tokens[f].Start;
                    var end = _view.Tokens[e - 1].End;
                    added.Add(new MentionInfo(MentionKind.Name, start, end, _view.Document.Text[start..end], m.Sentence, f, e, people ? "PERSON" : "GPE")
                    {
                        Country = countries[i]?.Iso3,
                    });
                }
            }
        }

        _mentions.AddRange(added);
        _mentions.RemoveAll(m => m.Removed);
        _mentions.Sort((a, b) => a.Start != b.Start ? a.Start.CompareTo(b.Start) : b.End.CompareTo(a.End));
    }

    private void SetSpan(MentionInfo m, int first, int end)
    {
        m.FirstToken = first;
        m.EndToken = end;
        m.Start = _view.Tokens[first].Start;
        m.End = _view.Tokens[end - 1].End;
        m.Text = _view.Document.Text[m.Start..m.End];
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
            if (a.Type is not ("GPE" or "LOC" or "NORP") || b.Type is not ("ORG" or "EVENT" or "FAC" or "LAW")) continue;
            SetSpan(b, a.FirstToken, b.EndToken);
            a.Removed = true;
        }

        _mentions.RemoveAll(m => m.Removed);
    }

    /// <summary>
    /// A title the recognizer put inside a name ("National Security Adviser John Bolton" as ORG,
    /// "State Marco Rubio" after "Secretary of") is cut off; what is left is a person.
    /// </summary>
    private void CutTitlesOutOfNames()
    {
        foreach (var m in _mentions)
        {
            if (m.Type is "GPE" or "NORP" or "LOC") continue;
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
                m.Type = "PERSON";
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

    private static IEnumerable<int> Between(int first, int end)
    {
        for (var i = first; i < end; i++) yield return i;
    }

    private MentionInfo? MentionCovering(int token, Func<MentionInfo, bool>? filter = null) =>
        _mentions.FirstOrDefault(m => !m.Removed && m.FirstToken <= token && token < m.EndToken && (filter is null || filter(m)));

    private MentionInfo? MentionStartingAt(int token) =>
        _mentions.FirstOrDefault(m => !m.Removed && m.FirstToken == token);

    private string? CountryOfModifier(MentionInfo m)
    {
        if (m.Type == "NORP") return Kb.FindDemonym(m.Text)?.Iso3 ?? m.Country;
        if (m.Type is "GPE" or "LOC") return Kb.FindPlace(m.Text)?.Iso3 ?? m.Country;
        return null;
    }

    /// <summary>Titles before a person's name ("former U.S. Secretary of State X"), after it ("X of Ukraine"), and in apposition ("X, the foreign minister of Y").</summary>
    private void FindRoles()
    {
        foreach (var m in _mentions.Where(m => !m.Removed && m.Type == "PERSON").ToList())
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
                while (p - 1 >= sentenceFirst && TitlePrefixes.Contains(_view.Lower(p - 1)) && MentionCovering(p - 1) is null) p--;
                var (country, org, st) = ReadModifiersBefore(p - 1, sentenceFirst);
                if (status == "current") status = st;

                // "President X of Ukraine".
                var e = m.EndToken;
                if (e + 1 < _view.Tokens.Length && _view.Lower(e) == "of" && MentionStartingAt(e + 1) is { } of && of.Sentence == m.Sentence)
                {
                    if (of.Type is "GPE" or "NORP") country ??= CountryOfModifier(of);
                    else if (of.Type == "ORG") org ??= of.Text;
                }

                var title = DocumentView.TitleCase(_view.Phrase(p, titleLast + 1));
                m.Roles.Add(new RoleEvidence(title, found.Info, country, org, status));

                // A name inside the title ("Treasury" in "Treasury Secretary") is not an actor of its own.
                foreach (var other in _mentions)
                {
                    if (other != m && !other.Removed && other.FirstToken >= p && other.EndToken <= s && other.Type is not ("GPE" or "NORP" or "LOC")) other.Removed = true;
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
        if (FormerWords.Contains(head.ToLowerInvariant()) && Kb.FindTitle(tail) is not null) return (tail, "former");
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
            if (FormerWords.Contains(word))
            {
                status = "former";
                k--;
                continue;
            }

            if (word == "-" && k - 1 >= sentenceFirst && FormerWords.Contains(_view.Lower(k - 1)))
            {
                status = "former";
                k -= 2;
                continue;
            }

            if (DesignateWords.Contains(word))
            {
                status = "designate";
                k--;
                continue;
            }

            if (NeutralWords.Contains(word))
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
                if (mod.Type is "GPE" or "NORP" or "LOC")
                {
                    country ??= CountryOfModifier(mod);
                }
                else if (mod.Type is "ORG" or "FAC")
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
            if (FormerWords.Contains(word)) status = "former";
            else if (DesignateWords.Contains(word)) status = "designate";
            else if (word == "-" || NeutralWords.Contains(word)) { }
            else if (_view.IsPossessive(j)) { }
            else if (MentionStartingAt(j) is { } mod && mod.Type is "GPE" or "NORP" or "LOC" or "ORG")
            {
                if (Kb.FindTitle(mod.Text) is not null) break;
                if (mod.Type == "ORG") org ??= mod.Text;
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
            if (of.Type is "GPE" or "NORP" or "LOC") country ??= CountryOfModifier(of);
            else if (of.Type is "ORG" or "FAC") org ??= of.Text;
        }

        m.Roles.Add(new RoleEvidence(DocumentView.TitleCase(_view.Phrase(j, t.End)), t.Info, country, org, status));
    }

    /// <summary>
    /// A country, nationality or place modifying a group noun ("Ukrainian officials", "U.S. troops",
    /// "Indiana Republicans") becomes a group actor spanning both, coded country + the noun's sector.
    /// </summary>
    private void FindGroups()
    {
        var added = new List<MentionInfo>();
        foreach (var g in _mentions.Where(m => !m.Removed && m.Kind == MentionKind.Name && m.Type is "NORP" or "GPE").ToList())
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
            if (MentionStartingAt(g.EndToken) is { Type: "NORP" or "ORG" } next && next.EndToken - next.FirstToken == 1 && next.Sentence == g.Sentence
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
            if (head + 1 < sentenceEnd && ((_view.Xpos(head + 1) ?? "").StartsWith("NN", StringComparison.Ordinal) || MentionStartingAt(head + 1) is { Type: "PERSON" })) continue;
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
    }

    private bool IsGroupHead(int token)
    {
        var x = _view.Xpos(token) ?? "";
        return x is "NNS" or "NNPS" || CollectiveNouns.Contains(_view.Lower(token));
    }

    private MentionInfo MakeGroup(int first, int end, string country, string sector)
    {
        var start = _view.Tokens[first].Start;
        var stop = _view.Tokens[end - 1].End;
        var type = sector is "PTY" or "OPP" or "REB" or "UAF" or "CVL" or "REL" ? "NORP" : "ORG";
        return new MentionInfo(MentionKind.Group, start, stop, _view.Document.Text[start..stop], _view.Tokens[first].Sentence, first, end, type)
        {
            Country = country,
            Sector = sector,
        };
    }

    /// <summary>"the president", "the Ukrainian leader", "Russia's foreign minister" not followed by a name.</summary>
    private void FindNominals()
    {
        var tokens = _view.Tokens;
        var added = new List<MentionInfo>();
        for (var i = 0; i < tokens.Length; i++)
        {
            var lower = _view.Lower(i);
            var possessive = _view.IsPossessive(i) && i > 0 && MentionCovering(i - 1) is { Type: "GPE" };
            if (lower != "the" && !possessive) continue;
            if (MentionCovering(i) is not null) continue;

            // "X, the foreign minister of Y": the apposition is read as X's role, not as another mention.
            if (i >= 2 && _view.Text(i - 1) == "," && MentionCovering(i - 2) is { Type: "PERSON" }) continue;
            var sentence = _view.SentenceOf(i);
            var sentenceEnd = sentence.FirstToken + sentence.TokenCount;
            string? country = possessive ? CountryOfModifier(MentionCovering(i - 1)!) : null;
            var status = "current";
            var j = i + 1;
            for (var steps = 0; steps < 4 && j < sentenceEnd; steps++)
            {
                var word = _view.Lower(j);
                if (FormerWords.Contains(word)) status = "former";
                else if (DesignateWords.Contains(word)) status = "designate";
                else if (NeutralWords.Contains(word) || word == "-") { }
                else if (MentionStartingAt(j) is { Type: "NORP" or "GPE" } mod && Kb.FindTitle(mod.Text) is null)
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
            if (NonNominalTitles.Contains(t.Info.Title) && country is null) continue;
            var q = t.End;

            // Followed by a name, it is a pre-nominal title, not a description.
            if (q < sentenceEnd && (_view.IsCapitalized(q) && (_view.Xpos(q) ?? "").StartsWith("NNP", StringComparison.Ordinal) || MentionStartingAt(q) is { Type: "PERSON" })) continue;
            if (q < sentenceEnd && (_view.Xpos(q) ?? "").StartsWith("NN", StringComparison.Ordinal)) continue;
            if (q < sentenceEnd && _view.Text(q) == "-") continue;
            if (q + 1 < sentenceEnd && _view.Lower(q) == "of" && MentionStartingAt(q + 1) is { } of && of.Type is "GPE" or "NORP") country ??= CountryOfModifier(of);
            var first = possessive ? j : i;
            var start = tokens[first].Start;
            var end = tokens[q - 1].End;
            var m = new MentionInfo(MentionKind.Nominal, start, end, _view.Document.Text[start..end], tokens[i].Sentence, first, q, "PERSON")
            {
                Nationality = country,
            };
            m.Roles.Add(new RoleEvidence(DocumentView.TitleCase(_view.Phrase(j, t.End)), t.Info, country, null, status));
            added.Add(m);
            i = q - 1;
        }

        _mentions.AddRange(added);
        _mentions.Sort((a, b) => a.Start.CompareTo(b.Start));
    }

    /// <summary>"U.S. officials such as A, B and C": the people listed take the group's country.</summary>
    private void InheritListCountries()
    {
        foreach (var m in _mentions.Where(m => !m.Removed && m.Type == "PERSON" && m.Kind == MentionKind.Name))
        {
            var group = _mentions.LastOrDefault(g => !g.Removed && g != m && g.Sentence == m.Sentence && g.EndToken <= m.FirstToken && (g.Kind == MentionKind.Group || g.Type is "NORP" or "GPE") && g.Country is not null);
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
            if (Between(marker + 1, m.FirstToken).Any(t => _view.IsVerb(t) && !_view.IsCapitalized(t))) continue;
            m.InheritedCountry = group.Country;
        }
    }

    private static readonly HashSet<string> PartyMarkers = new(StringComparer.OrdinalIgnoreCase) { "with", "for", "against", "toward", "towards", "between" };

    /// <summary>Whether a nominal dependent is introduced by a preposition that names a party to an act.</summary>
    private bool HasPartyMarker(int token)
    {
        var sentence = _view.SentenceOf(token);
        for (var t = sentence.FirstToken; t < sentence.EndToken; t++)
        {
            if (_view.Tokens[t].Head == token && _view.Tokens[t].Relation == "case" && PartyMarkers.Contains(_view.Text(t)))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Syntactic role of a mention: the token of its span whose head lies outside it.</summary>
    private void MarkSubjects(MentionInfo m)
    {
        for (var t = m.FirstToken; t < m.EndToken; t++)
        {
            var token = _view.Tokens[t];
            if (token.Head >= m.FirstToken && token.Head < m.EndToken) continue;
            var rel = token.Relation ?? "";
            m.IsSubject = rel.StartsWith("nsubj", StringComparison.Ordinal);
            m.IsAgent = rel is "nsubj" && token.Head >= 0 && _view.IsVerb(token.Head);
            m.IsParty = token.Head >= 0 && (rel is "obj" or "iobj" ? _view.IsVerb(token.Head) : rel is "obl" or "nmod" && HasPartyMarker(t));

            // "Kyiv and Moscow agreed": a conjunct of a subject is a subject.
            if (rel == "conj" && token.Head >= 0 && (_view.Tokens[token.Head].Relation ?? "") == "nsubj")
            {
                m.IsSubject = true;
                var verb = _view.Tokens[token.Head].Head;
                m.IsAgent = verb >= 0 && _view.IsVerb(verb);
            }

            return;
        }
    }
}
