namespace Dossier.Nlp.Entities;

/// <summary>
/// Where titles are cut off names: "Secretary of State Ann Cole" keeps only "Ann Cole", as PERSON; "Treasury" in
/// "Treasury Secretary Ann Cole" is dropped; a MISC name closed before an organisation's head word is extended
/// to it. The title words come from <see cref="NerLexicon"/> (<c>title-heads.tsv</c>, <c>title-modifiers.tsv</c>).
/// </summary>
internal sealed partial class EntityTyper
{
    private const int Per = 0;

    private static bool IsTitleConnector(string w) => w is "of" or "for" or "the";

    /// <summary>
    /// Titles are not part of a person's name: a span that opens with title words ("Secretary of
    /// State", "National Security Adviser", "Treasury Secretary") and ends in a person-like name
    /// keeps only the name, as a person; a span made only of title words that comes right before
    /// more title words and a name ("Treasury" in "Treasury Secretary Ann Cole") is dropped.
    /// </summary>
    private void StripTitles(IReadOnlyList<string> words, List<(int Start, int End, int Type)> spans, Gazetteer gazetteer)
    {
        var n = words.Count;
        for (var k = 0; k < spans.Count; k++)
        {
            var (s, e, t) = spans[k];
            if (e <= s) continue;
            var cut = s;
            var head = false;
            var titleOnly = true;
            for (var i = s; i < e; i++)
            {
                var w = words[i];
                if (_lexicon.TitleHeads.Contains(w) && (t == Per || !_lexicon.AmbiguousTitleHeads.Contains(w))) head = true;
                else if (!_lexicon.TitleModifiers.Contains(w) && !(i > s && IsTitleConnector(w)))
                {
                    titleOnly = false;
                    break;
                }

                cut = i + 1;
            }

            while (cut > s && IsTitleConnector(words[cut - 1])) cut--;
            if (cut == s) continue;
            if (titleOnly)
            {
                // Only title words: an organisation standing alone ("the Treasury said") stays; one that
                // only qualifies the title of the person named next goes, and the name is a person.
                var j = e;
                var titled = head;
                while (j < n && (_lexicon.TitleHeads.Contains(words[j]) || _lexicon.TitleModifiers.Contains(words[j])
                    || (IsTitleConnector(words[j]) && (j > e || (j + 1 < n && (_lexicon.TitleHeads.Contains(words[j + 1]) || _lexicon.TitleModifiers.Contains(words[j + 1])))))))
                {
                    titled |= _lexicon.TitleHeads.Contains(words[j]) && !_lexicon.AmbiguousTitleHeads.Contains(words[j]);
                    j++;
                }

                if (!titled || j >= n) continue;
                var r = j;
                while (r < n && r - j < 4 && (Capitalised(words[r]) && !IsPossessive(words[r]) || r > j && _lexicon.NameParticles.Contains(words[r]) && r + 1 < n && Capitalised(words[r + 1]))) r++;
                var headBefore = _lexicon.TitleHeads.Contains(words[j - 1]) && (t == Per || !_lexicon.AmbiguousTitleHeads.Contains(words[j - 1]));
                if (r == j || !PersonLike(words, j, r, headBefore, gazetteer)) continue;
                var crosses = false;
                for (var o = 0; o < spans.Count && !crosses; o++)
                {
                    var (os, oe, _) = spans[o];
                    crosses = o != k && oe > os && os < r && oe > j && (os < j || oe > r);
                }

                if (crosses) continue;
                for (var o = 0; o < spans.Count; o++)
                {
                    if (o != k && spans[o].End > spans[o].Start && spans[o].Start >= j && spans[o].End <= r) spans[o] = (j, j, spans[o].Type);
                }

                spans[k] = (s, s, t);
                spans.Add((j, r, Per));
                continue;
            }

            var titleBefore = s > 0 && _lexicon.TitleHeads.Contains(words[s - 1]) || s > 1 && IsTitleConnector(words[s - 1]) && _lexicon.TitleHeads.Contains(words[s - 2]);
            if (!head && !titleBefore) continue;

            // "State Ana Cole and Secretary of Defense Ben Ode": the name ends where a connector or
            // another title begins; what follows is looked at as a span of its own.
            var nameEnd = cut;
            while (nameEnd < e && Capitalised(words[nameEnd]) && !_lexicon.TitleHeads.Contains(words[nameEnd]) && !_lexicon.TitleModifiers.Contains(words[nameEnd])) nameEnd++;
            if (nameEnd < e && nameEnd > cut)
            {
                var rest = nameEnd;
                while (rest < e && (words[rest] is "and" or "," or "&" || IsTitleConnector(words[rest]))) rest++;
                if (rest < e && (_lexicon.TitleHeads.Contains(words[rest]) || _lexicon.TitleModifiers.Contains(words[rest])) && PersonLike(words, cut, nameEnd, true, gazetteer))
                {
                    spans[k] = (cut, nameEnd, Per);
                    spans.Add((rest, e, t));
                    continue;
                }
            }

            var headBeforeTail = _lexicon.TitleHeads.Contains(words[cut - 1]) && (t == Per || !_lexicon.AmbiguousTitleHeads.Contains(words[cut - 1]));
            if (!PersonLike(words, cut, e, t == Per || headBeforeTail, gazetteer)) continue;
            spans[k] = (cut, e, Per);
        }
    }

    /// <summary>
    /// A title the tagger took for the given name: a span that opens with title words ("Chancellor", "Deputy Governor") and
    /// holds one more word closes after what is only the given name when the word after it is capitalised, made of letters,
    /// in no span, no title word, no place the gazetteer knows, and not a word that text usually writes in lower case
    /// (so a surname the clusters do not know, "… Chancellor Ilse Varga in …"): the tagger, trained on names of two
    /// words, closed the name one word early. The span takes that word; the title is cut off by <see cref="StripTitles"/>.
    /// </summary>
    private void ExtendTitledName(IReadOnlyList<string> words, List<(int Start, int End, int Type)> spans, Gazetteer gazetteer, Func<string, int>? usualCase)
    {
        for (var k = 0; k < spans.Count; k++)
        {
            var (s, e, t) = spans[k];
            if (e - s < 2 || e >= words.Count) continue;
            var cut = s;
            var head = false;
            while (cut < e && (_lexicon.TitleHeads.Contains(words[cut]) || _lexicon.TitleModifiers.Contains(words[cut])))
            {
                head |= _lexicon.TitleHeads.Contains(words[cut]) && (t == Per || !_lexicon.AmbiguousTitleHeads.Contains(words[cut]));
                cut++;
            }

            if (!head || cut != e - 1 || !NameWord(words[cut])) continue;
            var next = words[e];
            if (!NameWord(next) || _lexicon.TitleHeads.Contains(next) || _lexicon.TitleModifiers.Contains(next) || _lexicon.CalendarWords.Contains(next)) continue;
            if (usualCase is not null && usualCase(next) is 1 or 2) continue;
            if (gazetteer.Lookup(next) is not null || spans.Any(o => o.End > o.Start && o.Start <= e && o.End > e)) continue;
            spans[k] = (s, e + 1, t);
        }

        static bool NameWord(string w) => w.Length >= 2 && char.IsUpper(w[0]) && char.IsLower(w[1]) && w.All(c => char.IsLetter(c) || c == '-') && char.IsLetter(w[^1]);
    }

    /// <summary>
    /// A MISC name that the tagger closed before the rest of an organisation's name ("Asia-Pacific" +
    /// "Economic Cooperation"): the capitalised words that follow, up to one that heads names of
    /// organisations, join it as ORG.
    /// </summary>
    private void ExtendToOrgHead(IReadOnlyList<string> words, List<(int Start, int End, int Type)> spans)
    {
        const int Misc = 3;
        const int Org = 1;
        for (var k = 0; k < spans.Count; k++)
        {
            var (s, e, t) = spans[k];
            if (t != Misc || e <= s) continue;
            var r = e;
            while (r < words.Count && r - e < 4 && Capitalised(words[r]) && !IsPossessive(words[r])) r++;
            var end = r;
            while (end > e && !_lexicon.OrgHeads.Contains(words[end - 1])) end--;
            if (end == e) continue;
            var free = true;
            foreach (var (os, oe, _) in spans)
            {
                if (oe > os && os < end && oe > e) free = false;
            }

            if (free) spans[k] = (s, end, Org);
        }
    }

    /// <summary>
    /// A place of two words that no resource knows is more likely a person: both words capitalised words of letters that the
    /// word clusters have not seen (the unlabelled text) and the gazetteer does not know, alone or together, no location head
    /// last ("River", "Valley"), and person-like (<see cref="PersonLike"/>). The tagger's class for such a name ("a summit
    /// with Ilse Varga in Lisbon") rests on its context alone.
    /// </summary>
    private bool UnknownTwoWordName(IReadOnlyList<string> words, int s, int e, Gazetteer gazetteer, Func<string, int>? usualCase)
    {
        if (e - s != 2 || usualCase is null || _lexicon.LocationHeads.Contains(words[e - 1])) return false;
        for (var i = s; i < e; i++)
        {
            var w = words[i];
            if (w.Length < 2 || !char.IsUpper(w[0]) || !w.Skip(1).All(char.IsLower) || usualCase(w) != 0 || gazetteer.Lookup(w) is not null) return false;
        }

        return PersonLike(words, s, e, false, gazetteer);
    }

    /// <summary>Two capital letters opening a name of two or more words ("AB Lindqvist"; the other words are checked as usual): initials, not an acronym.</summary>
    private static bool IsInitials(string w, int i, int start, int end) => i == start && end - start >= 2 && w.Length == 2 && w.All(char.IsUpper);

    /// <summary>Could words [start, end) be a personal name: 1–4 capitalised words (name particles inside), no title or organisation word, not a known place or group; one word only when the tagger called the span a person.</summary>
    private bool PersonLike(IReadOnlyList<string> words, int start, int end, bool taggedPerson, Gazetteer gazetteer)
    {
        var length = end - start;
        if (length is < 1 or > 4) return false;
        if (length == 1 && !taggedPerson) return false;
        for (var i = start; i < end; i++)
        {
            var w = words[i];
            if (!Capitalised(w))
            {
                if (i == start || i == end - 1 || !_lexicon.NameParticles.Contains(w)) return false;
                continue;
            }

            if (_lexicon.TitleHeads.Contains(w) || _lexicon.TitleModifiers.Contains(w) || _lexicon.CalendarWords.Contains(w) || _lexicon.OrgWords.Contains(w) || _lexicon.OrgSuffixes.Contains(w) || _lexicon.LawHeads.Contains(w) || _lexicon.EventHeads.Contains(w) || _lexicon.FacilityHeads.Contains(w)) return false;
            if (!w.Any(char.IsLower) && !IsInitials(w, i, start, end)) return false; // an acronym
        }

        var entry = gazetteer.Lookup(Join(words, start, end));
        return entry is null || (entry.Kinds & (GazKind.AnyGroup | GazKind.Org | GazKind.Country | GazKind.State)) == 0;
    }
}
